"""The text layer of a certificate PDF, read defensively, and what it mentions.

Hostile or broken PDFs must never hang or crash the linter: the file is read up to a byte cap,
only the first pages are read, pypdf's own decompression and parsing limits are lowered, the
whole read runs under the decode clock (``max-decode-seconds``), and any pypdf error or the
clock becomes ``PdfText(error=...)``. A PDF with no usable text (a scan) has
``scanned`` set and is not judged.
"""

from __future__ import annotations

import logging
import re
import unicodedata
import warnings
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass

from listing_lint.standards.refparse import StandardRef

#: a page of text needs this many letters and digits before the document counts as having text
MIN_TEXT_CHARS = 16
#: pypdf limits for certificates (its defaults are 75 MB per stream)
PYPDF_LIMITS = {
    "zlib_maximum_output_length": 20_000_000,
    "lzw_maximum_output_length": 20_000_000,
    "run_length_maximum_output_length": 20_000_000,
    "array_based_stream_maximum_output_length": 20_000_000,
    "maximum_declared_stream_length": 20_000_000,
    "stream_decoding_work_maximum_length": 60_000_000,
    "xform_maximum_invocations_per_extraction": 500,
    # tokens of one content stream (pypdf's default 2,000,000 took 4.5 s and 300 MB for one page of
    # "(a) Tj", 11 KB compressed); a dense text page has a few thousand, a vector chart tens of thousands
    "stream_parsing_work_maximum_count": 500_000,
}
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"})


@dataclass(frozen=True)
class PdfText:
    text: str = ""
    error: str | None = None  # why the text could not be read
    pages: int = 0

    @property
    def scanned(self) -> bool:
        return self.error is None and sum(ch.isalnum() for ch in self.text) < MIN_TEXT_CHARS

    @property
    def compact(self) -> str:
        return compact(self.text)


def compact(text: str) -> str:
    """Upper case, NFKC, one kind of dash, no whitespace: how text is compared across layouts."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).upper()
    return re.sub(r"\s+", "", text)


def is_pdf(head: bytes) -> bool:
    return b"%PDF-" in head[:1024]


@contextmanager
def _quiet():
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _limits():
    import pypdf

    apply = getattr(pypdf, "apply_configuration", None)
    if apply is None:  # pypdf < 7 has fixed module-level limits
        return nullcontext()
    known = {k: v for k, v in PYPDF_LIMITS.items() if hasattr(pypdf.Configuration, k)}
    return apply(**known)


def read_pdf_text(data: bytes, max_pages: int, seconds: float = 0) -> PdfText:
    """The text of the first ``max_pages`` pages of a PDF held in ``data``, read for at most
    ``seconds`` (0: no clock). Sixty pages sharing one content stream just under pypdf's token
    limit (19 KB on disk) took minutes of pure-Python parsing: the rule budget stopped CMP013 with
    LNT003 on line 1 instead of saying which certificate could not be read."""
    from listing_lint.media.budget import Deadline

    with Deadline(seconds):
        return _read(data, max_pages)
    return PdfText(error=f"reading it took longer than {seconds:g} s (max-decode-seconds)")  # stopped


def _read(data: bytes, max_pages: int) -> PdfText:
    import io

    import pypdf

    parts: list[str] = []
    pages = 0
    try:
        with _quiet(), _limits():
            reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    reader.decrypt("")
                except Exception:  # noqa: BLE001 - pypdf raises several types for unsupported encryption
                    return PdfText(error="it is encrypted")
            for page in reader.pages:
                if pages >= max_pages:
                    break
                pages += 1
                parts.append(page.extract_text() or "")
    except Exception as exc:  # noqa: BLE001 - a hostile PDF must not stop the run
        detail = str(exc).splitlines()[0][:120] if str(exc) else ""
        return PdfText("\n".join(parts), error=f"{type(exc).__name__}" + (f": {detail}" if detail else ""), pages=pages)
    return PdfText("\n".join(parts), pages=pages)


def pdf_text(file, max_bytes: int, max_pages: int, seconds: float = 0) -> PdfText:
    """``read_pdf_text`` of a bundle file (at most ``max_bytes`` read), kept by content hash
    (listing_lint.memo): a declaration that many bundles share is parsed once, and an unchanged one
    not at all on a warm run. A read stopped by the clock is kept for this run only (another
    machine may be faster)."""
    import dataclasses
    import json

    from listing_lint import memo

    digest = memo.file_digest(file.path, st=file.stat)
    ns = f"pdf-text:{max_pages}:" + memo.code_version("listing_lint.standards.pdftext", dists=("pypdf",))
    stored = memo.lookup(ns, digest, _from_json) if digest else None
    if stored is not None:
        return stored
    found = read_pdf_text(file.read_bytes(max_bytes), max_pages, seconds)
    if digest:
        timed_out = (found.error or "").endswith("(max-decode-seconds)")
        memo.put(ns, digest, json.dumps(dataclasses.asdict(found), ensure_ascii=False), persist=not timed_out)
    return found


def _from_json(text: str) -> PdfText:
    """A stored ``PdfText``; raises ValueError for anything else (``memo.lookup``: a miss)."""
    import json

    fields = json.loads(text)
    if not (isinstance(fields, dict) and fields.keys() == {"text", "error", "pages"} and isinstance(fields["text"], str)
            and isinstance(fields["error"], (str, type(None))) and type(fields["pages"]) is int):
        raise ValueError("not a stored PdfText")
    return PdfText(**fields)


# -- what the text mentions ------------------------------------------------------------------
def mentions_standard(text: str, ref: StandardRef) -> bool:
    """Whether compacted ``text`` names ``ref``: its number and part, its year or version, its amendments."""
    number = ref.number.replace(" ", "").upper()
    part = f"-{ref.part}" if ref.part else ""
    base = re.escape(number + part) + r"(?![0-9])"
    if ref.version:
        edition = r".{0,24}?V" + re.escape(ref.version)
    elif ref.year and ref.body == "ASTM":  # F963-23 or F963-2023 (lenient: a line break may glue digits on)
        edition = r"[:\-(/]{0,2}(?:" + str(ref.year) + "|" + str(ref.year)[2:] + ")"
    elif ref.year:
        edition = r"[:\-(/]{0,2}" + str(ref.year)
    else:
        edition = ""
    for m in re.finditer(base + edition, text):
        window = text[m.end(): m.end() + 120]
        if all(re.search(re.escape(a) + r"(?![0-9])", window) for a in sorted(ref.real_amendments)):
            return True
    return False


def mentions(text: str, value: str) -> bool:
    """Whether compacted ``text`` holds ``value`` (compacted). Lenient on purpose: layout removes word
    boundaries ("Model X1-EU" compacts to "MODELX1-EU"), and a missed mismatch is better than a false one."""
    needle = compact(value)
    return not needle or needle in text or needle.replace("-", "") in text.replace("-", "")
