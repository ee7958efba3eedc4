"""Evidence that nothing outside the linted tree is opened or read.

- ``opened_outside``: a Python audit hook records every ``open`` (builtins, io, os.open: what
  Pillow, pypdf and our own code use) while active; the test asserts none was under ``outside/``.
- ``atime_guard``: libxml2 and other C code do not pass through the audit hook, so the canary's
  access time is set in the past first and must not move (the file system updates atime when a
  file older than its mtime is read; ``atime_works`` checks that it does here).
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

_ACTIVE: list[list[str]] = []
_INSTALLED = False


def _hook(event: str, args: tuple) -> None:
    if event == "open" and _ACTIVE and args and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.fsdecode(args[0]) if not isinstance(args[0], os.PathLike) else os.fspath(args[0])
        for record in _ACTIVE:
            record.append(str(path))


@contextmanager
def opened_outside(outside: Path) -> Iterator[list[str]]:
    """Yields a list that, after the block, holds every path opened under ``outside`` (resolved)."""
    global _INSTALLED
    if not _INSTALLED:
        sys.addaudithook(_hook)
        _INSTALLED = True
    record: list[str] = []
    _ACTIVE.append(record)
    hits: list[str] = []
    try:
        yield hits
    finally:
        _ACTIVE.remove(record)
        root = os.path.realpath(outside)
        hits.extend(p for p in record if os.path.realpath(p).startswith(root + os.sep))


def age(path: Path) -> float:
    """Set ``path``'s access time well before its modification time; returns it."""
    st = os.stat(path)
    old = st.st_mtime - 1000
    os.utime(path, (old, st.st_mtime))
    return os.stat(path).st_atime


def atime_works(folder: Path) -> bool:
    probe = folder / "atime-probe.txt"
    probe.write_text("probe", encoding="utf-8")
    before = age(probe)
    with open(probe, "rb") as fh:
        fh.read()
    moved = os.stat(probe).st_atime != before
    probe.unlink()
    return moved
