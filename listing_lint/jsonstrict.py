"""JSON as RFC 8259 defines it, for the files the command line reads besides bundles (a baseline,
reports to merge, cache rows): ``json.loads`` also takes ``NaN``, ``Infinity`` and ``-Infinity``,
which are not JSON numbers (§6), and a ``"version": NaN`` then passed for a version."""

from __future__ import annotations

import json
from typing import Any


class NotJsonNumber(ValueError):
    """``NaN``, ``Infinity`` or ``-Infinity``: Python's json reads them, JSON has no such numbers."""

    def __init__(self, name: str):
        super().__init__(f"{name} is not a JSON number (RFC 8259 §6)")
        self.name = name


def _refuse(name: str):
    raise NotJsonNumber(name)


def loads(text: str) -> Any:
    """``json.loads`` without the non-numbers: NotJsonNumber (a ValueError) for one of them."""
    return json.loads(text, parse_constant=_refuse)
