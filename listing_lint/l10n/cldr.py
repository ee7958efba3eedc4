"""CLDR answers from Babel, kept in ``listing_lint.memo`` under Babel's version.

Babel loads a locale's whole CLDR data to answer one question (a decimal symbol, a language's
English name): 0.1-0.2 s for a bundle's four locales, a third of a pre-commit run (issue 18). The
answers are a few characters each and depend only on the locale and Babel's version, so with the
cache on they are stored like the models' scores, and a run that finds them loads no locale data
and does not import Babel.
"""

from __future__ import annotations

from collections.abc import Callable


def kept(kind: str, locale: str, compute: Callable[[], str]) -> str:
    """``compute()`` (a string) for ``locale``, from the memo when an earlier run stored it."""
    from listing_lint import memo

    ns = f"cldr:{kind}:{memo.code_version(dists=('babel',))}"
    key = memo.text_key(locale)
    stored = memo.get(ns, key)
    if stored is not None:
        return stored
    value = compute()
    memo.put(ns, key, value)
    return value
