"""Shape of tests/data/parallel_products.jsonl.xz (bench/product_copy_corpus.py): Odoo's catalogues
as aligned en/es/fr/ru text for the fact-consistency, number-format, typography and units rules."""

import json
import lzma
from collections import defaultdict
from pathlib import Path

CORPUS = Path(__file__).parent / "data" / "parallel_products.jsonl.xz"
REPOS = {"nguyenmanhdat006/quan_ly_kho_odoo", "mrrtmob/odoo_acac", "WytheLi/odoo-11.0"}
FIELDS = {"repo", "path", "commit", "license", "upstream", "key", "lang", "text", "ref", "kind", "digits"}


def _records():
    with lzma.open(CORPUS, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_every_key_has_english_and_two_translations():
    records = _records()
    by_key = defaultdict(dict)
    for rec in records:
        assert FIELDS <= rec.keys()
        assert rec["repo"] in REPOS and rec["license"] == "LGPL-3.0-only"
        assert len(rec["commit"]) == 40 and rec["path"].endswith((".po",))
        assert rec["lang"] in {"en", "es", "fr", "ru"} and rec["text"].strip() == rec["text"] != ""
        assert rec["lang"] not in by_key[rec["key"]]
        by_key[rec["key"]][rec["lang"]] = rec["text"]
    assert 500 <= len(by_key) <= 2000
    for langs in by_key.values():
        assert "en" in langs and len(langs.keys() & {"es", "fr", "ru"}) >= 2


def test_mostly_numbers_and_placeholders_flagged_on_every_language():
    records = _records()
    en = [r for r in records if r["lang"] == "en"]
    assert sum(r["digits"] for r in en) >= 0.7 * len(en)
    flagged = defaultdict(set)
    for rec in records:
        flagged[rec["key"]].add(bool(rec.get("placeholder")))
    assert all(len(v) == 1 for v in flagged.values())  # a key is flagged in all its languages or none
    assert any(True in v for v in flagged.values())
