"""LOC011 mojibake — text decoded with the wrong encoding (``Ã©``, ``Ð¿Ñ€``, ``â€™``).

What it checks: page blocks, titles and alt texts with ftfy's badness heuristic (``ftfy.is_bad``,
the maintained detector of UTF-8 read as Latin-1/Windows-1252), and shows ftfy's repair.
Why: "CÃ¢ble de 2 mÃ¨tres" is what a buyer sees when a supplier's UTF-8 file went through a
Latin-1 tool; it looks like a scam page.
Fails:
    detail/fr.html: <p>CÃ¢ble de 2 mÃ¨tres</p>
Passes:
    detail/fr.html: <p>Câble de 2 mètres, « qualité » garantie</p>
"""

from listing_lint import memo
from listing_lint.api import Severity
from listing_lint.l10n.pages import texts

CODE, NAME, SEVERITY = "LOC011", "mojibake", Severity.ERROR
SOURCE = "https://ftfy.readthedocs.io/"


def check(bundle, ctx):
    for item in texts(bundle):
        fixed = repaired(item.text)
        if fixed is None:
            continue
        yield ctx.finding(
            item.at,
            f"mojibake in the {item.locale} {item.where}: \"{item.text[:40]}\" should read \"{fixed[:40]}\"; "
            "re-save the source as UTF-8",
        )


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


def prepare(config):
    """Before worker processes fork: import ftfy (and its wcwidth tables) once, to share them
    (parallel.py): imported in each worker it was 96 modules' worth of private memory per worker."""
    import ftfy  # noqa: F401
    import ftfy.badness  # noqa: F401
