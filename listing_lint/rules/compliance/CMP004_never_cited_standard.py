"""CMP004 never-cited-standard — a certificate cites an edition that gives no presumption of conformity.

What it checks: editions the registry records as never cited in the Official Journal (e.g.
EN IEC 62368-1:2020+A11:2020 and EN IEC 62368-1:2024+A11:2024: only EN 62368-1:2014+A11:2017
is cited under the LVD), and IEC editions on CE or UKCA certificates (``IEC 62368-1:2018`` is an
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
            instead = f"; cite {entry.replaced_by} for presumption" if entry.replaced_by else ""
            basis = f" ({entry.basis})" if entry.basis else ""
            yield ctx.finding(
                c.at,
                f"{c.ref.canonical} was never cited in the Official Journal{basis}: it gives no presumption of "
                f"conformity and counts as evidence only{instead}",
                severity=ctx.severity_for(entry.confidence),
                source=entry.source,
            )
        elif c.ref is not None and c.ref.body == "IEC" and c.cert.scheme in ("CE", "UKCA"):
            en_family = "EN " + c.ref.family[len("IEC "):]
            if en_family in on_cert:
                continue
            current = registry.current_editions(en_family, "EU", ctx.as_of)
            instead = f"cite {current[0].text}" if current else f"cite the EN edition ({en_family})"
            yield ctx.finding(
                c.at,
                f"{c.ref.canonical} is an IEC edition, not a European Norm: it gives no presumption of conformity "
                f"in the {c.cert.market}; {instead}",
            )
