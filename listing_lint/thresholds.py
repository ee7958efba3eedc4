"""Thresholds and marketplace limits: numbers with their source and confidence, from ``data/``.

``data/thresholds/*.yaml`` hold the programme-wide numbers (one file per family);
``data/marketplaces/<name>.yaml`` holds one marketplace's limits and lists. A user's
``[tool.listing-lint.thresholds]`` overrides the value and keeps the rest.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
CONFIDENCES = ("confirmed", "secondary", "single-source", "unconfirmed", "configured")


@dataclass(frozen=True)
class Threshold:
    key: str
    value: float
    confidence: str  # one of CONFIDENCES
    source: str
    help: str = ""
    overridden: bool = False

    @property
    def confirmed(self) -> bool:
        return self.confidence == "confirmed" and not self.overridden


def load_yaml(path: Path) -> Any:
    """Safe YAML, through libyaml's C loader when PyYAML was built with it (about 10x faster)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader


@lru_cache(maxsize=None)
def marketplace_data(name: str) -> dict[str, Any]:
    from listing_lint.config import marketplaces

    if name not in marketplaces():  # a name, never a path: "../../x" would read any .yaml
        raise ValueError(f"unknown marketplace {name!r}; known: {', '.join(marketplaces())}")
    return load_yaml(DATA / "marketplaces" / f"{name}.yaml") or {}


@lru_cache(maxsize=None)
def default_thresholds(marketplace: str) -> dict[str, Threshold]:
    table: dict[str, Threshold] = {}
    docs = [load_yaml(p) or {} for p in sorted((DATA / "thresholds").glob("*.yaml"))]
    docs.append(marketplace_data(marketplace))
    for doc in docs:
        for key, entry in (doc.get("thresholds") or {}).items():
            table[key] = Threshold(
                key=key,
                value=entry["value"],
                confidence=entry.get("confidence", "configured"),
                source=entry.get("source", ""),
                help=entry.get("help", ""),
            )
    return table


def thresholds_for(marketplace: str, overrides: dict[str, float]) -> dict[str, Threshold]:
    """Defaults with the user's overrides applied; raises ValueError naming the closest key."""
    from listing_lint.config import closest, shorten

    table = dict(default_thresholds(marketplace))
    for key, value in overrides.items():
        if key not in table:
            raise ValueError(f"unknown threshold {shorten(key)!r}{closest(key, table)}")  # a key can be megabytes
        problem = out_of_range(table[key], value)
        if problem:
            raise ValueError(f"threshold {key} = {value!r}: {problem}")
        table[key] = replace(table[key], value=value, overridden=True)
    return table


def out_of_range(default: Threshold, value: float) -> str | None:
    """Why ``value`` cannot replace ``default``, or None.

    Every threshold is a finite, non-negative number. One whose shipped value is above 0 must
    stay above 0 (a maximum of 0 bytes or an alpha of 0 is a typo, and divides by zero); one
    whose shipped value is a fraction (a rate, a share, an alpha) stays a fraction, and the
    statistical ones (``ab-``, ``srm-``) strictly below 1, where their quantiles are infinite.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        return "must be a finite number, not negative"
    if default.value > 0 and value == 0:
        return "must be above 0"
    if 0 < default.value < 1:
        strict = default.key.startswith(("ab-", "srm-"))
        if value > 1 or (strict and value == 1):
            return "must be a fraction " + ("below 1" if strict else "from 0 to 1")
    return None
