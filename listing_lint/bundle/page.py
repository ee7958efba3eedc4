"""A detail page: one locale's page of a bundle, parsed (``html.py``), with positions and text blocks (``text.py``).

The model imports this module, never the other way: a page knows only the little of its bundle
that ``Owner`` names (the manifest its inline pages live in, and spans of JSON pointers).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Iterator, Protocol

from listing_lint.bundle.files import DecodeProblem, SourceFile
from listing_lint.bundle.html import is_fragment, parse, srcset_urls
from listing_lint.bundle.text import Block, extract_blocks
from listing_lint.finding import Span

if TYPE_CHECKING:
    from lxml import etree


#: the attributes by which a page embeds or links a file; ``srcset`` holds several URLs
LINK_ATTRS = (("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"), ("video", "src"),
              ("video", "poster"), ("a", "href"))


class Owner(Protocol):
    """What a page needs of its bundle (``model.Bundle`` is one)."""

    manifest: SourceFile

    def span(self, pointer: str) -> Span: ...


class Page:
    """One locale's detail page: a file in the bundle, or HTML inline in listing.json."""

    def __init__(self, bundle: Owner, locale: str, pointer: str, file: SourceFile | None, inline_html: str | None,
                 parsed_by: Page | None = None):
        self.bundle = bundle
        self.locale = locale
        self.pointer = pointer  # JSON pointer of the page's entry in listing.json
        self.file = file  # None for inline pages
        self.inline_html = inline_html
        self.parsed_by = parsed_by  # an earlier page of the same file, whose tree and positions this one shares

    def __repr__(self) -> str:
        return f"Page({self.locale!r}, {self.rel!r})"

    @property
    def inline(self) -> bool:
        return self.file is None

    @property
    def rel(self) -> str:
        """The page's path inside the bundle (what ``src``/``href`` are relative to)."""
        return self.file.rel if self.file else self.bundle.manifest.rel

    @property
    def display(self) -> str:
        return self.file.display if self.file else self.bundle.manifest.display

    @property
    def text(self) -> str | None:
        return self.inline_html if self.file is None else self.file.text

    @property
    def is_fragment(self) -> bool:
        return is_fragment(self.text)

    @cached_property
    def _parsed(self) -> tuple[etree._Element | None, DecodeProblem | None]:
        return parse(self.text) if self.parsed_by is None else self.parsed_by._parsed

    @property
    def root(self) -> etree._Element | None:
        """The parsed tree (``<html>`` root; fragments are wrapped), or None if the page has no text."""
        return self._parsed[0]

    @property
    def parse_problem(self) -> DecodeProblem | None:
        """Set when the parser gave up part of the page (nesting deeper than libxml2's 256 levels)."""
        return self._parsed[1]

    @property
    def html_lang(self) -> str | None:
        if self.is_fragment or self.root is None:
            return None
        return self.root.get("lang")

    def elements(self, *tags: str) -> Iterator[etree._Element]:
        """Elements of the page in document order (all, or those with the given tag names)."""
        if self.root is None:
            return iter(())
        return (el for el in self.root.iter(*tags) if isinstance(el.tag, str))

    def links(self) -> Iterator[tuple[etree._Element, str, str]]:
        """``(element, attribute, URL)`` for each URL of ``LINK_ATTRS``, by attribute, then in document
        order: one per ``srcset`` candidate, so a picture named only there is referenced and a candidate
        leaving the bundle is seen (they were not)."""
        for tag, attr in LINK_ATTRS:
            for el in self.elements(tag):
                value = el.get(attr)
                if value:
                    for url in srcset_urls(value) if attr == "srcset" else (value,):
                        yield el, attr, url

    @cached_property
    def _by_line(self) -> dict[int, list]:
        """The page's elements by the line their ``<tag`` is on, in document order (file pages)."""
        if self.parsed_by is not None:
            return self.parsed_by._by_line
        by_line: dict[int, list] = {}
        if self.file is None or self.root is None:
            return by_line
        for el in self.root.iter():
            if isinstance(el.tag, str) and el.sourceline is not None:
                by_line.setdefault(el.sourceline, []).append(el)
        return by_line

    def _start(self, element: etree._Element) -> tuple[int, int] | None:
        """Line and column of an element's ``<tag``: matched in document order along its line, each
        line's elements located the first time one of them is asked for (a line's matches depend only
        on that line; locating every line of a page up front was most of the cost of a page's first
        finding: issue 18, session 9). None when it could not be located.

        libxml2 gives an element the line its start tag *ends* on: ``<img src="../../x.png"`` with
        ``alt`` on the next line was reported on that next line, column 1. A line that begins inside a
        start tag gives that tag's start to its first element (``_begun_before``)."""
        line = element.sourceline
        if line is None:
            return None
        starts = self._line_columns.get(line)
        if starts is None:
            starts = self._line_columns[line] = {}
            text = self.file.lines.line_text(line).lower()  # once per line: a page on one line of 40,000 elements was quadratic
            elements = self._by_line.get(line, [])
            begun = self._begun_before(line, elements[0]) if elements else None
            if begun is not None:
                starts[elements[0]] = begun
                elements = elements[1:]
            cursor = 0
            for el in elements:
                at = text.find("<" + el.tag.lower(), cursor)
                if at >= 0:
                    starts[el] = (line, at + 1)
                    cursor = at + 1
        return starts.get(element)

    def _begun_before(self, line: int, element: etree._Element) -> tuple[int, int] | None:
        """Where ``element``'s start tag begins when ``line`` begins inside it: the last ``<`` before
        the line is ``<tag``, still open at the line's start. Searched in place: the stretch before
        one line with elements ends at the previous one's ``<``, so a page is scanned about once,
        whatever its number of lines."""
        text = self.file.lines.text
        start = self.file.lines.offset(line, 1)
        lt = text.rfind("<", 0, start)
        tag = "<" + element.tag.lower()
        end = lt + len(tag)
        if lt < 0 or text[lt:end].lower() != tag or (end < start and not (text[end].isspace() or text[end] == "/")):
            return None  # no tag, another tag, or "<imgx"
        return self.file.lines.position(lt) if _open_at(text, end, start) else None

    @cached_property
    def _line_columns(self) -> dict[int, dict]:
        return {} if self.parsed_by is None else self.parsed_by._line_columns

    def span(self, element: etree._Element | None = None, line: int | None = None) -> Span:
        """Where an element (or a line, or the page itself) is, for a finding."""
        if self.file is None:
            return self.bundle.span(self.pointer)
        if element is not None:
            line, column = self._start(element) or (element.sourceline or 1, 1)
            return Span(self.display, line, column, line, column)
        return Span(self.display, line or 1, 1, line or 1, 1)

    def element_offset(self, element: etree._Element) -> int | None:
        """Offset of the element's ``<tag`` in the page file, when it could be located (file pages)."""
        if self.file is None or self.root is None:
            return None
        start = self._start(element)
        return None if start is None else self.file.lines.offset(*start)

    def offset_span(self, start: int, end: int) -> Span:
        """A span for character offsets into the page text (inline pages: the JSON value)."""
        if self.file is None:
            return self.bundle.span(self.pointer)
        line, col = self.file.lines.position(start)
        end_line, end_col = self.file.lines.position(end)
        return Span(self.display, line, col, end_line, end_col)

    @cached_property
    def blocks(self) -> list[Block]:
        """Text blocks with positions (paragraphs, headings, list items, cells, alt/title); see ``text.py``."""
        return extract_blocks(self)


def _open_at(text: str, begin: int, end: int) -> bool:
    """Whether a start tag whose attributes begin at ``begin`` is still open at ``end``: no ``>``
    between them but inside a quoted value (``title="a > b"``). Each character's next place is
    searched for again only once passed: values full of quotes and ``>`` stay linear."""
    ahead = {c: text.find(c, begin, end) for c in ">\"'"}
    i = begin
    while True:
        for c, at in ahead.items():
            if 0 <= at < i:
                ahead[c] = text.find(c, i, end)
        gt, quote = ahead[">"], min((ahead[c] for c in "\"'" if ahead[c] >= 0), default=-1)
        if quote < 0 or 0 <= gt < quote:
            return gt < 0
        close = text.find(text[quote], quote + 1, end)
        if close < 0:
            return True  # the line begins inside a quoted value
        i = close + 1
