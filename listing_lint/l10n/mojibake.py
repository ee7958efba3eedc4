"""Mojibake: text decoded with the wrong encoding, repaired by ftfy (LOC011; and not a language,
so the language judge leaves it alone: UTF-8 Russian read as Latin-1 looks "Spanish" to a model)."""

from __future__ import annotations

from functools import lru_cache

from listing_lint import memo

#: characters frequent in the shop copy the rules read: ASCII, the letters of the candidate
#: languages, their quotes and dashes. For each alternative of ftfy's badness pattern ``_marks``
#: picks the character class a match must hold with the fewest of them (ASCII weighing most)
_FREQUENT_LETTERS = (
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯіІїЇєЄўЎґҐ"
    "àáâãäåæçèéêëìíîïñòóôõöùúûüýÿœÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸŒ"
)
_FREQUENT_MARKS = "«»¿¡“”„‘’–—°\u00a0"


def repaired(text: str) -> str | None:
    """ftfy's repair of ``text`` when ftfy finds it bad and can change it, else None.

    Kept by text hash (listing_lint.memo): a run over unchanged text does not import ftfy (0.1 s).
    ASCII text is never mojibake (that is non-ASCII characters read wrongly; ftfy's badness pattern
    matches no ASCII string, which a test checks against the installed ftfy), so an English edit
    does not import it either. Nor is text that holds none of ``_marks`` (most copy in any
    language): it is answered without ftfy and without a memo entry of its own (issue 18).
    """
    if text.isascii():
        return None
    if not _may_be_bad(text):
        return None
    ns = "mojibake:" + memo.code_version(__name__, dists=("ftfy",))
    key = memo.text_key(text)
    stored = memo.get(ns, key)
    if stored == "" or (stored or "").startswith("!"):  # anything else was not written here: a miss
        return stored[1:] or None
    import ftfy

    fixed = ftfy.fix_text(text) if ftfy.is_bad(text) else text
    found = None if fixed == text else fixed  # ftfy sees something odd but cannot repair it: stay silent
    memo.put(ns, key, "" if found is None else "!" + found)
    return found


def _weight(ch: str) -> int:
    return 10 if ch.isascii() else 3 if ch in _FREQUENT_LETTERS else 1 if ch in _FREQUENT_MARKS else 0


def _may_be_bad(text: str) -> bool:
    """False only when ftfy's badness pattern cannot match ``text``: it holds no character of
    ``_marks`` (the pattern's 37 alternatives cost 10-60 µs per text; this search 2-4 µs)."""
    marks = _marks()
    return marks is None or marks.search(text) is not None


@lru_cache(maxsize=1)
def _marks():
    """``_mark_chars`` as one character class (None: every non-ASCII text is searched). The
    characters are kept in the memo under ftfy's version and this code's ("" for None), so a run
    that finds them does not import ftfy."""
    import re

    ns = "mojibake-marks:" + memo.code_version(__name__, dists=("ftfy",))
    chars = memo.get(ns, "badness")
    if chars is None:
        chars = "".join(_mark_chars() or ())
        memo.put(ns, "badness", chars)
    return re.compile("[" + "".join(map(re.escape, chars)) + "]") if chars else None


def _mark_chars() -> list[str] | None:
    """The characters of a class that every match of ftfy's ``BADNESS_RE`` holds a character of, derived
    from the installed ftfy's pattern: each alternative of it is a sequence, and a match of the
    alternative holds one character of each plain character class (or literal) in that sequence;
    one such class per alternative, the one with the fewest frequent characters (``_weight``), and their
    union. None (search always) when the pattern is not of that shape."""
    import re

    import ftfy.badness

    try:
        from re import _constants as c, _parser as parser  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants as c  # type: ignore[no-redef]
        import sre_parse as parser  # type: ignore[no-redef]

    pattern = ftfy.badness.BADNESS_RE
    if pattern.flags & (re.IGNORECASE | re.LOCALE):
        return None

    def chars(op, av) -> set[str] | None:
        if op is c.LITERAL:
            return {chr(av)}
        if op is not c.IN:
            return None
        out: set[str] = set()
        for kind, value in av:
            if kind is c.LITERAL:
                out.add(chr(value))
            elif kind is c.RANGE:
                out.update(map(chr, range(value[0], value[1] + 1)))
            else:  # a negated class, a category (\\w, \\s): no finite set
                return None
        return out

    try:
        tree = parser.parse(pattern.pattern, pattern.flags)
        (op, (_, alternatives)), = tree.data
        if op is not c.BRANCH:
            return None
        union: set[str] = set()
        for alternative in alternatives:
            classes = [found for found in (chars(op, av) for op, av in alternative.data) if found]
            if not classes:
                return None
            union |= min(classes, key=lambda cls: (sum(map(_weight, cls)), len(cls)))
    except Exception:  # noqa: BLE001 - another ftfy's pattern, another Python's parser: search always
        return None
    return sorted(union)
