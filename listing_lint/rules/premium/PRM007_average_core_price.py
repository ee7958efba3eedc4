"""PRM007 average-core-price — the store's core SKUs average under US$35.

What it checks: the mean price of the SKUs marked ``"core": true`` across every listing,
in US dollars, rounded to the cent, is at least US$35 (threshold
``min-average-core-price-usd``); exactly US$35.00 passes. Other currencies are converted
with the shipped ECB reference rates (``data/currency_rates.yaml``, source and date inside)
overridden by the ``currency-rates`` config key (currency -> US$ per unit). A core SKU in a
currency with no rate is reported (info) instead of guessed. Store-level: runs only where
the repository has a store.json, and points at it.
Why: the premium programme is built on products that carry their logistics and after-sales
cost; under US$35 on average the margins do not.
Fails:
    store.json = {}
    listing.json /skus/0/core = true
    listing.json /skus/0/price/amount = "29.90"
    ../plug-b/listing.json /skus/0/core = true
    ../plug-b/listing.json /skus/0/price/amount = "34.90"    (average US$32.40)
Passes:
    store.json = {}
    listing.json /skus/0/core = true
    listing.json /skus/0/price/amount = "30.00"
    ../plug-b/listing.json /skus/0/core = true
    ../plug-b/listing.json /skus/0/price/amount = "40.00"    (average US$35.00)
"""

from decimal import ROUND_HALF_EVEN, Decimal

from listing_lint.api import Severity
from listing_lint.rules.premium._common import StoreAt, amount, default_rates, severity, usd_rates

CODE, NAME, SEVERITY = "PRM007", "average-core-price", Severity.WARNING
SOURCE = "2023 AliExpress premium-seller annual report"

CENT = Decimal("0.01")


def core_prices(repo) -> list[tuple[Decimal, str]]:
    """``(amount, currency)`` of every core SKU with a readable price."""
    prices = []
    for bundle in repo.valid_bundles:
        for sku in bundle.list_at("/skus"):
            if not isinstance(sku, dict) or sku.get("core") is not True or not isinstance(sku.get("price"), dict):
                continue
            value, currency = amount(sku["price"].get("amount")), sku["price"].get("currency")
            if value is not None and isinstance(currency, str) and currency.strip():
                prices.append((value, currency.strip().upper()))
    return prices


def check_repo(repo, ctx):
    if repo.store_data is None:
        return
    prices = core_prices(repo)
    if not prices:
        return
    rates = usd_rates(ctx)
    unknown = sorted({cur for _, cur in prices if cur not in rates})
    if unknown:
        yield ctx.finding(
            StoreAt(repo, ""),
            f"core SKUs are priced in {', '.join(unknown)}, which {'has' if len(unknown) == 1 else 'have'} no "
            "exchange rate; add it under currency-rates (US$ per unit) to check the average core price",
            severity=Severity.INFO,
        )
        return
    average = (sum(value * rates[cur] for value, cur in prices) / len(prices)).quantize(CENT, ROUND_HALF_EVEN)
    limit = Decimal(str(ctx.threshold("min-average-core-price-usd")))
    if average >= limit:
        return
    converted = any(cur != "USD" for _, cur in prices)
    note = f" (converted at {default_rates()[1]} or configured rates)" if converted else ""
    yield ctx.finding(
        StoreAt(repo, ""),
        f"the {len(prices)} core SKUs average US${average}{note}, under the premium line of US${limit:f}; "
        "raise the price with bundles or better specs, or make higher-priced SKUs core",
        severity=severity(ctx, "min-average-core-price-usd"),
    )
