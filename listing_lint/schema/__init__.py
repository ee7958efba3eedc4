"""The JSON Schemas of the bundle format, and schema errors in words a seller understands."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from listing_lint.schema.files import schema_document


@lru_cache(maxsize=None)
def validator(name: str):
    import jsonschema

    schema = schema_document(name)
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
    return jsonschema_rs.Draft202012Validator(schema_document(name), validate_formats=True)


def is_valid_fast(name: str, data) -> bool:
    """True only when the fast validator is installed and accepts ``data``."""
    fast = fast_validator(name)
    if fast is None:
        return False
    try:
        return bool(fast.is_valid(data))
    except Exception:  # noqa: BLE001 - anything it cannot take (huge ints, odd floats): ask the Python validator
        return False


#: a list longer than this is validated by the Python validator (located, worded errors) on its first
#: ``LONG_LIST`` entries only; the rest are asked of the fast validator one by one, yes or no. 40,000
#: media entries of four errors each took the Python validator 28 s (the rule's budget is 30 s)
LONG_LIST = 1_000


#: the keywords of an object schema that judge each key and its value alone (a map: locale → page): such an
#: object is cut like a list, and a key after the first ``LONG_LIST`` is asked as ``{key: value}``
_PER_KEY = frozenset({"type", "propertyNames", "additionalProperties", "patternProperties", "description", "title"})


@dataclass
class Tail:
    """The entries of a long list (or keys of a long map) after the first ``LONG_LIST``: which of them the
    schema rejects."""

    path: tuple  # the list's path in the document
    length: int  # the list's length
    rejected: list = field(default_factory=list)  # indexes (keys of a map) of the rejected entries after LONG_LIST
    schema: dict | None = None  # a map's schema (its entries are asked as one-key objects); None for a list

    def entry(self, error):
        """The index or key ``error`` (of the whole document) is about inside this list or map, or None."""
        depth, path = len(self.path), tuple(error.absolute_path)
        if path[:depth] != self.path:
            return None
        if len(path) > depth:
            return path[depth]
        is_key = self.schema is not None and "propertyNames" in error.schema_path and isinstance(error.instance, str)
        return error.instance if is_key else None  # the key itself rejected: jsonschema puts it at the map's path


def _is_map(schema) -> bool:
    return isinstance(schema, dict) and schema.get("additionalProperties") is not False and schema.keys() <= _PER_KEY


def _item_schema(schema, key):
    """The subschema a value at ``key`` of a value of ``schema`` is validated against, or None when
    it is not a plain ``properties``/``additionalProperties``/``items`` one (then nothing is cut)."""
    if not isinstance(schema, dict):
        return None
    if isinstance(key, int):
        items = schema.get("items")
        return items if isinstance(items, dict) else None
    sub = (schema.get("properties") or {}).get(key)
    if sub is None and isinstance(schema.get("additionalProperties"), dict):
        sub = schema["additionalProperties"]
    return sub if isinstance(sub, dict) else None


def _cut(value, schema, path: tuple, tails: list, budget: list):
    """``value`` with each long list cut to its first ``LONG_LIST`` entries (containers copied only where
    something is cut); each cut list's entries after them are checked with the fast validator."""
    if budget[0] <= 0 or schema is None:
        return value
    budget[0] -= 1
    if isinstance(value, list):
        item = _item_schema(schema, 0)
        head = value if len(value) <= LONG_LIST or item is None else value[:LONG_LIST]
        out = [_cut(v, item, path + (i,), tails, budget) for i, v in enumerate(head)]
        if head is not value:
            tails.append(_check_tail(value, item, path))
        return out if head is not value or any(a is not b for a, b in zip(out, value)) else value
    if isinstance(value, dict):
        keys = list(value)[:LONG_LIST] if len(value) > LONG_LIST and _is_map(schema) else value
        out = {k: _cut(value[k], _item_schema(schema, k), path + (k,), tails, budget) for k in keys}
        if keys is not value:  # 100,000 keys that are no locale tag: 14 s and 500 MB of errors, for 50 findings shown
            tails.append(_check_map_tail(value, schema, path))
        return out if keys is not value or any(out[k] is not value[k] for k in value) else value
    return value


def _check_tail(value: list, item_schema: dict, path: tuple) -> Tail:
    import jsonschema_rs

    fast = jsonschema_rs.Draft202012Validator(item_schema, validate_formats=True)
    tail = Tail(path, len(value))
    for i in range(LONG_LIST, len(value)):
        try:
            ok = fast.is_valid(value[i])
        except Exception:  # noqa: BLE001 - a value it cannot take: not called rejected (no false finding)
            ok = True
        if not ok:
            tail.rejected.append(i)
    return tail


def _check_map_tail(value: dict, schema: dict, path: tuple) -> Tail:
    import jsonschema_rs

    fast = jsonschema_rs.Draft202012Validator(schema, validate_formats=True)
    tail = Tail(path, len(value), schema=schema)
    for key in list(value)[LONG_LIST:]:
        try:
            ok = fast.is_valid({key: value[key]})
        except Exception:  # noqa: BLE001 - a value it cannot take: not called rejected (no false finding)
            ok = True
        if not ok:
            tail.rejected.append(key)
    return tail


#: the last document ``schema_errors`` validated, and its answer: the bundle's rejected pointers (asked
#: by many rules) and SCH002's findings are made from the same errors, and the Python validator ran
#: once for each (issue 18; 100,000 bad keys in ``detail_pages``: 13 s a pass). Held by identity: the
#: same parsed listing.json object, not an equal one
_last_errors: tuple = (None, None, None)


def schema_errors(name: str, data) -> tuple[list, list[Tail]]:
    """The Python validator's errors for ``data``, with every list longer than ``LONG_LIST`` validated on
    its first ``LONG_LIST`` entries (and, when they are all valid, on the first rejected entry after
    them), so each list's first mistakes are described in time of the list's head; and the ``Tail``
    of each such list. The callers read the errors and do not change them."""
    global _last_errors
    last_name, last_data, answer = _last_errors
    if last_data is data and last_name == name:
        return answer
    answer = _schema_errors(name, data)
    _last_errors = (name, data, answer)
    return answer


def _schema_errors(name: str, data) -> tuple[list, list[Tail]]:
    full = validator(name)
    tails: list[Tail] = []
    cut = _cut(data, full.schema, (), tails, [1_000_000])
    errors = list(full.iter_errors(cut))
    for tail in tails:
        if tail.rejected and not any(tail.entry(e) is not None for e in errors):
            first = tail.rejected[0]
            node = data
            for key in tail.path:
                node = node[key]
            if tail.schema is not None:  # a map: the key and its value, as one-key object
                sub, instance, prefix = full.evolve(schema=tail.schema), {first: node[first]}, tail.path
            else:
                sub, instance, prefix = full.evolve(schema=_item_schema(_schema_at(full.schema, tail.path), 0)), node[first], (*tail.path, first)
            for error in sub.iter_errors(instance):
                error.path.extendleft(reversed(prefix))
                errors.append(error)
    return errors, tails


def _schema_at(schema, path: tuple):
    for key in path:
        schema = _item_schema(schema, key)
    return schema


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
    errors, tails = schema_errors(name, data)
    for tail in tails:  # an entry (or a map's key) rejected after the first LONG_LIST: rejected whole (rules stay silent on it)
        out.update(pointer(*tail.path, i) for i in tail.rejected)
    for error in errors:
        path = list(error.absolute_path)
        value = error.instance
        if "propertyNames" in error.schema_path and isinstance(value, str):  # the key itself is the instance
            out.add(pointer(*path, value))
        elif error.validator == "required" and isinstance(value, dict):
            out.update(pointer(*path, field) for field in error.validator_value if field not in value)
        elif error.validator == "additionalProperties" and isinstance(value, dict):
            allowed = (error.schema.get("properties") or {}) if isinstance(error.schema, dict) else {}
            from listing_lint.schema.messages import unknown_fields

            out.update(pointer(*path, key) for key in value if key not in allowed)
            for _, meant in unknown_fields(value, allowed)[0]:
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
