"""Issue 15's gates on the FIFTH real shop text, through the real CLI (bench/langid_realtext.py).

The text, tests/data/langid_shops_fifth.jsonl.xz (bench/fifth_corpus.py: Aimeos's storefront,
back-office, job and core catalogues, Shopify Polaris's admin components), came from sources none
of the tuning, held-out, third and fourth corpora used. This test lints a fixed-seed sample of it
(40 wrong blocks per page, language and band; 120 correct blocks per page and band).
docs/langid.md ("Fifth measurement") has the full table.
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

CORPUS = DATA / "langid_shops_fifth.jsonl.xz"
REPOS = {"aimeos/ai-client-html": "LGPL-3.0", "aimeos/ai-admin-jqadm": "LGPL-3.0", "aimeos/ai-controller-jobs": "LGPL-3.0",
         "aimeos/ai-controller-frontend": "LGPL-3.0", "aimeos/aimeos-core": "LGPL-3.0", "Shopify/polaris": "MIT"}
EARLIER = ("langid_shops.jsonl.xz", "langid_shops_heldout.jsonl.xz", "langid_shops_third.jsonl.xz",
           "langid_shops_fourth.jsonl.xz")


@pytest.fixture(scope="module")
def cells():
    return sample_cells(CORPUS)


def test_the_fifth_corpus_is_other_text():
    assert_other_text(CORPUS, REPOS, EARLIER)


def test_false_alarms_on_correct_blocks(cells):
    assert_false_alarm_targets(cells)


def test_detection_of_wrong_blocks(cells):
    assert_detection_targets(cells)


def test_names_in_another_script_never_alarm_and_leftovers_are_quoted(cells):
    assert_mixed_targets(cells)


def test_whole_wrong_pages_from_30_characters(cells):
    assert_page_targets(cells)
