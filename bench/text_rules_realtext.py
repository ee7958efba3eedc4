"""False alarms of every text rule on real, correctly translated, parallel storefront text
(docs/parallel-realtext.md).

    python bench/text_rules_realtext.py                         # table; every finding to --out
    python bench/text_rules_realtext.py --with-placeholders     # also the placeholder-marked strings
    python bench/text_rules_realtext.py --keep-terms FILE       # the repo declares FILE as keep-terms

Text: tests/data/parallel_shops.jsonl.xz (bench/parallel_corpus.py): the same storefront messages in
en, es, fr and ru, aligned by key. Bundles are written to a temporary repo: each holds about
``--per-bundle`` consecutive keys, and its detail pages en/es/fr/ru hold the SAME strings in the same
order, one element a string on its own line (a short label without a sentence end is an ``<li>`` of
a ``<ul>``, anything else a ``<p>``), ``<html lang="xx">``; ``listing.json`` has a title in the
four locales taken from one aligned short string of the bundle (cut at a word to the title limits
when longer), the four detail pages, one SKU and no media. Keys that lack a language go to bundles of
their own that lack that page (LOC001 there is a consequence of the minimal bundle). The repo is
linted through the real CLI::

    python -m listing_lint check --select LOC --select MED010 --select MED012 --as-of 2026-11-25
        --no-cache --format json -j 2 <repo>/listings

with ``max-findings-per-rule = 0`` in the repo's pyproject.toml (every finding shown).

Output: a table of findings per rule code and locale (and how many distinct strings they hit), and
``--out`` (JSON lines): every finding with its code, locale, file, line, message, the string on that
line (the title for listing.json findings) and the string's key.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import shop_corpus  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "parallel_shops.jsonl.xz"
LOCALES = ("en", "es", "fr", "ru")
TITLE_LIMITS = {"en": 128, "es": 218, "fr": 218, "ru": 218}
AS_OF = "2026-11-25"
#: findings that only say the bundle is minimal (no media, a locale without its page), not the text
MINIMAL = {"LOC001"}


def aligned(records: list[dict], with_placeholders: bool) -> list[dict[str, str]]:
    """{"key", lang: text...} per key, in corpus order."""
    by_key: dict[str, dict[str, str]] = {}
    marked: set[str] = set()
    for r in records:
        by_key.setdefault(r["key"], {"key": r["key"]})[r["lang"]] = r["text"]
        if r.get("placeholder"):
            marked.add(r["key"])
    return [k for key, k in by_key.items() if with_placeholders or key not in marked]


def _short(text: str) -> bool:
    return len(text) <= 40 and not text.rstrip().endswith((".", "!", "?", "…", ":"))


def _page(lang: str, texts: list[str]) -> tuple[str, list[int]]:
    """The page and the line of each text (1-based)."""
    lines = ["<!doctype html>", f'<html lang="{lang}"><head><meta charset="utf-8"></head><body>']
    where = []
    in_list = False
    for text in texts:
        short = _short(text)
        if short and not in_list:
            lines.append("<ul>")
            in_list = True
        elif not short and in_list:
            lines.append("</ul>")
            in_list = False
        tag = "li" if short else "p"
        lines.append(f"<{tag}>{html.escape(text, quote=False)}</{tag}>")
        where.append(len(lines))
    if in_list:
        lines.append("</ul>")
    lines.append("</body></html>")
    return "\n".join(lines) + "\n", where


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit + 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return cut if 0 < len(cut) <= limit else text[:limit]


def title_of(keys: list[dict[str, str]], langs: tuple[str, ...]) -> dict[str, str]:
    """The first key whose texts look like a product name (12-80 characters in English, no sentence
    end), else the first key; cut at a word to the title limits."""
    pick = next((k for k in keys if 12 <= len(k["en"]) <= 80 and not k["en"].rstrip().endswith((".", "!", "?", ":"))),
                keys[0])
    return {lang: _cut(pick[lang], TITLE_LIMITS[lang]) for lang in langs}


def layout(keys: list[dict[str, str]], repo: Path, per_bundle: int, keep_terms: Path | None = None) -> dict:
    """Write the bundles (and ``keep_terms``, the project's glossary, when given); returns
    {(path, line): (locale, key, text)}."""
    where: dict[tuple[str, int], tuple[str, str, str]] = {}
    groups: dict[tuple[str, ...], list[dict[str, str]]] = defaultdict(list)
    for k in keys:
        groups[tuple(lang for lang in LOCALES if lang in k)].append(k)
    (repo / "listings").mkdir(parents=True)
    config = "[tool.listing-lint]\nmax-findings-per-rule = 0\n"
    if keep_terms is not None:
        (repo / "keep-terms.txt").write_bytes(keep_terms.read_bytes())
        config += 'keep-terms = "keep-terms.txt"\n'
    (repo / "pyproject.toml").write_text(config, encoding="utf-8")
    n = 0
    for langs, members in sorted(groups.items(), key=lambda item: (-len(item[0]), item[0])):
        for start in range(0, len(members), per_bundle):
            chunk = members[start:start + per_bundle]
            name = f"b{n:04d}"
            n += 1
            folder = repo / "listings" / name
            (folder / "detail").mkdir(parents=True)
            for lang in langs:
                page, lines = _page(lang, [k[lang] for k in chunk])
                (folder / "detail" / f"{lang}.html").write_text(page, encoding="utf-8")
                for k, line in zip(chunk, lines):
                    where[(f"listings/{name}/detail/{lang}.html", line)] = (lang, k["key"], k[lang])
            title = title_of(chunk, langs)
            manifest = {
                "schema_version": "1", "id": name, "category": "other", "markets": ["EU"], "title": title,
                "detail_pages": {lang: f"detail/{lang}.html" for lang in langs},
                "skus": [{"id": "S1", "model": "S1-EU", "price": {"amount": "39.90", "currency": "EUR"}}],
                "media": [],
            }
            text = json.dumps(manifest, ensure_ascii=False, indent=1)
            (folder / "listing.json").write_text(text + "\n", encoding="utf-8")
            rows = text.split("\n")
            first = rows.index(' "title": {') + 2  # 1-based line of the first title
            for number in range(first, first + len(langs)):
                lang = re.match(r'\s*"(\w+)": "', rows[number - 1]).group(1)
                where[(f"listings/{name}/listing.json", number)] = (lang, f"title:{name}", title[lang])
    return where


def lint(repo: Path, jobs: int) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "listing_lint", "check", "--select", "LOC", "--select", "MED010", "--select", "MED012",
         "--as-of", AS_OF, "--no-cache", "--format", "json", "-j", str(jobs), str(repo / "listings")],
        capture_output=True, text=True, cwd=repo, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if proc.returncode not in (0, 1):
        raise RuntimeError(proc.stderr[-2000:])
    report = json.loads(proc.stdout)
    if report["summary"].get("not_shown"):
        raise RuntimeError(f"{report['summary']['not_shown']} findings not shown: max-findings-per-rule was not 0")
    return report


def _locale_of(path: str, line: int, where: dict, message: str) -> str:
    if (path, line) in where:
        return where[(path, line)][0]
    m = re.search(r"/detail/(\w+)\.html$", path) or re.search(r"required locale (\w+)", message)
    return m.group(1) if m else "-"


def measure(per_bundle: int, jobs: int, with_placeholders: bool, corpus: Path = CORPUS,
            keep_terms: Path | None = None) -> dict:
    keys = aligned(shop_corpus.read(corpus), with_placeholders)
    with tempfile.TemporaryDirectory(prefix="text-rules-realtext-") as tmp:
        repo = Path(tmp)
        where = layout(keys, repo, per_bundle, keep_terms)
        report = lint(repo, jobs)
    findings = []
    for f in report["findings"]:
        path = f["path"]
        path = path[path.index("listings/"):] if "listings/" in path else path
        locale, key, text = where.get((path, f["line"]), (_locale_of(path, f["line"], where, f["message"]), None, None))
        findings.append({"code": f["code"], "locale": locale, "path": path, "line": f["line"],
                         "severity": f["severity"], "message": f["message"], "text": text, "key": key})
    strings = Counter(loc for loc, _key, _text in where.values())
    return {"findings": findings, "strings": dict(strings), "keys": len(keys), "bundles": report["summary"]["bundles"]}


def table(result: dict) -> str:
    cells: dict[str, Counter] = defaultdict(Counter)
    distinct: dict[str, set] = defaultdict(set)
    for f in result["findings"]:
        cells[f["code"]][f["locale"]] += 1
        distinct[f["code"]].add((f["locale"], f["text"]))
    cols = list(LOCALES) + sorted({loc for c in cells.values() for loc in c} - set(LOCALES))
    lines = [f"{result['keys']} keys, {result['bundles']} bundles; strings placed: "
             + ", ".join(f"{lang} {result['strings'].get(lang, 0)}" for lang in LOCALES)
             + " (titles included)", "",
             "| rule | " + " | ".join(cols) + " | all | distinct strings |", "|---|" + "---:|" * (len(cols) + 2)]
    for code in sorted(cells):
        c = cells[code]
        note = " (minimal bundle)" if code in MINIMAL else ""
        lines.append(f"| {code}{note} | " + " | ".join(str(c.get(col, 0)) for col in cols)
                     + f" | {sum(c.values())} | {len(distinct[code])} |")
    if not cells:
        lines.append("| (none) |" + " |" * (len(cols) + 2))
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--per-bundle", type=int, default=25, help="aligned keys per bundle")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--with-placeholders", action="store_true",
                        help="also lint the strings marked as holding a placeholder")
    parser.add_argument("--keep-terms", type=Path, help="a keep-terms file (one term a line) the repo declares")
    parser.add_argument("--out", type=Path, default=Path("text_rules_findings.jsonl"),
                        help="every finding, one JSON object a line")
    args = parser.parse_args()
    result = measure(args.per_bundle, args.jobs, args.with_placeholders, args.corpus, args.keep_terms)
    with args.out.open("w", encoding="utf-8") as fh:
        for f in sorted(result["findings"], key=lambda f: (f["code"], f["locale"], f["path"], f["line"])):
            fh.write(json.dumps(f, ensure_ascii=False) + "\n")
    print(table(result))
    print(f"{len(result['findings'])} findings written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
