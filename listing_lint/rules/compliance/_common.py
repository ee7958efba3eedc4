"""What the CMP rules share: certificates read defensively, the market each scheme speaks for,
cited standards parsed once per bundle, and the registry the rules judge with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from listing_lint.bundle.positions import pointer
from listing_lint.standards.refparse import RefError, StandardRef, is_regulation, split_refs, try_parse
from listing_lint.standards import pagetext
from listing_lint.standards.registry import Match, Registry, registry_for

__all__ = ["Cert", "Cited", "certificates", "cited_standards", "registry_for", "judging_market", "accepted_in", "laws_where",
           "as_date", "group_text", "CONFIDENCE_RANK", "markets_with_pointers", "sku_models_by_market",
           "substitutes", "nb_number", "red_examination_covers", "product_groups", "model_names"]

#: the market whose registry entries judge a certificate's standards
#: (a food contact declaration, ``FCM``, serves every market and cites test methods, not harmonised standards)
JUDGED_IN = {"CE": "EU", "UKCA": "UK", "FCC": "US", "PSTI": "UK", "CPC": "US", "DOE": "US", "E-mark": "EU", "FCM": None}
CONFIDENCE_RANK = {"confirmed": 0, "secondary": 1, "single-source": 2, "unconfirmed": 3}


def as_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


@dataclass(frozen=True)
class Cert:
    index: int
    pointer: str  # "/certificates/2"
    scheme: str
    legislation: tuple[str, ...]
    standards: tuple[tuple[int, str], ...]  # (index in the list, text as written)
    models: tuple[str, ...]
    issued: date | None
    expires: date | None
    notified_body: str | None
    fcc_id: str | None
    file: str | None

    def ptr(self, *tokens) -> str:
        return pointer("certificates", self.index, *tokens)

    @property
    def market(self) -> str | None:
        return JUDGED_IN.get(self.scheme)


def certificates(bundle) -> list[Cert]:
    """The bundle's certificates with a known scheme; wrong types are skipped (SCH002 reports them).

    Read once per bundle (ten CMP rules ask; issue 18, session 9): a new list each time, the same
    (frozen) records."""
    made = bundle.__dict__.get("_cmp_certificates")
    if made is None:
        made = bundle.__dict__["_cmp_certificates"] = _certificates(bundle)
    return list(made)


def _certificates(bundle) -> list[Cert]:
    out = []
    for i, raw in enumerate(bundle.list_at("/certificates")):
        if not isinstance(raw, dict) or not isinstance(raw.get("scheme"), str) or raw["scheme"] not in JUDGED_IN:
            continue
        standards = raw.get("standards") if isinstance(raw.get("standards"), list) else []
        out.append(
            Cert(
                index=i,
                pointer=pointer("certificates", i),
                scheme=raw["scheme"],
                legislation=tuple(_strings(raw.get("legislation"))),
                standards=tuple((j, s) for j, s in enumerate(standards) if isinstance(s, str)),
                models=tuple(_strings(raw.get("models"))),
                issued=as_date(raw.get("issued")),
                expires=as_date(raw.get("expires")),
                notified_body=raw.get("notified_body") if isinstance(raw.get("notified_body"), str) else None,
                fcc_id=raw.get("fcc_id") if isinstance(raw.get("fcc_id"), str) else None,
                file=raw.get("file") if isinstance(raw.get("file"), str) else None,
            )
        )
    return out


def certificates_rejected(bundle, *fields: str) -> bool:
    """Whether the schema rejects a certificate's ``fields`` (or the list itself): SCH002 reports it, and a
    rule that concludes from the certificates as a whole ("no CE certificate", "no certificate lists the
    model") says nothing until it is fixed, since the fix may be the very certificate it looks for."""
    return bundle.schema_rejects("/certificates") and any(
        bundle.schema_rejects(pointer("certificates", i, field))
        for i in range(max(1, len(bundle.list_at("/certificates"))))
        for field in fields
    )


def laws_where(registry: Registry, cert: Cert, key: str, value: str) -> Any:
    """The conformity-assessment rule of ``cert``'s first law when every law ``cert`` names has a
    rule in its market whose ``key`` is ``value`` (laws that provide for no marking, laws that never
    involve a notified body); None when one has not, or ``cert`` names none."""
    rules = {r.get("legislation"): r for r in registry.rules_of("conformity_assessment")
             if cert.market in r.markets and r.get(key) == value}
    if not cert.legislation or not set(cert.legislation) <= set(rules):
        return None
    return rules[cert.legislation[0]]


def judging_market(cert: Cert) -> str | None:
    return cert.market


def accepted_in(market: str, registry: Registry, groups) -> set[str]:
    """Schemes that evidence conformity in ``market`` (from the evidence rules; CE counts in the UK)."""
    schemes: set[str] = set()
    for rule in registry.rules_of("evidence"):
        if market in rule.markets:
            schemes.update(rule.get("schemes") or ())
    return schemes


@dataclass(frozen=True)
class Cited:
    """One standard a certificate cites: parsed, and matched in the certificate's market."""

    cert: Cert
    index: int  # position in the certificate's standards list
    text: str
    ref: StandardRef | None
    error: RefError | None
    regulation: bool
    match: Match | None
    entry: str = ""  # the list entry as written, when it names several ("EN 71-1/-2/-3"); else ""

    @property
    def at(self) -> str:
        return self.cert.ptr("standards", self.index)


def cited_standards(bundle, ctx) -> list[Cited]:
    """Every standard every certificate cites, parsed and looked up once per bundle."""
    key = "cmp.cited"
    if key not in ctx.cache:
        registry = registry_for(ctx)
        out = []
        for cert in certificates(bundle):
            for j, line in cert.standards:
                pieces = split_refs(line)  # "EN 71-1/-2/-3", "16 CFR 1250 (ASTM F963-23)": one Cited each
                entry = line if len(pieces) > 1 else ""
                for text in pieces:
                    if is_regulation(text):
                        out.append(Cited(cert, j, text, None, None, True, None, entry))
                        continue
                    parsed = try_parse(text)
                    if isinstance(parsed, RefError):
                        out.append(Cited(cert, j, text, None, parsed, False, None, entry))
                        continue
                    match = registry.lookup(parsed, cert.market) if cert.market else None
                    out.append(Cited(cert, j, text, parsed, None, False, match, entry))
        ctx.cache[key] = out
    return ctx.cache[key]


#: what separates the models of a list typed into one ``models`` entry, as test labs print them
#: ("X1-EU, X1-UK", "X1-EU/X1-UK", "X1 (X1-EU, X1-UK)")
_MODEL_LIST = re.compile(r"[,;/()&]")


def model_names(entry: str) -> list[str]:
    """The models one ``models`` entry names: itself, or the models of a list typed into it, when every item
    holds a digit (a model number does; "MHXH3ZM/A" is one model with a region suffix, not two)."""
    items = [item.strip() for item in _MODEL_LIST.split(entry)]
    items = [item for item in items if item]
    if len(items) >= 2 and all(any(ch.isdigit() for ch in item) for item in items):
        return items
    return [entry]


def group_text(groups) -> str:
    groups = sorted(groups)
    return "+".join(groups) if groups else "no product group"


def markets_with_pointers(bundle) -> list[tuple[str, str]]:
    """(market, JSON pointer of it in ``markets``), each market once."""
    seen, out = set(), []
    for i, market in enumerate(bundle.list_at("/markets")):
        if isinstance(market, str) and market not in seen:
            seen.add(market)
            out.append((market, pointer("markets", i)))
    return out


def sku_models_by_market(bundle) -> dict[str, list[tuple[str, str]]]:
    """market -> [(model, pointer of the SKU's model)], a SKU without ``markets`` selling in all of them."""
    markets = [m for m, _ in markets_with_pointers(bundle)]
    out: dict[str, list[tuple[str, str]]] = {m: [] for m in markets}
    for i, sku in enumerate(bundle.list_at("/skus")):
        if not isinstance(sku, dict) or not isinstance(sku.get("model"), str) or not sku["model"].strip():
            continue
        sold = _strings(sku.get("markets")) if isinstance(sku.get("markets"), list) else markets
        for market in sold:
            if market in out:
                out[market].append((sku["model"], pointer("skus", i, "model")))
    return out


def substitutes(registry: Registry) -> dict[str, set[str]]:
    """law -> the laws whose evidence together stands for it, both ways (RED ⇄ LVD+EMC: radio
    equipment's safety and EMC are RED Art. 3(1)(a)/(b)), from the registry's legislation rules."""
    out: dict[str, set[str]] = {}
    for rule in registry.rules_of("legislation"):
        required, instead = rule.get("requires"), set(rule.get("instead_of") or ())
        if required and instead:
            out.setdefault(required, set()).update(instead)
            for law in instead:
                out.setdefault(law, set()).add(required)
    return out


#: digit groups of a ``notified_body`` value: a notified body's number is its only one, as certificates print it
#: ("0700", "NB 0700", "Notified Body No. 0700", "N° 0700", "TÜV Rheinland LGA Products GmbH, 0197")
_DIGITS = re.compile(r"\d+")
_ART_3_3 = re.compile(r"3\s*(?:\(\s*3\s*\)|\.\s*3)((?:\s*(?:\(\s*[a-i]\s*\)|\.?\s*[a-i]\b)\s*(?:,|and|&|/|\+)?)+)", re.I)


def nb_number(cert: Cert) -> str | None:
    """The certificate's 4-digit notified-body number, when it names one and no other number (``NB 0700``,
    ``Notified Body No. 0700`` → ``0700``; ``NB 0700 / 0123``, ``No. 070`` → None)."""
    groups = _DIGITS.findall(cert.notified_body or "")
    return groups[0] if len(groups) == 1 and len(groups[0]) == 4 and groups[0].isascii() else None


def red_examination_covers(cert: Cert, clause: str) -> bool:
    """Whether ``cert`` is an EU-type examination under the RED that covers ``clause`` ("RED Art. 3(3)(e)"):
    a CE certificate under the RED with a notified body's number that names that point of Art. 3(3)
    among its references, or claims RED-DA (the delegated act's points) without naming any. A number
    alone proves nothing about scope: an LVD or RoHS certificate with one covers no RED requirement."""
    if cert.scheme != "CE" or nb_number(cert) is None or not {"RED", "RED-DA"} & set(cert.legislation):
        return False
    wanted = _points(clause)
    named = {p for _, text in cert.standards if is_regulation(text) for p in _points(text)}
    if named:
        return bool(wanted) and wanted <= named
    return "RED-DA" in cert.legislation


def _points(text: str) -> set[str]:
    """The points of Art. 3(3) a reference names: "Art. 3(3)(d) and (e)" → {"d", "e"}."""
    out: set[str] = set()
    for found in _ART_3_3.finditer(text or ""):
        out.update(re.findall(r"[a-i]", re.sub(r"and", " ", found[1], flags=re.I).lower()))
    return out


def product_groups(bundle, ctx) -> set[str]:
    """The bundle's product groups as vocabulary ids (an alias read as its id) with every group they
    imply (``electric-toy`` → ``toy``); unknown names are dropped (SCH009 reports them).
    ``battery.included: false`` ("batteries not included") puts the product in ``batteries-not-included``,
    as writing that group does."""
    key = "cmp.groups"
    if key not in ctx.cache:
        groups = registry_for(ctx).listing_groups(bundle.product_groups, bundle.get("/battery/included"))
        ctx.cache[key] = frozenset(groups)
    return set(ctx.cache[key])


def english_titles(bundle) -> list[tuple[str, str]]:
    """(locale, title) of the English titles (``en``, ``en-*``): the registry's title patterns are English."""
    return [
        (locale, title) for locale, title in bundle.dict_at("/title").items()
        if isinstance(title, str) and (locale.lower() == "en" or locale.lower().startswith(("en-", "en_")))
    ]


def names_kind(rule, title: str) -> bool:
    """Whether ``title`` names the rule's product kind: its ``title_text`` matches and its
    ``title_unless`` does not. A search that was stopped (an overlay's pattern that backtracks) names
    nothing: a title only ever narrows what a rule says."""
    if not pagetext.search(rule.get("title_text"), [title]):
        return False
    unless = rule.get("title_unless")
    return unless is None or pagetext.search(unless, [title]) is False
