"""Text runs of an HTML source with their offsets, for rules whose fixes edit the source.

lxml gives lines but not character offsets; a fix needs offsets. ``text_segments`` walks the
source with a small tokenizer, skipping comments, ``script``/``style`` and the contents of
elements that are ``translate="no"`` or whose ``lang`` is not the page's language, and the
elements a caller names by the offset of their start tag (blocks judged another language).
"""

from __future__ import annotations

import re

_TOKEN = re.compile(
    r"<!--.*?-->|<(script|style|template)\b.*?</\1\s*>|<!\w[^>]*>|<\?[^>]*>|</(\w+)\s*>|<(\w+)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|[^<]+|<",
    re.S | re.I,
)
# a name starts where no name character precedes it: tried from inside a long name as well, the
# pattern was quadratic (an attribute name of 20,000 letters: 8.6 s in LOC012)
_ATTR = re.compile(r"""(?<![\w:-])([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


def _excluded(attrs: str, lang: str) -> bool:
    values = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in _ATTR.finditer(attrs)}
    if values.get("translate", "").strip().lower() == "no":
        return True
    declared = values.get("lang", "").strip().lower().replace("_", "-")
    return bool(declared) and declared.split("-")[0] != lang


def text_segments(source: str, lang: str, skip: frozenset[int] | set[int] = frozenset()):
    """``(start, end, text)`` of each text run of ``source`` that is in the page's language, outside
    the elements whose start tag begins at an offset in ``skip``."""
    stack: list[tuple[str, bool]] = []
    for m in _TOKEN.finditer(source):
        closing, opening = m.group(2), m.group(3)
        if opening:
            tag = opening.lower()
            if tag not in VOID and not m.group(0).endswith("/>"):
                if tag == "html":
                    continue  # <html lang> is LOC004's business, not a quotation
                stack.append((tag, m.start() in skip or _excluded(m.group(4) or "", lang)))
        elif closing:
            tag = closing.lower()
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == tag:
                    del stack[i:]
                    break
        elif not m.group(0).startswith("<") and not any(excluded for _, excluded in stack):
            yield m.start(), m.end(), m.group(0)
