"""LOC012 typography — French no-break spaces, Spanish opening marks, locale quotation marks.

What it checks: on fr pages (not fr-CA) a no-break space before ``:`` (U+00A0) and before
``; ! ?`` (U+202F, U+00A0 accepted), after a word, a number with its unit or currency (``5 € ?``)
or an inline element (``<b>Couleur</b>: noir``), in text outside ``lang``/``translate="no"``
elements (warning; safe fix: insert or replace the space; a page typed with regular spaces before
its marks, one habit, is one finding at the first of them whose fix replaces them all, and so are
the marks typed with no space at all, the other habit: one finding whose fix inserts them); the same in French titles and alt
texts (warning, no fix: listing.json and attributes are edited by hand); on es pages and alt
texts, a ``?`` or ``!`` sentence without its opening ``¿``/``¡`` (warning; headings and titles are
exempt, as the RAE exempts titles; each opening mark answers one closing mark, wherever in the
block it stands: ``¡Oferta: envío gratis!`` is whole); on fr/ru pages
straight ``"quotes"`` where CLDR writes ``« »`` (info; once a page, at its first block; quoted code and values,
``"G92 E0"``, ``"0.1"``, ``"PaymentAuthorized"``, keep straight quotes in any language). Times and ratios (``12:30``, ``16:9``) and
URLs are left alone, and so are blocks and pages judged to be in another language (LOC003,
LOC002: Spanish sentences on a French page lack a translation, not French spaces).
Why: French and Spanish buyers read missing spaces and marks as machine output; a regular space
before ``:`` also lets the colon wrap to the next line.
Fails:
    detail/fr.html: <p>Compatible avec Alexa: oui</p>
    detail/es.html: <p>Necesitas ayuda? Escríbenos.</p>

    detail/fr.html: <p>Moins de 5 € ? Oui.</p>

    detail/fr.html: <p><b>Couleur</b>: noir</p>

    listing.json /title/fr = "Prise connectée X1 : Wi-Fi, compatible Alexa"
Passes:
    detail/fr.html: <p>Compatible avec Alexa\u00a0: oui</p>
    detail/es.html: <p>¿Necesitas ayuda? Escríbenos.</p>

    detail/es.html: <p>¡Oferta especial: envío gratis!</p>

    detail/fr.html: <p>Créer &amp; ajouter</p>
"""

import re
from functools import lru_cache
from pathlib import Path

from listing_lint.api import Fix, Severity
from listing_lint.bundle.model import base_language
from listing_lint.finding import TextEdit
from listing_lint.l10n.markup import text_segments
from listing_lint.l10n.pages import page_texts, texts
from listing_lint.l10n.verdicts import other_language

CODE, NAME, SEVERITY = "LOC012", "typography", Severity.WARNING
SOURCE = "Lexique des règles typographiques en usage à l'Imprimerie nationale; RAE Ortografía §3.2.9; CLDR delimiters"

DATA = Path(__file__).resolve().parents[2] / "data" / "typography.yaml"
NBSP_ENTITIES = ("&nbsp;", "&#160;", "&#xa0;", "&#8239;", "&#x202f;")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
#: a character reference ending where a ";" stands in the source: ``&amp;`` is one character, not
#: a word and a semicolon (a space put before its ";" would break it)
_REFERENCE_BEFORE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6})\Z")


@lru_cache(maxsize=1)
def rules() -> dict:
    from listing_lint.thresholds import load_yaml

    return load_yaml(DATA) or {}


#: a mark that wants its no-break space: after anything but a space, another mark, an opening
#: bracket or quote, a slash or an equals sign (``5 € ?`` and ``100 % !`` too), and followed by a
#: space, the end of the text, a tag, or a closing quote or bracket
_FRENCH_MARK = re.compile(r"(?P<before>[^\s:;!?.…(\[{«\"'/=_&*<>@#\\|~^`]|[»)])(?P<space>[ \t]*)(?P<p>[:;!?])(?=\s|$|<|&nbsp;|[»)\"])")
#: what the source of a page holds wherever ``_FRENCH_MARK`` matches one of its text runs: the
#: character before the mark is one it allows or ``>`` (the end of an inline tag, the previous
#: run's last character behind it: the class is ``_FRENCH_MARK``'s without ``>``), and the mark is
#: followed by what it allows, ``<`` or the end of the source standing for the end of the run.
#: Well-spaced French (``Couleur\u00a0:``) holds none, and its page is not tokenized (issue 18).
_MAY_MISS_SPACE = re.compile(r"(?:[^\s:;!?.…(\[{«\"'/=_&*<@#\\|~^`]|[»)])[ \t]*[:;!?](?=\s|$|<|&nbsp;|[»)\"])")
#: tags that do not break the run of text (``<b>Couleur</b>: noir`` reads as ``Couleur: noir``)
_INLINE_TAGS = re.compile(r"(?:</?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|i|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)\b[^<>]*>)+", re.I)


def _french_edits(text: str, base: int, before: str = ""):
    """(offset, end, replacement, punctuation) for each French punctuation missing its no-break
    space; ``before`` is the character of the text run just before (across inline tags)."""
    spacing = rules()["french_spacing"]
    for m in _FRENCH_MARK.finditer(before + text):
        if m.end("before") <= len(before) and m.start("p") < len(before):
            continue
        punct = m.group("p")
        if m.group("before").isdigit() and not m.group("space"):
            continue  # 12:30, 16:9 — a digit right before the mark is a time or a ratio
        if punct == ";" and not m.group("space") and _REFERENCE_BEFORE.search((before + text)[max(0, m.start() - 40): m.end("before")]):
            continue  # the end of ``&amp;`` or ``&#233;`` in the source
        if punct == "?" and _URL.search((before + text)[max(0, m.start() - 80): m.end() + 1]):
            continue
        start = base - len(before) + m.start("space")
        yield start, base - len(before) + m.end("space"), spacing[punct], punct


def _runs(source: str, lang: str, skip: frozenset[int] | set[int] = frozenset()):
    """Text runs of a page (outside the elements starting at an offset in ``skip``), each with the
    last character of the run before when only inline tags stand between them."""
    previous = None
    for start, end, segment in text_segments(source, lang, skip):
        before = ""
        if previous is not None and previous[2] and _INLINE_TAGS.fullmatch(source, previous[1], start):
            before = previous[2][-1]
        yield start, end, segment, before
        previous = (start, end, segment)


def _what(new: str) -> str:
    return "no-break space" if new == "\u00a0" else "narrow no-break space"


def _more(others: int) -> str:
    return f", and so {'is' if others == 1 else 'are'} {others} more mark{'s' if others > 1 else ''} on this page" if others else ""


def _french(page, ctx, verdicts):
    if page.file is None or not page.text:
        return
    if not _MAY_MISS_SPACE.search(page.text):
        return
    path = str(page.file.path)
    lang = base_language(page.locale)
    edits = [x for start, _, segment, before in _runs(page.text, lang) for x in _french_edits(segment, start, before)]
    if edits:  # a page with nothing to add needs no language verdicts: its rule stays fast
        foreign = {page.element_offset(el) for el in verdicts().elements(page)} - {None}
        if foreign:
            edits = [x for start, _, segment, before in _runs(page.text, lang, foreign) for x in _french_edits(segment, start, before)]
    missing = [x for x in edits if x[1] == x[0]]  # no space at all: the page's other habit
    if missing:  # one finding, at the first, whose fix inserts them all (5,000 "Sí?" were 5,000 findings)
        s, e, new, punct = missing[0]
        yield ctx.finding(
            page.offset_span(s, e + 1),
            f"French puts a {_what(new)} (U+{ord(new):04X}) before \"{punct}\"{_more(len(missing) - 1)}; "
            f"`listing-lint check --fix` inserts {'them' if len(missing) > 1 else 'it'}",
            fix=Fix(f"insert no-break spaces before {len(missing)} French punctuation marks" if len(missing) > 1
                    else f"insert U+{ord(new):04X} before \"{punct}\"",
                    tuple(TextEdit(path, a, b, c) for a, b, c, _ in missing), per_edit=True),
        )
    typed = [x for x in edits if x[1] > x[0]]  # a regular space where French wants a no-break one
    if typed:  # the page's typing habit: one finding, at the first, whose fix replaces them all
        s, e, new, punct = typed[0]
        yield ctx.finding(
            page.offset_span(s, e + 1),
            f"French puts a {_what(new)} (U+{ord(new):04X}) before \"{punct}\", not a regular space{_more(len(typed) - 1)}; "
            "`listing-lint check --fix` replaces them",
            fix=Fix(f"replace {len(typed)} regular space{'s' if len(typed) > 1 else ''} before French punctuation with no-break spaces",
                    tuple(TextEdit(path, a, b, c) for a, b, c, _ in typed), per_edit=True),
        )


def _french_short_texts(items, ctx, verdicts):
    """Titles and alt texts: the same rule, one finding per text, fixed by hand."""
    for item in items:
        if item.other_language:
            continue
        element = getattr(item.at, "element", None)  # a page attribute: its raw value (block text folds U+00A0)
        raw = element.get(item.kind) or "" if element is not None else item.text
        for _, _, new, punct in _french_edits(raw, 0):
            if not verdicts().skips(item):
                yield ctx.finding(
                    item.at,
                    f"French puts a {_what(new)} (U+{ord(new):04X}) before \"{punct}\" in the {item.locale} {item.where}",
                )
            break


def _may_ask_or_exclaim(text: str) -> bool:
    """Whether ``text`` holds a mark ``_spanish`` reports: a text without "?" and "!" is not searched."""
    return "?" in text or "!" in text


#: a straight-quoted phrase (what ``_quotes`` reports), compiled once
_STRAIGHT_QUOTES = re.compile(r"(?:^|\s)\"([^\"\s][^\"]*)\"")
#: a word as prose quotes it: letters only (an apostrophe or a hyphen inside); a token with a digit,
#: an underscore, a dot, a bracket or a slash is a value or code
_PROSE_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*[,.;:!?…]?")


def _quotes_words(text: str) -> bool:
    """Whether ``text`` straight-quotes words, where CLDR's quotation marks belong. Code and values
    keep straight quotes in any language (``"G92 E0"``, ``"disable_fan_first_layers"``, ``"0.1"``,
    ``"+"``, ``"PaymentAuthorized"``): a quoted span with no word of letters is one of them, and a
    word with a capital inside (camelCase, an identifier) is no word of prose."""
    return any(any(_PROSE_WORD.fullmatch(token) and not _camel_case(token) for token in m.group(1).split())
               for m in _STRAIGHT_QUOTES.finditer(text))


def _camel_case(token: str) -> bool:
    return any(a.islower() and b.isupper() for a, b in zip(token, token[1:]))


def _spanish(items, ctx, verdicts):
    """A ``?`` or ``!`` that no opening ``¿``/``¡`` before it in its block answers.

    The marks are paired, not the sentences split: the question or exclamation may begin before a
    colon, a decimal point or an abbreviation's full stop (``¡Oferta: envío gratis!``, ``¡Versión
    2.0 disponible!``, ``¿Tiene el Sr. García su pedido?``), and each opening mark answers one
    closing mark (``¿Sí? ¿No?``). A mark right after another (``?!``, ``!!``) closes the same
    sentence."""
    marks = rules()["spanish_opening"]  # closing -> opening
    closing = {opening: mark for mark, opening in marks.items()}
    for item in items:
        if item.kind[:1] == "h" and item.kind[1:].isdigit() or item.kind in ("title", "listing-title") or item.other_language:
            continue
        if not _may_ask_or_exclaim(item.judged_source):
            continue  # only a "?" or "!" is reported, and removing URLs adds none (issue 18, session 9)
        text = _URL.sub(" ", item.judged_source)
        open_marks = dict.fromkeys(marks, 0)  # opening marks not yet answered, one pass over the text
        start = 0  # where the sentence shown in the message begins
        for m in _SPANISH_MARKS.finditer(text):
            mark = m.group()
            if mark in closing:
                open_marks[closing[mark]] += 1
                continue
            if mark not in "?!":
                start = m.end()
                continue
            if _code_mark(text, m.start()):
                continue
            if open_marks[mark]:
                open_marks[mark] -= 1
            elif m.start() == 0 or text[m.start() - 1] not in "?!":  # "?!" and "!!" close one sentence
                if not verdicts().skips(item):
                    sentence = text[start : m.start()]
                    yield ctx.finding(
                        item.at,
                        f"Spanish opens a \"{mark}\" sentence with \"{marks[mark]}\": add it to \"…{sentence[-30:].strip()}{mark}\"",
                    )
                break
            start = m.end()


#: what ``_spanish`` reads: the marks, and where a sentence shown in a message may begin
_SPANISH_MARKS = re.compile(r"[¿¡?!]|[.:;](?=\s)|\n")


def _code_mark(text: str, at: int) -> bool:
    """Whether the "?" or "!" at ``at`` is code inside the Spanish text, not a sentence's end: right
    after an opening bracket or a quantifier (a regular expression's ``^(?P<year>.*?)``), or a word's prefix
    (`` !important``: after a space, glued to the word it negates). ``ayuda?Escríbenos``, a space
    forgotten after a question, is still a question."""
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return before in "([{*+" or (before.isspace() and (after.isalnum() or after == "_"))


def _quotes(page, ctx, verdicts):
    cldr = rules()["quotes"].get(base_language(page.locale))
    if not cldr or base_language(page.locale) == "es":
        return
    quoted = [item for item in page_texts(page)
              if not item.other_language and '"' in item.judged_source and _quotes_words(item.judged_source)
              and not verdicts().skips(item)]
    if quoted:  # the page's typing habit: said once, at its first block
        more = len(quoted) - 1
        others = f", and in {more} more block{'s' if more > 1 else ''} of the page" if more else ""
        yield ctx.finding(
            quoted[0].at,
            f"straight quotes in the {page.locale} {quoted[0].where}{others}; CLDR writes {cldr['cldr'][0]} {cldr['cldr'][1]}",
            severity=Severity.INFO,
        )


def check(bundle, ctx):
    skip_french = set(rules().get("french_spacing_skip") or ())

    def verdicts():
        # asked only where a finding would be made: a page with nothing to report loads no model
        return other_language(bundle, ctx)

    for page in bundle.locale_pages.values():
        lang = base_language(page.locale)
        found = []
        if lang == "fr" and page.locale not in skip_french:
            found += _french(page, ctx, verdicts)
            found += _french_short_texts([t for t in page_texts(page) if t.kind in ("alt", "title")], ctx, verdicts)
        if lang == "es":
            found += _spanish(page_texts(page), ctx, verdicts)
        found += _quotes(page, ctx, verdicts)
        if found and not verdicts().page(page):  # a page judged wholly another language is LOC002's
            yield from found
    short = texts(bundle, pages=False)  # listing titles and media alt texts (JSON pointers)
    yield from _french_short_texts([t for t in short if t.lang == "fr" and t.locale not in skip_french], ctx, verdicts)
    yield from _spanish([t for t in short if t.lang == "es"], ctx, verdicts)
