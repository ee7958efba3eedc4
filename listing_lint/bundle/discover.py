"""Find bundles under the paths given, and the bundle that owns a file (how pre-commit passes files)."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from listing_lint.bundle.model import MANIFEST, SINGLE_SUFFIX

SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"})
STORE = "store.json"


@dataclass
class Discovery:
    manifests: list[Path] = field(default_factory=list)  # sorted, unique, absolute
    store_touched: bool = False  # store.json was among the paths given
    missing: list[str] = field(default_factory=list)  # paths given that do not exist
    skipped: list[str] = field(default_factory=list)  # paths given that lead through a symlink (not followed)


def _holds_manifest(manifest: str) -> bool | None:
    """Whether the folder of ``manifest`` (a ``listing.json`` path) lists it as a file, as ``os.walk``
    would sort it (not a folder), from one ``stat``; None when only listing the folder can tell."""
    try:
        return not stat.S_ISDIR(os.stat(manifest).st_mode)
    except FileNotFoundError:
        return os.path.islink(manifest)  # a dangling link is listed as a file
    except OSError:
        return None


def _walk(directory: Path, found: set[str]) -> None:
    """Every bundle at or under ``directory``: a folder holding ``listing.json`` (its subfolders are
    its own files) or a ``*.listing.json`` file; linked folders, dot folders and ``SKIP_DIRS`` are
    not entered.

    A folder is asked for its manifest with one ``stat`` before it is listed, so a bundle folder is
    never listed: a pre-commit run lints one bundle but finds every manifest for the repository
    rules, and listing each of 1,000 bundle folders (``os.walk``) took 55 ms of its 0.5 s, against
    5 ms for the ``stat`` calls. The answers are ``os.walk``'s (tests/test_discover_walk.py).
    Paths are kept as strings (``Path`` objects cost more to make and to sort than the walk).
    """
    pending = [str(directory)]
    while pending:
        folder = pending.pop()
        manifest = os.path.join(folder, MANIFEST)
        holds = _holds_manifest(manifest)
        if holds:
            found.add(manifest)
            continue
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            continue
        if holds is None and any(e.name == MANIFEST and not _is_dir(e) for e in entries):
            found.add(manifest)
            continue
        for entry in entries:
            if _is_dir(entry):
                if entry.name not in SKIP_DIRS and not entry.name.startswith(".") and not entry.is_symlink():
                    pending.append(entry.path)
            elif entry.name.endswith(SINGLE_SUFFIX):
                found.add(entry.path)


def _parts(path: str) -> list[str]:
    """The sort key ``Path`` ordering uses (its parts), for an absolute, normal path string."""
    return path.split(os.sep)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def owner_of(path: Path, stop: Path | None = None) -> Path | None:
    """The manifest of the bundle that owns ``path``, walking up to ``stop`` (inclusive)."""
    if path.name == MANIFEST or path.name.endswith(SINGLE_SUFFIX):
        return path
    for parent in path.parents:
        candidate = parent / MANIFEST
        if candidate.is_file():
            return candidate
        if stop is not None and parent == stop:
            break
    return None


def through_symlink(path: Path, bases: list[Path]) -> bool:
    """Whether ``path`` or a folder on the way to it from the nearest of ``bases`` above it is a symlink.

    Walking never follows a linked folder (``os.walk``); a path named on the command line (or by
    pre-commit) must not either: ``listings/evil -> /`` would lint, and quote, the whole disk.
    """
    base = next((b for b in bases if b is not None and (path == b or b in path.parents)), None)
    parts = path.relative_to(base).parts if base is not None else (path.name,)
    current = base if base is not None else path.parent
    for part in parts:
        current = current / part
        if os.path.islink(current):
            return True
    return False


def discover(paths: list[str], cwd: Path, stop: Path | None = None) -> Discovery:
    result = Discovery()
    found: set[str] = set()
    for raw in paths:
        path = Path(os.path.abspath(cwd / raw))
        if through_symlink(path, [stop, cwd]):  # first: whether a file exists out there is not ours to say
            result.skipped.append(raw)
            continue
        if not os.path.lexists(path):
            result.missing.append(raw)
            continue
        if path.is_dir():
            _walk(path, found)
        elif path.name == STORE:
            result.store_touched = True
        else:
            owner = owner_of(path, stop)
            if owner is not None and owner.is_file():
                found.add(str(owner))
    result.manifests = [Path(m) for m in sorted(found, key=_parts)]
    return result


def find_project_root(start: Path, cwd: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` holding config, store.json or .git.

    Without one: the working directory when ``start`` is inside it, else ``start`` itself.
    """
    start = start if start.is_dir() else start.parent
    for folder in (start, *start.parents):
        if (folder / "listing-lint.toml").is_file() or (folder / STORE).is_file() or (folder / ".git").exists():
            return folder
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                if "[tool.listing-lint" in pyproject.read_text(encoding="utf-8", errors="replace"):
                    return folder
            except OSError:
                pass
    if cwd is not None and (start == cwd or cwd in start.parents):
        return cwd
    return start
