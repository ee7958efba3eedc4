"""Fixtures of the integration tests (helpers live in integration_repos.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from integration_repos import ARTIFACTS, make_clean_repo


@pytest.fixture
def clean_repo(tmp_path) -> Path:
    return make_clean_repo(tmp_path / "shop")


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
