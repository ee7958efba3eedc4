"""Where the bundle format's JSON Schemas are, and what they say of locale keys (a leaf module:
the schema package and its messages both ask it)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def schema_file(name: str) -> Path:
    """``listing_lint/schemas/`` in an installed wheel; the repository's ``schemas/`` in a source tree."""
    for folder in (_HERE.parent / "schemas", _HERE.parent.parent / "schemas"):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"schema {name} is not installed with listing-lint")


@lru_cache(maxsize=None)
def schema_document(name: str) -> dict:
    """The schema ``name`` parsed, read once for all who ask (the validators, the locale-key pattern, the
    markets); shared, so read and never changed."""
    with open(schema_file(name), encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=None)
def _locale_key() -> re.Pattern:
    return re.compile(schema_document("listing.schema.json")["properties"]["detail_pages"]["propertyNames"]["pattern"])


def locale_pattern() -> str:
    """The schema's pattern for the keys of listing.json's locale maps."""
    return _locale_key().pattern


def is_locale_key(key: str) -> bool:
    """Whether ``key`` is a locale tag as listing.json's locale maps (``title``, ``detail_pages``,
    ``alt``) take it: the schema's own pattern, so the two never disagree."""
    return bool(_locale_key().search(key))
