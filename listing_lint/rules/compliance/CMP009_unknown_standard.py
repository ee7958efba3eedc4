"""CMP009 unknown-standard — a standard reference the registry does not know (a typo or a new edition).

What it checks: every reference in a certificate's ``standards`` is read by the reference
parser (``EN 62368-1:2014+A11:2017``, ``EN 62368-1:2014/A11:2017``, ``BS EN …``,
``EN IEC …``, ``ETSI EN 300 328 V2.2.2 (2019-07)``, ``ANSI C63.10-2020``, with any spacing,
dash or case; the clauses or sections tested after the edition, ``ASTM F963-23 Sections 4.3.5.1,
4.3.5.2``, do not change it) and looked up in the registry. Several references on one line, as labs
print them (``EN 71-1:2014+A1:2018 / -2:2020 / -3:2019+A1:2021``, ``EN 71-1/-2/-3``, ``16 CFR 1250
(ASTM F963-23)``), are read one by one. It reports references that cannot be read, references
without an edition year or version (one finding for a line of them), and editions the registry does
not hold.
Rule-part references (``47 CFR Part 15 Subpart C``, ``KDB 558074``) are not standards and pass, nor
are the acts a Children's Product Certificate cites (``CPSIA Section 101``, ``Sec. 108 of the CPSIA``,
``FHSA``, ``15 U.S.C. 2063``) or CPSC test methods (``CPSC-CH-E1001-08.3``); nor is anything a food contact declaration (``FCM``)
cites: migration test methods (EN 1186, EN 13130) serve no market's presumption of conformity.
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
    cited = cited_standards(bundle, ctx)
    said: set[tuple[int, int]] = set()  # (certificate, entry) whose missing editions were reported
    for c in cited:
        if c.regulation or c.match is not None or c.cert.market is None:
            continue  # a scheme no market's registry judges (a food contact declaration's test methods)
        if c.error is not None:
            yield ctx.finding(c.at, f"cannot read standard reference {c.text!r}: {c.error}; write it like {EXAMPLE}")
            continue
        ref = c.ref
        if ref.body == "IEC" and c.cert.scheme in ("CE", "UKCA"):
            continue  # CMP004 says what to cite instead
        if ref.year is None and ref.version is None:
            if c.entry:  # "EN 71-1/-2/-3": one finding for the line
                if (c.cert.index, c.index) in said:
                    continue
                said.add((c.cert.index, c.index))
                same = [o for o in cited if o.cert == c.cert and o.index == c.index and _undated(o)]
                known = "; ".join(k for k in (_known(registry, o.ref.family, c.cert.market, ctx.as_of) for o in same) if k)
                text = c.entry if len(same) > 1 else c.text
            else:
                known = _known(registry, ref.family, c.cert.market, ctx.as_of)
                text = c.text
            yield ctx.finding(
                c.at, f"{text!r} names no edition (year or version); cite the edition tested" + (f", e.g. {known}" if known else "")
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


def _undated(c) -> bool:
    return c.ref is not None and c.ref.year is None and c.ref.version is None and c.match is None and not (
        c.ref.body == "IEC" and c.cert.scheme in ("CE", "UKCA"))


def _known(registry, family, market, day) -> str:
    return ", ".join(e.text for e in registry.current_editions(family, market, day))
