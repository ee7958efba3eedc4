"""PRM011 seller-standing — a business licence under 2 years old, or serious violations in 12 months.

What it checks: store.json's ``seller.license_registered`` lies at least 2 years before the
as-of date (threshold ``min-license-years``; registered exactly 2 years before passes), and
``seller.serious_violations_12m`` is 0 (threshold ``max-serious-violations``). Store-level:
runs only where the repository has a store.json.
Why: the premium programme admits established sellers only: a licence held for two years and
a clean record over the last twelve months.
Fails:
    store.json /seller = {"license_registered": "2025-06-01", "serious_violations_12m": 1}    (judged at 2026-11-25)
Passes:
    store.json /seller = {"license_registered": "2024-11-25", "serious_violations_12m": 0}
"""

from datetime import date

from listing_lint.api import Severity
from listing_lint.rules.premium._common import StoreAt, above, number, plain, severity, store_dict

CODE, NAME, SEVERITY = "PRM011", "seller-standing", Severity.WARNING
SOURCE = "AliExpress premium-model seller handbook V3.2 (April 2024)"


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; a day the month lacks (29 Feb) moves to the next month's first."""
    year, month = divmod(day.month - 1 + months, 12)
    try:
        return day.replace(year=day.year + year, month=month + 1)
    except ValueError:
        year, month = divmod(day.month + months, 12)
        return date(day.year + year, month + 1, 1)


def _licence(repo, ctx, seller):
    raw = seller.get("license_registered")
    try:
        registered = date.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        return
    if registered is None:
        return
    years = float(ctx.threshold("min-license-years"))
    # a threshold of 1e300 years (finite, so valid) is reached after the last date there is: never
    last = (date.max.year - registered.year) * 12  # the most months add_months can add to it
    months = round(years * 12) if years * 12 <= last else None
    qualifies = add_months(registered, months) if months is not None and months <= last else None
    if qualifies is None or ctx.as_of < qualifies:
        reached = f"reached on {qualifies.isoformat()}" if qualifies else f"reached after {date.max.isoformat()}"
        yield ctx.finding(
            StoreAt(repo, "/seller/license_registered"),
            f"the business licence was registered on {registered.isoformat()}; the premium programme asks for "
            f"{plain(years)} years, {reached}",
            severity=severity(ctx, "min-license-years"),
        )


def _violations(repo, ctx, seller):
    count = number(seller.get("serious_violations_12m"))
    limit = float(ctx.threshold("max-serious-violations"))
    if count is not None and above(count, limit):
        yield ctx.finding(
            StoreAt(repo, "/seller/serious_violations_12m"),
            f"{plain(count, limit)} serious violations in the last 12 months (premium programme: at most {plain(limit)}); "
            "the store qualifies again 12 months after the last one",
            severity=severity(ctx, "max-serious-violations"),
        )


def check_repo(repo, ctx):
    seller = store_dict(repo, "/seller")
    yield from _licence(repo, ctx, seller)
    yield from _violations(repo, ctx, seller)
