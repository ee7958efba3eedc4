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


def is_fragment(text: str | None) -> bool:
    """True unless the text starts like a whole document (``<!doctype``/``<html``)."""
    return not is_document(text or "")


def parse(text: str | None) -> tuple[etree._Element | None, DecodeProblem | None]:
    """The tree (``<html>`` root; fragments are wrapped) and what the parser gave up, or (None, None) for no text."""
    if text is None or not text.strip():
        return None, None
    from lxml import etree

    parser = _parser()
    try:
        root = etree.fromstring(text, parser)
    except (etree.LxmlError, ValueError):
        return None, None
    return root, _limit_problem(parser.error_log)
