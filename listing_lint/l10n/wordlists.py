"""LOC014 word lists: data files per locale (``data/wordlists/<lang>.txt`` and ``all.txt``),
extended by the ``wordlists`` config key (locale -> list of words, or a file path relative to the
config file's folder, in the same format).

Format: ``# comment`` lines (the header names the source), ``[category]`` lines, one word or
phrase per line. An entry in capitals matches only in capitals (``SALE``); others match in any
case. Matching is by whole words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "data" / "wordlists"


@dataclass(frozen=True)
class Entry:
    word: str
    category: str
    pattern: re.Pattern


def _compile(word: str) -> re.Pattern:
    flags = 0 if word.isupper() else re.I
    return re.compile(rf"(?<![\w]){re.escape(word)}(?![\w])", flags)


def parse(lines: list[str], default_category: str = "configured") -> list[Entry]:
    entries, category = [], default_category
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            category = line[1:-1].strip() or default_category
            continue
        entries.append(Entry(line, category, _compile(line)))
    return entries


@lru_cache(maxsize=16)
def builtin(lang: str) -> tuple[Entry, ...]:
    out: list[Entry] = []
    for name in ("all", lang):
        path = FOLDER / f"{name}.txt"
        if path.is_file():
            out.extend(parse(path.read_text(encoding="utf-8").splitlines()))
    return tuple(out)


@lru_cache(maxsize=16)
def any_builtin(lang: str) -> re.Pattern:
    """Finds something wherever an entry of ``builtin(lang)`` does: every word at once, in any case
    (a capitals-only entry too). A title it finds nothing in is not searched entry by entry
    (issue 18: thirty searches per title)."""
    words = sorted({e.word for e in builtin(lang)}, key=len, reverse=True)
    if not words:
        return re.compile(r"(?!)")
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])", re.I)


def configured(config, lang: str) -> list[Entry]:
    """Extra entries from the ``wordlists`` config key for a language (and ``"all"``)."""
    table = config.get("wordlists") or {}
    out: list[Entry] = []
    for key in ("all", lang):
        value = table.get(key)
        if isinstance(value, list):
            out.extend(parse([str(v) for v in value]))
        elif isinstance(value, str) and value.strip():
            from listing_lint.config import ConfigError, read_named_file

            try:  # inside the project, a regular file, size-capped (the CLI refused anything else already)
                out.extend(parse(read_named_file(config, value, f"wordlists.{key}").decode("utf-8", "replace").splitlines()))
            except ConfigError:
                continue  # a missing list is not a finding on the listing
    return out
