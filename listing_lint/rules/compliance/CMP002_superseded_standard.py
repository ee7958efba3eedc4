"""CMP002 superseded-standard — a certificate cites an edition whose presumption of conformity has ended.

What it checks: every standard a certificate cites is looked up in the standards registry for
the certificate's market (CE → EU, UKCA and PSTI → UK, FCC → US) and judged at the as-of date
(``--as-of``, else ``placed_on_market``, else today). An edition that was superseded or withdrawn
before that date is reported with the date, the legal basis (the OJ decision; on a UKCA
certificate, the GB designated standards) and what to cite instead. When the same certificate
also cites a current edition that replaces it (EN 60950-1 next to EN 62368-1:2014+A11:2017), the
product was tested to the current one: a warning to remove the obsolete reference.
Why: products placed on the market after the cessation date cannot claim presumption of
conformity from the old edition; market surveillance and marketplaces ask for a re-test.
Fails:
    listing.json /certificates/0/standards/0 = "EN 60950-1:2006+A2:2013"    (judged at 2026-11-25)

    listing.json /certificates/0/standards/- = "EN 60950-1:2006+A2:2013"    (beside its successor: a warning)
Passes:
    listing.json /certificates/0/standards/0 = "EN 62368-1:2014+A11:2017"
"""

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import cited_standards
from listing_lint.standards.refparse import RefError, try_parse

CODE, NAME, SEVERITY = "CMP002", "superseded-standard", Severity.ERROR


def check(bundle, ctx):
    cited = cited_standards(bundle, ctx)
    for c in cited:
        if c.match is None:
            continue
        entry = c.match.entry
        state = entry.state(ctx.as_of)
        if state.kind != "ended":
            continue
        beside = _current_beside(c, entry, cited, ctx.as_of)
        severity = ctx.severity_for(entry.confidence)
        if beside is None:
            instead = f"; cite {entry.replaced_by}" if entry.replaced_by else "; remove it or cite a current edition"
        else:  # tested to the current edition too: the old reference is clutter, not a missing test
            severity = min(severity, Severity.WARNING)
            instead = f"; this certificate also cites {beside}, the current edition: remove the obsolete reference"
        message = _message(c.ref.canonical, entry, state.since, c.match.via_eu)
        yield ctx.finding(c.at, message + instead, severity=severity, source=entry.source)


def _current_beside(c, entry, cited, day) -> str | None:
    """A current edition on the same certificate that replaces ``entry`` (its own family, or its
    ``replaced_by``'s), as cited there; None when the certificate cites none."""
    families = {entry.ref.family}
    successor = try_parse(entry.replaced_by or "")
    if not isinstance(successor, RefError):
        families.add(successor.family)
    for other in cited:
        if other.cert.index != c.cert.index or other is c or other.match is None or other.ref.family not in families:
            continue
        if other.match.entry.state(day).kind == "current":
            return other.ref.canonical
    return None


def _message(cited: str, entry, since, via_eu: bool = False) -> str:
    what = "acceptance by the FCC" if entry.market == "US" else "presumption of conformity"
    if entry.market == "UK":
        what += " as a GB designated standard"
    basis = f" ({entry.basis})" if entry.basis else ""
    if via_eu:  # no UK entry: the EU list's date, which GB need not follow
        basis = f" (its GB designation is not established; the EU date: {entry.basis or 'OJ'})"
    if entry.status == "withdrawn" and since:
        return f"{cited} was withdrawn on {since}{basis}: no {what} since then"
    if since:
        return f"{cited} lost {what} on {since}{basis}"
    newer = f" since {entry.replaced_on}" if entry.replaced_on else ""
    return f"{cited} has been replaced by {entry.replaced_by or 'a newer edition'}{newer}{basis}; when it stops giving {what} is not established"
