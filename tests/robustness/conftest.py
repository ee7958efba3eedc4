"""Robustness tests: every test here runs with network sockets disabled (``no_network``, autouse).

The same guard can wrap the whole suite: ``PYTHONPATH=tests/robustness pytest -p nonet tests``
(``nonet.py`` is this fixture as a plugin).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from nonet import NetworkBlocked, block_network  # noqa: E402


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Refuse every internet socket (AF_INET/AF_INET6 connect, DNS); yields the attempts made."""
    attempts: list[str] = []
    block_network(monkeypatch, attempts)
    yield attempts
    assert not attempts, f"network access attempted during a lint run: {attempts}"


@pytest.fixture
def work(tmp_path):
    """A work folder: ``work/repo`` is the listing repo, ``work/outside`` holds the canary (see harness)."""
    return tmp_path


@pytest.fixture
def fixable_repo(tmp_path) -> Path:
    """A repo whose es page says lang="en" (LOC004 offers a fix: something for ``--fix``, the cache
    and the writers to act on), and a file outside it, ``outside/victim.txt``, that must stay untouched."""
    sys.path.insert(0, str(HERE.parent / "integrations"))
    from integration_repos import localized_bundle, page_html

    repo = tmp_path / "shop"
    b = localized_bundle(repo, "lamp")
    b.page("es", page_html("es").replace('<html lang="es">', '<html lang="en">'))
    b.write()
    (repo / "store.json").write_text("{}\n", encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "victim.txt").write_text("precious\n", encoding="utf-8")
    return repo
