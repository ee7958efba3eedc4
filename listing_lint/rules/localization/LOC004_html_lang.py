"""LOC004 html-lang — ``<html lang>`` missing, misspelt, or not the page's locale.

What it checks: a full HTML document (fragments are skipped) declares ``<html lang>`` with the
language of the locale it is listed under, in BCP 47 spelling (``es-ES``, not ``es_ES``).
Safe fix (``--fix``): add or correct the attribute. A page judged wholly another language
(LOC002) is not fixed, and its ``lang`` is not reported when it names the language the page is
really in (the English page in the Spanish slot still saying ``lang="en"``: one root cause).
Why: browsers, screen readers and translation tools take the page language from ``<html lang>``;
a copied page that still says ``lang="en"`` is read aloud with English rules and offered for
translation into the language it is already in.
Fails:
    detail/es.html = <html lang="en"><body><p>Este enchufe inteligente mide cuánta energía consumen tus aparatos.</p></body></html>
Passes:
    detail/es.html = <html lang="es-ES"><body><p>Este enchufe inteligente mide cuánta energía consumen tus aparatos.</p></body></html>
"""

import re

from listing_lint.api import Fix, Severity
from listing_lint.bundle.model import base_language, normalize_locale
from listing_lint.finding import TextEdit
from listing_lint.l10n.verdicts import other_language

CODE, NAME, SEVERITY = "LOC004", "html-lang", Severity.WARNING
SOURCE = "https://www.w3.org/International/questions/qa-html-language-declarations"

#: a language tag as BCP 47 writes it (language, then subtags of letters and digits): the only
#: thing ``--fix`` writes into the attribute, so a detail_pages key can never inject markup
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_NAME = re.compile(r"[^\s/>=\"'<]+")
_SPACE = re.compile(r"\s*")
_UNQUOTED = re.compile(r"[^\s>]*")


def _html_start_tag(text: str) -> int | None:
    """Offset of the document's real ``<html`` start tag: the first tag outside comments, doctype
    and processing instructions. None when another element comes first (``<html>`` is then implied)."""
    i = 0
    while True:
        i = text.find("<", i)
        if i < 0:
            return None
        if text.startswith("<!--", i):
            end = text.find("-->", i + 4)
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


def _attributes(text: str, start: int) -> tuple[list[tuple[str, int, int, bool]], int] | None:
    """(attributes as (lower-case name, value start, value end, has a value), offset after the
    name ``<html``) of the start tag at ``start``; None if the tag never closes."""
    i = start + len("<html")
    after_name = i
    attrs: list[tuple[str, int, int, bool]] = []
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


def _fix(page, locale: str) -> Fix | None:
    """Edits that set ``<html lang>`` to the locale, for pages stored as their own file.

    The edit goes where the parser found the element: the first start tag outside comments (a
    ``<html lang="en">`` in a comment above it is not it), on the line the parser reports, its
    attributes tokenized (a ``lang=`` inside another attribute's value is not it). Only a valid
    language tag is written; anything else gets the finding without a fix.
    """
    if page.file is None or not page.text or not LANGUAGE_TAG.fullmatch(locale):
        return None
    text = page.text
    start = _html_start_tag(text)
    if start is None or text.count("\n", 0, start) + 1 != page.root.sourceline:
        return None
    parsed = _attributes(text, start)
    if parsed is None:
        return None
    attrs, after_name = parsed
    langs = [a for a in attrs if a[0] == "lang"]
    path = str(page.file.path)
    if not langs:
        return Fix(f'add lang="{locale}" to <html>', (TextEdit(path, after_name, after_name, f' lang="{locale}"'),))
    _, value_start, value_end, has_value = langs[0]  # the parser keeps the first of repeated attributes
    if not has_value:
        return Fix(f'set <html lang="{locale}">', (TextEdit(path, value_start, value_end, f'="{locale}"'),))
    return Fix(f'set <html lang="{locale}">', (TextEdit(path, value_start, value_end, locale),))


def _problem(page) -> tuple[str, str] | None:
    """(message, locale the fix writes), or None when ``<html lang>`` is right."""
    locale, declared = page.locale, page.html_lang
    if declared is None or not declared.strip():
        return f"<html> has no lang; add lang=\"{locale}\"", locale
    if base_language(declared) != base_language(locale):
        return f"<html lang=\"{declared}\"> on the {locale} page; set lang=\"{locale}\"", locale
    if "_" in declared or normalize_locale(declared) != declared.strip():
        good = normalize_locale(declared)
        return f"<html lang=\"{declared}\"> is not BCP 47 spelling; write lang=\"{good}\"", good
    return None


def check(bundle, ctx):
    for page in bundle.locale_pages.values():
        if page.is_fragment or page.root is None or page.root.tag != "html":
            continue
        problem = _problem(page)
        if problem is None:
            continue
        message, good = problem
        foreign = other_language(bundle, ctx).page(page)
        if foreign is None:
            yield ctx.finding(page.span(page.root), message, fix=_fix(page, good))
        elif base_language(page.html_lang or "") != foreign.lang:
            yield ctx.finding(page.span(page.root), message)  # no fix: the page's text is not yet its locale's
