"""Letters by class (script, case), counted by regular expressions instead of a Python loop per character.

The language judge asks of each text how many of its letters are Latin and how many Cyrillic
(``judge._script``), and the neutral stripper which scripts it has letters of and which of those
have a lower-case letter (``neutral._shouting``). Asked one character at a time in Python
(``unicodedata.name``, ``str.isalpha``) this was about a tenth of a cold lint's CPU on unique copy
(issue 18). ``CharClasses`` evaluates a per-character definition once, at import, for every code
point of the blocks shop text is written in, and turns each answer into a character class; a
character outside those blocks is still classified one by one with the same definition. The
answers are therefore those of the per-character loop, for any text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable

#: the code points classified ahead (about 3,200: 2 ms per definition at import): Basic Latin to the
#: Cyrillic Supplement, Latin Extended Additional, General Punctuation, currency and letterlike
#: symbols (quotes, dashes, €, ™). Any other character is classified when it is met.
KNOWN = ((0x0000, 0x0530), (0x1E00, 0x1F00), (0x2000, 0x2150))


def _class(code_points: list[int]) -> str:
    """A regular-expression character class body for sorted ``code_points``, consecutive ones as ranges."""
    parts, i = [], 0
    while i < len(code_points):
        j = i
        while j + 1 < len(code_points) and code_points[j + 1] == code_points[j] + 1:
            j += 1
        lo, hi = code_points[i], code_points[j]
        parts.append(f"\\U{lo:08x}" if lo == hi else f"\\U{lo:08x}-\\U{hi:08x}")
        i = j + 1
    return "".join(parts)


#: runs of characters outside ``KNOWN``
_OUTSIDE = re.compile("[^" + "".join(f"\\U{lo:08x}-\\U{hi - 1:08x}" for lo, hi in KNOWN) + "]+")


class CharClasses:
    """Counts of a text's characters by ``classify(ch)`` (a label, or None for characters not counted)."""

    def __init__(self, classify: Callable[[str], Hashable | None]):
        self.classify = classify
        members: dict[Hashable, list[int]] = {}
        for lo, hi in KNOWN:
            for cp in range(lo, hi):
                label = classify(chr(cp))
                if label is not None:
                    members.setdefault(label, []).append(cp)
        self.labels = tuple(members)
        self._members = members
        self._any: dict[frozenset, re.Pattern | None] = {}
        self._runs = {label: re.compile(f"[{_class(cps)}]+") for label, cps in members.items()}
        self._one = {label: re.compile(f"[{_class(cps)}]") for label, cps in members.items()}

    def _outside(self, text: str):
        for run in _OUTSIDE.findall(text):
            for ch in run:
                label = self.classify(ch)
                if label is not None:
                    yield label

    def counts(self, text: str) -> dict[Hashable, int]:
        """How many characters of ``text`` have each label (labels with none are left out)."""
        out = {}
        for label, runs in self._runs.items():
            n = sum(map(len, runs.findall(text)))
            if n:
                out[label] = n
        for label in self._outside(text):
            out[label] = out.get(label, 0) + 1
        return out

    def present(self, text: str) -> set[Hashable]:
        """The labels ``text`` has at least one character of (each search stops at the first)."""
        out = {label for label, one in self._one.items() if one.search(text)}
        out.update(self._outside(text))
        return out

    def has_any(self, text: str, labels: frozenset) -> bool:
        """Whether ``text`` has a character with one of ``labels`` (one search for them all)."""
        if labels not in self._any:
            cps = sorted(cp for label in labels for cp in self._members.get(label, ()))
            self._any[labels] = re.compile(f"[{_class(cps)}]") if cps else None
        pattern = self._any[labels]
        if pattern is not None and pattern.search(text):
            return True
        return any(label in labels for label in self._outside(text))
