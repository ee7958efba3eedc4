"""ABT004 variant-asset-missing — an experiment variant names a page or file that is not in the bundle.

What it checks: each variant's ``page`` and ``media`` path resolves to a file inside the
bundle (relative to listing.json; URLs, absolute paths and paths leaving the bundle do not).
Why: a variant whose page or image is missing cannot be served as tested: the experiment
compares the control with nothing, or with whatever the marketplace shows instead.
Fails:
    listing.json /experiments/0/variants/1/media = "media/scene-dusk.jpg"    (no such file)
Passes:
    listing.json /experiments/0/variants/1/media = "media/scene-03.jpg"
"""

from listing_lint.api import Severity
from listing_lint.bundle.paths import problem_words
from listing_lint.bundle.positions import pointer
from listing_lint.rules.abtest._common import exp_id, experiments, variants

CODE, NAME, SEVERITY = "ABT004", "variant-asset-missing", Severity.ERROR


def check(bundle, ctx):
    for i, exp in experiments(bundle):
        for v, variant in enumerate(variants(exp) or []):
            if not isinstance(variant, dict):
                continue
            for field in ("page", "media"):
                ref = variant.get(field)
                if not isinstance(ref, str):
                    continue
                resolved = bundle.resolve(ref)
                if resolved.ok:
                    continue
                vid = variant.get("id") if isinstance(variant.get("id"), str) else f"#{v + 1}"
                yield ctx.finding(
                    pointer("experiments", i, "variants", v, field),
                    f"variant {vid} of experiment {exp_id(exp, i)} uses {field} {ref!r}, "
                    f"{problem_words(resolved.problem)}; add the file or fix the path",
                )
