"""Image and video probing for the MED rules.

``probe(ctx, file)`` reads a file once per bundle run, whatever number of rules ask: results
are memoised in ``ctx.cache`` (shared by all rules of a bundle) and by content in ``memo`` (shared
by bundles, and across runs with the cache on). Which probe runs is decided by the file's magic
bytes, not its name or the declared ``kind``, so a video named ``.jpg`` is still described
correctly. Every probe runs within the decode budget (``budget.py``), and within what the running
rule has left (``alarm.share``); a probe stopped by a clock (its own, or the rule's) is remembered
for the rest of the run too, so the next rule asking does not start it again, but not on disk:
another machine may be faster. One the rule had no time left to start is not remembered at all.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
from typing import TYPE_CHECKING, Union

from listing_lint import alarm, memo
from listing_lint.fileio import read_regular
from listing_lint.media.budget import Budget, Deadline
from listing_lint.media.image import PILLOW_DEFAULT_MAX_PIXELS, WHOLE_READ_BYTES, ImageProbe
from listing_lint.media.sniff import VIDEO_FORMATS, sniff
from listing_lint.media.video import VideoProbe

if TYPE_CHECKING:
    from listing_lint.bundle.files import SourceFile

__all__ = ["ImageProbe", "VideoProbe", "Probe", "probe"]

Probe = Union[ImageProbe, VideoProbe]
CACHE_KEY = "media.probe"


def preload() -> None:
    """Import the probing libraries now (a rule's ``prepare`` calls this before workers fork, so
    their code and data pages are shared, not imported again by each worker)."""
    import numpy  # noqa: F401 - the perceptual hash
    from PIL import Image

    Image.init()  # registers every format plugin


def probe(ctx, file: SourceFile) -> Probe:
    """The probe of ``file``, computed once per bundle (and once per run for its content)."""
    memo = ctx.cache.setdefault(CACHE_KEY, {})
    if file.rel not in memo:
        found = probe_file(file, ctx.config.get("max-media-bytes"), Budget.from_thresholds(ctx.thresholds))
        if found.detail == SPENT:
            return found  # not started for want of this rule's time: the next rule, with its own, tries it
        memo[file.rel] = found
    return memo[file.rel]


def probe_file(file: SourceFile, max_bytes: int, budget: Budget) -> Probe:
    """The probe of ``file`` within ``budget``; the HTML report's thumbnails ask this too."""
    if not file.size or not file.is_regular:
        return _probe_now(file, max_bytes, None, budget)
    fmt = sniff(file.read_bytes(32))
    video = fmt in VIDEO_FORMATS
    if not video and file.size > max_bytes:
        return _probe_now(file, max_bytes, fmt, budget)  # over the cap: never read, so nothing to keep
    # an image is read whole to be probed, so hashing it costs little (and its bytes are read once,
    # for both, when no hashing before this knew them); a video is probed from a few kilobytes of
    # boxes and is not read whole just to key its answer (the result cache may know its hash)
    digest, data = memo.file_digest(file.path, read=False, st=file.stat), None
    if digest is None and not video:
        data, digest = _whole(file)
        if data is None:
            digest = memo.file_digest(file.path, st=file.stat)
    if digest is None:
        return _probe_now(file, max_bytes, fmt, budget, within_rule=True)
    ns = f"media-probe:{_pixel_limit()}:{budget.key()}:" + memo.code_version("listing_lint.media", dists=("pillow", "numpy"))
    stored = memo.lookup(ns, digest, from_json)
    if stored is not None:
        return stored
    try:
        probe = _probe_now(file, max_bytes, fmt, budget, data, within_rule=True)
    except BaseException as exc:  # the rule's own budget ran out mid-probe: remember that, then let it stop the rule
        if not isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            memo.put(ns, digest, to_json(_timed_out(file, fmt, "it was still being decoded when the rule's time ran out")),
                     persist=False)
        raise
    if probe.detail == SPENT:
        return probe  # never started: another rule, or bundle, has time of its own
    memo.put(ns, digest, to_json(probe), persist=probe.problem != "timeout")
    return probe


def _whole(file: SourceFile) -> tuple[bytes | None, str | None]:
    """A picture's bytes and their SHA-256, read in one call, when they are few enough to be probed
    from memory (``WHOLE_READ_BYTES``) and the file did not change size while read; the digest is
    remembered for the run, as ``memo.file_digest`` does. (None, None): hash and probe it the long
    way. Reading and hashing a picture once instead of twice: issue 18, docs/decisions.md."""
    if file.size > WHOLE_READ_BYTES:
        return None, None
    held = file.held()  # read whole already (the result cache's hashing, or the sniff of a small file)
    got = (held, file.stat) if held is not None else read_regular(file.path, file.size + 1)  # a SourceFile path: resolved inside the bundle
    if got is None:
        return None, None
    data, st = got
    if len(data) != file.size or st.st_size != file.size:
        return None, None
    digest = hashlib.sha256(data).hexdigest()
    memo.remember_digest(os.fspath(file.path), st, digest)
    return data, digest


def _pixel_limit() -> int:
    """Pillow's decompression-bomb limit in force (it decides "bomb" answers): a host program may
    change it, but only after importing Pillow, so an unimported Pillow still has its default."""
    image = sys.modules.get("PIL.Image")
    if image is None:
        return PILLOW_DEFAULT_MAX_PIXELS
    return image.MAX_IMAGE_PIXELS or PILLOW_DEFAULT_MAX_PIXELS


#: the budget a decode cut to what the running rule has left ran out of (``alarm.share``)
RULE_BUDGET = "rule-timeout, for all the pictures and videos of a bundle"
SPENT = f"the files before it spent the rule's time ({RULE_BUDGET})"


def _probe_now(file: SourceFile, max_bytes: int, fmt: str | None, budget: Budget, data: bytes | None = None,
               within_rule: bool = False) -> Probe:
    """``data``: the picture's bytes, already read whole (``_whole``). ``within_rule``: a decode
    that would outlast the running rule gets what the rule has left (``alarm.share``): pictures each
    near max-decode-seconds ran a MED rule past rule-timeout, LNT003 at line 1 and the last
    pictures unjudged; now each is MED005 "was not checked" at its own line."""
    from listing_lint.media.image import probe_image
    from listing_lint.media.video import probe_video

    fmt = fmt or (sniff(file.read_bytes(32)) if file.size else None)
    seconds, cut = alarm.share(budget.seconds) if within_rule else (budget.seconds, False)
    if cut and seconds <= 0:
        return _timed_out(file, fmt, SPENT)
    with Deadline(seconds):
        if file.size and fmt in VIDEO_FORMATS:
            return probe_video(file, budget)
        return probe_image(file, max_bytes, budget, data)
    if cut:  # stopped by the rule's share
        return _timed_out(file, fmt, f"the rule's time ({RULE_BUDGET}) ran out while decoding it")
    return _timed_out(file, fmt, f"decoding took longer than {budget.seconds:g} s (max-decode-seconds)")  # stopped


def _timed_out(file: SourceFile, fmt: str | None, detail: str) -> Probe:
    if fmt in VIDEO_FORMATS:
        return VideoProbe(format=fmt, size=file.size, problem="timeout", detail=detail)
    return ImageProbe(format=fmt, size=file.size, problem="timeout", detail=detail)


def to_json(probe: Probe) -> str:
    """The probe as JSON (what ``dataclasses.asdict`` gives, without its deep copies: a third of
    the cost of keeping an image's answer)."""
    fields = {"type": type(probe).__name__}
    for field in dataclasses.fields(probe):
        fields[field.name] = getattr(probe, field.name)
    fp = fields.get("fingerprint")
    if fp is not None:
        fields["fingerprint"] = {"hashes": fp.hashes, "flat": fp.flat, "color": fp.color}
    return json.dumps(fields, separators=(",", ":"))


#: the JSON types of each stored field (``to_json``): a row of another shape is refused by ``from_json``
_NUMBER, _TEXT, _NONE = (int, float), (str,), (type(None),)
_SHAPES = {
    "ImageProbe": {"format": _TEXT + _NONE, "size": (int,), "width": (int,) + _NONE, "height": (int,) + _NONE,
                   "mode": _TEXT + _NONE, "frames": (int,), "problem": _TEXT + _NONE, "detail": _TEXT,
                   "fingerprint": (dict,) + _NONE, "decoded": (bool,),
                   "orientation": (int,)},
    "VideoProbe": {"format": _TEXT + _NONE, "size": (int,), "duration": _NUMBER + _NONE, "width": (int,) + _NONE,
                   "height": (int,) + _NONE, "codec": _TEXT + _NONE, "tracks": (list,), "problem": _TEXT + _NONE,
                   "detail": _TEXT, "why_no_duration": _TEXT},
}


def _fits(value, types: tuple) -> bool:
    return bool in types if type(value) is bool else isinstance(value, types)  # JSON true is no size


def from_json(text: str) -> Probe:
    """What ``to_json`` wrote; raises ValueError for a row of any other shape (``memo.lookup``: a miss)."""
    from listing_lint.media.phash import Fingerprint

    fields = json.loads(text)
    shape = _SHAPES.get(fields.pop("type", None)) if isinstance(fields, dict) else None
    if shape is None or fields.keys() != shape.keys() or not all(_fits(fields[k], types) for k, types in shape.items()):
        raise ValueError("not a stored probe")
    if "tracks" in shape:
        if not all(isinstance(t, str) for t in fields["tracks"]):
            raise ValueError("not a stored probe")
        return VideoProbe(**{**fields, "tracks": tuple(fields["tracks"])})
    fp = fields["fingerprint"]
    if fp is not None:
        hashes, flat, color = fp["hashes"], fp["flat"], fp["color"]
        if not (type(flat) is bool and all(type(h) is int for h in hashes) and len(color) == 3
                and all(type(c) in (int, float) for c in color)):
            raise ValueError("not a stored fingerprint")
        fields["fingerprint"] = Fingerprint(hashes=tuple(hashes), flat=flat, color=tuple(color))
    return ImageProbe(**fields)
