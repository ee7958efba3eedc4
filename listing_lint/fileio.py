"""Reading whole files with the fewest system calls: ``os.open`` and ``os.read``, not ``open()``.

Python's buffered ``open()`` adds an isatty ioctl, an lseek and a read past the end to every file
it opens: 7-8 system calls a file where these make 4 (openat, fstat, read, close). A cold run
reads each of a bundle's ~20 files two or three times (issue 18).
"""

from __future__ import annotations

import hashlib
import mmap
import os
import stat
from contextlib import contextmanager
from typing import Iterator

_READ_FLAGS = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


@contextmanager
def _opened_regular(path: str | os.PathLike) -> Iterator[tuple[int, os.stat_result] | None]:
    """(descriptor, fstat) of the regular file at ``path``, closed afterwards, or None when it
    cannot be opened or is not a regular file. Non-blocking, so that a file swapped for a FIFO
    since it was checked cannot hang the open; the fstat of the opened file then refuses it."""
    try:
        fd = os.open(path, _READ_FLAGS)
    except (OSError, ValueError):  # ValueError: a NUL byte in the path
        yield None
        return
    try:
        st = os.fstat(fd)
        yield (fd, st) if stat.S_ISREG(st.st_mode) else None
    finally:
        os.close(fd)


def read_regular(path: str | os.PathLike, limit: int | None = None) -> tuple[bytes, os.stat_result] | None:
    """(up to ``limit`` bytes of the regular file at ``path`` (all if None), its fstat taken
    before reading), or None when it cannot be opened, is not a regular file or cannot be read.

    A read shorter than asked ends the file (a regular file returns less only at its end); one
    that fills what was asked reads on, as a file that grew since its fstat does.
    """
    try:
        with _opened_regular(path) as opened:
            if opened is None:
                return None
            fd, st = opened
            want = st.st_size + 1 if limit is None else min(limit, st.st_size + 1)
            data = os.read(fd, want) if want > 0 else b""
            if len(data) < want or (limit is not None and len(data) >= limit):
                return data, st
            parts = [data]
            got = len(data)
            while limit is None or got < limit:
                chunk = os.read(fd, 1 << 20 if limit is None else min(1 << 20, limit - got))
                if not chunk:
                    break
                parts.append(chunk)
                got += len(chunk)
            return b"".join(parts), st
    except OSError:
        return None


def digest_regular(path: str | os.PathLike, chunk: int = 1 << 20) -> tuple[str, os.stat_result] | None:
    """(SHA-256 of the regular file at ``path``, its fstat taken before reading), or None when it
    cannot be opened, is not a regular file or cannot be read: ``read_regular``'s system calls, streamed."""
    try:
        with _opened_regular(path) as opened:
            if opened is None:
                return None
            fd, st = opened
            h = hashlib.sha256()
            want = min(chunk, st.st_size + 1)  # a small file: one read of its size, not a 1 MiB buffer
            while True:
                block = os.read(fd, want)
                h.update(block)
                if len(block) < want:  # the end of a regular file
                    return h.hexdigest(), st
                want = chunk
    except OSError:
        return None


def map_regular(path: str | os.PathLike) -> mmap.mmap | None:
    """The regular file at ``path`` mapped read-only, or None when it cannot be opened, is not a
    regular file (a FIFO put in its place would block a plain ``open``) or is empty."""
    try:
        with _opened_regular(path) as opened:
            if opened is None:
                return None
            return mmap.mmap(opened[0], 0, access=mmap.ACCESS_READ)  # the mapping outlives the descriptor
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        return None
