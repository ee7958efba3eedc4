"""What the BRD rules share: the brand record read defensively, and company names compared loosely."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

#: legal-form words written several ways; compared in their long form
_FORMS = {
    "ltd": "limited", "co": "company", "corp": "corporation", "inc": "incorporated", "intl": "international",
    "mfg": "manufacturing", "tech": "technology", "technologies": "technology",
}


#: the legal forms of companies (GmbH, Ltd, S.A.R.L., sp. z o.o., ООО): the vocabulary the address reader uses
ADDRESSES = Path(__file__).resolve().parents[2] / "data" / "addresses.yaml"
#: how German writes its umlauts without them (Müller = Mueller, the official transliteration of names in
#: passports: ICAO Doc 9303 Part 3, its transliteration of Latin characters); other marks are dropped (Société = Societe)
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def _words(name: str, umlauts: bool = False) -> list[str]:
    text = unicodedata.normalize("NFKC", name).casefold()
    if umlauts:
        text = text.translate(_UMLAUTS)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    words = re.findall(r"[^\W_]+", text.replace("&", " and "))
    return [_FORMS.get(w, w) for w in words if w != "the"]


def company_key(name: str) -> str:
    """``Shenzhen Foo Tech Co., Ltd.`` = ``SHENZHEN FOO TECHNOLOGY COMPANY LIMITED``; ``B.V.`` = ``BV``;
    ``Société`` = ``SOCIETE``."""
    return "".join(_words(name))  # no spaces: "B.V." = "BV", "S.A." = "SA"


@lru_cache(maxsize=1)
def _legal_forms() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each legal form as the words ``_words`` makes of it ("Co., Ltd." → company limited), by its last
    word, longest first."""
    from listing_lint.thresholds import load_yaml

    forms = {tuple(_words(str(f))) for f in (load_yaml(ADDRESSES) or {}).get("company_forms") or ()}
    forms |= {("company",), ("limited",)}
    out: dict[str, list[tuple[str, ...]]] = {}
    for form in sorted((f for f in forms if f), key=len, reverse=True):
        out.setdefault(form[-1], []).append(form)
    return {last: tuple(found) for last, found in out.items()}


def _split_form(words: list[str]) -> tuple[str, str]:
    """(the name without its legal forms at the end, the forms): "Voltra Technology Co., Ltd." →
    ("voltratechnology", "companylimited"); "Voltra GmbH & Co. KG" → ("voltra", "gmbhandcompanykg")."""
    forms = _legal_forms()
    end = len(words)
    while end:
        ending = forms.get(words[end - 1], ())
        form = next((f for f in ending if len(f) <= end and tuple(words[end - len(f): end]) == f), None)
        if form is None:
            if words[end - 1] == "and" and end < len(words):  # "GmbH & Co. KG"
                end -= 1
                continue
            break
        end -= len(form)
    return "".join(words[:end]), "".join(words[end:])


@lru_cache(maxsize=4096)
def _variants(name: str) -> tuple[tuple[str, str], ...]:
    return tuple({_split_form(_words(name, umlauts)) for umlauts in (False, True)})


def same_company(a: str, b: str) -> bool:
    """Whether two names written on letters name the same company: equal by ``company_key``, or by it with
    German umlauts written out (Müller GmbH = MUELLER GMBH), or equal but for a legal form that only one
    of them writes (Shenzhen Voltra Technology Co., Ltd. = SHENZHEN VOLTRA TECHNOLOGY). Two different
    legal forms are two companies (Voltra GmbH is not Voltra Inc.)."""
    if company_key(a) == company_key(b):
        return True
    for core_a, form_a in _variants(a):
        for core_b, form_b in _variants(b):
            if core_a and core_a == core_b and (form_a == form_b or not form_a or not form_b):
                return True
    return False


def letters(bundle) -> list[tuple[int, dict]]:
    """Authorization letters with string ``from`` and ``to``, with their index."""
    return [
        (i, raw)
        for i, raw in enumerate(bundle.list_at("/brand/authorization"))
        if isinstance(raw, dict) and isinstance(raw.get("from"), str) and isinstance(raw.get("to"), str)
    ]


def brand_name(bundle) -> str | None:
    name = bundle.get("/brand/name")
    return name.strip() if isinstance(name, str) and name.strip() else None
