"""Build the parallel storefront corpus (tests/data/parallel_shops.jsonl.xz): the SAME messages in
en, es, fr and ru, aligned by key, for measuring false alarms of the text rules on correct
translations (bench/text_rules_realtext.py; docs/parallel-realtext.md).

Sources, none used by the older corpora:

* Odoo 19.0 Community, the e-commerce storefront modules (``addons/<module>/i18n/<lang>.po``,
  msgid = English, msgstr = translation; LGPL-3.0). Read from ``jnvdx6/skymedic-odoo``, a
  vendored copy of Odoo 19.0's ``addons/`` (odoo/odoo itself is too large to fetch here; the
  copy's catalogues carry Odoo's own headers: "Odoo Server", Weblate team
  translate.odoo.com/projects/odoo-19, CRLF line ends, which are dropped). Only the ``addons/``
  community modules are read, never the proprietary ``odoo/enterprise/`` folder beside them.
* Vue Storefront 1.11.4 (``vuestorefront/vue-storefront``, MIT): the default theme's and the
  core's storefront strings (``src/themes/default/resource/i18n/<locale>.csv`` and
  ``core/i18n/resource/i18n/<locale>.csv``: "English source","translation").

Shopify's Dawn theme was looked at and left out: its licence allows use only to develop themes
for Shopify ("All other uses of the Software are strictly prohibited").

Only storefront (buyer-facing) messages of Odoo are kept: a message is kept when one of its
references is a website template (``ir.ui.view,arch_db``, not a back-office form, list, search,
kanban or settings view), front-end code under ``static/src`` (not the website builder, tours or
back-office client actions), a controller, or storefront data (categories, ribbons, checkout
steps, products). Fuzzy entries are skipped (Odoo does not load them).

Cleaning: HTML tags become spaces (``<br>`` too), entities are decoded (twice: Odoo's
``&amp;nbsp;`` is an escaped ``&nbsp;``), runs of ASCII white space are collapsed (no-break
spaces, U+00A0 and U+202F, are kept: French typography is what LOC012 judges). A string that is nothing but
placeholders, numbers and punctuation is dropped; a string holding a placeholder (``%s``,
``%(x)s``, ``{x}``, ``{{ x }}``, ``%{x}``) is kept, marked ``"placeholder": true`` (in every
language of its key). A key is kept when it has its English text and at least two of es/fr/ru.
An English text seen twice keeps its first key (sources in the order above). Records:
``{"repo", "path", "commit", "license", "key", "lang", "text", "placeholder"?}``, in source
order, deterministic.

    python bench/parallel_corpus.py --mirrors FOLDER   # FOLDER/<owner>+<name>[/repo]: git mirrors
"""

from __future__ import annotations

import csv
import html
import io
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench")]

import shop_corpus  # noqa: E402

OUT = ROOT / "tests" / "data" / "parallel_shops.jsonl.xz"
LANGS = ("en", "es", "fr", "ru")

ODOO = {
    "repo": "jnvdx6/skymedic-odoo",
    "commit": "9d42cd40b6d1d901cce6091c7544f595c456dc45",
    "license": "LGPL-3.0",
    "modules": ("website_sale", "website_sale_wishlist", "website_sale_comparison", "website_sale_stock",
                "website_sale_stock_wishlist", "website_sale_loyalty", "website_sale_collect",
                "website_sale_autocomplete", "website_sale_mondialrelay", "website_payment", "payment",
                "delivery", "portal", "sale", "website"),
}
VSF = {
    "repo": "vuestorefront/vue-storefront",
    "commit": "73de9f219e8509d527057260425e6f2e87d9795e",  # tag v1.11.4
    "license": "MIT",
    "folders": ("src/themes/default/resource/i18n", "core/i18n/resource/i18n"),
    "files": {"en": "en-US.csv", "es": "es-ES.csv", "fr": "fr-FR.csv", "ru": "ru-RU.csv"},
}

_BACKOFFICE_VIEW = re.compile(r"view|res_config|search|tree|kanban|pivot|graph|wizard|filter|_form$|_list$|settings"
                              r"|^snippets$|_options$|_svg$")  # the editor's snippet panel and keywords, SVG styles
_BACKOFFICE_CODE = re.compile(r"/tours?/|builder|client_actions|/backend/|/views/|/tests?/|/fields/|/components/|/core/"
                              r"|editor|option|configurator|systray|website_loader|_field|upload|cog_menu|action_helper")
_STORE_DATA = re.compile(r"^model:(product\.public\.category|product\.ribbon|website\.checkout\.step|product\.template"
                         r"|product\.attribute|product\.attribute\.value|delivery\.carrier),")
PLACEHOLDER = re.compile(r"%\{[^}]*\}|\{\{.*?\}\}|\{[A-Za-z_][^{}]*\}|%\([^)]*\)[sdif]|%[sdif]|%[\w.]+%")
_TAG = re.compile(r"<[^>]*>")
_CSS = re.compile(r"[.#@]?[\w-]+\s*\{[^{}]*:[^{}]*;")


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True).stdout


def _mirror(folder: Path, repo: str) -> Path:
    base = folder / repo.replace("/", "+")
    return base / "repo" if (base / "repo").exists() else base


def clean(text: str) -> str:
    """Markup out (tags become spaces), entities decoded, whitespace collapsed."""
    text = text.replace("\r", "")
    for _ in range(2):
        text = html.unescape(_TAG.sub(" ", text))
    return re.sub(r"[ \t\n\r\f\v]+", " ", text).strip()  # inner no-break spaces (U+00A0, U+202F) are kept


def only_placeholders(text: str) -> bool:
    """Nothing a buyer reads once placeholders are out: fewer than two letters in a row."""
    return not re.search(r"[^\W\d_]{2}", PLACEHOLDER.sub(" ", text))


def storefront(locations: list[tuple[str, int | None]]) -> bool:
    for ref, _line in locations:
        if ref.startswith("model_terms:ir.ui.view,arch_db:"):
            if not _BACKOFFICE_VIEW.search(ref.rsplit(".", 1)[-1]):
                return True
        elif ref.startswith("code:"):
            path = ref[len("code:"):]
            if "/static/src/" in path and not _BACKOFFICE_CODE.search(path):
                return True
            if "/controllers/" in path:
                return True
        elif _STORE_DATA.match(ref):
            return True
    return False


class Entry:
    __slots__ = ("id", "string", "locations", "fuzzy")

    def __init__(self):
        self.id, self.string, self.locations, self.fuzzy = None, None, [], False


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _unquote(token: str) -> str:
    body = token.strip()[1:-1]
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), body)


def _read_po(raw: bytes) -> list[Entry]:
    """A gettext catalogue's entries: msgid, msgstr (the first form of a plural), the ``#:``
    references and the fuzzy flag. Obsolete (``#~``) entries are skipped."""
    entries, entry, field = [], Entry(), None
    values: dict[str, str] = {}

    def close():
        nonlocal entry, values
        if "msgid" in values:
            entry.id = values["msgid"]
            entry.string = values.get("msgstr", values.get("msgstr[0]"))
            entries.append(entry)
        entry, values = Entry(), {}

    for line in raw.decode("utf-8").replace("\r\n", "\n").split("\n"):
        line = line.strip()
        if not line:
            close()
            field = None
        elif line.startswith("#:"):
            if "msgid" in values:
                close()
            entry.locations.extend((ref, None) for ref in line[2:].split())
        elif line.startswith("#,"):
            entry.fuzzy = entry.fuzzy or "fuzzy" in line[2:].replace(",", " ").split()
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if field:
                values[field] += _unquote(line)
        else:
            field, _, rest = line.partition(" ")
            if field == "msgid" and "msgid" in values:
                close()
            values[field] = _unquote(rest)
    close()
    return entries


def odoo(folder: Path):
    """(key, {lang: (raw text, path)}) for the storefront messages of the Odoo modules."""
    repo = _mirror(folder, ODOO["repo"])
    for module in ODOO["modules"]:
        base = f"addons/{module}/i18n"
        pot = _read_po(_git(repo, "show", f"{ODOO['commit']}:{base}/{module}.pot"))
        wanted = {m.id: m for m in pot if m.id and isinstance(m.id, str) and storefront(m.locations)}
        catalogues = {}
        for lang in LANGS[1:]:
            catalogues[lang] = {m.id: m for m in _read_po(_git(repo, "show", f"{ODOO['commit']}:{base}/{lang}.po"))
                                if m.id and isinstance(m.id, str)}
        for msgid in wanted:
            texts = {"en": (msgid, f"{base}/{module}.pot")}
            for lang, catalogue in catalogues.items():
                m = catalogue.get(msgid)
                if m is not None and isinstance(m.string, str) and m.string.strip() and not m.fuzzy:
                    texts[lang] = (m.string, f"{base}/{lang}.po")
            yield f"odoo19:{module}:{msgid}", texts


def vsf(folder: Path):
    repo = _mirror(folder, VSF["repo"])
    for sub in VSF["folders"]:
        by_lang = {}
        for lang, name in VSF["files"].items():
            raw = _git(repo, "show", f"{VSF['commit']}:{sub}/{name}").decode("utf-8-sig")
            by_lang[lang] = {row[0]: row[1] for row in csv.reader(io.StringIO(raw)) if len(row) >= 2}
        for source, english in by_lang["en"].items():
            texts = {"en": (english, f"{sub}/{VSF['files']['en']}")}
            for lang in LANGS[1:]:
                text = by_lang[lang].get(source)
                if text and text.strip():
                    texts[lang] = (text, f"{sub}/{VSF['files'][lang]}")
            yield f"vsf1:{sub.split('/')[0]}:{source}", texts


def build(folder: Path) -> list[dict]:
    records: list[dict] = []
    seen_en: set[str] = set()
    for meta, reader in ((ODOO, odoo), (VSF, vsf)):
        add_aligned(records, seen_en, meta, reader(folder))
    return records


def add_aligned(records: list[dict], seen_en: set[str], meta: dict, keyed) -> None:
    """Append a record per language of each ``(key, {lang: (raw text, path)})`` of ``keyed`` (one
    source, ``meta``: repo, commit, licence): the cleaned texts of a key whose English text is new
    and real (not placeholders or CSS) and that has at least two other languages."""
    for key, texts in keyed:
        cleaned = {lang: clean(raw) for lang, (raw, _path) in texts.items()}
        cleaned = {lang: t for lang, t in cleaned.items() if t}
        if "en" not in cleaned or sum(lang in cleaned for lang in LANGS[1:]) < 2:
            continue
        if only_placeholders(cleaned["en"]) or _CSS.search(cleaned["en"]) or cleaned["en"] in seen_en:
            continue
        seen_en.add(cleaned["en"])
        marked = any(PLACEHOLDER.search(t) for t in cleaned.values())
        for lang in LANGS:
            if lang not in cleaned or only_placeholders(cleaned[lang]):
                continue
            record = {"repo": meta["repo"], "path": texts[lang][1], "commit": meta["commit"],
                      "license": meta["license"], "key": key, "lang": lang, "text": cleaned[lang]}
            if marked:
                record["placeholder"] = True
            records.append(record)


def neighbour_records(records: list[dict], meta: dict, keyed, langs: tuple[str, ...]) -> list[dict]:
    """The records of ``langs`` (a source's languages beside the four pages', the neighbours
    bench/seeded_realtext.py pastes onto the es and ru pages) for the keys ``records`` kept: cleaned
    as ``add_aligned`` cleans, and placeholder-marked where the key is."""
    kept = {r["key"]: r.get("placeholder", False) for r in records}
    out = []
    for key, texts in keyed:
        if key not in kept:
            continue
        for lang in langs:
            text = clean(texts[lang][0]) if lang in texts else ""
            if not text or only_placeholders(text):
                continue
            record = {"repo": meta["repo"], "path": texts[lang][1], "commit": meta["commit"],
                      "license": meta["license"], "key": key, "lang": lang, "text": text}
            if kept[key]:
                record["placeholder"] = True
            out.append(record)
    return out


def read(path: Path = OUT) -> list[dict]:
    return shop_corpus.read(path)


def one_source_main(doc: str, meta: dict, keyed, out: Path, mirrors_help: str, neighbours: tuple[str, ...] = ()) -> int:
    """The command line of a builder of one source (bench/shuup_parallel_corpus.py,
    bench/smooth_parallel_corpus.py): ``keyed(mirrors)`` yields its ``(key, {lang: (text, path)})``,
    written through ``add_aligned`` to ``--out`` (default ``out``); with ``neighbours``, the same
    keys' texts in those languages too (``keyed(mirrors, ("en", *neighbours))``, ``neighbour_records``)."""
    import argparse

    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--mirrors", type=Path, required=True, help=mirrors_help)
    parser.add_argument("--out", type=Path, default=out)
    args = parser.parse_args()
    records: list[dict] = []
    add_aligned(records, set(), meta, keyed(args.mirrors))
    if neighbours:
        records += neighbour_records(records, meta, keyed(args.mirrors, ("en", *neighbours)), neighbours)
    shop_corpus.write(records, args.out)
    counts: dict[str, int] = {}
    for r in records:
        counts[r["lang"]] = counts.get(r["lang"], 0) + 1
    keys = {r["key"] for r in records}
    marked = {r["key"] for r in records if r.get("placeholder")}
    print(f"wrote {len(records)} texts, {len(keys)} keys ({len(marked)} placeholder-marked) to {args.out}: "
          + ", ".join(f"{lang} {counts.get(lang, 0)}" for lang in (*LANGS, *neighbours)))
    return 0


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirrors", type=Path, required=True,
                        help="folder of git mirrors, one per repository: <owner>+<name>[/repo]")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    records = build(args.mirrors)
    shop_corpus.write(records, args.out)
    keys: dict[str, set[str]] = {}
    for r in records:
        keys.setdefault(r["repo"], set()).add(r["key"])
    counts: dict[tuple[str, str], int] = {}
    for r in records:
        counts[(r["repo"], r["lang"])] = counts.get((r["repo"], r["lang"]), 0) + 1
    print(f"wrote {len(records)} texts, {sum(len(k) for k in keys.values())} keys to {args.out}")
    for repo, k in sorted(keys.items()):
        print(f"  {repo}: {len(k)} keys, " + ", ".join(f"{lang} {counts.get((repo, lang), 0)}" for lang in LANGS)
              + f", placeholder-marked keys {len({r['key'] for r in records if r['repo'] == repo and r.get('placeholder')})}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
