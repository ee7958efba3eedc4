"""Writing files the run produces (reports, baselines, fixed pages) without following symlinks.

A listing repo is written by pull requests: a committed ``reports/x.sarif -> ~/.bashrc``, or a
linked ``reports`` folder, would otherwise make ``--output reports/x.sarif`` write anywhere on
the runner. So a target whose path leads through a symlink below the project root (or the
working directory) is refused as a usage error, and files are replaced atomically (a temporary
file beside the target, renamed over it): a rename replaces a link instead of writing through
it, and a full disk leaves the old file whole.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from listing_lint.bundle.discover import through_symlink


class UnsafeTarget(Exception):
    """A write target that leads through a symlink: the CLI makes it a usage error (exit 2)."""


def check_target(path: str | Path, bases: list[Path], option: str) -> None:
    """Refuse ``path`` if it, or a folder on the way to it from the nearest base, is a symlink."""
    full = Path(os.path.abspath(path))
    if through_symlink(full, bases):
        raise UnsafeTarget(f"{option} {path}: the path leads through a symlink; "
                           "listing-lint does not write through links (a repo could point them anywhere)")
    if os.path.lexists(full) and not stat.S_ISREG(os.lstat(full).st_mode):
        raise UnsafeTarget(f"{option} {path}: not a regular file")


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed over it; an existing file's mode is kept."""
    path = str(path)
    try:
        mode = stat.S_IMODE(os.lstat(path).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    folder, name = os.path.split(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
