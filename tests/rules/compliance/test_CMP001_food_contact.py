"""CMP001 for food contact materials (session 17, round 7): no CE or UKCA marking; a plastic part that
touches food needs the supplier's declaration of compliance (Regulation (EU) No 10/2011), and in the US the
FDA's rules are met material by material. Every rule here is a note: its text was not read in full."""

from builder import findings, lint
from helpers_cmp import line_after, manifest
from product_kinds import make_water_bottle


def _one(tmp_path, select="CMP001"):
    (f,) = findings(tmp_path, select=select)
    return f


def test_plastic_food_contact_without_a_declaration_of_compliance_in_the_eu(bundle, tmp_path):
    # a bottle tagged `food-contact` was SCH009 "unknown group", and nothing said what it needs
    make_water_bottle(bundle).data["certificates"] = []
    bundle.data["markets"] = ["EU"]
    bundle.write()
    assert lint(tmp_path, select=["CMP001", "SCH009"]) == [
        (manifest(bundle), line_after(bundle, '"markets"', '"EU"'), "CMP001")]
    f = _one(tmp_path)
    assert f.message.startswith("no declaration of compliance for the plastic parts that touch food for the EU market "
                                "(food-contact-plastic product)")
    assert "10/2011" in f.message and "as an `FCM` certificate" in f.message and str(f.severity) == "info"


def test_us_food_contact_without_a_statement_is_a_note(bundle, tmp_path):
    make_water_bottle(bundle).data["certificates"] = []
    bundle.data["markets"] = ["US"]
    bundle.data["product_groups"] = ["food-contact"]
    bundle.write()
    assert lint(tmp_path, select="CMP001") == [(manifest(bundle), line_after(bundle, '"markets"', '"US"'), "CMP001")]
    f = _one(tmp_path)
    assert "21 CFR" in f.message and str(f.severity) == "info"


def test_near_miss_silicone_spoon_is_food_contact_without_plastic(bundle, tmp_path):
    """A silicone baby spoon: silicone is no plastic under 10/2011, and no EU-wide measure asks a declaration."""
    make_water_bottle(bundle).data["certificates"] = []
    bundle.data["product_groups"] = ["food-contact"]
    bundle.data["markets"] = ["EU", "UK"]
    bundle.write()
    assert lint(tmp_path, select=["CMP", "SCH009"]) == []


def test_near_miss_the_declaration_meets_every_market_and_its_test_methods_are_not_judged(bundle, tmp_path):
    make_water_bottle(bundle).write()
    assert lint(tmp_path, select=["CMP", "SCH"]) == []


def test_food_contact_alias_is_the_group(bundle, tmp_path):
    make_water_bottle(bundle).data["product_groups"] = ["food-grade"]
    bundle.data["certificates"] = []
    bundle.data["markets"] = ["EU"]
    bundle.write()
    assert lint(tmp_path, select=["CMP001", "SCH009"]) == []
