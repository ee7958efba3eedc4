"""Issue 15's gates on the FOURTH real shop text, through the real CLI (bench/langid_realtext.py).

The text, tests/data/langid_shops_fourth.jsonl.xz (bench/fourth_corpus.py: Vendure's admin and
server catalogues, OCA's e-commerce and sale-workflow modules), came from sources none of the
tuning, held-out and third corpora used. This test lints a fixed-seed sample of it (40 wrong blocks
per page, language and band; 120 correct blocks per page and band). docs/langid.md ("Fourth
measurement") has the full table.
"""

import pytest
from realtext_gates import (
    DATA,
    assert_detection_targets,
    assert_false_alarm_targets,
    assert_mixed_targets,
    assert_other_text,
    assert_page_targets,
    sample_cells,
)

CORPUS = DATA / "langid_shops_fourth.jsonl.xz"
REPOS = {"vendure-ecommerce/vendure": "MIT", "OCA/e-commerce": "AGPL-3.0", "OCA/sale-workflow": "AGPL-3.0"}
EARLIER = ("langid_shops.jsonl.xz", "langid_shops_heldout.jsonl.xz", "langid_shops_third.jsonl.xz")


@pytest.fixture(scope="module")
def cells():
    return sample_cells(CORPUS)


def test_the_fourth_corpus_is_other_text():
    assert_other_text(CORPUS, REPOS, EARLIER)


def test_false_alarms_on_correct_blocks(cells):
    assert_false_alarm_targets(cells)


def test_detection_of_wrong_blocks(cells):
    assert_detection_targets(cells)


def test_names_in_another_script_never_alarm_and_leftovers_are_quoted(cells):
    assert_mixed_targets(cells)


def test_whole_wrong_pages_from_30_characters(cells):
    # the full draw finds all 814; this sample misses two pages no model decides, the open class of
    # docs/langid.md: "Per filtrar uom secundari disponible" (Catalan on a Spanish page: accurate
    # es 0.49 / ca 0.42, py3langid and the fast pass Italian) and "Stock Rule | Sale Elaboration
    # Profiles | Elaborations" (English on a French page: the accurate pass en 0.57 / fr 0.37,
    # py3langid fr)
    assert_page_targets(cells, missed_allowed=2)
