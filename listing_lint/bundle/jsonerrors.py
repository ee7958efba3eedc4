"""Why a listing.json does not parse, in a seller's words, and where (SCH001).

Python's json module says what its parser expected ("Expecting property name enclosed in double
quotes"), which names none of the mistakes people make writing JSON by hand: a trailing comma, a
comment, single or curly quotes, a bare word, an empty file, a Windows path's backslashes. This
looks at the text where the parser stopped and names the mistake, at the character to change (a
trailing comma at the comma, not at the ``}`` after it). Anything it does not recognise keeps the
parser's wording. Each look is a bounded step back or forward from the error: linear in the text.
"""

from __future__ import annotations

import re

#: words people write for JSON's literals: Python's, JavaScript's, SQL's
_LITERALS = {"True": "true", "TRUE": "true", "False": "false", "FALSE": "false", "None": "null",
             "NULL": "null", "Null": "null", "undefined": "null", "nil": "null"}
_CURLY = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2018\u2019\u201a\u2032"
#: a bare word where a value or key belongs (``home-garden``, ``title``); at most 40 characters shown
_WORD = re.compile(r"[^\s{}\[\]:,\"'/]{1,40}")


def _prev_nonspace(text: str, pos: int) -> int:
    """The offset of the last non-whitespace character before ``pos``, or -1."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\r\n":
        i -= 1
    return i


def explain(text: str, msg: str, pos: int) -> tuple[str, int]:
    """``(message, offset)`` for a JSONDecodeError ``msg`` at ``pos`` in ``text``."""
    if not text.strip():
        return "the file is empty: it must hold one JSON object, {…}", 0
    pos = max(0, min(pos, len(text)))
    ch = text[pos] if pos < len(text) else ""
    if msg.startswith("Invalid control character"):
        if ch == "\n" or ch == "\r":
            return "a line break inside a string: close the string with \" on its line, or write the break as \\n", pos
        if ch == "\t":
            return "a tab inside a string: write it as \\t", pos
        return f"a control character (U+{ord(ch or ' '):04X}) inside a string: delete it", pos
    if msg.startswith("Invalid \\uXXXX"):
        start = pos - 1 if pos > 0 and text[pos - 1] == "\\" else pos
        return "\\u must be followed by four hexadecimal digits (\\u00e9 is é)", start
    if msg.startswith("Invalid \\escape"):
        shown = text[pos : pos + 2]
        return (f"{shown} is not an escape JSON knows: write a backslash as \\\\ (and a path with /, "
                f"as in media/scene-1.jpg)"), pos
    if msg.startswith("Unterminated string"):  # at its opening quote
        return "a string is not closed: add the closing \" (the file ends inside it)", pos
    hash_line = ch == "#" and not text[text.rfind("\n", 0, pos) + 1 : pos].strip()  # "# note", not "#fff"
    if text.startswith("//", pos) or text.startswith("/*", pos) or hash_line:
        return "JSON has no comments: delete the comment (or keep notes in another file)", pos
    if msg.startswith("Expecting") and not text[pos:].strip():
        end = _prev_nonspace(text, pos) + 1  # at the end of the text, not after its last line break
        return "the file ends too early: a closing } or ] (or the rest of the file) is missing", end
    if ch in "}]" and msg.startswith(("Expecting property name", "Expecting value")):
        comma = _prev_nonspace(text, pos)
        if comma >= 0 and text[comma] == ",":
            return f"trailing comma before '{ch}': JSON allows none; delete the comma", comma
    if ch == "," and msg.startswith(("Expecting property name", "Expecting value")):
        before = _prev_nonspace(text, pos)
        if before >= 0 and text[before] == ",":
            return "two commas in a row: delete one", pos
        if before >= 0 and text[before] in "[{":
            return f"a comma right after '{text[before]}': delete it", pos
    if ch == "'":
        return "single quotes: JSON strings and keys take double quotes (\"…\")", pos
    if ch and ch in _CURLY:
        return f"curly quote {ch}: JSON strings and keys take straight double quotes (\")", pos
    if msg.startswith("Extra data"):
        if ch in "}]":
            return f"an extra '{ch}' after the end of the object: delete it (or an opening bracket is missing)", pos
        return "more text after the end of the JSON object: the file holds one object; delete or merge the rest", pos
    if msg.startswith("Expecting ',' delimiter"):
        before = _prev_nonspace(text, pos)
        leading_zero = before == pos - 1 and text[before] == "0" and (before == 0 or not text[before - 1].isdigit())
        if ch.isdigit() and leading_zero:
            return "a number cannot start with 0: write it without the zero, or in double quotes (\"01\")", before
        if (ch.isalnum() or ch in _CURLY) and before >= 0 and text[before] == '"' and "\n" not in text[before:pos]:
            return ("a double quote inside a string ends it early: write it as \\\" (12\\\" screen), "
                    "or use the inch sign ″"), before
        return "a comma is missing before this: separate members and list items with commas", pos
    if msg.startswith("Expecting ':' delimiter"):
        return "a colon is missing after the key: write \"key\": value", pos
    word = _WORD.match(text, pos)
    if msg.startswith("Expecting property name") and word:
        return f"the key {word.group()} needs double quotes: \"{word.group()}\"", pos
    if msg.startswith("Expecting value"):
        if word and word.group() in _LITERALS:
            return f"{word.group()} is not JSON: write {_LITERALS[word.group()]}", pos
        if ch in ",}]":
            return "a value is missing here: write a string in double quotes, a number, true, false or null", pos
        if word and (word.group()[0].isalpha() or word.group()[0] == "_"):
            return f"the text {word.group()} needs double quotes: \"{word.group()}\"", pos
        if ch == "." or ch == "+":
            return "a number starts with a digit or -: write 0.5, not .5, and 5, not +5", pos
        return "a value is expected here: a string in double quotes, a number, true, false, null, [...] or {...}", pos
    if msg.startswith("Expecting property name"):
        return "a key in double quotes is expected here: \"name\": value", pos
    return msg, pos
