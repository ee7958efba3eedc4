"""What several reporters share: rule metadata for a code, help links, counts, stable order."""

from __future__ import annotations

from listing_lint import __version__, links, registry

TOOL_NAME = "listing-lint"
SEVERITIES = ("error", "warning", "info")


def version() -> str:
    return __version__


def rule_for(code: str):
    """The registered rule for ``code``, or None (a plugin that is gone, a code from a merged report)."""
    return registry.by_code().get(code)


def help_uri(code: str, name: str = "") -> str | None:
    """The rule's section of the published reference; None when the distribution names no web docs
    (``links.py``): then the help is ``listing-lint rule CODE`` and the docs shipped with the package."""
    return links.rule_help_url(code, name)


def counts(findings) -> dict[str, int]:
    out = {s: 0 for s in SEVERITIES}
    for f in findings:
        out[str(f.severity)] += 1
    return out


def by_severity(findings) -> list:
    """Errors first, then warnings, then info; output order kept within each level."""
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda f: rank[str(f.severity)])
