"""PRM015 selection-screen — the product falls outside the premium selection screen.

What it checks: a listing's ``selection.blue_ocean_score`` is at least 85 (threshold
``min-blue-ocean-score``) and ``selection.competition_heat`` at most 60
(``max-competition-heat``); the numbers themselves pass.
Why: the premium model picks products with room to grow (blue-ocean potential) in markets
that are not yet crowded; outside the screen, the same effort earns less.
Fails:
    listing.json /selection = {"blue_ocean_score": 78, "competition_heat": 72}
Passes:
    listing.json /selection = {"blue_ocean_score": 85, "competition_heat": 60}
"""

from listing_lint.api import Severity
from listing_lint.rules.premium._common import above, below, number, plain, severity

CODE, NAME, SEVERITY = "PRM015", "selection-screen", Severity.INFO
SOURCE = "2024 AliExpress premium-model operating white paper"


def check(bundle, ctx):
    selection = bundle.dict_at("/selection")
    score = number(selection.get("blue_ocean_score"))
    minimum = float(ctx.threshold("min-blue-ocean-score"))
    if score is not None and below(score, minimum):
        yield ctx.finding(
            "/selection/blue_ocean_score",
            f"blue-ocean potential score {plain(score, minimum)} is under the premium screen's {plain(minimum)}; "
            "look for a less served variant or niche before investing in this one",
            severity=severity(ctx, "min-blue-ocean-score"),
        )
    heat = number(selection.get("competition_heat"))
    maximum = float(ctx.threshold("max-competition-heat"))
    if heat is not None and above(heat, maximum):
        yield ctx.finding(
            "/selection/competition_heat",
            f"competition heat {plain(heat, maximum)} is over the premium screen's {plain(maximum)}; "
            "compete on a differentiated bundle or pick a less crowded product",
            severity=severity(ctx, "max-competition-heat"),
        )
