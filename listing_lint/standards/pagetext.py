"""The registry's ``page_text`` patterns, searched in bounded time.

A ``page_text`` pattern is a Python regular expression from the shipped registry or from a
project's standards overlay, and the text it searches is a seller's detail page: a pull request
controls the text, and an overlay the pattern. Python's ``re`` backtracks, so a pattern that
repeats a group which itself repeats (``(?:\\w+\\s?)+$``) takes exponential time on text built to
nearly match it, and so does an alternation whose branches match the same text. Telling such a
pattern from a safe one by its shape refuses good patterns too (``(?:WARNING\\W+)+`` cannot
backtrack, ``(?:x\\w+)+`` can), so ``search`` bounds the search instead: one page's search stops
after ``SEARCH_SECONDS`` and CMP001 says the evidence could not be checked, as a picture's decode
budget does. The shipped patterns search a megabyte of ordinary or repeated text in 50-80 ms,
but even the Prop 65 one (``\\bWARNING\\b[\\s\\S]{0,800}P65Warnings``) takes 1.3 s on a megabyte
of "WARNING " (each of its 125,000 starts scans 800 characters), and a page may hold five
(``max-text-bytes``); a runaway pattern takes minutes to years.
"""

from __future__ import annotations

import re

#: one page's search for one pattern stops after this many seconds (wall clock, SIGALRM: the main
#: thread only, as the engine's ``rule-timeout``; ``re`` checks for signals while it backtracks)
SEARCH_SECONDS = 1.0


def search(pattern: str, texts) -> bool | None:
    """Whether ``pattern`` (case-insensitive) matches one of ``texts``; None when a search ran
    past ``SEARCH_SECONDS`` and was stopped."""
    from listing_lint.media.budget import Deadline

    rx = re.compile(pattern, re.IGNORECASE)  # re keeps its compiled patterns
    for text in texts:
        with Deadline(SEARCH_SECONDS) as clock:
            found = rx.search(text) is not None
        if clock.expired:
            return None
        if found:
            return True
    return False
