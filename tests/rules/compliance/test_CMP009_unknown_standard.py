import pytest
from builder import findings, lint
from helpers_cmp import line_after, manifest
from pdf_writer import certificate_pdf


def test_edition_the_registry_does_not_know(plug, tmp_path):
    plug.data["certificates"][0]["standards"][0] = "EN 62368-1:2041+A11:2017"
    plug.write()
    assert lint(tmp_path, select="CMP009") == [(manifest(plug), line_after(plug, '"standards"', "EN 62368-1:2041"), "CMP009")]
    (f,) = findings(tmp_path, select="CMP009")
    assert "current: EN 62368-1:2014+A11:2017" in f.message and str(f.severity) == "info"


@pytest.mark.parametrize("text,expected", [
    ("EN 62368-1", "names no edition"),
    ("EN62368", "names no edition"),
    ("Safety standard 62368", "cannot read standard reference"),
    ("EN 62368-1:2014 foo", "cannot read standard reference"),
    ("EN 99999-1:2020", "not in the standards registry"),
])
def test_unreadable_or_unknown_references(plug, tmp_path, text, expected):
    plug.data["certificates"][0]["standards"][0] = text
    plug.write()
    (f,) = findings(tmp_path, select="CMP009")
    assert expected in f.message


def test_near_miss_odd_spelling_and_rule_parts(plug, tmp_path):
    plug.data["certificates"][0]["standards"] = [
        "en  62368–1 : 2014 / a11 : 2017", "ETSI EN 300 328 V2.2.2 (2019-07)", "EN 301489-17 V3.3.1", "EN 18031-1:2024",
    ]
    plug.data["certificates"][1]["standards"] += ["47 CFR Part 15 Subpart B", "KDB 558074 D01"]
    plug.write()
    assert lint(tmp_path, select="CMP009") == []


def test_near_miss_edition_added_by_the_configured_overlay(plug, tmp_path):
    plug.data["certificates"][0]["standards"].append("EN IEC 62619:2022")
    plug.write()
    assert len(lint(tmp_path, select="CMP009")) == 1
    (tmp_path / "extra.yaml").write_text(
        "standards:\n  - {ref: 'EN IEC 62619:2022', market: EU, legislation: [BATT], groups: [battery], status: current,\n"
        "     source: 'https://example.com/lab-note', confidence: single-source}\n", encoding="utf-8")
    assert lint(tmp_path, select="CMP009", standards_overlay="extra.yaml") == []


# ---- session 14: a Children's Product Certificate cites the acts, as CPSC's list of citations does ----
CPC_CITATIONS = [
    "CPSIA Section 101 Total Lead Content", "Sec. 108 of the Consumer Product Safety Improvement Act of 2008",
    "CPSIA Section 108 Phthalates / 16 CFR 1307", "16 CFR 1303", "15 U.S.C. 2063", "CPSC-CH-E1001-08.3",
]


def _cpc(b, standards):
    b.data["markets"] = ["US"]
    b.data["product_groups"] = ["childrens-product"]
    b.data["skus"] = [{"id": "K9", "model": "K9", "price": {"amount": "49.00", "currency": "USD"}}]
    b.data["certificates"] = [{"scheme": "CPC", "standards": standards, "issued": "2026-03-20", "models": ["K9"], "file": "certs/cpc.pdf"}]
    b.file("certs/cpc.pdf", b"%PDF-1.4\n%%EOF\n")
    b.write()


def test_near_miss_a_cpc_citing_the_cpsia_sections_and_cpsc_methods(bundle, tmp_path):
    # before session 14: "cannot read standard reference 'CPSIA Section 101 ...': it does not start with a standards body"
    _cpc(bundle, CPC_CITATIONS)
    assert lint(tmp_path, select="CMP009") == []


def test_a_cpc_line_that_is_neither_a_standard_nor_an_act_is_still_reported(bundle, tmp_path):
    _cpc(bundle, [*CPC_CITATIONS, "Lead content test passed"])
    assert lint(tmp_path, select="CMP009") == [(manifest(bundle), bundle.line_of('"Lead content test passed"'), "CMP009")]
    (f,) = findings(tmp_path, select="CMP009")
    assert f.message.startswith("cannot read standard reference 'Lead content test passed'")


def test_a_british_standard_is_read_and_reported_as_unknown_not_unreadable(plug, tmp_path):
    """Session 17 audit: a UK smart plug's UKCA report citing the plug standard, "BS 1363-1:2016+A1:2018",
    was told it "does not start with a standards body"; BSI's own standards are read (BS EN ones were).
    Session 18 recorded BS 1363-1 itself; the fuse link's BS 1362 stays unknown."""
    plug.data["certificates"].append({
        "scheme": "UKCA", "legislation": ["RED", "RoHS"], "issued": "2026-01-20", "models": ["X1-UK"],
        "standards": ["BS EN 62368-1:2014+A11:2017", "BS 1362:1973+A3:2019"], "file": "certs/ukca.pdf"})
    plug.file("certs/ukca.pdf", certificate_pdf(plug.data["certificates"][-1]))
    plug.write()
    assert lint(tmp_path, select="CMP009") == [(manifest(plug), line_after(plug, '"UKCA"', '"BS 1362'), "CMP009")]
    (f,) = findings(tmp_path, select="CMP009")
    assert f.message.startswith("BS 1362:1973+A3:2019 is not in the standards registry for the UK")


# Session 18 (round 8): editions the registry now holds (standards.yaml), none confirmed: each is known,
# none raises more than a note.
KNOWN_KINDS = [
    ("EU", "PPE", ["bicycle-helmet"], "EN 1078:2012+A1:2012"),
    ("EU", "PPE", ["ppe"], "EN ISO 12312-1:2013/A1:2015"),
    ("EU", "PPE", ["ppe"], "EN ISO 12312-1:2022"),
    ("EU", "GPSR", ["pacifier"], "EN 1400:2013+A2:2018"),
    ("EU", "LVD", ["household-appliance", "mains-powered"], "EN 60335-2-23:2003+A1:2008+A11:2010+A2:2015"),
    ("EU", "LVD", ["household-appliance", "mains-powered"], "EN IEC 60335-2-23:2023+A1:2023+A11:2023"),
    ("UK", "RED", ["radio", "internet-connected", "mains-plug"], "BS 1363-1:2016+A1:2018"),
]


@pytest.mark.parametrize("market,law,groups,ref", KNOWN_KINDS)
def test_editions_recorded_in_round_8_are_known(plug, tmp_path, market, law, groups, ref):
    plug.data["certificates"].append({
        "scheme": "CE" if market == "EU" else "UKCA", "legislation": [law], "issued": "2026-01-20",
        "models": ["X1-EU" if market == "EU" else "X1-UK"], "standards": [ref], "file": "certs/extra.pdf"})
    plug.file("certs/extra.pdf", certificate_pdf(plug.data["certificates"][-1]))
    plug.write()
    assert lint(tmp_path, select=["CMP002", "CMP004", "CMP009"]) == []


@pytest.mark.parametrize("ref,successor", [
    ("EN 1078:2012", "EN 1078:2012+A1:2012"),
    ("EN ISO 12312-1:2013", "EN ISO 12312-1:2013+A1:2015"),
    ("EN 1400:2013+A1:2014", "EN 1400:2013+A2:2018"),
])
def test_an_edition_replaced_by_its_amendment_is_a_note_never_an_error(plug, tmp_path, ref, successor):
    plug.data["certificates"].append({
        "scheme": "CE", "legislation": ["PPE"], "issued": "2026-01-20", "models": ["X1-EU"],
        "file": "certs/extra.pdf", "standards": [ref]})
    plug.file("certs/extra.pdf", certificate_pdf(plug.data["certificates"][-1]))
    plug.write()
    assert lint(tmp_path, select="CMP002") == [(manifest(plug), line_after(plug, '"certs/extra.pdf"', ref), "CMP002")]
    (f,) = findings(tmp_path, select="CMP002")
    assert str(f.severity) == "info" and successor in f.message
