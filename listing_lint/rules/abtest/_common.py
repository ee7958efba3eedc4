"""What the ABT rules share: reading experiments defensively, matching locales, the planned split."""

from __future__ import annotations

from datetime import date
from typing import Any

from listing_lint.bundle.model import base_language, normalize_locale

METRIC_LABELS = {"ctr": "CTR", "add_to_cart_rate": "add-to-cart", "conversion_rate": "conversion"}


def experiments(bundle) -> list[tuple[int, dict]]:
    """``(index, experiment)`` for every experiment that is an object."""
    return [(i, exp) for i, exp in enumerate(bundle.list_at("/experiments")) if isinstance(exp, dict)]


def exp_id(exp: dict, index: int) -> str:
    value = exp.get("id")
    return value if isinstance(value, str) and value else f"#{index + 1}"


def locale_of(exp: dict) -> str | None:
    value = exp.get("locale")
    return normalize_locale(value) if isinstance(value, str) and value.strip() else None


def same_locale(a: str, b: str) -> bool:
    """``es`` matches ``es`` and ``es-ES``; ``es-ES`` and ``es-MX`` are different audiences."""
    a, b = normalize_locale(a), normalize_locale(b)
    if a == b:
        return True
    base = base_language(a)
    return base == base_language(b) and base in (a, b)


def variants(exp: dict) -> list | None:
    value = exp.get("variants")
    return value if isinstance(value, list) else None


#: the schema's maximum for visitor and conversion counts (schemas/listing.schema.json): a larger
#: count is SCH002, and must not reach the statistics here (a 4,000-digit count overflowed a float)
MAX_COUNT = 1_000_000_000_000


def whole(value: Any) -> bool:
    """A whole number within the schema's range for counts (negative ones are the callers' to refuse)."""
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) <= MAX_COUNT


def planned_split(exp: dict, count: int) -> list[int] | None:
    """The traffic split when it is usable: whole percents, one per variant, summing to 100."""
    split = exp.get("traffic_split")
    if not isinstance(split, list) or len(split) != count or not all(whole(s) and s >= 0 for s in split):
        return None
    return split if sum(split) == 100 else None


def parse_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def daily_visitors(bundle, exp: dict) -> int | None:
    """The experiment's own ``daily_visitors``, else the listing's ``metrics.daily_visitors`` of its locale."""
    own = exp.get("daily_visitors")
    if whole(own):
        return own
    locale = locale_of(exp)
    table = bundle.dict_at("/metrics/daily_visitors")
    if locale is None or not table:
        return None
    matches = [(key, v) for key, v in table.items() if whole(v) and same_locale(key, locale)]
    exact = [v for key, v in matches if normalize_locale(key) == locale]
    if exact:
        return exact[0]
    return matches[0][1] if len(matches) == 1 else None
