"""Issue 15's gates on the EIGHTH real text, through the real CLI (bench/langid_realtext.py).

The text, tests/data/langid_shops_eighth.jsonl.xz (bench/eighth_corpus.py: Magento 2's storefront
strings as Mageplaza's community language packs translate them, MIT: the customer-facing modules'
and the storefront themes' strings, cart and checkout, customer account, orders, returns, wish
lists, gift cards, catalogue and product pages, in en, es, fr, ru and the neighbours ca, pt, it,
uk, de, nl), is a shop platform and a kind of translation (a shop community's, not the platform
team's) none of the seven earlier corpora has. This test lints a fixed-seed sample of it (40 wrong
blocks per page, language and band; 120 correct blocks per page and band, which is every correct
block of 10-79 characters this small corpus has). docs/langid.md ("Eighth measurement") has the
full table: false alarms 3 / 0 / 0 of 486 / 480 / 309 (0.6 % under 30 characters: short English
labels the accurate pass gives to a neighbour, "Queue Information" fr 0.66, "Invalid data" es
0.77, "Reset password" it 0.78). Sample: the same three of 478 under 30, detection 781 / 834 / 835
of 839 / 836 / 835, names alarms 0, leftovers quoted 80 / 76 / 159 of 80 / 80 / 160 (fr at the
95 % floor: Russian phrases after a short French base, "Mon compte", reported as the whole text in
Russian), whole pages 210 / 210.
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

CORPUS = DATA / "langid_shops_eighth.jsonl.xz"
REPOS = {f"mageplaza/magento-2-{name}-language-pack": "MIT"
         for name in ("spanish", "french", "russian", "catalan", "portuguese", "italian", "ukrainian", "german", "dutch")}
EARLIER = ("langid_shops.jsonl.xz", "langid_shops_heldout.jsonl.xz", "langid_shops_third.jsonl.xz",
           "langid_shops_fourth.jsonl.xz", "langid_shops_fifth.jsonl.xz", "langid_shops_sixth.jsonl.xz",
           "langid_shops_seventh.jsonl.xz")


@pytest.fixture(scope="module")
def cells():
    return sample_cells(CORPUS)


def test_the_eighth_corpus_is_other_text():
    assert_other_text(CORPUS, REPOS, EARLIER)


def test_false_alarms_on_correct_blocks(cells):
    # from 30 characters none, as everywhere; under 30 within the 1.5 % target (3 of 478 measured)
    assert_false_alarm_targets(cells)


def test_detection_of_wrong_blocks(cells):
    assert_detection_targets(cells)


def test_names_in_another_script_never_alarm_and_leftovers_are_quoted(cells):
    assert_mixed_targets(cells)


def test_whole_wrong_pages_from_30_characters(cells):
    assert_page_targets(cells)
