"""JSON pointer -> position agrees with json-source-map (the maintained reference) on any JSON."""

import json
import re
from pathlib import Path

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


# -- the one-pass map (issue 18) against the full tokenizer it replaced --------------------
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.S)


def _full_tokenizer_offsets(text: str) -> dict:
    """json_offsets as it was before issue 18: every token, commas and colons too, a key known by
    the comma or brace before it."""
    out: dict = {}
    stack: list[list] = []
    key, key_start, expect_key = None, None, False

    def child():
        if not stack:
            return "", None
        frame = stack[-1]
        if frame[1] == "[":
            frame[2] += 1
            return frame[0] + "/" + str(frame[2] - 1), None
        return frame[0] + "/" + (key or "").replace("~", "~0").replace("/", "~1"), key_start

    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok in "{[":
            ptr, kstart = child()
            stack.append([ptr, tok, 0, kstart, m.start()])
            expect_key = tok == "{"
        elif tok in "}]":
            frame = stack.pop()
            out[frame[0]] = (frame[4], m.end(), frame[3])
            expect_key = False
        elif tok == ",":
            expect_key = bool(stack) and stack[-1][1] == "{"
        elif tok == ":":
            expect_key = False
        elif expect_key and tok[0] == '"':
            key, key_start = json.loads(tok), m.start()
        else:
            ptr, kstart = child()
            out[ptr] = (m.start(), m.end(), kstart)
    return out


any_keys = st.text(max_size=6)  # quotes, backslashes, ~ and /, control characters: escaped by json.dumps
any_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8)
any_documents = st.recursive(any_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(any_keys, inner, max_size=4),
                             max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(any_documents, st.sampled_from([None, 0, 2, "\t", " \r\n "]), st.sampled_from([(",", ":"), (", ", ": "), (" ,\n", " \t: ")]),
       st.booleans())
def test_one_pass_map_matches_the_full_tokenizer(doc, indent, separators, ascii_only):
    text = json.dumps(doc, indent=indent, separators=separators, ensure_ascii=ascii_only)
    assert json_offsets(text) == _full_tokenizer_offsets(text)


def test_one_pass_map_on_the_fixture_manifests():
    root = Path(__file__).resolve().parents[1]
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "fixtures").rglob("*listing.json"))]
    assert texts
    for text in texts:
        json.loads(text)
        assert json_offsets(text) == _full_tokenizer_offsets(text)
