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
from html import unescape

from listing_lint.api import Fix, Severity
from listing_lint.bundle.html import first_start_tag, start_tag_attributes
from listing_lint.bundle.model import base_language, normalize_locale
from listing_lint.finding import TextEdit
from listing_lint.l10n.verdicts import other_language

CODE, NAME, SEVERITY = "LOC004", "html-lang", Severity.WARNING
SOURCE = "https://www.w3.org/International/questions/qa-html-language-declarations"

#: a language tag as BCP 47 writes it (language, then subtags of letters and digits): the only
#: thing ``--fix`` writes into the attribute, so a detail_pages key can never inject markup
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def _value(text: str, attribute) -> str:
    """An attribute's value as the parser gives it (entities replaced; "" when it has none)."""
    _, start, end, _ = attribute
    return unescape(text[start:end])


def _html_tag(page) -> tuple[int, list, int] | None:
    """(offset, attributes, offset after the name) of the ``<html`` start tag the root's ``lang``
    is read from, in a page stored as its own file: the first start tag outside comments, on the
    line the parser reports (a ``<html lang="en">`` in a comment above it is not it), or, when the
    parser implied the root (text before it: the rest of a doctype's internal subset), the one
    whose attributes it took. Its attributes tokenized: a ``lang=`` inside another value is not it."""
    if page.file is None or not page.text:
        return None
    text = page.text
    start = first_start_tag(text)
    if start is None:
        return None
    parsed = start_tag_attributes(text, start)
    if parsed is None:
        return None
    attrs, after_name = parsed
    line, root = text.count("\n", 0, start) + 1, page.root
    if line == root.sourceline:
        return start, attrs, after_name
    if root.sourceline < line and all(root.get(a[0]) == _value(text, a) for a in attrs):
        return start, attrs, after_name  # the implied root took this tag's attributes
    return None


def _fix(page, tag, locale: str) -> Fix | None:
    """Edits that set ``<html lang>`` to the locale, in the tag ``_html_tag`` found. Only a valid
    language tag is written; anything else gets the finding without a fix."""
    if tag is None or not LANGUAGE_TAG.fullmatch(locale):
        return None
    _, attrs, after_name = tag
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
        tag = _html_tag(page)
        # on the tag itself, also when the parser implied the root on an earlier line
        span = page.span(page.root) if tag is None else page.offset_span(tag[0], tag[0])
        foreign = other_language(bundle, ctx).page(page)
        if foreign is None:
            yield ctx.finding(span, message, fix=_fix(page, tag, good))
        elif base_language(page.html_lang or "") != foreign.lang:
            yield ctx.finding(span, message)  # no fix: the page's text is not yet its locale's
