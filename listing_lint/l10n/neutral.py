"""Remove what carries no language from a block before judging it.

A Spanish page naturally says "Bluetooth 5.3", "Wi-Fi", "USB-C", "PowerCore X1", brand names and
URLs; judged whole, a short Spanish cell full of them looks English. We remove URLs and e-mail
addresses, postal addresses (``addresses.py``: a manufacturer's or responsible person's address
stays as its country writes it), tokens with digits (model codes, versions, measures), code identifiers
(``READ_APP_SPECIFIC_LOCALES``, ``stock_location_id``), all-capital acronyms (LED,
USB-C, HDMI; in a text written in capitals only the short ones: "PRECIO (BAJO - ALTO)" keeps
"PRECIO"), words with an inner capital (iPhone, PowerCore), the terms in
``data/wordlists/neutral.txt``, the project's glossary (the ``keep-terms`` config: product lines,
trademarks, technical terms that stay untranslated) and the bundle's own brand and SKU models.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from listing_lint.l10n.addresses import strip_addresses
from listing_lint.langid.scripts import KNOWN, CharClasses, _class

NEUTRAL_FILE = Path(__file__).resolve().parent.parent / "data" / "wordlists" / "neutral.txt"

_URL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+", re.I)
#: a site's path on its own ("/producers", "/shops/map"): a slash after a space or the start, then
#: lower-case ASCII segments. A shop's copy names the page to open by its path; read as a word,
#: "/producers" alone was English 0.89 on the es/fr/ru pages (session 18, the Open Food Network's
#: catalogues). "km/h", "24/7", "и/или", "Ogg / Opus" hold no such path (a letter, a digit or a
#: space is next to the slash)
_PATH = re.compile(r"(?<![^\s(\"«])/[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_-]*)*/?(?![\w/]|\.\w)")
#: a host name without scheme or "www." ("addons.mozilla.org", "Booking.com"): labels of two or more
#: letters, digits or hyphens, dot-joined, ending in a lower-case top-level label of 2-6 letters.
#: Copy names a site by its host ("sur addons.mozilla.org", "на сайте addons.mozilla.org"); read as
#: words, "addons mozilla org" was French 0.69 on a Russian page (session 15). "5.3", "2.4GHz",
#: "fin.Luego" (a missing space before a capital) are no host
_HOST = re.compile(r"(?<![\w.@-])(?:[A-Za-z0-9][A-Za-z0-9-]+\.)+[a-z]{2,6}(?![\w-]|\.\w)")
#: a file pattern: "*" and one or more extensions ("(*.ogg)", "*.tar.gz"). A feature list names
#: formats by name and pattern ("Ogg/Opus (*.opus)"); read as a word, "opus" made the item English
#: 0.62 on a Russian page and 0.68 on a French one (session 17, KDE's descriptions). No word starts with "*."
_FILE_PATTERN = re.compile(r"\*(?:\.[A-Za-z0-9]{1,6})+(?![\w.])")
#: tokens of letters, digits and inner punctuation (model codes: SP-X1, 5.3, 2,4GHz, USB-C)
_TOKEN = re.compile(r"[^\W_](?:[\w'’.,/+-]*[^\W_])?")


def load_terms(path: Path) -> list[str]:
    """One term per line; ``#`` starts a comment line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def neutral_terms() -> tuple[str, ...]:
    return tuple(load_terms(NEUTRAL_FILE))


#: the shared list's terms that are also words of a candidate language (French "plus", German
#: "pro"): names only where written as names (``_name_or_word``)
NEUTRAL_WORDS_FILE = NEUTRAL_FILE.with_name("neutral_words.txt")


@lru_cache(maxsize=1)
def _shared_patterns() -> tuple[re.Pattern | None, re.Pattern | None]:
    """The shared list's pattern without its word-terms, and the word-terms' own (``_name_or_word``
    decides each match)."""
    words = {t.lower() for t in load_terms(NEUTRAL_WORDS_FILE)}
    names = tuple(t for t in neutral_terms() if t.lower() not in words)
    return _terms_pattern(names), _terms_pattern(tuple(t for t in neutral_terms() if t.lower() in words))


def _name_or_word(match: re.Match) -> str:
    """A word-term in lower case is a word of its text ("le plus bas", "einmal pro Benutzer"),
    kept; with a capital it is a name, blanked as before ("Galaxy S24 Plus", "Зарядка WIRELESS"),
    also first in a sentence: "Smart plug X1" is a product name as often as "Plus de filtres" is
    a French label, and the heading of an English product name on a Spanish page stays silent."""
    return match.group(0) if match.group(0)[0].islower() else " "


@lru_cache(maxsize=64)  # the shared list's pattern, and each bundle's names while it is linted
def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern | None:
    """One pattern for whole-word ``terms``, longest first (so "Google Home" goes before "Google")."""
    unique = sorted({t for t in terms if t.strip()}, key=lambda t: (-len(t), t))
    if not unique:
        return None
    body = "|".join(re.escape(t) for t in unique)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.I)


#: in a text written in capitals ("PRECIO (BAJO - ALTO)", "RESULTADOS PARA"), a capitalised word of
#: this many letters is a word, not an acronym (acronyms are short: LED, USB, HDMI, NFC)
SHOUTED_WORD = 5
#: ... and so is a shorter one that is among its languages' most frequent words ("DE", "LA", "ET",
#: "CON", "ДЛЯ") when the word after it is kept: the function words that tell neighbours apart
#: ("FUNCIONALIDADE DE TEMPORIZADOR PRECISO" without its "DE" was accepted as Spanish); one
#: before a removed word goes with it ("FILTREZ LES VUES": "VUES" is an acronym by its length,
#: and "FILTREZ LES" alone was Catalan). docs/langid.md, "Seventh measurement"
SHOUTED_WORDS_FILE = NEUTRAL_FILE.with_name("shouted_words.txt")


@lru_cache(maxsize=1)
def shouted_words() -> frozenset[str]:
    """``SHOUTED_WORDS_FILE``'s words, lower case."""
    return frozenset(t.lower() for t in load_terms(SHOUTED_WORDS_FILE))


#: letters in a row that no word of shop copy reaches ("Rindfleischetikettierungsüberwachungs…", 63,
#: is a law's name): a longer run ("aaaa…" pasted a million times) is filler and carries no language
MAX_WORD_LETTERS = 40


#: the letters the candidate languages write beyond a-z and а-я (es, fr, pt, it, ca, de, nl; uk, be,
#: bg): a capitalised word holding any other letter of the two scripts ("Åland", "Škoda", "Łódź",
#: "Београд") is a name from outside them. lingua rules a language out by such a letter: "Les îles
#: Åland" on a French page was English 1.00 (fr 0.0002), a name deciding the verdict.
WRITTEN_LETTERS = frozenset("áàâãäæçéèêëíìîïñóòôõöœúùûüÿß·ёіїєґўъыэѝ")


def _foreign_letter(ch: str) -> bool:
    low = ch.lower()
    if len(low) != 1:  # "İ" lowers to two characters
        low = ch
    return ("\u00c0" <= low <= "\u024f" or "\u1e00" <= low <= "\u1eff" or "\u0400" <= low <= "\u04ff") \
        and low.isalpha() and low not in WRITTEN_LETTERS and not ("\u0430" <= low <= "\u044f")


#: every letter of the Latin and Cyrillic blocks no candidate language writes (``_foreign_letter``)
FOREIGN_LETTERS = frozenset(chr(cp) for cp in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00), *range(0x400, 0x500))
                            if _foreign_letter(chr(cp)))


def _foreign_name(word: str) -> bool:
    """A capitalised word with a letter no candidate language writes (``FOREIGN_LETTERS``)."""
    return word[:1].isupper() and not word.isascii() and not FOREIGN_LETTERS.isdisjoint(word)


def _acronym(letters: list[str]) -> bool:
    """Two or more letters, all capitals (LED, USB-C's, the API of "l'API")."""
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _neutral_token(token: str, shouting: bool = False) -> bool:
    if "_" in token:
        # a code identifier (READ_APP_SPECIFIC_LOCALES, stock_location_id: no word has an inner
        # underscore); in capitals its parts were words of a text in capitals, a four-word phrase
        return True
    if any(c.isdigit() for c in token):
        return True
    if len(token) > MAX_WORD_LETTERS and any(len(part) > MAX_WORD_LETTERS for part in re.split(r"[^\w]|_", token)):
        return True
    letters = [c for c in token if c.isalpha()]
    if _acronym(letters):
        # LED, USB-C, HDMI, SALE; but in a text in capitals the long words are its words
        return not (shouting and len(letters) >= SHOUTED_WORD)
    # iPhone, PowerCore; each part of a slash or hyphen compound alone ("Регион/Область" is two words)
    return any(_named_part(part) for part in re.split(r"[/+-]", token))


#: an elided article or preposition before a capitalised word: "d'Italie", "l'Europe", "Кот-д'Ивуар"
_ELISION = re.compile(r"^[^\W\d_]{1,2}['’](?=[^\W\d_])")


def _named_part(part: str) -> bool:
    """An inner capital (iPhone, PowerCore, McDonald's); after an elision the word is judged alone:
    the capital of "d'Italie" is the name's, and the elision is the language's ("l'API" stays an
    acronym)."""
    elided = _ELISION.sub("", part)
    if elided != part:
        if _acronym([c for c in elided if c.isalpha()]):
            return True
        part = elided
    return any(c.isupper() for c in part[1:]) and any(c.islower() for c in part) or _foreign_name(part)


def _keep_or_blank(match: re.Match, shouting: frozenset[str] = frozenset()) -> str:
    token = match.group()
    # most tokens are plain words ("cargador", "Este"): decided without looking at each letter
    if token.isalpha() and len(token) <= MAX_WORD_LETTERS and (token.islower() or (token[0].isupper() and token[1:].islower())):
        return " " if _foreign_name(token) else token
    return " " if _neutral_token(token, _script_of(token) in shouting) else token


def _function_word(token: str, shouting: frozenset[str]) -> bool:
    """A short word in capitals, in a script written in capitals, among ``shouted_words``."""
    return (len(token) < SHOUTED_WORD and token.isalpha() and token.isupper() and _script_of(token) in shouting
            and token.lower() in shouted_words())


def _shouted_tokens(text: str, shouting: frozenset[str]) -> str:
    """The token pass on a text with a script in capitals: ``_keep_or_blank`` for each token, but a
    function word (``_function_word``) is kept when the token after it is (it goes with the word
    it introduces: "DE" of "COPIA DE SEGURIDAD" stays, "LES" of "FILTREZ LES VUES" goes with "VUES")."""
    matches = list(_TOKEN.finditer(text))
    kept = [False] * (len(matches) + 1)
    for i in range(len(matches) - 1, -1, -1):
        token = matches[i].group()
        kept[i] = kept[i + 1] if _function_word(token, shouting) else _keep_or_blank(matches[i], shouting) != " "
    out, at = [], 0
    for match, keep in zip(matches, kept):
        out.append(text[at:match.start()])
        out.append(match.group() if keep else " ")
        at = match.end()
    out.append(text[at:])
    return "".join(out)


def _script_of(word: str) -> str:
    first = next((c for c in word if c.isalpha()), "")
    return "Cyrillic" if "\u0400" <= first <= "\u04ff" else "Latin" if first.isascii() or first <= "\u024f" else "Other"


def _letter_case(c: str) -> tuple[str, bool] | None:
    """A letter's (script, lower-case?), None for any other character: what ``_shouting`` asks."""
    return (_script_of(c), c.islower()) if c.isalpha() else None


_LETTER_CASES = CharClasses(_letter_case)  # by character classes, not a loop per letter (issue 18)


def _shouting(text: str) -> frozenset[str]:
    """The scripts ``text`` has letters of but no lower-case letter: a text in capitals
    ("RESULTADOS PARA "Зоны"": Latin), where the long capitalised words are words, not acronyms."""
    present = _LETTER_CASES.present(text)
    return frozenset({script for script, _ in present} - {script for script, lower in present if lower})


def strip_neutral(text: str, extra_terms: tuple[str, ...] = (), glossary: tuple[str, ...] = (),
                  cyrillic_page: bool = False) -> str:
    """``text`` without URLs, model codes, measures, acronyms and brand/platform names.

    ``extra_terms``: the bundle's own names; ``glossary``: the project's ``keep-terms`` (the same
    for every bundle of a run, so its pattern is compiled once); ``cyrillic_page``: the text is on
    a page written in Cyrillic, where a product named in Latin letters with its model code is a
    name (``_model_name_or_words``); on a Latin page the Latin words are the page's own.
    """
    # a text without the bundle's own names is stripped the same in every bundle: the shipping,
    # warranty and care paragraphs a seller repeats across bundles are stripped once
    terms, pattern, lowered = _bundle_terms(tuple(extra_terms))
    if pattern is None or not _may_hold_terms(text, lowered) or not pattern.search(text):
        terms = ()  # removing terms the text does not hold changes nothing
    glossary = tuple(glossary)
    return (_strip_kept(text, terms, glossary, cyrillic_page) if len(text) <= KEEP_CHARS
            else _strip(text, terms, glossary, cyrillic_page))


@lru_cache(maxsize=64)  # asked for every text of a bundle with the same names
def _bundle_terms(extra_terms: tuple[str, ...]) -> tuple[tuple[str, ...], re.Pattern | None, tuple[str, ...] | None]:
    """The bundle's names in a canonical order, their pattern, and (when every name is ASCII) the
    names in lower case for ``_may_hold_terms``."""
    terms = tuple(sorted(set(extra_terms)))
    lowered = tuple(sorted({t.lower() for t in terms if t.strip()})) if all(t.isascii() for t in terms) else None
    return terms, _terms_pattern(terms), lowered


def _may_hold_terms(text: str, lowered: tuple[str, ...] | None) -> bool:
    """Whether the names' pattern (``_terms_pattern``, case-insensitive) can match ``text``: a match
    of an ASCII name is, letter by letter, the name in either case (or one of ``_FOLDS_TO_ASCII``),
    so the lower-cased text holds the lower-cased name. A few substring tests, not the pattern's
    search with its look-behind at every position (session 8)."""
    if lowered is None or _FOLDS_TO_ASCII.search(text):
        return True
    low = text.lower()
    return any(term in low for term in lowered)


KEEP_CHARS = 2_000


#: the characters Python's ``re`` matches to an ASCII letter under IGNORECASE besides its two cases
#: (İ and ı to i, ſ to s, the Kelvin sign to k); tests/test_cpu_shortcuts.py checks this against ``re``
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


@lru_cache(maxsize=1)
def _neutral_prefilter() -> re.Pattern | None:
    """The shared list's terms in lower case, as one case-sensitive pattern without lookarounds: it
    skips ahead by first letter, unlike the case-insensitive one with its lookbehind (6 against 19 µs
    per block). None when a term has a character other than ASCII letters, space and hyphen (what
    ``_may_hold_neutral_term`` reasons about)."""
    terms = [t for t in neutral_terms() if t.strip()]
    if not terms or not all(c.isascii() and (c.isalpha() or c in " -") for t in terms for c in t):
        return None
    unique = sorted({t.lower() for t in terms}, key=lambda t: (-len(t), t))
    return re.compile("|".join(re.escape(t) for t in unique))


def _may_hold_neutral_term(text: str) -> bool:
    """Whether the shared list's pattern can match ``text``. A match is a term, each letter in either
    case (or one of ``_FOLDS_TO_ASCII``, then the answer is yes), spaces and hyphens as they are: so
    the lower-cased text holds the lower-cased term. About one block in ten holds one (issue 18)."""
    prefilter = _neutral_prefilter()
    if prefilter is None or _FOLDS_TO_ASCII.search(text):
        return True
    return prefilter.search(text.lower()) is not None


_LATIN_LETTER = re.compile("[A-Za-z]")
_CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")
#: a run of Latin tokens (words, numbers, model codes) that starts with a capital, in text that also
#: has Cyrillic letters; a comma or another script ends it
_MODEL_NAME = re.compile(r"[A-Z][\w.'’/+-]*(?:[ \t\u00a0()\"«»]+[A-Za-z0-9][\w.'’/+-]*)*")
#: words that make a run a phrase, not a product's name ("Case for iPhone 15", "Add 2 Items To Cart")
_PHRASE_WORDS = frozenset("""a an the of for with and or to in on at by from into your my our this that is are be
de la le les des du del el los las y et und der die das mit für para por con en""".split())


def _model_token(token: str) -> bool:
    """A model code or number of a product, or a single capital: "V15", "WH-1000XM4", "13", "A"
    (Tab A). Not an inner capital: "Uses MediaStore to quickly access..." is a verb and a name
    before an English phrase, not a product's name."""
    return any(c.isdigit() for c in token) or (len(token) == 1 and token.isupper())


_RUN_TOKEN = re.compile(r"[^\s()\"«»]+")


_COMPOUND_PART = re.compile(r"[A-Z][a-z]+")


def _capitalised_words(token: str) -> int:
    """The words a token of a name counts for: a word of two letters or more is one; a compound of
    capitalised words is each of them ("Nutri-Score", "Eco-Score": two, like "Galaxy Tab")."""
    if len(token) > 1 and token.isalpha():
        return 1
    parts = token.split("-")
    return len(parts) if len(parts) > 1 and all(_COMPOUND_PART.fullmatch(p) for p in parts) else 0


def _only_a_model_name(text: str) -> str:
    """A text wholly in Latin letters on a Cyrillic page that is nothing but a product's name with
    its model code or letter (``_model_name_or_words``): "Samsung Galaxy Tab A 10.1", "Nutri-Score A"
    alone in a list item. Russian copy keeps such names in Latin letters, as it does inside its
    sentences. Alone, the name needs a code with letters and digits or a single capital ("Tab A",
    "V15"): Title Case words and a number may be an English label ("Download Version 2"). A name
    followed by words ("Galaxy Tab A for kids"), or words with no code ("Unknown Nutri-Score"), is
    left whole for the judge."""
    match = _MODEL_NAME.fullmatch(text.strip())
    if match is None or _model_name_or_words(match).strip():
        return text
    if not any(len(t) == 1 and t.isupper() or any(c.isdigit() for c in t) and any(c.isalpha() for c in t)
               for t in _RUN_TOKEN.findall(match.group())):
        return text
    return " "


def _model_name_or_words(match: re.Match) -> str:
    """A product named in Latin letters inside Cyrillic text on a Cyrillic page ("Samsung Galaxy
    Tab A 10.1", "Logitech G Pro X Superlight", "Dyson V15 Detect Absolute"): the run's start up to
    its last model code, number or single capital, when every word there is capitalised and none
    is a function word, is blanked. Russian copy names the product in Latin
    letters, and without its model code the name was a four-word "phrase" the detectors called
    German (session 11). What follows the name stays for the judge: "OmniHeat Men's Solid Hooded
    Puffer Jacket" is a name and an English phrase left untranslated."""
    run = match.group()
    tokens = list(_RUN_TOKEN.finditer(run))
    last = max((i for i, t in enumerate(tokens) if _model_token(t.group())), default=None)
    if last is None or last == 0 or tokens[0].group() in ("A", "I"):
        return run  # "A ProductVariant with the selected options": the article starts a phrase
    name = [t.group() for t in tokens[: last + 1]]
    code = any(any(c.isdigit() for c in w) and any(c.isalpha() for c in w) for w in name)  # V15, L10, S24
    if not code and sum(_capitalised_words(w) for w in name) < 2:
        return run  # a number after one word is no model name: "Dedicated 24/7 support via chat"
    if not all(w[0].isupper() or _model_token(w) for w in name if any(c.isalpha() for c in w)) or any(
            w.lower() in _PHRASE_WORDS for w in name if len(w) > 1):
        return run
    return " " + run[tokens[last].end():]


def _strip(text: str, extra_terms: tuple[str, ...], glossary: tuple[str, ...] = (), cyrillic_page: bool = False) -> str:
    if "/" in text or "@" in text or "www." in text.lower():
        text = _PATH.sub(" ", _URL.sub(" ", text))
    if "." in text:
        text = _HOST.sub(" ", text)
        if "*" in text:
            text = _FILE_PATTERN.sub(" ", text)
    text = strip_addresses(text)
    if cyrillic_page and _LATIN_LETTER.search(text):
        if _CYRILLIC_LETTER.search(text):
            text = _MODEL_NAME.sub(_model_name_or_words, text)
        else:
            text = _only_a_model_name(text)
    # the bundle's own names first (the user's data; a brand may contain a neutral term), then the
    # project's glossary, then the shared list, each compiled once: one pattern for all would be
    # recompiled for every bundle
    for pattern in (_terms_pattern(extra_terms), _terms_pattern(glossary)):
        if pattern is not None:
            text = pattern.sub(" ", text)
    if _may_hold_neutral_term(text):
        shared, word_terms = _shared_patterns()
        if shared is not None:
            text = shared.sub(" ", text)
        if word_terms is not None:
            text = word_terms.sub(_name_or_word, text)
    if not _plain_words(text):
        shouting = _shouting(text)
        if shouting:
            text = _shouted_tokens(text, shouting)
        else:
            text = _TOKEN.sub(_keep_or_blank, text)
    return _join_words(text)


def _join_words(text: str) -> str:
    """The pieces of ``text`` that hold a letter, one space apart. A list's comma (or semicolon)
    whose item was blanked stays, on the word before it: "Samsung Galaxy S24 Ultra, Galaxy S23 FE,
    Xiaomi Redmi Note 13 Pro" keeps "Samsung Galaxy, Galaxy, Xiaomi Redmi Note", names one by one
    (``judge.capitalised_runs`` ends a run at a comma); without the commas they were one four-word
    run, "German left in it" (session 13)."""
    kept: list[str] = []
    for piece in text.split():
        if piece.isalpha() or any(map(str.isalpha, piece)):
            kept.append(piece)
        elif kept and ("," in piece or ";" in piece) and kept[-1][-1] not in ",;":
            kept[-1] += ","
    return " ".join(kept)


def _known_classes(test) -> str:
    """A character class body for the code points of ``scripts.KNOWN`` that pass ``test``."""
    return _class([cp for lo, hi in KNOWN for cp in range(lo, hi) if test(chr(cp))])


#: a character outside ``scripts.KNOWN`` (not classified here), or a word character that is no
#: letter (digits, "²", "½", "_"): text holding one takes the token pass
_NOT_LETTER = re.compile(f"[^{_known_classes(lambda c: c.isalpha() or not (c.isalnum() or c == '_'))}]")
#: inner punctuation of a token ("USB-C", "d'Italie", "2,4GHz") before a word character that is no
#: lower-case letter. Before a lower-case letter ("l'appareil", "children's", "e-mail", "bien-être")
#: it leaves every part of the token a plain word: no digit (``_NOT_LETTER``), no capital after
#: the first letter (``_INNER_CAPITAL``, and this for a capital after the punctuation), no letter
#: of ``FOREIGN_LETTERS``, not all capitals; ``_keep_or_blank`` keeps such a token (session 8: a
#: quarter of shop sentences hold an elision or a compound)
_INNER_PUNCTUATION = re.compile(f"['’.,/+-](?=[^\\W_])(?![{_known_classes(str.islower)}])")
#: a capital right after a letter: the only way an all-letter token holds a capital after its first
#: letter (two letters side by side are in one token). Found by the capital first: capitals are few
_INNER_CAPITAL = re.compile(f"[{_known_classes(str.isupper)}](?<=[{_known_classes(str.isalpha)}].)")


#: a letter no candidate language writes: a capitalised word holding one is a name (``_foreign_name``)
_FOREIGN_LETTER = re.compile(f"[{_class(sorted(map(ord, FOREIGN_LETTERS)))}]")


def _plain_words(text: str) -> bool:
    """Every token of ``text`` is one ``_keep_or_blank`` keeps as it is: letters only, at most
    ``MAX_WORD_LETTERS``, no capital after the first letter (so neither an acronym nor an inner
    capital, shouted or not), no letter of ``FOREIGN_LETTERS`` (a foreign name). Then the token
    pass would give ``text`` back unchanged, and is skipped: it was the stripper's dearest step
    (issue 18). Each search looks for what could make some token more than a plain word; when in
    doubt the token pass runs. A new reason to blank a word must be added here too
    (tests/test_cpu_shortcuts.py checks this against the token pass)."""
    return not (_NOT_LETTER.search(text) or _INNER_PUNCTUATION.search(text) or _INNER_CAPITAL.search(text)
                or _FOREIGN_LETTER.search(text) or max(map(len, text.split()), default=0) > MAX_WORD_LETTERS)


_strip_kept = lru_cache(maxsize=1 << 13)(_strip)  # repeats are near (one bundle's pages); bounded memory


#: a block whose letters and digits are this many times those left to judge is a list of codes
#: ("EMB 53062, FR 62.448.034 CE, 84 R 20, 33 RECOLTANT 522": 39 against 10)
CODES_SHARE = 3
_ALNUM = re.compile(r"[^\W_]")
_WORD_OF_TWO = re.compile(r"[^\W\d_]{2,}")


def codes_with_a_word(source: str, judged: str) -> bool:
    """``source`` is a list of codes, numbers and acronyms with one word left among them once they
    are removed (``judged``): the word is a part of a code ("RECOLTANT" of a French wine's
    packer code, Catalan 0.96 on the English page), not a sample of a language. Two words left, or
    a word that is most of the block ("Waterproof 50 m, IP68"), are judged as before."""
    words = _WORD_OF_TWO.finditer(judged)
    if next(words, None) is None or next(words, None) is not None:
        return False  # no word, or two (most text: decided at its second word)
    return len(_ALNUM.findall(source)) >= CODES_SHARE * letter_count(judged)


def letter_count(text: str) -> int:
    return sum(map(str.isalpha, text))
