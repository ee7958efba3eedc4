"""The rule API: what a rule module declares, and the context it checks a bundle with.

A rule is one module::

    \"\"\"LOC010 title-length — one-line summary.

    What it checks: ...
    Why: ...
    Fails: ...
    Passes: ...
    \"\"\"
    from listing_lint.api import Severity

    CODE, NAME, SEVERITY = "LOC010", "title-length", Severity.ERROR
    def check(bundle, ctx):
        yield ctx.finding("/title/en", "title has 140 characters; the limit is 128")

    def check_repo(repo, ctx):   # optional: store.json and every bundle at once
        ...

A rule has ``check`` (per bundle), ``check_repo`` (once per run), or both.

``ctx.finding(at, message)`` takes what is wrong — a JSON pointer of listing.json, a page
block, a ``Span``, or anything with a ``span()`` method — and the engine turns it into path,
line and column in one place.
"""

from __future__ import annotations

import hashlib
import inspect
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable, Iterable

from listing_lint.finding import Finding, Fix, Severity, Span
from listing_lint.thresholds import Threshold

if TYPE_CHECKING:
    from listing_lint.bundle.model import Bundle
    from listing_lint.config import Config

__all__ = ["Rule", "Context", "Severity", "Span", "Fix", "Finding", "rule_from_module"]

CODE_PATTERN = re.compile(r"^[A-Z]{2,4}\d{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
DOC_SECTIONS = ("What it checks:", "Why:", "Fails:", "Passes:")
#: the longest message a finding carries: a rule that quotes a value whole (a 3 MB company name)
#: would put megabytes on one line of every output format. The start says what is wrong, the end
#: what to do; the middle gives way.
MAX_MESSAGE_CHARS = 1000


def bounded(message: str) -> str:
    """``message``, or its first and last characters around "…" when over ``MAX_MESSAGE_CHARS``."""
    if len(message) <= MAX_MESSAGE_CHARS:
        return message
    tail = MAX_MESSAGE_CHARS // 3
    return message[: MAX_MESSAGE_CHARS - tail - 1] + "…" + message[-tail:]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    check: Callable[..., Iterable[Finding]] | None
    check_repo: Callable[..., Iterable[Finding]] | None = None
    source: str | None = None  # default source URL/document for findings
    version: str = "1"  # bump when the rule's behaviour changes (cache key)
    judges_refused: bool = False  # runs on a bundle whose schema_version is refused (only SCH005 does)
    module: str = ""
    plugin: str = "listing-lint"
    #: decodes pictures, videos or PDFs (``READS_MEDIA = True``): the language server runs it on save, not per keystroke
    reads_media: bool = False

    @property
    def family(self) -> str:
        return self.code[:3]

    def doc_sections(self) -> dict[str, str]:
        """The docstring split into its sections (``What it checks``, ``Why``, ``Fails``, ``Passes``)."""
        lines: dict[str, list[str]] = {}
        current = None
        for line in self.doc.splitlines()[1:]:
            head = next((s for s in DOC_SECTIONS if line.strip().startswith(s)), None)
            if head:
                current = head[:-1]
                lines[current] = [line.strip()[len(head):].strip()]
            elif current:
                lines[current].append(line.rstrip())
        # blank lines inside a section are kept: they separate a section's examples
        sections = {k: "\n".join(v).strip("\n") for k, v in lines.items()}
        return {k: inspect.cleandoc(v) if "\n" in v else v for k, v in sections.items()}


def rule_from_module(module: ModuleType, plugin: str = "listing-lint") -> Rule:
    doc = inspect.getdoc(module) or ""
    first = doc.splitlines()[0] if doc else ""
    summary = (first.split("—", 1)[1].strip() if "—" in first else first).replace("``", "`")
    code = getattr(module, "CODE")
    if not CODE_PATTERN.match(code):
        raise ValueError(f"{module.__name__}: rule code {code!r} is not like ABC123")
    if not any(hasattr(module, a) for a in ("check", "check_repo", "ENGINE")):
        raise ValueError(f"{module.__name__}: a rule needs check(bundle, ctx) or check_repo(repo, ctx)")
    name = getattr(module, "NAME")
    if not NAME_PATTERN.match(name):
        raise ValueError(f"{module.__name__}: rule name {name!r} is not kebab-case")
    return Rule(
        code=code,
        name=name,
        severity=Severity.parse(getattr(module, "SEVERITY")),
        summary=summary,
        doc=doc,
        check=getattr(module, "check", None),
        check_repo=getattr(module, "check_repo", None),
        source=getattr(module, "SOURCE", None),
        version=str(getattr(module, "VERSION", "1")),
        judges_refused=bool(getattr(module, "JUDGES_REFUSED", False)),
        module=module.__name__,
        plugin=plugin,
        reads_media=bool(getattr(module, "READS_MEDIA", False)),
    )


@lru_cache(maxsize=256)
def _digest(anchor: str) -> str:
    """A finding's anchor as it is stored: made once for the many findings of one block. Each
    hashed its block's whole text before: 20,000 findings in one 1 MB paragraph took 8 s."""
    return hashlib.sha1(anchor.encode("utf-8", "replace")).hexdigest()[:16]


def _anchor_of(at: Any, bundle: Bundle | None) -> str:
    if isinstance(at, str):
        value = bundle.get(at) if bundle is not None else None
        text = value if isinstance(value, str) else repr(value) if not isinstance(value, (dict, list)) else ""
        return f"{at}={text}"
    anchor = getattr(at, "anchor", None)
    if isinstance(anchor, str):
        return anchor
    rel = getattr(at, "rel", None)
    return rel if isinstance(rel, str) else ""


@dataclass
class Context:
    """What a rule checks a bundle with. One per (rule, bundle); cheap to build."""

    rule: Rule
    config: Config
    as_of: date
    thresholds: dict[str, Threshold]
    bundle: Bundle | None = None
    repo: Any = None  # the Repo (store.json and all bundles), for check_repo
    cache: dict[str, Any] = field(default_factory=dict)  # per-run memo shared by all rules

    def threshold(self, key: str) -> Any:
        return self.thresholds[key].value

    def limit(self, key: str) -> Threshold:
        return self.thresholds[key]

    def severity_for(self, confidence: str) -> Severity:
        """Only confirmed facts raise errors; secondary or single-source warn; the rest inform."""
        if confidence == "confirmed":
            return self.rule.severity
        if confidence in ("secondary", "single-source", "configured"):
            return min(self.rule.severity, Severity.WARNING)
        return Severity.INFO

    def locate(self, at: Any) -> Span:
        if isinstance(at, Span):
            return at
        if isinstance(at, str):
            if self.bundle is None:
                raise ValueError("a JSON pointer needs a bundle (use bundle.span or repo.span)")
            return self.bundle.span(at)
        span = getattr(at, "span", None)
        if callable(span):
            return span()
        if isinstance(span, Span):
            return span
        display = getattr(at, "display", None)  # a SourceFile: the whole file
        if isinstance(display, str):
            return Span(display)
        raise TypeError(f"cannot locate {at!r}")

    def finding(
        self,
        at: Any,
        message: str,
        *,
        severity: Severity | None = None,
        source: str | None = None,
        fix: Fix | None = None,
        code: str | None = None,
        bundle: str | None = None,
    ) -> Finding:
        span = self.locate(at)
        anchor = _anchor_of(at, self.bundle)
        return Finding.at(
            span,
            code=code or self.rule.code,
            severity=severity if severity is not None else self.rule.severity,
            message=bounded(message),
            bundle=bundle if bundle is not None else self.bundle.id if self.bundle is not None else None,
            rule=self.rule.name,
            source=source if source is not None else self.rule.source,
            fix=fix,
            anchor=_digest(anchor) if anchor else "",
        )
