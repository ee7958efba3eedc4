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
