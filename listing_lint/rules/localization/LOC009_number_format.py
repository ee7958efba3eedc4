"""LOC009 number-format — a price or number written in another locale's format.

What it checks: prices (a currency sign or code next to a number) on every page and title are
written the way the locale writes them in CLDR (through Babel): decimal and group separators,
and the sign before or after the number (``39,90 €`` in es/fr/ru, ``€39.90`` in English). Plain
numbers are checked only when they use both separators (``1,234.50`` on a French page); a lone
``5.3`` or ``2.4 GHz`` is left alone (versions and band names are written that way everywhere).
U+202F, U+00A0 and a plain space are all accepted as group separators where CLDR's is a space.
``$15k`` is fifteen thousand dollars; ``$A$1`` (a spreadsheet cell) and ``SP-1.234,5`` (a model
code) are no price or number; the same price written the same way twice in a block is said once.
Texts and pages judged to be in another language (LOC003, LOC002) are left alone: ``$39.90`` in
an English paragraph of the Spanish page is part of a paragraph to translate.
Why: ``$1,234.50`` reads as one dollar and 234 cents on a French page, where CLDR writes
``1 234,50 $US``.
Fails:
    detail/fr.html: <p>Le prix est de $1,234.50 seulement.</p>
Passes:
    detail/fr.html: <p>Le prix est de 39,90 € seulement.</p>
"""

import re
from bisect import bisect_right

from listing_lint.api import Severity
from listing_lint.l10n.numbers import DIGIT, NUMBER, bundle_prices, format_price, parse_number, symbol_first
from listing_lint.l10n.pages import texts
from listing_lint.l10n.verdicts import other_language
from listing_lint.textmemo import once_per_text

CODE, NAME, SEVERITY = "LOC009", "number-format", Severity.WARNING
SOURCE = "https://cldr.unicode.org/ (number symbols and currency patterns, through Babel)"

#: a number on its own: not part of a word, nor of a model code joined by a hyphen ("SP-1.234,5")
BOTH_SEPARATORS = re.compile(rf"(?<![\w.,])(?<![^\W\d_]-)(?:{NUMBER})(?![\w])")


def _price_problem(price, locale: str) -> str | None:
    value = parse_number(price.number, locale)
    value = value if value is None else value * price.scale
    if value is None:
        other = _price_value(price, locale)
        if other is None:
            return None
        return f"{price.raw} is not how {locale} writes prices; CLDR writes {format_price(other, price.currency, locale)}"
    if price.prefix != symbol_first(locale) and price.symbol not in ("USD", "EUR", "GBP", "RUB"):
        return f"{price.raw}: in {locale} the currency sign goes {'before' if symbol_first(locale) else 'after'} the number ({format_price(value, price.currency, locale)})"
    return None


def _price_value(price, locale: str):
    """What a price its locale does not write that way means: the first of its other readings
    (``numbers.readings``: English's, then French, Spanish, Russian, German) with at most two
    decimals. A price has no third decimal, so ``1.299 ₽`` is one thousand two hundred and
    ninety-nine roubles written the German way, not 1.299 roubles to round to ``1,30 ₽``."""
    values = price.values(locale)
    return next((v for v in values if -v.as_tuple().exponent <= 2), values[0] if values else None)


def _number_problem(number: str, locale: str) -> str | None:
    if not ("." in number and "," in number) or parse_number(number, locale) is not None:
        return None
    return f"{number} is written with another locale's separators; {locale} writes {_suggest(number, locale)}"


def _suggest(number: str, locale: str) -> str:
    from babel.numbers import format_decimal

    for guess in ("en", "es", "de"):
        value = parse_number(number, guess)
        if value is not None:
            return format_decimal(value, locale=locale.replace("-", "_"), decimal_quantization=False)
    return number


def check(bundle, ctx):
    for item in texts(bundle):
        text = item.judged_source
        problems = once_per_text(ctx.cache, "loc009.problems", (text, item.locale), lambda: _problems(ctx.cache, text, item.locale))
        if problems and other_language(bundle, ctx).skips(item):
            continue  # another language's formats: the text is reported once, as that language
        for problem in problems:
            yield ctx.finding(item.at, problem)


def _problems(cache: dict, text: str, locale: str) -> tuple[str, ...]:
    """What is wrong with the prices and numbers of a text as ``locale`` writes them (found once
    per text: ``textmemo``)."""
    if not DIGIT.search(text):
        return ()  # no price and no number (NUMBER starts with a digit): most texts, not searched twice
    problems = []
    starts, ends = [], []  # the prices' spans, left to right and apart (found by one search)
    for price in bundle_prices(cache, text):
        starts.append(price.start)
        ends.append(price.end)
        problem = _price_problem(price, locale)
        if problem:
            problems.append(problem)
    for m in BOTH_SEPARATORS.finditer(text):
        at = bisect_right(starts, m.start()) - 1  # the last price starting at or before the number
        if at >= 0 and m.start() < ends[at]:
            continue  # part of a price: said above (one search, not one per price: a page of
            # 20,000 prices and numbers took 30 s)
        problem = _number_problem(m.group(), locale)
        if problem:
            problems.append(problem)
    return tuple(dict.fromkeys(problems))  # the same price written the same way again is said once
