"""What to write instead of a value the schema rejects, where one reading is plain: a date, a price, a
currency, a list written as one string. Every pattern runs on a short string (at most 40 or 200
characters): a megabyte value gets no hint, in no time."""

from __future__ import annotations

import json
import re
from datetime import date


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_STAMP = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}[^\n]{0,40}")
_DMY = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def date_hint(value: str) -> str:
    """What to write for a date the schema rejects: ``"2026-1-20"`` → "2026-01-20", a time stamp → its
    date, ``"01/02/2026"`` → both readings when both are dates; a day the calendar lacks is named."""
    text = value.strip()
    if len(text) > 40:
        return ""
    if m := _YMD.fullmatch(text):
        y, mo, d = map(int, m.groups())
        if not 1 <= mo <= 12:
            return f": there is no month {mo}; write the year, month and day"
        good = _iso(y, mo, d)
        if good is None:
            return f": {MONTHS[mo - 1]} {y} has no day {d}"
        return f'; write "{good}"' if good != text else ""
    if m := _STAMP.fullmatch(text):
        return f'; write the date alone: "{m[1]}"' if _iso(*map(int, m[1].split("-"))) else ""
    if m := _DMY.fullmatch(text):
        a, b, y = map(int, m.groups())
        first, second = _iso(y, b, a), _iso(y, a, b)  # day first (most of the world), month first (US)
        if first and second and first != second:
            return (f'; write "{first}" if it is {a} {MONTHS[b - 1]}, "{second}" if it is {b} {MONTHS[a - 1]} '
                    "(year-month-day)")
        if first or second:
            return f'; write "{first or second}" (year-month-day)'
    return "; write the year, month and day as digits (year-month-day)"


_MONEY_SIGNS = re.compile(r"^(?:[$€£¥₽]|[A-Z]{3}|US\$)\s*|\s*(?:[$€£¥₽]|[A-Z]{3}|руб\.?)$")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_GROUPED_COMMA = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+")  # "1,244" alone could be 1.244: no hint
_GROUPED_POINT = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+")
_GROUPED_SPACE = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?")
_AMOUNT = re.compile(r"(?=[0-9.]*[1-9])\d{1,15}(?:\.\d+)?")


def amount_hint(value: str) -> str:
    """The amount a price string means, as the format writes it (``"44,90 €"`` → ``"44.90"``), when it
    is plain: a currency sign or code around it, a decimal comma, group separators. Else nothing."""
    text = value.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if len(text) > 40:
        return ""  # no price; and every pattern below runs on a short string
    bare = _MONEY_SIGNS.sub("", text, count=2).strip()
    sign = bare != text
    if _DECIMAL_COMMA.fullmatch(bare):
        bare = bare.replace(",", ".")
    elif _GROUPED_COMMA.fullmatch(bare):
        bare = bare.replace(",", "")
    elif _GROUPED_POINT.fullmatch(bare):
        bare = bare.replace(".", "").replace(",", ".")
    elif _GROUPED_SPACE.fullmatch(bare):
        bare = bare.replace(" ", "").replace(",", ".")
    if bare == text or not _AMOUNT.fullmatch(bare):
        return ""
    return f'; write "{bare}"' + (" (the currency goes in `currency`)" if sign else "")


def list_hint(value, expected) -> str:
    """A list written as one string (``"EU, UK"``) or a lone object where a list goes: what to write."""
    if expected != "array":
        return ""
    if isinstance(value, dict):
        return "; put it in a list: [{…}]"
    if isinstance(value, str) and 0 < len(value) <= 200:
        items = [item.strip() for item in re.split(r"[,;]", value) if item.strip()]
        if items and all(len(item) <= 40 for item in items):
            return f"; write {json.dumps(items, ensure_ascii=False)}"
    return ""


#: currency signs with one currency (not "$": dollars of many countries; named as USD "if US dollars")
CURRENCY_SIGNS = {"€": "EUR", "£": "GBP", "₽": "RUB", "руб": "RUB", "руб.": "RUB", "¥": None, "$": "USD", "US$": "USD"}


def currency_hint(value: str) -> str:
    text = value.strip()
    if len(text) == 3 and text.isascii() and text.isalpha():
        return f'; write "{text.upper()}"'
    if text in CURRENCY_SIGNS and CURRENCY_SIGNS[text]:
        return f'; write "{CURRENCY_SIGNS[text]}"' + (" if it is US dollars" if text == "$" else "")
    return ""
