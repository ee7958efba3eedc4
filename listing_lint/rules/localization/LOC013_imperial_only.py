"""LOC013 imperial-only — inch, foot, pound or °F on a metric-locale page without a metric value.

What it checks: blocks and titles of every locale except English (en, en-US; the metric
convention of es, fr, ru and other EU locales) that give a length, mass or volume only in
imperial units written the English way (``6 inch``, ``10 ft``, ``2 lb``, ``1.7 fl oz``,
``75°F``), with no metric value of the same kind in the same block; a table cell's metric value may stand in any
table cell of its page (a size chart gives centimetres and inches in other columns, rows or a
second table). ``oz`` is a fluid ounce too (``50 ml / 1.7 oz`` on a cosmetics label:
``also_dimensions`` in ``data/units.yaml``). Localized words (``pulgadas``, ``pouces``,
``дюймов``) are fluent usage, for screens in particular, and are not reported; nor is a thread's
nominal size (``1/2 in NPT``, ``thread_designations`` in ``data/units.yaml``). Texts and pages
judged to be in another language (LOC003, LOC002) are left alone.
Why: EU buyers compare in centimetres and kilograms; the EU units directive (80/181/EEC) makes
metric the legal unit of measurement, imperial only as a supplementary indication.
Fails:
    detail/es.html: <p>Manguera de 50 ft</p>
Passes:
    detail/es.html: <p>Manguera de 15 m (50 ft)</p>
"""

import re

from listing_lint.api import Severity
from listing_lint.bundle.model import base_language
from listing_lint.l10n.numbers import also_dimensions, bundle_measures, bundle_sold_by_cup_size, unit_table
from listing_lint.l10n.pages import product_names, texts
from listing_lint.l10n.verdicts import other_language

CODE, NAME, SEVERITY = "LOC013", "imperial-only", Severity.INFO
SOURCE = "Council Directive 80/181/EEC on units of measurement"

FAHRENHEIT = re.compile(r"\d\s?°F\b")


def _table_cell(item) -> bool:
    element = getattr(item.at, "element", None)
    return item.kind in ("td", "th") and element is not None and next(element.iterancestors("table"), None) is not None


def check(bundle, ctx):
    _, imperial = unit_table()
    found_in, table_kinds = [], {}  # a page's metric dimensions in any of its tables' cells
    cup_sizes = bundle_sold_by_cup_size(ctx.cache, lambda: product_names(bundle))  # LOC008's reading (one memo)
    for item in texts(bundle, alts=False):
        if base_language(item.locale) == "en" or item.other_language:
            continue
        found = bundle_measures(ctx.cache, item.judged_source, item.locale, cup_sizes)
        cell = _table_cell(item)
        if cell:
            table_kinds.setdefault(id(item.page), set()).update(m.dimension for m in found if m.unit not in imperial)
        found_in.append((item, found, cell))
    for item, found, cell in found_in:
        metric_kinds = {m.dimension for m in found if m.unit not in imperial}
        if cell:
            metric_kinds |= table_kinds.get(id(item.page), set())
        only = [m for m in found if m.unit in imperial and metric_kinds.isdisjoint((m.dimension, *also_dimensions(m.unit)))]
        shown = [m.raw for m in only] + ([f.group() for f in FAHRENHEIT.finditer(item.judged_source)] if "°C" not in item.judged_source else [])
        if shown and not other_language(bundle, ctx).skips(item):
            yield ctx.finding(item.at, f"{', '.join(shown)} only in imperial units on the {item.locale} {item.where}; add the metric value")
