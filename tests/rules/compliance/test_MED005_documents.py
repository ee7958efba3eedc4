"""MED005 on documents: a certificate, trademark or authorization file must open as a PDF or a scanned picture."""

import media_factory as mf
from builder import findings, lint
from helpers_cmp import line_after, manifest
from pdf_writer import pdf_bytes


def test_empty_certificate_web_page_letter_and_misnamed_scan(plug, tmp_path):
    plug.file("certs/ce.pdf", b"")
    plug.file("certs/fcc.pdf", mf.jpeg(mf.photo(3)))  # a scan saved as .pdf
    plug.data["brand"] = {"name": "Voltra", "authorization": [
        {"from": "Voltra GmbH", "to": "Seller Ltd", "file": "certs/letter.pdf", "valid_until": "2028-12-31"}]}
    plug.file("certs/letter.pdf", b"<!DOCTYPE html><html><body>Login required</body></html>")
    plug.write()
    assert lint(tmp_path, select="MED005") == [
        (manifest(plug), line_after(plug, '"scheme": "CE"', '"file"'), "MED005"),
        (manifest(plug), line_after(plug, '"scheme": "FCC"', '"file"'), "MED005"),
        (manifest(plug), plug.line_of('"file": "certs/letter.pdf"'), "MED005"),
    ]
    assert [f.message for f in findings(tmp_path, select="MED005")] == [
        "certs/ce.pdf is empty (0 bytes): scan or export the document again",
        "certs/fcc.pdf is JPEG data named .pdf: rename it to .jpg or export a PDF",
        "certs/letter.pdf is HTML, not a PDF or a scanned picture: attach the document itself",
    ]
    # one root cause, one finding: CMP013 does not also say it cannot read them
    assert lint(tmp_path, select="CMP013") == []


def test_truncated_scan_and_unknown_bytes(plug, tmp_path):
    plug.data["certificates"][0]["file"] = "certs/ce-scan.jpg"
    plug.file("certs/ce-scan.jpg", mf.truncated_jpeg())
    plug.file("certs/fcc.pdf", b"PK\x03\x04" + b"\0" * 60)  # a Word file
    plug.file("certs/psti.pdf", b"\x00\x01garbage" * 10)
    plug.write()
    messages = [f.message for f in findings(tmp_path, select="MED005")]
    assert messages[0].startswith("certs/ce-scan.jpg is truncated (")
    assert messages[1:] == [
        "certs/fcc.pdf is ZIP, not a PDF or a scanned picture: attach the document itself",
        "certs/psti.pdf is not a PDF or a scanned picture (its first bytes match no known format): attach the document itself",
    ]


def test_near_miss_text_pdf_scanned_pdf_and_picture_scan(plug, tmp_path):
    plug.file("certs/fcc.pdf", pdf_bytes(image_only=True))
    plug.data["certificates"][2]["file"] = "certs/psti.png"
    plug.file("certs/psti.png", mf.png(mf.photo(5)))
    plug.data["brand"] = {"name": "Voltra", "authorization": [
        {"from": "Voltra GmbH", "to": "Seller Ltd", "file": "certs/letter.pdf", "valid_until": "2028-12-31"}]}
    plug.file("certs/letter.pdf", b"\n\n%PDF-1.4\n%junk before the header is allowed\n")
    plug.write()
    assert lint(tmp_path, select="MED005") == []
