"""Text blocks of a detail page: what a buyer reads, with the line it starts on.

A block is a paragraph, heading, list item, table cell, caption, or an ``alt``/``title``
attribute; text sitting directly in a container (``<div>Texto<br>más texto</div>``, common in
marketplace descriptions) is a block of its container. ``script``/``style`` are skipped;
``translate="no"`` removes an element's text from language judgement; ``lang="xx"`` on an
element (or an ancestor below ``<html>``) sets the block's language. ``<html lang>`` itself does
not: a page copied with the wrong ``<html lang>`` must still be judged (LOC004 reports the tag).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from listing_lint.finding import Span

if TYPE_CHECKING:
    from lxml import etree


class Page(Protocol):
    """What blocks need of their page (``page.Page`` is one); the page imports this module, not the reverse."""

    locale: str

    @property
    def root(self) -> etree._Element | None: ...

    def span(self, element: etree._Element | None = None, line: int | None = None) -> Span: ...

BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li td th caption figcaption dt dd blockquote summary label legend button option".split()
)
#: elements whose text belongs to the block around them
INLINE_TAGS = frozenset(
    "a abbr b bdi bdo big br cite code data del dfn em font i img ins kbd mark nobr q s samp small span "
    "strike strong sub sup time tt u var wbr".split()
)
SKIP_TAGS = frozenset("script style template noscript head title".split())
TEXT_ATTRS = ("alt", "title")


@dataclass(eq=False)
class Block:
    page: Page
    kind: str  # tag name, or "alt" / "title" for attributes
    text: str  # the whole visible text, whitespace collapsed
    judged_text: str  # the text to judge the language of (translate="no" and other-language parts removed)
    line: int
    element: etree._Element = field(repr=False)
    lang: str | None = None  # explicit lang="xx" in force for this block, if any

    def span(self) -> Span:
        return self.page.span(self.element)

    @cached_property
    def anchor(self) -> str:
        """What a finding here is known by in a baseline: the same string object for every finding
        of the block, so its digest is made once (``api._digest``)."""
        return f"{self.kind}:{self.text}"


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _norm_lang(value: str) -> str:
    return value.strip().lower().replace("_", "-")


def _declared_lang(el) -> str | None:
    """``lang`` in force on ``el`` from the element itself or an ancestor, ``<html>`` excluded."""
    node = el
    while node is not None and node.getparent() is not None:
        lang = node.get("lang") if isinstance(node.tag, str) else None
        if lang and lang.strip():
            return _norm_lang(lang)
        node = node.getparent()
    return None


def _is_skipped(el) -> bool:
    node = el
    while node is not None:
        if isinstance(node.tag, str) and (node.tag in SKIP_TAGS or node.get("translate", "").strip().lower() == "no"):
            return True
        node = node.getparent()
    return False


def _same_language(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.split("-")[0] == b.split("-")[0]


def _texts(el, own_lang: str | None) -> tuple[list[str], list[str]]:
    """(all visible text, text in the block's own language) of ``el`` and its inline descendants."""
    visible: list[str] = []
    judged: list[str] = []

    def add(text: str | None, excluded: bool) -> None:
        if text:
            visible.append(text)
            judged.append(" " if excluded else text)

    def walk(node, excluded: bool) -> None:
        add(node.text, excluded)
        for child in node:
            if isinstance(child.tag, str) and child.tag in INLINE_TAGS:
                if child.tag == "br":
                    add(" ", False)
                child_excluded = excluded or child.get("translate", "").strip().lower() == "no"
                child_lang = child.get("lang")
                if child_lang and not _same_language(_norm_lang(child_lang), own_lang):
                    child_excluded = True
                walk(child, child_excluded)
            elif isinstance(child.tag, str):
                add(" ", False)  # a nested block or container separates words
            add(child.tail, excluded)

    walk(el, False)
    return visible, judged


def _has_own_text(el) -> bool:
    """Text directly inside a container (its own or its inline children's), outside nested blocks."""
    if el.text and el.text.strip():
        return True
    for child in el:
        if child.tail and child.tail.strip():
            return True
        if isinstance(child.tag, str) and child.tag in INLINE_TAGS and child.tag != "br":
            if "".join(child.itertext()).strip():
                return True
    return False


def _is_block(el) -> bool:
    if el.tag in BLOCK_TAGS:
        return True
    if el.tag in INLINE_TAGS or el.tag in SKIP_TAGS or el.tag == "html":
        return False
    return _has_own_text(el)  # div, section, body, font-less containers with loose text


def extract_blocks(page: Page) -> list[Block]:
    """The page's blocks in document order.

    One walk down the tree carries what an element inherits (skipped under ``script``/``style``/
    ``translate="no"``, the ``lang`` in force below ``<html>``), instead of climbing the ancestors
    of every element: a third of the time on real pages.
    """
    root = page.root
    if root is None:
        return []
    page_lang = _norm_lang(page.locale or "") or None
    blocks: list[Block] = []
    stack: list[tuple] = [(root, False, None)]  # (element, skipped, lang in force above it)
    while stack:
        el, skipped, lang = stack.pop()
        tag = el.tag
        # most elements have no attribute: their names once, instead of four lookups (issue 18, session 9)
        names = el.keys()
        if names and el is not root and "lang" in names:  # <html lang> is LOC004's business, not the blocks' language
            own = el.get("lang")
            if own and own.strip():
                lang = _norm_lang(own)
        skipped = skipped or tag in SKIP_TAGS or "translate" in names and el.get("translate", "").strip().lower() == "no"
        if len(el):
            stack.extend((child, skipped, lang) for child in reversed(el) if isinstance(child.tag, str))
        if tag in SKIP_TAGS:
            continue
        if names and not skipped:
            for attr in TEXT_ATTRS:
                value = el.get(attr) if attr in names else None
                if value and value.strip():
                    text = _collapse(value)
                    blocks.append(Block(page, attr, text, text, el.sourceline or 1, el, lang))
        if skipped or not _is_block(el):
            continue
        if not len(el):  # text only, nothing inline to exclude: what ``_texts`` gives, without its walk
            text = _collapse(el.text or "")
            judged = text
        else:
            visible, judged_parts = _texts(el, lang or page_lang)
            text = _collapse("".join(visible))
            judged = _collapse("".join(judged_parts)) if text else ""
        if text:
            blocks.append(Block(page, tag, text, judged, el.sourceline or 1, el, lang))
    return blocks
