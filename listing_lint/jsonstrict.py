"""JSON as RFC 8259 defines it, for the files the command line reads besides bundles (a baseline,
reports to merge, cache rows): ``json.loads`` also takes ``NaN``, ``Infinity`` and ``-Infinity``,
which are not JSON numbers (§6), and a ``"version": NaN`` then passed for a version."""

from __future__ import annotations

import json
from typing import Any


class NotJsonNumber(ValueError):
    """``NaN``, ``Infinity`` or ``-Infinity``: Python's json reads them, JSON has no such numbers."""

    def __init__(self, name: str):
        super().__init__(f"{name} is not a JSON number (RFC 8259 §6)")
        self.name = name


def _refuse(name: str):
    raise NotJsonNumber(name)


def loads(text: str, object_pairs_hook=None) -> Any:
    """``json.loads`` without the non-numbers: NotJsonNumber (a ValueError) for one of them."""
    return json.loads(text, parse_constant=_refuse, object_pairs_hook=object_pairs_hook)


class DuplicateKey(ValueError):
    """An object that names a key twice: RFC 8259 leaves its meaning open (§4), Python keeps the last."""


def unique_keys(pairs: list[tuple[str, Any]]) -> dict:
    """An ``object_pairs_hook`` that refuses an object naming a key twice (DuplicateKey): a tool
    never writes one, and which of the two values counts differs between readers."""
    doc = dict(pairs)
    if len(doc) != len(pairs):
        seen: set[str] = set()
        key = next(k for k, _ in pairs if k in seen or seen.add(k))
        raise DuplicateKey(f"an object names the key {key[:80]!r} twice")
    return doc


#: the largest baseline or report read: 50,000 findings make about 20 MB of baseline
MAX_INPUT_BYTES = 256 * 1024 * 1024


class NotAFile(ValueError):
    """A file named on the command line that is no regular file, or too large to read."""


def read_input(path, limit: int = MAX_INPUT_BYTES) -> str:
    """The UTF-8 text of a regular file of at most ``limit`` bytes (``read_bytes``); NotAFile otherwise.
    OSError and UnicodeDecodeError go to the caller, as from ``Path.read_text``."""
    return read_bytes(path, limit).decode("utf-8")


def read_bytes(path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; NotAFile otherwise (its message
    reads after the file's name: "is not a regular file").

    A baseline or a file the config names is committed to the repo, and a symlink committed in
    its place can point anywhere: at /dev/zero, read until memory ran out; at a FIFO, which blocked
    the run. What is opened is what is checked (fstat of the descriptor, no swap between a check
    and the read), and opening does not wait for a FIFO's writer. OSError goes to the caller.
    """
    import os
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile("is not a regular file")
        if info.st_size > limit:
            raise NotAFile(f"is {info.st_size:,} bytes, over the {limit:,}-byte limit")
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise NotAFile(f"is over the {limit:,}-byte limit")
    return data
