"""Parsing a detail page: lxml with entities unresolved and network off; what the parser gave up on.

The page itself (``page.py``) uses this; nothing here knows a bundle or a page.
"""

from __future__ import annotations

import re
from html import unescape
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


_NAME = re.compile(r"[^\s/>=\"'<]+")
_UNQUOTED = re.compile(r"[^\s>]*")

#: (lower-case name, value start, value end, has a value) of one attribute of a start tag
Attribute = tuple[str, int, int, bool]


def first_start_tag(text: str) -> int | None:
    """Offset of the document's first ``<html`` start tag as the HTML tokenizer reads it: the first
    tag outside comments, doctype and processing instructions, each of which ends at its first
    ``>`` (a doctype's "internal subset" ``[...]`` is no HTML syntax: ``<!DOCTYPE html [<!ENTITY x
    "y">]>`` ends at ``"y">``) and a comment at ``-->`` (``<!-->`` and ``<!--->`` are empty
    comments). None when another element comes first (``<html>`` is then implied)."""
    i = 0
    while True:
        i = text.find("<", i)
        if i < 0:
            return None
        if text.startswith("<!--", i):
            end = text.find("-->", i + 2)
            if end < 0:
                return None
            i = end + 3
        elif text.startswith(("<!", "<?", "</"), i):
            end = text.find(">", i)
            if end < 0:
                return None
            i = end + 1
        elif text[i + 1 : i + 5].lower() == "html" and (i + 5 == len(text) or text[i + 5] in " \t\n\r\f/>"):
            return i
        elif i + 1 < len(text) and text[i + 1].isalpha():
            return None  # another element first
        else:
            i += 1


def start_tag_attributes(text: str, start: int) -> tuple[list[Attribute], int] | None:
    """(attributes, offset after the tag name) of the ``<html`` start tag at ``start``; None if
    the tag never closes."""
    i = start + len("<html")
    after_name = i
    attrs: list[Attribute] = []
    while i < len(text):
        i = _SPACE.match(text, i).end()
        if i >= len(text):
            return None
        if text[i] == ">" or text.startswith("/>", i):
            return attrs, after_name
        if text[i] == "/":
            i += 1
            continue
        name = _NAME.match(text, i)
        if name is None:
            i += 1
            continue
        i = _SPACE.match(text, name.end()).end()
        if i < len(text) and text[i] == "=":
            i = _SPACE.match(text, i + 1).end()
            if i < len(text) and text[i] in "\"'":
                close = text.find(text[i], i + 1)
                if close < 0:
                    return None
                attrs.append((name.group().lower(), i + 1, close, True))
                i = close + 1
            else:
                value = _UNQUOTED.match(text, i)
                attrs.append((name.group().lower(), i, value.end(), True))
                i = value.end()
        else:
            attrs.append((name.group().lower(), name.end(), name.end(), False))
    return None


def _misplaced_html_tags(text: str, error_log) -> list[int]:
    """Offsets of the ``<html`` start tags the parser reported as misplaced (it drops them), each
    found on the reported line at or before the reported column. libxml2 logs at most 100 errors
    a parse: the tags past them are not seen (a page needs 100 other errors before them)."""
    misplaced = [e for e in error_log if e.message.endswith("misplaced <html> tag") and e.line]
    if not misplaced:
        return []
    line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
    offsets = []
    for err in misplaced:
        if err.line > len(line_starts):
            continue
        line_start = line_starts[err.line - 1]
        at = text[line_start : line_start + max(err.column, 1) + len("<html")].lower().rfind("<html")
        if at >= 0:
            offsets.append(line_start + at)
    return offsets


def _merge_misplaced_html(text: str, root, error_log) -> None:
    """Give the root the attributes of each misplaced ``<html>`` tag that it lacks, as browsers do
    (HTML's "in body" insertion mode, a start tag named html). libxml2 drops them: a page whose
    doctype has an internal subset, or any text before ``<html lang="es">``, had no ``lang``."""
    for at in _misplaced_html_tags(text, error_log):
        parsed = start_tag_attributes(text, at)
        if parsed is None:
            continue
        for name, start, end, _ in parsed[0]:
            if root.get(name) is None:
                try:
                    root.set(name, unescape(text[start:end]))
                except ValueError:  # a name lxml refuses (it has no use for the rules either)
                    continue


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
    if root is not None and root.tag == "html":  # None: nothing but end tags ("</ul></ul>")
        _merge_misplaced_html(text, root, parser.error_log)
    return root, _limit_problem(parser.error_log)


_SRCSET_GAP = re.compile(r"[\t\n\f\r ,]*")  # ASCII white space and commas before a candidate
_SRCSET_URL = re.compile(r"[^\t\n\f\r ]*")
_SRCSET_STOP = re.compile(r"[,(]")


def srcset_urls(value: str) -> list[str]:
    """The URLs of a ``srcset`` attribute, as the HTML standard's "parse a srcset attribute" reads
    them: a URL runs to ASCII white space (tabs and newlines too) and may hold commas (``data:``
    URLs do), trailing commas end it, and its descriptors run to a comma outside parentheses.
    Splitting on ``","`` then on ``" "`` made ``data:image/png;base64,AAAA 1x`` two URLs and
    ``a.jpg<TAB>1x`` a file named so. Linear: each step is one search forward."""
    urls, at, end = [], 0, len(value)
    while True:
        at = _SRCSET_GAP.match(value, at).end()
        if at >= end:
            return urls
        stop = _SRCSET_URL.match(value, at).end()
        url, at = value[at:stop], stop
        if url.endswith(","):
            url = url.rstrip(",")  # a candidate without descriptors
        else:
            at = _descriptors_end(value, at)
        urls.append(url)


def _descriptors_end(value: str, at: int) -> int:
    """Where a candidate's descriptors end: after the first comma outside parentheses, or the end."""
    while True:
        found = _SRCSET_STOP.search(value, at)
        if found is None:
            return len(value)
        if found.group() == ",":
            return found.end()
        close = value.find(")", found.end())
        if close < 0:
            return len(value)
        at = close + 1
