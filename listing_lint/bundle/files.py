"""Files inside a bundle: read once, size-capped, decoded as UTF-8 with positions."""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from listing_lint import memo
from listing_lint.bundle.positions import LineIndex
from listing_lint.fileio import read_regular

#: default per-file read caps in bytes (config: ``max-text-bytes``, ``max-media-bytes``)
DEFAULT_MAX_TEXT_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_MEDIA_BYTES = 200 * 1024 * 1024
#: a read of at most this many bytes (a format sniff: 32 bytes, a PDF's header: 1 KiB) is served
#: from one cached prefix of the file, not by opening the file again for each one
HEAD_BYTES = 4096
#: a file of at most this many bytes is read whole when its head is first asked for, and kept for
#: its bundle's lint (``memo.hold``, within its per-bundle bound): a file that is sniffed is a
#: picture, page, manifest or certificate read whole next, so a run without the result cache (whose
#: hashing holds the bytes otherwise) read each twice, and a PDF three times (issue 18, session 17)
HEAD_WHOLE_BYTES = 256 * 1024


@dataclass(frozen=True)
class DecodeProblem:
    """Why a text file could not be decoded, at a 1-based position of the first bad byte."""

    message: str
    line: int
    column: int
    encoding: bool = False  # text in another encoding (UTF-16, Windows-1252...): an editor shows it decoded


class SourceFile:
    """One regular file inside a bundle. Rules never open paths themselves; they read through this."""

    def __init__(self, path: Path, rel: str, display: str, max_text_bytes: int = DEFAULT_MAX_TEXT_BYTES):
        self.path = path  # absolute, already checked to be inside the bundle
        self.rel = rel  # posix path relative to the bundle root, e.g. "detail/es.html"
        self.display = display  # path shown in findings (relative to the working directory)
        self.max_text_bytes = max_text_bytes

    def __repr__(self) -> str:
        return f"SourceFile({self.rel!r})"

    @cached_property
    def _lstat(self) -> os.stat_result | None:
        """The path's own stat (a symlink's, not its target's): it tells ``outside`` whether the
        path is a link, and ``stat`` what the file is when it is not (one system call for both)."""
        try:
            return os.lstat(self.path)
        except (OSError, ValueError):
            return None

    @cached_property
    def stat(self) -> os.stat_result | None:
        own = self._lstat
        if own is not None and not stat.S_ISLNK(own.st_mode):
            return own  # not a link: what it points to is itself
        try:
            return os.stat(self.path)
        except (OSError, ValueError):
            return None

    @property
    def size(self) -> int:
        return self.stat.st_size if self.stat else 0

    @property
    def is_regular(self) -> bool:
        return self.stat is not None and stat.S_ISREG(self.stat.st_mode)

    @cached_property
    def outside(self) -> bool:
        """True when the path is a symlink resolving outside the folder that holds it (such a file is never read).

        Files a bundle names are already resolved inside the bundle; this guards the paths taken as
        found (listing.json, ``*.listing.json``, store.json).
        """
        own = self._lstat
        if own is None:
            return False  # missing: nothing is read (``stat`` is None)
        if not stat.S_ISLNK(own.st_mode):
            return False  # not a link: it is in its folder, whatever links lead to the folder
        folder = os.path.realpath(self.path.parent)
        real = os.path.realpath(self.path)
        return not real.startswith(folder.rstrip(os.sep) + os.sep)

    def read_bytes(self, limit: int | None = None) -> bytes:
        """Up to ``limit`` bytes (all if ``None``); empty for anything that is not a regular file inside its folder."""
        if not self.is_regular or self.outside:
            return b""
        whole = memo.held(self.path, self.stat)  # read already, to hash the bundle for the result cache
        if whole is not None:
            return whole if limit is None else whole[:limit]
        if limit is not None and limit <= HEAD_BYTES:
            return self._head[:limit]
        got = read_regular(self.path, limit)
        return got[0] if got is not None else b""

    def held(self) -> bytes | None:
        """The whole file as the result cache read it to hash it (``memo.hold``), when it kept it
        and the file has not changed since; else None (nothing is read)."""
        if not self.is_regular or self.outside:
            return None
        return memo.held(self.path, self.stat)

    @cached_property
    def _head(self) -> bytes:
        """The first ``HEAD_BYTES`` of the file: the sniffs of several rules and probes, one read.
        A small file is read whole and held for the rest of its bundle's lint (``HEAD_WHOLE_BYTES``)."""
        size = self.stat.st_size if self.stat else 0  # on disk (an editor's buffer may stand in for the text)
        small = size <= HEAD_WHOLE_BYTES
        got = read_regular(self.path, size + 1 if small else HEAD_BYTES)
        if got is None:
            return b""
        data, st = got
        if small and len(data) == st.st_size == size:  # not grown or cut while read: the whole file
            memo.hold(os.fspath(self.path), st, data)
        return data[:HEAD_BYTES]

    @cached_property
    def data(self) -> bytes:
        """The whole file for text parsing, or the first ``max_text_bytes`` of it (see ``too_large``)."""
        return self.read_bytes(self.max_text_bytes + 1)

    @property
    def too_large(self) -> bool:
        return self.size > self.max_text_bytes

    @cached_property
    def _decoded(self) -> tuple[str | None, DecodeProblem | None]:
        if self.stat is None:
            return None, DecodeProblem("file cannot be read (missing, or a broken or looping symlink)", 1, 1)
        if self.outside:
            return None, DecodeProblem("file is a symlink that resolves outside its folder; it was not read", 1, 1)
        if not self.is_regular:
            return None, DecodeProblem("not a regular file (a FIFO, device or folder); it was not read", 1, 1)
        if self.too_large:  # its head is not the file: the page rules judged 5 MB of a page SCH001 said was not read
            return None, DecodeProblem(f"file is {self.size:,} bytes, over the {self.max_text_bytes:,}-byte limit (max-text-bytes); "
                                       "it was not read", 1, 1)
        return decode_text(self.data[: self.max_text_bytes])

    @property
    def text(self) -> str | None:
        """The decoded text, or ``None`` when it is not UTF-8 (see ``decode_problem``)."""
        return self._decoded[0]

    @property
    def decode_problem(self) -> DecodeProblem | None:
        return self._decoded[1]

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text or "")


#: where the NUL bytes fall in the first four bytes of text that starts with an ASCII character
#: (``<``, ``{``, a space), as RFC 4627 §3 and Python's ``json.detect_encoding`` tell the encodings apart
_WIDE = (
    ((True, True, True, False), "UTF-32 (big-endian)", "utf-32-be"),
    ((False, True, True, True), "UTF-32 (little-endian)", "utf-32-le"),
    ((True, False), "UTF-16 (big-endian)", "utf-16-be"),
    ((False, True), "UTF-16 (little-endian)", "utf-16-le"),
)


def _wide_without_bom(data: bytes) -> str | None:
    """The name of UTF-16 or UTF-32 when ``data`` is such text without a byte-order mark, else None.

    Read as UTF-8, ASCII in UTF-16 is letters with a NUL between them ("binary, not text"), and the
    first accent an undecodable byte somewhere down the file. Only the first 4 KiB are decoded to
    confirm: a file that starts like this but is not such text stays the NUL-byte or UTF-8 finding."""
    for nuls, name, codec in _WIDE:
        head = data[: len(nuls)]
        if len(head) == len(nuls) and tuple(b == 0 for b in head) == nuls:
            try:  # incremental: a character cut by the 4 KiB boundary waits, it is no error
                text = codecs.getincrementaldecoder(codec)().decode(data[:4096], final=False)
            except UnicodeDecodeError:
                return None
            return name if "\x00" not in text else None
    return None


def decode_text(data: bytes) -> tuple[str | None, DecodeProblem | None]:
    """Decode UTF-8 (a UTF-8 byte-order mark is accepted and dropped); say where it fails."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, DecodeProblem("file is UTF-16 (byte-order mark at byte 0); save it as UTF-8", 1, 1, encoding=True)
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return None, DecodeProblem("file is UTF-32 (byte-order mark at byte 0); save it as UTF-8", 1, 1, encoding=True)
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    wide = _wide_without_bom(data)
    if wide:
        return None, DecodeProblem(f"file looks like {wide} text without a byte-order mark; save it as UTF-8", 1, 1, encoding=True)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8")
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1
        return None, DecodeProblem(
            f"file is not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} cannot be decoded; save it as UTF-8",
            line,
            column,
            encoding=True,
        )
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        return None, DecodeProblem("file holds a NUL byte: it is binary, not text", line, column)
    return text, None
