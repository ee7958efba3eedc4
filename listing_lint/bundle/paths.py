"""Resolve a path a bundle names, without ever leaving the bundle."""

from __future__ import annotations

import errno
import os
import posixpath
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")
_DRIVE = re.compile(r"^[a-zA-Z]:[\\/]")  # a Windows drive: an absolute path


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
    "absolute": "an absolute path: write it relative to {base}",
    "outside": "which leaves the bundle",
    "symlink-outside": "a symlink that resolves outside the bundle",
    "empty": "an empty path",
}


def problem_words(problem: str | None, base: str = "listing.json") -> str:
    """``PROBLEM_WORDS`` for a path written in ``base``: a page's URLs are relative to the page, and
    SCH004 told a page's ``<img src="/x.png">`` to be written "relative to listing.json"."""
    return PROBLEM_WORDS.get(problem or "", "which cannot be read").format(base=base)


#: the problems that mean a path leaves the bundle (SCH004's)
LEAVES_BUNDLE = ("absolute", "outside", "symlink-outside")


def stem(rel: str) -> str:
    """A path without its file's extension, lower case: ``detail/fr.htm`` -> ``detail/fr`` (SCH003's
    "did you mean" a file that differs only in its extension, and SCH007's match of the same)."""
    folder, _, name = rel.lower().rpartition("/")
    return (folder + "/" if folder else "") + (name.rpartition(".")[0] or name)


def is_url(ref: str) -> bool:
    """A URL (``https:``, ``data:``, ``//host``), not a Windows drive path: ``C:\\x.jpg`` and
    ``C:/x.jpg`` read as the scheme ``c:`` and went to MED010 as foreign images, while they are an
    absolute path that SCH004 reports."""
    ref = ref.strip()
    return bool(_URL.match(ref)) and not _DRIVE.match(ref)


def resolve_in(root: Path, ref: str, base: str = "", located: dict | None = None, seen: dict | None = None,
               url: bool = False) -> Resolved:
    """Resolve ``ref`` (relative to the bundle file ``base``) inside ``root``.

    ``url``: ``ref`` is a relative URL a page names, read as a browser reads it: percent-escapes are
    decoded after the query and fragment are cut (``scene%2001.jpg`` is ``scene 01.jpg``,
    ``%2e%2e/`` is ``../``, ``caf%C3%A9.jpg`` is ``café.jpg``; bytes that are no UTF-8 stay the
    bytes of the name). A path listing.json names is a file path, taken as written (a ``#`` or ``?``
    in it is part of the name: they were cut as a URL's, and ``media/photo#2.jpg`` "did not exist").

    ``root`` must already be a resolved (real) path. Nothing outside ``root`` is opened: the
    lexical check comes first, then each symlink on the way is resolved and checked.
    ``located``: what the file system said of each path below ``root`` so far (a bundle's, kept
    while it is linted): ``../media/a.jpg`` from each of four pages is looked up once. ``seen``
    (the bundle's too) keeps the ``lstat`` of each path on the way, so that ``media/`` is statted
    once for all the bundle's pictures, not once per picture, and the file's own ``lstat`` can be
    handed to its ``SourceFile`` (issue 18).
    """
    raw = ref
    ref = ref.strip()
    if not ref:
        return Resolved(raw, None, None, "empty")
    if "\x00" in ref:
        return Resolved(raw, None, None, "outside")
    if ref.startswith(("/", "\\")) or _DRIVE.match(ref):
        return Resolved(raw, None, None, "absolute")
    ref = ref.replace("\\", "/")
    if url:  # a file path has no query nor fragment: "photo#2.jpg" and "what?.png" are names
        ref = unquote(ref.split("#", 1)[0].split("?", 1)[0], errors="surrogateescape").replace("\\", "/")
        if "\x00" in ref:
            return Resolved(raw, None, None, "outside")
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), ref))
    if joined == ".." or joined.startswith("../") or joined.startswith("/"):
        return Resolved(raw, None, None, "outside")
    found = located.get(joined) if located is not None else None
    if found is None:
        found = _locate(str(root), joined, seen if seen is not None else {})
        if located is not None:
            located[joined] = found
    return Resolved(raw, joined, *found)


def _locate(top: str, joined: str, seen: dict) -> tuple[Path | None, str | None]:
    """(the file's real path, None) for a normalised path below the real folder ``top``, or (None, why not)."""
    try:
        real, st = _real_below(top, joined.split("/"), seen)
    except (UnicodeEncodeError, NameTooLong):  # no file can have this name: a lone surrogate, 256+ bytes
        return None, "missing"
    except (OSError, RuntimeError, ValueError):  # symlink loops on some platforms
        return None, "symlink-outside"
    if real != top and not real.startswith(top.rstrip(os.sep) + os.sep):
        return None, "symlink-outside"
    if st is None:
        return None, "missing"
    if not stat.S_ISREG(st.st_mode):
        return None, "not-a-file"
    return Path(real), None


class NameTooLong(Exception):
    """A path part longer than the file system allows (ENAMETOOLONG): no such file can exist."""


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
            except OSError as exc:
                if exc.errno == errno.ENAMETOOLONG:
                    raise NameTooLong from exc
                raise
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
