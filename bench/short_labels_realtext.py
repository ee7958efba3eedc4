"""The judge on every 10-29 character text of the real-text corpora, on every page language of
its script, in process (session 17, docs/langid.md "Session 17: a second witness for a short label").

    python bench/short_labels_realtext.py OUT.json      # then compare two runs' OUT files:
    python bench/short_labels_realtext.py --compare BEFORE.json AFTER.json

A text is correct on the page of its own language and wrong on the others (the corpus label, as
the gates count). Each run writes the counts per corpus and every rejected text, so a change to
the judge shows what it keeps and what it loses, per corpus.
"""

from __future__ import annotations

import argparse
import json
import lzma
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from listing_lint.l10n.neutral import strip_neutral  # noqa: E402
from listing_lint.langid import judge as J  # noqa: E402
from listing_lint.langid.base import CANDIDATES  # noqa: E402

DATA = ROOT / "tests" / "data"
CORPORA = [p.name for pattern in ("langid_shops*.jsonl.xz", "parallel_*.jsonl.xz") for p in sorted(DATA.glob(pattern))]
PAGES = ("en", "es", "fr", "ru")


def pairs(name: str) -> list[tuple[str, str, str]]:
    """(stripped text, page, text's language) for the 10-29 texts of a corpus, each once."""
    out: dict[tuple[str, str, str], None] = {}
    with lzma.open(DATA / name, "rt", encoding="utf-8") as fh:
        for record in map(json.loads, filter(str.strip, fh)):
            lang, text = record["lang"], strip_neutral(record["text"])
            if lang in CANDIDATES and 10 <= len(text) < 30:
                for page in PAGES:
                    if J._expected_script(page) == J._expected_script(lang):
                        out[(text, page, lang)] = None
    return list(out)


def measure() -> dict:
    judge, totals, rejected = J.Judge(), Counter(), []
    for name in CORPORA:
        found = pairs(name)
        judge.prefetch([(text, page) for text, page, _ in found])
        for text, page, lang in found:
            totals[f"{name} {lang == page}"] += 1
            verdict = judge.judge(text, page)
            if not verdict.accepted:
                rejected.append([name, page, lang, text, verdict.lang, round(verdict.confidence, 3)])
    return {"totals": totals, "rejected": rejected}


def compare(before: dict, after: dict) -> None:
    keys = [{tuple(r[:4]) for r in run["rejected"]} for run in (before, after)]
    for row in sorted(keys[0] - keys[1]):
        print("accepted now:", row)
    for row in sorted(keys[1] - keys[0]):
        print("rejected now:", row)
    print("| corpus | correct | false alarms | wrong | found |")
    for name in CORPORA:
        counts = [Counter(r[2] == r[1] for r in run["rejected"] if r[0] == name) for run in (before, after)]
        print(f"| {name} | {before['totals'].get(f'{name} True', 0):,} | {counts[0][True]} → {counts[1][True]} "
              f"| {before['totals'].get(f'{name} False', 0):,} | {counts[0][False]:,} → {counts[1][False]:,} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path)
    args = parser.parse_args()
    if args.compare:
        compare(*(json.loads(p.read_text()) for p in args.compare))
        return 0
    args.out.write_text(json.dumps(measure()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
