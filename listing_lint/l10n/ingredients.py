"""Ingredient lists in INCI names: the same words in every language, so no language evidence.

A cosmetic's ingredient list is written in the INCI names of the Commission's glossary in every EU
language (``data/wordlists/inci.yaml`` gives the law and the words). "Aqua, Glycerin, Cetearyl
Alcohol, ..." copied unchanged onto the Spanish, French and Russian pages is what the law asks,
and was three LOC003 "paragraph is English" errors. ``label_of`` recognises such a list by its
shape (comma-separated items) and its words, and returns the text left to judge: its label
("Ingredientes:"), or nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from listing_lint.thresholds import load_yaml

DATA = Path(__file__).resolve().parent.parent / "data" / "wordlists" / "inci.yaml"

#: items are split at commas (not inside "1,2-Hexanediol"), semicolons and bullets
_SPLIT = re.compile(r"(?<!\d),|,(?!\d)|[;•·]")
_WORD = re.compile(r"[^\W\d_]+")
#: a label of one to three words before a colon: "Ingredients:", "Active:", "Puede contener:"
_LABEL = re.compile(r"(?:^|(?<=[\s.,;]))([^\W\d_]+(?:[ \t][^\W\d_]+){0,2})[ \t\u00a0]*[:：]")
#: longer texts are prose or a whole page: not looked at (and the work stays bounded)
MAX_CHARS = 20_000


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], tuple[str, ...], frozenset[str], frozenset[str], int, float]:
    doc = load_yaml(DATA)
    return (frozenset(doc["words"]), tuple(doc["endings"]), frozenset(doc["labels"]),
            frozenset(doc["not_inci"]), int(doc["min_items"]), float(doc["min_share"]))


def _is_name(item: str, words: frozenset[str], endings: tuple[str, ...], prose: frozenset[str]) -> bool:
    tokens = [t.lower() for t in _WORD.findall(item)]
    if not tokens or len(tokens) > 8 or any(t in prose for t in tokens):
        return False
    return any(t in words or (len(t) >= 5 and t.endswith(endings)) for t in tokens)


def label_of(text: str) -> str | None:
    """The label of ``text`` when it is an ingredient list ("" when it has none), else None."""
    if len(text) > MAX_CHARS or text.count(",") < 3:
        return None
    words, endings, labels, prose, min_items, min_share = _data()
    kept_labels = []

    def label(match: re.Match) -> str:
        if match.group(1).lower() in labels:
            kept_labels.append(match.group(1))
            return ","
        return match.group(0)

    body = _LABEL.sub(label, text)
    items = [i.strip(" \t\u00a0.*()[]") for i in _SPLIT.split(body)]
    items = [i for i in items if i]
    if len(items) < min_items:
        return None
    named = sum(1 for i in items if _is_name(i, words, endings, prose))
    if named < min_share * len(items):
        return None
    return " ".join(kept_labels)
