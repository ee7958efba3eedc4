"""Session 18, round 9: the editions an e-bike's, an e-scooter's and a cordless drill's CE certificates cite
under the Machinery Directive are known to the registry (CMP009 said "not in the standards registry"), and
EN 15194:2017, cited in the OJ with two restrictions (Implementing Decision (EU) 2023/69), is current; Great
Britain asks machinery for UKCA or CE under the Supply of Machinery (Safety) Regulations 2008; a laser
pointer's EN 60825-1 and EN 50689 editions are known."""

from datetime import date

import pytest
from builder import findings, lint
from helpers_cmp import line_after, manifest

DAY = date(2026, 12, 7)


def _machine(b, model, standards, groups=("machinery", "battery")):
    """A machine for the EU with its Li-ion pack, CE under the Machinery Directive (a real PDF that names them)."""
    from product_kinds import _fill, _sku

    _fill(b, groups=list(groups), markets=["EU"], skus=[_sku(model)], certs=[{
        "scheme": "CE", "legislation": ["MD", "EMC", "RoHS", "BATT"], "standards": list(standards),
        "issued": "2026-01-08", "models": [model], "file": "certs/ce.pdf"}])
    b.data["battery"] = {"category": "portable", "chemistry": "Li-ion", "capacity_wh": 360, "removable": True,
                         "collection_symbol": True}
    return b


KINDS = {
    "e-bike": ("EB-250", ["EN 15194:2017", "EN 50604-1:2016+A1:2021"]),
    "e-scooter": ("ES-10", ["EN 17128:2020", "EN 50604-1:2016+A1:2021"]),
    "drill": ("CD20", ["EN 62841-1:2015+A11:2022", "EN 62841-2-1:2018+A11:2019"]),
}


@pytest.mark.parametrize("kind", KINDS)
def test_a_machine_s_own_standards_are_known(bundle, tmp_path, kind):
    model, standards = KINDS[kind]
    _machine(bundle, model, standards).write()
    got = lint(tmp_path, select=["CMP002", "CMP004", "CMP009"], as_of=DAY)
    # EN 50604-1 (the e-bike's and e-scooter's battery) is still not in the registry: one CMP009 note, no more
    expected = [] if kind == "drill" else [(manifest(bundle), line_after(bundle, '"standards"', "EN 50604-1"), "CMP009")]
    assert got == expected


def test_near_miss_an_edition_that_does_not_exist_is_still_unknown(bundle, tmp_path):
    _machine(bundle, "EB-250", ["EN 15194:2019"]).write()
    assert lint(tmp_path, select="CMP009", as_of=DAY) == [
        (manifest(bundle), line_after(bundle, '"standards"', "EN 15194:2019"), "CMP009")]
    (f,) = findings(tmp_path, select="CMP009", as_of=DAY)
    assert "EN 15194:2017" in f.message and str(f.severity) == "info"


def test_the_restricted_citation_says_what_it_does_not_cover():
    from listing_lint.standards.registry import load_registry

    (entry,) = [e for e in load_registry().entries if e.text == "EN 15194:2017" and e.market == "EU"]
    assert entry.confidence == "confirmed" and "1.5.5" in entry.basis and "3.6.3.1" in entry.basis


# ---- Great Britain: the Supply of Machinery (Safety) Regulations 2008 --------------------------------------
def test_machinery_for_the_uk_without_a_certificate_under_a_machinery_law(bundle, tmp_path):
    _machine(bundle, "CD20", KINDS["drill"][1], groups=("power-tool",))
    bundle.data["markets"] = ["UK"]
    bundle.data["certificates"][0]["legislation"] = ["EMC", "RoHS"]
    bundle.write()
    assert lint(tmp_path, select="CMP001", as_of=DAY) == [
        (manifest(bundle), line_after(bundle, '"certificates"', '"legislation"'), "CMP001")]
    (f,) = findings(tmp_path, select="CMP001", as_of=DAY)
    assert f.message.startswith("no UKCA or CE certificate under MD/MR for the UK market (machinery product)")
    assert "SI 2008/1597" in f.message and str(f.severity) == "warning"


@pytest.mark.parametrize("scheme", ["CE", "UKCA"])
def test_near_miss_a_uk_machine_with_its_ce_or_ukca_declaration(bundle, tmp_path, scheme):
    _machine(bundle, "CD20", KINDS["drill"][1], groups=("power-tool",))  # no electrical group: uk-ni-ce does not ask
    bundle.data["markets"] = ["UK"]
    bundle.data["certificates"][0].update(scheme=scheme, legislation=["MD", "EMC"])
    bundle.write()
    assert lint(tmp_path, select=["CMP001", "CMP002", "CMP009"], as_of=DAY) == []


# ---- a class 2 laser pointer (round 9): its editions are known, a made-up one is not -------------------------
def test_a_laser_pointer_s_editions_are_known(bundle, tmp_path):
    from product_kinds import _fill, _sku

    _fill(bundle, groups=["battery"], markets=["EU"], skus=[_sku("LP-2")], certs=[{
        "scheme": "CE", "legislation": ["EMC", "RoHS"], "standards": ["EN 60825-1:2014+A11:2021", "EN 50689:2021",
                                                                       "EN 60825-1:2041"],
        "issued": "2026-01-08", "models": ["LP-2"], "file": "certs/ce.pdf"}]).write()
    assert lint(tmp_path, select=["CMP002", "CMP004", "CMP009"], as_of=DAY) == [
        (manifest(bundle), line_after(bundle, '"standards"', "EN 60825-1:2041"), "CMP009")]
