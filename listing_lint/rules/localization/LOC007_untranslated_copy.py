"""LOC007 untranslated-copy — a block copied verbatim from the English page into another locale.

What it checks: every block of a non-English page whose text is identical to a block of the
English page. Ignored: blocks that are only numbers, brand names, model codes, units or URLs
(fewer than two words or 10 characters are left once those are removed, e.g. "USB-C",
"Bluetooth 5.3", "PowerCore X1"), and blocks the language detector accepts as the page's own
language (words spelt the same in both, such as "Dimensions" or "Description").
Why: an untranslated block is the most common leftover of a partial translation, and an identical
copy is certain evidence even where the block is too short for language detection.
Fails:
    detail/en.html: <table><tr><td>Rated power</td><td>3680 W</td></tr></table>
    detail/fr.html: <table><tr><td>Rated power</td><td>3680 W</td></tr></table>
Passes:
    detail/en.html: <table><tr><td>USB-C</td></tr></table>
    detail/fr.html: <table><tr><td>USB-C</td></tr></table>
"""

from listing_lint.api import Severity
from listing_lint.bundle.model import base_language
from listing_lint.l10n.pages import brand_terms, english_page, page_texts
from listing_lint.l10n.neutral import strip_neutral

CODE, NAME, SEVERITY = "LOC007", "untranslated-copy", Severity.WARNING

MIN_CHARS = 10


def check(bundle, ctx):
    from listing_lint.langid.judge import get_judge

    english = english_page(bundle)
    if english is None:
        return
    source = {}
    for item in page_texts(english):
        source.setdefault(item.text, item)
    terms = brand_terms(bundle)
    judge = None
    for page in bundle.pages.values():
        lang = base_language(page.locale)
        if page is english or lang == "en":
            continue
        for item in page_texts(page):
            original = source.get(item.text)
            if original is None or item.other_language:
                continue
            rest = strip_neutral(item.judged_source, terms)
            if len(rest) < MIN_CHARS or len(rest.split()) < 2:
                continue
            judge = judge or get_judge(ctx.config.get("language-detector"))
            if judge.judge(rest, lang).accepted:
                continue
            line = original.at.line
            yield ctx.finding(item.at, f"{item.where} is the English text of {english.rel} line {line} unchanged; translate it")
