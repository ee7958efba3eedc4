"""False alarms of the rules that assume a page's language but are no language judgement (LOC005
placeholder, LOC007 untranslated copy, LOC008 facts across locales, LOC009 number format, LOC012
typography, LOC013 imperial units) on every real-text corpus of tests/data
(docs/decisions.md, "Session 18: the non-language LOC rules on real third-party copy").

    python bench/realcopy_rules.py [--corpus NAME ...] [--out F]

Aligned corpora (``parallel_*``) are laid out as bench/text_rules_realtext.py lays them (the same
strings on the en/es/fr/ru pages of a bundle) and linted with all six rules. The language-id
corpora (``langid_*``) are one language a string, not aligned: the i-th en, es, fr and ru strings
share a bundle, and only the rules that read one page at a time run (LOC005, LOC009, LOC012,
LOC013; copies and facts across pages would compare unrelated strings). Linted in process.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

import shop_corpus  # noqa: E402
import text_rules_realtext as realtext  # noqa: E402
from builder import run_lint  # noqa: E402

DATA = ROOT / "tests" / "data"
AS_OF = date(2026, 12, 7)
PER_PAGE = ("LOC005", "LOC009", "LOC012", "LOC013")
ACROSS = ("LOC007", "LOC008")


def corpora() -> list[str]:
    return sorted(p.name[: -len(".jsonl.xz")] for p in DATA.glob("*.jsonl.xz"))


def unaligned(records: list[dict]) -> list[dict[str, str]]:
    """The i-th string of each of en/es/fr/ru as one pseudo-key (the strings are unrelated)."""
    by_lang = {lang: [r["text"] for r in records if r["lang"] == lang] for lang in realtext.LOCALES}
    keys = []
    for i in range(max(len(v) for v in by_lang.values())):
        key = {"key": f"u{i}", "en": "Product details"}  # a corpus without English still gets titles
        key.update({lang: texts[i] for lang, texts in by_lang.items() if i < len(texts)})
        keys.append(key)
    return keys


def measure(name: str, per_bundle: int = 25) -> list[dict]:
    records = shop_corpus.read(DATA / f"{name}.jsonl.xz")
    parallel = name.startswith("parallel_")
    keys = realtext.aligned(records, with_placeholders=False) if parallel else unaligned(records)
    select = list(PER_PAGE + ACROSS) if parallel else list(PER_PAGE)
    with tempfile.TemporaryDirectory(prefix="realcopy-") as tmp:
        repo = Path(tmp)
        where = realtext.layout(keys, repo, per_bundle)
        found = run_lint(repo, select=select, as_of=AS_OF, paths=["listings"], max_findings_per_rule=0).findings
        rows = []
        for f in found:
            path = f.path[f.path.index("listings/"):] if "listings/" in f.path else f.path
            locale, key, _text = where.get((path, f.line), ("-", None, None))
            rows.append({"corpus": name, "code": f.code, "locale": locale, "path": path, "line": f.line,
                         "column": f.column, "message": f.message, "text": _line(repo / path, f.line), "key": key})
    return rows


def _line(path: Path, line: int | None) -> str:
    """The linted file's line (a multi-line string moves the lines after it: ``where`` is only a hint)."""
    rows = path.read_text(encoding="utf-8").split("\n")
    return rows[line - 1] if line and line <= len(rows) else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", help="a tests/data corpus name (default: all)")
    parser.add_argument("--out", type=Path, default=Path("realcopy_findings.jsonl"))
    args = parser.parse_args()
    rows = []
    for name in args.corpus or corpora():
        found = measure(name)
        rows += found
        counts = Counter(r["code"] for r in found)
        print(f"{name}: {dict(sorted(counts.items())) or 'none'}", flush=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
