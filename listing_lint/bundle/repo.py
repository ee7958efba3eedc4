"""The repository as store-level rules see it: store.json and every bundle under the project root."""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import Any

from listing_lint.bundle.discover import STORE
from listing_lint.bundle.files import SourceFile
from listing_lint.bundle.model import Bundle, JsonProblem, display_path, parse_json, repeated_keys
from listing_lint.bundle.positions import JsonSourceMap, walk
from listing_lint.finding import Span


def store_file(root: Path) -> Path | None:
    """The repo's store.json, when there is one: any entry of that name, not only a regular file. A
    FIFO, a device, a broken symlink or one out of the repo is then read as nothing and SCH001 says
    why (``SourceFile``); taking it for absent hid a store.json a pull request had replaced."""
    path = root / STORE
    return path if os.path.lexists(path) and not path.is_dir() else None


class Repo:
    def __init__(self, root: Path, cwd: Path, bundles: list[Bundle]):
        self.root = root
        self.cwd = cwd
        self.bundles = bundles  # every bundle under the root, manifests parsed lazily
        store = store_file(root)
        self.store = SourceFile(store, STORE, display_path(store, cwd)) if store else None

    @cached_property
    def _parsed(self) -> tuple[Any, JsonProblem | None, bool]:
        return parse_json(self.store) if self.store else (None, None, False)

    @cached_property
    def store_duplicate_keys(self) -> list[tuple[str, str, list[int]]]:
        """Keys given twice in one object of store.json (``Bundle.duplicate_keys``)."""
        return repeated_keys(self.store) if self.store and self._parsed[2] else []

    @property
    def store_data(self) -> dict | None:
        value = self._parsed[0]
        return value if isinstance(value, dict) else None

    @property
    def store_problem(self) -> JsonProblem | None:
        return self._parsed[1]

    @cached_property
    def _schema_rejected(self) -> frozenset[str]:
        from listing_lint.schema import rejected_pointers

        data = self.store_data
        return frozenset() if data is None else rejected_pointers("store.schema.json", data)

    def schema_rejects(self, ptr: str) -> bool:
        """Whether the schema rejects the value of store.json at ``ptr``, or one around or inside it (as ``Bundle.schema_rejects``)."""
        from listing_lint.schema import rejects

        return rejects(self._schema_rejected, ptr)

    def store_get(self, ptr: str, default: Any = None) -> Any:
        return walk(self.store_data, ptr, default)

    @cached_property
    def _store_map(self) -> JsonSourceMap:
        assert self.store is not None
        return JsonSourceMap(self.store.text or "", self.store.lines)

    def span(self, ptr: str = "") -> Span:
        """A span in store.json (the value at a JSON pointer); line 1 when it has no usable JSON."""
        if self.store is None:
            return Span(STORE)
        if self.store_data is None:
            return Span(self.store.display, 1, 1, 1, 1)
        line, col, end_line, end_col = self._store_map.value_span(ptr)
        return Span(self.store.display, line, col, end_line, end_col)

    @property
    def valid_bundles(self) -> list[Bundle]:
        return [b for b in self.bundles if b.data is not None and not b.refused]
