"""Answers about one text (its prices, its measures, its number-format problems), kept in a
bundle's shared ``ctx.cache`` so the rules that read the same text ask once, and handed on from
one lint of a bundle to the next by the language server.

A keystroke changes one block of a page; the other blocks' texts are the same strings as at the
last lint, so their answers are taken from it instead of being found again (a page of 3,000
paragraphs: LOC008 alone spent 0.3 s a keystroke reading every paragraph's numbers). Only
answers that are a function of their key and of the package's own data are kept this way: the
key holds every input (the text, the locale, a flag), never a position or a config value.

Each lint keeps exactly the answers it asked for, so what is handed on is bounded by one
bundle's texts, never by the history of edits.
"""

from __future__ import annotations

from typing import Callable, TypeVar

T = TypeVar("T")
ASKED = "textmemo:asked"  # this lint's answers: kind -> key -> answer
PREVIOUS = "textmemo:previous"  # the last lint's (the server's): looked at before computing


def once_per_text(cache: dict, kind: str, key, compute: Callable[[], T]) -> T:
    """``compute()``, the ``kind`` of answer about a text, found once per lint by ``key`` (which
    holds everything the answer depends on), or taken from the last lint's answers when given."""
    asked = cache.setdefault(ASKED, {}).setdefault(kind, {})
    found = asked.get(key)
    if found is None:
        found = cache.get(PREVIOUS, {}).get(kind, {}).get(key)
        if found is None:
            found = compute()
        asked[key] = found
    return found


def seeded(previous: dict) -> dict:
    """A fresh shared cache for a lint that may take the answers ``previous`` (``answers`` of the
    last lint of the same bundle)."""
    return {PREVIOUS: previous}


def answers(cache: dict) -> dict:
    """The answers a lint asked for, to seed the next lint of the bundle."""
    return cache.get(ASKED, {})
