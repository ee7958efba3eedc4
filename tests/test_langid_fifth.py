"""Issue 15's gates on the FIFTH real shop text, through the real CLI (bench/langid_realtext.py).

The text, tests/data/langid_shops_fifth.jsonl.xz (bench/fifth_corpus.py: Aimeos's storefront,
back-office, job and core catalogues, Shopify Polaris's admin components), came from sources none
of the tuning, held-out, third and fourth corpora used. This test lints a fixed-seed sample of it
(40 wrong blocks per page, language and band; 120 correct blocks per page and band).
docs/langid.md ("Fifth measurement") has the full table.
"""

import pytest

from realtext_gates import DATA, rate, sample_cells

CORPUS = DATA / "langid_shops_fifth.jsonl.xz"
REPOS = {"aimeos/ai-client-html": "LGPL-3.0", "aimeos/ai-admin-jqadm": "LGPL-3.0", "aimeos/ai-controller-jobs": "LGPL-3.0",
         "aimeos/ai-controller-frontend": "LGPL-3.0", "aimeos/aimeos-core": "LGPL-3.0", "Shopify/polaris": "MIT"}
EARLIER = ("langid_shops.jsonl.xz", "langid_shops_heldout.jsonl.xz", "langid_shops_third.jsonl.xz",
           "langid_shops_fourth.jsonl.xz")


@pytest.fixture(scope="module")
def cells():
    return sample_cells(CORPUS)


def test_the_fifth_corpus_is_other_text():
    import shop_corpus

    fifth = shop_corpus.read(CORPUS)
    earlier = {r["text"] for name in EARLIER for r in shop_corpus.read(DATA / name)}
    assert {r["repo"] for r in fifth} == set(REPOS)
    assert all(r["license"] == REPOS[r["repo"]] and len(r["commit"]) == 40 for r in fifth)
    assert sum(r["text"] in earlier for r in fifth) < 0.03 * len(fifth)  # a few common labels


def test_false_alarms_on_correct_blocks(cells):
    assert rate(cells["false alarm 10-29"]) <= 1.5
    assert cells["false alarm 30-79"][0] == 0
    assert cells["false alarm 80+"][0] == 0


def test_detection_of_wrong_blocks(cells):
    assert rate(cells["detect 10-29"]) >= 90.0
    assert rate(cells["detect 30-79"]) >= 98.9
    assert cells["detect 80+"][0] == cells["detect 80+"][1]


def test_names_in_another_script_never_alarm_and_leftovers_are_quoted(cells):
    for page in ("es", "fr", "ru"):
        assert cells[f"mixed names {page}"][0] == 0
        assert rate(cells[f"mixed leftover {page}"]) >= 95.0


def test_whole_wrong_pages_from_30_characters(cells):
    found, pages = cells["page all"]
    assert pages > 0 and found == pages
    assert cells["page false alarm"][0] == 0
