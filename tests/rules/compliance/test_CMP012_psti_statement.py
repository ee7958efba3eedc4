from datetime import date

from builder import findings, lint
from helpers_cmp import line_after, manifest


def _no_psti(plug):
    plug.data["certificates"] = [c for c in plug.data["certificates"] if c["scheme"] != "PSTI"]


def test_connectable_product_in_the_uk_without_psti_statement(plug, tmp_path):
    _no_psti(plug)
    plug.write()
    assert lint(tmp_path, select="CMP012") == [(manifest(plug), line_after(plug, '"markets"', '"UK"'), "CMP012")]
    (f,) = findings(tmp_path, select="CMP012")
    assert "2024-04-29" in f.message and str(f.severity) == "error"


def test_near_miss_before_the_psti_regime(plug, tmp_path):
    _no_psti(plug)
    plug.write()
    assert lint(tmp_path, select="CMP012", as_of=date(2024, 4, 28)) == []


def test_near_miss_radio_without_internet(plug, tmp_path):
    _no_psti(plug)
    plug.data["product_groups"] = ["radio", "mains-powered"]
    plug.write()
    assert lint(tmp_path, select="CMP012") == []
