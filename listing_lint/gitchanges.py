"""``--changed-since REF``: the paths to lint when only bundles changed since a git ref matter.

Git is read through the ``git`` command (no library): committed changes since REF, staged and
unstaged edits, and untracked files that are not ignored. A changed file inside a bundle brings
in its bundle (a deleted one too, through its folder); a changed ``store.json`` brings in the
store-level rules. The engine then maps the files to their bundles exactly as for pre-commit.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from listing_lint.bundle.discover import STORE, owner_of
from listing_lint.engine import UsageError


class GitError(UsageError):
    """Not a git repository, no git, or an unknown ref: a usage error (exit code 2)."""


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="surrogateescape", check=False
        )
    except FileNotFoundError:
        raise GitError("--changed-since needs the git command, and it is not installed") from None
    if done.returncode != 0:
        raise _GitFailed(done.stderr.strip())
    return done.stdout


class _GitFailed(Exception):
    pass


def repo_root(cwd: Path) -> Path:
    try:
        return Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    except _GitFailed:
        raise GitError(f"--changed-since needs a git repository, and {cwd} is not inside one") from None


def changed_files(ref: str, cwd: Path) -> list[Path]:
    """Absolute paths of files changed since ``ref`` (committed, staged, unstaged or untracked)."""
    root = repo_root(cwd)
    if ref.startswith("-"):
        raise GitError(f"{ref!r} is not a git ref")
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root)
    except _GitFailed:
        raise GitError(f"unknown git ref {ref!r} (fetch it first, e.g. `git fetch origin {ref}`)") from None
    diffed = _git(["diff", "--name-only", "--no-renames", "-z", ref, "--"], root)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    names = {n for n in (diffed + untracked).split("\0") if n}
    return sorted(root / n for n in names)


def _within(path: Path, bases: list[Path]) -> bool:
    return any(path == b or b in path.parents for b in bases)


def paths_to_lint(ref: str, paths: list[str], cwd: Path, stop: Path | None = None) -> list[str]:
    """The changed files under ``paths`` to hand to the engine (absolute, sorted, unique)."""
    bases = [Path(os.path.realpath(cwd / p)) for p in paths]
    # git is asked from where the paths are, not from the working directory: `check shop` run
    # from outside the shop's repository (a CI step in a parent folder) reads the shop's history
    first = bases[0] if bases else Path(os.path.realpath(cwd))
    where = first if first.is_dir() else first.parent
    while not where.is_dir() and where != where.parent:  # a deleted path: its nearest folder that exists
        where = where.parent
    out: set[str] = set()
    for file in changed_files(ref, where):
        file = Path(os.path.realpath(file))
        if not _within(file, bases):
            continue
        if os.path.lexists(file):
            out.add(str(file))
            continue
        if file.name == STORE:
            continue  # store.json was deleted: nothing of the store is left to lint
        owner = owner_of(file, stop)  # a deleted file: lint the bundle that held it, if it still exists
        if owner is not None and owner.is_file():
            out.add(str(owner))
    return sorted(out)
