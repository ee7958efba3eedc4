"""JSON pointer -> position agrees with json-source-map (the maintained reference) on any JSON."""

import json

import json_source_map
from hypothesis import given, settings
from hypothesis import strategies as st

from listing_lint.bundle.positions import JsonSourceMap, LineIndex, json_offsets, pointer

# json-source-map keeps escaped keys undecoded (ours decodes them), so keys avoid JSON escapes
keys = st.text(alphabet="abcXYZ019-_ éжß中", max_size=6)  # json-source-map does not escape ~ and / either
scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8)
documents = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4), max_leaves=25)


@settings(max_examples=200, deadline=None)
@given(documents, st.sampled_from([None, 0, 2]))
def test_offsets_match_json_source_map(doc, indent):
    text = json.dumps(doc, indent=indent, ensure_ascii=False)
    ours = json_offsets(text)
    ref = json_source_map.calculate(text)
    assert set(ours) == set(ref)
    for ptr, entry in ref.items():
        start, end, key_start = ours[ptr]
        assert (start, end) == (entry.value_start.position, entry.value_end.position)
        assert key_start == (entry.key_start.position if entry.key_start else None)


def test_escaped_keys_are_decoded():
    text = '{"a\\u00e9/b": {"x\\"y": 1}}'
    assert json.loads(text) == {"aé/b": {'x"y': 1}}
    assert "/a\u00e9~1b/x\"y" in json_offsets(text)


def test_spans_are_one_based_and_fall_back_to_the_nearest_ancestor():
    text = '{\n  "skus": [\n    {"price": {"amount": 39.9}}\n  ]\n}\n'
    smap = JsonSourceMap(text)
    assert smap.value_span("/skus/0/price/amount") == (3, 26, 3, 30)
    assert smap.value_span("/skus/0/price/currency") == smap.value_span("/skus/0/price")
    assert smap.key_span("/skus") == (2, 3, 4, 4)
    assert pointer("a/b", "c~d", 2) == "/a~1b/c~0d/2"


def test_line_index_positions():
    index = LineIndex("ab\ncd\n\nxyz")
    assert index.position(0) == (1, 1)
    assert index.position(4) == (2, 2)
    assert index.position(7) == (4, 1)
    assert index.line_text(4) == "xyz" and index.line_text(3) == ""
