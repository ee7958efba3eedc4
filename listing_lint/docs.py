"""Rule documentation, generated from the rules themselves (``listing-lint rule``, README, docs/rules.md)."""

from __future__ import annotations

from listing_lint import links, registry
from listing_lint.api import Rule


def rule_table(prefix: str = "") -> str:
    """One line per rule (those whose code starts with ``prefix``, e.g. a family: ``LOC``)."""
    rules = [r for r in registry.all_rules() if r.code.startswith(prefix.upper())]
    if not rules:
        return ""
    width = max(len(r.name) for r in rules)
    lines = [f"{r.code}  {r.name:<{width}}  {str(r.severity):<7}  {r.summary}" for r in rules]
    return "\n".join(lines)


def rule_help(rule: Rule, installed: bool = False) -> str:
    """The rule's help text. ``installed``: a ``docs/…`` source is shown with the path of the shipped
    file, so it resolves where the tool runs (``listing-lint rule``); the generated reference, which
    sits beside those docs, keeps the stable name."""
    sections = rule.doc_sections()
    out = [f"{rule.code} {rule.name} ({rule.severity})", "", rule.summary, ""]
    for title in ("What it checks", "Why", "Fails", "Passes"):
        body = sections.get(title, "")
        out.append(f"{title}:")
        out.extend("    " + line if line else "" for line in body.splitlines())
        out.append("")
    if rule.source:
        shipped = links.shipped_doc(rule.source) if installed else None
        out.append(f"Source: {rule.source}" + (f" ({shipped})" if shipped else ""))
    if rule.plugin != "listing-lint":
        out.append(f"Plugin: {rule.plugin}")
    return "\n".join(out).rstrip() + "\n"


def markdown_table() -> str:
    rows = ["| code | name | default | checks |", "|---|---|---|---|"]
    for r in registry.all_rules():
        if r.plugin == "listing-lint":
            summary = r.summary.replace("|", "\\|")
            rows.append(f"| {r.code} | {r.name} | {r.severity} | {summary} |")
    return "\n".join(rows)
