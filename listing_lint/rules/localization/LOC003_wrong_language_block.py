"""LOC003 wrong-language-block — a block, title or alt text is in another language than its locale.

What it checks: each paragraph, heading, list item, table cell, caption, ``alt``/``title``
attribute of a detail page, each listing title and each media alt text, judged after brand names,
model codes, units, URLs, ``translate="no"`` and other-``lang`` parts are removed. Under 10
characters: not judged; 10-29: warning; 30 and more: error (thresholds ``langid-min-chars``,
``langid-error-chars``; see docs/langid.md for the measurements). A page that is wholly in
another language is LOC002 instead. Text marked ``lang="en"`` is not judged as the page's.
Names in another script (Latin brand names in a Russian title) do not decide; a phrase of four
or more words left in another language is reported, quoted.
Why: buyers read a half-translated page as careless; untested Spanish pages converted 32 % below
English (Premium handbook).
Fails:
    detail/es.html: <p>This smart plug works with Alexa and Google Home.</p>
Passes:
    detail/es.html: <p>Este enchufe funciona con Alexa y Google Home, Bluetooth 5.3 y Wi-Fi.</p>
"""

from listing_lint.api import Severity
from listing_lint.l10n.pages import foreign_pages, judged, language_name

CODE, NAME, SEVERITY = "LOC003", "wrong-language-block", Severity.ERROR
SOURCE = "docs/langid.md"


def check(bundle, ctx):
    foreign = foreign_pages(bundle, ctx)
    error_from = ctx.threshold("langid-error-chars")
    for j in judged(bundle, ctx):
        v = j.verdict
        if v.accepted or not v.lang or (j.item.page is not None and j.item.locale in foreign):
            continue
        severity = Severity.ERROR if len(j.text) >= error_from else Severity.WARNING
        hint = "translate it" if j.item.page is None else f"translate it, or mark a deliberate quotation lang=\"{v.lang}\""
        if v.phrase is not None:
            severity = Severity.ERROR if len(v.phrase) >= error_from else Severity.WARNING
            message = (f"{j.item.where} has {language_name(v.lang)} left in it: \"{_quoted(v.phrase)}\" "
                       f"({v.confidence:.2f}), locale is {j.item.locale}: {hint}")
        else:
            message = f"{j.item.where} is {language_name(v.lang)} ({v.confidence:.2f}), locale is {j.item.locale}: {hint}"
        yield ctx.finding(j.item.at, message, severity=severity)


def _quoted(phrase: str, limit: int = 60) -> str:
    return phrase if len(phrase) <= limit else phrase[:limit - 1].rstrip() + "…"
