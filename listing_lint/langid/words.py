"""Word frequencies: a third opinion on a close call between the page language and a neighbour.

The detectors read character n-grams, and neighbours share most of them: "Importe de reembolso
no válido." is Portuguese 0.54 / Spanish 0.37 for lingua's accurate model and Portuguese 0.79 for
py3langid, though Portuguese writes neither "no válido" (it negates with "não") nor "importe". The
words say what the n-grams blur: "no" is 3.0 % of Spanish words and 0.44 % of Portuguese ones (in
Portuguese it is "em" + "o"), "o" 0.2 % and 3.4 %. ``lead`` weighs a text's words by their
frequencies in each language (a unigram model over the 50,000 most frequent words of subtitles,
``listing_lint/data/wordfreq/README.md``), and the judge asks it only on close calls
(``judge.Judge._two_pass``): a text whose words are ``WORD_LEAD`` likelier in the page language
than in the winner and in every neighbour is kept; on the second opinion, a text py3langid gives
to another language is rejected when its words are ``REJECT_LEAD`` likelier in that language
(``rejects``: "Calculadora simples e bonita para Android" on a Spanish page). docs/langid.md,
"Session 7: words on close calls, ISO country names", and docs/decisions.md, "Session 8 (lead):
the words reject on the second opinion".
"""

from __future__ import annotations

import gzip
import math
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from listing_lint.langid.base import NEIGHBOURS

#: natural log: the page language's words must be e^1.0 (2.7) times likelier than the winner's and
#: every neighbour's. Measured over the four real-text corpora (every string on every page language,
#: docs/langid.md; close calls need 30 characters): the 231 wrong texts that reach a close call lead by at
#: most -0.17 (an English string on a French page), the four correct ones by 2.59 to 9.49; any
#: value from 0.5 to 2.5 keeps those four and loses no detection, 1.0 sits in the middle
WORD_LEAD = 1.0
#: a text a second model gives to another language is rejected when its words are e^REJECT_LEAD likelier
#: in that language than in the page's (a rejection costs a false alarm when wrong: a wider margin)
REJECT_LEAD = 2.5
#: a word of a name is as common in the page language as anywhere: no list holds it more than
#: e^NAME_LEAD as often as the page language's does (people's names travel with the subtitles:
#: "sophia" is e^-11.7 to e^-12.1 in every Latin list, "emily" and "carter" within 0.3). Measured
#: (docs/langid.md, "Session 13: names alone in a block"): the names of the parallel corpus lead
#: by at most 0.5; at 1.0, 11 of the eight gate corpora's 7,921 rejected name-shaped wrong texts
#: pass, nine of them names or words both languages write ("San Martino", "Proportions"),
#: "Continue Shopping" (shopping en by 1.1) is still found; at 2.0, 23 pass
NAME_LEAD = 1.0
#: a marker word of a language: written in lower case, at least MARKER_SHARE of its words and
#: e^``REJECT_LEAD`` likelier there than in every other list of its script ("and", "for", "to" in
#: English). A label holding one is written in that language whatever its other words share with a
#: neighbour ("Simple notes, todos and memos", pt 0.87 for the accurate pass). Session 17
#: (docs/langid.md, "Session 17: a second witness for a short label"): from 1e-3 to 1e-2, with a
#: lead of 2.5 or 4.0, it keeps 3-4 correct labels of the fifteen real-text corpora and no wrong one
MARKER_SHARE = 1e-3
#: words of a text weighed (its first ones): bounded work on a long text
MAX_WORDS = 64
FOLDER = Path(__file__).resolve().parent.parent / "data" / "wordfreq"
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class WordList:
    """A language's list: its lines ("word count", sorted by word) as one string, the counts' total
    and the log frequency given to a word the list lacks. One string, not a dict of 50,000 words
    (about 5 MiB per language in every worker, issue 18); a word is found by bisection over the
    text itself, line by line (``count``), so reading a list is only its decompression: the array
    of line offsets it once built took 7-8 ms of the 12 ms a list cost, and a close call on a
    neighbour's sentence reads four to six lists (issue 18, pre-commit, session 17)."""

    text: str
    total: int
    floor: float

    def _line(self, at: int) -> tuple[str, int, int]:
        """The word of the line holding offset ``at`` (up to its first space), with the line's start
        and end (its newline, or the text's end)."""
        text = self.text
        start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
        end = len(text) if end < 0 else end
        space = text.find(" ", start, end)
        return text[start:space if space >= 0 else end], start, end

    def count(self, word: str) -> int | None:
        lo, hi = 0, len(self.text)  # the lines between: each starts at or after lo and ends before hi
        while lo < hi:
            here, start, end = self._line((lo + hi) // 2)
            if here < word:
                lo = end + 1
            elif here > word:
                hi = start
            else:
                value = self.text[start + len(word) + 1:end]  # empty on a line without its count
                return int(value) if value.isdigit() and 0 < int(value) <= self.total else None
        return None


_lists: dict[str, WordList | None] = {}
_lock = threading.Lock()


def parse(text: str) -> WordList | None:
    """A list file's text: a first line "# total least" (what the counts add up to, and the least of
    them), then "word count" lines sorted by word. None for a file not of that shape (a damaged
    install gives no opinion)."""
    head, _, body = text.partition("\n")
    parts = head.split()
    if len(parts) != 3 or parts[0] != "#" or not parts[1].isdigit() or not parts[2].isdigit():
        return None
    total, least = int(parts[1]), int(parts[2])
    if not 0 < least <= total or not body:
        return None
    found = WordList(body, total, math.log(0.5 * least / total))
    words = [found._line(at)[0] for at in (0, len(body) // 2, max(len(body) - 2, 0))]
    if words != sorted(words):
        return None  # not sorted: bisection would miss words
    return found


def _list(lang: str) -> WordList | None:
    """A language's list, read once per process; None when the language has none."""
    with _lock:
        if lang not in _lists:
            path = FOLDER / f"{lang}.txt.gz"
            try:
                raw = path.read_bytes() if lang.isalpha() and lang.isascii() else None
            except OSError:
                raw = None
            try:
                _lists[lang] = parse(gzip.decompress(raw).decode("utf-8", "replace")) if raw else None
            except (OSError, EOFError, ValueError):  # a damaged file: no opinion
                _lists[lang] = None
        return _lists[lang]


@lru_cache(maxsize=8192)
def log_frequency(lang: str, word: str) -> float | None:
    """ln of ``word``'s share of ``lang``'s words (lower case), or None when the list lacks it."""
    entry = _list(lang)
    count = entry.count(word) if entry is not None else None
    return math.log(count / entry.total) if count else None


def preload() -> None:
    """Read every language's list now: called before worker processes fork on big runs, so that the
    lists are the parent's pages, shared, instead of each worker's own copy. Since the judge weighs
    the words of every text the fast pass accepts against the page language's neighbours and
    English (``judge._worded_rival``), each worker read most of them: about 9 MiB a worker (a cold
    run of 1,000 bundles, ``--jobs 2``: peak PSS 474 -> 492 MiB, docs/decisions.md, session 18)."""
    for path in sorted(FOLDER.glob("*.txt.gz")):
        _list(path.name[: -len(".txt.gz")])


def has_list(lang: str | None) -> bool:
    return bool(lang) and _list(lang) is not None


def _llr(words: list[str], a: str, b: str) -> float:
    """ln P(words | a) - ln P(words | b); a word neither list holds says nothing and is skipped."""
    floor_a, floor_b = _list(a).floor, _list(b).floor
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


def name_like(text: str, expected: str, others: tuple[str, ...]) -> bool:
    """Every word of ``text`` is in ``expected``'s list and no list of ``others`` holds it
    e^``NAME_LEAD`` more often: words a name is made of ("Emily Carter", "Earl Grey", "Оливия Рид"
    on any page), not the words of another language ("Help Center": "help" is e^6.5 likelier in
    English than in Spanish). A word the page language's list lacks is no evidence of a name
    ("Hintergrundfarbe", "Benett"): False, as when ``expected`` has no list."""
    if not has_list(expected):
        return False
    found = [w.lower() for w in _LETTERS.findall(text[:MAX_WORDS * 40]) if w.isalpha()][:MAX_WORDS]
    if not found:
        return False
    for word in found:
        own = log_frequency(expected, word)
        if own is None:
            return False
        if any((log_frequency(o, word) or -math.inf) - own >= NAME_LEAD for o in others if o != expected):
            return False
    return True


def marked(text: str, expected: str, others: tuple[str, ...]) -> bool:
    """A lower-case word of ``text`` is a marker word of ``expected`` against every list of
    ``others`` (``MARKER_SHARE``, ``REJECT_LEAD``): a function word no neighbour writes. Capitalised
    words are left out: a name's words say nothing of the text's language."""
    entry = _list(expected)
    if entry is None:
        return False
    least = math.log(MARKER_SHARE)
    rivals = [o for o in others if o != expected and has_list(o)]
    for word in [w for w in _LETTERS.findall(text[:MAX_WORDS * 40]) if w[:1].islower()][:MAX_WORDS]:
        own = log_frequency(expected, word)
        if own is None or own < least:
            continue
        if all(own - _or_floor(o, word) >= REJECT_LEAD for o in rivals):
            return True
    return False


def _or_floor(lang: str, word: str) -> float:
    """``word``'s log frequency in ``lang``'s list, or the list's floor when it lacks the word."""
    found = log_frequency(lang, word)
    return _list(lang).floor if found is None else found


def keeps(text: str, expected: str, winner: str, rivals: tuple[str, ...] = ()) -> bool:
    """The words of ``text`` clearly favour the page language over the winner and every neighbour."""
    return lead(text, expected, winner, rivals) >= WORD_LEAD


def rejects(text: str, expected: str, other: str) -> bool:
    """The words of ``text`` clearly favour ``other`` over the page language (``REJECT_LEAD``)."""
    return lead(text, other, expected) >= REJECT_LEAD
