"""Word frequencies: a third opinion on a close call between the page language and a neighbour.

The detectors read character n-grams, and neighbours share most of them: "Importe de reembolso
no válido." is Portuguese 0.54 / Spanish 0.37 for lingua's accurate model and Portuguese 0.79 for
py3langid, though Portuguese writes neither "no válido" (it negates with "não") nor "importe". The
words say what the n-grams blur: "no" is 3.0 % of Spanish words and 0.44 % of Portuguese ones (in
Portuguese it is "em" + "o"), "o" 0.2 % and 3.4 %. ``lead`` weighs a text's words by their
frequencies in each language (a unigram model over the 50,000 most frequent words of subtitles,
``listing_lint/data/wordfreq/README.md``), and the judge asks it only on close calls
(``judge.Judge._two_pass``): a text whose words are ``WORD_LEAD`` likelier in the page language
than in the winner and in every neighbour is kept. docs/langid.md, "Words on close calls".
"""

from __future__ import annotations

import gzip
import math
import re
import threading
from functools import lru_cache
from pathlib import Path

from listing_lint.langid.base import NEIGHBOURS

#: natural log: the page language's words must be e^1.0 (2.7) times likelier than the winner's and
#: every neighbour's. Measured over the four real-text corpora (every string from 30 characters on
#: every page language, docs/langid.md): the 231 wrong texts that reach a close call lead by at
#: most -0.17 (an English string on a French page), the four correct ones by 2.59 to 9.49; any
#: value from 0.5 to 2.5 keeps those four and loses no detection, 1.0 sits in the middle
WORD_LEAD = 1.0
#: words of a text weighed (its first ones): bounded work on a long text
MAX_WORDS = 64
FOLDER = Path(__file__).resolve().parent.parent / "data" / "wordfreq"
_LETTERS = re.compile(r"[^\W\d_]+")
_lists: dict[str, tuple[str, int, float] | None] = {}
_lock = threading.Lock()


def _list(lang: str) -> tuple[str, int, float] | None:
    """A language's list as one string ("\\nword count\\n..."), its total count and the log
    frequency given to a word it does not hold; None when the language has no list. One string, not
    a dict of 50,000 words: a close call is rare, and a dict per language would cost each worker
    about 5 MiB (issue 18)."""
    with _lock:
        if lang not in _lists:
            path = FOLDER / f"{lang}.txt.gz"
            try:
                raw = path.read_bytes() if lang.isalpha() else None
            except OSError:
                raw = None
            if raw is None:
                _lists[lang] = None
            else:
                _lists[lang] = _parsed(gzip.decompress(raw).decode("utf-8", "replace"))
        return _lists[lang]


def _parsed(text: str) -> tuple[str, int, float] | None:
    """The list's text after its first line ("# total least": what the counts add up to, and the
    least of them); None for a file not of that shape (a damaged install gives no opinion)."""
    head, _, body = text.partition("\n")
    parts = head.split()
    if len(parts) != 3 or parts[0] != "#" or not parts[1].isdigit() or not parts[2].isdigit():
        return None
    total, least = int(parts[1]), int(parts[2])
    if not 0 < least <= total:
        return None
    return "\n" + body, total, math.log(0.5 * least / total)


@lru_cache(maxsize=8192)
def log_frequency(lang: str, word: str) -> float | None:
    """ln of ``word``'s share of ``lang``'s words (lower case), or None when the list lacks it."""
    entry = _list(lang)
    if entry is None:
        return None
    text, total, _ = entry
    at = text.find(f"\n{word} ")
    if at < 0:
        return None
    end = text.find("\n", at + 1)
    count = text[at + len(word) + 2:end if end >= 0 else None]
    return math.log(int(count) / total) if count.isdigit() and 0 < int(count) <= total else None


def has_list(lang: str | None) -> bool:
    return bool(lang) and _list(lang) is not None


def _llr(words: list[str], a: str, b: str) -> float:
    """ln P(words | a) - ln P(words | b); a word neither list holds says nothing and is skipped."""
    floor_a, floor_b = _list(a)[2], _list(b)[2]
    total = 0.0
    for word in words:
        fa, fb = log_frequency(a, word), log_frequency(b, word)
        if fa is None and fb is None:
            continue
        total += (floor_a if fa is None else fa) - (floor_b if fb is None else fb)
    return total


def lead(text: str, expected: str, winner: str, rivals: tuple[str, ...] = ()) -> float:
    """How much likelier the words of ``text`` are in ``expected`` than in ``winner``, the other
    ``rivals`` and ``expected``'s neighbours (the least of the log ratios); -inf when ``expected``
    or ``winner`` has no list (no opinion: the detectors' verdict stands)."""
    if not has_list(expected) or not has_list(winner) or winner == expected:
        return -math.inf
    words = [w.lower() for w in _LETTERS.findall(text[:MAX_WORDS * 40]) if w.isalpha()][:MAX_WORDS]
    others = {winner, *rivals, *NEIGHBOURS.get(expected, ())} - {expected}
    return min(_llr(words, expected, other) for other in sorted(others) if has_list(other))


def keeps(text: str, expected: str, winner: str, rivals: tuple[str, ...] = ()) -> bool:
    """The words of ``text`` clearly favour the page language over the winner and every neighbour."""
    return lead(text, expected, winner, rivals) >= WORD_LEAD
