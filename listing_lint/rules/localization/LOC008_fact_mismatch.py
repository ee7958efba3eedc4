"""LOC008 fact-mismatch — a number with a unit, a model number or a price differs across locales.

What it checks: measures (``20 m``, ``5000 mAh``, ``100 W``, ``6.5″``; normalised, so 6.5 inch
equals 16.5 cm), prices (``$39.90`` = ``39,90 US$``) and model numbers (``SP-X1``) of each
locale's page and title, each read the way its locale writes numbers (``1 234,50``, ``1.234,50``,
``1,234.50``; U+202F and U+00A0 groupings), against the English page and title. A number its
locale does not write that way (``1.299 $US`` on a French page) matches any of its readings:
its format is LOC009's to report, and it is not a second finding. A value of the
same kind that the English text does not have, where the English has one the other text lacks,
is reported at the block that says it. Values within 10 % across unit systems (inch/cm) match
(``fact-cross-unit-tolerance``: a translator rounds a converted measure, "30 feet" as "près de
10 mètres"); the same unit in another script (``g`` and ``г``, ``mAh`` and ``мАч``) is the same
number. Read too: ``mg``, ``µg``/``mcg``, ``fl oz``, and ``kJ`` and ``kcal`` (each compared with its
own kind). What a number before a unit may also be is read as such (``data/units.yaml``): an
inch fraction (``1/4 in``), a height in feet and inches (``5′9″``, one length), a bra size among
others (``75A``, ``80B``: no amperes; ``32A-38C`` is no model number) or alone in a listing whose
titles or headings name a bra or swimsuit (unless volts or watts stand beside it), the same typed
with Cyrillic letters (``75А``, ``80В``: no amperes or volts), a Russian
year (``в 1869 г.``, ``2024 г``: no grams), and a number grouped by a plain space on a page whose
locale does not group so (``2 500 ml`` in English: two bottles of 500 ml, or 2,500 ml) matches
either reading. Masses and food energies are not compared between two pages that give nutrition
facts on other bases (per serving against per 100 g).
Why: buyers order by the numbers; a hose that is 20 m in English and 15 m in French is a dispute
and a return waiting to happen, whichever figure is right.
Fails:
    detail/en.html: <p>The 20 m hose reaches every corner of the garden.</p>
    detail/fr.html: <p>Le tuyau de 15 m atteint chaque coin du jardin.</p>
Passes:
    detail/en.html: <p>The 20 m hose reaches every corner of the garden, for $39.90.</p>
    detail/fr.html: <p>Le tuyau de 20 m atteint chaque coin du jardin, pour 39,90 $US.</p>
"""

import re
from dataclasses import dataclass
from typing import Any

from listing_lint.api import Severity
from listing_lint.bundle.model import base_language
from listing_lint.l10n.numbers import (DIGIT, basis_dimensions, bra_size_range, bundle_measures, bundle_prices,
                                      bundle_sold_by_cup_size, nutrition_bases, unit_table)
from listing_lint.l10n.pages import page_texts, product_names, texts
from listing_lint.textmemo import once_per_text

CODE, NAME, SEVERITY = "LOC008", "fact-mismatch", Severity.ERROR

MODEL = re.compile(r"(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)+(?![\w-])")
SAME_UNIT_TOLERANCE = 1e-6  # the same unit: the same number (floating-point noise aside)


@dataclass
class Fact:
    kind: str  # a dimension ("length"), "price:USD" or "model:<shape>"
    value: Any
    raw: str
    unit: str
    at: Any  # Block or JSON pointer
    others: tuple = ()  # other readings of a number its locale does not write that way
    low: float | None = None  # a range's low end ("100-240 V"): any value from it to ``value`` agrees


def _model_shape(code: str) -> str:
    return re.sub(r"\d+", "#", code)


def facts(item, cache: dict, cup_sizes: bool = False) -> list[Fact]:
    """The facts of a text; ``cache`` is the bundle's ``ctx.cache`` (LOC009 and LOC013 read the same
    prices and measures); ``cup_sizes``: the product is sold by cup size ("75A" alone is a size).
    A text's facts are found once (``textmemo``: a keystroke's lint takes the unchanged blocks'
    from the last lint) and placed at the item."""
    text = item.judged_source
    found = once_per_text(cache, "loc008.facts", (text, item.locale, cup_sizes),
                          lambda: _text_facts(text, item.locale, cache, cup_sizes))
    return [Fact(kind, value, raw, unit, item.at, others, low) for kind, value, raw, unit, others, low in found]


def _text_facts(text: str, locale: str, cache: dict, cup_sizes: bool) -> tuple[tuple, ...]:
    """A text's facts as (kind, value, raw, unit, others, low), placed nowhere."""
    if not DIGIT.search(text):
        return ()  # measures, prices and model codes all hold a digit
    out: list[tuple] = []
    for m in bundle_measures(cache, text, locale, cup_sizes):
        out.append((m.dimension, m.value, m.raw, m.unit, m.others, m.low))
    for p in bundle_prices(cache, text):
        values = p.values(locale)
        if values:
            out.append((f"price:{p.currency}", float(values[0]), p.raw, p.symbol, tuple(float(v) for v in values[1:]), None))
    for m in MODEL.finditer(text):
        if bra_size_range(m.group()):
            continue  # "32A-38C" is a range of sizes, written in each market's system ("70A-85C")
        out.append((f"model:{_model_shape(m.group())}", m.group(), m.group(), "", (), None))
    return tuple(out)


def _same(a: Fact, b: Fact, cross_unit: float) -> bool:
    """Whether two facts agree: any reading of one equals any reading of the other (a number
    written another locale's way is LOC009's to report, not a different fact)."""
    if isinstance(a.value, str) or isinstance(b.value, str):
        return a.value == b.value
    tol = SAME_UNIT_TOLERANCE if _same_unit(a.unit, b.unit) else cross_unit
    if a.low is not None or b.low is not None:  # ranges agree when they overlap ("230 V" in "100-240 V")
        a_low, b_low = (a.low if a.low is not None else a.value), (b.low if b.low is not None else b.value)
        return a_low * (1 - tol) <= b.value * (1 + tol) and b_low * (1 - tol) <= a.value * (1 + tol)
    return any(abs(x - y) <= tol * max(abs(x), abs(y), 1e-9) for x in (a.value, *a.others) for y in (b.value, *b.others))


def _same_unit(a: str, b: str) -> bool:
    """The same unit, in any script or spelling ("g" and "г", "mAh" and "мАч", "µg" and "mcg"): no
    conversion to round, so the same number (not the cross-unit tolerance)."""
    if a.lower() == b.lower():
        return True
    units, _ = unit_table()
    return a in units and units.get(a) == units.get(b)


def differences(english: list[Fact], other: list[Fact], cross_unit: float):
    """(English fact, other fact) pairs: same kind, no match on either side, paired in order;
    ``cross_unit``: the ``fact-cross-unit-tolerance`` threshold."""
    for kind in dict.fromkeys(f.kind for f in english):
        ours = [f for f in english if f.kind == kind]
        theirs = [f for f in other if f.kind == kind]
        missing = [f for f in ours if not any(_same(f, g, cross_unit) for g in theirs)]
        extra = [g for g in theirs if not any(_same(f, g, cross_unit) for f in ours)]
        yield from zip(missing, extra)


def _group(items) -> dict[str, list]:
    by_locale: dict[str, list] = {}
    for item in items:
        by_locale.setdefault(item.locale, []).append(item)
    return by_locale


def _facts_of(items, cache: dict, cup_sizes: bool) -> list[Fact]:
    return [f for item in items for f in facts(item, cache, cup_sizes)]


def _bases(items) -> frozenset[str]:
    """The nutrition bases a page names ("100", "serving"): ``nutrition_bases`` of its texts."""
    return frozenset().union(*(nutrition_bases(item.judged_source) for item in items if DIGIT.search(item.judged_source)))


def _other_bases(english: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two pages give nutrition facts on other bases: each names one, none in common."""
    return bool(english) and bool(other) and english.isdisjoint(other)


def check(bundle, ctx):
    cup_sizes = bundle_sold_by_cup_size(ctx.cache, lambda: product_names(bundle))
    pages = {p.locale: page_texts(p) for p in bundle.locale_pages.values()}
    titles = _group(t for t in texts(bundle, pages=False, alts=False))
    for group in (pages, titles):
        english_items = next((items for locale, items in group.items() if base_language(locale) == "en"), None)
        if english_items is None:
            continue
        english = _facts_of(english_items, ctx.cache, cup_sizes)  # once for every other locale (issue 18, session 9)
        if not english:
            continue
        scaled = basis_dimensions()
        nutrition = group is pages and any(f.kind in scaled for f in english)
        english_bases = _bases(english_items) if nutrition else frozenset()
        for locale, items in group.items():
            if base_language(locale) == "en":
                continue
            kept, other = english, _facts_of(items, ctx.cache, cup_sizes)
            if english_bases and _other_bases(english_bases, _bases(items)):
                # per serving against per 100 g: other figures of the same product
                kept, other = [f for f in kept if f.kind not in scaled], [f for f in other if f.kind not in scaled]
            for ours, theirs in differences(kept, other, ctx.threshold("fact-cross-unit-tolerance")):
                yield ctx.finding(
                    theirs.at,
                    f"{theirs.raw} in {locale}, but the English text says {ours.raw}; make the facts agree",
                )
