"""The judge on every 10-29 character text of the real-text corpora, on every page language of
its script, in process (session 17, docs/langid.md "Session 17: a second witness for a short label").

    python bench/short_labels_realtext.py OUT.json      # then compare two runs' OUT files:
    python bench/short_labels_realtext.py --compare BEFORE.json AFTER.json
    python bench/short_labels_realtext.py --band 30 80 OUT.json   # another length band (sentences)

A text is correct on the page of its own language and wrong on the others (the corpus label, as
the gates count). Each run writes the counts per corpus and every rejected text, so a change to
the judge shows what it keeps and what it loses, per corpus. A "correct" es/fr/ru text that is its
key's English text unchanged ("Privacy policy" as Open Food Facts' Russian) is a translation never
made, whatever the catalogue calls it: its rejection is counted apart ("copies"), not as a false
alarm (session 17, round 2: 273 of the 392 "false alarms").
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


def records(name: str) -> list[dict]:
    with lzma.open(DATA / name, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def english_copies(found: list[dict]) -> set[tuple[str, str]]:
    """(language, stripped text) of the non-English texts that are their key's English text unchanged."""
    english = {r.get("key"): strip_neutral(r["text"]) for r in found if r["lang"] == "en"}
    return {(r["lang"], text) for r in found if r["lang"] != "en"
            for text in [strip_neutral(r["text"])] if english.get(r.get("key")) == text}


BAND = (10, 30)  # the label band: texts of at least BAND[0] and under BAND[1] characters


def pairs(name: str) -> tuple[list[tuple[str, str, str]], set[tuple[str, str]]]:
    """(stripped text, page, text's language) for the ``BAND`` texts of a corpus, each once, and the
    corpus's ``english_copies``."""
    out: dict[tuple[str, str, str], None] = {}
    found = records(name)
    for record in found:
        lang, text = record["lang"], strip_neutral(record["text"])
        if lang in CANDIDATES and BAND[0] <= len(text) < BAND[1]:
            for page in PAGES:
                if J._expected_script(page) == J._expected_script(lang):
                    out[(text, page, lang)] = None
    return list(out), english_copies(found)


def measure() -> dict:
    judge, totals, rejected = J.Judge(), Counter(), []
    for name in CORPORA:
        found, copies = pairs(name)
        judge.prefetch([(text, page) for text, page, _ in found])
        for text, page, lang in found:
            copy = lang == page and (lang, text) in copies
            totals[f"{name} {'copy' if copy else lang == page}"] += 1
            verdict = judge.judge(text, page)
            if not verdict.accepted:
                rejected.append([name, page, lang, text, verdict.lang, round(verdict.confidence, 3), copy])
    return {"totals": totals, "rejected": rejected}


def compare(before: dict, after: dict) -> None:
    keys = [{tuple(r[:4]) for r in run["rejected"]} for run in (before, after)]
    for row in sorted(keys[0] - keys[1]):
        print("accepted now:", row)
    for row in sorted(keys[1] - keys[0]):
        print("rejected now:", row)
    print("| corpus | correct | false alarms | English copies | rejected | wrong | found |")
    for name in CORPORA:
        counts = [Counter(_kind(r) for r in run["rejected"] if r[0] == name) for run in (before, after)]
        total = before["totals"].get
        print(f"| {name} | {total(f'{name} True', 0):,} | {counts[0][True]} → {counts[1][True]} "
              f"| {total(f'{name} copy', 0):,} | {counts[0]['copy']} → {counts[1]['copy']} "
              f"| {total(f'{name} False', 0):,} | {counts[0][False]:,} → {counts[1][False]:,} |")


def _kind(row: list) -> bool | str:
    """A rejected row's kind: "copy" (``english_copies``), True (a false alarm), False (found)."""
    return "copy" if len(row) > 6 and row[6] else row[2] == row[1]


def main() -> int:
    global BAND
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path)
    parser.add_argument("--band", nargs=2, type=int, metavar=("FROM", "UNDER"), default=BAND)
    args = parser.parse_args()
    BAND = tuple(args.band)
    if args.compare:
        compare(*(json.loads(p.read_text()) for p in args.compare))
        return 0
    args.out.write_text(json.dumps(measure()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
