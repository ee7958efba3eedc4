"""CMP009 unknown-standard — a standard reference the registry does not know (a typo or a new edition).

What it checks: every reference in a certificate's ``standards`` is read by the reference
parser (``EN 62368-1:2014+A11:2017``, ``EN 62368-1:2014/A11:2017``, ``BS EN …``,
``EN IEC …``, ``ETSI EN 300 328 V2.2.2 (2019-07)``, ``ANSI C63.10-2020``, with any spacing,
dash or case; the clauses or sections tested after the edition, ``ASTM F963-23 Sections 4.3.5.1,
4.3.5.2``, do not change it) and looked up in the registry. It reports references that cannot be read,
references without an edition year or version, and editions the registry does not hold.
Rule-part references (``47 CFR Part 15 Subpart C``, ``KDB 558074``) are not standards and pass.
Why: an unknown edition cannot be judged: it may be a typo, or an edition newer than the
registry; check it, and add it to the ``standards-overlay`` file if it is right.
Fails:
    listing.json /certificates/0/standards/0 = "EN 62368-1"    (no edition)

    listing.json /certificates/0/standards/0 = "EN 62368-1:2041+A11:2017"    (no such edition)
Passes:
    listing.json /certificates/0/standards/0 = "EN 62368-1:2014 + A11:2017"
"""

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import cited_standards, registry_for

CODE, NAME, SEVERITY = "CMP009", "unknown-standard", Severity.INFO
EXAMPLE = "EN 62368-1:2014+A11:2017"


def check(bundle, ctx):
    registry = registry_for(ctx)
    for c in cited_standards(bundle, ctx):
        if c.regulation or c.match is not None:
            continue
        if c.error is not None:
            yield ctx.finding(c.at, f"cannot read standard reference {c.text!r}: {c.error}; write it like {EXAMPLE}")
            continue
        ref = c.ref
        if ref.body == "IEC" and c.cert.scheme in ("CE", "UKCA"):
            continue  # CMP004 says what to cite instead
        if ref.year is None and ref.version is None:
            known = _known(registry, ref.family, c.cert.market, ctx.as_of)
            yield ctx.finding(
                c.at, f"{c.text!r} names no edition (year or version); cite the edition tested" + (f", e.g. {known}" if known else "")
            )
            continue
        if any(registry.lookup(ref, m) for m in ("EU", "UK", "US") if m != c.cert.market):
            continue  # a known standard of another market (e.g. ANSI on a CE certificate): not ours to judge
        known = _known(registry, ref.family, c.cert.market, ctx.as_of)
        if known:
            message = (
                f"{ref.canonical} is not an edition the standards registry knows for the {c.cert.market} "
                f"(current: {known}); check the year and amendments, or add it to the standards-overlay file"
            )
        else:
            message = (
                f"{ref.canonical} is not in the standards registry for the {c.cert.market}; check the reference, "
                f"or add it to the standards-overlay file"
            )
        yield ctx.finding(c.at, message)


def _known(registry, family, market, day) -> str:
    return ", ".join(e.text for e in registry.current_editions(family, market, day))
