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
#: what compaction drops: whitespace, and the invisible characters a PDF's text layer carries inside words (the soft
#: hyphen U+00AD that typesetters put at a line-end break, "X1\u00ad" + newline + "UK"; zero-width spaces and joiners;
#: the word joiner; a stray byte-order mark). NFKC keeps them all.
_GAPS = re.compile(r"[\s\u00ad\u200b\u200c\u200d\u2060\ufeff]+")
#: what a certificate writes after a model to cover every model that starts with it ("X1 Series", "X1*"); the
#: same words CMP006 reads in listing.json's ``models``
SERIES_MARKS = ("SERIES", "*")
#: a prefix shorter than this, or without a digit, is not taken for a model family ("X SERIES" covers no "X1-EU")
MIN_FAMILY_CHARS = 2
#: model numbers are short; a longer value is compared whole, without looking for its family (bounds the work)
MAX_FAMILY_CHARS = 64


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
    return _GAPS.sub("", text)


def is_pdf(head: bytes) -> bool:
    return b"%PDF-" in head[:1024]


def reads_as_pdf(head: bytes, name: str) -> bool:
    """Whether the file ``name`` whose first bytes are ``head`` opens as a PDF. "%PDF-" anywhere in the
    first 1,024 bytes is a PDF to readers (Acrobat allows junk before the header), but a file whose
    name promises a picture that its first bytes are opens as that picture: a JPEG scan whose
    comment or metadata held "%PDF-" was MED005 "is PDF data named .jpg: rename it to .pdf"."""
    from listing_lint.media.sniff import BY_EXTENSION, extension, sniff

    return is_pdf(head) and sniff(head[:32]) not in BY_EXTENSION.get(extension(name), ())


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
                problem = _locked(reader)
                if problem:
                    return PdfText(error=problem)
            for page in reader.pages:
                if pages >= max_pages:
                    break
                pages += 1
                parts.append(page.extract_text() or "")
    except Exception as exc:  # noqa: BLE001 - a hostile PDF must not stop the run
        return PdfText("\n".join(parts), error=_error_text(exc), pages=pages)
    return PdfText("\n".join(parts), pages=pages)


#: what pypdf raises for AES when no AES provider (the cryptography package) is installed
_NO_AES = "it is encrypted with AES, which this installation cannot decrypt (pypdf reads AES only with the cryptography package)"


def _locked(reader) -> str | None:
    """Why an encrypted PDF's text cannot be read, or None once it is decrypted with the empty user
    password (a document that opens without one and only restricts printing or editing, as labs
    often issue certificates). ``decrypt`` does not raise on a wrong password, it returns
    NOT_DECRYPTED: the pages were then read anyway and the finding said "FileNotDecryptedError:
    File has not been decrypted"."""
    from pypdf.errors import DependencyError

    try:
        opened = reader.decrypt("")
    except DependencyError:
        return _NO_AES
    except Exception:  # noqa: BLE001 - pypdf raises several types for unsupported encryption
        return "it is encrypted in a way pypdf cannot read"
    if not opened:
        return "it opens only with a password"
    return None


#: pypdf's repr of an indirect reference carries ``id()`` of its reader: a memory address, other in every run
_REFERENCE = re.compile(r"IndirectObject\((\d+), (\d+), \d+\)")


def _error_text(exc: Exception) -> str:
    """One line saying what pypdf stopped on, the same in every run: a reference is shown as PDF
    writes it (``8 0 R``), not with the address pypdf's repr adds, which made the message, and the
    report, differ from run to run (and a warm run from a cold one: the memo keeps the first)."""
    from pypdf.errors import DependencyError

    if isinstance(exc, DependencyError):  # AES strings or streams in a file that opened without a password
        return _NO_AES
    detail = _REFERENCE.sub(r"\1 \2 R", str(exc).splitlines()[0] if str(exc) else "")[:120]
    return type(exc).__name__ + (f": {detail}" if detail else "")


def pdf_text(file, max_bytes: int, max_pages: int, seconds: float = 0) -> PdfText:
    """``read_pdf_text`` of a bundle file (at most ``max_bytes`` read), kept by content hash
    (listing_lint.memo): a declaration that many bundles share is parsed once, and an unchanged one
    not at all on a warm run. A read stopped by the clock is kept for this run only (another
    machine may be faster); one cut short by the rule's own budget is not kept at all."""
    import dataclasses
    import json

    from listing_lint import alarm, memo

    digest = memo.file_digest(file.path, st=file.stat)
    ns = f"pdf-text:{max_pages}:" + memo.code_version("listing_lint.standards.pdftext", dists=("pypdf",))
    stored = memo.lookup(ns, digest, _from_json) if digest else None
    if stored is not None:
        return stored
    clock, cut = alarm.share(seconds)
    if cut and clock <= 0:
        return PdfText(error=f"the certificates before it spent the rule's time ({RULE_BUDGET})")
    found = read_pdf_text(file.read_bytes(max_bytes), max_pages, clock)
    timed_out = (found.error or "").endswith("(max-decode-seconds)")
    if cut and timed_out:
        return PdfText(error=f"the rule's time ({RULE_BUDGET}) ran out while reading it")
    if digest:
        memo.put(ns, digest, json.dumps(dataclasses.asdict(found), ensure_ascii=False), persist=not timed_out)
    return found


RULE_BUDGET = "rule-timeout, for all the certificates of a bundle"


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
    if ref.version:  # "V3.3.1", "v3.3.1", "Ver. 3.3.1", "Version 3.3.1"
        edition = r".{0,24}?V(?:ER(?:SION)?)?\.?" + re.escape(ref.version)
    elif ref.year and ref.body == "ASTM":  # F963-23 or F963-2023 (lenient: a line break may glue digits on)
        edition = r"[:\-(/]{0,2}(?:" + str(ref.year) + "|" + str(ref.year)[2:] + ")"
    elif ref.year:
        edition = r"[:\-(/]{0,2}" + str(ref.year)
    else:
        edition = ""
    pattern = base + edition
    if ref.year and not ref.version:
        # a table with an edition column ("EN 62368-1" then "2014+A11:2017" in the next cell) compacts to
        # "EN62368-12014+A11:2017": the year may follow the number's last digit directly
        pattern = "(?:" + pattern + "|" + re.escape(number + part) + str(ref.year) + ")"
    for m in re.finditer(pattern, text):
        window = text[m.end(): m.end() + 120]
        if all(re.search(re.escape(a) + r"(?![0-9])", window) for a in sorted(ref.real_amendments)):
            return True
    return False


def mentions(text: str, value: str) -> bool:
    """Whether compacted ``text`` holds ``value`` (compacted). Lenient on purpose: layout removes word
    boundaries ("Model X1-EU" compacts to "MODELX1-EU"), and a missed mismatch is better than a false one."""
    needle = compact(value)
    return not needle or needle in text or needle.replace("-", "") in text.replace("-", "")


def family_prefix(model: str) -> str | None:
    """The prefix a ``models`` entry covers when it names a family ("X1 Series", "X1*" → "X1"), else None."""
    text = model.strip()
    for mark in SERIES_MARKS:
        if text.upper().endswith(mark):
            prefix = text[: -len(mark)].rstrip(" -_")
            if mark == "*" or len(prefix) < len(text) - len(mark):  # "X1 Series", not "X1SERIES"
                return prefix if prefix.strip() else None
    return None


def mentions_model(text: str, model: str) -> bool:
    """Whether compacted ``text`` covers ``model``: names it (``mentions``), or names a family that starts
    with it ("Model: X1 Series", "X1*" for X1-EU, as CMP006 reads ``models``). A ``models`` entry that is
    itself a family ("X1*") is covered when the text names its prefix."""
    family = family_prefix(model)
    if family is not None:
        return mentions(text, family)
    if mentions(text, model):
        return True
    key = compact(model).replace("-", "")
    if len(key) > MAX_FAMILY_CHARS:
        return False
    flat = text.replace("-", "")
    for end in range(len(key) - 1, MIN_FAMILY_CHARS - 1, -1):
        prefix = key[:end]
        if any(ch.isdigit() for ch in prefix) and any(prefix + mark in flat for mark in SERIES_MARKS):
            return True
    return False
