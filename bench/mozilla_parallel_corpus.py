"""Build a fourth parallel corpus (tests/data/parallel_mozilla.jsonl.xz): the SAME product pages of
www.mozilla.org in en, es, fr and ru, aligned by message, for the text rules' false alarms on correct
translations of product marketing copy (bench/text_rules_realtext.py --corpus ...;
docs/parallel-realtext.md, "Session 15").

Source, used by no earlier corpus: the Fluent catalogues of mozilla.org (``mozilla-l10n/www-l10n``
at ``442e139``, MPL-2.0), translated by Mozilla's volunteer communities. Only the product pages:
``<locale>/firefox/**.ftl`` and ``<locale>/products/**.ftl`` (Firefox's feature, comparison,
download and mobile pages; Mozilla VPN's landing, features, platform and pricing pages), what a
buyer of a software product reads, with brand and model names, platforms, prices and plans.
Locales: ``en`` (the source), ``es-ES``, ``fr``, ``ru``. Fluent keeps no untranslated copies: a
message a locale lacks is absent (mozilla.org falls back to English at run time), so every text
here is a translation.

Fluent, read as mozilla.org renders it: a message's value (its ``.attributes`` are left out: alt
texts and titles), its lines joined; a term reference (``{ -brand-name-firefox }``, Russian's
``{ -brand-name-facebook(case: "dative") }``) replaced by the term's value in the locale's
``brands.ftl`` or the file (the variant the case names, else the default); a select expression
(``{ $devices -> [one] … *[other] … }``) replaced by its default variant; a string literal
(``{ "" }``) by its text; a variable (``{ $servers }``) kept as ``{servers}`` and marked as a
placeholder; inline tags (``<a>``, ``<strong>``, …) out without a space, other markup as
bench/parallel_corpus.py's ``clean`` (a link's ``{ $url }`` is inside its tag). A key needs its English and at least two of es/fr/ru; an English text seen twice keeps
its first key. Records: ``{"repo", "path", "commit", "license", "key", "lang", "text",
"placeholder"?}``, deterministic.

The site's brand names (``en/brands.ftl``) go to tests/data/parallel_mozilla_keep_terms.txt: the
``keep-terms`` a seller of these products declares (bench/text_rules_realtext.py --keep-terms).

    python bench/mozilla_parallel_corpus.py --mirrors FOLDER   # FOLDER/mozilla-l10n+www-l10n[/repo]
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench")]

import parallel_corpus as pc  # noqa: E402

OUT = ROOT / "tests" / "data" / "parallel_mozilla.jsonl.xz"
TERMS = ROOT / "tests" / "data" / "parallel_mozilla_keep_terms.txt"
MOZILLA = {
    "repo": "mozilla-l10n/www-l10n",
    "commit": "442e139499cbf67e31cf7155ea4bdd4a69cfd87e",
    "license": "MPL-2.0",
}
FOLDERS = {"en": "en", "es": "es-ES", "fr": "fr", "ru": "ru"}
PRODUCT_PAGES = ("firefox/", "products/")
_ENTRY = re.compile(r"^(-?[A-Za-z][\w-]*)[ \t]*=[ \t]*(.*)$")
_SELECT = re.compile(r"\{\s*\$[\w-]+\s*->")
_VARIANT = re.compile(r"^\s*(\*?)\[([^\]]+)\][ \t]*(.*)$")
_TERM = re.compile(r"\{\s*(-[A-Za-z][\w-]*)\s*(?:\(\s*case:\s*\"([\w-]+)\"\s*\))?\s*\}")
_VARIABLE = re.compile(r"\{\s*\$([\w-]+)\s*\}")
_LITERAL = re.compile(r"\{\s*\"((?:[^\"\\]|\\.)*)\"\s*\}")
#: inline tags go without a trace (a link inside a sentence is no word break: "<a>here</a>.")
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|em|i|small|span|strong|sup)\b[^>]*>", re.I)


def read_ftl(text: str) -> dict[str, str]:
    """{id: raw value} of a Fluent file's messages and terms (attributes and comments left out);
    a multi-line value keeps its lines."""
    entries: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("#"):
            current = None
            continue
        match = _ENTRY.match(line)
        if match:
            current = entries.setdefault(match.group(1), [])
            current.append(match.group(2))
        elif current is not None and line[:1] in (" ", "\t"):
            if line.strip().startswith("."):  # an attribute: alt text, title
                current = None
            else:
                current.append(line)
        elif line.strip():
            current = None
    return {key: "\n".join(lines).strip() for key, lines in entries.items()}


def _closing(text: str, start: int) -> int:
    """Index of the ``}`` closing the ``{`` at ``start`` (or -1)."""
    depth = 0
    for i in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return i
    return -1


def _variants(body: str) -> dict[str, str]:
    """{variant key: text} of a select expression's body; the default also under ``*``."""
    variants: dict[str, str] = {}
    key = None
    for line in body.splitlines():
        match = _VARIANT.match(line)
        if match:
            key = match.group(2).strip()
            variants[key] = match.group(3)
            if match.group(1):
                variants["*"] = key
        elif key is not None:
            variants[key] += "\n" + line
    if "*" in variants:
        variants["*"] = variants[variants["*"]]
    return variants


def _selected(value: str, case: str | None = None) -> str:
    """``value`` with each select expression replaced by the variant ``case`` names (a term's),
    else its default."""
    while (match := _SELECT.search(value)) is not None:
        end = _closing(value, match.start())
        if end < 0:
            return value
        variants = _variants(value[match.end():end])
        chosen = variants.get(case or "", variants.get("*", ""))
        value = value[:match.start()] + chosen.strip() + value[end + 1:]
    return value


def render(value: str, terms: dict[str, str]) -> str:
    """The text mozilla.org shows for a message value: terms, selects and literals resolved,
    variables kept as ``{name}`` slots."""
    for _ in range(4):  # a term may name another term
        value = _TERM.sub(lambda m: _selected(terms.get(m.group(1), ""), m.group(2)), value)
    value = _selected(value)
    value = _INLINE_TAG.sub("", _LITERAL.sub(lambda m: m.group(1), value))
    return _VARIABLE.sub(lambda m: "{" + m.group(1) + "}", value)


def mozilla(folder: Path):
    """(key, {lang: (raw text, path)}) for the product pages' messages, in the English files' order."""
    repo = pc._mirror(folder, MOZILLA["repo"])
    commit = MOZILLA["commit"]
    listing = pc._git(repo, "ls-tree", "-r", "--name-only", commit, "en/").decode().splitlines()
    pages = sorted(p[len("en/"):] for p in listing if p.endswith(".ftl") and p[len("en/"):].startswith(PRODUCT_PAGES))

    def ftl(lang: str, page: str) -> dict[str, str]:
        try:
            return read_ftl(pc._git(repo, "show", f"{commit}:{FOLDERS[lang]}/{page}").decode("utf-8"))
        except subprocess.CalledProcessError:  # the locale has no such page
            return {}

    brands = {lang: {k: v for k, v in ftl(lang, "brands.ftl").items() if k.startswith("-")} for lang in FOLDERS}
    for page in pages:
        files = {lang: ftl(lang, page) for lang in FOLDERS}
        for key, english in files["en"].items():
            if key.startswith("-"):
                continue
            texts = {}
            for lang, messages in files.items():
                if key in messages:
                    terms = {**brands[lang], **{k: v for k, v in messages.items() if k.startswith("-")}}
                    texts[lang] = (render(messages[key], terms), f"{FOLDERS[lang]}/{page}")
            yield f"www:{page}:{key}", texts


def brand_names(folder: Path) -> list[str]:
    """The English values of mozilla.org's terms (``en/brands.ftl``: "Firefox Developer Edition",
    "Mozilla Monitor", "Thunderbird"…): the names its translators keep, what a seller of these
    products declares as ``keep-terms``."""
    repo = pc._mirror(folder, MOZILLA["repo"])
    terms = read_ftl(pc._git(repo, "show", f"{MOZILLA['commit']}:en/brands.ftl").decode("utf-8"))
    return sorted({_selected(v).strip() for k, v in terms.items() if k.startswith("-") and _selected(v).strip()})


def main() -> int:
    status = pc.one_source_main(__doc__, MOZILLA, mozilla, OUT, "folder holding mozilla-l10n+www-l10n[/repo]")
    import argparse

    folder = argparse.ArgumentParser(add_help=False)
    folder.add_argument("--mirrors", type=Path)
    names = brand_names(folder.parse_known_args()[0].mirrors)
    header = (f"# mozilla.org's brand names (en/brands.ftl of {MOZILLA['repo']} at {MOZILLA['commit'][:7]}, "
              f"{MOZILLA['license']}): keep-terms for bench/text_rules_realtext.py --keep-terms\n")
    TERMS.write_text(header + "".join(n + "\n" for n in names), encoding="utf-8")
    print(f"wrote {len(names)} brand names to {TERMS}")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
