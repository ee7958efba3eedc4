import pytest
from builder import findings, lint


def _mark(bundle, category, classes):
    bundle.data["category"] = category
    bundle.data["brand"] = {"name": "Voltra", "trademark": {"mark": "R", "office": "EUIPO", "number": "1", "classes": classes}}


def test_retail_services_only_does_not_cover_garden_goods(bundle, tmp_path):
    _mark(bundle, "home-garden", [35])
    bundle.write()
    assert lint(tmp_path, select="BRD004") == [(f"{bundle.rel}/listing.json", bundle.line_of('"classes"'), "BRD004")]
    (f,) = findings(tmp_path, select="BRD004")
    assert str(f.severity) == "warning" and "wipo.int" in f.source


def test_near_miss_lighting_class_for_home_garden(bundle, tmp_path):
    _mark(bundle, "home-garden", [11])
    bundle.write()
    assert lint(tmp_path, select="BRD004") == []


def test_near_miss_category_other_and_no_classes(bundle, tmp_path):
    _mark(bundle, "other", [35])
    bundle.write()
    assert lint(tmp_path, select="BRD004") == []
    _mark(bundle, "home-garden", [])
    bundle.write()
    assert lint(tmp_path, select="BRD004") == []


@pytest.mark.parametrize("classes", [[18], [1], [14]], ids=["dog leash (18)", "garden fertiliser (1)", "wall clock (14)"])
def test_near_miss_home_garden_goods_in_their_own_class(bundle, tmp_path, classes):
    # class 18's heading names "collars, leashes and clothing for animals", class 1's "compost, manures,
    # fertilizers", class 14's "horological and chronometric instruments": each warned on home-garden
    _mark(bundle, "home-garden", classes)
    bundle.write()
    assert lint(tmp_path, select="BRD004") == []


def test_clothing_class_still_does_not_cover_garden_goods(bundle, tmp_path):
    _mark(bundle, "home-garden", [25])
    bundle.write()
    assert lint(tmp_path, select="BRD004") == [(f"{bundle.rel}/listing.json", bundle.line_of('"classes"'), "BRD004")]
