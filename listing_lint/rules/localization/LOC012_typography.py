"""LOC012 typography — French no-break spaces, Spanish opening marks, locale quotation marks.

What it checks: on fr pages (not fr-CA) a no-break space before ``:`` (U+00A0) and before
``; ! ?`` (U+202F, U+00A0 accepted), in text outside ``lang``/``translate="no"`` elements
(warning; safe fix: insert or replace the space); on es pages, a ``?`` or ``!`` sentence without
its opening ``¿``/``¡`` (warning; headings are exempt, as the RAE exempts titles); on fr/ru pages
straight ``"quotes"`` where CLDR writes ``« »`` (info). Times and ratios (``12:30``, ``16:9``) and
URLs are left alone, and so are blocks and pages judged to be in another language (LOC003,
LOC002: Spanish sentences on a French page lack a translation, not French spaces).
Why: French and Spanish buyers read missing spaces and marks as machine output; a regular space
before ``:`` also lets the colon wrap to the next line.
Fails:
    detail/fr.html: <p>Compatible avec Alexa: oui</p>
    detail/es.html: <p>Necesitas ayuda? Escríbenos.</p>
Passes:
    detail/fr.html: <p>Compatible avec Alexa\u00a0: oui</p>
    detail/es.html: <p>¿Necesitas ayuda? Escríbenos.</p>
"""

import re
from functools import lru_cache
from pathlib import Path

from listing_lint.api import Fix, Severity
from listing_lint.bundle.model import base_language
from listing_lint.finding import TextEdit
from listing_lint.l10n.markup import text_segments
from listing_lint.l10n.pages import page_texts
from listing_lint.l10n.verdicts import other_language

CODE, NAME, SEVERITY = "LOC012", "typography", Severity.WARNING
SOURCE = "Lexique des règles typographiques en usage à l'Imprimerie nationale; RAE Ortografía §3.2.9; CLDR delimiters"

DATA = Path(__file__).resolve().parents[2] / "data" / "typography.yaml"
NBSP_ENTITIES = ("&nbsp;", "&#160;", "&#xa0;", "&#8239;", "&#x202f;")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)


@lru_cache(maxsize=1)
def rules() -> dict:
    from listing_lint.thresholds import load_yaml

    return load_yaml(DATA) or {}


def _french_edits(text: str, base: int):
    """(offset, end, replacement, punctuation) for each French punctuation missing its no-break space."""
    spacing = rules()["french_spacing"]
    for m in re.finditer(r"(?P<before>[^\W_»)]|[»)])(?P<space>[ \t]*)(?P<p>[:;!?])(?=\s|$|<|&nbsp;|[»)\"])", text):
        punct = m.group("p")
        if m.group("before").isdigit() and not m.group("space"):
            continue  # 12:30, 16:9 — a digit right before the mark is a time or a ratio
        if punct == "?" and _URL.search(text[max(0, m.start() - 80): m.end() + 1]):
            continue
        start = base + m.start("space")
        yield start, base + m.end("space"), spacing[punct], punct


def _french(page, ctx, verdicts):
    if page.file is None or not page.text:
        return
    path = str(page.file.path)
    lang = base_language(page.locale)
    edits = [(s, e, new, punct) for start, _, segment in text_segments(page.text, lang) for s, e, new, punct in _french_edits(segment, start)]
    if edits:  # a page with nothing to add needs no language verdicts: its rule stays fast
        foreign = {page.element_offset(el) for el in verdicts().elements(page)} - {None}
        if foreign:
            edits = [x for start, _, segment in text_segments(page.text, lang, foreign) for x in _french_edits(segment, start)]
    for s, e, new, punct in edits:
        what = "no-break space" if new == "\u00a0" else "narrow no-break space"
        yield ctx.finding(
            page.offset_span(s, e + 1),
            f"French puts a {what} (U+{ord(new):04X}) before \"{punct}\"; `listing-lint check --fix` inserts it",
            fix=Fix(f"insert U+{ord(new):04X} before \"{punct}\"", (TextEdit(path, s, e, new),)),
        )


def _spanish(page, ctx, verdicts):
    marks = rules()["spanish_opening"]
    for item in page_texts(page):
        heading = item.kind[:1] == "h" and item.kind[1:].isdigit()
        if heading or item.kind in ("alt", "title") or item.other_language:
            continue
        text = _URL.sub(" ", item.judged_source)
        start = 0  # where the sentence in progress began: one pass (splitting the text before every
        # "?" again was quadratic: 100 KB of "¿Sí? " took two minutes)
        for m in re.finditer(r"[.:;\n?!]", text):
            if m.group() not in "?!":
                start = m.end()
                continue
            sentence = text[start : m.start()]
            if marks[m.group()] not in sentence and text[m.start() - 1 : m.start()] not in "?!":
                if not verdicts().skips(item):
                    yield ctx.finding(
                        item.at,
                        f"Spanish opens a \"{m.group()}\" sentence with \"{marks[m.group()]}\": add it to \"…{sentence[-30:].strip()}{m.group()}\"",
                    )
                break
            if text[m.end() : m.end() + 1].isspace():  # "?" or "!" before white space ends a sentence
                start = m.end()


def _quotes(page, ctx, verdicts):
    cldr = rules()["quotes"].get(base_language(page.locale))
    if not cldr or base_language(page.locale) == "es":
        return
    for item in page_texts(page):
        if item.other_language:
            continue
        if re.search(r"(?:^|\s)\"[^\"\s][^\"]*\"", item.judged_source) and not verdicts().skips(item):
            yield ctx.finding(
                item.at,
                f"straight quotes in the {page.locale} {item.where}; CLDR writes {cldr['cldr'][0]} {cldr['cldr'][1]}",
                severity=Severity.INFO,
            )


def check(bundle, ctx):
    skip_french = set(rules().get("french_spacing_skip") or ())

    def verdicts():
        # asked only where a finding would be made: a page with nothing to report loads no model
        return other_language(bundle, ctx)

    for page in bundle.pages.values():
        lang = base_language(page.locale)
        found = []
        if lang == "fr" and page.locale not in skip_french:
            found += _french(page, ctx, verdicts)
        if lang == "es":
            found += _spanish(page, ctx, verdicts)
        found += _quotes(page, ctx, verdicts)
        if found and not verdicts().page(page):  # a page judged wholly another language is LOC002's
            yield from found
