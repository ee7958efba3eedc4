"""The finding: the one record every rule yields and every reporter reads."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= fail_on`` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r}; use error, warning or info") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Span:
    """Where a finding points: a display path and 1-based positions (``None`` where a file has no lines)."""

    path: str
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None


@dataclass(frozen=True)
class TextEdit:
    """Replace ``text[start:end]`` of a UTF-8 text file with ``new`` (offsets in characters)."""

    file: str  # absolute path of the file to edit
    start: int
    end: int
    new: str


@dataclass(frozen=True)
class Fix:
    """A safe, mechanical fix a rule offers; ``--fix`` applies the edits."""

    description: str
    edits: tuple[TextEdit, ...] = ()
    #: each edit mends a mark of its own (a page's typing habit, one finding): ``--fix`` counts the
    #: edits it applied, not the fix; else the edits are one change (counted once)
    per_edit: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"description": self.description}


@dataclass(frozen=True, order=False)
class Finding:
    code: str
    severity: Severity
    message: str
    path: str
    line: int | None
    column: int | None
    end_line: int | None
    end_column: int | None
    bundle: str | None
    rule: str
    source: str | None = None
    fix: Fix | None = None
    #: what the finding points at, independent of line numbers (baselines, fingerprints)
    anchor: str = field(default="", compare=False)

    @classmethod
    def at(cls, span: Span, **fields: Any) -> Finding:
        """A finding at ``span`` (its path and positions), with the other fields given."""
        return cls(path=span.path, line=span.line, column=span.column, end_line=span.end_line,
                   end_column=span.end_column, **fields)

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line or 0, self.column or 0, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "bundle": self.bundle,
            "rule": self.rule,
            "source": self.source,
            "fix": self.fix.to_dict() if self.fix else None,
        }


def sort_findings(findings) -> list[Finding]:
    return sorted(findings, key=lambda f: f.sort_key)
