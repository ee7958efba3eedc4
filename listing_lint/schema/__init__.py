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


@lru_cache(maxsize=None)
def fast_validator(name: str):
    """jsonschema-rs for the same schema, or None when it is not installed.

    Measured on the bench's listing.json files: 0.07 ms per document against 5.3 ms for the
    Python validator. Only its yes/no is used: a valid document skips the Python validator; an
    invalid one is validated again by it for located, worded errors. A test holds the two to the
    same verdict on mutated documents.
    """
    try:
        import jsonschema_rs
    except ImportError:
        return None
    with open(schema_file(name), encoding="utf-8") as fh:
        schema = json.load(fh)
    return jsonschema_rs.Draft202012Validator(schema, validate_formats=True)


def is_valid_fast(name: str, data) -> bool:
    """True only when the fast validator is installed and accepts ``data``."""
    fast = fast_validator(name)
    if fast is None:
        return False
    try:
        return bool(fast.is_valid(data))
    except Exception:  # noqa: BLE001 - anything it cannot take (huge ints, odd floats): ask the Python validator
        return False


def rejected_pointers(name: str, data) -> frozenset[str]:
    """JSON pointers of the values in ``data`` the schema ``name`` rejects (SCH002 reports each).

    A value of the wrong type or form is rejected at its own pointer; a missing required field and an
    unknown field at the pointer the field has (or would have). A rejection of the whole document
    (pointer ``""``) is left out: it says nothing about any one value.
    """
    if is_valid_fast(name, data):
        return frozenset()
    from listing_lint.bundle.positions import pointer

    out = set()
    for error in validator(name).iter_errors(data):
        path = list(error.absolute_path)
        value = error.instance
        if "propertyNames" in error.schema_path and isinstance(value, str):  # the key itself is the instance
            out.add(pointer(*path, value))
        elif error.validator == "required" and isinstance(value, dict):
            out.update(pointer(*path, field) for field in error.validator_value if field not in value)
        elif error.validator == "additionalProperties" and isinstance(value, dict):
            allowed = (error.schema.get("properties") or {}) if isinstance(error.schema, dict) else {}
            from listing_lint.schema.messages import meant_field

            for key in value:
                if key not in allowed:
                    out.add(pointer(*path, key))
                    meant = meant_field(key, allowed)
                    if meant is not None and meant not in value:  # "certificate": the certificates are unsure
                        out.add(pointer(*path, meant))
        else:
            out.add(pointer(*path))
    out.discard("")
    return frozenset(out)


@lru_cache(maxsize=8)  # one document's set is asked once per tag, field and rule: indexed once
def _enclosing(rejected: frozenset[str]) -> frozenset[str]:
    """Every pointer some rejected pointer lies inside (its parents up to ``""``)."""
    return frozenset(r[:i] for r in rejected for i, ch in enumerate(r) if ch == "/")


def rejects(rejected: frozenset[str], ptr: str) -> bool:
    """Whether ``rejected`` (from ``rejected_pointers``) holds ``ptr``, a value it is part of, or a value inside it.

    In time of the depth of ``ptr``, not of the number rejected: a listing with 20,000 rejected
    locales asks this for each of them.
    """
    if not rejected:
        return False
    if ptr in rejected or ptr in _enclosing(rejected):
        return True
    return any(ptr[:i] in rejected for i, ch in enumerate(ptr) if ch == "/")
