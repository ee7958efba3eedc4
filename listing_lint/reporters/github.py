"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

GitHub shows at most 10 annotations of each level (error, warning, notice) per step, so errors
come first, then warnings, then notices, and a closing summary line counts what was not shown
as an annotation (every finding is still in the log). Chosen automatically when
``GITHUB_ACTIONS=true`` and no format was asked for (as yamllint does).
"""

from __future__ import annotations

from listing_lint.reporters._common import by_severity, counts
from listing_lint.reporters.text import escape, plural

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
#: Annotations GitHub renders per level and step (actions/toolkit docs/problem-matchers.md).
SHOWN_PER_LEVEL = 10


def escape_data(text: str) -> str:
    """GitHub's escapes (line breaks as ``%0A``: one command a line), and every other control
    character as the text reporter shows it (``\\x1b``): no raw escape, bell or NUL in the log."""
    if not text.isprintable():
        text = "".join(ch if ch in "\r\n" else escape(ch) for ch in text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(f) -> str:
    props = [f"file={escape_property(f.path)}"]
    if f.line:
        props.append(f"line={f.line}")
        if f.column:
            props.append(f"col={f.column}")
        if f.end_line and f.end_line >= f.line:
            props.append(f"endLine={f.end_line}")
            if f.end_line == f.line and f.end_column and f.column and f.end_column > f.column:
                props.append(f"endColumn={f.end_column}")
    props.append(f"title={escape_property(f'{f.code} {f.rule}')}")
    return f"::{LEVELS[str(f.severity)]} {','.join(props)}::{escape_data(f.message)}"


def summary(findings) -> str:
    n = counts(findings)
    line = f"listing-lint: {plural(n['error'], 'error')}, {plural(n['warning'], 'warning')}, {n['info']} info"
    hidden = {level: max(0, count - SHOWN_PER_LEVEL) for level, count in n.items()}
    if any(hidden.values()):
        parts = [plural(count, level) if level != "info" else f"{count} info" for level, count in hidden.items() if count]
        verb = "appears" if sum(hidden.values()) == 1 else "appear"
        line += (
            f"; GitHub annotates only the first {SHOWN_PER_LEVEL} of each level per step, "
            f"so {', '.join(parts)} {verb} only in this log (or upload SARIF for all of them)"
        )
    return line + "."


def report(result, out, color: bool = False) -> None:
    for f in by_severity(result.findings):
        out.write(command(f) + "\n")
    out.write(summary(result.findings) + "\n")
