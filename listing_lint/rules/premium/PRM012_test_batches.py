"""PRM012 test-batches — too few test rounds, or rounds too large.

What it checks: a listing's ``test_batches`` hold at least 3 distinct rounds (threshold
``min-test-rounds``), no round tests more than 3 SKUs (``max-test-skus``) and no batch more
than 200 units per SKU (``max-test-units``). The numbers themselves pass. Listings without
``test_batches`` are not checked.
Why: the premium model validates a product in small, cheap rounds before roll-out; fewer
rounds, or rounds too big to be cheap, turn the test into the launch.
Fails:
    listing.json /test_batches = [{"round": 1, "skus": ["D1-EU"], "units_per_sku": 250}]
Passes:
    listing.json /test_batches = [{"round": 1, "skus": ["D1-EU"], "units_per_sku": 200}, {"round": 2, "skus": ["D1-EU"], "units_per_sku": 200}, {"round": 3, "skus": ["D1-EU"], "units_per_sku": 200}]
"""

from listing_lint.api import Severity
from listing_lint.bundle.positions import pointer
from listing_lint.rules.premium._common import above, below, number, plain, severity

CODE, NAME, SEVERITY = "PRM012", "test-batches", Severity.WARNING
SOURCE = "AliExpress premium-model seller handbook V3.2 (April 2024)"


def _rounds(batches) -> dict[int, tuple[int, set[str]]]:
    """round number -> (index of its first batch, SKUs tested in it)."""
    rounds: dict[int, tuple[int, set[str]]] = {}
    for i, batch in enumerate(batches):
        if not isinstance(batch, dict):
            continue
        number_ = batch.get("round")
        if isinstance(number_, bool) or not isinstance(number_, int):
            continue
        _, skus = rounds.setdefault(number_, (i, set()))
        if isinstance(batch.get("skus"), list):
            skus.update(s for s in batch["skus"] if isinstance(s, str))
    return rounds


def check(bundle, ctx):
    batches = bundle.get("/test_batches")
    if not isinstance(batches, list):
        return
    rounds = _rounds(batches)
    min_rounds = float(ctx.threshold("min-test-rounds"))
    unsure = any(bundle.schema_rejects(pointer("test_batches", i, "round")) for i in range(len(batches)))
    if below(len(rounds), min_rounds) and not unsure:  # a round SCH002 rejects ("1") may be one more
        yield ctx.finding(
            "/test_batches",
            f"{len(rounds)} test round{'s' if len(rounds) != 1 else ''} before roll-out; the premium model runs "
            f"at least {plain(min_rounds)}: plan the next small batch before scaling",
            severity=severity(ctx, "min-test-rounds"),
        )
    max_skus = float(ctx.threshold("max-test-skus"))
    for round_no, (first, skus) in sorted(rounds.items()):
        if above(len(skus), max_skus):
            yield ctx.finding(
                pointer("test_batches", first, "skus"),
                f"test round {round_no} tries {len(skus)} SKUs; the premium model tests at most {plain(max_skus)} "
                "per round: split it",
                severity=severity(ctx, "max-test-skus"),
            )
    max_units = float(ctx.threshold("max-test-units"))
    for i, batch in enumerate(batches):
        units = number(batch.get("units_per_sku")) if isinstance(batch, dict) else None
        if units is not None and above(units, max_units):
            yield ctx.finding(
                pointer("test_batches", i, "units_per_sku"),
                f"a test batch of {plain(units, max_units)} units per SKU; the premium model keeps test batches at "
                f"{plain(max_units)} units or fewer",
                severity=severity(ctx, "max-test-units"),
            )
