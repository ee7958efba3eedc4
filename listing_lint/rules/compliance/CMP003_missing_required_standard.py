"""CMP003 missing-required-standard — a standard the product group needs in a market is not covered.

What it checks: the registry's market rules name standards a group needs in a market between
two dates, and the provision that needs them. In the EU from 2025-08-01 until 2027-12-10 (RED
Art. 3(3), before the Cyber Resilience Act), Delegated Regulation (EU) 2022/30 applies:
``radio`` + ``internet-connected`` → EN 18031-1 (Art. 3(3)(d)); EN 18031-2 (Art. 3(3)(e)) for
internet-connected radio equipment with ``personal-data`` (Art. 1(2)(a)), and for ``childcare``,
``toy`` and ``wearable`` radio equipment whether internet-connected or not (Art. 1(2)(b)-(d));
EN 18031-3 (Art. 3(3)(f)) for internet-connected radio equipment that lets its user transfer
money (``payment``: a smartwatch with contactless payment; Art. 1(3)).
The law applies (e) to those when they can process personal, traffic or location data: tagged
``personal-data``, the finding is an error; untagged, it only informs. The message says which
clause applied and by which article. A requirement is met when a certificate of the market's
scheme cites any edition of the standard, or by an EU-type examination instead: a CE
certificate under the RED with a notified body's 4-digit number that names the point
(``"standards": ["RED Art. 3(3)(d)"]``) or claims RED-DA without naming points. A notified-body
number on another certificate (an LVD or RoHS one) proves nothing about this scope. Rules with no
clause accept a notified body's examination under the legislation they name (a toy's EC-type
examination under the ``TSD``). Issue 17's kinds: toys → EN 71-1/-2/-3 (EU, UK) and ASTM F963 on
the US Children's Product Certificate, electric toys → EN IEC 62115; mains LED lighting → EN
62471, EN IEC 55015; household appliances → EN 60335-1 and a part EN 60335-2-x, EN 62233, EN IEC
55014-1/-2 or, for one outside CISPR 14-1's scope (no motor, switching or regulating device: a
kitchen scale), the generic EN IEC 61000-6-3/-6-1 (a rule's ``or_standards``); Qi chargers → ETSI
EN 303 417. A US rule may name a CFR part instead of a standard (``regulation: true``): a children's
``bicycle-helmet``'s CPC cites 16 CFR 1203, a ``pacifier``'s 16 CFR 1511, written in any of the ways
labs print it (``16 C.F.R. Part 1203``, ``16 CFR §1511.3``). A market with no certificate of the scheme at all is
CMP001's finding, not this one. A certificate judged for two markets (CE in the EU and the UK)
gets one finding per missing standard, from the more certain rule.
Why: from the date a delegated act applies, a product without the standard (or a notified-body
examination) cannot be placed on the market; its CE marking is not valid.
Fails:
    listing.json /certificates/0/standards/3 removed    (EN 18031-1:2024)
    listing.json /certificates/0/legislation = ["RED", "RoHS"]

    listing.json /product_groups = ["radio", "wearable", "personal-data"]    (Bluetooth only: no EN 18031-2)
Passes:
    listing.json /product_groups = ["radio", "mains-powered"]    (not internet-connected)
    listing.json /certificates/0/standards/3 removed
    listing.json /certificates/0/legislation = ["RED", "RoHS"]

    listing.json /certificates/0/standards/3 = "RED Art. 3(3)(d)"
    listing.json /certificates/0/notified_body = "0700"
"""

import re
from functools import lru_cache

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import (
    CONFIDENCE_RANK,
    certificates,
    certificates_rejected,
    cited_standards,
    group_text,
    markets_with_pointers,
    nb_number,
    product_groups,
    red_examination_covers,
    registry_for,
)
from listing_lint.standards.refparse import RefError, try_parse

CODE, NAME, SEVERITY = "CMP003", "missing-required-standard", Severity.ERROR


def check(bundle, ctx):
    if certificates_rejected(bundle, "scheme", "standards"):
        return  # SCH002 reports the certificate's value; fixing it may change the answer
    registry = registry_for(ctx)
    groups = product_groups(bundle, ctx)
    certs = certificates(bundle)
    cited = cited_standards(bundle, ctx)
    found: dict[tuple, tuple] = {}  # (where, standard) -> (rank, finding): a certificate judged for two markets
    for market, _ in markets_with_pointers(bundle):
        unmet: dict[str, list] = {}  # standard family -> the rules that need it (one finding per standard)
        for rule in registry.rules_of("required_standards"):
            if market not in rule.markets or not rule.covers(groups) or not rule.in_force(ctx.as_of):
                continue
            mine = [c for c in certs if c.scheme in set(rule.get("schemes") or ())]
            if mine and rule.get("regulation"):  # a CFR part a CPC cites ("16 CFR 1203"), not an edition
                part = _cfr_part(str(rule.get("standard")))
                if part is not None and not any(c.cert in mine and part.search(c.entry or c.text) for c in cited):
                    unmet.setdefault(str(rule.get("standard")), []).append((rule, mine))
                continue
            wanted = try_parse(str(rule.get("standard")))
            if not mine or isinstance(wanted, RefError):
                continue
            families = _families(wanted, rule)
            if any(c.ref is not None and c.cert in mine and any(_is(c.ref.family, f, rule) for f in families) for c in cited):
                continue
            if rule.get("alternative") == "notified-body" and any(_examined(c, rule) for c in mine):
                continue
            family = f"{wanted.family}-x" if rule.get("any_part") else wanted.family
            unmet.setdefault(family, []).append((rule, mine))
        for family, needs in unmet.items():
            rank, at, finding = _finding(ctx, bundle, registry, market, groups, family, needs)
            if (at, family) not in found or rank < found[(at, family)][0]:
                found[(at, family)] = (rank, finding)
    for _, finding in found.values():
        yield finding


@lru_cache(maxsize=64)
def _cfr_part(ref: str) -> re.Pattern | None:
    """How certificates write a CFR part ("16 CFR 1203" as "16 C.F.R. Part 1203", "16 CFR §1203.4",
    "16CFR1203"), or None if ``ref`` names no title and part."""
    found = re.fullmatch(r"(\d+)\s*CFR\s*(?:Part\s*)?(\d+)", ref.strip(), re.IGNORECASE)
    if found is None:
        return None
    title, part = found.groups()
    return re.compile(rf"(?<!\d){title}\s*C\.?\s*F\.?\s*R\.?\s*(?:Parts?\s*|§+\s*)?{part}(?!\d)", re.IGNORECASE)


def _families(wanted, rule) -> list[str]:
    """The standard the rule needs and those it accepts in its place (``or_standards``: a generic EMC
    standard where the product-family one may not cover the product)."""
    others = [try_parse(str(s)) for s in rule.get("or_standards") or ()]
    return [wanted.family, *(o.family for o in others if not isinstance(o, RefError))]


def _is(cited: str, wanted: str, rule) -> bool:
    """The cited family is the wanted one; with ``any_part``, any part under it (EN 60335-2-15 for EN 60335-2)."""
    return cited == wanted or bool(rule.get("any_part")) and cited.startswith(wanted + "-")


def _examined(cert, rule) -> bool:
    """A notified body's examination covers the rule: under the RED naming its Art. 3(3) clause, or, for
    a rule with no clause, a CE certificate with a notified body's number under the legislation it names."""
    if rule.get("clause"):
        return red_examination_covers(cert, rule.get("clause"))
    under = rule.get("examination_under")
    return cert.scheme == "CE" and nb_number(cert) is not None and (not under or under in cert.legislation)


def _finding(ctx, bundle, registry, market, groups, family, needs):
    tagged = [(r, mine) for r, mine in needs if set(r.get("if_groups") or ()) <= groups]
    rules = tagged or needs
    rule, mine = min(rules, key=lambda n: CONFIDENCE_RANK.get(n[0].confidence, 9))
    at = mine[0].ptr("standards") if bundle.get(mine[0].ptr("standards")) is not None else mine[0].pointer
    rank = CONFIDENCE_RANK.get(rule.confidence, 9) if tagged else 9
    return rank, at, ctx.finding(
        at,
        _message([r for r, _ in rules], family, market, groups, registry, ctx.as_of, conditional=not tagged),
        severity=ctx.severity_for(rule.confidence) if tagged else Severity.INFO,
        source=rule.source,
    )


def _message(rules, family, market, groups, registry, day, conditional: bool) -> str:
    rule = rules[0]
    current = registry.current_editions(family, market, day)
    edition = current[0].text if current else family
    named = {g for r in rules for g in (*(r.get("groups_all") or r.get("groups_any") or ()), *(r.get("if_groups") or ()))} & groups
    since = f" from {rule.get('from')}" if rule.get("from") else ""
    bases = "; ".join(dict.fromkeys(r.get("basis") for r in rules if r.get("basis")))
    why = f"{rule.get('clause')} applies: {bases}" if rule.get("clause") and bases else rule.get("why")
    clause = rule.get("clause")
    alternative = (
        f" or add the notified body's EU-type examination certificate naming {clause}" if clause else
        " or add the notified body's EU-type examination certificate"
    ) if rule.get("alternative") else ""
    instead = " or ".join(str(s) for s in rule.get("or_standards") or ())
    lead = f"{group_text(named)} products in the {market} need {family}{f' (or {instead})' if instead else ''}{since}"
    if conditional:
        wanted = "+".join(sorted({g for r in rules for g in (r.get("if_groups") or ())}))
        lead += f" if they can process personal, traffic or location data (then add `{wanted}` to `product_groups`)"
    return (
        f"{lead} ({why}); no {'/'.join(rule.get('schemes'))} certificate cites it: test to {edition}{alternative}"
    )
