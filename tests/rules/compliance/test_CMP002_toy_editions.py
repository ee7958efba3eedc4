"""CMP002/CMP009 on the EN 71 editions a toy's certificate cites (session 14): Implementing Decision
(EU) 2021/1992 cites EN 71-2:2020 and EN 71-3:2019+A1:2021 and ends the editions they replace on
2022-05-15. Both ways: the old edition after that day is an error, the new one is known and silent."""

from datetime import date

from builder import findings, lint
from helpers_cmp import line_after, manifest
from product_kinds import make_toy


def _cite(b, old, new):
    standards = b.data["certificates"][0]["standards"]
    standards[standards.index(old)] = new


def test_en_71_2_2011_after_2022_05_15_is_an_error(bundle, tmp_path):
    _cite(make_toy(bundle), "EN 71-2:2020", "EN 71-2:2011+A1:2014")
    bundle.write()
    assert lint(tmp_path, select=["CMP002", "CMP009"]) == [
        (manifest(bundle), line_after(bundle, '"standards"', "EN 71-2:2011+A1:2014"), "CMP002")]
    (f,) = findings(tmp_path, select="CMP002")
    assert f.message.startswith("EN 71-2:2011+A1:2014 lost presumption of conformity on 2022-05-15")
    assert f.message.endswith("; cite EN 71-2:2020")
    assert str(f.severity) == "error" and "2021/1992" in f.source


def test_near_miss_en_71_2_2011_before_the_cessation_date(bundle, tmp_path):
    _cite(make_toy(bundle), "EN 71-2:2020", "EN 71-2:2011+A1:2014")
    bundle.data["certificates"][0]["issued"] = "2021-06-01"
    bundle.write()
    assert lint(tmp_path, select="CMP002", as_of=date(2022, 5, 14)) == []


def test_near_miss_en_71_2_2020_is_known_and_current(bundle, tmp_path):
    # before session 14: CMP009 "not in the standards registry" for a toy tested to the edition in force
    make_toy(bundle).write()
    assert lint(tmp_path, select=["CMP002", "CMP003", "CMP004", "CMP009"]) == []


def test_en_71_3_2019_without_its_amendment_after_2022_05_15_is_an_error(bundle, tmp_path):
    _cite(make_toy(bundle), "EN 71-3:2019+A1:2021", "EN 71-3:2019")
    bundle.write()
    assert lint(tmp_path, select="CMP002") == [
        (manifest(bundle), line_after(bundle, '"standards"', '"EN 71-3:2019"'), "CMP002")]
    (f,) = findings(tmp_path, select="CMP002")
    assert f.message.startswith("EN 71-3:2019 lost presumption of conformity on 2022-05-15")
    assert f.message.endswith("; cite EN 71-3:2019+A1:2021")


def test_near_miss_en_71_3_a2_2024_is_no_superseded_edition(bundle, tmp_path):
    # "+A2:2024" must not fall back to the bare EN 71-3:2019 entry (superseded): its OJ status is
    # not established, so it stays silent rather than being judged an old edition
    _cite(make_toy(bundle), "EN 71-3:2019+A1:2021", "EN 71-3:2019+A2:2024")
    bundle.write()
    assert lint(tmp_path, select=["CMP002", "CMP003", "CMP004", "CMP009"]) == []


def test_uk_toy_citing_bs_en_71_2_2011_warns_only(bundle, tmp_path):
    # the UK has no designation list in the registry: the EU entry judges it, one level lower
    b = make_toy(bundle)
    b.data["markets"] = ["UK"]
    b.data["skus"] = [s for s in b.data["skus"] if "UK" in s["markets"]]
    for s in b.data["skus"]:
        s["markets"] = ["UK"]
    b.data["certificates"] = [dict(b.data["certificates"][0], scheme="UKCA")]
    _cite(b, "EN 71-2:2020", "BS EN 71-2:2011+A1:2014")
    b.write()
    (f,) = findings(tmp_path, select="CMP002")
    assert (f.path, f.line, f.code) == (manifest(b), line_after(b, '"standards"', "BS EN 71-2"), "CMP002")
    assert str(f.severity) != "error"
