"""Numbers, prices and measures as each locale writes them, with CLDR symbols from Babel.

``parse_number("1 234,50", "fr")`` -> Decimal("1234.50"); U+00A0, U+202F and a plain space are
all accepted as group separators where CLDR's is a space. ``measures(text, locale)`` finds
``20 m``, ``5000 mAh``, ``6.5″`` and normalises them to a base unit; ``prices(text, locale)``
finds ``39,90 €`` and ``$1,234.50``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from listing_lint.l10n.cldr import kept
from listing_lint.textmemo import once_per_text

UNITS_FILE = Path(__file__).resolve().parent.parent / "data" / "units.yaml"
SPACES = "\u00a0\u202f "
#: a number as any of the four locales may write it (validated per locale afterwards)
NUMBER = r"\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
CURRENCIES = {"US$": "USD", "$US": "USD", "$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "USD": "USD",
              "EUR": "EUR", "GBP": "GBP", "RUB": "RUB", "руб.": "RUB", "руб": "RUB"}
MAGNITUDES = {"k": 1000, "K": 1000, "M": 1_000_000}
DIGIT = re.compile(r"\d")  # NUMBER needs one: a text without any has no measure and no price
_CUR = "|".join(re.escape(c) for c in sorted(CURRENCIES, key=len, reverse=True))
#: a sign glued to a letter is no currency before a number: ``$A$1`` is a spreadsheet's absolute
#: cell reference, ``A$1`` or ``C$5`` another dollar than the US one (``US$`` is read whole); a
#: magnitude letter glued to the number scales it (``$15k`` is "15.000 US$" in Spanish)
PRICE = re.compile(
    rf"(?<![^\W\d_])(?P<pre>{_CUR})[\u00a0\u202f ]?(?P<n1>{NUMBER})(?![\d])(?:(?P<mag>[kKM])\b)?|(?<![\w.,])(?P<n2>{NUMBER})[\u00a0\u202f ]?(?P<post>{_CUR})(?!\w)"
)


@lru_cache(maxsize=16)
def symbols(locale: str) -> tuple[str, str]:
    """(decimal symbol, group symbol) of a locale from CLDR through Babel."""
    decimal, group = kept("symbols", locale, lambda: "\x1f".join(_symbols(locale)), _two_symbols).split("\x1f")
    return decimal, group


def _two_symbols(stored: str) -> bool:
    parts = stored.split("\x1f")
    return len(parts) == 2 and all(0 < len(part) <= 4 for part in parts)


def _symbols(locale: str) -> tuple[str, str]:
    from babel.numbers import get_decimal_symbol, get_group_symbol

    tag = locale.replace("-", "_")
    try:
        return get_decimal_symbol(tag), get_group_symbol(tag)
    except Exception:  # noqa: BLE001 - unknown locale: fall back to its language
        base = tag.split("_")[0]
        try:
            return get_decimal_symbol(base), get_group_symbol(base)
        except Exception:  # noqa: BLE001 - not a locale at all (a mangled key like "e&n"): plain symbols
            return ".", ","


@lru_cache(maxsize=64)
def _number_pattern(locale: str) -> re.Pattern:
    dec, grp = symbols(locale)
    group = f"[{SPACES}]" if grp in SPACES else re.escape(grp)
    return re.compile(rf"^(?:\d{{1,3}}(?:{group}\d{{3}})+|\d+)(?:{re.escape(dec)}\d+)?$")


def parse_number(text: str, locale: str) -> Decimal | None:
    """The value of ``text`` written the way ``locale`` writes numbers, else None."""
    if not _number_pattern(locale).match(text):
        return None
    dec, _ = symbols(locale)
    digits = "".join(c for c in text if c.isdigit() or c == dec).replace(dec, ".")
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


#: the other ways a number may have been written, tried in this order when the locale's fails
OTHER_READINGS = ("en", "fr", "es", "ru", "de")


def readings(text: str, locale: str) -> tuple[Decimal, ...]:
    """What ``text`` may mean: the locale's reading alone when it has one, else every other
    locale's distinct reading, English's first (``1.299`` on a French page is 1.299 the English
    way and 1299 the German way; which one the writer meant is not for a fact check to guess)."""
    value = parse_number(text, locale)
    if value is not None:
        return (value,)
    found: list[Decimal] = []
    for guess in OTHER_READINGS:
        other = parse_number(text, guess)
        if other is not None and other not in found:
            found.append(other)
    return tuple(found)


def parse_any(text: str, locale: str) -> Decimal | None:
    """The locale's reading first, then the English one (``2.4 GHz`` on a Spanish page)."""
    value = parse_number(text, locale)
    return value if value is not None else parse_number(text, "en")


@dataclass(frozen=True)
class Measure:
    dimension: str
    value: float  # in the base unit
    raw: str  # as written, e.g. "20 m"
    unit: str
    start: int
    others: tuple[float, ...] = ()  # the number's other readings (``readings``), in the base unit
    low: float | None = None  # the low end of a range ("100-240 V": 100 V, and ``value`` 240 V)


@lru_cache(maxsize=1)
def unit_table() -> tuple[dict[str, tuple[str, float]], frozenset[str]]:
    from listing_lint.thresholds import load_yaml

    data = load_yaml(UNITS_FILE) or {}
    units = {str(k): (str(v[0]), float(v[1])) for k, v in (data.get("units") or {}).items()}
    return units, frozenset(str(u) for u in data.get("imperial") or ())


@lru_cache(maxsize=1)
def unit_rules() -> dict:
    """The rest of ``units.yaml``: inch fractions, feet and inches, bra sizes, units of two
    dimensions (each with its source there)."""
    from listing_lint.thresholds import load_yaml

    return load_yaml(UNITS_FILE) or {}


def also_dimensions(unit: str) -> tuple[str, ...]:
    """The other dimensions ``unit`` may measure ("oz" on a US label is a fluid ounce too)."""
    return tuple(str(d) for d in (unit_rules().get("also_dimensions") or {}).get(unit) or ())


@lru_cache(maxsize=1)
def _measure_pattern() -> re.Pattern:
    units, _ = unit_table()
    body = "|".join(re.escape(u).replace(r"\ ", "[\u00a0\u202f ]") for u in sorted(units, key=len, reverse=True))
    dens = sorted({str(int(d)) for d in unit_rules().get("fraction_denominators") or ()}, key=len, reverse=True)
    # "1/4 in", "2 1/2 in", "1-1/2 in": a fraction before a unit is one number (bounded repeats only)
    number = (rf"(?:(?:(?P<whole>\d{{1,3}})[\u00a0 -])?(?P<num>\d{{1,2}})/(?P<den>{'|'.join(dens)})|(?P<n>{NUMBER}))"
              if dens else rf"(?P<n>{NUMBER})")
    return re.compile(rf"(?<![\w.,]){number}[\u00a0\u202f ]?(?P<u>{body})(?![^\W\d_])")


#: before a measure's number: another number and a range's or an alternative's mark, with the unit
#: or without ("100-240 V", "100 V - 240 V", "de 100 a 240 V", "от 100 до 240 В", "50/60 Hz");
#: matched on the ``_RANGE_REACH`` characters before the number only
_RANGE_BEFORE = re.compile(
    rf"(?<![\w.,])(?P<lo>{NUMBER})(?:[\u00a0\u202f ]?(?P<lu>[^\W\d_][^\W\d_.]{{0,3}}\.?))?[\u00a0\u202f ]{{0,2}}"
    rf"(?P<sep>[-\u2010-\u2014~\u223c/]|(?<![^\W\d_])(?:to|a|à|au|до|hasta)(?![^\W\d_]))[\u00a0\u202f ]{{0,2}}$")
_RANGE_REACH = 32


def _range_before(text: str, start: int, unit: str, locale: str) -> tuple[Decimal, bool, int] | None:
    """(the other number, whether it is an alternative ("50/60 Hz") rather than a range's low end,
    where it starts) when one stands right before the number at ``start`` with ``unit`` or no unit."""
    if start == 0 or text[start - 1] not in "-\u2010\u2011\u2012\u2013\u2014~\u223c/ \u00a0\u202fаoàu":
        return None  # most measures: no mark right before the number
    begin = max(0, start - _RANGE_REACH)
    m = _RANGE_BEFORE.search(text, begin, start)
    if m is None or (m.group("lu") and m.group("lu").rstrip(".") != unit.rstrip(".")):
        return None
    low = parse_any(m.group("lo"), locale)
    return (low, m.group("sep") == "/", m.start()) if low is not None else None


@lru_cache(maxsize=1)
def _feet_inches_pattern() -> re.Pattern | None:
    marks = unit_rules().get("feet_inches") or {}
    feet, inches = "".join(marks.get("feet") or ()), "".join(marks.get("inches") or ())
    if not feet or not inches:
        return None
    return re.compile(rf"(?<![\w.,])(?P<ft>\d{{1,2}})[\u00a0 ]?[{re.escape(feet)}][\u00a0 -]?"
                      rf"(?P<in>\d{{1,2}}(?:[.,]\d{{1,2}})?)[\u00a0 ]?[{re.escape(inches)}](?![^\W\d_])")


@lru_cache(maxsize=1)
def _bra_size_pattern() -> tuple[re.Pattern, int, int] | None:
    sizes = unit_rules().get("bra_sizes") or {}
    cups = sorted({str(c) for key in ("cups", "cyrillic_cups") for c in sizes.get(key) or ()}, key=len, reverse=True)
    if not cups:
        return None
    size = rf"(?P<band>\d{{2,3}})(?P<cup>{'|'.join(cups)})"
    return re.compile(rf"(?<![\w.,]){size}(?![^\W\d_])"), int(sizes.get("band_min", 0)), int(sizes.get("band_max", 0))


def _bra_sizes(text: str) -> list[re.Match]:
    found = _bra_size_pattern()
    if found is None:
        return []
    pattern, low, high = found
    return [m for m in pattern.finditer(text) if low <= int(m.group("band")) <= high]


@lru_cache(maxsize=1)
def _unit_cups() -> frozenset[str]:
    """The cups that are also a unit's symbol: the Latin "A" (ampere), the Cyrillic "А" (ampere)
    and "В" (volt). A size with another cup in the same text ("80B", "85С") makes them sizes."""
    sizes = unit_rules().get("bra_sizes") or {}
    units, _ = unit_table()
    return frozenset(str(c) for key in ("cups", "cyrillic_cups") for c in sizes.get(key) or () if str(c) in units)


#: the letters of ``_unit_cups`` (a text without them has no size that could be read as a unit)
_UNIT_CUP_LETTER = re.compile("[AАВ]")


def bra_size_range(token: str) -> bool:
    """A range of bra sizes ("32A-38C", "70A-85C"): sizes, not a model number."""
    parts = token.split("-")
    return len(parts) > 1 and all(len(_bra_sizes(p)) == 1 and _bra_sizes(p)[0].group() == p for p in parts)


@lru_cache(maxsize=1)
def _years() -> tuple[frozenset[str], tuple[int, int], tuple[int, int]]:
    """(units, plain range, range with a period) of ``years`` in ``units.yaml``."""
    years = unit_rules().get("years") or {}
    plain, dotted = years.get("plain") or (0, -1), years.get("with_period") or (0, -1)
    return frozenset(str(u) for u in years.get("units") or ()), (int(plain[0]), int(plain[1])), (int(dotted[0]), int(dotted[1]))


def _year_units() -> frozenset[str]:
    return _years()[0]


def _a_year(m: re.Match, text: str) -> bool:
    """Whether a number before "г" is a year: four plain digits in the plain range, or in the wider
    range with the period of the abbreviation after it ("в 1869 г.")."""
    number = m.group("n")
    if number is None or len(number) != 4 or not number.isdigit():
        return False  # "2 000 г", "1869,5 г", "1/2 г": grams
    _, (low, high), (dot_low, dot_high) = _years()
    value = int(number)
    return low <= value <= high or (dot_low <= value <= dot_high and text.startswith(".", m.end()))


#: a digit after spaces, where a match ends ("2 in 1": a count, not inches)
_DIGIT_NEXT = re.compile(r"\s*\d")


def _not_a_measure(m: re.Match, value: Decimal, text: str, sizes: frozenset[int]) -> bool:
    """``sizes``: where the text's bra sizes start, when it lists one with a cup other than A."""
    unit = m.group("u")
    if unit in _year_units() and _a_year(m, text):
        return True  # "2024 г.", "в 1869 г." is a year in Russian
    if unit in _unit_cups() and m.start() in sizes and m.group("n") is not None and m.end("n") == m.start("u"):
        return True  # "75A" among "75B", "80C" (or "75А", "80В" among "85С"): a bra size, not 75 amperes
    threads = _thread_pattern()
    if unit in ("in", "inch", "inches") and threads is not None and threads.match(text, m.end()):
        return True  # "1/2 in NPT": a thread's nominal size, no length
    return unit == "in" and _DIGIT_NEXT.match(text, m.end()) is not None  # "2 in 1" (at its end: no copy of the rest)


@lru_cache(maxsize=1)
def _thread_pattern() -> re.Pattern | None:
    """The thread standards' letters after an inch size (``thread_designations`` in ``units.yaml``)."""
    names = unit_rules().get("thread_designations") or []
    if not names:
        return None
    return re.compile(r"[\s\u00a0\u202f-]*(?:%s)(?![^\W\d_])" % "|".join(re.escape(str(n)) for n in names))


def _values(m: re.Match, locale: str) -> tuple[Decimal, ...]:
    """The readings of a measure's number: a fraction's value, else ``readings``; a number grouped
    by a plain space that its locale does not group so ("Pack of 2 500 ml bottles" on an English
    page) may also be a count and then the number: its last group alone is one more reading."""
    if m.group("n") is None:
        whole = Decimal(m.group("whole") or 0)
        return (whole + Decimal(m.group("num")) / Decimal(m.group("den")),)
    number = m.group("n")
    values = readings(number, locale)
    if " " in number and parse_number(number, locale) is None:
        tail = parse_any(number.rsplit(" ", 1)[1], locale)
        if tail is not None and tail not in values:
            values = (*values, tail)
    return values


@lru_cache(maxsize=1)
def _garment_pattern() -> re.Pattern | None:
    words = (unit_rules().get("bra_sizes") or {}).get("garment_words") or {}
    flat = sorted({str(w).casefold() for ws in words.values() for w in ws or ()}, key=len, reverse=True)
    if not flat:
        return None
    body = "|".join(re.escape(w).replace(r"\ ", r"\s") for w in flat)  # "maillot de bain" across a line break too
    return re.compile(rf"(?<![^\W\d_])(?:{body})(?![^\W\d_])", re.IGNORECASE)


def sold_by_cup_size(names) -> bool:
    """Whether a product named by ``names`` (its titles and page headings) is one sold by cup size
    (a bra, a bikini: ``garment_words`` in ``units.yaml``), where a lone "75A" is a size."""
    pattern = _garment_pattern()
    return pattern is not None and any(pattern.search(name) for name in names)


def measures(text: str, locale: str, cup_sizes: bool = False) -> list[Measure]:
    """The measures of ``text``; ``cup_sizes``: the product is sold by cup size (``sold_by_cup_size``),
    so a band glued to the cup A ("75A") is a size unless the text gives volts or watts too."""
    if not DIGIT.search(text):
        return []  # most blocks hold no number at all
    units, _ = unit_table()
    out, taken = [], []
    heights = _feet_inches_pattern()
    if heights is not None and ("'" in text or "\u2032" in text):
        for m in heights.finditer(text):
            inches = parse_any(m.group("in"), locale)
            if inches is None or inches >= 12:
                continue
            value = float(m.group("ft")) * 0.3048 + float(inches) * 0.0254  # exact (1959 agreement)
            out.append(Measure("length", value, m.group(0), "ft", m.start()))
            taken.append((m.start(), m.end()))
    found = _bra_sizes(text) if _UNIT_CUP_LETTER.search(text) else []
    sizes = frozenset(s.start() for s in found) if any(s.group("cup") not in _unit_cups() for s in found) else frozenset()
    lone = frozenset(s.start() for s in found) if cup_sizes and not sizes else frozenset()
    maybe: list[Measure] = []  # lone bra sizes of a product sold by cup size: amperes only beside volts or watts
    ends = [end for _, end in taken]  # the heights' spans, left to right and apart
    for m in _measure_pattern().finditer(text):
        at = bisect_right(ends, m.start())  # the first height ending after the measure starts
        if at < len(taken) and taken[at][0] <= m.start():
            continue  # the inches of "5′9″"
        values = _values(m, locale)
        if not values or _not_a_measure(m, values[0], text, sizes):
            continue
        unit = m.group("u").replace("\u00a0", " ").replace("\u202f", " ")  # "fl\u00a0oz"
        dimension, factor = units[unit]
        measure = Measure(dimension, float(values[0]) * factor, m.group(0), unit, m.start(),
                          tuple(float(v) * factor for v in values[1:]))
        if m.group("n") is not None:
            measure = _with_range(measure, text, m.start(), factor, locale, out)
        (maybe if m.start() in lone and m.group("u") in _unit_cups() and m.end("n") == m.start("u") else out).append(measure)
    if maybe and not _electrical().isdisjoint(x.dimension for x in out):
        out = sorted(out + maybe, key=lambda x: x.start)  # "32A, 230 V": amperes
    return sorted(out, key=lambda x: x.start) if taken else out


def _with_range(measure: Measure, text: str, start: int, factor: float, locale: str, out: list[Measure]) -> Measure:
    """``measure`` as the high end of a range ("100-240 V": 100 to 240 V) or with an alternative
    ("50/60 Hz": 50 or 60 Hz) when another number and a range's mark stand right before it. A power
    supply's "100-240 V AC, 50/60 Hz" is not contradicted by a market's "230 V, 50 Hz" (session 13:
    it was read as 240 V and 60 Hz). The low end written with its unit ("100 V - 240 V") was a
    measure of its own: it is folded in."""
    found = _range_before(text, start, measure.unit, locale)
    if found is None:
        return measure
    low, alternative, begin = found
    low_value = float(low) * factor
    if out and out[-1].dimension == measure.dimension and out[-1].start == begin:
        out.pop()  # "100 V" of "100 V - 240 V"
    raw = text[begin:start] + measure.raw
    if alternative:
        return replace(measure, raw=raw, start=begin, others=(*measure.others, low_value))
    if low_value >= measure.value:
        return measure  # "240-100 V" is no range: leave it as it was read
    return replace(measure, raw=raw, start=begin, low=low_value)


@lru_cache(maxsize=1)
def _electrical() -> frozenset[str]:
    return frozenset(str(d) for d in (unit_rules().get("bra_sizes") or {}).get("electrical") or ())


@lru_cache(maxsize=1)
def _basis_pattern() -> tuple[re.Pattern | None, frozenset[str]]:
    """(the pattern of a nutrition basis, the dimensions a basis scales) from ``units.yaml``."""
    data = unit_rules().get("nutrition_bases") or {}
    per = sorted({str(w) for ws in (data.get("per") or {}).values() for w in ws or ()}, key=len, reverse=True)
    units = sorted({str(u) for u in data.get("per_100") or ()}, key=len, reverse=True)
    serving = sorted({str(w) for ws in (data.get("serving") or {}).values() for w in ws or ()}, key=len, reverse=True)
    if not per or not (units or serving):
        return None, frozenset()

    def words(ws):
        return "|".join(re.escape(w).replace(r"\ ", r"\s") for w in ws)

    phrases = sorted({str(w) for ws in (data.get("serving_phrases") or {}).values() for w in ws or ()}, key=len, reverse=True)
    hundred = rf"(?P<hundred>100[\u00a0\u202f ]?(?:{words(units)}))" if units else "(?!)"
    portion = rf"(?P<serving>(?:{words(serving)}))" if serving else "(?!)"
    lead = "|".join(rf"(?<![^\W\d_]){words([w])}" if w[:1].isalpha() else words([w]) for w in per)  # "kJ/100 g"
    named = rf"|(?<![^\W\d_])(?P<phrase>{words(phrases)})(?![^\W\d_])" if phrases else ""
    header = rf"|^\s{{0,8}}(?P<header>100[\u00a0\u202f ]?(?:{words(units)}))\s{{0,8}}$" if units else ""
    pattern = re.compile(rf"(?:{lead})[\u00a0 ]?(?:[^\W_]{{1,4}}[\u00a0 ])?(?:{hundred}|{portion})(?![^\W\d_]){named}{header}",
                         re.IGNORECASE)
    return pattern, frozenset(str(d) for d in data.get("dimensions") or ())


def nutrition_bases(text: str) -> frozenset[str]:
    """The bases ``text`` gives nutrition or supplement facts on: "100" ("per 100 g", "pour 100 ml",
    "в 100 г", a header cell "100 g"), "serving" ("per serving", "par gélule", "на 1 капсулу",
    "Serving size"), or none."""
    pattern, _ = _basis_pattern()
    if pattern is None:
        return frozenset()
    return frozenset("100" if m.group("hundred") or m.group("header") else "serving" for m in pattern.finditer(text))


def basis_dimensions() -> frozenset[str]:
    """The dimensions a nutrition basis scales (masses and energies of a nutrition table)."""
    return _basis_pattern()[1]


def bundle_measures(cache: dict, text: str, locale: str, cup_sizes: bool = False) -> list[Measure]:
    """``measures(text, locale, cup_sizes)``, found once per bundle for the rules that read the same
    texts (LOC008, LOC013) through the bundle's shared ``ctx.cache``. The list is shared: read it only."""
    return _once_per_bundle(cache, "numbers.measures", text, (text, locale, cup_sizes),
                            lambda: measures(text, locale, cup_sizes))


def bundle_sold_by_cup_size(cache: dict, names) -> bool:
    """``sold_by_cup_size(names())`` once per bundle (``names``: a function giving the product's
    titles and page headings), through the bundle's shared ``ctx.cache``."""
    if "numbers.cup_sizes" not in cache:
        cache["numbers.cup_sizes"] = sold_by_cup_size(names())
    return cache["numbers.cup_sizes"]


def _once_per_bundle(cache: dict, kind: str, text: str, key, compute) -> list:
    """``compute()``, the ``kind`` of numbers in ``text``, kept in the bundle's ``cache`` by ``key``
    (``textmemo``: the language server hands it on to the next keystroke's lint)."""
    if not DIGIT.search(text):
        return []  # most texts: answered faster than the memo is asked (it hashes the whole text)
    return once_per_text(cache, kind, key, compute)


@dataclass(frozen=True)
class Price:
    currency: str  # ISO 4217
    number: str  # as written
    symbol: str
    prefix: bool  # symbol before the number
    raw: str
    start: int
    end: int
    scale: int = 1  # 1000 for ``$15k``, a million for ``$2M``

    def value(self, locale: str) -> Decimal | None:
        value = parse_any(self.number, locale)
        return value if value is None else value * self.scale

    def values(self, locale: str) -> tuple[Decimal, ...]:
        return tuple(v * self.scale for v in readings(self.number, locale))


def prices(text: str) -> list[Price]:
    if not DIGIT.search(text):
        return []
    out = []
    for m in PRICE.finditer(text):
        prefix = m.group("pre") is not None
        symbol = m.group("pre") or m.group("post")
        number = m.group("n1") or m.group("n2")
        scale = MAGNITUDES[m.group("mag")] if m.group("mag") else 1
        out.append(Price(CURRENCIES[symbol], number, symbol, prefix, m.group(0), m.start(), m.end(), scale))
    return out


def bundle_prices(cache: dict, text: str) -> list[Price]:
    """``prices(text)`` once per bundle for the rules that read the same texts (LOC008, LOC009)
    through the bundle's shared ``ctx.cache``. The list is shared: read it only."""
    return _once_per_bundle(cache, "numbers.prices", text, text, lambda: prices(text))


def format_price(value: Decimal, currency: str, locale: str) -> str:
    from babel.numbers import format_currency

    return format_currency(value, currency, locale=locale.replace("-", "_"))


@lru_cache(maxsize=16)
def symbol_first(locale: str) -> bool:
    """Whether CLDR puts the currency sign before the number in this locale."""
    return kept("symbol-first", locale, lambda: "01"[_symbol_first(locale)], lambda v: v in ("0", "1")) == "1"


def _symbol_first(locale: str) -> bool:
    from babel import Locale

    try:
        pattern = Locale.parse(locale.replace("-", "_")).currency_formats["standard"].pattern
    except Exception:  # noqa: BLE001
        return True
    return pattern.split(";")[0].strip().startswith("¤")
