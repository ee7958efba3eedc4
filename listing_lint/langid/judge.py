"""Is this text in the page's language? The two-pass design the LOC rules use, with a cache.

``Judge("lingua")`` (the default) answers in two passes:

1. **Script.** Latin text on a Russian page, or Cyrillic text on a Spanish one, is rejected
   without a model (the fast pass only names the language for the message).
2. **Fast pass**: lingua low-accuracy mode (0.1 s and 30 MiB to start). If it gives the page's
   language at least ``FAST_ACCEPT`` of its confidence, the text is accepted. Correct pages
   end here.
3. **Accurate pass**, only for text the fast pass would flag: lingua high-accuracy mode restricted
   to the page's language and the fast pass's best rival. A two-language high-accuracy detector
   loads two models (0.4 s, 100 MiB) instead of ten (1.8 s, 260 MiB); the decision it makes is
   exactly the one left open: "page language, or that rival?".

Other backends (``langdetect``, ``py3langid``, ``lingua-high``, ``lingua-low``) answer in one
pass: accepted when their best language is the page's.

Verdicts are cached per process by a hash of the text and the page language: the same text is
judged once however many rules and bundles ask. The models' scores are kept by text hash in
``listing_lint.memo``, on disk when the run's cache is on: a pre-commit run on an edited page runs
the models only on the paragraphs that changed, and loads none when none did. ``bench/langid_accuracy.py`` measures the whole
design (``docs/langid.md``).
"""

from __future__ import annotations

import binascii
import hashlib
import re
import struct
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from listing_lint import memo
from listing_lint.langid import words
from listing_lint.langid.base import BACKENDS, CANDIDATES, CYRILLIC_LANGS, NEIGHBOURS, get_detector
from listing_lint.langid.scripts import CharClasses

#: the fast pass accepts only when the page language is its top choice (FAST_MARGIN: no margin
#: measured better) with at least FAST_SURE; anything else goes to the accurate pass. The old
#: rule (accept at a 10 % share) let "The attribute data type. Attribute values can be set on
#: the product editor page." pass on a French page (fr 0.49 against en 0.51).
FAST_MARGIN = 0.0
FAST_SURE = 0.95  # from LONG_CHARS characters; shorter text needs only the top place (a correct
# "Enchufe inteligente" is es 0.45 / pt 0.3: the accurate model would load on correct pages)
#: what is left of a short text once its names in another script are removed (under LONG_CHARS)
#: is rejected only at this confidence: the names say it is a title or a label, and the short
#: rest alone is the 10-29 band's weakest sample (docs/langid.md, mixed strings)
NAMED_REST_SURE = 0.9
#: the first pass: py3langid restricted to the candidates accepts text of FIRST_FROM characters or
#: more in the page's script when its best language is the page's with at least FIRST_SURE; the
#: rest goes on to lingua's passes as before. It costs about half of lingua's fast pass per text
#: and takes 95 % of product-copy texts. Measured on both shop corpora (docs/langid.md): no text
#: lingua's passes reject has py3langid's best the page language above 0.73 from 30 characters
#: (0.93 under 30, where the first pass is not used)
FIRST_SURE = 0.95
FIRST_FROM = 30
#: ... and when its best language is a rival with at least this, the fast pass may not accept the
#: text alone: the accurate pass decides (fourth corpus, docs/langid.md: "Enable carrier auto
#: assign on sale order confirmation." on a French page is fr 0.999 for lingua's low-accuracy
#: mode, en 0.89 for py3langid, en for the accurate pass and its second opinion)
FIRST_OBJECTS = 0.8
#: a careful judgement (a short page's whole text; a block of a page where another block is
#: foreign) still needs no accurate pass when both fast models are sure of the page language:
#: py3langid's best with FIRST_SURE and lingua's fast pass's best with CAREFUL_BOTH_SURE. Session
#: 16, on the twelve real-text corpora: of the 20,020 same-script pairs (30-2,000 characters) so
#: sure, the careful path (accurate pass, then the neighbours for a short page) rejected one, a
#: correct English sentence ("Is it hard to install Firefox for Chromebook?" as German); the 141
#: wrong-language texts among them it accepted too. It cost two accurate passes (0.3-1 s of model
#: loading) on every one-paragraph page of a pre-commit run (issue 18).
CAREFUL_BOTH_SURE = 0.999
#: the stages that accept without the accurate model: on a page where some block is another
#: language, LOC002 weighs what they accepted by the accurate pass's verdict (l10n/pages.py)
QUICK_STAGES = frozenset({"first", "fast"})
#: from PARAGRAPH_CHARS the fast pass must be surer still: lingua's low-accuracy mode is
#: overconfident on cognate-heavy sentences ("Enable or disable Magic across your entire
#: application. Configure keys for your providers." is fr 0.96 for it), and correct paragraphs
#: are under FAST_SURE_PARAGRAPH rarely (1-2 % of the shop corpora's, docs/langid.md)
FAST_SURE_PARAGRAPH = 0.99
PARAGRAPH_CHARS = 80
#: from LONG_CHARS the fast pass rejects alone when the page language is hopeless there (under
#: FAST_REJECT_BELOW) and lingua's low-accuracy mode and py3langid both give the text to the same
#: rival with at least FAST_REJECT_SURE (lingua's low-accuracy confidences saturate on long text:
#: "Position de l'article dans le panier exclue du retour Address Trying" is en 0.99995 for it,
#: fr 0.998 for py3langid, and stays accepted). Measured on the three real-text corpora (77,780
#: sentence/page pairs, 28,260 rejected this way): no verdict and no name changed; a pre-commit run
#: with a wrong-language paragraph then loads no accurate model (issue 18)
FAST_REJECT_BELOW = 0.0001
FAST_REJECT_SURE = 0.99
#: ... and from LONG_CHARS when the page language is hopeless for both fast models (under
#: FAST_REJECT_BELOW for lingua's, under HOPELESS_BELOW for py3langid) and py3langid gives one rival
#: a majority (HOPELESS_NAMED): rejected, named by py3langid. The accurate pass would only have
#: chosen the name, and named worse. Measured on the real-text corpora (session 14, docs/langid.md):
#: of the 13,556 such pairs the rule above left to the accurate pass, it accepted none; where this
#: rule applies, its names agree with the corpus labels 13,377 times of 13,479, the accurate pass's
#: 13,201 ("Campanya actualizada amb éxit." on an English page is Catalan for both fast models,
#: Spanish 0.51 for the accurate pass among es, ca and pt). A pre-commit run that brings such a
#: paragraph loads no accurate model (issue 18: 0.58 s for two languages, 0.75 s for three)
HOPELESS_NAMED = 0.5
HOPELESS_BELOW = 0.01
#: ... and from LONG_CHARS when both fast models give the same rival AGREED_FAST (lingua's) and
#: AGREED_SECOND (py3langid), the page language under AGREED_PAGE_BELOW for lingua's and
#: AGREED_SECOND_PAGE_BELOW for py3langid, and the text's
#: words favour the rival by ``words.REJECT_LEAD``: a neighbour of the page language (Portuguese on
#: a Spanish page, where Spanish is not hopeless) needs no accurate model when three witnesses
#: agree. Measured on the real-text corpora (session 14, docs/langid.md): of the 9,360 sentence/page
#: pairs the stages before left to the accurate pass with the fast models agreeing, it takes 6,447,
#: of which the accurate pass accepted none; 7 names change, each to the corpus label's. Session 15
#: let py3langid agree with a plain majority (AGREED_SECOND) and hold the page language under
#: AGREED_SECOND_PAGE_BELOW, lingua's floors unchanged: of the 5,288 pairs still left to the
#: accurate pass it takes 1,253 more, the accurate pass had accepted none of them
AGREED_FAST = 0.9
AGREED_SECOND = 0.5
AGREED_PAGE_BELOW = 0.1
AGREED_SECOND_PAGE_BELOW = 0.3
#: ... and from LONG_CHARS, where the fast pass could not accept, when py3langid alone is sure of a
#: rival (SECOND_NAMES_SURE) with the page language hopeless for it (under HOPELESS_BELOW) and the
#: words favour that rival by ``words.REJECT_LEAD``, whatever lingua's fast pass ranked: rejected,
#: named by py3langid. Lingua's low-accuracy mode can call such text the page language ("Unisciti
#: alla community su Reddit" is en 0.98 for it on an English page, it 0.98 for py3langid), and so
#: could the accurate pass: of the 6,598 sentence/page pairs of the real-text corpora that reached
#: the accurate pass, this takes 1,310; the accurate pass rejected 1,303 and accepted 7, all seven
#: in another language than the page's (Italian, French, Portuguese, Catalan on English and Spanish
#: pages); names agree with the corpus labels 1,300 times of 1,308 (the accurate pass's 1,266).
#: Session 15, docs/langid.md: a pre-commit run with such a paragraph loads no accurate model
SECOND_NAMES_SURE = 0.9
JUDGED_CHARS = 10_000  # longer text is judged by its start (robustness: bounded time per block)
#: the accurate pass weighs the page language against the fast pass's ACCURATE_RIVALS best rivals
#: and rejects only a clear decision: the page language's share is at most 1 - ACCURATE_REJECT
#: (1 - ACCURATE_REJECT_LONG from LONG_CHARS characters) and the winner has at least RIVAL_LEADS.
#: Under 30 characters a coin flip between neighbours is no evidence ("Гарантия два года" is
#: bg 0.52 / ru 0.48). Measured on the shop corpus (docs/langid.md, "Choosing the thresholds").
ACCURATE_RIVALS = 1  # under LONG_CHARS: two languages load fewer models than three, as good
ACCURATE_RIVALS_LONG = 2  # "L'adresse postale correspond..." on an English page: fast rival it, not fr
ACCURATE_REJECT = 0.65
LONG_CHARS = 30
ACCURATE_REJECT_LONG = 0.55
RIVAL_LEADS = 0.5
#: ... or the page language holds at most PAGE_BEHIND of the winner's share (the rivals split the
#: rest: a Spanish sentence on an English page is Catalan 0.48 / Spanish 0.45 / English 0.07)
PAGE_BEHIND = 0.5
#: a weak win on a sentence (the winner under WEAK_REJECT, however far behind the page language
#: is: fifth corpus, "Перейти к списку типов атрибутов" is uk 0.75 / ru 0.24) is settled by
#: py3langid: accepted when its best is the page language
WEAK_REJECT = 0.75
#: a text the rivals split is named by the accurate model among the fast pass's NAMING_RIVALS best
NAMING_RIVALS = 4
#: Title Case: every word of TITLE_WORD letters or more capitalised, at least TITLE_WORDS of them
TITLE_WORD = 4
TITLE_WORDS = 3
SECOND_OPINION_BELOW = 0.6
SECOND_OPINION_REJECT = 0.8
#: ... or from SECOND_OPINION_WORDS when the text's words favour py3langid's language over the page's
#: by ``words.REJECT_LEAD`` (sixth corpus: "Calculadora simples e bonita para Android" on a Spanish
#: page is es 0.44 / pt 0.38 for lingua, pt 0.78 for py3langid, and its words pt by e^7.6)
SECOND_OPINION_WORDS = 0.65
#: a run of words in another script (Latin inside Russian, Cyrillic inside Spanish) or of
#: capitalised words inside same-script text is a name unless it has this many words, or one word
#: fewer with a lower-case word among them ("for women with hood": function words are no name)
RUN_WORDS = 4
#: a capitalised run inside same-script text is a leftover only when the two passes reject it
#: alone with this confidence
RUN_REJECT = 0.75
#: text shorter than this (letters) around names is not judged: only names are left
RUN_MIN_LETTERS = 10
#: same-script text is judged again without its capitalised runs only when they hold this share
#: of its letters (a name in a long sentence cannot have decided the verdict)
NAME_SHARE = 0.25
#: a text that is only a name: at most NAME_WORDS words, each capitalised (not all in capitals: a
#: shouted label is no name), no sentence mark; judged a name by its words (``words.name_like``)
NAME_WORDS = 3
#: verdicts kept per process; past this the oldest half is dropped (the memo still holds the
#: models' scores): on unique copy a worker judges about 100 new texts per bundle, and an
#: unbounded store grew with every bundle of the run (issue 18)
MAX_VERDICTS = 4_000
#: letters a page language never writes and a neighbour does: text holding one is never accepted
#: by the fast pass alone, the accurate pass decides (third corpus, docs/langid.md: lingua's
#: low-accuracy mode called "O arquivo de ambiente criptografado já existe. Arquivo de ambiente
#: criptografado não encontrado." Spanish 0.99). Only lower-case words count: a name's letters
#: ("Київ" in Russian, "Provença" in Spanish) say nothing of the text's language.
NOT_WRITTEN = {
    "es": frozenset("ãõâêôàèìòùçœ"),  # pt, ca, it, fr
    "fr": frozenset("ñãõáíóìò"),  # es, pt, it
    "ru": frozenset("іїєґў"),  # uk, be
}


@dataclass(frozen=True)
class Verdict:
    accepted: bool  # the text is plausibly in the expected language
    lang: str | None  # the detector's best language (the expected one when accepted)
    confidence: float  # of ``lang``
    model: str  # "script", "first", "fast", "accurate", "second", "words", "run", "name" or the single backend's name
    phrase: str | None = None  # a leftover inside otherwise page-language text (None: the whole text)

    @property
    def foreign(self) -> str | None:
        """The language the **whole** text is in when that is not the page's, else None."""
        return self.lang if not self.accepted and self.lang and self.phrase is None else None


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END = frozenset(".!?¿¡:;")  # not quotes: a quoted "Dark Crow" is a name


@lru_cache(maxsize=4096)  # asked for the first letter of every word: few distinct letters
def _letter_script(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    if name.startswith("LATIN"):
        return "Latin"
    if name.startswith("CYRILLIC"):
        return "Cyrillic"
    return "Other" if ch.isalpha() else None


def _word_start_script(ch: str) -> str | None:
    """The script ``script_runs`` gives a word starting with ``ch`` ("none" for a word character
    that is no letter, such as "²"); None for a character no word starts with."""
    if not _WORD_CHAR.match(ch):
        return None
    return _letter_script.__wrapped__(ch) or "none"


_WORD_CHAR = re.compile(r"[^\W\d_]")
_WORD_SCRIPTS = CharClasses(_word_start_script)


@lru_cache(maxsize=256)  # asked by Judge.prefetch, then again by the judge for the same texts
def _one_script(text: str, wanted: str) -> bool:
    """No character of ``text`` could put a word in a script other than ``wanted`` (or "Other"; a
    word's script is one of its letters'): then ``script_runs`` has no run that ``Judge._by_runs``
    weighs, and need not be built (issue 18)."""
    return not _WORD_SCRIPTS.has_any(text, _OTHER_SCRIPTS[wanted])


#: a word's script (``_letter_script``, None for a word character that is no letter) -> the labels
#: of ``_WORD_SCRIPTS`` a character of another script has
_ELSEWHERE = {script: frozenset({"Latin", "Cyrillic", "Other", "none"} - {script or "none"})
              for script in ("Latin", "Cyrillic", "Other", None)}
_OTHER_SCRIPTS = {script: frozenset({"Latin", "Cyrillic", "none"} - {script}) for script in ("Latin", "Cyrillic")}


@dataclass(frozen=True)
class Run:
    script: str
    start: int
    end: int
    words: tuple[str, ...]

    @property
    def is_phrase(self) -> bool:
        """Long enough to be a leftover phrase rather than a name (``RUN_WORDS``)."""
        n = len(self.words)
        return n >= RUN_WORDS or (n >= RUN_WORDS - 1 and any(w[:1].islower() for w in self.words))


def _part_script(word: str) -> str | None:
    """The script of most letters of ``word``'s last part (its last letter's on a tie): a letter of
    the other script that looks the same is a typo, not the word's script ("положениe" with a
    Latin "e" is a Russian word; thirty bees' Russian "Правовое положениe", a page that passed as
    English); the last part decides a compound ("API-ключ")."""
    part = re.split(r"['’-]", word)[-1]
    counts = Counter(_letter_script(c) for c in part)
    last = _letter_script(word[-1])
    best = max(counts.values())
    return last if counts[last] == best else next(s for s, n in counts.most_common() if n == best)


_PART = re.compile(r"[^\W\d_]+|['’-]")


def _without_other_script_parts(text: str, wanted: str) -> str:
    """``text`` without the parts of its compound words written in another script than ``wanted``
    ("Cookie-файлы" -> "файлы", "Email-адрес" -> "адрес"): a compound is its last part's word
    (``script_runs``), and the other part is a name in it. Text with no such word is returned as it is."""
    out, at = [], 0
    for m in _WORD.finditer(text):
        word = m.group()
        if not any(c in word for c in "-'’") or not _WORD_SCRIPTS.has_any(word, _ELSEWHERE[wanted]):
            continue
        parts = [p for p in _PART.findall(word) if p not in "-'’"]
        kept = [p for p in parts if _letter_script(p[-1]) == wanted]
        if kept and len(kept) < len(parts):
            out.append(text[at:m.start()])
            out.append("-".join(kept))
            at = m.end()
    if not out:
        return text
    out.append(text[at:])
    return "".join(out)


def script_runs(text: str) -> list[Run]:
    """Maximal runs of consecutive words in one script (punctuation and spaces between words do
    not break a run): "Платье "Dark Crow" черное" -> Cyrillic, Latin ("Dark", "Crow"), Cyrillic."""
    runs: list[tuple[str | None, int, int, list[str]]] = []  # a Run each, built once complete
    for m in _WORD.finditer(text):
        word = m.group()
        # a compound's script is its last part's: "API-ключ", "ZIP-архив" are Russian words
        script = _letter_script(word[-1])
        if _WORD_SCRIPTS.has_any(word, _ELSEWHERE[script]):
            # not one script throughout (its first letter, or any other, in another): "a-bПлатьеCrow"
            # begins and ends in Latin, but most letters of its last part are Cyrillic (hypothesis, session 10)
            script = _part_script(word)
        if runs and runs[-1][0] == script:
            last = runs[-1]
            runs[-1] = (script, last[1], m.end(), last[3])
            last[3].append(word)
        else:
            runs.append((script, m.start(), m.end(), [word]))
    return [Run(script, start, end, tuple(words)) for script, start, end, words in runs]


def capitalised_runs(text: str) -> list[Run]:
    """Runs of two or more capitalised words that do not start a sentence ("Guantes de invierno
    Arctic Touchscreen" -> "Arctic Touchscreen"): names in same-script text. A comma ends a run: a
    list of names ("Compatible avec Samsung Galaxy, Google Pixel, Xiaomi Redmi Note") is names
    one by one, not a phrase (as one run it was "German left in it", 0.88)."""
    runs: list[tuple[int, int, list[str]]] = []  # a Run each, built once complete
    previous_end = None
    for m in _WORD.finditer(text):
        word = m.group()
        if word[0].isupper():  # only a capital asks whether it starts a sentence
            at = m.start() - 1
            while at >= 0 and text[at].isspace():
                at -= 1
            if not (at < 0 or text[at] in _SENTENCE_END):
                after_run = runs and previous_end is not None and runs[-1][1] == previous_end
                if after_run and "," not in text[previous_end:m.start()]:
                    runs[-1] = (runs[-1][0], m.end(), runs[-1][2])
                    runs[-1][2].append(word)
                else:
                    runs.append((m.start(), m.end(), [word]))
        previous_end = m.end()
    return [Run("Capital", start, end, tuple(words)) for start, end, words in runs]


def _may_hold_phrase_run(text: str) -> bool:
    """Whether ``capitalised_runs(text)`` can hold a run that ``Run.is_phrase``: every word of a
    capitalised run starts with a capital (so none with a lower-case letter), and a phrase of them
    needs ``RUN_WORDS`` words, so the text needs that many capitals. Most accepted copy has one or
    two (issue 18: building the runs of every accepted text was 5 % of LOC002's time)."""
    return sum(map(str.isupper, text)) >= RUN_WORDS


def _name_list(text: str, run: Run) -> bool:
    """``run`` is a list of names: every word capitalised and no item between commas (or
    semicolons) a phrase alone. A Russian paragraph lists formats by name ("…, DVI, XPS, Fiction
    Book, Comic Book, Plucker, EPub, факсов"): read across its commas, the Latin run was "English
    left in it" 0.84 (session 17, KDE's descriptions); ``capitalised_runs`` ends a run at a comma in
    same-script text for the same reason. "see the full list of formats" has lower-case words."""
    if not all(w[:1].isupper() for w in run.words):
        return False
    return all(len(_WORD.findall(item)) < RUN_WORDS for item in re.split(r"[,;]", text[run.start:run.end]))


def _together(runs: list[Run]) -> Run:
    """The words of ``runs`` (of one text, in order) as one run: what they make together."""
    words = tuple(w for r in runs if r.script != "Other" for w in r.words)
    return Run("mixed", runs[0].start if runs else 0, runs[-1].end if runs else 0, words)


def _name_shaped(text: str) -> bool:
    """One to ``NAME_WORDS`` words, each starting with a capital, some with a lower-case letter,
    and no sentence mark (``_SENTENCE_END``): "Emily Carter", "Earl Grey", "Mich Stark, COO" (the
    acronym is neutral-stripped); not "Toggle navigation", "VISTES MÚLTIPLES", "Help me!"."""
    if any(c in _SENTENCE_END for c in text):
        return False
    found = []
    for m in _WORD.finditer(text):
        found.append(m.group())
        if len(found) > NAME_WORDS or not found[-1][0].isupper():
            return False  # stops at the first word too many or not capitalised: bounded on long text
    return bool(found) and any(any(c.islower() for c in w) for w in found)


def _title_case(text: str) -> bool:
    """Written in Title Case: every word of ``TITLE_WORD`` letters or more is capitalised, at
    least ``TITLE_WORDS`` of them, with lower-case function words between ("Descripció de la
    Categoria Arrel", "Cliente Aggiornato con Successo"): the capitals are the style, not names.
    A list of capitalised words with no function word ("Zapatillas Nike Air Zoom") is names."""
    words = [m.group() for m in _WORD.finditer(text)]
    lower = [w for w in words if w[:1].islower()]
    capital = [w for w in words if w[:1].isupper() and len(w) >= TITLE_WORD]
    return bool(lower) and len(capital) >= TITLE_WORDS and all(len(w) < TITLE_WORD for w in lower)


def _in_capitals(text: str) -> bool:
    """Written in capitals like a sentence: no word with a lower-case letter, at least
    ``TITLE_WORDS - 1`` words of ``TITLE_WORD`` letters or more and a shorter one between, a
    function word ("FUNCIONALIDADE DE TEMPORIZADOR PRECISO", "ALARMA PLENA DE CARACTERÍSTIQUES":
    neutral stripping keeps those, l10n/neutral.shouted_words): every word is capitalised, so
    none is a name by it. Capitalised words without one ("ZAPATILLAS RUNNING PEGASUS TRAIL") are
    names, as in Title Case."""
    words = [m.group() for m in _WORD.finditer(text)]
    return (all(not any(c.islower() for c in w) for w in words)
            and sum(len(w) >= TITLE_WORD for w in words) >= TITLE_WORDS - 1
            and any(len(w) < TITLE_WORD for w in words[1:-1]))


_SENTENCE = re.compile(r"[^.!?¿¡:;]+")  # the spans between _SENTENCE_END characters


def _outside_title_case(text: str, runs: list[Run]) -> list[Run]:
    """``runs`` without those inside a sentence of ``text`` written in Title Case (``_title_case``)
    or in capitals (``_in_capitals``): its capitals are the style, whether it is the whole text or
    one of a page's joined labels."""
    if not runs:
        return runs
    spans = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)
             if _title_case(m.group()) or _in_capitals(m.group())]
    return [r for r in runs if not any(start <= r.start and r.end <= end for start, end in spans)]


def _without(text: str, runs: list[Run]) -> str:
    out, at = [], 0
    for run in runs:
        out.append(text[at:run.start])
        at = run.end
    out.append(text[at:])
    # the names' quotes and brackets go with them: 'Причина и правило одобрения ""' is no
    # 30-character sentence (LONG_CHARS) once "Rma Canceled" is out
    return " ".join(t for t in " ".join(out).split() if any(c.isalnum() for c in t) or t in _SENTENCE_END)


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


def _named_script(ch: str) -> str | None:
    """A letter's script by the first word of its Unicode name ("LATIN", "CYRILLIC", else "OTHER")."""
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "").split(" ", 1)[0]
    return name if name in ("LATIN", "CYRILLIC") else "OTHER"


_NAMED_SCRIPTS = CharClasses(_named_script)  # by character classes, not a loop per letter (issue 18)
_ASCII_LETTER = re.compile("[A-Za-z]")


@lru_cache(maxsize=256)  # asked by Judge.prefetch, then again by the judge for the same texts
def _script(text: str) -> str | None:
    """"Latin", "Cyrillic" or None (mixed, other, or no letters), by majority of letters."""
    if text.isascii():  # its letters are A-Z and a-z, all LATIN
        return "Latin" if _ASCII_LETTER.search(text) else None
    present = _NAMED_SCRIPTS.present(text)  # searches that stop at a first letter, not counts
    if len(present) < 2:  # all its letters in one script (most text): no need to count them
        script = next(iter(present), None)
        return script.title() if script in ("LATIN", "CYRILLIC") else None
    counts = _NAMED_SCRIPTS.counts(text)
    letters = sum(counts.values())
    if not letters:
        return None
    for script in ("LATIN", "CYRILLIC"):
        if counts.get(script, 0) >= 0.9 * letters:
            return script.title()
    return None


#: how scores are stored in the memo: the languages best first, then their float64 values packed
#: (the floats exactly, without ``repr``: 16 µs of 13 tiny floats' shortest spelling per text, 2 µs
#: packed, and a value half as long to write; issue 18)
SCORES_FORMAT = "f64"


def _encode_scores(scores: dict[str, float]) -> str:
    packed = struct.pack(f"<{len(scores)}d", *scores.values())
    return ",".join(scores) + "|" + binascii.b2a_base64(packed, newline=False).decode("ascii")


def _decode_scores(stored: str) -> dict[str, float]:
    """What ``_encode_scores`` wrote; raises (ValueError, struct.error, binascii.Error) for anything else."""
    head, _, packed = stored.partition("|")
    langs = head.split(",") if head else []
    return dict(zip(langs, struct.unpack(f"<{len(langs)}d", binascii.a2b_base64(packed))))


@lru_cache(maxsize=None)
def _model_version(backend: str) -> str:
    """The installed version of the library behind ``backend``: stored scores of another version are not used."""
    from importlib.metadata import PackageNotFoundError, version

    dist = {"langdetect": "langdetect", "py3langid": "py3langid"}.get(backend, "lingua-language-detector")
    try:
        return version(dist)
    except PackageNotFoundError:
        return "unknown"


@lru_cache(maxsize=None)
def _namespace(backend: str) -> str:
    """The memo namespace of a backend's scores: its library's version and how scores are stored."""
    return f"langid:{backend}:{_model_version(backend)}:{SCORES_FORMAT}"


def _score_key(digest: str, candidates: tuple[str, ...]) -> str:
    """The memo key of a backend's scores for a text (by its digest) among ``candidates``."""
    return f"{digest}:{','.join(candidates)}"


def _not_written(text: str, lang: str) -> bool:
    """A lower-case word of ``text`` holds a letter ``lang`` never writes (``NOT_WRITTEN``)."""
    letters = NOT_WRITTEN.get(lang)
    if not letters or text.isascii() or letters.isdisjoint(text):
        return False
    return any(w[0].islower() and not letters.isdisjoint(w) for w in _WORD.findall(text))


def _worded_rival(text: str, expected: str) -> str | None:
    """The language (of the page language's neighbours and English) in which ``text``'s words are
    ``words.REJECT_LEAD`` likelier than in the page language, the likeliest such; or None. Such
    text is never accepted by the fast pass alone, as text with a letter the page language never
    writes (``NOT_WRITTEN``): lingua's low-accuracy mode calls "Les comandes estan tancades"
    (Catalan; its words lead Spanish by e^11.5) Spanish, and "Por favor resolva os seguintes
    erros" (Portuguese, e^14.3) Spanish 0.96. The accurate pass decides, that language among its
    rivals, and py3langid must agree (``Judge._second_names_too``)."""
    rivals = [n for n in (*NEIGHBOURS.get(expected, ()), "en") if n != expected
              and _expected_script(n) == _expected_script(expected) and words.has_list(n)]
    if not rivals or not words.has_list(expected):
        return None
    leads = {n: words.lead(text, n, expected) for n in rivals}
    best = max(rivals, key=lambda n: leads[n])
    return best if leads[best] >= words.REJECT_LEAD else None


def _words_rivals(text: str, expected: str, rivals: list[str], same: tuple[str, ...]) -> list[str]:
    """A label's accurate-pass rivals: the fast pass's, or instead the language the text's words name
    (``_worded_rival``) when they lead the page language and every other language of its script
    (``same``) by ``words.REJECT_LEAD``, and every fast rival has a word list to be weighed by.
    Lingua's low-accuracy mode ranks "Завантажено з пам'яті" (Ukrainian) bg 0.70 / uk 0.16 on a
    Russian page, and the accurate pass then said ru 0.59 against bg alone; its words are Ukrainian
    by e^16 over Russian and e^13 over Bulgarian. Replaced, not added: a third language takes a
    share of a short text from the winner ("Mot de passe" on an English page lost its rejection when
    Dutch joined French). Against every list of the script, not the rivals only: "Canal de venda"
    (Catalan) on an English page leads Italian in Dutch words, not Catalan; and not against a rival
    without a list ("Назва тавару" is Belarusian, which has none, though Ukrainian leads Russian);
    not on a name's shape (``_name_shaped``), whose words say nothing of the page's language
    ("Google Play" on a Spanish page became en 0.66 against English)."""
    if _name_shaped(text):
        return rivals
    named = _worded_rival(text, expected)
    if named is None or named in rivals or not all(words.has_list(r) for r in rivals):
        return rivals
    others = tuple(sorted({*rivals, *same} - {named, expected}))
    return [named] if words.lead(text, named, expected, others) >= words.REJECT_LEAD else rivals


def _decided_own(verdict: Verdict, expected: str) -> bool:
    """Accepted with the page language on top (not for want of a clear decision). Measured for
    every text, not only paragraphs: it found three more 30-79 blocks across the corpora, but
    short strings with English names in them alarmed more (tuning es 13 -> 20 of 300)."""
    return verdict.accepted and verdict.lang in (expected, None)


def _passes_disagree(fast: dict[str, float], expected: str, own: float) -> bool:
    """The fast pass is sure of a rival (``FAST_SURE_PARAGRAPH``) and the accurate one keeps the
    page language only weakly (under ``WEAK_REJECT``): the two modes of lingua disagree, and
    py3langid is asked as on an unsure sentence. "O campo deve conter elementos. O arquivo deve
    ter quilobytes. ..." on a Spanish page: fast pt 1.00, accurate es 0.61, py3langid pt 0.85."""
    best, best_conf = next(iter(fast.items()), (None, 0.0))
    return best != expected and best_conf >= FAST_SURE_PARAGRAPH and own < WEAK_REJECT


def _clearly_rejected(accurate: dict[str, float], expected: str, needed: float) -> bool:
    """The accurate pass's scores (best first) reject the page language: it clearly loses (its share
    at most 1 - ``needed``) to a rival that leads with at least ``RIVAL_LEADS``, or the rivals share
    the text and it is far behind the best of them (``PAGE_BEHIND``: "¿Habilitar compartir en
    Twitter?" on an English page is ca 0.48 / es 0.45 / en 0.07)."""
    lang, conf = next(iter(accurate.items()), (expected, 1.0))
    own = accurate.get(expected, 0.0)
    return lang != expected and own <= 1 - needed and (conf >= RIVAL_LEADS or own <= PAGE_BEHIND * conf)


def _expected_script(lang: str) -> str | None:
    if lang in CYRILLIC_LANGS:
        return "Cyrillic"
    if lang in ("zh", "ja", "ko", "ar", "he", "el", "th", "hi"):
        return None
    return "Latin"


@lru_cache(maxsize=64)
def _same_script(candidates: tuple[str, ...], expected: str) -> tuple[str, ...]:
    wanted = _expected_script(expected)
    return tuple(c for c in candidates if c != expected and _expected_script(c) == wanted)


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()


class Judge:
    def __init__(self, backend: str = "lingua", candidates: tuple[str, ...] = CANDIDATES):
        key = backend.strip().lower()
        if key not in BACKENDS:
            get_detector(key)  # raises UnknownDetector with the valid names
        self.backend = key
        self.two_pass = key == "lingua"
        self.candidates = tuple(candidates)
        self._verdicts: dict[tuple[str, str, bool], Verdict] = {}
        self._lock = threading.Lock()
        self._accurate_calls = 0  # texts the accurate model was run on (not answered from memo)
        #: the first pass's scores ``prefetch`` worked out for the texts about to be judged, by memo
        #: key (kept in the memo as well); replaced by each ``prefetch``
        self._prefetched: dict[str, dict[str, float]] = {}

    def _candidates_for(self, expected: str) -> tuple[str, ...]:
        return self.candidates if expected in self.candidates else self.candidates + (expected,)

    def _scores_of(self, backend: str, text: str, digest: str, candidates: tuple[str, ...]) -> dict[str, float]:
        """A backend's scores for ``text``, kept by text hash in ``listing_lint.memo`` (on disk when
        the run's cache is on): an unchanged paragraph is never shown to a model twice."""
        ns = _namespace(backend)
        key = _score_key(digest, candidates)
        if backend == "py3langid" and self._prefetched:
            found = self._prefetched.get(key)
            if found is not None:
                return found
        stored = memo.lookup(ns, key, _decode_scores)
        if stored is not None:
            return stored
        if backend == "lingua-high":
            with self._lock:
                self._accurate_calls += 1
        scores = get_detector(backend).scores(text, candidates)
        memo.put(ns, key, _encode_scores(scores))
        return scores

    def prefetch(self, texts: list[tuple[str, str]]) -> None:
        """Work out together the first pass's scores of the ``(text, page language)`` pairs that
        ``judge(text, page language)`` is about to be asked for: py3langid scores a batch with a few
        numpy calls where it takes a Python loop per byte and several calls per text alone
        (``Py3langidDetector.scores_many``, the same values). Only for texts whose verdict is not
        known yet and that go to the first pass as they are (long enough, in the page's script, with
        no run of another script), and whose scores the memo does not hold: nothing is worked out
        that judging would not work out (issue 18, session 8)."""
        if not self.two_pass:
            return
        ns = _namespace("py3langid")
        keys: dict[str, str] = {}  # memo key -> text, in order, each text once
        for text, expected in texts:
            text = text[:JUDGED_CHARS]
            wanted = _expected_script(expected)
            if (len(text) < FIRST_FROM or expected not in self.candidates or wanted is None
                    or not _one_script(text, wanted) or _script(text) != wanted):
                continue
            digest = _digest(text)
            key = _score_key(digest, self.candidates)
            if key in keys or (digest, expected, False) in self._verdicts or memo.get(ns, key) is not None:
                continue
            keys[key] = text
        found: dict[str, dict[str, float]] = {}
        if keys:
            scores = get_detector("py3langid").scores_many(list(keys.values()), self.candidates)
            for key, one in zip(keys, scores):
                found[key] = one
                memo.put(ns, key, _encode_scores(one))
        with self._lock:
            self._prefetched = found

    def judge(self, text: str, expected: str, careful: bool = False) -> Verdict:
        """Verdict on ``text`` for a page in language ``expected`` (ISO 639-1, e.g. "es").

        ``careful``: the accurate pass decides even when the fast pass would accept (a whole
        page's text, judged once: the fast model calls "Por favor selecione uma calculadora de
        método de envio." Spanish 0.93)."""
        # the first JUDGED_CHARS tell the language; a 2 MB title took lingua over 30 s (the rule budget)
        text = text[:JUDGED_CHARS]
        digest = _digest(text)
        key = (digest, expected, careful)
        with self._lock:
            cached = self._verdicts.get(key)
        if cached is not None:
            return cached
        if self.two_pass:
            verdict = self._by_runs(text, digest, expected, careful)
        else:
            verdict = self._single(text, digest, expected)
        with self._lock:
            memo.bounded_set(self._verdicts, key, verdict, MAX_VERDICTS)
        return verdict

    def _single(self, text: str, digest: str, expected: str) -> Verdict:
        scores = self._scores_of(self.backend, text, digest, self._candidates_for(expected))
        if not scores:
            return Verdict(True, None, 0.0, self.backend)  # no answer: stay silent
        lang, conf = next(iter(scores.items()))
        return Verdict(lang == expected, lang, conf, self.backend)

    # -- the two-pass design on script runs and words ------------------------------------------
    def _by_runs(self, text: str, digest: str, expected: str, careful: bool = False) -> Verdict:
        """Names in another script do not decide; a leftover phrase in another script does.

        Text in the page's script only is judged whole (``_whole``). Text wholly in another script
        is rejected by script. Mixed text: the runs in the page's script are judged together
        (without the other-script runs), and an other-script run long enough to be a phrase
        (``Run.is_phrase``) is a leftover, quoted.
        """
        wanted = _expected_script(expected)
        runs = script_runs(text) if wanted and not _one_script(text, wanted) else []
        foreign = [r for r in runs if r.script != wanted]
        if not foreign or all(r.script == "Other" for r in foreign):
            bare = _without_other_script_parts(text, wanted) if runs else text
            if bare != text:
                # compounds whose first part is a name in another script: "Cookie-файлы" is a
                # Russian word (its last part's script), but the models read its Latin letters
                # ("Italian 1.00"); judged without them, like a name beside the words (session 13)
                if _letters(bare) < RUN_MIN_LETTERS:
                    return Verdict(True, expected, 1.0, "run")
                return self._whole(bare, _digest(bare), expected, careful)
            return self._whole(text, digest, expected, careful)
        if len(foreign) == len(runs):
            return self._by_script(text, digest, expected)
        rest = _without_other_script_parts(_without(text, foreign), wanted)
        leftover = max((r for r in foreign if r.is_phrase and r.script != "Other" and not _name_list(text, r)),
                       key=lambda r: _letters(text[r.start:r.end]), default=None)
        if _letters(rest) >= RUN_MIN_LETTERS:
            verdict = self._whole(rest, _digest(rest), expected)
            if not verdict.accepted:
                if (leftover is None and len(rest) < LONG_CHARS and verdict.phrase is None
                        and (verdict.confidence < NAMED_REST_SURE and not words.rejects(rest, expected, verdict.lang)
                             or words.keeps(rest, expected, verdict.lang or expected))):
                    # names (no phrase) in another script mark a title or a label ("Товары для
                    # Дома" with a brand, "Subtotal ( ítems)" with a Cyrillic word); the short rest
                    # is a weak sample the names cannot have made foreign: rejected only when sure,
                    # and not when its words are the page language's ("Soporta Markdown" with a
                    # Cyrillic name is en 0.91: "soporta" is Spanish, "Markdown" a name; sixth corpus).
                    # Unsure is enough when the rest's words are the winner's by ``words.REJECT_LEAD``:
                    # "Помилка запису чипу RF" (Tasmota's Ukrainian) is uk 0.65 without its name on
                    # a Russian page, its words lead Russian by e^6.5
                    return Verdict(True, expected, 1.0 - verdict.confidence, "run")
                return verdict
        if leftover is None:
            if _letters(rest) < RUN_MIN_LETTERS and _together(foreign).is_phrase:
                # no run is a phrase alone, but the other script's words together are and the
                # page's script holds only a name: "Этот адрес email уже зарегистрирован." on a
                # French page is Russian with one Latin word
                return self._by_script(text, digest, expected)
            return Verdict(True, expected, 1.0, "run")
        phrase = text[leftover.start:leftover.end]
        lang, conf = self._name_run(phrase, leftover.script)
        # the page-language part judged and accepted: the phrase is a leftover in it, quoted;
        # too little of it to judge: the text as a whole is in the phrase's language
        whole = _letters(rest) < RUN_MIN_LETTERS
        return Verdict(False, lang, conf, "run", None if whole else phrase)

    def _same_script(self, expected: str) -> tuple[str, ...]:
        """The candidates written in ``expected``'s script (the word lists' rivals)."""
        return _same_script(self.candidates, expected)

    def _only_a_name(self, text: str, expected: str) -> bool:
        """Shaped like a name (``_name_shaped``) and made of a name's words (``words.name_like``):
        "Emily Carter", "Microsoft Store" on any page (session 13)."""
        return _name_shaped(text) and words.name_like(text, expected, self._same_script(expected))

    def _name_run(self, phrase: str, script: str) -> tuple[str | None, float]:
        """The language of a leftover run, among the candidates written in its script: the fast
        model's two best, decided by the accurate model (the fast one calls short Russian Ukrainian)."""
        candidates = tuple(c for c in self.candidates if _expected_script(c) == script) or self.candidates
        digest = _digest(phrase)
        fast = self._scores_of("lingua-low", phrase, digest, candidates)
        if len(fast) < 2:
            return next(iter(fast.items()), (None, 0.0))
        accurate = self._accurate(phrase, digest, tuple(sorted(list(fast)[:2])))
        return next(iter(accurate.items()), (None, 0.0))

    def _by_script(self, text: str, digest: str, expected: str) -> Verdict:
        """Text in another script than the page's: rejected without a model; named among its
        script's languages like a leftover run (the fast model alone called three blocks of one
        Russian page Russian, Bulgarian and Ukrainian, and LOC002 then saw no language holding half)."""
        script = _script(text)
        if script in ("Latin", "Cyrillic"):
            best, best_conf = self._name_run(text, script)
        else:
            fast = self._scores_of("lingua-low", text, digest, self._candidates_for(expected))
            best, best_conf = next(iter(fast.items()), (None, 0.0))
        return Verdict(False, best, best_conf, "script")

    def _whole(self, text: str, digest: str, expected: str, careful: bool = False) -> Verdict:
        verdict = self._two_pass(text, digest, expected, careful)
        if _expected_script(expected) is None:
            return verdict
        if verdict.accepted:
            if not _may_hold_phrase_run(text):
                return verdict  # no capitalised run can be a phrase: nothing for _capitalised_leftover
            return self._capitalised_leftover(text, capitalised_runs(text), expected) or verdict
        if verdict.lang and self._only_a_name(text, expected):
            # only a name: "Emily Carter" (en 0.89 on a Spanish page), "Оливия Рид" (bg 0.71 on a
            # Russian one); a name has the letters of its own language, and its words are as
            # common in the page language as in any other (session 13)
            return Verdict(True, expected, 1.0, "name")
        # same-script names: "Guantes de invierno Arctic Touchscreen" judged without "Arctic Touchscreen";
        # not the capitals of a sentence in Title Case, the style ("Cliente Aggiornato con Successo",
        # or a page's labels joined: "Wizard manual procurement. Sale Lines to Deliver.")
        names = _outside_title_case(text, capitalised_runs(text))
        if sum(_letters(text[r.start:r.end]) for r in names) < NAME_SHARE * _letters(text):
            return verdict  # names too few to have decided the verdict
        rest = _without(text, names)
        # the rest must pass the accurate model: the fast one accepts what the whole text was
        # rejected for ("No hi ha cap canal de venda disponible. Creeu-ne un a" is es 0.96 for it)
        rest_verdict = self._two_pass(rest, _digest(rest), expected, careful=True) if _letters(rest) >= RUN_MIN_LETTERS else None
        if rest_verdict is None or not rest_verdict.accepted:
            return verdict
        if len(text) >= PARAGRAPH_CHARS and not _decided_own(rest_verdict, expected):
            # a paragraph's names explain its rejection only when the rest is the page language,
            # not merely undecided: German capitalises nouns, and "Legen Sie 'date.timezone' in
            # Ihrer php.ini Datei fest (z.B. ...)" without them was de 0.43 / es 0.31 / en 0.26
            return verdict
        leftover = max((r for r in names if r.is_phrase), key=lambda r: _letters(text[r.start:r.end]), default=None)
        if leftover is None:
            return Verdict(True, expected, 1.0, "run")
        phrase = text[leftover.start:leftover.end]
        scores = self._scores_of("lingua-high", phrase, _digest(phrase), tuple(sorted({expected, verdict.lang})))
        lang, conf = next(iter(scores.items()), (None, 0.0))
        if lang == expected or conf < ACCURATE_REJECT:
            return Verdict(True, expected, 1.0, "run")
        return Verdict(False, lang, conf, "run", phrase)

    def _capitalised_leftover(self, text: str, names: list[Run], expected: str) -> Verdict | None:
        """A phrase-long capitalised run the two passes reject with RUN_REJECT inside accepted text
        ("Chaqueta con capucha Men's Solid Hooded Puffer Jacket"): a leftover, quoted."""
        longest = sorted((r for r in names if r.is_phrase), key=lambda r: (-(r.end - r.start), r.start))
        for run in longest[:3]:  # bounded work on a long Title Case text
            phrase = text[run.start:run.end]
            if len(phrase) < LONG_CHARS or _letters(phrase) > 0.75 * _letters(text):
                continue  # too short to judge alone, or the text itself (judged already)
            verdict = self._two_pass(phrase, _digest(phrase), expected)
            if not verdict.accepted and verdict.lang and verdict.confidence >= RUN_REJECT:
                return Verdict(False, verdict.lang, verdict.confidence, "run", phrase)
        return None

    def _two_pass(self, text: str, digest: str, expected: str, careful: bool = False) -> Verdict:
        """``careful``: neither the first nor the fast pass accepts (the accurate pass decides)."""
        script, wanted = _script(text), _expected_script(expected)
        objects = False  # the first pass gives a rival FIRST_OBJECTS: the fast pass may not accept alone
        first_rival = None  # the first pass's best language when it is not the page's: a rival too
        first_sure = False
        if len(text) >= FIRST_FROM and script and script == wanted and expected in self.candidates:
            first = self._scores_of("py3langid", text, digest, self.candidates)
            top = next(iter(first), None)
            first_sure = top == expected and first[expected] >= FIRST_SURE
            if not careful and first_sure:
                return Verdict(True, expected, first[expected], "first")
            objects = not careful and top != expected and first.get(top, 0.0) >= FIRST_OBJECTS
            first_rival = top if top != expected else None
        fast = self._scores_of("lingua-low", text, digest, self._candidates_for(expected))
        if not fast:
            return Verdict(True, None, 0.0, "fast")
        best, best_conf = next(iter(fast.items()))
        if script and wanted and script != wanted:
            return Verdict(False, best, best_conf, "script")
        if careful and first_sure and best == expected and best_conf >= CAREFUL_BOTH_SURE and not _not_written(text, expected):
            return Verdict(True, expected, best_conf, "fast")
        long_text = len(text) >= LONG_CHARS
        if long_text and script == wanted and best != expected and fast.get(expected, 0.0) < AGREED_PAGE_BELOW:
            rejected = self._fast_rejection(text, digest, expected, fast)
            if rejected:
                return rejected
        sure = FAST_SURE_PARAGRAPH if len(text) >= PARAGRAPH_CHARS else FAST_SURE if long_text else 0.0
        fast_accepts = (not careful and not objects and fast.get(expected, 0.0) >= max(best_conf - FAST_MARGIN, sure)
                        and not _not_written(text, expected))
        worded_rival = _worded_rival(text, expected) if fast_accepts else None
        if fast_accepts and worded_rival is None:
            return Verdict(True, expected, fast[expected], "fast")
        if long_text and not careful and script == wanted:
            named = self._second_names(text, digest, expected)
            if named:
                return named
        rivals = [lang for lang in fast if lang != expected][:ACCURATE_RIVALS_LONG if long_text else ACCURATE_RIVALS]
        if not fast_accepts and not long_text:
            # a label: a sentence has py3langid's best as a rival too (``first_rival``), and weighed
            # against the words' language alone "El campo ha de ser numéric i pot contenir coma."
            # (Catalan) was kept on a Spanish page
            rivals = _words_rivals(text, expected, rivals, self._same_script(expected))
        for extra in (first_rival, worded_rival):
            if extra and extra not in rivals:
                # the fast pass's rivals can miss the language the text is in: "Invalid characters in
                # controller name" is fr 0.46 / nl 0.39 / es 0.09 / en 0.04 for it on a French page
                # (en 0.86 for py3langid), and the accurate pass then chose among fr, nl and es
                rivals.append(extra)
        if not rivals:
            return Verdict(True, expected, fast[expected], "fast")
        accurate = self._accurate(text, digest, tuple(sorted({expected, *rivals})))
        if not accurate:
            return Verdict(True, None, 0.0, "accurate")
        lang, conf = next(iter(accurate.items()))
        own = accurate.get(expected, 0.0)
        rejected = _clearly_rejected(accurate, expected, ACCURATE_REJECT_LONG if long_text else ACCURATE_REJECT)
        if worded_rival is not None and (lang != worded_rival or _name_shaped(text)
                                         or not self._second_names_too(text, digest, expected, lang)):
            # the fast pass accepted it and only the words sent it on: the accurate pass overrules
            # the fast one only for the language the words named, when py3langid names it too
            # ("Carros guardados", Spanish, is pt 0.70 for the accurate pass and es for py3langid;
            # "German Legal Fanfold, 8 1/2 × 13 in", a paper size left in English on PrusaSlicer's
            # Spanish page, has English words and was de 0.63), and not on a name's shape
            # ("Mondial Relay", the carrier, on a Spanish page: "relay" is an English word)
            return Verdict(True, expected, fast[expected], "fast")
        if rejected and long_text and conf < WEAK_REJECT:
            # a weak win on a sentence: py3langid must not call it the page language ("Has
            # cancelado el pedido realizado el": lingua pt 0.57 / es 0.43, py3langid es 0.85;
            # "Перейти к списку типов атрибутов": lingua uk 0.75 / ru 0.24, py3langid ru 0.56)
            second = self._scores_of("py3langid", text, digest, tuple(sorted({expected, lang, *rivals})))
            if next(iter(second), None) == expected:
                return Verdict(True, expected, second[expected], "second")
            if own > PAGE_BEHIND * conf and words.keeps(text, expected, lang, tuple(rivals)):
                # a close call (the page language above half of the winner) both models call the
                # neighbour, but its words are the page language's: "Divisa de reembolso de PayPal
                # no válida." (lingua pt 0.56, py3langid pt 0.86; Portuguese negates with "não",
                # and its "no" is "em" + "o"). Not on a weak win far ahead: "Habilitar
                # notificación de cookies" on a French page (fr 0.01) was kept by its words
                return Verdict(True, expected, own, "words")
        if rejected and long_text and not careful and self._marked_sentence(text, expected, lang):
            # a short sentence whose words are the page language's, with a marker word of it:
            # "Simple notes, todos and memos." (es 0.53, English far behind)
            return Verdict(True, expected, own, "words")
        if (rejected and not long_text and words.keeps(text, expected, lang, self._same_script(expected))
                and (conf < WEAK_REJECT or not careful and self._label_witness(text, digest, expected))):
            # a label (10-29 characters) whose words are the page language's, against every
            # language of its script with a word list, and a weak win: "Guardar carrito" (it 0.68),
            # "Страница не найдена" (bg 0.68), "Save password" (it 0.73). Session 13: of the ten
            # real-text corpora's rejected 10-29 texts, 28 of 152 correct ones are kept and 3 of
            # 42,778 wrong ones ("Plugin Type" on a French page); against the winner and neighbours
            # only, a Catalan label passed as English ("No hi ha cap targeta desada", es 0.66).
            # A strong win needs a second witness (``_label_witness``), and not where the accurate
            # pass must decide (``careful``: "Kundencode des" judged without its name "Produkts" is
            # French for py3langid, and the German label passed on a French page)
            return Verdict(True, expected, own, "words")
        if not rejected and not long_text and self._worded_weak_win(text, digest, expected, lang, conf, tuple(accurate)):
            return Verdict(False, lang, conf, "words")
        if not rejected and len(text) >= LONG_CHARS and (own < SECOND_OPINION_BELOW or _passes_disagree(fast, expected, own)):
            # lingua is unsure of the page language on a sentence: a second model, py3langid, may
            # settle it ("User has all possible permissions." is fr 0.43 / en 0.39 / ca 0.18 for
            # lingua, en 0.84 for py3langid); it rejects only with SECOND_OPINION_REJECT
            second = self._scores_of("py3langid", text, digest, tuple(sorted({expected, *rivals})))
            other, other_conf = next(iter(second.items()), (None, 0.0))
            if other and other != expected:
                if other_conf >= SECOND_OPINION_REJECT and not words.keeps(text, expected, other, tuple(rivals)):
                    # ... unless the words favour the page language ("Carrito no encontrado o no
                    # válido." is es 0.49 / pt 0.48 for lingua, pt 0.82 for py3langid)
                    return Verdict(False, other, other_conf, "second")
                if other_conf >= SECOND_OPINION_WORDS and words.rejects(text, expected, other):
                    return Verdict(False, other, other_conf, "words")
        if rejected and conf < RIVAL_LEADS:
            # the rivals split the text: the fast pass's rivals may miss its language ("Continuar
            # con el proceso de pago" is pt / it / ca / es for it): named among its NAMING_RIVALS best
            named = self._accurate(text, digest, tuple(sorted([c for c in fast if c != expected][:NAMING_RIVALS])))
            lang, conf = next(iter(named.items()), (lang, conf))
        return Verdict(not rejected, lang, conf, "accurate")

    def _label_witness(self, text: str, digest: str, expected: str) -> bool:
        """A label the accurate pass gives strongly (``WEAK_REJECT``) to another language, though its
        words are the page language's, has a second witness for the page language: py3langid's best
        among every candidate ("Reset password": it 0.78 for the accurate pass, en for py3langid),
        or a marker word of the page language (``words.marked``: "and" in "Simple notes, todos and
        memos", pt 0.87). Session 17, on every 10-29 text of the fifteen real-text corpora on every
        page language (docs/langid.md): 14 of the 131 correct labels the accurate pass rejects are
        kept, none of the 48,132 wrong ones; the words alone (``words.keeps``) would have lost 41
        ("Connettiti su Telegram" on a Spanish page), py3langid alone 267. A name is left to the
        name check (``_whole``): "Microsoft Store" copied on the other pages is silent only when the
        English page took it for a name (l10n/verdicts.py)."""
        if self._only_a_name(text, expected):
            return False
        same = self._same_script(expected)
        if words.marked(text, expected, same):
            return True
        return self._second_best(text, digest, expected) == expected

    def _worded_weak_win(self, text: str, digest: str, expected: str, winner: str, conf: float,
                         weighed: tuple[str, ...] = ()) -> bool:
        """A label (under ``LONG_CHARS``) the accurate pass gives to ``winner`` with ``RIVAL_LEADS``
        but not ``ACCURATE_REJECT`` (a coin flip between neighbours, no evidence alone) whose words
        are ``words.REJECT_LEAD`` likelier in ``winner`` than in the page language, and which
        py3langid gives to ``winner`` too: the mirror of a label its words and a second witness keep
        (``_label_witness``). "Data da encomenda" (Portuguese) on a Spanish page is pt 0.64 there,
        its words lead by e^9.1. Not on a name's shape (``_name_shaped``: "Cache Actions" is
        fr 0.60 on an English page, and French for py3langid): a name's words say nothing of the
        page's language."""
        if winner in (expected, None) or conf < RIVAL_LEADS or _name_shaped(text):
            return False
        # the words must favour the winner over the page language, and over every language the
        # accurate pass weighed and English too: "German Legal Fanfold, in" (a paper size left in
        # English on PrusaSlicer's Spanish page) leads Spanish by e^9.0 in German words, but English
        # by e^-2.2, and was called German
        others = tuple(sorted({*weighed, "en"} - {winner}))
        return (words.lead(text, winner, expected, others) >= words.REJECT_LEAD
                and self._second_names_too(text, digest, expected, winner))

    def _second_names_too(self, text: str, digest: str, expected: str, winner: str) -> bool:
        """py3langid's best language among every candidate is ``winner``, a rival of the page's."""
        return winner not in (expected, None) and self._second_best(text, digest, expected) == winner

    def _second_best(self, text: str, digest: str, expected: str) -> str | None:
        """py3langid's best language for ``text`` among every candidate of a page in ``expected``
        (the second witness of ``_label_witness`` and ``_second_names_too``), or None."""
        return next(iter(self._scores_of("py3langid", text, digest, self._candidates_for(expected))), None)

    def _marked_sentence(self, text: str, expected: str, winner: str) -> bool:
        """A sentence the accurate pass gives to ``winner`` whose words lead the page language against
        every language of its script (``words.keeps``) and hold a marker word of it
        (``words.marked``): the label witness of ``_label_witness`` on a sentence. "Simple notes,
        todos and memos." is es 0.53 / pt 0.41 / en 0.06 ("and"); the label without its period was
        kept, the sentence was "Spanish". Session 17, round 2 (docs/langid.md): on every text of 30
        characters or more of the fifteen real-text corpora on every page language, 6 correct texts
        kept and no wrong one lost; of the 275 wrong sentences rejected that hold a marker word of
        the page language, the words lead it by -0.82 at best ("Gesamtsumme aller Bestellungen" on
        a French page: "aller"). Not a name, not a careful judgement (as for a label): the careful
        path judges what is left of a text without its names."""
        if self._only_a_name(text, expected):
            return False
        same = self._same_script(expected)
        return words.keeps(text, expected, winner, same) and words.marked(text, expected, same)

    def _fast_rejection(self, text: str, digest: str, expected: str, fast: dict[str, float]) -> Verdict | None:
        """A sentence's rejection by the two fast models without the accurate one, or None: both
        sure of one rival (``FAST_REJECT_*``), the page language hopeless for both (``HOPELESS_*``),
        or both agreeing on a rival its words favour (``AGREED_*``)."""
        best, best_conf = next(iter(fast.items()))
        other = self._scores_of("py3langid", text, digest, self._candidates_for(expected))
        named, named_conf = next(iter(other.items()), (expected, 1.0))
        own, other_own = fast.get(expected, 0.0), other.get(expected, 0.0)
        if own < FAST_REJECT_BELOW:
            if best_conf >= FAST_REJECT_SURE and other.get(best, 0.0) >= FAST_REJECT_SURE:
                return Verdict(False, best, best_conf, "fast")
            if named != expected and named_conf >= HOPELESS_NAMED and other_own < HOPELESS_BELOW:
                # the page language hopeless for both fast models: py3langid's best names the text
                return Verdict(False, named, best_conf if named == best else named_conf, "fast")
        if (named == best and best_conf >= AGREED_FAST and named_conf >= AGREED_SECOND
                and other_own < AGREED_SECOND_PAGE_BELOW and words.rejects(text, expected, best)):
            return Verdict(False, best, best_conf, "fast")
        return None

    def _second_names(self, text: str, digest: str, expected: str) -> Verdict | None:
        """A sentence's rejection by py3langid and the words alone (``SECOND_NAMES_SURE``), or None."""
        other = self._scores_of("py3langid", text, digest, self._candidates_for(expected))
        named, named_conf = next(iter(other.items()), (expected, 1.0))
        if (named != expected and named_conf >= SECOND_NAMES_SURE and other.get(expected, 0.0) < HOPELESS_BELOW
                and words.rejects(text, expected, named)):
            return Verdict(False, named, named_conf, "second")
        return None

    def against_neighbours(self, text: str, expected: str) -> Verdict:
        """The accurate pass on ``text`` with the page language's neighbours (``NEIGHBOURS``) as its
        rivals, whatever the fast pass ranked, rejecting as the accurate pass does from
        ``LONG_CHARS``. For a short page's text judged whole (l10n/pages.py): the fast pass's
        rivals can miss the neighbour the page is really in ("Despeses d'enviament. Cistella de
        Compra." is pt 0.56 / it 0.39 / ca 0.05 for it, es 0.50 against pt and it)."""
        rivals = tuple(c for c in NEIGHBOURS.get(expected, ()) if c in self.candidates)
        if not self.two_pass or not rivals or _letters(text) < RUN_MIN_LETTERS:
            return Verdict(True, expected, 1.0, "accurate")
        scores = self._accurate(text, _digest(text), tuple(sorted({expected, *rivals})))
        lang, conf = next(iter(scores.items()), (expected, 1.0))
        return Verdict(not _clearly_rejected(scores, expected, ACCURATE_REJECT_LONG), lang, conf, "accurate")

    def _accurate(self, text: str, digest: str, pair: tuple[str, ...]) -> dict[str, float]:
        return self._scores_of("lingua-high", text, digest, pair)

    def fast_share(self, text: str, expected: str) -> float:
        """The fast pass's (lingua low-accuracy) share of ``expected`` when it is its top choice, else
        0: how surely the fast pass alone takes ``text`` as the page language, whichever stage
        answered the verdict (the first pass's confidences are py3langid's, on another scale)."""
        if not self.two_pass:
            return 0.0
        fast = self._scores_of("lingua-low", text, _digest(text), self._candidates_for(expected))
        return fast.get(expected, 0.0) if next(iter(fast), None) == expected else 0.0

    def stats(self) -> dict[str, int]:
        """How many distinct (text, language) pairs were judged, and how many needed the accurate model."""
        return {"texts": len(self._verdicts), "accurate": self._accurate_calls}


#: a short text per language, to make lingua load that language's models (they load lazily, per language)
WARM_UP_TEXT = {
    "en": "The charger is small and light.",
    "es": "El cargador es pequeño y ligero.",
    "fr": "Le chargeur est petit et léger.",
    "ru": "Зарядное устройство маленькое и лёгкое.",
    "pt": "O carregador é pequeno e leve.",
    "it": "Il caricatore è piccolo e leggero.",
    "uk": "Зарядний пристрій маленький і легкий.",
    "bg": "Зарядното устройство е малко и леко.",
    "de": "Das Ladegerät ist klein und leicht.",
    "zh": "充电器又小又轻。",
    "ca": "El carregador és petit i lleuger.",
    "be": "Зарадная прылада маленькая і лёгкая.",
    "nl": "De oplader is klein en licht.",
}


def warm_up(backend: str = "lingua", accurate: bool = False, languages: tuple[str, ...] | None = None) -> None:
    """Load the first pass's model and every candidate language's fast-pass models now, on this
    thread (without lingua's pool).

    Called in the main process before worker processes fork (a rule's ``prepare`` hook): the
    models are then loaded once and shared copy-on-write, instead of once per worker. The accurate
    models (1.9 s and 160 MiB for all ten languages, against 0.16 s and 30 MiB) load only with
    ``accurate``: most runs need few of them, and a worker loads the pair a text needs when it does.
    ``languages`` limits the accurate models to those languages' pairs with English (the language
    server loads a bundle's locales' pairs once it is idle, so no keystroke waits for them).
    """
    if backend.strip().lower() != "lingua":
        return
    from listing_lint.langid import py3langid

    py3langid.preload()  # the first pass's model: mapped from the cache folder, or built once
    fast = get_detector("lingua-low")
    for lang in CANDIDATES:
        text = WARM_UP_TEXT.get(lang)
        if text:
            fast.scores(text, CANDIDATES)
            if accurate and (languages is None or lang in languages):
                get_detector("lingua-high").scores(text, tuple(sorted({lang, "en"})))


_judges: dict[str, Judge] = {}
_judges_lock = threading.Lock()


def get_judge(backend: str = "lingua") -> Judge:
    """The process-wide judge (and verdict cache) for a backend."""
    key = backend.strip().lower()
    with _judges_lock:
        if key not in _judges:
            _judges[key] = Judge(key)
        return _judges[key]
