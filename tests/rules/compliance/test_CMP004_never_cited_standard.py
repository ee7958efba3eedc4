from builder import findings, lint
from helpers_cmp import line_after, manifest


def test_en_iec_62368_2020_gives_no_presumption(plug, tmp_path):
    plug.data["certificates"][0]["standards"][0] = "EN IEC 62368-1:2020+A11:2020"
    plug.write()
    assert lint(tmp_path, select="CMP004") == [(manifest(plug), line_after(plug, '"standards"', "EN IEC 62368-1"), "CMP004")]
    (f,) = findings(tmp_path, select="CMP004")
    assert f.message.startswith("EN IEC 62368-1:2020+A11:2020 was never cited in the Official Journal")
    assert "cite EN 62368-1:2014+A11:2017" in f.message and str(f.severity) == "info"


def test_iec_edition_alone_on_a_ce_certificate(plug, tmp_path):
    plug.data["certificates"][0]["standards"][0] = "IEC 62368-1:2018"
    plug.write()
    (f,) = findings(tmp_path, select="CMP004")
    assert "IEC edition, not a European Norm" in f.message and "cite EN 62368-1:2014+A11:2017" in f.message


def test_an_iec_test_method_without_a_cited_en_is_not_promised_presumption_by_its_en(plug, tmp_path):
    """Session 17 audit: a cable's RoHS report citing IEC 62321-3-1:2013 was told to "cite the EN edition
    (EN 62321-3-1)", though no EN 62321 part is cited under RoHS (EN IEC 63000 is)."""
    plug.data["certificates"][0]["standards"][0] = "IEC 62321-3-1:2013"
    plug.write()
    assert lint(tmp_path, select="CMP004") == [(manifest(plug), line_after(plug, '"standards"', "IEC 62321"), "CMP004")]
    (f,) = findings(tmp_path, select="CMP004")
    assert f.message.startswith("IEC 62321-3-1:2013 is an IEC edition, not a European Norm")
    assert f.message.endswith("cite its EN edition (EN 62321-3-1) only if the Official Journal cites one: "
                              "the standards registry holds none")


def test_near_miss_iec_beside_its_en(plug, tmp_path):
    plug.data["certificates"][0]["standards"].append("IEC 62368-1:2018")
    plug.write()
    assert lint(tmp_path, select="CMP004") == []


def test_near_miss_en_301_489_1_beside_its_part_17(plug, tmp_path):
    plug.data["certificates"][0]["standards"].append("EN 301 489-1 V2.2.3")
    plug.write()
    assert lint(tmp_path, select="CMP004") == []
    plug.data["certificates"][0]["standards"].remove("ETSI EN 301 489-17 V3.3.1")
    plug.write()
    assert len(lint(tmp_path, select="CMP004")) == 1



def test_near_miss_en_301_489_1_beside_the_pmr_part_5(plug, tmp_path):
    """A PMR446 walkie-talkie's lab pairs part 1 with part 5 (PMR), not part 17 (session 16 audit)."""
    standards = plug.data["certificates"][0]["standards"]
    standards[standards.index("ETSI EN 301 489-17 V3.3.1")] = "ETSI EN 301 489-5 V2.2.1"
    standards.append("ETSI EN 301 489-1 V2.2.3")
    plug.write()
    assert lint(tmp_path, select="CMP004") == []
    standards.remove("ETSI EN 301 489-5 V2.2.1")
    plug.write()
    assert len(lint(tmp_path, select="CMP004")) == 1

def test_never_cited_says_where_the_edition_is_referenced(plug, tmp_path):
    plug.data["certificates"][0]["standards"][0] = "EN IEC 62368-1:2020+A11:2020"
    plug.write()
    (f,) = findings(tmp_path, select="CMP004")
    assert f.message.startswith("EN IEC 62368-1:2020+A11:2020 was never cited in the Official Journal under the LVD "
                                "(not in Implementing Decision (EU) 2023/2723")
    assert "clauses 3.3.19 and 10.6 (sound exposure) are referenced under the general product safety rules" in f.message
    assert f.source.startswith("https://eur-lex.europa.eu/")


def test_ukca_certificate_speaks_of_gb_designated_standards(plug, tmp_path):
    plug.data["certificates"].append(
        {"scheme": "UKCA", "legislation": ["RED"], "standards": ["BS EN IEC 62368-1:2020+A11:2020"], "issued": "2026-01-20",
         "models": ["X1-UK"], "file": "certs/ce.pdf"})
    plug.write()
    assert lint(tmp_path, select="CMP004") == [(manifest(plug), line_after(plug, '"UKCA"', "BS EN IEC 62368-1"), "CMP004")]
    (f,) = findings(tmp_path, select="CMP004")
    assert f.message.startswith("EN IEC 62368-1:2020+A11:2020 is not a GB designated standard under the LVD (nor cited in the EU's Official Journal)")
    assert "no presumption of conformity in Great Britain" in f.message


def test_near_miss_current_edition_on_a_ukca_certificate(plug, tmp_path):
    plug.data["certificates"].append(
        {"scheme": "UKCA", "legislation": ["RED"], "standards": ["BS EN 62368-1:2014+A11:2017"], "issued": "2026-01-20",
         "models": ["X1-UK"], "file": "certs/ce.pdf"})
    plug.write()
    assert lint(tmp_path, select="CMP004") == []


def test_en_62133_2_with_its_amendment_is_known_and_cited_nowhere(bundle, tmp_path):
    # it was "not in the standards registry" (CMP009) on every battery product; it is known now, and
    # what it is: evidence the GPSR weighs, with no presumption under any act
    from product_kinds import make_battery

    make_battery(bundle).data["certificates"][0]["standards"] += ["EN 62133-2:2017/A1:2021", "UN 38.3"]
    bundle.write()
    line = line_after(bundle, '"standards"', "EN 62133-2")
    assert lint(tmp_path, select=["CMP002", "CMP004", "CMP009"]) == [(manifest(bundle), line, "CMP004")]
    f = next(f for f in findings(tmp_path, select="CMP004"))
    assert f.message.startswith("EN 62133-2:2017+A1:2021 was never cited in the Official Journal (")
    assert "GPSR (EU) 2023/988 Art. 8(1)(a)" in f.message and "; cite" not in f.message and str(f.severity) == "info"


def test_near_miss_the_base_edition_of_en_62133_2_reads_the_same(bundle, tmp_path):
    from product_kinds import make_battery

    make_battery(bundle).data["certificates"][0]["standards"].append("EN 62133-2:2017")
    bundle.write()
    assert [code for *_, code in lint(tmp_path, select=["CMP002", "CMP004", "CMP009"])] == ["CMP004"]
