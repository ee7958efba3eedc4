import json

import pytest


class Store:
    """store.json at the root of a test repo: ``store.write({...})``, ``store.line('"dsr"')``."""

    def __init__(self, repo):
        self.path = repo / "store.json"

    def write(self, data: dict) -> "Store":
        self.path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        return self

    def line(self, needle: str) -> int:
        text = self.path.read_text(encoding="utf-8")
        return text[: text.index(needle)].count("\n") + 1


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path)
