"""``--format text``: ``path:line:col: CODE [severity] message``, then a one-line summary."""

from __future__ import annotations

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, RESET = "\033[1m", "\033[0m"


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\", '"': '\\"'}
#: no-break and other in-line spaces (Unicode Zs) are shown as they are: French and Russian
#: messages quote them (``1\u202f234,50\u00a0€``), and they never break a line
_INLINE_SPACES = frozenset("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000")


def shown(ch: str) -> bool:
    """Shown as it is by every reporter: printable, a space, or an in-line space (Unicode Zs)."""
    return ch.isprintable() or ch == " " or ch in _INLINE_SPACES


def _escape_char(ch: str, quote: bool) -> str:
    if ch in _ESCAPES and (quote or ch not in '\\"'):
        return _ESCAPES[ch]
    if shown(ch) or ch in '\\"':
        return ch
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8 in a file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def escape(text: str, quote: bool = False) -> str:
    """One safe line: control characters, line breaks and undecodable bytes as backslash escapes,
    and no GitHub workflow command (``_command_like``).

    A path that needs escaping is shown in double quotes, as git shows such names, so that
    ``path:line:col:`` stays one parseable line; messages are escaped without quotes.
    """
    if (text.isprintable() or all(shown(ch) for ch in text)) and not _command_like(text, quote):  # C tests first
        return text
    body = "".join(_escape_char(ch, quote) for ch in text).replace(OLD_COMMAND, OLD_COMMAND_SHOWN)
    return f'"{body}"' if quote else body


#: GitHub's runner reads every line a step prints (any format, stdout and stderr) as a workflow
#: command when it starts with "::" after white space, or when it holds "##[" anywhere (the older
#: syntax, tried when the first fails: ``##[set-output name=deploy]yes`` sets a step output,
#: ``##[stop-commands]x`` silences the annotations after it); actions/runner ActionCommand.cs,
#: TryParseV2 and TryParse. A file name or a quoted value is the pull request's text.
OLD_COMMAND, OLD_COMMAND_SHOWN = "##[", "##\\x5b"


def _command_like(text: str, quote: bool) -> bool:
    """Whether ``text`` holds the older command syntax, or is a path (the start of a line) that
    starts like a command: such a path is quoted, and the line starts with ``"``."""
    return OLD_COMMAND in text or (quote and text.lstrip().startswith("::"))


def location(f) -> str:
    path = escape(f.path, quote=True)
    if f.line is None:
        return path
    return f"{path}:{f.line}:{f.column or 1}"


def format_finding(f, color: bool) -> str:
    sev = str(f.severity)
    tag = f"[{sev}]"
    message = escape(f.message)
    if color:
        return f"{BOLD}{location(f)}{RESET}: {BOLD}{f.code}{RESET} {COLORS[sev]}{tag}{RESET} {message}"
    return f"{location(f)}: {f.code} {tag} {message}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_line(result) -> str:
    errors = sum(1 for f in result.findings if str(f.severity) == "error")
    warnings = sum(1 for f in result.findings if str(f.severity) == "warning")
    infos = sum(1 for f in result.findings if str(f.severity) == "info")
    with_findings = len({f.bundle for f in result.findings if f.bundle})
    total = len(result.bundles)
    line = (
        f"Found {plural(errors, 'error')}, {plural(warnings, 'warning')}"
        + (f", {infos} info" if infos else "")
        + f" in {with_findings} of {plural(total, 'bundle')} ({plural(result.files, 'file')}) in {result.elapsed:.2f} s"
    )
    return line + _baseline_note(result.extra.get("baseline")) + _not_shown_note(result.extra.get("not_shown")) + "."


def _not_shown_note(not_shown: dict | None) -> str:
    """Findings over ``max-findings-per-rule`` (see flood.py): each file's "… and K more" says where."""
    if not not_shown:
        return ""
    count = not_shown["count"]
    return f" ({count:,} finding{'' if count == 1 else 's'} over {not_shown['limit']} per rule and file not shown)"


def _baseline_note(baseline: dict | None) -> str:
    """Findings a baseline took out of the report: "Found 0 errors" alone would hide 52 just recorded."""
    if not baseline:
        return ""
    if "written" in baseline:
        return f" ({plural(baseline['written'], 'finding')} recorded in the baseline, not shown)"
    if baseline.get("hidden"):
        return f" ({plural(baseline['hidden'], 'finding')} hidden by the baseline)"
    return ""


def is_hint(f) -> bool:
    """A/B-readiness advice; a broken experiment (ABT003/004/006 errors) stays with the errors."""
    return f.code.startswith("ABT") and str(f.severity) != "error"


def report(result, out, color: bool = False) -> None:
    hints = [f for f in result.findings if is_hint(f)]
    for f in result.findings:
        if not is_hint(f):
            out.write(format_finding(f, color) + "\n")
    if hints:
        by_bundle: dict[str, list] = {}
        for f in hints:
            by_bundle.setdefault(f.bundle or "", []).append(f)
        for bundle, items in sorted(by_bundle.items()):
            title = f"A/B readiness: {escape(bundle)}" if bundle else "A/B readiness"
            out.write(f"\n{BOLD + title + RESET if color else title}\n")
            for f in items:
                out.write("  " + format_finding(f, color) + "\n")
        out.write("\n")
    out.write(summary_line(result) + "\n")
