"""``check --diff``: what ``--fix`` would write, as a unified diff that ``git apply`` takes.

The diff is made of bytes, not text: a line is what ends in LF, so a CRLF file's lines keep their
CR, a file whose bytes are not UTF-8 is compared byte by byte, and a last line without LF is
marked ``\\ No newline at end of file`` (the file as ``git diff`` would show it). Paths are
relative to the working directory with git's ``a/`` and ``b/`` prefixes, files in path order.

A path is the repo's text, and it sits in the headers ``git apply`` trusts, so it is quoted as
git quotes it (C-style, other bytes in octal; ``git apply`` unquotes) whenever it holds anything
but printable ASCII: a name with a line break cannot start a header of its own. A ``[`` after
``##`` is quoted too (``\\133``), so no header is a GitHub workflow command.

The lines of the files must stay byte-exact, or the patch would not apply (or apply something
else); they are the repo's text too (ANSI escapes, ``##[set-output …]``). So the exact patch is
written to a file (``--output``) or a pipe, and, where GitHub's runner reads the output
(``GITHUB_ACTIONS=true``) and a line could be read as a command, between ``::stop-commands::``
and the token that resumes them (``git apply`` skips lines outside the diff). A terminal never
gets the raw lines: there the control characters of each line are shown as backslash escapes,
as the text reporter shows them, and stderr says that the shown patch is not the exact one.
"""

from __future__ import annotations

import difflib
import hashlib
import os

from listing_lint.reporters.text import OLD_COMMAND, escape

CONTEXT = 3  # lines of context around a change, as git diff and difflib give by default
NO_NEWLINE = b"\\ No newline at end of file\n"
_C_ESCAPES = {0x07: "a", 0x08: "b", 0x09: "t", 0x0A: "n", 0x0B: "v", 0x0C: "f", 0x0D: "r", 0x22: '"', 0x5C: "\\"}


def quote_path(path: str) -> bytes:
    """``path`` as git writes it in a diff header: as it is when printable ASCII, else in double
    quotes with C escapes and every other byte in octal (``core.quotePath``, git's default)."""
    raw = os.fsencode(path)  # a name that is not UTF-8 keeps its own bytes (surrogateescape)
    command = OLD_COMMAND.encode()
    if all(0x20 <= b < 0x7F and b not in _C_ESCAPES for b in raw) and command not in raw:
        return raw
    out = []
    for i, b in enumerate(raw):
        if b in _C_ESCAPES:
            out.append("\\" + _C_ESCAPES[b])
        elif b < 0x20 or b >= 0x7F or (b == 0x5B and raw[max(0, i - 2) : i] == b"##"):
            out.append(f"\\{b:03o}")
        else:
            out.append(chr(b))
    return ('"' + "".join(out) + '"').encode("ascii")


def _lines(data: bytes) -> list[bytes]:
    """The lines of ``data``, each with its LF; the last without one if the file does not end in LF."""
    parts = data.split(b"\n")
    lines = [part + b"\n" for part in parts[:-1]]
    return lines + [parts[-1]] if parts[-1] else lines


class _Lines(difflib.SequenceMatcher):
    """Lines paired by position when both sides have as many: every fix today edits within lines
    (an attribute, a space, a JSON string), and pairing is linear where matching is not (a page
    of 100,000 like lines: 0.04 s; unfinished after 60 s without it). Any pairing applies."""

    def get_opcodes(self):
        if len(self.a) != len(self.b):
            return super().get_opcodes()
        ops: list[list] = []
        for i, (a, b) in enumerate(zip(self.a, self.b)):
            tag = "equal" if a == b else "replace"
            if ops and ops[-1][0] == tag:
                ops[-1][2] = ops[-1][4] = i + 1
            else:
                ops.append([tag, i, i + 1, i, i + 1])
        return [tuple(op) for op in ops]


def _range(start: int, stop: int) -> str:
    """A hunk's ``start,count`` as unified diffs write it (count 1 left out; an empty range starts a line before)."""
    count = stop - start
    if count == 1:
        return str(start + 1)
    return f"{start + 1 if count else start},{count}"


def _line(mark: bytes, line: bytes) -> bytes:
    return mark + line if line.endswith(b"\n") else mark + line + b"\n" + NO_NEWLINE


def file_diff(shown: str, before: bytes, after: bytes) -> bytes:
    """The diff of one file, headers included (empty when nothing changes)."""
    old, new = _lines(before), _lines(after)
    name = quote_path(shown)
    a, b = _prefixed(b"a/", name), _prefixed(b"b/", name)
    out = [b"diff --git " + a + b" " + b + b"\n", b"--- " + a + b"\n", b"+++ " + b + b"\n"]
    hunks = 0
    for group in _Lines(None, old, new).get_grouped_opcodes(CONTEXT):
        hunks += 1
        (_, i1, _, j1, _), (_, _, i2, _, j2) = group[0], group[-1]
        out.append(f"@@ -{_range(i1, i2)} +{_range(j1, j2)} @@\n".encode("ascii"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out += [_line(b" ", line) for line in old[i1:i2]]
                continue
            out += [_line(b"-", line) for line in old[i1:i2]]
            out += [_line(b"+", line) for line in new[j1:j2]]
    return b"".join(out) if hunks else b""


def _prefixed(prefix: bytes, name: bytes) -> bytes:
    """``a/`` or ``b/`` before a name, inside its quotes when it is quoted (as git writes it)."""
    return b'"' + prefix + name[1:] if name.startswith(b'"') else prefix + name


def make_patch(changes: list[tuple[str, bytes, bytes]]) -> bytes:
    """The patch of ``changes`` (shown path, bytes before, bytes after), in the order given."""
    return b"".join(file_diff(shown, before, after) for shown, before, after in changes)


def _command_like(line: bytes) -> bool:
    """Whether GitHub's runner could read ``line`` as a workflow command (see reporters/text.py)."""
    return OLD_COMMAND.encode() in line or line.lstrip().startswith(b"::")


def for_actions(patch: bytes) -> bytes:
    """The patch with GitHub's workflow commands stopped around it when a line could be one. The
    token that resumes them is the patch's SHA-256: a line that names it would have to hold the
    hash of the patch it is part of, so the patch cannot resume the commands itself."""
    if not any(_command_like(line) for line in _lines(patch)):
        return patch
    token = hashlib.sha256(patch).hexdigest()
    return f"::stop-commands::{token}\n".encode() + patch + f"::{token}::\n".encode()


def for_terminal(patch: bytes) -> tuple[str, int]:
    """(the patch as a terminal may show it, how many lines were escaped): each line's control
    characters, ANSI escapes and undecodable bytes as backslash escapes (tabs kept), so the
    repo's text cannot move the cursor, recolour or retitle the terminal."""
    out, escaped = [], 0
    for line in _lines(patch):
        body = line[:-1] if line.endswith(b"\n") else line
        text = body.decode("utf-8", errors="surrogateescape")
        shown = "\t".join(escape(part) for part in text.split("\t"))
        escaped += shown != text
        out.append(shown + "\n")
    return "".join(out), escaped
