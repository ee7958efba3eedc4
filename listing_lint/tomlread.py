"""TOML for config files a pull request can change (``listing-lint.toml``, ``pyproject.toml``), read
within bounds.

tomllib records every prefix of a dotted key as a tuple while it parses (``Flags``, ``NestedDict``),
so a key of N parts costs about N²/2 tuple slots: ``a.a.a…`` of 100,000 parts (200 KB) took 22 GB
before the kernel killed the run, and a table name ``[a.a.a…]`` as long took 10 s. No listing-lint
key has more than a few parts, so a key longer than ``MAX_KEY_PARTS`` is refused before tomllib
reads the text. Nesting too deep for the parser's recursion is its RecursionError, as before.
"""

from __future__ import annotations

import re
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: parts of one dotted key or table name ([tool.listing-lint.thresholds] has three)
MAX_KEY_PARTS = 100
#: a run of key parts joined by dots: bare words or quoted keys (a quoted part is read whole, so a
#: dot inside it is no separator). Each alternative is a plain class, matched left to right: linear
_PART = r'(?:[A-Za-z0-9_-]+|"[^"\\\n]*"|\'[^\'\n]*\')'
_DOTTED = re.compile(_PART + r"(?:[ \t]*\.[ \t]*" + _PART + ")*")
_ONE_PART = re.compile(_PART)
#: a string (skipped whole) or the ``#`` that starts a comment
_STRING_OR_COMMENT = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#')


class KeyTooLong(ValueError):
    """A dotted key or table name of more parts than any config needs (a ValueError, as tomllib's errors are)."""


def loads(text: str) -> dict:
    """``tomllib.loads`` after checking that no line holds a dotted run longer than ``MAX_KEY_PARTS``.

    A key lies on one line, so only lines with more dots than that are searched, up to a comment;
    in them any such run counts, also one inside a string value (no config value is 100 dot-joined
    words either)."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.count(".") < MAX_KEY_PARTS:
            continue
        comment = next((m.start() for m in _STRING_OR_COMMENT.finditer(line) if m.group() == "#"), len(line))
        for run in _DOTTED.finditer(line, 0, comment):
            if run.group().count(".") >= MAX_KEY_PARTS and len(_ONE_PART.findall(run.group())) > MAX_KEY_PARTS:
                raise KeyTooLong(f"line {number} has a dotted key of more than {MAX_KEY_PARTS} parts; "
                                 "listing-lint's keys have at most four")
    return tomllib.loads(text)
