from datetime import date

from builder import findings, lint
from helpers_cmp import line_after, manifest


def test_eu_market_without_eu_responsible_person(light, tmp_path):
    light.data["responsible_person"] = light.data["responsible_person"][1:]
    light.write()
    assert lint(tmp_path, select="CMP011") == [(manifest(light), line_after(light, '"markets"', '"EU"'), "CMP011")]
    (f,) = findings(tmp_path, select="CMP011")
    assert "2024-12-13" in f.message and str(f.severity) == "error"


def test_gpsr_covers_products_without_electrical_groups(bundle, tmp_path):
    bundle.write()
    assert lint(tmp_path, select="CMP011") == [(f"{bundle.rel}/listing.json", line_after(bundle, '"markets"', '"EU"'), "CMP011")]


def test_electrical_product_needs_an_eu_operator_before_the_gpsr(light, tmp_path):
    light.data["responsible_person"] = light.data["responsible_person"][1:]
    light.write()
    assert lint(tmp_path, select="CMP011", as_of=date(2024, 12, 12)) == [
        (manifest(light), line_after(light, '"markets"', '"EU"'), "CMP011")
    ]
    (f,) = findings(tmp_path, select="CMP011", as_of=date(2021, 7, 16))
    assert f.message.startswith("no EU responsible person: Regulation (EU) 2019/1020 Art. 4: from 2021-07-16")
    assert str(f.severity) == "error" and f.source == "https://eur-lex.europa.eu/eli/reg/2019/1020/oj"


def test_near_miss_before_the_market_surveillance_regulation_applied(light, tmp_path):
    light.data["responsible_person"] = light.data["responsible_person"][1:]
    light.write()
    assert lint(tmp_path, select="CMP011", as_of=date(2021, 7, 15)) == []


def test_near_miss_non_electrical_product_before_the_gpsr(bundle, tmp_path):
    bundle.write()
    assert lint(tmp_path, select="CMP011", as_of=date(2024, 12, 12)) == []


def test_after_the_gpsr_the_gpsr_is_quoted(light, tmp_path):
    light.data["responsible_person"] = light.data["responsible_person"][1:]
    light.write()
    (f,) = findings(tmp_path, select="CMP011")
    assert f.message.startswith("no EU responsible person: GPSR (EU) 2023/988")


def test_uk_importer_is_unconfirmed_so_it_only_informs(light, tmp_path):
    light.data["responsible_person"] = light.data["responsible_person"][:1]
    light.write()
    (f,) = findings(tmp_path, select="CMP011")
    assert str(f.severity) == "info"
