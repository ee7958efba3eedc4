"""CMP001 missing-evidence — a target market lacks the conformity evidence the product's groups need.

What it checks: for each market in ``markets``, the registry's evidence rules say what a product
group needs there, and from when. Evidence is one of: a certificate of a scheme (EU → CE; UK →
UKCA or CE, recognised in Great Britain indefinitely since 2024-10-01, and CE for Northern
Ireland, which the UK market includes and where UKCA alone is not recognised (Windsor
Framework); US → FCC for radio and electronic groups, a Children's Product Certificate ``CPC``
for toys and other children's products (``childrens-product``: a stroller, a kids' smartwatch; CPSA
s. 14(a)(2), 16 CFR part 1110), and as a note for ``childcare`` alone (a bottle needs one, a baby
monitor only the carer handles does not); vehicle lamps → ``E-mark``
type approval, which CE does not replace), optionally under a named legislation (a toy's CE
certificate under the Toy Safety Directive ``TSD``, a battery's under the Batteries Regulation
``BATT``, a bicycle helmet's or sunglasses' (``ppe``) under the PPE Regulation ``PPE``; as a note, a
food contact declaration ``FCM`` for plastic parts touching food, ``food-contact-plastic``, in the EU
and UK, and for any ``food-contact`` product in the US: food contact materials carry no CE); a listing field (``fibre_composition`` for textiles, ``battery.collection_symbol``;
``battery.removable`` from 2027-02-18 unless ``battery.removal_derogation`` names the Art. 11
derogation the product relies on: a rule's ``exempt_field``);
a field of every SKU sold in the market (``plug_type``: the UK needs a BS 1363 plug, type G, or an
approved conversion plug); or a text on the detail pages (the California Proposition 65 warning; a
toy's "Not suitable for children under 36 months", which, once a page of the listing shows it, every
English, Spanish, French and Russian page must show in its own language: Toy Safety Directive Art. 11(2)-(3)).
A product with no group that needs evidence (a garden hose) needs none. Every rule that applies
must be met; a market missing certificates gets one finding (the more certain rule, then the more
specific), and a certificate or SKU judged for two markets gets one finding too. A page-text
search that runs over a second on one page (a standards overlay's pattern that backtracks on text
built to nearly match it) is stopped, and a warning says the evidence could not be checked.
Why: a marketplace delists a product that cannot show the evidence for the market it ships to,
customs can hold the goods, and some evidence (a fibre composition, a Prop 65 warning) must be
visible to the buyer before the purchase.
Fails:
    listing.json /markets = ["EU", "US"]    (no FCC certificate for the US)

    listing.json /markets = ["UK"]
    listing.json /certificates/0/scheme = "UKCA"    (nothing for Northern Ireland)
    listing.json /responsible_person = [{"market": "UK", "name": "Example UK Rep Ltd", "address": "1 Example Street, London", "email": "uk@example.com"}]
    listing.json /certificates/- = {"scheme": "PSTI", "legislation": ["PSTI"], "issued": "2026-01-15", "models": ["D1-EU"], "file": "certs/psti.pdf"}
    certs/psti.pdf: scanned pdf

    listing.json /product_groups = ["mains-plug"]
    listing.json /markets = ["UK"]
    listing.json /responsible_person = [{"market": "UK", "name": "Example UK Rep Ltd", "address": "1 Example Street, London", "email": "uk@example.com"}]
    listing.json /skus/0/plug_type = "C"    (a Europlug in the UK)
Passes:
    listing.json /markets = ["EU", "US"]
    listing.json /certificates/- = {"scheme": "FCC", "standards": ["ANSI C63.10-2020"], "issued": "2026-01-28", "models": ["D1-EU"], "fcc_id": "2ABCD-SP1", "file": "certs/fcc.pdf"}
    certs/fcc.pdf: scanned pdf

    listing.json /product_groups = ["mains-plug"]
    listing.json /markets = ["UK"]
    listing.json /responsible_person = [{"market": "UK", "name": "Example UK Rep Ltd", "address": "1 Example Street, London", "email": "uk@example.com"}]
    listing.json /skus/0/plug_type = "G"
"""

import json

from listing_lint.api import Severity
from listing_lint.bundle.positions import pointer
from listing_lint.rules.compliance._common import (
    CONFIDENCE_RANK,
    certificates,
    certificates_rejected,
    group_text,
    markets_with_pointers,
    product_groups,
    registry_for,
)
from listing_lint.standards import pagetext

CODE, NAME, SEVERITY = "CMP001", "missing-evidence", Severity.ERROR


def check(bundle, ctx):
    if certificates_rejected(bundle, "scheme", "legislation", "models"):
        return  # SCH002 reports the certificate's value; fixing it may change the answer
    registry = registry_for(ctx)
    groups = product_groups(bundle, ctx)
    certs = certificates(bundle)
    found: dict[tuple, tuple] = {}  # (where, kind) -> (rank, message, confidence, rule)
    for market, at in markets_with_pointers(bundle):
        rules = [
            r for r in registry.rules_of("evidence") if market in r.markets and r.covers(groups) and r.in_force(ctx.as_of)
        ]
        failures = []
        for rule in _one_per_evidence(rules):
            failures += [(rule, *f) for f in _failures(rule, bundle, certs, market, at)]
        for rule, where, message, confidence in _one_per_certificate(failures):
            rank = CONFIDENCE_RANK.get(confidence, 9)
            key = (where, _kind(rule))  # one certificate or SKU judged for two markets: one finding
            if key not in found or rank < found[key][0]:
                text = message.format(market=market, groups=group_text(groups & _named(rule)))
                found[key] = (rank, text, confidence, rule)
    for (where, _), (_, message, confidence, rule) in found.items():
        yield ctx.finding(where, message, severity=ctx.severity_for(confidence), source=rule.source)


def _kind(rule) -> tuple:
    """What kind of evidence a rule wants: any certificate, or one field, SKU field or page text."""
    if rule.get("field") or rule.get("sku_field") or rule.get("page_text") or rule.get("page_text_by_language"):
        return rule.get("field"), rule.get("sku_field"), rule.get("page_text"), _by_language_key(rule)
    return ("certificate",)


def _by_language_key(rule) -> tuple:
    return tuple(sorted((rule.get("page_text_by_language") or {}).items()))


def _rank(rule) -> tuple[int, int]:
    """More certain first, then more specific (fewer groups named)."""
    return CONFIDENCE_RANK.get(rule.confidence, 9), len(_named(rule)) or 99


def _one_per_evidence(rules):
    """Rules asking for the same evidence in a market: the most certain, then most specific, speaks."""
    best: dict[tuple, object] = {}
    for rule in rules:
        key = (
            frozenset(rule.get("schemes") or ()), frozenset(rule.get("legislation") or ()),
            rule.get("field"), rule.get("sku_field"), rule.get("page_text"), _by_language_key(rule),
        )
        if key not in best or _rank(rule) < _rank(best[key]):
            best[key] = rule
    return list(best.values())


def _one_per_certificate(failures):
    """Certificates missing in a market are one finding: the most certain rule that asked, and of those
    one naming a legislation (it says more), speaks."""
    missing: dict[str, tuple] = {}
    out = []
    for failure in failures:
        rule, where, _, confidence = failure
        schemes = frozenset(rule.get("schemes") or ())
        no_certificate = schemes and where.startswith("/markets/")  # not a wrong legislation, a field or a page
        if not no_certificate or rule.get("field") or rule.get("page_text") or rule.get("page_text_by_language"):
            out.append(failure)
            continue
        kept = missing.get(where)
        if kept is None or (CONFIDENCE_RANK.get(confidence, 9), not rule.get("legislation")) < (
            CONFIDENCE_RANK.get(kept[3], 9), not kept[0].get("legislation")
        ):
            missing[where] = failure
    return out + list(missing.values())


def _failures(rule, bundle, certs, market, at):
    """(where, message template, confidence) for each way the rule's evidence is missing; none if any
    of its kinds of evidence (certificate, field, SKU field, page text) is there."""
    found = []
    if rule.get("schemes"):
        problem = _certificate(rule, certs, at)
        if problem is None:
            return []
        found.append(problem)
    if rule.get("field"):
        problem = _field(rule, bundle, at)
        if problem is None:
            return []
        found.append(problem)
    if rule.get("page_text"):
        has = pagetext.search(rule.get("page_text"), (" ".join(b.text for b in page.blocks) for page in bundle.pages.values()))
        if has:
            return []
        if has is None:  # stopped: the evidence may be there; say why it was not checked
            return [(at, _stopped(rule), "configured")]
        found.append((at, _message(rule, rule.get("evidence") or "the required text on any detail page"), rule.confidence))
    if rule.get("sku_field"):
        return _sku_fields(rule, bundle, market)
    if rule.get("page_text_by_language"):
        return _pages_in_their_language(rule, bundle, at)
    return found[:1]


def _pages_in_their_language(rule, bundle, at):
    """A text some detail page shows (in any of the rule's languages) that another page does not show in
    its own language: one finding per such page. The pages decide whether the text is needed at all
    (which toys need an age warning depends on the toy, which the tool cannot see), so a listing that
    shows it nowhere is left alone."""
    patterns = rule.get("page_text_by_language")
    pages = [(page, _language(page.locale)) for page in bundle.pages.values()]
    texts = {id(page): _text_and_alts(page) for page, _ in pages}
    shown = pagetext.search("|".join(f"(?:{p})" for p in patterns.values()), texts.values())
    if shown is None:
        return [(at, _stopped(rule), "configured")]
    if not shown:
        return []
    found = []
    for page, language in pages:
        if language not in patterns:
            continue  # a language the rule has no wording for is not judged
        has = pagetext.search(patterns[language], [texts[id(page)]])
        if has is None:
            found.append((page, _stopped(rule), "configured"))
        elif not has:
            what = f"{rule.get('evidence') or 'the required text'} in the page's own language ({language})"
            found.append((page, _message(rule, what), rule.confidence))
    return found


def _text_and_alts(page) -> str:
    """A page's text with its pictures' alt texts: a warning pictogram counts by what its alt text says."""
    alts = [el.get("alt") or "" for el in page.elements("img")]
    return " ".join([*(b.text for b in page.blocks), *alts])


def _language(locale: str) -> str:
    return locale.split("-")[0].lower()


def _certificate(rule, certs, at):
    schemes = list(rule.get("schemes"))
    laws = set(rule.get("legislation") or ())
    mine = [c for c in certs if c.scheme in schemes]
    if mine and (not laws or any(not c.legislation or laws & set(c.legislation) for c in mine)):
        return None  # a certificate that names no legislation is not second-guessed
    wanted = " or ".join(schemes)
    under = f" under {'/'.join(sorted(laws))}" if laws else ""
    what = rule.get("evidence") or f"{wanted} certificate{under}"
    fix = rule.get("fix") or f"add the {wanted} certificate{under} to `certificates`"
    where = mine[0].ptr("legislation") if mine else at
    return where, _message(rule, what, fix), rule.confidence


def _field(rule, bundle, at):
    if rule.get("exempt_field") and bundle.get(rule.get("exempt_field")) is not None:
        return None  # a derogation the seller declares (the tool cannot judge it; the schema checks its value)
    value = bundle.get(rule.get("field"))
    values = rule.get("values")
    if value is None:
        if rule.get("absent") == "silent":
            return None
        return at, _message(rule, rule.get("evidence") or f"`{rule.get('field')[1:]}`"), _missing_confidence(rule)
    if values is not None and value not in values:
        name = rule.get("field")[1:].replace("/", ".")
        what = _instead(name, value, rule.get("evidence") or f"another `{name}`")
        return rule.get("field"), _message(rule, what, prefix=""), rule.confidence
    return None


def _sku_fields(rule, bundle, market):
    name, values, alternative = rule.get("sku_field"), rule.get("values"), rule.get("alternative_field")
    what = rule.get("evidence") or f"`{name}`"
    out = []
    for i, sku in enumerate(bundle.list_at("/skus")):
        if not isinstance(sku, dict):
            continue
        sold = sku.get("markets")
        if isinstance(sold, list) and market not in sold:
            continue
        value = sku.get(name)
        label = sku.get("model") if isinstance(sku.get("model"), str) else f"skus[{i}]"
        if value is None:
            out.append((pointer("skus", i), _message(rule, what, sku=label), _missing_confidence(rule)))
        elif values is not None and value not in values and not (alternative and sku.get(alternative) is True):
            out.append((pointer("skus", i, name), _message(rule, _instead(name, value, what), sku=label, prefix=""), rule.confidence))
    return out


def _instead(name: str, value, wanted: str) -> str:
    """What a field holds and what it should: ``plug_type "C" instead of a BS 1363 plug (...)``."""
    shown = json.dumps(value, ensure_ascii=False)
    if len(shown) > 40:
        shown = shown[:39] + "…"
    return f"`{name}` {shown} instead of {wanted}"


def _missing_confidence(rule) -> str:
    weaker = rule.get("missing_confidence") or rule.confidence
    return max(weaker, rule.confidence, key=lambda c: CONFIDENCE_RANK.get(c, 9))


def _message(rule, what, fix=None, sku=None, prefix="no"):
    """A message template; ``{market}`` and ``{groups}`` are filled in by check()."""
    fix = fix or rule.get("fix") or f"add {what}"
    whose = f"SKU {sku!r} " if sku else ""
    head = " ".join(part for part in (f"{whose}has" if sku else "", prefix, what) if part)
    why = str(rule.get("why") or "")
    return f"{_literal(head)} for the {{market}} market ({{groups}} product): {_literal(why)}; {_literal(fix)}"


def _stopped(rule) -> str:
    """The template for a page-text search that was stopped (``pagetext.search`` said None)."""
    what = _literal(str(rule.get("evidence") or "the required text"))
    return (f"{what} for the {{market}} market ({{groups}} product) could not be checked: rule "
            f"{_literal(repr(str(rule.id)))}'s page_text pattern ran over "
            f"{pagetext.SEARCH_SECONDS:g} s on a detail page and was stopped; simplify the pattern "
            "(an alternation or repetition that can match the same text in many ways backtracks)")


def _literal(text: str) -> str:
    """``text`` inside a message template: its braces stay braces when check() fills it in."""
    return text.replace("{", "{{").replace("}", "}}")


def _named(rule) -> set[str]:
    return set(rule.get("groups_all") or rule.get("groups_any") or ())
