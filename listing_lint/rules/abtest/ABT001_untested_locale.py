"""ABT001 untested-locale — a locale's detail page has no experiment planned or run.

What it checks: every detail page of a declared locale has at least one experiment on that
locale in ``experiments`` (any element, any status: planned, running or done; ``es`` covers
``es-ES``). The source language the other pages are translated from and compared with is
exempt: by default ``en`` and its regional forms, configurable with ``ab-exempt-locales``
(set it to ``[]`` to ask for an English experiment too).
Why: in the premium handbook, Spanish pages rolled out to all traffic without an A/B test
converted 32% below English. A localized page is a new page, and should earn its traffic.
Fails:
    listing.json /experiments/0 removed    (the es page's only experiment)
Passes:
    listing.json /experiments/0/element = "title"    (any element counts)
"""

from listing_lint.api import Severity
from listing_lint.bundle.model import normalize_locale
from listing_lint.bundle.positions import pointer
from listing_lint.rules.abtest._common import experiments, locale_of, same_locale

CODE, NAME, SEVERITY = "ABT001", "untested-locale", Severity.WARNING
SOURCE = "AliExpress premium-model seller handbook V3.2 (April 2024)"


def check(bundle, ctx):
    exempt = [normalize_locale(x) for x in ctx.config.get("ab-exempt-locales")]
    declared = bundle.locales
    tested = [loc for _, exp in experiments(bundle) if (loc := locale_of(exp))]
    for key in bundle.dict_at("/detail_pages"):
        if not isinstance(key, str) or not key.strip():
            continue
        locale = normalize_locale(key)
        if declared is not None and not any(same_locale(locale, d) for d in declared):
            continue  # an undeclared page is SCH008's business
        if any(same_locale(locale, x) for x in exempt) or any(same_locale(locale, t) for t in tested):
            continue
        yield ctx.finding(
            pointer("detail_pages", key),
            f"{locale} detail page has no experiment: pages rolled out untested converted 32% below English; "
            f"plan an A/B test of its main image, title or page before it gets all {locale} traffic",
        )
