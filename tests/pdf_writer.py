"""The one hand-written PDF writer of the repo's tools: the tests, the fixtures (fixtures/make_media.py)
and the benchmark repo (bench/generate.py) all print their documents with it.

It writes PDF 1.4 by hand (objects, cross-reference table, trailer) so that every byte is fixed by
the input: no library version, date or random ID gets in, and the committed fixture PDFs stay
byte-identical. A dev tool, not part of the installed package: the linter only reads PDFs.

    pdf_bytes([["line 1", "line 2"], ["page 2"]])   # Helvetica text pages
    pdf_bytes(image_only=True)                      # a "scanned" page: an image and no text layer
    certificate_pdf(cert)                           # a certificate stating what listing.json declares
    doc = Document(); doc.add(b"<< ... >>"); doc.stream(b"BT ... ET"); doc.serialize(root=1)
"""

from __future__ import annotations

import zlib

BINARY_MARKER = b"%\xe2\xe3\xcf\xd3\n"  # the comment that tells transfer tools the file is binary
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
#: Helvetica with the Windows code page most office software writes: byte 0xAD is the soft hyphen a word
#: processor leaves at a line-end break (in the standard encoding it is a quotation mark)
HELVETICA_WIN_ANSI = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def pdf_string(text: str, encoding: str = "latin-1") -> str:
    """A PDF literal string ``(...)``: the text in a one-byte ``encoding`` (unknown characters become ``?``), escaped."""
    raw = text.encode(encoding, "replace").decode("latin-1")
    return "(" + raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


class Document:
    """Numbered objects, written out with their cross-reference table."""

    def __init__(self) -> None:
        self.objects: list[bytes] = []

    def add(self, body: bytes = b"") -> int:
        """Append an object (an empty one can be ``set`` later, to refer to it first); returns its number."""
        self.objects.append(body)
        return len(self.objects)

    def set(self, number: int, body: bytes) -> None:
        self.objects[number - 1] = body

    def stream(self, content: bytes, compress: bool = False) -> int:
        if compress:
            content = zlib.compress(content)
            return self.add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream")
        return self.add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")

    def serialize(self, root: int, info: int | None = None, binary_marker: bool = True) -> bytes:
        out = bytearray(b"%PDF-1.4\n" + (BINARY_MARKER if binary_marker else b""))
        offsets = []
        for number, body in enumerate(self.objects, 1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
        xref = len(out)
        size = len(self.objects) + 1
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        trailer = b"<< /Size %d /Root %d 0 R" % (size, root) + (b" /Info %d 0 R" % info if info else b"") + b" >>"
        out += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref
        return bytes(out)


def pdf_bytes(pages: list[list[str]] | None = None, image_only: bool = False, compress: bool = False,
              win_ansi: bool = False) -> bytes:
    """A valid PDF 1.4: one page per list of text lines (Helvetica; ``win_ansi``: in WinAnsiEncoding),
    or one page showing only an image."""
    doc = Document()
    catalog = doc.add()  # filled in below, once the page tree's number is known
    tree = doc.add()
    font = doc.add(HELVETICA_WIN_ANSI if win_ansi else HELVETICA)
    kids = []
    for lines in pages or [[]]:
        if image_only:
            pixels = bytes([200, 120, 40]) * (8 * 8)
            image = doc.add(b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceRGB "
                            b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream")
            content = b"q 400 0 0 400 100 300 cm /Im1 Do Q"
            resources = b"<< /XObject << /Im1 %d 0 R >> >>" % image
        else:
            ops = ["BT /F1 11 Tf 14 TL 56 780 Td"] + [f"{pdf_string(line)} Tj T*" for line in lines] + ["ET"]
            content = "\n".join(ops).encode("latin-1")
            resources = b"<< /Font << /F1 %d 0 R >> >>" % font
        stream = doc.stream(content, compress)
        kids.append(doc.add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %d 0 R >>"
                            % (tree, resources, stream)))
    doc.set(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % tree)
    doc.set(tree, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    return doc.serialize(root=catalog)


def certificate_pdf(cert: dict) -> bytes:
    """A one-page certificate whose text states what the listing declares for it."""
    lines = [f"{cert['scheme']} certificate", "Standards applied:", *cert.get("standards", []),
             "Models covered: " + ", ".join(cert["models"])]
    if cert.get("fcc_id"):
        lines.append("FCC Identifier: " + cert["fcc_id"])
    return pdf_bytes([lines])
