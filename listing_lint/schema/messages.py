"""Turn a jsonschema ``ValidationError`` into a pointer and one plain sentence (cfn-lint's idea)."""

from __future__ import annotations

import difflib
import json
import math
from typing import Any

from listing_lint.bundle.positions import pointer
from listing_lint.config import closest, shorten

TYPE_WORDS = {
    "string": "a string",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "an object",
    "null": "null",
}


def name(key) -> str:
    """A key as messages quote it: shortened as ``show`` shortens values (a key can be megabytes)."""
    return shorten(str(key))


def dotted(path) -> str:
    """``skus[2].price.amount`` from a jsonschema path deque."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{name(part)}" if out else name(part))
    return out or "the document"


def show(value: Any, limit: int = 60) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        text = "a number too large to represent"
        return text
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return shorten(text, limit)


def type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null"


def _same(item):
    """A key equal for items JSON Schema calls equal (1 and 1.0; not true and 1; objects by content)."""
    if isinstance(item, bool) or item is None:
        return ("literal", item)
    if isinstance(item, (int, float, str)):
        return item
    return ("json", json.dumps(item, sort_keys=True, default=str))


def _first_repeat(items: list):
    """The first item equal to an earlier one, with a set (a list made 50,000 items an 11 s message)."""
    seen = set()
    for item in items:
        try:
            key = _same(item)
        except (ValueError, RecursionError):
            continue  # a value json cannot write (too deep): not named
        if key in seen:
            return item
        seen.add(key)
    return None


#: characters a key can hold unseen (pasted from a spreadsheet or a web page): zero-width, no-break, BOM
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00a0\u202f\u2007\u00ad"


def _bare(key: str) -> str:
    out = key.strip()
    for ch in INVISIBLE:
        out = out.replace(ch, "")
    return out


def meant_field(key, allowed) -> str | None:
    """The allowed field an unknown key is a misspelling of: the same name without invisible
    characters or spaces (``title\u200b``), else the closest name (``titel``), else None."""
    if not isinstance(key, str):
        return None
    if _bare(key) in allowed:
        return _bare(key)
    match = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.5)
    return match[0] if match else None


def describe_all(error) -> list[tuple[str, bool, str]]:
    """``describe`` for each field: a missing required field and an unknown field each get their own
    sentence (jsonschema gives one error for all of an object's missing, or unknown, fields)."""
    value = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "required" and isinstance(value, dict):
        where = dotted(error.absolute_path)
        ptr = pointer(*error.absolute_path)
        missing = [f for f in error.validator_value if f not in value]
        return [(ptr, False, f"`{where}` is missing the required field `{f}`") for f in missing] or [describe(error)]
    if error.validator == "additionalProperties" and isinstance(value, dict):
        allowed = sorted((schema.get("properties") or {}).keys())
        if allowed:
            where = dotted(error.absolute_path)
            out = []
            for extra in sorted(k for k in value if k not in allowed):
                meant = meant_field(extra, allowed)
                if meant is not None and meant == _bare(extra):
                    hidden = ", ".join(f"U+{ord(ch):04X}" for ch in dict.fromkeys(extra) if ch in INVISIBLE or ch.isspace())
                    text = f"`{where}` has the field `{name(extra)}`: `{meant}` with {hidden} in its name; delete the invisible character"
                else:
                    text = f"`{where}` has an unknown field `{name(extra)}`" + (f"; did you mean {meant!r}?" if meant else "")
                out.append((pointer(*error.absolute_path, extra), True, text))
            return out or [describe(error)]
    return [describe(error)]


def describe(error) -> tuple[str, bool, str]:
    """``(json_pointer, point_at_key, message)`` for one validation error."""
    where = dotted(error.absolute_path)
    ptr = pointer(*error.absolute_path)
    kw = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    hint = schema.get("description")
    value = error.instance

    if "propertyNames" in error.schema_path:  # jsonschema validates each key as the instance
        wanted = hint or "an allowed name"
        return ptr, False, f"`{where}` has the key {show(value)}, which is not {wanted}"
    if kw == "type":
        expected = error.validator_value
        names = [TYPE_WORDS.get(t, t) for t in (expected if isinstance(expected, list) else [expected])]
        wanted = hint if hint and isinstance(value, (int, float)) and not isinstance(value, bool) else " or ".join(names)
        return ptr, False, f"`{where}` must be {wanted}, got {show(value)}"
    if kw == "required":
        missing = [name for name in error.validator_value if isinstance(value, dict) and name not in value]
        field = missing[0] if missing else error.message
        return ptr, False, f"`{where}` is missing the required field `{field}`"
    if kw == "additionalProperties":
        allowed = sorted((schema.get("properties") or {}).keys())
        extras = sorted(k for k in value if k not in allowed) if isinstance(value, dict) and allowed else []
        if extras:
            extra = extras[0]
            return pointer(*error.absolute_path, extra), True, f"`{where}` has an unknown field `{name(extra)}`{closest(extra, allowed)}"
        return ptr, False, f"`{where}` is not allowed here"
    if kw == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        options_text = [str(o) for o in error.validator_value]
        same = [o for o in options_text if isinstance(value, str) and o.lower() == value.strip().lower()]
        # "ce", "eu": the option in other letter case (difflib compares case-sensitively and finds none)
        near = f"; did you mean {same[0]!r}?" if same else closest(value, options_text) if isinstance(value, str) else ""
        return ptr, False, f"`{where}` must be one of {options}; got {show(value)}{near}"
    if kw == "const":
        return ptr, False, f"`{where}` must be {show(error.validator_value)}, got {show(value)}"
    if kw in ("pattern", "format", "anyOf", "oneOf"):
        wanted = hint or (f"a {error.validator_value}" if kw == "format" else "in the documented form")
        return ptr, False, f"`{where}` must be {wanted}, got {show(value)}"
    if kw in ("minimum", "exclusiveMinimum"):
        word = "at least" if kw == "minimum" else "more than"
        return ptr, False, f"`{where}` must be {word} {error.validator_value}, got {show(value)}"
    if kw in ("maximum", "exclusiveMaximum"):
        word = "at most" if kw == "maximum" else "less than"
        extra = " (rates are fractions: 3.8% is 0.038)" if error.validator_value == 1 else ""
        return ptr, False, f"`{where}` must be {word} {error.validator_value}{extra}, got {show(value)}"
    if kw == "minItems":
        n = error.validator_value
        return ptr, False, f"`{where}` must have at least {n} item{'s' if n != 1 else ''}"
    if kw == "uniqueItems":
        dupe = _first_repeat(value) if isinstance(value, list) else None
        return ptr, False, f"`{where}` lists {show(dupe)} more than once"
    if kw == "minLength":
        return ptr, False, f"`{where}` must not be empty"
    return ptr, False, f"`{where}`: {error.message}"
