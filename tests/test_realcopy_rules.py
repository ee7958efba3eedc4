"""The rules that read a page's language without judging it (LOC005, LOC007, LOC008, LOC009, LOC012,
LOC013) on every real-text corpus of tests/data, in process (bench/realcopy_rules.py; docs/decisions.md,
"Session 18: the non-language LOC rules on real third-party copy"). Every finding was read: what is
pinned here is true by the rules' contracts (regular spaces before French marks, "$20" on a Russian
page, "8oz" alone on a Spanish menu, Prusa's French "22 x 34 mm" for a 22 x 34 in sheet) or left open
there (US paper sizes in inches on the Spanish page, "[layer_num]" named in G-code help)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import realcopy_rules as bench  # noqa: E402

PINNED = {
    "langid_corpus": {"LOC009": 8, "LOC012": 30},
    "langid_shops": {"LOC012": 43},
    "langid_shops_eighth": {"LOC005": 2, "LOC012": 13},
    "langid_shops_fifth": {"LOC009": 8, "LOC012": 27},
    "langid_shops_fourth": {"LOC012": 39},
    "langid_shops_heldout": {"LOC012": 54},
    "langid_shops_seventh": {"LOC012": 17},
    "langid_shops_sixth": {"LOC012": 24},
    "langid_shops_third": {"LOC005": 3, "LOC012": 34},
    "parallel_appstore": {"LOC012": 3},
    "parallel_kde": {},
    "parallel_mozilla": {"LOC007": 2, "LOC012": 3},
    "parallel_ofn": {"LOC005": 6, "LOC012": 85},  # the TODO list items of its "about" page; French spaces, ¿ ¡
    "parallel_products": {"LOC005": 32, "LOC008": 2, "LOC009": 63, "LOC012": 149, "LOC013": 1},
    "parallel_prusa": {"LOC005": 11, "LOC008": 3, "LOC012": 17, "LOC013": 29},
    "parallel_reaction": {"LOC012": 9},
    "parallel_shops": {"LOC007": 4, "LOC009": 7, "LOC012": 71, "LOC013": 1},
    "parallel_shuup": {"LOC012": 19},
    "parallel_smooth": {"LOC007": 6, "LOC012": 36},
    "parallel_tasmota": {"LOC012": 5},  # French ":" and "!" without their no-break space; Spanish "!" without "¡"
}


@pytest.fixture(scope="module")
def found():
    return {name: bench.measure(name) for name in bench.corpora()}


def test_every_corpus_is_measured_and_its_findings_pinned(found):
    assert {name: dict(Counter(f["code"] for f in rows)) for name, rows in found.items()} == PINNED


def test_the_classes_fixed_in_session_18_stay_fixed(found):
    rows = [f for name_rows in found.values() for f in name_rows]
    # "$A$1", a spreadsheet cell; "$15k", fifteen thousand; "S[first_layer_temperature]", G-code
    assert not [f for f in rows if f["code"] == "LOC009" and f["message"].startswith("$1:")]
    assert not [f for f in rows if f["code"] == "LOC008" and "$15;" in f["message"]]
    glued = [f for f in rows if f["code"] == "LOC005" and "first_layer_temperature" in f["message"]]
    assert {f["locale"] for f in glued} == {"es"}  # the Spanish wrote "M109 S [first_layer_temperature]"
    # a regex's "(?P" is no Spanish question; "G92 E0" in straight quotes is code
    assert not [f for f in rows if f["code"] == "LOC012" and '"…^(?"' in f["message"]]
    assert not [f for f in rows if f["code"] == "LOC012" and "straight" in f["message"] and '"G92 E0"' in (f["text"] or "")
                and "Pair-impair" not in (f["text"] or "")]


def test_the_prusa_corpus_is_new_aligned_text_with_its_provenance():
    import shop_corpus

    records = shop_corpus.read(bench.DATA / "parallel_prusa.jsonl.xz")
    assert {(r["repo"], r["commit"], r["license"]) for r in records} == {
        ("prusa3d/PrusaSlicer", "69c8e569410efe82259e706cd09a05ea82da9359", "AGPL-3.0")}
    keys = {r["key"] for r in records if r["lang"] == "en"}
    assert len(keys) == 645 and {r["lang"] for r in records} == {"en", "es", "fr", "ru"}
    earlier = {r["text"] for name in bench.corpora() if name.startswith("parallel_") and name != "parallel_prusa"
               for r in shop_corpus.read(bench.DATA / f"{name}.jsonl.xz") if r["lang"] == "en"}
    assert sum(r["text"] in earlier for r in records if r["lang"] == "en") <= 3
