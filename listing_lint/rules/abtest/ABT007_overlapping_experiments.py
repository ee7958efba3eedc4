"""ABT007 overlapping-experiments — two running experiments on the same locale and element.

What it checks: no two experiments with ``status: running`` test the same ``element`` on the
same locale (``es`` and ``es-ES`` count as the same). When both give ``start`` and ``end``
dates that do not overlap, the status is taken to be stale and nothing is reported. ``end``
may be the last day or the day after it (as ABT005 reads it), so a test that starts on the
day another ends (2026-11-02 to 11-30, then 11-30 to 12-28) follows it, not overlaps it.
Why: two tests of the same element share its traffic and each changes what the other
measures; neither result can then be attributed.
Fails:
    listing.json /experiments/0/status = "running"
    listing.json /experiments/- = {"id": "es-hero-b", "locale": "es", "element": "main_image", "status": "running", "hypothesis": "A dusk scene raises CTR", "primary_metric": "ctr", "variants": [{"id": "control"}, {"id": "dusk"}]}
Passes:
    listing.json /experiments/0/status = "running"
    listing.json /experiments/- = {"id": "es-title", "locale": "es", "element": "title", "status": "running", "hypothesis": "A shorter title raises CTR", "primary_metric": "ctr", "variants": [{"id": "control"}, {"id": "short"}]}
"""

from listing_lint.api import Severity
from listing_lint.bundle.positions import pointer
from listing_lint.rules.abtest._common import exp_id, experiments, locale_of, parse_date, same_locale

CODE, NAME, SEVERITY = "ABT007", "overlapping-experiments", Severity.WARNING


def _apart(a: dict, b: dict) -> bool:
    """True when both experiments give dates and the periods do not overlap.

    An ``end`` may be the day after the last (ABT005 accepts both readings), so one test
    ending on the day the next starts is back to back, not overlapping.
    """
    a0, a1, b0, b1 = (parse_date(x.get(k)) for x in (a, b) for k in ("start", "end"))
    if None in (a0, a1, b0, b1):
        return False
    return a1 <= b0 or b1 <= a0


def check(bundle, ctx):
    running = [(i, exp) for i, exp in experiments(bundle) if exp.get("status") == "running" and locale_of(exp)]
    for n, (j, later) in enumerate(running):
        for i, earlier in running[:n]:
            if earlier.get("element") != later.get("element") or not isinstance(later.get("element"), str):
                continue
            if not same_locale(locale_of(earlier), locale_of(later)) or _apart(earlier, later):
                continue
            yield ctx.finding(
                pointer("experiments", j, "status"),
                f"experiments {exp_id(earlier, i)} and {exp_id(later, j)} both run on the {locale_of(later)} "
                f"{later['element']}; their traffic overlaps: run them one after the other, "
                "or as one test with more variants",
            )
            break
