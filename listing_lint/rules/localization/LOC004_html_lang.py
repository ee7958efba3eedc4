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

_HTML_TAG = re.compile(r"<html\b[^>]*>", re.I)
_LANG_ATTR = re.compile(r"""\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def _fix(page, locale: str) -> Fix | None:
    """Edits that set ``<html lang>`` to the locale, for pages stored as their own file."""
    if page.file is None or not page.text:
        return None
    tag = _HTML_TAG.search(page.text)
    if not tag:
        return None
    attr = _LANG_ATTR.search(tag.group())
    path = str(page.file.path)
    if attr is None:
        at = tag.start() + len("<html")
        return Fix(f'add lang="{locale}" to <html>', (TextEdit(path, at, at, f' lang="{locale}"'),))
    group = next(i for i in (1, 2, 3) if attr.group(i) is not None)
    start, end = tag.start() + attr.start(group), tag.start() + attr.end(group)
    return Fix(f'set <html lang="{locale}">', (TextEdit(path, start, end, locale),))


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
    for page in bundle.pages.values():
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
