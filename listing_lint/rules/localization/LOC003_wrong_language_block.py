"""LOC003 wrong-language-block — a block, title or alt text is in another language than its locale.

What it checks: each paragraph, heading, list item, table cell, caption, ``alt``/``title``
attribute of a detail page, each listing title and each media alt text, judged after brand names,
model codes, units, URLs, ``translate="no"`` and other-``lang`` parts are removed. Under 10
characters: not judged; 10-29: warning; 30 and more: error (thresholds ``langid-min-chars``,
``langid-error-chars``; see docs/langid.md for the measurements). A page that is wholly in
another language is LOC002 instead; text judged Chinese, Japanese or Korean is LOC006. Text marked ``lang="en"`` is not judged as the page's.
A text copied unchanged from the English page, title or alt text says so
(``…: detail/en.html line 18 unchanged``). This is the one finding for such a block: LOC006,
LOC007, LOC009, LOC012, LOC013 and ``--fix`` leave a block judged another language alone.
Names in another script (Latin brand names in a Russian title) do not decide; a phrase of four
or more words left in another language is reported, quoted. A block that is only a name ("Emily
Carter", "Earl Grey": capitalised words as common in the page language as anywhere) is no
language; text copied from the English page that is not English there either ("Quattro
Stagioni") is reported once, on the English page, and not at all when the English page lets it
through as a name or with the same other language ahead ("Onion Browser", Dutch on every page). On a Cyrillic page, a block that is only a
product's or label's name in Latin letters with its model code or letter ("Nutri-Score A",
"Samsung Galaxy Tab A 10.1") is a name; a list of codes with one word left among them ("EMB 53062,
FR 62.448.034 CE, 33 RECOLTANT 522") is no language.
Why: buyers read a half-translated page as careless; untested Spanish pages converted 32 % below
English (Premium handbook).
Fails:
    detail/es.html: <p>This smart plug works with Alexa and Google Home.</p>
Passes:
    detail/es.html: <p>Este enchufe funciona con Alexa y Google Home, Bluetooth 5.3 y Wi-Fi.</p>
"""

from listing_lint.api import Severity
from listing_lint.l10n.pages import language_name
from listing_lint.l10n.verdicts import other_language

CODE, NAME, SEVERITY = "LOC003", "wrong-language-block", Severity.ERROR
SOURCE = "docs/langid.md"


def check(bundle, ctx):
    error_from = ctx.threshold("langid-error-chars")
    for block in other_language(bundle, ctx).blocks:
        item, v = block.item, block.verdict
        hint = "translate it" if item.page is None else f"translate it, or mark a deliberate quotation lang=\"{v.lang}\""
        if block.whole:
            severity = Severity.ERROR if len(block.judged.text) >= error_from else Severity.WARNING
            copied = f": {block.copy_of} unchanged; " if block.copy_of else ": "
            message = f"{item.where} is {language_name(v.lang)} ({v.confidence:.2f}), locale is {item.locale}{copied}{hint}"
        else:  # a leftover phrase inside text in the page's language (the judge quotes it)
            severity = Severity.ERROR if len(v.phrase) >= error_from else Severity.WARNING
            message = (f"{item.where} has {language_name(v.lang)} left in it: \"{_quoted(v.phrase)}\" "
                       f"({v.confidence:.2f}), locale is {item.locale}: {hint}")
        yield ctx.finding(item.at, message, severity=severity)


def _quoted(phrase: str, limit: int = 60) -> str:
    return phrase if len(phrase) <= limit else phrase[:limit - 1].rstrip() + "…"
