"""Inline suppression: HTML comments in detail pages and ``lint.ignore`` in listing.json.

``<!-- listing-lint: disable=LOC004 -->`` ... ``<!-- listing-lint: enable=LOC004 -->``
``<!-- listing-lint: disable-next=LOC005 -->`` (the next line that has content)
``"lint": {"ignore": ["MED001"], "reason": "..."}`` (the whole bundle)

A suppression that suppressed nothing is LNT001; an unknown code in one is LNT002.
"""

from __future__ import annotations

import bisect
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

#: the comment's body after ``<!--``: matched on one comment at a time (found with str.find), and
#: with no two quantifiers that can take the same characters, so it is linear in the comment
#: (the old whole-page pattern was cubic on an unclosed ``<!-- listing-lint: disable=`` and spaces)
DIRECTIVE = re.compile(r"\s*listing-lint:\s*(?P<verb>disable-next|disable|enable)\s*=", re.I)


@dataclass(frozen=True)
class Directive:
    verb: str  # disable-next | disable | enable (lower case)
    codes: list[str]
    start: int  # offset of ``<!--``
    end: int  # offset just after ``-->``


def directives(text: str) -> list[Directive]:
    """Every suppression comment of a page, in order; one pass over the text."""
    out: list[Directive] = []
    at = text.find("<!--")
    while at >= 0:
        close = text.find("-->", at + 4)
        if close < 0:
            break  # an unclosed comment runs to the end of the page: nothing after it is markup
        m = DIRECTIVE.match(text, at + 4, close)
        if m is not None:
            raw = text[m.end() : close]
            if ">" not in raw:  # ``disable=X>`` is not a directive (as before: codes never hold ``>``)
                out.append(Directive(m.group("verb").lower(), _split_codes(raw), at, close + 3))
        at = text.find("<!--", close + 3)
    return out


@dataclass
class Suppression:
    codes: list[str]
    path: str  # display path of the file it applies to ("" = the whole bundle)
    first: int  # first line covered
    last: int  # last line covered
    at: Span  # where it is written
    used: set[str] = field(default_factory=set)
    known: list[str] = field(init=False)  # the codes that name rules (only they can cover a finding)

    def __post_init__(self) -> None:
        self.known = [c for c in self.codes if is_known(c)]

    def covers(self, finding: Finding, code_matches) -> str | None:
        if self.path and (finding.path != self.path or finding.line is None or not self.first <= finding.line <= self.last):
            return None
        for code in self.known:
            if code_matches(code, finding.code):
                return code
        return None


def _split_codes(raw: str) -> list[str]:
    """The codes of a comment, each once, in order (a comment may repeat a code thousands of times)."""
    return list(dict.fromkeys(c for c in re.split(r"[\s,]+", raw.strip()) if c))


_TABLES: tuple = ((), {}, {})  # (the registry's rules, by code, by name), rebuilt when the registry changes


def _lookup(selector: str) -> Rule | None:
    """``registry.lookup`` with the tables built once, not on every call: a comment may name
    200,000 codes, and building them for each took 17 µs."""
    global _TABLES
    rules = registry.all_rules()
    if _TABLES[0] is not rules:
        _TABLES = (rules, {r.code: r for r in rules}, {r.name: r for r in rules})
    key = selector.strip()
    return _TABLES[1].get(key.upper()) or _TABLES[2].get(key.lower())


def _code_matches(selector: str, code: str) -> bool:
    rule = _lookup(selector)
    if rule is not None:
        return rule.code == code
    return code.startswith(selector.upper())


def is_known(selector: str) -> bool:
    if _lookup(selector) is not None:
        return True
    return bool(_PREFIX.match(selector)) and any(r.code.startswith(selector.upper()) for r in registry.all_rules())


_PREFIX = re.compile(r"[A-Za-z]{3}\d{0,3}\Z")  # the cheap test first: most junk fails it


def page_suppressions(bundle: Bundle) -> list[Suppression]:
    """The pages' suppression comments (read once per bundle: LNT002 and the engine both ask)."""
    out: list[Suppression] = []
    for page in bundle.pages.values():
        if page.file is None or not page.text or "listing-lint" not in page.text:
            continue
        lines = page.file.lines
        next_content = _next_content_line(lines)
        open_ranges: dict[str, Suppression] = {}
        for d in directives(page.text):
            line, col = lines.position(d.start)
            end_line, end_col = lines.position(d.end)
            at = Span(page.display, line, col, end_line, end_col)
            if d.verb == "disable-next":
                out.append(Suppression(d.codes, page.display, next_content(end_line + 1), next_content(end_line + 1), at))
            elif d.verb == "disable":
                sup = Suppression(d.codes, page.display, line, lines.line_count, at)
                out.append(sup)
                for code in d.codes:
                    open_ranges[code.upper()] = sup
            else:  # enable closes the range opened for the same code
                for code in d.codes:
                    sup = open_ranges.pop(code.upper(), None)
                    if sup is not None:
                        sup.last = line
    return out


def _next_content_line(lines):
    """``f(n)``: the first line from ``n`` on that has content (past the last line if none).

    Answers are filled in as asked, each blank line at most once: thousands of ``disable-next``
    comments before thousands of blank lines cost one walk over those lines, not one each.
    """
    known: dict[int, int] = {}

    def first_from(n: int) -> int:
        walked = []
        while n <= lines.line_count and n not in known and not lines.line_text(n).strip():
            walked.append(n)
            n += 1
        found = known.get(n, n)
        for w in walked:
            known[w] = found
        return found

    return first_from


def json_suppressions(bundle: Bundle) -> list[Suppression]:
    out = []
    for i, code in enumerate(bundle.list_at("/lint/ignore")):
        if isinstance(code, str):
            out.append(Suppression([code], "", 0, 0, bundle.span(pointer("lint", "ignore", i))))
    return out


def all_suppressions(bundle: Bundle) -> list[Suppression]:
    return json_suppressions(bundle) + page_suppressions(bundle)


class _Coverage:
    """Which findings the suppressions hide, and which of their codes were used, without trying
    every suppression on every finding: a page of 5,000 findings and 4,000 ``disable-next``
    comments made 20 million ``covers`` calls, 12 s (found by the fuzzer, session 12).

    The answers are those of ``Suppression.covers`` tried on each pair: a suppression covers a
    finding when its path and line range hold the finding (or it is the whole bundle's), and the
    code it then uses is the first of its ``known`` codes that matches the finding's code. So per
    suppression and finding code (a bundle's findings have a few dozen codes) the question is
    whether a finding of that code lies in its lines: a bisection on the code's sorted lines on
    that path. A finding is hidden when a merged line range of its path and code holds it.
    """

    def __init__(self, sups: list[Suppression], findings: list[Finding]):
        codes = sorted({f.code for f in findings})
        lines: dict[tuple[str, str], list[int]] = {}
        for f in findings:
            if f.line is not None:
                lines.setdefault((f.path, f.code), []).append(f.line)
        for found in lines.values():
            found.sort()
        ranges: dict[tuple[str, str], list[tuple[int, int]]] = {}
        self.everywhere: set[str] = set()  # codes a whole-bundle suppression hides
        matching: dict[str, list[str]] = {}  # selector -> the findings' codes it matches
        for sup in sups:
            first: dict[str, str] = {}  # finding code -> the first of the suppression's codes matching it
            for selector in sup.known:
                if selector not in matching:
                    matching[selector] = [code for code in codes if _code_matches(selector, code)]
                for code in matching[selector]:
                    first.setdefault(code, selector)
            for code, selector in first.items():
                if not sup.path:
                    self.everywhere.add(code)
                    sup.used.add(selector)  # covers every finding of the code, wherever it is
                    continue
                ranges.setdefault((sup.path, code), []).append((sup.first, sup.last))
                found = lines.get((sup.path, code), ())
                at = bisect.bisect_left(found, sup.first)
                if at < len(found) and found[at] <= sup.last:
                    sup.used.add(selector)
        self.ranges = {key: _merged(spans) for key, spans in ranges.items()}

    def hides(self, finding: Finding) -> bool:
        if finding.code in self.everywhere:
            return True
        spans = self.ranges.get((finding.path, finding.code))
        if not spans or finding.line is None:
            return False
        at = bisect.bisect_right(spans, (finding.line, float("inf"))) - 1
        return at >= 0 and spans[at][0] <= finding.line <= spans[at][1]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Line ranges sorted and joined where they overlap or touch."""
    out: list[tuple[int, int]] = []
    for first, last in sorted(spans):
        if first > last:
            continue
        if out and first <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out


def apply_suppressions(bundle: Bundle, findings: list[Finding], rules: list[Rule], settings: Settings) -> list[Finding]:
    sups = all_suppressions(bundle)
    if not sups:
        return findings
    hidden = _Coverage(sups, findings)
    kept = [f for f in findings if not hidden.hides(f)]
    selected = {r.code for r in rules}
    by_code = registry.by_code()
    as_of = settings.as_of_for(bundle)
    thresholds = settings.thresholds

    def meta(code: str, span: Span, message: str) -> Finding:
        ctx = Context(by_code[code], settings.config, as_of, thresholds, bundle=bundle)
        return ctx.finding(span, message)

    ran: dict[str, bool] = {}  # selector -> it names a rule that ran (asked once per selector, not per comment)
    for sup in sups:
        for code in sup.known:  # unknown codes: LNT002 reports them
            if code not in sup.used and "LNT001" in selected:
                if code not in ran:
                    ran[code] = any(_code_matches(code, c) for c in selected)
                if ran[code]:
                    kept.append(meta("LNT001", sup.at, f"suppression of {code} suppressed nothing; remove it"))
    return kept
