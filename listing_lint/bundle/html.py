"""Parsing a detail page: lxml with entities unresolved and network off; what the parser gave up on.

The page itself (``page.py``) uses this; nothing here knows a bundle or a page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from listing_lint.bundle.files import DecodeProblem

if TYPE_CHECKING:
    from lxml import etree

_SPACE = re.compile(r"\s*")


def is_document(text: str) -> bool:
    """Whether ``text`` is a whole document: ``<!doctype`` or ``<html`` first, after white space,
    an ``<?xml ...?>`` declaration and comments. A walk with ``str.find``, linear in the text
    (the regular expression it replaces backtracked exponentially on repeated ``<!---->``)."""
    at = _SPACE.match(text).end()
    if text.startswith("<?xml", at):
        end = text.find(">", at)
        if end < 0:
            return False
        at = _SPACE.match(text, end + 1).end()
    while text.startswith("<!--", at):
        end = text.find("-->", at + 4)
        if end < 0:
            return False
        at = _SPACE.match(text, end + 3).end()
    head = text[at : at + 9].lower()
    return head.startswith("<!doctype") or head.startswith("<html")


def _parser():
    from lxml import html as lxml_html

    return lxml_html.HTMLParser(
        recover=True,
        no_network=True,
        remove_comments=False,
        remove_pis=True,
        huge_tree=False,
        default_doctype=False,
    )


def _limit_problem(error_log) -> DecodeProblem | None:
    for err in error_log:
        if err.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in err.message:
            return DecodeProblem(
                "page nests elements deeper than 256 levels; the parser stopped here and the rest of the page was not checked",
                err.line or 1,
                max(err.column, 1),
            )
    return None


#: attributes one element may have: libxml2 compares each attribute with the element's earlier
#: ones, so 100,000 on one <div> (1.4 MB) took 104 s in one C call no budget stops; 1,000 take 1 ms
MAX_ATTRIBUTES = 1000
_START_TAG = re.compile(r"<[A-Za-z][^\s/>]*")
_ATTRIBUTE = re.compile(r"""[\s/]*([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")


def _crowded_element(text: str) -> int | None:
    """The offset of the first start tag with more than ``MAX_ATTRIBUTES`` attributes, or None.

    One pass over the tags (a start tag is skipped whole, so a "<" inside a quoted value is not
    taken for another tag), each attribute one regex step that cannot backtrack; a page without
    that many attributes in all is not looked at tag by tag.
    """
    if text.count("=") + text.count(" ") < MAX_ATTRIBUTES:
        return None
    pos = 0
    while True:
        tag = _START_TAG.search(text, pos)
        if tag is None:
            return None
        pos, count = tag.end(), 0
        while True:
            attr = _ATTRIBUTE.match(text, pos)
            if attr is None or attr.end() == pos:
                break
            count += 1
            pos = attr.end()
            if count > MAX_ATTRIBUTES:
                return tag.start()


def _position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def is_fragment(text: str | None) -> bool:
    """True unless the text starts like a whole document (``<!doctype``/``<html``)."""
    return not is_document(text or "")


def parse(text: str | None) -> tuple[etree._Element | None, DecodeProblem | None]:
    """The tree (``<html>`` root; fragments are wrapped) and what the parser gave up, or (None, None) for no text."""
    if text is None or not text.strip():
        return None, None
    from lxml import etree

    crowded = _crowded_element(text)
    if crowded is not None:
        line, column = _position(text, crowded)
        return None, DecodeProblem(f"an element has more than {MAX_ATTRIBUTES:,} attributes; the page was not parsed", line, column)
    parser = _parser()
    try:
        root = etree.fromstring(text, parser)
    except (etree.LxmlError, ValueError):
        return None, None
    return root, _limit_problem(parser.error_log)
