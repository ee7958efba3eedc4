"""Inline suppression: HTML comments in detail pages and ``lint.ignore`` in listing.json.

``<!-- listing-lint: disable=LOC004 -->`` ... ``<!-- listing-lint: enable=LOC004 -->``
``<!-- listing-lint: disable-next=LOC005 -->`` (the next line that has content)
``"lint": {"ignore": ["MED001"], "reason": "..."}`` (the whole bundle)

A suppression that suppressed nothing is LNT001; an unknown code in one is LNT002.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from listing_lint import registry
from listing_lint.api import Context
from listing_lint.bundle.positions import pointer
from listing_lint.finding import Finding, Span

if TYPE_CHECKING:
    from listing_lint.api import Rule
    from listing_lint.bundle.model import Bundle
    from listing_lint.runtypes import Settings

COMMENT = re.compile(
    r"<!--\s*listing-lint:\s*(?P<verb>disable-next|disable|enable)\s*=\s*(?P<codes>[^>]*?)\s*-->", re.I
)


@dataclass
class Suppression:
    codes: list[str]
    path: str  # display path of the file it applies to ("" = the whole bundle)
    first: int  # first line covered
    last: int  # last line covered
    at: Span  # where it is written
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding, code_matches) -> str | None:
        if self.path and (finding.path != self.path or finding.line is None or not self.first <= finding.line <= self.last):
            return None
        for code in self.codes:
            if code_matches(code, finding.code):
                return code
        return None


def _split_codes(raw: str) -> list[str]:
    return [c for c in re.split(r"[\s,]+", raw.strip()) if c]


def _code_matches(selector: str, code: str) -> bool:
    rule = registry.lookup(selector)
    if rule is not None:
        return rule.code == code
    return code.startswith(selector.upper())


def is_known(selector: str) -> bool:
    if registry.lookup(selector) is not None:
        return True
    return any(r.code.startswith(selector.upper()) for r in registry.all_rules()) and bool(re.match(r"^[A-Za-z]{3}\d{0,3}$", selector))


def page_suppressions(bundle: Bundle) -> list[Suppression]:
    out: list[Suppression] = []
    for page in bundle.pages.values():
        if page.file is None or not page.text or "listing-lint" not in page.text:
            continue
        lines = page.file.lines
        open_ranges: dict[str, Suppression] = {}
        for m in COMMENT.finditer(page.text):
            line, col = lines.position(m.start())
            end_line, end_col = lines.position(m.end())
            at = Span(page.display, line, col, end_line, end_col)
            codes = _split_codes(m.group("codes"))
            verb = m.group("verb").lower()
            if verb == "disable-next":
                target = end_line + 1
                while target <= lines.line_count and not lines.line_text(target).strip():
                    target += 1
                out.append(Suppression(codes, page.display, target, target, at))
            elif verb == "disable":
                sup = Suppression(codes, page.display, line, lines.line_count, at)
                out.append(sup)
                for code in codes:
                    open_ranges[code.upper()] = sup
            else:  # enable closes the range opened for the same code
                for code in codes:
                    sup = open_ranges.pop(code.upper(), None)
                    if sup is not None:
                        sup.last = line
    return out


def json_suppressions(bundle: Bundle) -> list[Suppression]:
    out = []
    for i, code in enumerate(bundle.list_at("/lint/ignore")):
        if isinstance(code, str):
            out.append(Suppression([code], "", 0, 0, bundle.span(pointer("lint", "ignore", i))))
    return out


def all_suppressions(bundle: Bundle) -> list[Suppression]:
    return json_suppressions(bundle) + page_suppressions(bundle)


def apply_suppressions(bundle: Bundle, findings: list[Finding], rules: list[Rule], settings: Settings) -> list[Finding]:
    sups = all_suppressions(bundle)
    if not sups:
        return findings
    kept: list[Finding] = []
    for f in findings:
        hit = None
        for sup in sups:
            code = sup.covers(f, _code_matches)
            if code:
                sup.used.add(code)
                hit = sup
        if hit is None:
            kept.append(f)
    selected = {r.code for r in rules}
    by_code = registry.by_code()
    as_of = settings.as_of_for(bundle)
    thresholds = settings.thresholds

    def meta(code: str, span: Span, message: str) -> Finding:
        ctx = Context(by_code[code], settings.config, as_of, thresholds, bundle=bundle)
        return ctx.finding(span, message)

    for sup in sups:
        for code in sup.codes:
            if not is_known(code):
                continue  # LNT002 reports it
            if code not in sup.used and "LNT001" in selected:
                ran = any(_code_matches(code, c) for c in selected)
                if ran:
                    kept.append(meta("LNT001", sup.at, f"suppression of {code} suppressed nothing; remove it"))
    return kept
