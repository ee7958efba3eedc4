"""Build the parallel product-copy corpus (tests/data/parallel_products.jsonl.xz) from Odoo's catalogues.

Odoo (https://github.com/odoo/odoo, community edition, LGPL-3.0) ships gettext catalogues per add-on,
``addons/<module>/i18n/<lang>.po``: ``msgid`` is the English source, ``msgstr`` the translation. Besides
UI strings they translate the demo data (product names and sale/web descriptions, product attribute
values, blog posts, e-mail and website snippets), which is the closest public thing to product copy
translated by people into es/fr/ru, with numbers, units, dimensions, prices and percentages.

The odoo/odoo repository itself is too big to bring here (19 GB), so copies of three of its release
branches are read instead, each a project that imported an Odoo tree and never changed its
``addons/*/i18n`` afterwards except for line endings (checked with ``git log``/``git diff
--ignore-cr-at-eol`` from the import commit; ``\r\n`` is read as ``\n``)::

    nguyenmanhdat006/quan_ly_kho_odoo  Odoo 17.0 (odoo/release.py 17.0 FINAL; catalogues of 2025-02)
    mrrtmob/odoo_acac                  Odoo 14.0 (odoo/release.py 14.0 FINAL; catalogues of 2020-12)
    WytheLi/odoo-11.0                  Odoo 11.0 (odoo/release.py 11.0 FINAL)

(A copy of 18.0, sajjatdev/odoo-docker, was rejected: it replaces "Odoo" by another brand in
21,000 files, so its msgids are not Odoo's.)

Each record names the repository it was read from, the commit, the path of the .po file and the
licence from the add-on's ``__manifest__.py`` (LGPL-3 is Odoo's default when absent); add-ons marked
``OEEL-1`` (Odoo Enterprise) are skipped. ``upstream`` names the Odoo release the copy is of.
Only the extracted strings are committed, never code. Build it from local git mirrors::

    python bench/product_copy_corpus.py --odoo17 DIR --odoo14 DIR --odoo11 DIR

Records: ``{"repo", "path", "commit", "license", "upstream", "key", "lang", "text", "ref", "kind",
"digits", "placeholder"?, "same_as_en"?}``; ``key`` (``<release>:<add-on>:<sha1 of msgctxt+msgid>``)
aligns one message across en/es/fr/ru; the English record's ``path`` is the es (else fr) .po file
its msgid was read from. ``ref`` is the first ``#:``
reference of the message (which field of which model or view it translates); ``kind`` is

* ``product``: a product's name/description, attribute value, sale-order line or product-related
  demo record (``model:product.*``, ``model_terms:product.*``, ``model:sale.order.line`` …);
* ``content``: other translated demo/website content (blog posts, events, jobs, website, mailing and
  e-mail snippets: ``model_terms:ir.ui.view`` in website*/mass_mailing*, ``model:blog.post`` …);
* ``ui``: everything else (field help, messages, labels).

Cleaning: HTML tags are removed (block tags become line breaks, inline tags vanish so ``<b>10</b>%``
stays ``10%``), entities decoded (twice for the ``&amp;nbsp;`` of mailing snippets), runs of ASCII
spaces collapsed but no-break spaces (U+00A0, U+202F) kept, since they are what the typography
rules judge; only at line edges, where they are indentation (Odoo 11's ru catalogue), is every kind
of space removed. Placeholders are *not* removed: a text holding ``%s``, ``%(x)s``, ``%.2f``,
``{{x}}``, ``${x}`` or ``{x}`` in any language gets ``"placeholder": true`` on all its records.
Fuzzy and plural entries are skipped. An untranslated msgstr (empty, or equal to the msgid) is
dropped unless the text is language-neutral (no word of 4+ letters outside units, e.g. ``16 GB``,
``160x80cm``), then it is kept with ``"same_as_en": true``. A Russian text without Cyrillic but
with Latin words, or an es/fr text with Cyrillic, is dropped (a leftover or a misfiled string).
Dropped too: messages with Jinja statement lines (``% if …``, Odoo 11 e-mail templates) and
English without a 3-letter word or a number with a unit (printer label code, ``^FO100,250^BY3``).
A key is kept only with English and at least two of es/fr/ru.

A message found in several releases is kept once, from the newest; within a release, a message
found in several add-ons is kept once (the add-on with most languages, then alphabetical).
Selection: every key whose English text has a digit (at most 1,200 characters), then
product/content sentences without digits (40+ characters, ending in . ! ?) until 2,000 keys,
chosen with a fixed seed. The output is byte-for-byte deterministic.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import lzma
import random
import re
import subprocess
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "parallel_products.jsonl.xz"
SEED = 20261211
LANGS = ("es", "fr", "ru")
MAX_KEYS = 2000
MAX_CHARS = 1200
#: release tag -> (repository read, what it is a copy of); newest first: it wins on duplicates
SOURCES = {
    "odoo17": ("nguyenmanhdat006/quan_ly_kho_odoo", "odoo/odoo 17.0"),
    "odoo14": ("mrrtmob/odoo_acac", "odoo/odoo 14.0"),
    "odoo11": ("WytheLi/odoo-11.0", "odoo/odoo 11.0"),
}

_PO_FILE = re.compile(r"^addons/([^/]+)/i18n/(es|fr|ru)\.po$")
_PO_LINE = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")\s*$')
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
_BLOCK = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|tbody|thead|section|header|footer|blockquote|hr|"
    r"figure|figcaption|article|dl|dt|dd|pre)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)
_SPACES = re.compile(r"[ \t\r\f\v\u200b]+")
_PLACEHOLDER = re.compile(
    r"%(?:\([^)\s]+\))?[-+ #0]*\d*(?:\.\d+)?[sdifrxX]|\{\{.*?\}\}|\$\{[^}]*\}|\{[A-Za-z_][\w.]*\}")
_WORD = re.compile(r"[^\W\d_]{4,}")
#: Zebra printer label code in the stock/product label views ("^FO100,250^BY3")
_ZPL = re.compile(r"\^F[A-Z]")
#: a Jinja statement line of Odoo 11's e-mail templates (code, not copy)
_JINJA = re.compile(r"^\s*%\s*(?:set|if|elif|else|endif|for|endfor)\b", re.M)
#: some text: a 3-letter word or a number with a unit ("16 GB"); rules out label code ("^FO100,250^BY3")
_TEXTY = re.compile(r"[^\W\d_]{3,}|\d\s?[^\W\d_]{1,3}\b")
#: words of 4+ letters that do not make a string "language" (units and product jargon)
_NEUTRAL = {"inch", "GHz", "MHz", "kWh", "HDMI", "Wifi", "WiFi", "Core",
            "Intel"}
_PRODUCT_MODELS = ("product.", "sale.order.line", "sale.order.template", "pos.", "lunch.product", "mrp.bom",
                   "event.ticket", "event.booth", "loyalty.", "purchase.order.line")
_CONTENT_MODELS = ("blog.", "event.", "hr.job", "slide.", "website.", "survey.", "mail.template", "forum.",
                   "gamification.", "res.partner", "res.company", "crm.", "project.", "mailing.", "helpdesk.")


def parse_po(text: str) -> list[dict]:
    """Entries of a .po file: msgctxt, msgid, msgid_plural, msgstr/msgstr[n], refs (``#:``), flags (``#,``)."""
    entries: list[dict] = []
    cur: dict = {"refs": [], "flags": []}
    field = None

    def flush():
        nonlocal cur
        if "msgid" in cur:
            entries.append(cur)
        cur = {"refs": [], "flags": []}

    for line in text.splitlines():
        if not line.strip():
            flush()
            field = None
            continue
        if line.startswith("#~"):
            continue
        if line.startswith("#:"):
            if "msgid" in cur:
                flush()
            cur["refs"].extend(line[2:].split())
            continue
        if line.startswith("#,"):
            cur["flags"].extend(f.strip() for f in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        m = _PO_LINE.match(line)
        if m:
            if m.group(1) in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in cur):
                flush()
            field = m.group(1)
            cur[field] = _unquote(m.group(2))
        elif line.startswith('"') and field:
            cur[field] += _unquote(line)
        else:
            raise ValueError(f"unparsed .po line: {line!r}")
    flush()
    return entries


def _unquote(s: str) -> str:
    s = s.strip()[1:-1]
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), "\\" + m.group(1)), s)


def clean(raw: str) -> str:
    """HTML to text: block tags to line breaks, inline tags dropped, entities decoded, NBSP kept."""
    text = _SCRIPT.sub(" ", _COMMENT.sub(" ", raw))
    text = _TAG.sub("", _BLOCK.sub("\n", text))
    for _ in range(2):  # mailing snippets hold "&amp;nbsp;"
        unescaped = html.unescape(text)
        if unescaped == text:
            break
        text = unescaped
    # line edges lose every kind of space (Odoo's ru catalogue indents lines with runs of U+00A0)
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\ufeff", "").split("\n"))
    return "\n".join(line for line in lines if line.strip())


def has_placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER.search(text))


def language_neutral(text: str) -> bool:
    return not any(w not in _NEUTRAL for w in _WORD.findall(text))


def script_ok(text: str, lang: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    cyr = sum(unicodedata.name(c, "").startswith("CYRILLIC") for c in letters)
    if lang == "ru":
        latin_words = [w for w in _WORD.findall(text) if w not in _NEUTRAL and w.isascii()]
        return cyr > 0 or not latin_words
    return cyr < 4


def kind_of(refs: list[str], module: str) -> str:
    models = [ref.split(":", 1)[1].split(",", 1)[0] for ref in refs if ref.startswith(("model:", "model_terms:"))]
    if any(model.startswith(_PRODUCT_MODELS) for model in models):
        return "product"
    for model in models:
        if model.startswith(_CONTENT_MODELS):
            return "content"
        if model == "ir.ui.view" and module.startswith(("website", "mass_mailing", "theme_")):
            return "content"
    return "ui"


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True).stdout


def read_release(mirror: Path, tag: str) -> list[dict]:
    """One record per (module, msgctxt, msgid) with its cleaned en/es/fr/ru texts."""
    repo, upstream = SOURCES[tag]
    commit = _git(mirror, "rev-parse", "HEAD").decode().strip()
    tree = _git(mirror, "ls-tree", "-r", commit, "addons").decode().splitlines()
    blobs = {line.split("\t", 1)[1]: line.split()[2] for line in tree}
    licenses: dict[str, str] = {}
    by_msg: dict[tuple[str, str, str], dict] = {}
    for path in sorted(blobs):
        m = _PO_FILE.match(path)
        if not m:
            continue
        module, lang = m.groups()
        if module not in licenses:
            manifest = blobs.get(f"addons/{module}/__manifest__.py")
            text = _git(mirror, "cat-file", "blob", manifest).decode() if manifest else ""
            lic = re.search(r"""['"]license['"]\s*:\s*['"]([^'"]+)['"]""", text)
            licenses[module] = lic.group(1) if lic else "LGPL-3"
        if licenses[module] != "LGPL-3":
            continue  # OEEL-1 (enterprise) add-ons found in a copy
        for entry in parse_po(_git(mirror, "cat-file", "blob", blobs[path]).decode("utf-8")):
            msgid = entry.get("msgid", "")
            if not msgid or "msgid_plural" in entry or "fuzzy" in entry["flags"]:
                continue
            msgstr = entry.get("msgstr", "")
            if not msgstr:
                continue
            key = (module, entry.get("msgctxt", ""), msgid)
            rec = by_msg.setdefault(key, {
                "module": module, "msgctxt": key[1], "msgid": msgid, "refs": entry["refs"], "texts": {},
                "paths": {}, "same": set(), "repo": repo, "upstream": upstream, "commit": commit,
                "license": "LGPL-3.0-only", "tag": tag,
            })
            en = clean(msgid)
            text = clean(msgstr)
            if not text or not script_ok(text, lang):
                continue
            if text == en:
                if not language_neutral(en):
                    continue  # untranslated leftover
                rec["same"].add(lang)
            rec["texts"][lang] = text
            rec["paths"][lang] = path
    out = []
    for rec in by_msg.values():
        en = clean(rec["msgid"])
        if (len(rec["texts"]) >= 2 and _TEXTY.search(en) and not _JINJA.search(rec["msgid"])
                and not _ZPL.search(en)):
            rec["en"] = en
            out.append(rec)
    return out


def build(mirrors: dict[str, Path]) -> list[dict]:
    chosen: dict[str, dict] = {}  # English text -> message
    for tag in SOURCES:
        rows = read_release(mirrors[tag], tag)
        rows.sort(key=lambda r: (-len(r["texts"]), r["module"], r["msgctxt"], r["msgid"]))
        for rec in rows:
            if len(rec["en"]) <= MAX_CHARS:
                chosen.setdefault(rec["en"], rec)
    digit = sorted((r for r in chosen.values() if re.search(r"\d", r["en"])), key=_order)
    rest = [r for r in chosen.values() if not re.search(r"\d", r["en"])
            and kind_of(r["refs"], r["module"]) != "ui" and len(r["en"]) >= 40
            and r["en"].rstrip()[-1:] in ".!?" and not any(has_placeholder(t) for t in [r["en"], *r["texts"].values()])]
    rest.sort(key=_order)
    random.Random(SEED).shuffle(rest)
    picked = digit[:MAX_KEYS] + rest[: max(0, MAX_KEYS - len(digit))]
    picked.sort(key=_order)
    records = []
    for rec in picked:
        key = f"{rec['tag']}:{rec['module']}:" + hashlib.sha1(
            f"{rec['msgctxt']}\x04{rec['msgid']}".encode()).hexdigest()[:12]
        texts = {"en": rec["en"], **rec["texts"]}
        placeholder = any(has_placeholder(t) for t in texts.values())
        kind = kind_of(rec["refs"], rec["module"])
        for lang in ("en", *LANGS):
            if lang not in texts:
                continue
            path = rec["paths"].get(lang) or rec["paths"][min(rec["paths"])]
            row = {"repo": rec["repo"], "path": path, "commit": rec["commit"], "license": rec["license"],
                   "upstream": rec["upstream"], "key": key, "lang": lang, "text": texts[lang],
                   "ref": rec["refs"][0] if rec["refs"] else "", "kind": kind,
                   "digits": bool(re.search(r"\d", texts[lang]))}
            if placeholder:
                row["placeholder"] = True
            if lang in rec["same"]:
                row["same_as_en"] = True
            records.append(row)
    return records


def _order(rec: dict) -> tuple:
    return (rec["tag"], rec["module"], rec["msgctxt"], rec["msgid"])


def write(records: list[dict], out: Path = OUT) -> None:
    data = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records).encode()
    out.write_bytes(lzma.compress(data, preset=9 | lzma.PRESET_EXTREME))


def stats(records: list[dict]) -> dict:
    keys = {r["key"] for r in records}
    by_lang = Counter(r["lang"] for r in records)
    digits = Counter(r["lang"] for r in records if r["digits"])
    key_digits = {r["key"] for r in records if r["lang"] == "en" and r["digits"]}
    kinds = Counter(r["kind"] for r in records if r["lang"] == "en")
    langs_of: dict[str, set[str]] = defaultdict(set)
    for r in records:
        langs_of[r["key"]].add(r["lang"])
    return {
        "keys": len(keys), "keys_with_digits": len(key_digits), "records_by_lang": dict(sorted(by_lang.items())),
        "records_with_digits_by_lang": dict(sorted(digits.items())),
        "keys_by_kind": dict(sorted(kinds.items())),
        "keys_placeholder": len({r["key"] for r in records if r.get("placeholder")}),
        "keys_by_source": dict(Counter(r["upstream"] for r in records if r["lang"] == "en")),
        "keys_all_four": sum(len(langs) == 4 for langs in langs_of.values()),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for tag, (repo, _upstream) in SOURCES.items():
        ap.add_argument(f"--{tag}", type=Path, required=True, help=f"git mirror of {repo}")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    records = build({tag: getattr(args, tag) for tag in SOURCES})
    write(records, args.out)
    print(json.dumps(stats(records), indent=1))


if __name__ == "__main__":
    main()
