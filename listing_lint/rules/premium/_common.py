"""What the PRM rules share: safe number reading, threshold comparisons, store.json anchors, rates.

Thresholds and metrics are floats read from YAML and JSON. A value written exactly at a
threshold ("0.038" against 0.038) parses to the same double, but one computed on the way
(a mean, a converted price) need not: comparisons allow one part in 10^9 so that "at the
threshold" always means "at the threshold".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from listing_lint.finding import Severity, Span

_EPS = 1e-9


def number(value: Any) -> float | None:
    """A finite JSON number, else None (the schema rule reports wrong types)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        value = float(value)
    except OverflowError:  # an integer of hundreds of digits: out of the schema's range, SCH002 reports it
        return None
    return value if math.isfinite(value) else None


def _slack(limit: float) -> float:
    return _EPS * max(1.0, abs(limit))


def below(value: float, limit: float) -> bool:
    """``value < limit``, with ``value == limit`` (to 1e-9) counting as not below."""
    return value < limit - _slack(limit)


def above(value: float, limit: float) -> bool:
    """``value > limit``, with ``value == limit`` (to 1e-9) counting as not above."""
    return value > limit + _slack(limit)


def _fixed(value: float, decimals: int) -> str:
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _apart(value: float, limit: float, short: str, scale: float) -> str:
    """``short``, or ``value * scale`` with as many decimals as it takes to differ from the limit.

    A value that misses a threshold must not be printed as the threshold: a conversion rate of
    0.02099 is under the 2.1% gate, and "conversion rate 2.1% is under the gate of 2.1%" is a
    message nobody can act on. Values within the comparisons' slack are the limit, and print as it.
    """
    if abs(value - limit) <= _slack(limit) or short != _short(limit * scale, scale):
        return short
    for decimals in range(1, 16):
        text = _fixed(value * scale, decimals)
        if text != _fixed(limit * scale, decimals):
            return text
    return short


def _short(scaled: float, scale: float) -> str:
    return f"{round(scaled, 2):g}" if scale == 100 else f"{scaled:g}"


def percent(rate: float, against: float | None = None) -> str:
    """0.038 -> '3.8%', 0.0421 -> '4.21%'; against a limit, never the limit's text unless it is the limit
    (0.02099 against 0.021 -> '2.099%')."""
    short = _short(rate * 100, 100)
    return (short if against is None else _apart(rate, against, short, 100)) + "%"


def plain(value: float, against: float | None = None) -> str:
    """80.0 -> '80', 4.815 -> '4.815'; against a limit, never the limit's text unless it is the limit
    (79.9999 against 80 -> '79.9999', 4.8199999 against 4.82 -> '4.8199999')."""
    short = _short(value, 1)
    return short if against is None else _apart(value, against, short, 1)


def severity(ctx, key: str) -> Severity:
    """The rule's severity when the threshold is a confirmed, unchanged fact; lower otherwise."""
    limit = ctx.limit(key)
    return ctx.severity_for("configured" if limit.overridden else limit.confidence)


@dataclass(frozen=True)
class StoreAt:
    """A place in store.json: located by the repo, anchored by pointer (stable fingerprints)."""

    repo: Any
    pointer: str

    def span(self) -> Span:
        return self.repo.span(self.pointer)

    @property
    def anchor(self) -> str:
        return f"store.json{self.pointer}"


def store_dict(repo, ptr: str) -> dict:
    value = repo.store_get(ptr) if repo.store_data is not None else None
    return value if isinstance(value, dict) else {}


# -- currency rates (PRM007) --------------------------------------------------------------------
@lru_cache(maxsize=1)
def default_rates() -> tuple[dict[str, Decimal], str]:
    """US$ per unit for every currency of the shipped table, and the table's source and date."""
    from listing_lint.thresholds import DATA, load_yaml

    doc = load_yaml(DATA / "currency_rates.yaml") or {}
    per_eur = {k: Decimal(str(v)) for k, v in (doc.get("per_eur") or {}).items()}
    usd = per_eur["USD"]
    rates = {cur: usd / value for cur, value in per_eur.items()}
    rates["EUR"] = usd
    rates["USD"] = Decimal(1)
    return rates, f"{doc.get('source', '')}, {doc.get('date', '')}"


def usd_rates(ctx) -> dict[str, Decimal]:
    """The shipped rates with the user's ``currency-rates`` (US$ per unit) on top."""
    rates = dict(default_rates()[0])
    for cur, value in (ctx.config.get("currency-rates") or {}).items():
        if number(value) is not None and value > 0:
            rates[str(cur).upper()] = Decimal(str(value))
    return rates


#: the schema's pattern for ``price.amount`` (schemas/listing.schema.json): what Decimal arithmetic
#: at 28 digits handles without raising (an exponent like "1e999999999" made PRM007 crash)
AMOUNT = re.compile(r"\d{1,15}(?:\.\d+)?")


def amount(value: Any) -> Decimal | None:
    """A SKU's decimal-string amount, or None when it is not one."""
    if not isinstance(value, str) or not AMOUNT.fullmatch(value.strip()):
        return None  # "1e999999999", "NaN", 30 digits: SCH002 reports what the schema's pattern refuses
    try:
        parsed = Decimal(value.strip())
    except InvalidOperation:
        return None
    return parsed if parsed.is_finite() and parsed >= 0 else None


# -- metric gates (PRM001-PRM005): the same check on a listing's and on the store's metrics ----
def metric_findings(ctx, metrics: Any, metric: str, key: str, kind: str, message, at):
    """Yield one finding when ``metrics[metric]`` misses the threshold ``key``.

    ``kind`` is "min" (the value must not be below), "max" (must not be above) or "line"
    (reaching the value is already too much). ``message(value, limit)`` words the finding;
    ``at(pointer)`` turns "/metrics/ctr" into what the finding points at.
    """
    if not isinstance(metrics, dict):
        return
    value = number(metrics.get(metric))
    if value is None:
        return
    limit = float(ctx.threshold(key))
    missed = {"min": below(value, limit), "max": above(value, limit), "line": not below(value, limit)}[kind]
    if missed:
        yield ctx.finding(at(f"/metrics/{metric}"), message(value, limit), severity=severity(ctx, key))


def bundle_metrics(bundle) -> dict:
    return bundle.dict_at("/metrics")


def store_metrics(repo) -> dict:
    return store_dict(repo, "/metrics")


def in_bundle(ptr: str) -> str:
    return ptr


def in_store(repo):
    return lambda ptr: StoreAt(repo, ptr)


def metric_rule(metric: str, key: str, kind: str, message):
    """``check`` and ``check_repo`` for a rule that compares one metric of a listing and of store.json.

    ``message(whose, value, limit)`` words the finding; ``whose`` is "" or "store ".
    """

    def check(bundle, ctx):
        if bundle.schema_rejects(f"/metrics/{metric}"):
            return  # SCH002 reports it (a rate written as a percentage, say): one root cause, one finding
        yield from metric_findings(
            ctx, bundle_metrics(bundle), metric, key, kind, lambda v, lim: message("", v, lim), in_bundle
        )

    def check_repo(repo, ctx):
        if repo.schema_rejects(f"/metrics/{metric}"):
            return
        yield from metric_findings(
            ctx, store_metrics(repo), metric, key, kind, lambda v, lim: message("store ", v, lim), in_store(repo)
        )

    return check, check_repo
