"""Fixtures of the workers/cache/shard/merge tests (no timing here)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from perfkit import BUNDLES, add_defects, generate

from listing_lint import cache


@pytest.fixture(scope="session")
def generated(tmp_path_factory) -> Path:
    repo = generate.generate(tmp_path_factory.mktemp("generated") / "repo", BUNDLES)
    add_defects(repo)
    return repo


@pytest.fixture
def repo(generated, tmp_path) -> Path:
    """A private copy of the generated repo (tests change files in it)."""
    return Path(shutil.copytree(generated, tmp_path / "repo", symlinks=True))


@pytest.fixture(autouse=True)
def cache_home(tmp_path, monkeypatch) -> Path:
    """Every test gets its own cache folder; none touches the user's."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("LISTING_LINT_CACHE_DIR", str(folder))
    # listing-lint's own files are part of the key; pin them so an edit elsewhere in a working
    # tree cannot turn a hit into a miss mid-test (test_cache tests the fingerprint itself)
    monkeypatch.setattr(cache, "code_fingerprint", lambda settings, package=None: ["pinned"])
    return folder
