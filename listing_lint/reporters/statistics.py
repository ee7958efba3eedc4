"""``check --statistics``: one line per rule code, its count, severity and name, instead of the
findings (ruff's ``--statistics``), in text or as a JSON list.

It counts what the report would show before ``max-findings-per-rule``: the baseline, ``--select``,
``--ignore`` and suppressions have taken their findings out, and a rule with 5,000 findings in one
file counts 5,000, not the 50 shown and the line that stands for the rest. A code whose findings
differ in severity (a certificate expired, or only expiring soon) shows the highest of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from listing_lint.finding import Severity
from listing_lint.reporters import jsontext
from listing_lint.reporters.text import COLORS, RESET, escape, summary_line


@dataclass(frozen=True)
class Row:
    code: str
    name: str
    severity: Severity
    count: int

    def to_dict(self) -> dict:
        return {"code": self.code, "name": self.name, "severity": str(self.severity), "count": self.count}


def rows(findings) -> list[Row]:
    """One row per code, the most frequent first, then by code."""
    by_code: dict[str, list] = {}
    for f in findings:
        by_code.setdefault(f.code, []).append(f)
    out = [Row(code, fs[0].rule, max(f.severity for f in fs), len(fs)) for code, fs in by_code.items()]
    return sorted(out, key=lambda r: (-r.count, r.code))


def report_text(result, out, color: bool = False) -> None:
    """``  12  LOC003  [error]    wrong-language-block``, counts aligned, then the summary line."""
    table = rows(result.findings)
    width = max((len(str(r.count)) for r in table), default=1)
    code_width = max((len(r.code) for r in table), default=0)
    for r in table:
        tag = f"[{r.severity}]".ljust(len("[warning]"))
        if color:
            tag = COLORS[str(r.severity)] + tag + RESET
        out.write(f"{r.count:>{width}}  {escape(r.code).ljust(code_width)}  {tag}  {escape(r.name)}\n")
    out.write(summary_line(result) + "\n")


def report_json(result, out, color: bool = False) -> None:
    """A JSON list of ``{"code", "name", "severity", "count"}`` in the text's order."""
    jsontext.dump([r.to_dict() for r in rows(result.findings)], out)
    out.write("\n")


REPORTERS = {"text": report_text, "json": report_json}
