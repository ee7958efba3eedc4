"""LOC002 page-language — a detail page is, as a whole, in another language than its locale.

What it checks: every block of the page that is long enough to judge (10 characters after brand
names, model codes, units and URLs are removed) gets a language verdict; the verdicts are
weighted by length, and the page fails when most of its judged text (``langid-page-share``,
default half) is one other language. Pages with under 30 judged characters are not called.
The message says when the page is the English page unchanged. Nothing else reports the blocks
of such a page (LOC003, LOC004, LOC006, LOC007, LOC009, LOC012, LOC013 and ``--fix`` skip it).
A page (or listing.json) with more text than ``langid-max-judged-chars`` is judged on its first
part, and an info finding at the first text left out says so: a crafted page of a million words
must not hold the run up.
Why: a page uploaded to the wrong locale (the English page in the Spanish slot) is the biggest
localization failure there is, and it is reported once here instead of once per paragraph.
Fails:
    detail/es.html = <p>This smart plug turns any socket into a connected one.</p>
    detail/es.html: <p>Schedule your lamps and heaters from the app.</p>
Passes:
    detail/es.html = <p>Este enchufe inteligente convierte cualquier toma en una conectada.</p>
    detail/es.html: <p>Programa lámparas y calefactores desde la aplicación.</p>
"""

from listing_lint.api import Severity
from listing_lint.l10n.pages import judge_cuts, language_name
from listing_lint.l10n.verdicts import other_language

CODE, NAME, SEVERITY = "LOC002", "page-language", Severity.ERROR
SOURCE = "docs/langid.md"


def check(bundle, ctx):
    verdicts = other_language(bundle, ctx)
    called = set()
    for page in bundle.locale_pages.values():
        foreign = verdicts.page(page)
        if foreign is None:
            continue
        called.add(page.locale)
        body = next(iter(page.elements("body")), None)
        at = page.span(body) if body is not None else page.span()
        copied = f" ({foreign.copy_of} unchanged)" if foreign.copy_of else ""
        yield ctx.finding(
            at,
            f"the {page.locale} page is {foreign.share:.0%} {language_name(foreign.lang)} by text{copied}; "
            f"put the {language_name(page.locale.split('-')[0])} translation here",
        )
    for where, cut in judge_cuts(bundle, ctx).items():
        if where in called:
            continue  # the page is called another language on what was read: that is the finding
        what = f"the {where} page" if where else "listing.json's titles and alt texts"
        yield ctx.finding(
            cut.first.at,
            f"{what} hold{'s' if where else ''} more text than the language check reads: judged the first "
            f"{cut.judged:,} characters, {cut.skipped:,} from here on were not (langid-max-judged-chars)",
            severity=Severity.INFO,
        )


#: from this many bundles in one run (``parallel.SERIAL_BELOW``: whenever workers fork), the
#: accurate language models are loaded before the fork as well (about 2 s of CPU, 300 MiB, shared)
#: instead of by each worker that meets a flagged text. Since the judge names rejected text among
#: more rivals (issue 15, held-out round), each worker of a 20-bundle run loaded most of them
#: privately: measured on unique copy, 20 bundles 6.4 -> 4.4 CPU s and 649 -> 480 MiB, 100 bundles
#: 14.9 -> 12.1 CPU s and 794 -> 490 MiB (docs/decisions.md). One-process runs load on demand.
ACCURATE_UP_FRONT_FROM = 8


def prepare(config, bundles=0):
    """Before worker processes fork: load the fast language models (and, for a run of many
    bundles, the accurate ones) and the page and locale libraries once, to share them (see
    parallel.py)."""
    import babel.dates  # noqa: F401
    import babel.numbers  # noqa: F401
    import lxml.html  # noqa: F401

    from listing_lint.l10n.cldr import territory_names
    from listing_lint.langid.base import PAGE_LANGUAGES
    from listing_lint.langid.judge import warm_up

    for lang in PAGE_LANGUAGES:  # CLDR's country names (not judged as language): once, not per worker
        territory_names(lang)

    detector = config.get("language-detector")
    if str(detector).strip().lower() == "lingua":
        from listing_lint.langid import py3langid

        # the judge's first pass (and the accurate pass's second opinion): mapped from the cache
        # folder, or built once here (0.6 s) rather than in each worker; first, so that building
        # it (about 110 MiB for a moment) does not add to the lingua models' memory
        py3langid.preload()
    if bundles >= ACCURATE_UP_FRONT_FROM and str(detector).strip().lower() == "lingua":
        from listing_lint.langid.base import CANDIDATES
        from listing_lint.langid.lingua import preload

        preload(CANDIDATES)  # every candidate's accurate models, shared: any page/rival set then loads nothing
    if bundles >= ACCURATE_UP_FRONT_FROM:
        from listing_lint.langid import words

        words.preload()  # the word lists the judge weighs texts with, shared too (about 9 MiB a worker)
    warm_up(detector, accurate=bundles >= ACCURATE_UP_FRONT_FROM)
