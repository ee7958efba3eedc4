"""What decoding one media file may cost: memory, JPEG scans, MP4 boxes, seconds.

Pillow's decompression-bomb guard counts pixels only; under it a 3.2 KB lossless WebP of
16383x5000 still took 1.28 GB to decode, a 343 KB RGBA PNG of 9400x9400 650 MB, a progressive
JPEG repeating one scan 2,000 times 45 s, and an MP4 of 3 million empty boxes 95 s and 2 GB. So
each decode is priced before it starts (the raster it allocates, the scans it walks over the
whole picture, the boxes it lists) and stopped by a clock if it still runs long. A file over a budget is not decoded; MED005
says which budget and how to raise it. The numbers are thresholds (``data/thresholds/media.yaml``,
with their sources), so a project with bigger pictures can raise them in its config.
"""

from __future__ import annotations

import signal
import threading
import time
from dataclasses import dataclass

from listing_lint import alarm

MIB = 1024 * 1024


@dataclass(frozen=True)
class Budget:
    decode_bytes: int  # the decoded raster: width x height x bytes per pixel, after JPEG draft scaling
    jpeg_scan_pixels: int  # a JPEG's scans x its pixels: each scan is decoded over the whole picture
    boxes: int  # MP4/MOV boxes listed while probing one file
    seconds: float  # wall time of one probe or thumbnail

    @classmethod
    def from_thresholds(cls, thresholds) -> Budget:
        """From a table of ``Threshold`` (``ctx.thresholds``, ``Settings.thresholds``)."""

        def value(key: str) -> float:
            return thresholds[key].value

        return cls(int(value("max-decode-bytes")), int(value("max-jpeg-scan-pixels")), int(value("max-media-boxes")),
                   float(value("max-decode-seconds")))

    def key(self) -> str:
        """For memo namespaces: an answer found under one budget is not an answer under another."""
        return f"{self.decode_bytes}-{self.jpeg_scan_pixels}-{self.boxes}"


DEFAULT = Budget(128 * MIB, 2_000_000_000, 10_000, 10.0)  # the shipped thresholds, for callers without a table (tests, tools)


class OverBudget(Exception):
    """Raised while listing boxes when a file has more than the budget allows."""


class DecodeTimeout(BaseException):
    """Raised into a block that ran past its ``Deadline``. A BaseException, like the engine's
    RuleTimeout, so that a decoder wrapper's ``except Exception`` cannot swallow it."""


def raster_bytes(width: int, height: int, mode: str) -> int:
    """What Pillow allocates for an image: one byte a pixel for 1/L/P, two for 16-bit modes, else four
    (Pillow stores RGB as four bytes a pixel, like RGBA and CMYK)."""
    if mode in ("1", "L", "P"):
        per = 1
    elif mode.startswith("I;16"):
        per = 2
    else:
        per = 4
    return width * height * per


def jpeg_scans(fh, chunk: int = 1 << 20) -> int:
    """Start-of-scan markers (FF DA) in a JPEG. Entropy-coded data stuffs every FF byte with a 00,
    so FF DA appears only as a marker (an EXIF thumbnail adds its own one scan).

    Counted as the places where an FF byte is followed by DA, with numpy (imported by the picture
    probe's fingerprint anyway): ``bytes.count`` of the two bytes took 113 µs for a 68 KB photo,
    a tenth of its draft decode, numpy 11 µs (issue 18). Two markers cannot overlap, so the counts
    are the same (tests/test_cpu_shortcuts.py)."""
    import numpy as np

    count, tail = 0, b""
    while True:
        block = fh.read(chunk)
        if not block:
            return count
        data = tail + block
        octets = np.frombuffer(data, dtype=np.uint8)
        count += int(np.count_nonzero((octets[:-1] == 0xFF) & (octets[1:] == 0xDA)))
        tail = data[-1:] if data[-1:] == b"\xff" else b""


def jpeg_picture_scans(fh, chunk: int = 1 << 20) -> int:
    """Start-of-scan markers (FF DA) of the picture a JPEG decoder reads from ``fh`` (at its start):
    the scans between its start and its first end-of-image marker (FF D9), where libjpeg stops.
    Never more than ``jpeg_scans``, which counts every FF DA pair in the file.

    Phones and editors put bytes after that marker: a motion photo's whole MP4 (Google and Samsung
    append the clip to the JPEG), an MPO's second picture, a maker's trailer. H.264 data holds an
    FF DA pair every 7 KB or so, and counting every pair in the file priced a 12 MP motion photo
    with a 3 MB clip at some 400 scans, over max-jpeg-scan-pixels: a photo that decodes in
    milliseconds was reported "not decoded". So the markers are walked as libjpeg walks them
    (jdmarker.c): a marker segment is skipped by its length (an EXIF thumbnail, with its own scan,
    sits inside APP1); in entropy-coded data every FF byte is stuffed with a 00 or starts a restart
    marker (D0-D7) or is fill (FF), so the next FF followed by anything else is the next marker.
    Data that does not start with a start-of-image marker is counted as ``jpeg_scans`` counts it.

    Read in blocks of ``chunk`` bytes, the FF bytes of a block found with numpy; it costs about
    three times ``jpeg_scans``, so ``over_budget`` asks it only of a file that pairs put over."""
    import numpy as np

    chunk = max(chunk, 1)
    start = fh.tell()
    walk = fh.read(2) == b"\xff\xd8"  # start of image: walk its markers
    fh.seek(start)
    if not walk:
        return jpeg_scans(fh, chunk)
    count, tail, base = 0, b"", start  # tail: the last bytes of the previous block, base: where it starts
    want = start + 2  # the first position the walk still looks at
    while True:
        block = fh.read(chunk)
        data = tail + block
        end = base + len(data)
        if len(data) >= 2:
            octets = np.frombuffer(data, dtype=np.uint8)
            found = np.flatnonzero(octets[:-1] == 0xFF)
            nxt = octets[found + 1]
            # FF then a marker code: not a stuffed 00, not a restart marker, not fill
            found = found[(nxt != 0x00) & (nxt != 0xFF) & ((nxt < 0xD0) | (nxt > 0xD7))]
            # a marker and its two length bytes must lie in this block, unless the file ends here
            last = len(data) - 2 if not block else len(data) - 4
            for i in found[(found >= want - base) & (found <= last)].tolist():
                if base + i < want:
                    continue
                code = data[i + 1]
                if code == 0xD9:  # end of image: the decoder stops here
                    return count
                if code == 0x01 or 0xD0 <= code <= 0xD8:  # markers without a length
                    want = base + i + 2
                    continue
                if i + 4 > len(data):
                    return count  # the file ends inside a marker's length
                if code == 0xDA:
                    count += 1
                want = base + i + 2 + int.from_bytes(data[i + 2 : i + 4], "big")
        if not block:
            return count
        tail, base = data[-3:], end - len(data[-3:])


#: what Pillow 13 holds while it reads a GIF's comments, measured with tracemalloc: about 90 bytes
#: for each sub-block (a bytes object and its list slot), 95 more for each comment extension (the
#: line break it adds), and the text twice (the parts, then joined)
GIF_COMMENT_BLOCK_BYTES, GIF_COMMENT_EXTENSION_BYTES = 90, 95


def gif_comment_bytes(fh, chunk: int = 1 << 20) -> int:
    """What Pillow allocates for the comments of the GIF ``fh`` (positioned at its start) while
    it reads a frame: the sub-blocks of the comment extensions before it, priced as
    GIF_COMMENT_BLOCK_BYTES and GIF_COMMENT_EXTENSION_BYTES each, and their text twice. A comment is a chain of sub-blocks
    of 1 to 255 bytes: a 5 MB GIF of one-byte comments took 200 MB to open (750 MB at 20 MB),
    before a pixel was decoded. A file with no comment introducer (21 FE) is not walked."""
    if not _holds(fh, b"\x21\xfe", chunk):
        return 0
    fh.seek(6)
    screen = fh.read(7)
    if len(screen) < 7:
        return 0
    if screen[4] & 0x80:  # a global colour table
        fh.seek(3 << ((screen[4] & 7) + 1), 1)
    most = cost = 0  # Pillow keeps the comments before each frame while it reads that frame's header
    while True:
        kind = fh.read(1)
        if kind == b"!":
            label = fh.read(1)
            blocks, length = _sub_blocks(fh)
            if label == b"\xfe":
                cost += GIF_COMMENT_EXTENSION_BYTES + blocks * GIF_COMMENT_BLOCK_BYTES + 2 * length
        elif kind == b"," and len(head := fh.read(9)) == 9:
            most, cost = max(most, cost), 0
            if head[8] & 0x80:  # a local colour table
                fh.seek(3 << ((head[8] & 7) + 1), 1)
            fh.read(1)  # LZW minimum code size
            _sub_blocks(fh)
        else:  # the trailer, or bytes Pillow stops at too
            return max(most, cost)


#: what Pillow keeps for each application (APP0-APP15) or comment segment of a JPEG while opening it,
#: besides the segment's bytes: a tuple in ``applist``, a bytes object, the "APPn" name (tracemalloc, Pillow 13)
JPEG_SEGMENT_BYTES = 150


def jpeg_segment_bytes(fh, most: int) -> int:
    """What Pillow allocates for the application and comment segments of the JPEG ``fh`` (at its
    start) before its first scan: it keeps every one in ``applist``. 5,000,000 empty comments
    (19 MB, under max-media-bytes) took 772 MB and 9.6 s to open, before a pixel was decoded.
    The markers are walked as Pillow walks them, up to the first start of scan; the walk stops once
    the cost passes ``most``, so it is bounded by the budget (a photo has about ten segments)."""
    fh.seek(0)
    if fh.read(2) != b"\xff\xd8":
        return 0
    cost = 0
    while cost <= most:
        head = fh.read(4)
        if len(head) < 2 or head[0] != 0xFF or head[1] in (0xDA, 0xD9):  # no marker, a scan, the end: Pillow stops
            break
        if head[1] == 0xFF or head[1] == 0x00 or 0xD0 <= head[1] <= 0xD8 or len(head) < 4:  # fill and markers of no length
            fh.seek(-len(head) + (1 if head[1] == 0xFF else 2), 1)
            continue
        length = int.from_bytes(head[2:], "big")
        if 0xE0 <= head[1] <= 0xEF or head[1] == 0xFE:
            cost += JPEG_SEGMENT_BYTES + max(length - 2, 0)
        fh.seek(max(length - 2, 0), 1)
    fh.seek(0)
    return cost


def _sub_blocks(fh) -> tuple[int, int]:
    """Skip one chain of sub-blocks; (how many, their data bytes)."""
    blocks = length = 0
    while True:
        size = fh.read(1)
        if not size or size == b"\x00":
            return blocks, length
        blocks += 1
        length += size[0]
        fh.seek(size[0], 1)


def _holds(fh, marker: bytes, chunk: int) -> bool:
    fh.seek(0)
    tail = b""
    while block := fh.read(chunk):
        if marker in tail + block[: len(marker) - 1] or marker in block:
            fh.seek(0)
            return True
        tail = block[-(len(marker) - 1):]
    fh.seek(0)
    return False


class Deadline:
    """``with Deadline(seconds) as clock: ...``: stop the block after ``seconds`` of wall time;
    afterwards ``clock.expired`` says whether it was stopped (the block's exception is swallowed,
    only its own: an enclosing clock's expiry goes on up to that clock).

    SIGALRM, so only in the main thread (elsewhere the block runs unbounded, as the engine's rule
    budget does), and only between Python steps: one long call into C (libjpeg decodes a whole
    progressive JPEG in one) ends first, which is why the budgets above price a decode before it
    starts. An enclosing timer (the engine's rule budget, a report's) that ends sooner is left to
    stop the block itself; one that ends later gets its remaining time back afterwards.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.expired = False
        self._armed = False
        self._outer = 0.0
        self._previous = None
        self._started = 0.0

    def __enter__(self) -> Deadline:
        usable = self.seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        if not usable:
            return self
        self._outer = alarm.outer_remaining()  # the running rule's time left, not the bundle's timer's (alarm.py)
        if self._outer and self._outer <= self.seconds:
            return self

        def expire(signum, frame):
            if frame is not None and frame.f_code is _EXIT:
                return  # the block is over: nothing left to stop
            if frame is not None and frame.f_code is _ENTER:
                # a clock shorter than arming it (max-decode-seconds = 1e-9): raised here, it would
                # escape the ``with`` before the block starts; go off again inside the block
                signal.setitimer(signal.ITIMER_REAL, 0.0001)
                return
            raise DecodeTimeout(self)

        self._previous = signal.signal(signal.SIGALRM, expire)
        self._started = time.monotonic()
        self._armed = True
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, kind, exc, tb) -> bool:
        if self._armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)
            if self._outer:
                signal.setitimer(signal.ITIMER_REAL, max(self._outer - (time.monotonic() - self._started), 0.001))
            self._armed = False
        if isinstance(exc, DecodeTimeout) and exc.args and exc.args[0] is self:
            self.expired = True
            return True
        return False


_ENTER, _EXIT = Deadline.__enter__.__code__, Deadline.__exit__.__code__
