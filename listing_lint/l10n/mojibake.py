"""Mojibake: text decoded with the wrong encoding, repaired by ftfy (LOC011; and not a language,
so the language judge leaves it alone: UTF-8 Russian read as Latin-1 looks "Spanish" to a model)."""

from __future__ import annotations

from listing_lint import memo


def repaired(text: str) -> str | None:
    """ftfy's repair of ``text`` when ftfy finds it bad and can change it, else None.

    Kept by text hash (listing_lint.memo): a run over unchanged text does not import ftfy (0.1 s).
    ASCII text is never mojibake (that is non-ASCII characters read wrongly; ftfy's badness pattern
    matches no ASCII string, which a test checks against the installed ftfy), so an English edit
    does not import it either.
    """
    if text.isascii():
        return None
    ns = "mojibake:" + memo.code_version(__name__, dists=("ftfy",))
    key = memo.text_key(text)
    stored = memo.get(ns, key)
    if stored is not None:
        return stored[1:] if stored else None
    import ftfy

    fixed = ftfy.fix_text(text) if ftfy.is_bad(text) else text
    found = None if fixed == text else fixed  # ftfy sees something odd but cannot repair it: stay silent
    memo.put(ns, key, "" if found is None else "!" + found)
    return found
