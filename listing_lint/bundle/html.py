"""Parsing a detail page: lxml with entities unresolved and network off; what the parser gave up on.

The page itself (``page.py``) uses this; nothing here knows a bundle or a page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from listing_lint.bundle.files import DecodeProblem

if TYPE_CHECKING:
    from lxml import etree

DOCUMENT = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype|<html)", re.I | re.S)


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
    return not DOCUMENT.match(text or "")


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
