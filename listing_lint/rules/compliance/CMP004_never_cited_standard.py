"""CMP004 never-cited-standard — a certificate cites an edition that gives no presumption of conformity.

What it checks: editions the registry records as never cited in the Official Journal (e.g.
EN IEC 62368-1:2020+A11:2020 and EN IEC 62368-1:2024+A11:2024: only EN 62368-1:2014+A11:2017
is cited under the LVD), saying under which legislation and where else the edition is
referenced (clauses 3.3.19 and 10.6 of EN IEC 62368-1:2020+A11:2020, sound exposure, under the
general product safety rules); on a UKCA certificate, that it is not a GB designated standard;
and IEC editions on CE or UKCA certificates (``IEC 62368-1:2018`` is an
IEC standard, not a European Norm) when the certificate does not also cite the EN of that
standard. A test-method standard cited beside its part-specific standard (EN 301 489-1 with
EN 301 489-17) is fine.
Why: such a report is still evidence, but it gives no presumption of conformity: the
manufacturer must show in the technical file how it meets the essential requirements.
Fails:
    listing.json /certificates/0/standards/0 = "EN IEC 62368-1:2020+A11:2020"
Passes:
    listing.json /certificates/0/standards/- = "IEC 62368-1:2018"    (beside its EN)
"""

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import cited_standards, registry_for

CODE, NAME, SEVERITY = "CMP004", "never-cited-standard", Severity.INFO


def check(bundle, ctx):
    registry = registry_for(ctx)
    cited = cited_standards(bundle, ctx)
    families = {}
    for c in cited:
        if c.ref is not None:
            families.setdefault(c.cert.index, set()).add(c.ref.family)
    for c in cited:
        on_cert = families.get(c.cert.index, set())
        if c.match is not None and c.match.entry.state(ctx.as_of).kind == "never-cited":
            entry = c.match.entry
            if set(entry.used_with) & on_cert:
                continue
            yield ctx.finding(c.at, _never_cited(c, entry), severity=ctx.severity_for(entry.confidence), source=entry.source)
        elif c.ref is not None and c.ref.body == "IEC" and c.cert.scheme in ("CE", "UKCA"):
            en_family = "EN " + c.ref.family[len("IEC "):]
            if en_family in on_cert:
                continue
            current = registry.current_editions(en_family, "EU", ctx.as_of)
            # without a current EN edition in the registry, the EN adoption may give no presumption either
            # (IEC 62321's test methods: only EN IEC 63000 is cited under RoHS): do not promise it does
            instead = (f"cite {current[0].text}" if current else
                       f"cite its EN edition ({en_family}) only if the Official Journal cites one: the standards registry holds none")
            yield ctx.finding(
                c.at,
                f"{c.ref.canonical} is an IEC edition, not a European Norm: it gives no presumption of conformity "
                f"in the {c.cert.market}; {instead}",
            )


def _never_cited(c, entry) -> str:
    instead = f"; cite {entry.replaced_by} for presumption" if entry.replaced_by else ""
    basis = f" ({entry.basis})" if entry.basis else ""
    laws = " or the ".join(entry.legislation)
    under = f" under the {laws}" if laws else ""
    elsewhere = f"; {entry.referenced_elsewhere}" if entry.referenced_elsewhere else ""
    if entry.market == "UK":
        eu = " (nor cited in the EU's Official Journal)" if c.match.via_eu else ""
        return (
            f"{c.ref.canonical} is not a GB designated standard{under}{eu}{basis}: it gives no presumption of "
            f"conformity in Great Britain and counts as evidence only{elsewhere}{instead}"
        )
    return (
        f"{c.ref.canonical} was never cited in the Official Journal{under}{basis}: it gives no presumption of "
        f"conformity there and counts as evidence only{elsewhere}{instead}"
    )
