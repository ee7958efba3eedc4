"""Issue 15's gates on the HELD-OUT real shop text, through the real CLI (bench/langid_realtext.py).

The text, tests/data/langid_shops_heldout.jsonl.xz (bench/heldout_corpus.py: Bagisto and
Shopware's language pack), was never used to choose a threshold; it stands for the hidden sets.
This test lints a fixed-seed sample of it (40 wrong blocks per page, language and band; 120 correct
blocks per page and band). docs/langid.md ("Held-out measurement") has the full table and says
what is still missed.
"""

import pytest
from realtext_gates import (
    DATA,
    assert_detection_targets,
    assert_false_alarm_targets,
    assert_mixed_targets,
    assert_other_text,
    rate,
    sample_cells,
)

CORPUS = DATA / "langid_shops_heldout.jsonl.xz"


@pytest.fixture(scope="module")
def cells():
    return sample_cells(CORPUS)


def test_the_held_out_corpus_is_other_text():
    assert_other_text(CORPUS, {"bagisto/bagisto": "MIT", "shopware/SwagLanguagePack": "MIT"},
                      ("langid_shops.jsonl.xz",), share=0.02)


def test_false_alarms_on_correct_blocks(cells):
    assert_false_alarm_targets(cells)


def test_detection_of_wrong_blocks(cells):
    assert_detection_targets(cells, from_80=99.5)  # target 100 %: docs/langid.md names the misses


def test_names_in_another_script_never_alarm_and_leftovers_are_quoted(cells):
    # the es alarm ("Carrito no encontrado o no válido." as a base string) is gone since session 7;
    # fr may keep one ("Contingentrule", a non-word in Shopware's catalogue)
    assert_mixed_targets(cells, names_allowed={"fr": 1})


def test_whole_wrong_pages_from_30_characters(cells):
    assert rate(cells["page all"]) >= 98.5
    for lang in ("it", "pt"):
        assert cells[f"page {lang}"][0] == cells[f"page {lang}"][1] > 0
    assert cells["page false alarm"][0] == 0
