"""LOC007 untranslated-copy — a short block copied verbatim from the English page into another locale.

What it checks: every block of a non-English page whose text is identical to a block of the
English page and too short for LOC003 to judge (under ``langid-min-chars`` once brand names,
model codes, units and URLs are removed), when the copy still has two words and 6 characters
("Power on", "Free gift") and the language detector does not accept it as the page's language.
Ignored: blocks that are only numbers, names, codes or units ("USB-C", "Bluetooth 5.3",
"PowerCore X1") or a list of codes with one word among them ("FR 62.448.034 CE, 33 RECOLTANT 522"), words spelt the same in both languages ("Mode Eco"), and blocks LOC003 or
LOC002 already report (a longer copy is LOC003's, whose message says it is the English text
unchanged: one finding per block).
Why: an untranslated block is the most common leftover of a partial translation, and an identical
copy is certain evidence even where the block is too short for language detection.
Fails:
    detail/en.html: <table><tr><td>Power on</td><td>3680 W</td></tr></table>
    detail/fr.html: <table><tr><td>Power on</td><td>3680 W</td></tr></table>
Passes:
    detail/en.html: <table><tr><td>USB-C</td></tr></table>
    detail/fr.html: <table><tr><td>USB-C</td></tr></table>
"""

from listing_lint.api import Severity
from listing_lint.bundle.model import base_language
from listing_lint.l10n.neutral import codes_with_a_word
from listing_lint.l10n.pages import english_page, judged_text, keep_terms, page_texts
from listing_lint.l10n.verdicts import LOREM, other_language

CODE, NAME, SEVERITY = "LOC007", "untranslated-copy", Severity.WARNING

#: shortest copy (after removing names, codes and units) reported; two words are needed as well
MIN_CHARS = 6


def check(bundle, ctx):
    from listing_lint.langid.judge import get_judge

    english = english_page(bundle)
    if english is None:
        return
    source = {}
    for item in page_texts(english):
        source.setdefault(item.text, item)
    terms = keep_terms(bundle, ctx)
    judge = None
    for page in bundle.locale_pages.values():
        lang = base_language(page.locale)
        if page is english or lang == "en":
            continue
        for item in page_texts(page):
            original = source.get(item.text)
            if original is None or item.other_language or LOREM.search(item.text):
                continue
            rest = judged_text(item, terms)
            if len(rest) < MIN_CHARS or len(rest.split()) < 2 or codes_with_a_word(item.judged_source, rest):
                continue  # too short, or a list of codes with a word among them (no language either way)
            judge = judge or get_judge(ctx.config.get("language-detector"))
            if judge.judge(rest, lang).accepted or other_language(bundle, ctx).skips(item):
                continue  # the page's language, or reported once by LOC003/LOC002
            line = original.at.line
            yield ctx.finding(item.at, f"{item.where} is the English text of {english.rel} line {line} unchanged; translate it")
