"""At most ``max-findings-per-rule`` findings of one rule in one file reach a report.

A listing.json with 50,000 malformed locales gave 50,000 SCH002 lines: a report nobody reads, a
SARIF upload code scanning truncates, an editor's problem list frozen. golangci-lint keeps 50
issues per linter (``max-issues-per-linter``), jshint stops at ``maxerr`` (50), clang at
``-ferror-limit`` (20); ESLint, ruff and yamllint print everything. We keep the first
``limit`` of each (file, rule) in report order and replace the rest by one finding at the first
left out: "… and K more". It has the rule's code, the highest severity of those it stands for
(so the exit code is what it would be), and an anchor of its own, so its fingerprint does not
change as K does.

Applied to what is shown only, after ``--fix`` and the baseline: the cache, fixes and
``--write-baseline`` see every finding, so a baseline written with one limit works with another.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from listing_lint.finding import Finding, sort_findings

KEY = "max-findings-per-rule"
MORE_ANCHOR = "more-not-shown"


def more(first_left_out: Finding, left_out: list[Finding], limit: int) -> Finding:
    """The finding that stands for ``left_out`` (all of one rule, one file), at the first of them."""
    count = len(left_out)
    return replace(
        first_left_out,
        severity=max(f.severity for f in left_out),
        message=(f"… and {count:,} more {first_left_out.code} finding{'s' if count != 1 else ''} in this file, "
                 f"not shown: at most {limit} per rule and file ({KEY}; 0 shows all)"),
        fix=None,
        anchor=MORE_ANCHOR,
    )


def cap(findings: list[Finding], limit: int) -> tuple[list[Finding], int]:
    """(the findings to show, how many were left out); ``findings`` in report order, limit 0: all."""
    if limit <= 0:
        return findings, 0
    totals = Counter((f.path, f.code) for f in findings)
    if all(n <= limit for n in totals.values()):
        return findings, 0
    seen: Counter = Counter()
    kept: list[Finding] = []
    left_out: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        key = (f.path, f.code)
        seen[key] += 1
        if seen[key] <= limit:
            kept.append(f)
        else:
            left_out.setdefault(key, []).append(f)
    kept.extend(more(group[0], group, limit) for group in left_out.values())
    return sort_findings(kept), sum(len(g) for g in left_out.values())


def cap_result(result, limit: int) -> None:
    """Cap ``result.findings`` in place; the number left out goes to ``result.extra["not_shown"]``."""
    result.findings, not_shown = cap(result.findings, limit)
    if not_shown:
        result.extra["not_shown"] = {"count": not_shown, "limit": limit}
