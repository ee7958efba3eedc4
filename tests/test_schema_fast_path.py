"""SCH002's fast path (jsonschema-rs) must give the same verdict as the Python validator."""

import copy
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from listing_lint.schema import fast_validator, is_valid_fast, validator

EXAMPLE = json.loads((Path(__file__).parent / "data" / "example_listing.json").read_text(encoding="utf-8"))
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 10**20), st.floats(allow_nan=False), st.text(max_size=12),
    st.sampled_from(["2026-02-30", "2026-03-01", "39.9", "39.90", "EU", "MARS", "es_ES", "es-ES", "Spanish", "R", "TM", "a@b.c"]),
    st.lists(st.sampled_from(["EU", "UK", "US", "x"]), max_size=3), st.dictionaries(st.sampled_from(["en", "es", "zz!"]), st.text(max_size=5), max_size=2),
)


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from paths(value, prefix + (i,))


ALL_PATHS = [p for p in paths(EXAMPLE) if p]


def test_the_fast_validator_is_installed():
    assert fast_validator("listing.schema.json") is not None
    assert is_valid_fast("listing.schema.json", EXAMPLE)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ALL_PATHS), VALUES), min_size=1, max_size=3))
def test_same_verdict_as_the_python_validator(edits):
    doc = copy.deepcopy(EXAMPLE)
    for path, value in edits:
        node = doc
        for key in path[:-1]:
            if not isinstance(node, (dict, list)):
                break
            try:
                node = node[key]
            except (KeyError, IndexError, TypeError):
                break
        else:
            if isinstance(node, dict) or (isinstance(node, list) and isinstance(path[-1], int) and path[-1] < len(node)):
                node[path[-1]] = value
    python_valid = not any(True for _ in validator("listing.schema.json").iter_errors(doc))
    assert is_valid_fast("listing.schema.json", doc) == python_valid
