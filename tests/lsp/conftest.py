"""A real LSP client (pytest-lsp) driving `python -m listing_lint server` over stdio, and a bundle to edit."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsp_helpers import make_bundle, start
from pytest_lsp import ClientServerConfig, LanguageClient

from builder import png_bytes


@pytest.fixture
def repo(tmp_path) -> Path:
    make_bundle(tmp_path)
    return tmp_path


@pytest.fixture
def broken_repo(tmp_path) -> Path:
    """A bundle whose picture is a PNG cut short (MED005)."""
    b = make_bundle(tmp_path)
    (b.dir / "media/scene-1.png").write_bytes(png_bytes()[:200])
    return tmp_path


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "listing_lint", "server"]))
async def client(lsp_client: LanguageClient, repo: Path):
    await start(lsp_client, repo)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "listing_lint", "server"]))
async def broken_client(lsp_client: LanguageClient, broken_repo: Path):
    await start(lsp_client, broken_repo)
    yield
    await lsp_client.shutdown_session()


