"""``--format gitlab``: GitLab Code Quality JSON (the merge-request widget and the MR diff).

One issue per finding with ``description``, ``check_name``, ``fingerprint`` (stable across runs
and unrelated edits, ``baseline.fingerprints``), ``severity`` and ``location.lines.begin``.
GitLab needs a line, so a finding on a file without lines (an image) points at line 1.
"""

from __future__ import annotations

from listing_lint.baseline import fingerprints
from listing_lint.reporters import jsontext

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def issue(f, fingerprint: str) -> dict:
    lines = {"begin": f.line or 1}
    if f.line and f.end_line and f.end_line >= f.line:
        lines["end"] = f.end_line
    return {
        "type": "issue",
        "check_name": f.code,
        "description": f"{f.code} {f.rule}: {f.message}",
        "categories": ["Style"],
        "fingerprint": fingerprint,
        "severity": SEVERITIES[str(f.severity)],
        "location": {"path": f.path, "lines": lines},
    }


def report(result, out, color: bool = False) -> None:
    findings = result.findings
    jsontext.dump([issue(f, fp) for f, fp in zip(findings, fingerprints(findings))], out)
    out.write("\n")
