import pytest
from builder import findings, lint
from helpers_cmp import line_after, manifest


def test_uk_model_not_on_any_ce_or_ukca_certificate(plug, tmp_path):
    plug.data["certificates"][0]["models"] = ["X1-EU"]
    plug.write()
    assert lint(tmp_path, select="CMP006") == [(manifest(plug), plug.line_of('"model": "X1-UK"'), "CMP006")]
    (f,) = findings(tmp_path, select="CMP006")
    assert f.message.startswith("model X1-UK is sold in the UK but no CE certificate lists it")


def test_near_miss_series_and_spelling(plug, tmp_path):
    plug.data["certificates"][0]["models"] = ["x1 eu", "X1 series"]
    plug.write()
    assert lint(tmp_path, select="CMP006") == []


def test_near_miss_per_model_certificates(plug, tmp_path):
    ce = plug.data["certificates"][0]
    ce["models"] = ["X1-EU"]
    plug.data["certificates"].append({**ce, "models": ["X1-UK"]})
    plug.write()
    assert lint(tmp_path, select="CMP006") == []


def _vx100(bundle, lvd_models):
    """A mains lamp for the EU and UK with one certificate per law (the issue's VX100 case)."""
    def cert(law, models, standard):
        return {"scheme": "CE", "legislation": [law], "standards": [standard], "issued": "2026-01-20",
                "models": models, "file": f"certs/{law.lower()}.pdf"}
    every = ["VX100-EU", "VX100-UK", "VX100-EU-W"]
    bundle.data.update(
        {
            "product_groups": ["mains-powered", "led-lighting"],
            "markets": ["EU", "UK"],
            "skus": [
                {"id": m, "model": m, "price": {"amount": "29.90", "currency": "USD"}, "markets": [m.split("-")[1]]}
                for m in every
            ],
            "certificates": [
                cert("LVD", lvd_models, "EN IEC 60598-1:2021+A11:2022"),
                cert("EMC", every, "EN IEC 55015:2019+A11:2020"),
                cert("RoHS", every, "EN IEC 63000:2018"),
            ],
        }
    )
    for c in bundle.data["certificates"]:
        bundle.file(c["file"], b"%PDF-1.4\n")
    return bundle


def test_model_missing_from_one_laws_certificate(bundle, tmp_path):
    _vx100(bundle, ["VX100-EU", "VX100-UK"]).write()
    line = line_after(bundle, '"LVD"', '"models"')
    assert lint(tmp_path, select="CMP006") == [(manifest(bundle), line, "CMP006")]
    (f,) = findings(tmp_path, select="CMP006")
    assert f.message.startswith("model VX100-EU-W is sold in the EU and evidenced under EMC+RoHS, but this LVD certificate")
    assert f.message.endswith("add the model to this certificate's `models`, or attach another certificate under the LVD that lists it")


def test_near_miss_every_law_lists_every_model(bundle, tmp_path):
    _vx100(bundle, ["VX100-EU", "VX100-UK", "VX100-EU-W"]).write()
    assert lint(tmp_path, select="CMP006") == []


def test_near_miss_the_variant_is_not_sold_where_the_law_lacks_it(bundle, tmp_path):
    _vx100(bundle, ["VX100-EU", "VX100-UK"])
    bundle.data["skus"][2]["markets"] = ["US"]  # VX100-EU-W not sold in the EU or UK
    bundle.data["markets"].append("US")
    bundle.write()
    assert lint(tmp_path, select="CMP006") == []


def test_near_miss_charger_certificate_names_another_product(plug, tmp_path):
    plug.data["certificates"].insert(1, {**plug.data["certificates"][0], "legislation": ["LVD", "EMC"], "models": ["CH-5V"]})
    plug.write()
    assert lint(tmp_path, select="CMP006") == []


def test_near_miss_red_evidence_stands_for_lvd_and_emc(plug, tmp_path):
    ce = plug.data["certificates"][0]
    plug.data["certificates"].insert(1, {**ce, "legislation": ["LVD", "EMC"], "models": ["X1-EU"]})  # X1-UK: RED only
    plug.write()
    assert lint(tmp_path, select="CMP006") == []


def test_red_da_certificate_missing_a_model(plug, tmp_path):
    ce = plug.data["certificates"][0]
    ce["legislation"] = ["RED", "RoHS"]
    plug.data["certificates"].insert(1, {**ce, "legislation": ["RED-DA"], "standards": ["EN 18031-1:2024"], "models": ["X1-EU"]})
    plug.data["markets"] = ["EU"]
    plug.data["skus"][1]["markets"] = ["EU"]
    plug.write()
    line = line_after(plug, '"RED-DA"', '"models"')
    assert lint(tmp_path, select="CMP006") == [(manifest(plug), line, "CMP006")]


@pytest.mark.parametrize("entry", ["X1-EU, X1-UK", "X1-EU/X1-UK", "X1 (X1-EU, X1-UK)", "X1-EU; X1-UK"])
def test_near_miss_list_typed_into_one_models_entry(plug, tmp_path, entry):
    """The certificate lists both models; the list in one entry is SCH008's finding, not a missing model."""
    plug.data["certificates"][0]["models"] = [entry]
    plug.write()
    assert lint(tmp_path, select="CMP006") == []


def test_list_in_one_entry_without_the_sold_model_still_triggers(plug, tmp_path):
    plug.data["certificates"][0]["models"] = ["X1-EU, X1-DE"]
    plug.write()
    assert lint(tmp_path, select="CMP006") == [(manifest(plug), plug.line_of('"model": "X1-UK"'), "CMP006")]
