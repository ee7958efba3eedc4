"""Resolve a path a bundle names, without ever leaving the bundle."""

from __future__ import annotations

import os
import posixpath
import re
import stat
from dataclasses import dataclass
from pathlib import Path

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")


@dataclass(frozen=True)
class Resolved:
    """The outcome of resolving one reference. ``problem`` is None when ``path`` is a file in the bundle."""

    ref: str
    rel: str | None  # normalised posix path relative to the bundle root
    path: Path | None  # absolute path, set only when inside the bundle
    problem: str | None  # None | "absolute" | "outside" | "symlink-outside" | "missing" | "not-a-file" | "empty"

    @property
    def ok(self) -> bool:
        return self.problem is None


#: why a reference does not resolve, as the end of a sentence ("… media/x.jpg, which leaves the bundle")
PROBLEM_WORDS = {
    "missing": "which is not in the bundle",
    "not-a-file": "which is a folder or a device, not a file",
    "absolute": "an absolute path: write it relative to listing.json",
    "outside": "which leaves the bundle",
    "symlink-outside": "a symlink that resolves outside the bundle",
    "empty": "an empty path",
}


#: the problems that mean a path leaves the bundle (SCH004's)
LEAVES_BUNDLE = ("absolute", "outside", "symlink-outside")


def is_url(ref: str) -> bool:
    return bool(_URL.match(ref.strip()))


def resolve_in(root: Path, ref: str, base: str = "", seen: dict | None = None) -> Resolved:
    """Resolve ``ref`` (relative to the bundle file ``base``) inside ``root``.

    ``root`` must already be a resolved (real) path. Nothing outside ``root`` is opened: the
    lexical check comes first, then each symlink on the way is resolved and checked. ``seen``
    (a bundle's, for the life of its lint) keeps the ``lstat`` of each path below the root: its
    pages name the same pictures from four folders' worth of ``../media/...``, and each name used
    to stat every folder on its way again (42 stats of ``media/`` a bundle; issue 18).
    """
    raw = ref
    ref = ref.strip()
    if not ref:
        return Resolved(raw, None, None, "empty")
    if "\x00" in ref:
        return Resolved(raw, None, None, "outside")
    if ref.startswith(("/", "\\")) or re.match(r"^[a-zA-Z]:[\\/]", ref):
        return Resolved(raw, None, None, "absolute")
    ref = ref.replace("\\", "/").split("#", 1)[0].split("?", 1)[0]
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), ref))
    if joined == ".." or joined.startswith("../") or joined.startswith("/"):
        return Resolved(raw, None, None, "outside")
    top = str(root)
    try:
        real, st = _real_below(top, joined.split("/"), seen if seen is not None else {})
    except (OSError, RuntimeError, ValueError):  # symlink loops on some platforms
        return Resolved(raw, joined, None, "symlink-outside")
    if real != top and not real.startswith(top.rstrip(os.sep) + os.sep):
        return Resolved(raw, joined, None, "symlink-outside")
    if st is None:
        return Resolved(raw, joined, None, "missing")
    if not stat.S_ISREG(st.st_mode):
        return Resolved(raw, joined, None, "not-a-file")
    return Resolved(raw, joined, Path(real), None)


_ABSENT = "absent"  # what ``seen`` keeps for a path with nothing there


def _real_below(root: str, parts: list[str], seen: dict) -> tuple[str, os.stat_result | None]:
    """(``realpath(root/parts)``, what it is) for a real ``root``, statting only below the root.

    Without a symlink below the root the path is its own real path: one ``lstat`` per part below
    the root instead of one per part of the whole absolute path, and none for a part ``seen``
    knows. A symlink on the way hands over to ``realpath``. The stat is None when nothing is there
    (a dangling link, a missing file).
    """
    current = root
    for i, part in enumerate(parts):
        current = current + os.sep + part
        st = seen.get(current)
        if st is None:
            try:
                st = os.lstat(current)
            except (FileNotFoundError, NotADirectoryError):
                st = _ABSENT
            seen[current] = st
        if st is _ABSENT:
            return os.path.join(current, *parts[i + 1:]), None
        if stat.S_ISLNK(st.st_mode):
            real = os.path.realpath(os.path.join(current, *parts[i + 1:]))
            try:
                return real, os.stat(real)
            except OSError:
                return real, None
    return current, st
