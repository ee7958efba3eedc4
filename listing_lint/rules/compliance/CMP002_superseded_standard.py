"""CMP002 superseded-standard — a certificate cites an edition whose presumption of conformity has ended.

What it checks: every standard a certificate cites is looked up in the standards registry for
the certificate's market (CE → EU, UKCA and PSTI → UK, FCC → US) and judged at the as-of date
(``--as-of``, else ``placed_on_market``, else today). An edition that was superseded or withdrawn
before that date is reported with the date, the legal basis and what to cite instead.
Why: products placed on the market after the cessation date cannot claim presumption of
conformity from the old edition; market surveillance and marketplaces ask for a re-test.
Fails:
    listing.json /certificates/0/standards/0 = "EN 60950-1:2006+A2:2013"    (judged at 2026-11-25)
Passes:
    listing.json /certificates/0/standards/0 = "EN 62368-1:2014+A11:2017"
"""

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import cited_standards

CODE, NAME, SEVERITY = "CMP002", "superseded-standard", Severity.ERROR


def check(bundle, ctx):
    for cited in cited_standards(bundle, ctx):
        if cited.match is None:
            continue
        entry = cited.match.entry
        state = entry.state(ctx.as_of)
        if state.kind != "ended":
            continue
        yield ctx.finding(
            cited.at,
            _message(cited.ref.canonical, entry, state.since),
            severity=ctx.severity_for(entry.confidence),
            source=entry.source,
        )


def _message(cited: str, entry, since) -> str:
    what = "acceptance by the FCC" if entry.market == "US" else "presumption of conformity"
    basis = f" ({entry.basis})" if entry.basis else ""
    instead = f"; cite {entry.replaced_by}" if entry.replaced_by else "; remove it or cite a current edition"
    if entry.status == "withdrawn" and since:
        return f"{cited} was withdrawn on {since}{basis}: no {what} since then" + instead
    if since:
        return f"{cited} lost {what} on {since}{basis}" + instead
    newer = f" since {entry.replaced_on}" if entry.replaced_on else ""
    return (
        f"{cited} has been replaced by {entry.replaced_by or 'a newer edition'}{newer}{basis}; when it stops giving "
        f"{what} is not established" + instead
    )
