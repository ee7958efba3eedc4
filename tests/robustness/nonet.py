"""Disable internet sockets for tests: the ``no_network`` fixture, and a pytest plugin for the whole suite.

    PYTHONPATH=tests/robustness pytest -p nonet tests

The linter must never touch the network (no schema fetch, no DTD, no font or model download).
Unix sockets stay allowed: multiprocessing's pipes between the engine and its workers use them.
"""

from __future__ import annotations

import socket

import pytest


class NetworkBlocked(OSError):
    """Raised instead of opening an internet connection."""


def block_network(monkeypatch, attempts: list[str]) -> None:
    def refuse(what: str):
        def blocked(*args, **kwargs):
            attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise NetworkBlocked(f"network disabled in tests: {what}")

        return blocked

    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            return refuse("socket.connect")(self, address)
        return real_connect(self, address)

    def connect_ex(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            return refuse("socket.connect_ex")(self, address)
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_connection"):
        monkeypatch.setattr(socket, name, refuse(name))


@pytest.fixture(autouse=True)
def _suite_without_network(monkeypatch):
    attempts: list[str] = []
    block_network(monkeypatch, attempts)
    yield
    assert not attempts, f"network access attempted: {attempts}"
