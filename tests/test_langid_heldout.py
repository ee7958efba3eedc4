"""Issue 15's gates on the HELD-OUT real shop text, through the real CLI (bench/langid_realtext.py).

The text, tests/data/langid_shops_heldout.jsonl.xz (bench/heldout_corpus.py: Bagisto and
Shopware's language pack), was never used to choose a threshold; it stands for the hidden sets.
This test lints a fixed-seed sample of it (40 wrong blocks per page, language and band; 120 correct
blocks per page and band). docs/langid.md ("Held-out measurement") has the full table and says
what is still missed.
"""

import pytest

from realtext_gates import DATA, rate, sample_cells

CORPUS = DATA / "langid_shops_heldout.jsonl.xz"


@pytest.fixture(scope="module")
def cells():
    return sample_cells(CORPUS)


def test_the_held_out_corpus_is_other_text():
    import shop_corpus

    held_out = shop_corpus.read(CORPUS)
    tuning = {r["text"] for r in shop_corpus.read()}
    assert {r["repo"] for r in held_out} == {"bagisto/bagisto", "shopware/SwagLanguagePack"}
    assert all(r["license"] == "MIT" and len(r["commit"]) == 40 for r in held_out)
    assert sum(r["text"] in tuning for r in held_out) < 0.02 * len(held_out)  # a few common labels


def test_false_alarms_on_correct_blocks(cells):
    assert rate(cells["false alarm 10-29"]) <= 1.5
    assert cells["false alarm 30-79"][0] == 0
    assert cells["false alarm 80+"][0] == 0


def test_detection_of_wrong_blocks(cells):
    assert rate(cells["detect 10-29"]) >= 90.0
    assert rate(cells["detect 30-79"]) >= 98.9
    assert rate(cells["detect 80+"]) >= 99.5  # target 100 %: docs/langid.md names the misses


def test_names_in_another_script_never_alarm_and_leftovers_are_quoted(cells):
    for page in ("es", "fr", "ru"):
        # target 0; the es alarm ("Carrito no encontrado o no válido." as a base string) is gone
        # since session 7; fr may keep one ("Contingentrule", a non-word in Shopware's catalogue)
        assert cells[f"mixed names {page}"][0] <= (1 if page == "fr" else 0)
        assert rate(cells[f"mixed leftover {page}"]) >= 95.0


def test_whole_wrong_pages_from_30_characters(cells):
    assert rate(cells["page all"]) >= 98.5
    for lang in ("it", "pt"):
        assert cells[f"page {lang}"][0] == cells[f"page {lang}"][1] > 0
    assert cells["page false alarm"][0] == 0
