"""LOC011 mojibake — text decoded with the wrong encoding (``Ã©``, ``Ð¿Ñ€``, ``â€™``).

What it checks: page blocks, titles and alt texts with ftfy's badness heuristic (``ftfy.is_bad``,
the maintained detector of UTF-8 read as Latin-1/Windows-1252), and shows ftfy's repair.
Mojibake is this rule's alone: the language judge does not call such a text (or its page)
another language (LOC002/LOC003), whatever language its broken letters look like.
Why: "CÃ¢ble de 2 mÃ¨tres" is what a buyer sees when a supplier's UTF-8 file went through a
Latin-1 tool; it looks like a scam page.
Fails:
    detail/fr.html: <p>CÃ¢ble de 2 mÃ¨tres</p>
Passes:
    detail/fr.html: <p>Câble de 2 mètres, « qualité » garantie</p>
"""

from listing_lint.api import Severity
from listing_lint.l10n.mojibake import repaired
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


def prepare(config):
    """Before worker processes fork: import ftfy (and its wcwidth tables) once, to share them
    (parallel.py): imported in each worker it was 96 modules' worth of private memory per worker.
    The badness pattern's marks too (30 ms of parsing in each process otherwise)."""
    import ftfy  # noqa: F401
    import ftfy.badness  # noqa: F401

    from listing_lint.l10n.mojibake import _marks

    _marks()
