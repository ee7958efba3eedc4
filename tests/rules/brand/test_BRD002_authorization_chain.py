import json
import pytest

from builder import findings, lint


def _letters(bundle, *pairs):
    bundle.data["brand"] = {"name": "Voltra", "authorization": [
        {"from": a, "to": b, "file": f"certs/letter-{i}.pdf"} for i, (a, b) in enumerate(pairs)]}


def test_missing_link(bundle, tmp_path):
    _letters(bundle, ("Voltra GmbH", "Agent Ltd"), ("Other Ltd", "Seller Co., Ltd."))
    bundle.write()
    assert lint(tmp_path, select="BRD002") == [(f"{bundle.rel}/listing.json", bundle.line_of('"from": "Other Ltd"'), "BRD002")]
    (f,) = findings(tmp_path, select="BRD002")
    assert "add the letter from 'Agent Ltd' to 'Other Ltd'" in f.message and str(f.severity) == "error"


def test_near_miss_chain_of_three_letters_in_order(bundle, tmp_path):
    _letters(bundle, ("Voltra GmbH", "Agent Ltd"), ("AGENT LIMITED", "Distributor B.V."), ("Distributor BV", "Seller Co., Ltd."))
    bundle.write()
    assert lint(tmp_path, select="BRD002") == []


def test_letters_out_of_order_warn(bundle, tmp_path):
    _letters(bundle, ("Agent Ltd", "Seller Co., Ltd."), ("Voltra GmbH", "Agent Ltd"))
    bundle.write()
    (f,) = findings(tmp_path, select="BRD002")
    assert str(f.severity) == "warning" and "another order" in f.message


def test_last_letter_must_reach_the_seller_in_store_json(bundle, tmp_path):
    _letters(bundle, ("Voltra GmbH", "Agent Ltd"))
    bundle.write()
    (tmp_path / "store.json").write_text(json.dumps({"seller": {"legal_name": "Example Trading Co., Limited"}}))
    assert lint(tmp_path, select="BRD002") == [(f"{bundle.rel}/listing.json", bundle.line_of('"to": "Agent Ltd"'), "BRD002")]
    (tmp_path / "store.json").write_text(json.dumps({"seller": {"legal_name": "Agent Limited"}}))
    assert lint(tmp_path, select="BRD002") == []


@pytest.mark.parametrize("to, then_from", [
    ("Müller GmbH", "MUELLER GMBH"),
    ("Müller GmbH", "Muller GmbH"),
    ("Société Générale Import SARL", "SOCIETE GENERALE IMPORT S.A.R.L."),
    ("Shenzhen Voltra Technology Co., Ltd.", "SHENZHEN VOLTRA TECHNOLOGY"),
    ("Voltra GmbH & Co. KG", "Voltra"),
])
def test_near_miss_names_differ_by_accents_or_a_legal_form_left_out(bundle, tmp_path, to, then_from):
    _letters(bundle, ("Kelvo AG", to), (then_from, "Seller Co., Ltd."))
    bundle.write()
    assert lint(tmp_path, select="BRD002") == []


@pytest.mark.parametrize("to, then_from", [
    ("Voltra GmbH", "Voltra Inc."),  # two legal forms: two companies
    ("Voltra GmbH & Co. KG", "Voltra GmbH"),  # the KG and its general partner
    ("Mueller GmbH", "Muller GmbH"),  # no umlaut in either: two spellings
    ("Shenzhen Voltra Technology Co., Ltd.", "VOLTRA TECHNOLOGY"),  # a word of the name left out
])
def test_different_companies_still_break_the_chain(bundle, tmp_path, to, then_from):
    _letters(bundle, ("Kelvo AG", to), (then_from, "Seller Co., Ltd."))
    bundle.write()
    assert lint(tmp_path, select="BRD002") == [(f"{bundle.rel}/listing.json", bundle.line_of(f'"from": "{then_from}"'), "BRD002")]
    (f,) = findings(tmp_path, select="BRD002")
    assert str(f.severity) == "error"


def test_near_miss_seller_in_store_json_written_without_legal_form_or_accents(bundle, tmp_path):
    _letters(bundle, ("Voltra GmbH", "Société Import SARL"))
    bundle.write()
    (tmp_path / "store.json").write_text(json.dumps({"seller": {"legal_name": "SOCIETE IMPORT"}}))
    assert lint(tmp_path, select="BRD002") == []
    (tmp_path / "store.json").write_text(json.dumps({"seller": {"legal_name": "Societe Import SAS"}}))
    assert lint(tmp_path, select="BRD002") == [(f"{bundle.rel}/listing.json", bundle.line_of('"to": "Société Import SARL"'), "BRD002")]
