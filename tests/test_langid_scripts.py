"""Letters counted by character classes (langid.scripts) give exactly the per-character answers (issue 18)."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from listing_lint.l10n import neutral
from listing_lint.langid import judge
from listing_lint.langid.scripts import KNOWN, CharClasses


def _per_character(classify, text):
    out = {}
    for ch in text:
        label = classify(ch)
        if label is not None:
            out[label] = out.get(label, 0) + 1
    return out


def _old_script(text):
    """judge._script as it was: a loop over the letters with unicodedata.name."""
    counts = {"LATIN": 0, "CYRILLIC": 0}
    letters = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            name = unicodedata.name(ch, "").split(" ", 1)[0]
            if name in counts:
                counts[name] += 1
    if not letters:
        return None
    for script, n in counts.items():
        if n >= 0.9 * letters:
            return script.title()
    return None


def _old_shouting(text):
    seen, lower = set(), set()
    for c in text:
        if c.isalpha():
            script = neutral._script_of(c)
            seen.add(script)
            if c.islower():
                lower.add(script)
    return frozenset(seen - lower)


# text from the blocks classified ahead and from outside them (Greek, Devanagari, CJK, fullwidth
# Latin, Cyrillic Extended-B, digits of other scripts, combining marks, emoji)
_inside = st.characters(min_codepoint=0, max_codepoint=0x052F)
_anywhere = st.characters(blacklist_categories=("Cs",))
_picked = st.sampled_from("AaЖжÅßẞǅªµ²ⅷⅰⓐ一ＡａꙀꙁᲀ𝐀ℓ™’«»–—…€ .,!?-'")
texts = st.text(st.one_of(_inside, _anywhere, _picked), max_size=60)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_counts_equal_a_loop_per_character(text):
    assert judge._NAMED_SCRIPTS.counts(text) == _per_character(judge._named_script, text)
    assert neutral._LETTER_CASES.counts(text) == _per_character(neutral._letter_case, text)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_present_equals_a_loop_per_character(text):
    assert neutral._LETTER_CASES.present(text) == set(_per_character(neutral._letter_case, text))
    assert judge._NAMED_SCRIPTS.present(text) == set(_per_character(judge._named_script, text))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_script_and_shouting_are_unchanged(text):
    assert judge._script(text) == _old_script(text)
    assert neutral._shouting(text) == _old_shouting(text)


def test_script_by_majority_of_letters_both_ways():
    assert judge._script("Зимние перчатки с подогревом") == "Cyrillic"
    assert judge._script("Winter gloves, heated") == "Latin"
    assert judge._script("Перчатки Arctic Touchscreen") is None  # mixed: neither holds 90 %
    assert judge._script("Ｗｉｎｔｅｒ ｇｌｏｖｅｓ") is None  # fullwidth letters are named FULLWIDTH LATIN
    assert judge._script("12 345 — €") is None  # no letters


def test_shouting_both_ways():
    assert neutral._shouting('RESULTADOS PARA "Зоны"') == frozenset({"Latin"})
    assert neutral._shouting("Resultados para LED") == frozenset()
    assert neutral._shouting("ЦЕНА USB-C") == frozenset({"Cyrillic", "Latin"})
    assert neutral._shouting("ΤΙΜΉ price") == frozenset({"Other"})  # Greek capitals, Latin lower case


def test_a_character_outside_the_known_blocks_is_classified_when_met():
    devanagari = "\u0915"  # a letter, outside KNOWN
    assert not any(lo <= ord(devanagari) < hi for lo, hi in KNOWN)
    classes = CharClasses(lambda ch: "letter" if ch.isalpha() else None)
    assert classes.counts(f"ab {devanagari}{devanagari} 1") == {"letter": 4}
    assert classes.present("12 — 34") == set()
    assert classes.present(f"12 {devanagari}") == {"letter"}


def test_a_label_no_known_character_has_is_still_found_outside():
    classes = CharClasses(lambda ch: "cjk" if "\u4e00" <= ch <= "\u9fff" else None)
    assert classes.labels == ()
    assert classes.counts("充电器 ok") == {"cjk": 3}
    assert classes.present("charger") == set()


def test_runs_are_built_from_whole_words():
    runs = judge.script_runs('Платье "Dark Crow" черное')
    assert [(r.script, r.words) for r in runs] == [("Cyrillic", ("Платье",)), ("Latin", ("Dark", "Crow")),
                                                    ("Cyrillic", ("черное",))]
    caps = judge.capitalised_runs("Guantes de invierno Arctic Touchscreen. Muy Buenos")
    assert [(r.words, r.start) for r in caps] == [(("Arctic", "Touchscreen"), 20), (("Buenos",), 44)]  # not "Muy"
    assert judge.capitalised_runs("Guantes de invierno arctic touchscreen") == []


def _letter(ch):
    name = unicodedata.name(ch, "")
    return "Latin" if name.startswith("LATIN") else "Cyrillic" if name.startswith("CYRILLIC") else (
        "Other" if ch.isalpha() else None)


def _old_script_runs(text):
    """The word-by-word build (a word's script is that of most letters of its last part, its last
    letter's on a tie: "API-ключ" is Cyrillic, and so is "положениe" with a Latin "e")."""
    runs = []
    for m in judge._WORD.finditer(text):
        part = re.split(r"['’-]", m.group())[-1]
        scripts = [_letter(c) for c in part]
        last = _letter(m.group()[-1])
        script = max(dict.fromkeys([last, *scripts]), key=scripts.count)  # ties: the last letter's
        if runs and runs[-1].script == script:
            last = runs[-1]
            runs[-1] = judge.Run(script, last.start, m.end(), last.words + (m.group(),))
        else:
            runs.append(judge.Run(script, m.start(), m.end(), (m.group(),)))
    return runs


def _old_capitalised_runs(text):
    runs, previous_end = [], None
    for m in judge._WORD.finditer(text):
        word = m.group()
        at = m.start() - 1
        while at >= 0 and text[at].isspace():
            at -= 1
        capital = word[0].isupper() and not (at < 0 or text[at] in judge._SENTENCE_END)
        # a comma ends a run: a list of names is names one by one (the sixth corpus)
        after_run = runs and previous_end is not None and runs[-1].end == previous_end
        if capital and after_run and "," not in text[previous_end:m.start()]:
            last = runs[-1]
            runs[-1] = judge.Run(last.script, last.start, m.end(), last.words + (word,))
        elif capital:
            runs.append(judge.Run("Capital", m.start(), m.end(), (word,)))
        previous_end = m.end()
    return runs


_words = st.sampled_from(["Dark", "Crow", "черное", "Платье", "de", "invierno", "²x", "ΤΙΜΉ", "一", "a-b", "Men's"])
_gaps = st.sampled_from([" ", "  ", ". ", "! ", '"', " — ", "\n", ", ", "5", ""])
sentences = st.lists(st.tuples(_words, _gaps), max_size=12).map(lambda pairs: "".join(w + g for w, g in pairs))


@settings(max_examples=400, deadline=None)
@given(st.one_of(sentences, texts))
@example("ΤΙΜΉ. a-bПлатьеCrow. Crow5")  # first and last letters Latin, most of the last part Cyrillic
def test_runs_equal_the_word_by_word_build(text):
    assert judge.script_runs(text) == _old_script_runs(text)
    assert judge.capitalised_runs(text) == _old_capitalised_runs(text)


@settings(max_examples=400, deadline=None)
@given(st.one_of(sentences, texts))
def test_one_script_only_when_no_run_would_be_weighed(text):
    # the shortcut may send text to script_runs that has no run to weigh ("A¼": "¼" is a word
    # character inside a Latin word), never the other way round
    for wanted in ("Latin", "Cyrillic"):
        weighed = [r for r in judge.script_runs(text) if r.script not in (wanted, "Other")]
        if judge._one_script(text, wanted):
            assert not weighed


def test_one_script_both_ways():
    assert judge._one_script("Guantes de invierno Arctic Touchscreen", "Latin")
    assert judge._one_script("Guantes ΤΙΜΉ 一", "Latin")  # Greek and CJK words are "Other": never weighed
    assert not judge._one_script('Платье "Dark Crow" черное', "Cyrillic")
    assert not judge._one_script("Guantes Зимние", "Latin")
    assert not judge._one_script("Guantes ²x", "Latin")  # a word starting with a non-letter is its own run
    assert judge._one_script("Guantes 2x, 3 pares", "Latin")  # digits are no word characters


def test_has_any_both_ways():
    classes = CharClasses(lambda ch: "digit" if ch.isdigit() else "upper" if ch.isupper() else None)
    assert classes.has_any("abc 3", frozenset({"digit"}))
    assert not classes.has_any("Abc", frozenset({"digit"}))
    assert classes.has_any("abc \u0663", frozenset({"digit"}))  # ARABIC-INDIC DIGIT THREE: outside KNOWN
    assert not classes.has_any("abc", frozenset({"nothing"}))
