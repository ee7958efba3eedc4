"""BRD001 registered-mark — ® used with a brand that is not a registered trademark.

What it checks: the brand name (``brand.name``) followed by ``®`` or ``(R)`` in titles, detail
pages and image alt text. It is reported when ``brand.trademark`` is missing or says
``"mark": "TM"`` (an application, not a registration). When the mark is registered but only at
an office that does not cover the US (EUIPO, UKIPO, CNIPA) and the listing sells in the US,
it warns: a foreign registration does not justify ® in the US. ™ is always fine, and ® after
other companies' marks (``Alexa®``) is not this listing's claim.
Why: ® claims a registration; using it for an unregistered or pending mark is false marking
(15 U.S.C. §1111, TMEP §906.02) and marketplaces remove listings for it.
Fails:
    listing.json /brand = {"name": "Voltra", "trademark": {"mark": "TM", "office": "EUIPO", "number": "018765432"}}
    listing.json /title/en = "Voltra® smart plug with energy monitor"
Passes:
    listing.json /brand = {"name": "Voltra", "trademark": {"mark": "TM", "office": "EUIPO", "number": "018765432"}}
    listing.json /title/en = "Voltra™ smart plug with energy monitor"
"""

import re

from listing_lint.api import Severity
from listing_lint.bundle.positions import pointer
from listing_lint.rules.brand._common import brand_name

CODE, NAME, SEVERITY = "BRD001", "registered-mark", Severity.ERROR
SOURCE = "https://tmep.uspto.gov/RDMS/TMEP/current#/current/TMEP-900d1e1.html"

#: offices whose registration covers each market; WIPO (Madrid) depends on the designations: not judged
OFFICE_MARKETS = {"EUIPO": {"EU"}, "UKIPO": {"UK"}, "USPTO": {"US"}, "CNIPA": set()}


def _pattern(name: str) -> re.Pattern:
    words = r"\s+".join(re.escape(w) for w in name.split())
    return re.compile(r"(?<![\w])" + words + r"\s*(?:®|\(R\))", re.I)


def _has_mark(text: str) -> bool:
    """The text holds what every match of ``_pattern`` ends with (® or "(R)" in either case): most
    text does not, and is not searched (issue 18)."""
    return "®" in text or "(R)" in text or "(r)" in text


def _places(bundle):
    """(where, text, label) for every title, detail page block and alt text that holds a mark
    (``_has_mark``: the others are passed over before their pointer and label are made)."""
    for locale, title in bundle.dict_at("/title").items():
        if isinstance(title, str) and _has_mark(title):
            yield pointer("title", locale), title, f"title ({locale})"
    for item in bundle.media:
        for locale, alt in item.alt.items():
            if _has_mark(alt):
                yield pointer("media", item.index, "alt", locale), alt, f"alt text ({locale}) of {item.file}"
    for locale, page in bundle.pages.items():
        for block in page.blocks:
            if _has_mark(block.text):
                yield block, block.text, f"{locale} detail page"


def check(bundle, ctx):
    name = brand_name(bundle)
    if name is None:
        return
    problem, severity = _problem(bundle)
    if problem is None:
        return
    pattern = _pattern(name)
    seen: set[str] = set()
    for at, text, label in _places(bundle):
        if label in seen or not pattern.search(text):
            continue
        seen.add(label)
        yield ctx.finding(at, f"{name}® in the {label}: {problem}", severity=severity)


def _problem(bundle) -> tuple[str | None, Severity | None]:
    mark = bundle.get("/brand/trademark")
    if not isinstance(mark, dict):
        return "listing.json has no trademark record for it; write ™ instead, or add brand.trademark with the registration", None
    if mark.get("mark") == "TM":
        return "the trademark is not registered (mark: TM, an application); ® is only for registered marks: write ™", None
    office = mark.get("office")
    if mark.get("mark") == "R" and "US" in bundle.markets and office in OFFICE_MARKETS and "US" not in OFFICE_MARKETS[office]:
        return (
            f"the registration is at {office}, and a foreign registration does not justify ® in the US "
            f"(TMEP §906.02); write ™ on the US listing or register at the USPTO",
            Severity.WARNING,
        )
    return None, None
