import zlib

import pytest
from builder import findings, lint
from pdf_writer import certificate_pdf, pdf_bytes
from helpers_cmp import line_after, manifest


def test_pdf_does_not_mention_a_declared_standard(plug, tmp_path):
    ce = plug.data["certificates"][0]
    plug.file("certs/ce.pdf", certificate_pdf({**ce, "standards": [s for s in ce["standards"] if "18031" not in s]}))
    plug.write()
    assert lint(tmp_path, select="CMP013") == [(manifest(plug), line_after(plug, '"standards"', "EN 18031-1"), "CMP013")]
    (f,) = findings(tmp_path, select="CMP013")
    assert f.message.startswith("certs/ce.pdf (1 page read) does not mention EN 18031-1:2024")
    assert str(f.severity) == "warning"


def test_pdf_missing_a_model_and_the_fcc_id(plug, tmp_path):
    fcc = plug.data["certificates"][1]
    plug.file("certs/fcc.pdf", pdf_bytes([["Grant", *fcc["standards"], "Models: X9-US", "FCC ID: 2ABCD-OTHER"]]))
    plug.write()
    assert lint(tmp_path, select="CMP013") == [
        (manifest(plug), line_after(plug, '"scheme": "FCC"', '"X1-US"'), "CMP013"),
        (manifest(plug), line_after(plug, '"scheme": "FCC"', '"fcc_id"'), "CMP013"),
    ]


def test_near_miss_odd_layout_of_the_same_facts(plug, tmp_path):
    plug.file("certs/ce.pdf", pdf_bytes([
        ["Standards: EN 62368-1 : 2014 + A11 : 2017; EN 300 328", "V2.2.2; EN 301 489-17 V3.3.1;"],
        ["EN 18031-1: 2024, EN IEC 63000:2018", "Model No. X1-EU / X1-UK"],
    ], compress=True))
    plug.write()
    assert lint(tmp_path, select="CMP013") == []


def test_near_miss_scanned_pdf_without_text_is_skipped(plug, tmp_path):
    plug.file("certs/ce.pdf", pdf_bytes(image_only=True))
    plug.write()
    assert lint(tmp_path, select="CMP013") == []


def test_near_miss_file_over_the_byte_cap_is_skipped(plug, tmp_path):
    plug.file("certs/ce.pdf", pdf_bytes([["nothing declared here"]]))
    plug.write()
    assert len(lint(tmp_path, select="CMP013")) > 0
    assert lint(tmp_path, select="CMP013", thresholds={"cert-pdf-max-bytes": 100}) == []


def _bomb() -> bytes:
    data = zlib.compress(b"0" * 60_000_000, 9)
    body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    pdf = pdf_bytes([["x"]])
    return pdf.replace(b"4 0 obj\n", b"4 0 obj\n" + body + b"\nendobj\n99 0 obj\n", 1)


HOSTILE = {
    "truncated": lambda: pdf_bytes([["EN 62368-1:2014+A11:2017"]])[:300],
    "not-a-pdf-after-header": lambda: b"%PDF-1.4\n" + bytes(range(256)) * 40,
    "page-tree-loop": lambda: pdf_bytes([["x"]]).replace(b"/Kids [", b"/Kids [2 0 R ", 1),
    "huge-declared-length": lambda: pdf_bytes([["x"]]).replace(b"/Length ", b"/Length 99999999999", 1),
    "deep-nesting": lambda: b"%PDF-1.4\n1 0 obj\n" + b"[" * 100_000 + b"\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF",
    "flate-bomb": _bomb,
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_pdf_never_crashes_the_run(plug, tmp_path, kind):
    plug.file("certs/ce.pdf", HOSTILE[kind]())
    plug.write()
    found = findings(tmp_path, select=["CMP013", "LNT"])
    assert all(f.code == "CMP013" for f in found), [(f.code, f.message) for f in found]
    assert all(str(f.severity) in ("info", "warning") for f in found)


# -- paperwork as labs print it (session 12) ----------------------------------------------------
def _ce_pdf(plug, *model_lines, standards=None, **kw):
    ce = plug.data["certificates"][0]
    return pdf_bytes([["EU Declaration of Conformity", *(standards or ce["standards"]), *model_lines]], **kw)


@pytest.mark.parametrize("line", ["Model: X1 Series", "Models: X1*", "Model: X1-series (regional plug variants)"])
def test_near_miss_pdf_names_the_model_family(plug, tmp_path, line):
    """CMP006 reads "X1 Series" and "X1*" as covering X1-EU; the document that says so mentions X1-EU."""
    plug.file("certs/ce.pdf", _ce_pdf(plug, line))
    plug.write()
    assert lint(tmp_path, select="CMP013") == []


@pytest.mark.parametrize("entry", ["X1*", "X1 Series"])
def test_near_miss_family_entry_in_listing_json(plug, tmp_path, entry):
    plug.data["certificates"][0]["models"] = [entry]
    plug.file("certs/ce.pdf", _ce_pdf(plug, "Model: X1 (all regional variants)"))
    plug.write()
    assert lint(tmp_path, select="CMP013") == []


def test_near_miss_list_typed_into_one_models_entry(plug, tmp_path):
    plug.data["certificates"][0]["models"] = ["X1-EU/X1-UK"]
    plug.file("certs/ce.pdf", _ce_pdf(plug, "Models: X1-EU, X1-UK"))
    plug.write()
    assert lint(tmp_path, select="CMP013") == []


def test_near_miss_soft_hyphen_at_a_line_break(plug, tmp_path):
    plug.file("certs/ce.pdf", _ce_pdf(plug, "Models: X1-EU, X1\xad", "UK", win_ansi=True))
    plug.write()
    assert lint(tmp_path, select="CMP013") == []


def test_near_miss_standards_table_with_an_edition_column(plug, tmp_path):
    table = ["Standard            Edition", "EN 62368-1          2014+A11:2017", "ETSI EN 300 328     V2.2.2",
             "ETSI EN 301 489-17  Ver. 3.3.1", "EN 18031-1          2024", "EN IEC 63000        2018"]
    plug.file("certs/ce.pdf", _ce_pdf(plug, "Models: X1-EU, X1-UK", standards=table))
    plug.write()
    assert lint(tmp_path, select="CMP013") == []


def test_family_of_another_model_still_triggers(plug, tmp_path):
    """"X2 Series" does not cover X1-UK, a table's other part (62368-12) is not part 1, and a family in
    listing.json needs its prefix in the document."""
    ce = plug.data["certificates"][0]
    ce["models"] = ["X1-EU", "X1-UK", "Z9*"]
    standards = [s.replace("62368-1:2014", "62368-12 2014") for s in ce["standards"]]
    plug.file("certs/ce.pdf", _ce_pdf(plug, "Models: X1-EU, X2 Series", standards=standards, win_ansi=True))
    plug.write()
    assert lint(tmp_path, select="CMP013") == [
        (manifest(plug), line_after(plug, '"standards"', "EN 62368-1"), "CMP013"),
        (manifest(plug), line_after(plug, '"models"', '"X1-UK"'), "CMP013"),
        (manifest(plug), line_after(plug, '"models"', '"Z9*"'), "CMP013"),
    ]
