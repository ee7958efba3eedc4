"""discover's walk gives os.walk's answers while listing no bundle folder (issue 18: pre-commit latency
grew with the repository, 55 ms of listing for 1,000 bundles)."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from listing_lint.bundle import discover
from listing_lint.bundle.model import MANIFEST, SINGLE_SUFFIX


def _by_os_walk(directory: Path) -> set[Path]:
    """The walk as it was written before: os.walk, pruned at each bundle folder."""
    found: set[Path] = set()
    for dirpath, dirnames, filenames in os.walk(directory):
        here = Path(dirpath)
        if MANIFEST in filenames:
            found.add(here / MANIFEST)
            dirnames[:] = []
            continue
        dirnames[:] = sorted(d for d in dirnames if d not in discover.SKIP_DIRS and not d.startswith("."))
        found.update(here / n for n in filenames if n.endswith(SINGLE_SUFFIX))
    return found


def _walked(directory: Path) -> set[Path]:
    found: set[str] = set()
    discover._walk(directory, found)
    return {Path(p) for p in found}


def _tricky_tree(root: Path) -> None:
    def manifest(folder: str) -> None:
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / MANIFEST).write_text("{}")

    manifest("listings/a")
    manifest("listings/a/nested/inner")  # inside a bundle: the bundle's own files
    manifest("listings/group/b")
    manifest(".hidden/c")
    manifest("node_modules/d")
    manifest("elsewhere/e")
    (root / "listings/linked").symlink_to(root / "elsewhere/e")  # a linked folder is not entered
    (root / "listings/dangling").mkdir()
    (root / "listings/dangling" / MANIFEST).symlink_to(root / "nowhere.json")  # listed as a file
    (root / "listings/manifest-is-a-folder" / MANIFEST / "deeper").mkdir(parents=True)
    manifest(f"listings/manifest-is-a-folder/{MANIFEST}/deeper")
    (root / "listings/loose").mkdir()
    (root / "listings/loose" / f"one{SINGLE_SUFFIX}").write_text("{}")
    (root / "listings/loose" / f"folder{SINGLE_SUFFIX}").mkdir()
    manifest(f"listings/loose/folder{SINGLE_SUFFIX}/f")
    (root / "listings/a" / f"inside{SINGLE_SUFFIX}").write_text("{}")  # in a bundle folder: not a bundle
    (root / "listings/to-file").mkdir()
    (root / "listings/to-file" / MANIFEST).symlink_to(root / "listings/a" / MANIFEST)
    (root / "listings/link-to-folder").mkdir()
    (root / "listings/link-to-folder" / MANIFEST).symlink_to(root / "listings/group")  # a folder: walked into


def test_the_walk_finds_what_os_walk_finds(tmp_path):
    _tricky_tree(tmp_path)
    expected = _by_os_walk(tmp_path)
    assert _walked(tmp_path) == expected
    assert tmp_path / "listings/a" / MANIFEST in expected
    assert tmp_path / "listings/dangling" / MANIFEST in expected
    assert tmp_path / "listings/link-to-folder" / MANIFEST not in expected
    assert not any("elsewhere" in str(p) or "hidden" in str(p) for p in expected if "linked" in str(p))
    for below in ("listings", "listings/a", "listings/loose"):
        assert _walked(tmp_path / below) == _by_os_walk(tmp_path / below)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders without read permission")
def test_a_folder_that_cannot_be_read_is_left_as_os_walk_leaves_it(tmp_path):
    _tricky_tree(tmp_path)
    locked = tmp_path / "listings/locked"
    (locked / "g").mkdir(parents=True)
    (locked / "g" / MANIFEST).write_text("{}")
    locked.chmod(0o300)  # no read: cannot be listed, but listing.json below can be stat'ed
    try:
        assert _walked(tmp_path) == _by_os_walk(tmp_path)
    finally:
        locked.chmod(0o700)


def test_random_trees_walk_alike(tmp_path):
    rng = random.Random(7)
    for n in range(12):
        root = tmp_path / f"t{n}"
        root.mkdir()
        folders = [root]
        for _ in range(60):
            parent = rng.choice(folders)
            kind = rng.random()
            name = rng.choice(["x", "y", ".z", "node_modules", "listing.json", f"p{SINGLE_SUFFIX}", "b"]) + str(rng.randrange(4))
            name = name if rng.random() < 0.8 else rng.choice([MANIFEST, f"q{SINGLE_SUFFIX}"])
            target = parent / name
            if os.path.lexists(target):
                continue
            if kind < 0.5:
                target.mkdir(parents=True)
                folders.append(target)
            elif kind < 0.85:
                target.write_text("{}")
            else:
                target.symlink_to(rng.choice(folders))
        assert _walked(root) == _by_os_walk(root), n
        assert discover.discover([str(root)], tmp_path).manifests == sorted(_by_os_walk(root)), n  # Path order
