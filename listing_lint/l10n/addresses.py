"""Postal addresses in page text, left out before a text's language is judged.

A listing names its manufacturer, importer and responsible person with a postal address, and an
address stays as its own country writes it on every locale's page: "Musterhandel GmbH,
Hauptstraße 12, 10115 Berlin, Deutschland" on the Spanish page is no German to translate. Judged
whole, such a block was German (0.99) on a Spanish page, and a short page with two of them was
LOC002's "56 % English" (session 11, docs/decisions.md).

A text holds an address when it has a postcode beside a place (``10115 Berlin``, ``Brisbane CA
94005``, ``Manchester M17 1AA``, ``123456, г. Москва``) and a street with its number or a company's
legal form (``data/addresses.yaml``), or a company's legal form and a street with its number
(a factory's address in China often has no postcode). Its parts between commas, colons,
semicolons and bullets that hold nothing but names, numbers, street words and legal forms are
then the address: each unbroken chain of them around a postcode, street or legal form is
removed; a part with a word of the text's language ("Persona responsable en la UE") stays.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "addresses.yaml"

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ"
#: a postcode beside a place, in the forms the marketplaces' markets write them
_POSTCODE = re.compile(
    rf"(?<![\w.,])\d{{4,5}}(?:-\d{{3,4}})?\s+[{_UPPER}][^\W\d_]"  # 10115 Berlin, 75002 Paris, 1010 Wien
    r"|(?<![\w.,])[A-Z]{2}\s\d{5}(?:-\d{4})?(?![\w.,])"  # CA 94005
    r"|(?<![\w.,])[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}(?!\w)"  # M17 1AA, SW1A 1AA
    r"|(?<![\w.,])[A-Z]\d{2}\s?[A-Z\d]{4}(?!\w)"  # D02 XY45 (Eircode)
    r"|(?<![\w.,])\d{4}\s?[A-Z]{2}(?!\w)"  # 1012 AB
    rf"|(?<![\w.,])\d{{6}},?\s+(?:г\.\s*|город\s+)?[{_UPPER}]"  # 123456, г. Москва; 518000 Shenzhen
    rf"|[{_UPPER}][^\W\d_]+,?\s\d{{5}}(?![\w.,])"  # Калифорния, 94134 (the place first)
)
_NUMBER = re.compile(r"\d\d")
#: where an address's parts end
_PARTS = re.compile(r"[,;:•·|\n()]|\s[-–—]\s")
_WORD = re.compile(r"[^\W_][\w'’./-]*")


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """(street words, legal forms), case-folded, without a final full stop."""
    from listing_lint.thresholds import load_yaml

    data = load_yaml(DATA) or {}
    return tuple(frozenset(str(w).casefold().rstrip(".") for w in data.get(key) or ()) for key in ("street_words", "company_forms"))


@lru_cache(maxsize=1)
def _forms_pattern() -> re.Pattern:
    """Any legal form as a whole word of the lower-cased text: the cheap test before a text's words
    are split (``\\b``, not look-arounds, and no IGNORECASE: a third of the time)."""
    forms = sorted(_vocabulary()[1], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")


def _bare(word: str) -> str:
    return word.casefold().rstrip(".")


def _address_word(word: str, streets: frozenset[str], forms: frozenset[str]) -> bool:
    """A name (capitalised), a number, a street word or a legal form: what an address is made of."""
    if word[0].isupper() or any(c.isdigit() for c in word):
        return True
    bare = _bare(word)
    return bare in streets or bare in forms


#: short words that join the names of an address ("rue de la Paix", "Calle de Alcalá", "Via del Corso")
_JOINING = frozenset("de la le les du des del di da do dos das am an der den zum zur van von y e et und".split())


def _street_and_company(text: str, streets: frozenset[str], forms: frozenset[str]) -> tuple[bool, bool]:
    """(a street word within three words of a number, a company's legal form)"""
    words = _WORD.findall(text)
    street = company = False
    for i, word in enumerate(words):
        bare = _bare(word)
        company = company or bare in forms
        if not street and (bare in streets or bare.endswith(("straße", "strasse"))):
            street = any(w[0].isdigit() for w in words[max(0, i - 3): i + 4])
    return street, company


def _holds_address(text: str, streets: frozenset[str], forms: frozenset[str]) -> bool:
    """A postcode beside a place with a street or a company, or a company with its street
    (a factory's address in China is often written without its postcode)."""
    postcode = _POSTCODE.search(text) is not None
    if not postcode and not _forms_pattern().search(text.lower()):
        return False  # neither a postcode nor a legal form: most text with a number (no words split)
    street, company = _street_and_company(text, streets, forms)
    return (street or company) and (street and company or postcode)


def strip_addresses(text: str) -> str:
    """``text`` without the parts of a postal address it holds (unchanged when it holds none): each
    unbroken chain of address-like parts that holds a postcode, a street with its number or a
    legal form. A greeting or a title elsewhere in a long e-mail stays."""
    if not _NUMBER.search(text):
        return text  # every address has a number of two digits or more (a postcode, a house or room)
    streets, forms = _vocabulary()
    if not _holds_address(text, streets, forms):
        return text
    parts = []  # (start, end, address-like, anchor)
    last = 0
    for m in [*_PARTS.finditer(text), None]:
        end = m.start() if m else len(text)
        part = text[last:end]
        words = _WORD.findall(part)
        like = bool(words) and all(_address_word(w, streets, forms) or w in _JOINING for w in words)
        anchor = like and (_POSTCODE.search(part) is not None or any(_street_and_company(part, streets, forms)))
        parts.append((last, end, like, anchor))
        if m:
            last = m.end()
    out, at, i = [], 0, 0
    while i < len(parts):
        if not parts[i][2]:
            i += 1
            continue
        j = i
        while j < len(parts) and (parts[j][2] or not _WORD.search(text[parts[j][0]:parts[j][1]])):
            j += 1  # a chain of address-like parts (empty ones between them do not break it)
        if any(anchor for _, _, _, anchor in parts[i:j]):
            for start, end, like, _ in parts[i:j]:
                if like:
                    out += [text[at:start], " "]
                    at = end
        i = j
    return "".join(out) + text[at:] if out else text
