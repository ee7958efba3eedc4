"""SCH002 schema-violation — listing.json or store.json breaks the bundle-format schema.

What it checks: listing.json against ``schemas/listing.schema.json`` and store.json against
``schemas/store.schema.json`` (JSON Schema 2020-12). One finding per violation, at the
offending value, in plain words: ``skus[2].price.amount`` must be a decimal string above zero like
"39.90", got 39.9. Unknown fields name the closest valid one. Entries of one list written in the same
wrong type (``"media": ["media/a.jpg", "media/b.jpg"]``) are one finding, at the first; so are a
list's values in other letter case (``["red", "rohs"]``). A key in other case (``MARKETS``), in
another language (``mercados``) or with a look-alike or invisible character (``mаrkets``) names the
field and the character; a listing wrapped in an object (``{"listing": {...}}``) is one finding. A
date, price, currency or list written as shops write them gets what to write (``"2026-1-20"`` →
``"2026-01-20"``, ``"44,90 €"`` → ``"44.90"``, ``"EU, UK"`` → ``["EU", "UK"]``). A list or a map of
locales over 1,000 entries, and an object's unknown fields over 1,000, are described on the first 1,000
and the rest counted (bounded time).
Why: every other rule relies on the documented shape; a price written as a number loses its
trailing zero and a misspelt field is silently ignored by the marketplace importer.
Fails:
    listing.json /skus/0/price/amount = 39.9
Passes:
    listing.json /skus/0/price/amount = "39.90"
"""

import json

from listing_lint.api import Severity

CODE, NAME, SEVERITY = "SCH002", "schema-violation", Severity.ERROR
SOURCE = "docs/bundle-format.md"


def _violations(name, data):
    from listing_lint.bundle.positions import pointer
    from listing_lint.schema import is_valid_fast, schema_errors, validator
    from listing_lint.schema.messages import describe_all, dotted, type_of
    from listing_lint.schema.messages import name as key_name

    if is_valid_fast(name, data):
        return

    found, tails = schema_errors(name, data)
    errors = sorted(found, key=lambda e: (list(map(str, e.absolute_path)), e.validator))
    notes = _tail_notes(errors, tails)
    misspelt = _misspelt(errors)
    others, hidden, likewise = _grouped(errors)
    wrapper = _wrapper(data, validator(name).schema)
    seen = set()
    for error in errors:
        if id(error) in hidden:
            continue
        for ptr, at_key, message in describe_all(error):
            if id(error) in others:
                n, where = others[id(error)], dotted(list(error.absolute_path)[:-1])
                entries = f"{n:,} entr{'y' if n == 1 else 'ies'}"
                message += f"; so must the other {entries} of `{where}` ({type_of(error.instance)} each)"
            if error.validator == "required" and any(
                (tuple(map(str, error.absolute_path)), f) in misspelt and message.endswith(f"`{f}`") for f in error.validator_value
            ):
                continue
            if wrapper and not error.absolute_path and error.validator in ("required", "additionalProperties"):
                if error.validator == "required":
                    continue  # the fields are there, one level down
                if ptr == pointer(wrapper):
                    inside = ", ".join(f"`{f}`" for f in list(data[wrapper])[:3])
                    message = (f"`{key_name(wrapper)}` holds the listing ({inside}, …): its fields belong at the top level of "
                               f"listing.json; take them out of `{key_name(wrapper)}`")
            message += likewise.get(id(error), "")
            if (ptr, message) not in seen:
                seen.add((ptr, message))
                yield ptr, at_key, message + notes.pop(id(error), "")


def _tail_notes(errors, tails) -> dict[int, str]:
    """For a list too long to describe entry by entry: its first finding says how many of the rest are rejected."""
    from listing_lint.schema import LONG_LIST
    from listing_lint.schema.messages import dotted

    notes = {}
    for tail in tails:
        if tail.rejected:
            inside = [e for e in errors if tail.entry(e) is not None]
            first = min(inside, key=tail.entry) if tail.schema is None else inside[0]  # a map's: as errors sort
            more = len(tail.rejected) - (1 if tail.entry(first) in tail.rejected[:1] else 0)
            if more:
                notes[id(first)] = (
                    f"; `{dotted(list(tail.path))}` has {tail.length:,} entries: the first {LONG_LIST:,} were described one by one, "
                    f"and {more:,} more after them are rejected too (fix these and lint again)")
    return notes


def _misspelt(errors) -> set:
    """(object path, field meant) of each misspelt field ("titel", "title\u200b", "MARKETS"): one mistake,
    reported at the misspelt key, which names the field meant, not a second time as that field missing."""
    from listing_lint.schema.messages import unknown_fields

    misspelt = set()
    for error in errors:
        if error.validator == "additionalProperties" and isinstance(error.instance, dict) and isinstance(error.schema, dict):
            allowed = (error.schema.get("properties") or {}).keys()
            for _, meant in unknown_fields(error.instance, allowed)[0]:
                if meant is not None and meant not in error.instance:
                    misspelt.add((tuple(map(str, error.absolute_path)), meant))
    return misspelt


def _grouped(errors) -> tuple[dict, set, dict]:
    """Entries of one list that are one mistake: all of the same wrong type (media written as
    ``["media/a.jpg", ...]``), or values in other letter case (``["red", "rohs"]``): one finding, at
    the first. ``(how many others the first of a same-type group counts, the errors left out, the
    "likewise" text of the first of a letter-case group)``."""
    from listing_lint.schema.messages import case_twin, show, type_of

    groups: dict[tuple, list] = {}
    cased: dict[tuple, list] = {}
    for error in errors:
        path = tuple(error.absolute_path)
        if not path or not isinstance(path[-1], int):
            continue
        if error.validator == "type":
            groups.setdefault((path[:-1], str(error.validator_value), type_of(error.instance)), []).append(error)
        elif error.validator == "enum" and case_twin(error.instance, error.validator_value):
            cased.setdefault(path[:-1], []).append(error)
    others = {id(g[0]): len(g) - 1 for g in groups.values() if len(g) > 1}
    hidden = {id(e) for g in groups.values() if len(g) > 1 for e in g[1:]}
    likewise = {}
    for group in cased.values():
        if len(group) > 1:
            rest = group[1:]
            said = ", ".join(f"{show(e.instance)} → {case_twin(e.instance, e.validator_value)!r}" for e in rest[:5])
            more = f" and {len(rest) - 5:,} more" if len(rest) > 5 else ""
            likewise[id(group[0])] = f"; likewise {said}{more}"
            hidden.update(id(e) for e in rest)
    return others, hidden, likewise


def _wrapper(data, schema) -> str | None:
    """The unknown top-level key whose object holds the listing (``{"listing": {...}}``): at least two of
    the required fields the top level lacks are in it. Then the top level's missing fields are not
    reported: one mistake (a wrapper), one finding."""
    if not isinstance(data, dict) or not isinstance(schema, dict):
        return None
    allowed, required = schema.get("properties") or {}, schema.get("required") or []
    missing = {f for f in required if f not in data}
    for key, value in data.items():
        if key not in allowed and isinstance(value, dict) and len(missing & value.keys()) >= 2:
            return key
    return None


def check(bundle, ctx):
    data = bundle.data
    if data is None or bundle.refused:
        return  # SCH001 / SCH005 speak for this file
    meant = _meant_pages(bundle)
    for ptr, at_key, message in _violations("listing.schema.json", data):
        if ptr == "/schema_version" and "schema_version" in data:
            continue  # a schema_version given in the wrong form (1, null) is SCH005's
        if ptr in meant and not at_key:
            message += f"; did you mean {json.dumps(meant[ptr], ensure_ascii=False)}?"
        yield ctx.finding(bundle.span(ptr, key=at_key), message)


def _meant_pages(bundle) -> dict[str, str]:
    """For a page entry written as a string the schema rejects (``"fr": ""``, ``"fr": "detail/fr"``),
    the one page file named for its locale that no entry names (``detail/fr.html``): the fix to offer."""
    from listing_lint.rules.schema import rejected_page_entries

    return {ptr: files[0] for ptr, (value, files) in rejected_page_entries(bundle).items()
            if isinstance(value, str) and len(files) == 1}


def check_repo(repo, ctx):
    if repo.store_data is None:
        return
    for ptr, _, message in _violations("store.schema.json", repo.store_data):
        yield ctx.finding(repo.span(ptr), message.replace("`the document`", "store.json"))


def prepare(config):
    """Before worker processes fork: build the schema validators once, to share them (parallel.py)."""
    from listing_lint.schema import fast_validator

    fast_validator("listing")
