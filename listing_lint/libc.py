"""The C library's functions where listing-lint asks the system for memory back (Linux).

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
