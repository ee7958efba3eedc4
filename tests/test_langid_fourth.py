"""Issue 15's gates on the FOURTH real shop text, through the real CLI (bench/langid_realtext.py).

The text, tests/data/langid_shops_fourth.jsonl.xz (bench/fourth_corpus.py: Vendure's admin and
server catalogues, OCA's e-commerce and sale-workflow modules), came from sources none of the
tuning, held-out and third corpora used. This test lints a fixed-seed sample of it (40 wrong blocks
per page, language and band; 120 correct blocks per page and band). docs/langid.md ("Fourth
measurement") has the full table.
"""

import pytest

from realtext_gates import DATA, rate, sample_cells

CORPUS = DATA / "langid_shops_fourth.jsonl.xz"
REPOS = {"vendure-ecommerce/vendure": "MIT", "OCA/e-commerce": "AGPL-3.0", "OCA/sale-workflow": "AGPL-3.0"}
EARLIER = ("langid_shops.jsonl.xz", "langid_shops_heldout.jsonl.xz", "langid_shops_third.jsonl.xz")


@pytest.fixture(scope="module")
def cells():
    return sample_cells(CORPUS)


def test_the_fourth_corpus_is_other_text():
    import shop_corpus

    fourth = shop_corpus.read(CORPUS)
    earlier = {r["text"] for name in EARLIER for r in shop_corpus.read(DATA / name)}
    assert {r["repo"] for r in fourth} == set(REPOS)
    assert all(r["license"] == REPOS[r["repo"]] and len(r["commit"]) == 40 for r in fourth)
    assert sum(r["text"] in earlier for r in fourth) < 0.03 * len(fourth)  # a few common labels


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
    # the full draw finds all 814; this sample misses two pages no model decides, the open class of
    # docs/langid.md: "Per filtrar uom secundari disponible" (Catalan on a Spanish page: accurate
    # es 0.49 / ca 0.42, py3langid and the fast pass Italian) and "Stock Rule | Sale Elaboration
    # Profiles | Elaborations" (English on a French page: the accurate pass en 0.57 / fr 0.37,
    # py3langid fr)
    found, pages = cells["page all"]
    assert pages > 0 and found >= pages - 2
    assert cells["page false alarm"][0] == 0
