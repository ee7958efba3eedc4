"""Source positions: JSON pointer -> (line, column) and offset -> (line, column).

The JSON map is built lazily, only when a finding needs a position. It is a single pass of
one compiled regex over the text (json-source-map, the maintained pure-Python option, walks
character by character and took 3.8 ms on an 8 KB listing.json against 0.3 ms here; see
docs/decisions.md). The text has already been accepted by ``json.loads``, so the tokenizer
may assume well-formed input.
"""

from __future__ import annotations

import bisect
import re
from typing import Any, Iterator

_TOKEN = re.compile(
    r'"(?:[^"\\]|\\.)*"'  # string
    r"|[{}\[\]:,]"  # structure
    r"|[^\s{}\[\]:,\"]+",  # number, true, false, null
    re.S,
)


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def pointer(*parts: object) -> str:
    """Build a JSON pointer: ``pointer("skus", 2, "price")`` -> ``/skus/2/price``."""
    if not parts:
        return ""
    joined = "/".join([part if type(part) is str else str(part) for part in parts])
    if "~" not in joined and joined.count("/") == len(parts) - 1:
        return "/" + joined  # no token to escape (most pointers): joined at once (issue 18, session 9)
    out = []
    for part in parts:
        token = part if type(part) is str else str(part)
        out.append(escape_pointer_token(token) if "~" in token or "/" in token else token)
    return "/" + "/".join(out) if out else ""


class LineIndex:
    """Offset <-> 1-based line/column for one text."""

    def __init__(self, text: str):
        self.text = text
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based line and column (the inverse of ``position``)."""
        return self._starts[min(max(line, 1), len(self._starts)) - 1] + column - 1

    def line_text(self, line: int) -> str:
        if not 1 <= line <= len(self._starts):
            return ""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self.text)
        return self.text[start:end]

    @property
    def line_count(self) -> int:
        return len(self._starts)


def walk(node: Any, ptr: str, missing: Any = None) -> Any:
    """The value at a JSON pointer inside parsed JSON, or ``missing`` (an index must be ASCII digits)."""
    for token in ptr.split("/")[1:]:
        if "~" in token:
            token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isascii() and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return missing
    return node


def tokens(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, token)`` of every JSON token of ``text``: strings, structure, bare words and numbers."""
    for m in _TOKEN.finditer(text):
        yield m.start(), m.group()


#: the tokens ``json_offsets`` needs, each after the whitespace, commas and colons before it (matched,
#: not searched for: the search would try every alternative at every indenting space): a string
#: (1), with the colon after it when it is a key (2), ``{`` (3), ``[`` (4), ``}`` or ``]`` (5), a bare
#: word (6). In text ``json.loads`` accepted, a string followed by a colon is a key.
_MEMBER = re.compile(
    r'[\s,:]*(?:("[^"\\]*(?:\\.[^"\\]*)*")(\s*:)?'  # string (the loop unrolled: twice as fast), or key and colon
    r"|(\{)|(\[)|([}\]])"
    r"|([^\s{}\[\]:,\"]+))",  # number, true, false, null
    re.S,
)


def json_offsets(text: str) -> dict[str, tuple[int, int, int | None]]:
    """Map every JSON pointer in ``text`` to ``(value_start, value_end, key_start)`` offsets.

    One pass of ``_MEMBER``: keys arrive with their colon and commas are never seen, so a document
    costs about half the tokens of a full tokenizer (issue 18: 0.7 -> 0.35 ms for a bench
    listing.json; a bundle with any finding on listing.json builds it)."""
    out: dict[str, tuple[int, int, int | None]] = {}
    stack: list[list] = []  # [pointer, next index (an array) or -1 (an object), key_start, value_start]
    key = ""  # the pending member's key, escaped for a pointer
    key_start: int | None = None
    for m in _MEMBER.finditer(text):
        kind = m.lastindex
        if kind == 2:
            key_start, key_end = m.span(1)
            tok = text[key_start:key_end]
            key = tok[1:-1] if "\\" not in tok else _decode_key(tok)
            if "~" in key or "/" in key:
                key = escape_pointer_token(key)
            continue
        if kind == 5:
            frame = stack.pop()
            out[frame[0]] = (frame[3], m.end(), frame[2])
            continue
        if stack:
            frame = stack[-1]
            if frame[1] >= 0:
                ptr = frame[0] + "/" + str(frame[1])
                frame[1] += 1
                kstart = None
            else:
                ptr = frame[0] + "/" + key
                kstart = key_start
        else:
            ptr, kstart = "", None
        if kind == 1 or kind == 6:
            start, end = m.span(kind)
            out[ptr] = (start, end, kstart)
        else:
            stack.append([ptr, -1 if kind == 3 else 0, kstart, m.end() - 1])
    return out


def _decode_key(tok: str) -> str:
    if "\\" not in tok:
        return tok[1:-1]
    import json

    return json.loads(tok)


class JsonSourceMap:
    """Positions of the values of one JSON document, by JSON pointer."""

    def __init__(self, text: str, index: LineIndex | None = None):
        self._text = text
        self._index = index or LineIndex(text)
        self._offsets: dict[str, tuple[int, int, int | None]] | None = None

    def _map(self) -> dict[str, tuple[int, int, int | None]]:
        if self._offsets is None:
            self._offsets = json_offsets(self._text)
        return self._offsets

    def nearest(self, ptr: str) -> str:
        """The pointer itself if it exists, else its deepest existing ancestor."""
        offsets = self._map()
        while ptr and ptr not in offsets:
            ptr = ptr.rsplit("/", 1)[0]
        return ptr

    def value_span(self, ptr: str) -> tuple[int, int, int, int]:
        """``(line, column, end_line, end_column)`` of the value at ``ptr`` (or its nearest ancestor)."""
        offsets = self._map()
        found = self.nearest(ptr)
        if found not in offsets:
            return 1, 1, 1, 1
        start, end, _ = offsets[found]
        return (*self._index.position(start), *self._index.position(end))

    def key_span(self, ptr: str) -> tuple[int, int, int, int]:
        """Like ``value_span`` but starting at the member's key, where there is one."""
        offsets = self._map()
        found = self.nearest(ptr)
        if found not in offsets:
            return 1, 1, 1, 1
        start, end, kstart = offsets[found]
        return (*self._index.position(kstart if kstart is not None else start), *self._index.position(end))


def duplicate_keys(text: str, limit: int) -> list[tuple[str, str, list[int]]]:
    """``(object_pointer, key, key_offsets)`` for each key given more than once in one object of
    ``text`` (JSON ``json.loads`` accepted), in the order of their second occurrence; at most
    ``limit`` of them. One pass of ``_MEMBER`` with a dict of keys per open object: linear in the text.
    The object pointer is the one ``json_offsets`` gives (the last of equal pointers, as the data has)."""
    found: dict[tuple[int, str], tuple[str, str, list[int]]] = {}
    stack: list[list] = []  # [pointer, next index or -1, {key: [offsets]}, id]
    key = ""
    key_start = 0
    ids = 0
    for m in _MEMBER.finditer(text):
        kind = m.lastindex
        if kind == 2:
            key_start, key_end = m.span(1)
            tok = text[key_start:key_end]
            key = tok[1:-1] if "\\" not in tok else _decode_key(tok)
            frame = stack[-1]
            keys = frame[2]
            if keys is None:
                continue  # opened once ``limit`` keys were found: none of its keys can be reported
            seen = keys.setdefault(key, [])
            seen.append(key_start)
            if len(seen) == 2 and len(found) < limit:
                found[(frame[3], key)] = (frame[0], key, seen)
            continue
        if kind == 5:
            stack.pop()
            continue
        if kind == 3 or kind == 4:
            if stack:
                frame = stack[-1]
                if frame[1] >= 0:
                    ptr = frame[0] + "/" + str(frame[1])
                    frame[1] += 1
                else:
                    ptr = frame[0] + "/" + (escape_pointer_token(key) if "~" in key or "/" in key else key)
            else:
                ptr = ""
            ids += 1
            stack.append([ptr, -1 if kind == 3 else 0, {} if kind == 3 and len(found) < limit else None, ids])
        elif stack and stack[-1][1] >= 0:
            stack[-1][1] += 1
    return list(found.values())
