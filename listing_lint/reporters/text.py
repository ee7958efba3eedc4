"""``--format text``: ``path:line:col: CODE [severity] message``, then a one-line summary."""

from __future__ import annotations

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, RESET = "\033[1m", "\033[0m"


def location(f) -> str:
    if f.line is None:
        return f.path
    return f"{f.path}:{f.line}:{f.column or 1}"


def format_finding(f, color: bool) -> str:
    sev = str(f.severity)
    tag = f"[{sev}]"
    if color:
        return f"{BOLD}{location(f)}{RESET}: {BOLD}{f.code}{RESET} {COLORS[sev]}{tag}{RESET} {f.message}"
    return f"{location(f)}: {f.code} {tag} {f.message}"


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
        + f" in {with_findings} of {plural(total, 'bundle')} ({plural(result.files, 'file')}) in {result.elapsed:.2f} s."
    )
    return line


def is_hint(f) -> bool:
    return f.code.startswith("ABT")


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
            title = f"A/B readiness: {bundle}" if bundle else "A/B readiness"
            out.write(f"\n{BOLD + title + RESET if color else title}\n")
            for f in items:
                out.write("  " + format_finding(f, color) + "\n")
        out.write("\n")
    out.write(summary_line(result) + "\n")
