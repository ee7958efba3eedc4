"""ABT003 incomplete-experiment — an experiment without hypothesis, metric, two variants or a whole split.

What it checks: every experiment has a non-empty ``hypothesis``, a ``primary_metric``, at
least two ``variants`` (the first is the control), and, when it gives a ``traffic_split``,
one whole percent per variant summing to 100. A missing split means an even one.
Why: without a hypothesis and one primary metric the result can be read any way one likes;
without a control there is nothing to compare; a split that does not add up cannot be set
up as written, and the sample-ratio check (ABT006) has nothing to test against.
Fails:
    listing.json /experiments/0/hypothesis removed

    listing.json /experiments/0/traffic_split = [60, 30]
Passes:
    listing.json /experiments/0/variants/- = {"id": "dusk"}
    listing.json /experiments/0/traffic_split = [34, 33, 33]
"""

from listing_lint.api import Severity
from listing_lint.bundle.positions import pointer
from listing_lint.rules.abtest._common import exp_id, experiments, variants, whole

CODE, NAME, SEVERITY = "ABT003", "incomplete-experiment", Severity.ERROR


def _problems(i, exp):
    """``(pointer, message)`` for each missing part of one experiment."""
    name = exp_id(exp, i)
    here = pointer("experiments", i)
    hypothesis = exp.get("hypothesis")
    if hypothesis is None or (isinstance(hypothesis, str) and not hypothesis.strip()):
        yield here, f"experiment {name} has no hypothesis; write what changes and what it should move"
    if exp.get("primary_metric") is None:
        yield here, f"experiment {name} has no primary_metric; choose one of ctr, add_to_cart_rate, conversion_rate"
    arms = variants(exp)
    if exp.get("variants") is None or (arms is not None and len(arms) < 2):
        count = len(arms) if arms else 0
        yield (
            pointer("experiments", i, "variants") if arms is not None else here,
            f"experiment {name} has {count} variant{'s' if count != 1 else ''}; "
            "it needs a control and at least one challenger",
        )
    split = exp.get("traffic_split")
    if isinstance(split, list) and all(whole(s) for s in split):
        at = pointer("experiments", i, "traffic_split")
        if sum(split) != 100:
            yield at, f"experiment {name} splits {sum(split)}% of traffic; the shares must add up to 100{_rounding(split)}"
        elif arms is not None and len(split) != len(arms):
            yield at, (
                f"experiment {name} has {len(arms)} variants but {len(split)} traffic shares; "
                "give one share per variant"
            )


def _rounding(split: list[int]) -> str:
    """A suggestion when the shares were rounded (33/33/33): off by less than one percent a share."""
    off = 100 - sum(split)
    if not split or abs(off) >= len(split) or split[0] + off < 1:
        return ""
    mended = ", ".join(str(s) for s in [split[0] + off, *split[1:]])
    change = f"give the control the {off}% left over" if off > 0 else f"take the {-off}% too many from the control"
    return f" (rounded shares: {change}, e.g. [{mended}])"


def check(bundle, ctx):
    for i, exp in experiments(bundle):
        for at, message in _problems(i, exp):
            yield ctx.finding(at, message)
