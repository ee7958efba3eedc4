"""LOC012 typography — French no-break spaces, Spanish opening marks, locale quotation marks.

What it checks: on fr pages (not fr-CA) a no-break space before ``:`` (U+00A0) and before
``; ! ?`` (U+202F, U+00A0 accepted), in text outside ``lang``/``translate="no"`` elements
(warning; safe fix: insert or replace the space); on es pages, a ``?`` or ``!`` sentence without
its opening ``¿``/``¡`` (warning; headings are exempt, as the RAE exempts titles); on fr/ru pages
straight ``"quotes"`` where CLDR writes ``« »`` (info). Times and ratios (``12:30``, ``16:9``) and
URLs are left alone.
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


def _french(page, ctx):
    if page.file is None or not page.text:
        return
    path = str(page.file.path)
    for start, end, segment in text_segments(page.text, base_language(page.locale)):
        for s, e, new, punct in _french_edits(segment, start):
            what = "no-break space" if new == "\u00a0" else "narrow no-break space"
            yield ctx.finding(
                page.offset_span(s, e + 1),
                f"French puts a {what} (U+{ord(new):04X}) before \"{punct}\"; `listing-lint check --fix` inserts it",
                fix=Fix(f"insert U+{ord(new):04X} before \"{punct}\"", (TextEdit(path, s, e, new),)),
            )


def _spanish(page, ctx):
    marks = rules()["spanish_opening"]
    for item in page_texts(page):
        if item.kind[:1] == "h" and item.kind[1:].isdigit() or item.kind in ("alt", "title") or item.other_language:
            continue
        text = _URL.sub(" ", item.judged_source)
        for m in re.finditer(r"[?!]", text):
            sentence = re.split(r"[.:;\n]|[?!](?=\s)", text[: m.start()])[-1]
            if marks[m.group()] not in sentence and text[m.start() - 1 : m.start()] not in "?!":
                yield ctx.finding(
                    item.at,
                    f"Spanish opens a \"{m.group()}\" sentence with \"{marks[m.group()]}\": add it to \"…{sentence[-30:].strip()}{m.group()}\"",
                )
                break


def _quotes(page, ctx):
    cldr = rules()["quotes"].get(base_language(page.locale))
    if not cldr or base_language(page.locale) == "es":
        return
    for item in page_texts(page):
        if item.other_language:
            continue
        if re.search(r"(?:^|\s)\"[^\"\s][^\"]*\"", item.judged_source):
            yield ctx.finding(
                item.at,
                f"straight quotes in the {page.locale} {item.where}; CLDR writes {cldr['cldr'][0]} {cldr['cldr'][1]}",
                severity=Severity.INFO,
            )


def check(bundle, ctx):
    skip_french = set(rules().get("french_spacing_skip") or ())
    for page in bundle.pages.values():
        lang = base_language(page.locale)
        if lang == "fr" and page.locale not in skip_french:
            yield from _french(page, ctx)
        if lang == "es":
            yield from _spanish(page, ctx)
        yield from _quotes(page, ctx)
