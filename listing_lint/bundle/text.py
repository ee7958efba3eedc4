"""Text blocks of a detail page: what a buyer reads, with the line it starts on.

A block is a paragraph, heading, list item, table cell, caption, or an ``alt``/``title``
attribute. ``script``/``style`` are skipped; ``translate="no"`` removes an element's text from
language judgement; ``lang="xx"`` on an element (or an ancestor) sets the block's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from listing_lint.finding import Span

if TYPE_CHECKING:
    from lxml import etree

    from listing_lint.bundle.html import Page

BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li td th caption figcaption dt dd blockquote summary label".split()
)
SKIP_TAGS = frozenset("script style template noscript".split())
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

    @property
    def anchor(self) -> str:
        return f"{self.kind}:{self.text}"


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _declared_lang(el) -> str | None:
    node = el
    while node is not None:
        lang = node.get("lang") if isinstance(node.tag, str) else None
        if lang:
            return lang.strip().lower().replace("_", "-")
        node = node.getparent()
    return None


def _is_skipped(el) -> bool:
    node = el
    while node is not None:
        if isinstance(node.tag, str) and (node.tag in SKIP_TAGS or node.get("translate", "").lower() == "no"):
            return True
        node = node.getparent()
    return False


def _texts(el, own_lang: str | None) -> tuple[list[str], list[str]]:
    """(all visible text, text in the block's own language) of ``el`` and its inline descendants."""
    visible: list[str] = []
    judged: list[str] = []

    def walk(node, excluded: bool) -> None:
        if node.text:
            visible.append(node.text)
            if not excluded:
                judged.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and child.tag not in SKIP_TAGS and child.tag not in BLOCK_TAGS:
                child_excluded = excluded or child.get("translate", "").lower() == "no"
                child_lang = child.get("lang")
                if child_lang and child_lang.strip().lower().replace("_", "-") != own_lang:
                    child_excluded = True
                walk(child, child_excluded)
            if child.tail:
                visible.append(child.tail)
                if not excluded:
                    judged.append(child.tail)

    walk(el, False)
    return visible, judged


def extract_blocks(page: Page) -> list[Block]:
    blocks: list[Block] = []
    for el in page.elements():
        if el.tag in SKIP_TAGS:
            continue
        for attr in TEXT_ATTRS:
            value = el.get(attr)
            if value and value.strip() and not _is_skipped(el):
                text = _collapse(value)
                blocks.append(Block(page, attr, text, text, el.sourceline or 1, el, _declared_lang(el)))
        if el.tag not in BLOCK_TAGS or _is_skipped(el):
            continue
        lang = _declared_lang(el)
        visible, judged = _texts(el, lang)
        text = _collapse("".join(visible))
        if text:
            blocks.append(Block(page, el.tag, text, _collapse("".join(judged)), el.sourceline or 1, el, lang))
    return blocks
