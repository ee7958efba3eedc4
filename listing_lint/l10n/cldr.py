"""CLDR answers from Babel, kept in ``listing_lint.memo`` under Babel's version.

Babel loads a locale's whole CLDR data to answer one question (a decimal symbol, a language's
English name): 0.1-0.2 s for a bundle's four locales, a third of a pre-commit run (issue 18). The
answers are a few characters each and depend only on the locale and Babel's version, so with the
cache on they are stored like the models' scores, and a run that finds them loads no locale data
and does not import Babel.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path


def kept(kind: str, locale: str, compute: Callable[[], str], valid: Callable[[str], bool]) -> str:
    """``compute()`` (a string) for ``locale``, from the memo when an earlier run stored it and it is
    ``valid`` (of the shape this code stores: an edited cache is worked out again, and rewritten)."""
    from listing_lint import memo

    ns = f"cldr:{kind}:{memo.code_version(dists=('babel',))}"
    key = memo.text_key(locale)
    stored = memo.lookup(ns, key, lambda text: text if valid(text) else None)
    if stored is not None:
        return stored
    value = compute()
    memo.put(ns, key, value)
    return value


#: "Trinidad and Tobago" is CLDR's "Trinidad & Tobago"; the conjunctions of the page languages
_AND = re.compile(r"\s+(?:and|y|e|et|и)\s+|\s*&\s*", re.IGNORECASE)
_LIST = re.compile(r"\s*[,;/|·•]\s*")
_SEPARATOR = re.compile(r"[,;/|·•]")  # what _LIST splits at, without the spaces around


#: what surrounds a name without being part of it ("(Luxembourg)", "«Seychelles».")
_AROUND = " .:!?()[]\"'«»"


def _normal(name: str) -> str:
    return _AND.sub(" & ", name.replace("\u2019", "'").strip(_AROUND).casefold())


@lru_cache(maxsize=16)
def territory_names(language: str) -> frozenset[str]:
    """CLDR's names of countries and regions in ``language`` ("Luxembourg", "Islas Feroe"), normalised."""

    def compute() -> str:
        from babel import Locale

        try:
            names = Locale.parse(language.replace("-", "_")).territories.values()
        except Exception:  # noqa: BLE001 - a tag Babel does not know: no names
            names = ()
        return json.dumps(sorted({_normal(n) for n in names}), ensure_ascii=False)

    return frozenset(json.loads(kept("territories", language, compute, _is_name_list)))


ISO_NAMES = Path(__file__).resolve().parent.parent / "data" / "iso3166_names.json"


@lru_cache(maxsize=16)
def iso_names(language: str) -> frozenset[str]:
    """ISO 3166-1's names of countries in ``language``, normalised (``data/iso3166_names.json``):
    shops list countries by them too ("Bonaire, Sint Eustatius and Saba", "Korea, Republic of"),
    which CLDR writes otherwise ("Caribbean Netherlands")."""
    try:
        doc = json.loads(ISO_NAMES.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()
    return frozenset(_normal(n) for n in doc.get("names", {}).get(language, ()))


def _is_name_list(stored: str) -> bool:
    try:
        names = json.loads(stored)
    except ValueError:
        return False
    return isinstance(names, list) and all(isinstance(n, str) for n in names)


@lru_cache(maxsize=16)
def _names_and_longest(language: str) -> tuple[frozenset[str], int]:
    """CLDR's and ISO's names of ``language`` together (built once, not per text), and the longest's length."""
    names = territory_names(language) | iso_names(language)
    return names, max(map(len, names), default=0)


def _is_name(text: str, names: frozenset[str], longest: int) -> bool:
    return not _longer_than(text, longest) and _normal(text) in names


def _longer_than(part: str, longest: int) -> bool:
    """``_normal(part)`` is surely longer than ``longest``, so no name: it keeps every character of
    the stripped part that is not white space (case folding gives each one or more characters, none
    of them white space), and a conjunction's replacement " & " is no shorter than the match less
    its white space. Counting is cheaper than normalising (the conjunction search): most first parts
    are sentences longer than any name (issue 18, session 7)."""
    stripped = part.replace("\u2019", "'").strip(_AROUND)
    return len(stripped) > longest and len("".join(stripped.split())) > longest


def territory_names_only(text: str, language: str) -> bool:
    """``text`` is one or a list of country and region names as ``language`` writes them
    ("Trinidad and Tobago", "Luxembourg, Seychelles"): names, which carry no language (a detector
    calls "Luxembourg" Dutch and "Montserrat" Catalan). Another language's name ("Alemania" on an
    English page) is not one of them: that is a leftover."""
    if len(text) > 200:  # longer than any list of names a block would hold: most paragraphs
        return False
    names, longest = _names_and_longest(language)
    # the first part ``_LIST.split`` gives: up to the first separator, less the white space before
    # it (``\s`` and ``str.rstrip`` strip the same characters); found without the split, whose
    # leading ``\s*`` is tried at every space of the text
    at = _SEPARATOR.search(text)
    head = text if at is None else text[:at.start()].rstrip()
    if head.strip(_AROUND) and _longer_than(head, longest):
        # a sentence, no name, and every name tried below starts with it and is longer
        # (``_longer_than``): most texts are answered here (session 8)
        return False
    parts = [part for part in _LIST.split(text) if part.strip(_AROUND)]
    if not parts:
        return False  # separators only: no list of names
    at = 0
    while at < len(parts):
        # a name may hold commas ("Bonaire, Sint Eustatius and Saba", "Congo, The Democratic
        # Republic of the"): the longest run of parts that is a name, from three down to one
        span = next((k for k in (3, 2, 1) if at + k <= len(parts)
                     and _is_name(", ".join(parts[at:at + k]), names, longest)), 0)
        if not span:
            return False  # most texts: their first part is a sentence, no name (issue 18)
        at += span
    return True
