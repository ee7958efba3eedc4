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
