"""The JSON Schemas of the bundle format, and schema errors in words a seller understands."""

from __future__ import annotations

import json
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
def validator(name: str):
    import jsonschema

    with open(schema_file(name), encoding="utf-8") as fh:
        schema = json.load(fh)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)
