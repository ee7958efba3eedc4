"""What several reporters share: rule metadata for a code, help links, counts, stable order."""

from __future__ import annotations

from listing_lint import __version__, registry

TOOL_NAME = "listing-lint"
#: Where each rule's documentation lives: docs/rules-reference.md, generated from the rules'
#: docstrings, whose headings ("## LOC003 wrong-language-block") give the anchors.
HELP_URL = "https://github.com/listing-lint/listing-lint/blob/main/docs/rules-reference.md#{anchor}"
INFORMATION_URL = "https://github.com/listing-lint/listing-lint"
SEVERITIES = ("error", "warning", "info")


def version() -> str:
    return __version__


def rule_for(code: str):
    """The registered rule for ``code``, or None (a plugin that is gone, a code from a merged report)."""
    return registry.by_code().get(code)


def help_uri(code: str, name: str = "") -> str:
    anchor = f"{code}-{name}".lower() if name else code.lower()
    return HELP_URL.format(anchor=anchor)


def counts(findings) -> dict[str, int]:
    out = {s: 0 for s in SEVERITIES}
    for f in findings:
        out[str(f.severity)] += 1
    return out


def by_severity(findings) -> list:
    """Errors first, then warnings, then info; output order kept within each level."""
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda f: rank[str(f.severity)])
