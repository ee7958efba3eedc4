"""JSON text for the outputs people also read (json, sarif, gitlab, merged reports, baselines).

``json.dumps(ensure_ascii=False)`` escapes only C0 controls: a repo's C1 controls (``\\x9b`` is CSI
to a terminal), line and paragraph separators and bidirectional overrides (a path that reads
backwards in ``cat report.json``) would reach the stream raw. Every character the text reporter
escapes is written here as JSON's ``\\uXXXX`` instead: the parsed values stay exactly the repo's,
and printable text (Cyrillic, accents, no-break spaces) stays readable.
"""

from __future__ import annotations

import json
import re

from listing_lint.reporters.text import OLD_COMMAND, shown

#: a GitHub workflow command of the older syntax, anywhere in a line (``text.OLD_COMMAND``), written
#: with ``[`` as ``\\u005b``: a JSON report printed in a step's log sets no step output
OLD_COMMAND_JSON = "##\\u005b"
#: runs that may hold a hidden character: everything but printable ASCII and the layout's line breaks
_NON_ASCII = re.compile(r"[^\x20-\x7e\n]+")


def _u(ch: str) -> str:
    code = ord(ch)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _escape_run(match: re.Match) -> str:
    run = match.group()
    if run.isprintable():
        return run
    return "".join(ch if shown(ch) else _u(ch) for ch in run)


def dumps(value, indent: int | None = 2) -> str:
    """``value`` as JSON; outside strings json.dumps writes only printable ASCII and line breaks,
    so what is replaced is always inside a string, where ``\\uXXXX`` means the same character."""
    text = _NON_ASCII.sub(_escape_run, json.dumps(value, ensure_ascii=False, indent=indent))
    return text.replace(OLD_COMMAND, OLD_COMMAND_JSON)  # "##[" is only ever inside a string: the same value


def dump(value, out, indent: int | None = 2) -> None:
    out.write(dumps(value, indent))
