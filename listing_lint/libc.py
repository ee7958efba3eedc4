"""The C library's functions where listing-lint asks the system for memory back (Linux), and how
much memory this process holds of its own.

``function(name)`` is the function, or None off Linux, where there is no ``libc.so.6``, or where the
C library has no such function (musl has no ``malloc_trim``): callers then do nothing.
"""

from __future__ import annotations

import sys
from functools import lru_cache


@lru_cache(maxsize=1)
def _library():
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return ctypes.CDLL("libc.so.6", use_errno=True)
    except OSError:
        return None


def function(name: str):
    return getattr(_library(), name, None)



def private_bytes() -> int | None:
    """Resident memory of this process not backed by a file (heap, anonymous mappings: what
    ``malloc_trim`` can give back), from ``/proc/self/statm`` (resident minus shared pages; one
    read, about 10 µs); None where there is no such file."""
    try:
        with open("/proc/self/statm", "rb", buffering=0) as fh:
            fields = fh.read().split()
        return (int(fields[1]) - int(fields[2])) * _page_size()
    except (OSError, IndexError, ValueError):
        return None


@lru_cache(maxsize=1)
def _page_size() -> int:
    import os

    return os.sysconf("SC_PAGE_SIZE")
