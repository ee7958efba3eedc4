"""Shortcuts taken for CPU (issue 18, session 6) give exactly the answers of the longer way."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from listing_lint.l10n import cldr
from listing_lint.langid import judge

#: words of shop copy, capitalised and not, sentence ends and separators between them
_WORDS = st.sampled_from([
    "Cargador", "cargador", "USB", "Power", "Core", "Max", "de", "la", "Guantes", "Arctic", "Touch",
    "Screen", "Зарядное", "устройство", "Dark", "Crow", "É", "été", "Ñandú", "x", "Éclair", "I",
])
_GLUE = st.sampled_from([" ", " ", ". ", "! ", ", ", "-", "'", " \"", "\" ", ": "])
_COPY = st.lists(st.tuples(_WORDS, _GLUE), max_size=14).map(lambda pairs: "".join(w + g for w, g in pairs))


@settings(max_examples=400, deadline=None)
@given(st.one_of(_COPY, st.text(max_size=60)))
@example("Chaqueta con capucha Men's Solid Hooded Puffer Jacket")
@example("Guantes de invierno Arctic Touchscreen Pro Max")
@example("Este cargador es pequeño. Funciona Con Todo")
def test_no_phrase_run_without_enough_capitals(text):
    """``_may_hold_phrase_run`` False means ``capitalised_runs`` has no run that is a phrase: the
    judge may skip building them for accepted text."""
    if not judge._may_hold_phrase_run(text):
        assert not any(r.is_phrase for r in judge.capitalised_runs(text))


def test_phrase_run_still_found():
    text = "Chaqueta con capucha Men's Solid Hooded Puffer Jacket"
    assert judge._may_hold_phrase_run(text)
    assert any(r.is_phrase for r in judge.capitalised_runs(text))
    assert not judge._may_hold_phrase_run("Este cargador es pequeño y Ligero.")


def _territory_names_only_before(text: str, language: str) -> bool:
    """cldr.territory_names_only as it was: every part split and stripped first."""
    if len(text) > 200:
        return False
    parts = [p for p in cldr._LIST.split(text) if p.strip(" .:!?()[]\"'«»")]
    if not parts:
        return False
    names = cldr.territory_names(language)
    return all(cldr._normal(p) in names for p in parts)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["Luxembourg", "Trinidad and Tobago", "Seychelles", "Made in France", "Alemania",
                              "Luxemburgo", "", " ", "()", "Côte d’Ivoire", "Montserrat", "España"]), max_size=5),
    st.sampled_from([", ", "; ", " / ", " · ", " and ", ",", "|"]),
    st.sampled_from(["en", "es", "fr", "ru"]),
)
def test_territory_names_only_unchanged(parts, separator, language):
    text = separator.join(parts)
    assert cldr.territory_names_only(text, language) == _territory_names_only_before(text, language)


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(" \t\n\u00a0\u2009\u3000\x1c,;/|·•aZé.()«»'’"), max_size=20))
@example("Luxembourg ,Seychelles")
@example("\u00a0\t, Luxembourg")
def test_territory_names_head_is_the_first_part(text):
    """``territory_names_only`` takes the first part without splitting: up to the first separator,
    less the white space before it, as ``_LIST.split`` gives it."""
    at = cldr._SEPARATOR.search(text)
    assert (text if at is None else text[:at.start()].rstrip()) == cldr._LIST.split(text, maxsplit=1)[0]


def test_territory_names_only_cases():
    assert cldr.territory_names_only("Luxembourg, Seychelles", "en")
    assert not cldr.territory_names_only("Luxembourg, Made in France", "en")
    assert not cldr.territory_names_only(" , ; ", "en")  # separators only: no names
    assert not cldr.territory_names_only("", "en")


_PIECES = st.sampled_from([
    "a", "b", "Z", "É", "é", "ñ", "Ж", "ж", "ǅ", "İ", "ß", "ﬁ", "²", "½", "3", "_", " ", "  ", "\n", "-", "'",
    "’", ".", ",", "/", "+", "!", "«", "—", "中", "😀", "ϒ", "\u0301", "x" * 41, "Word", "word", "WORD",
    "iPhone", "USB-C", "l'appareil", "2,4GHz", "Wi-Fi", "Å", "å", "Š", "ł", "Ł", "Ђ", "d'Italie", "Åland", "Škoda",
    "l'API", "e-mail", "children's", "ª", "ǅa", "ß-", "’s", "Ab'c", "é-ø", "x/y", "a+b", ".a", "l’île",
])


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.lists(_PIECES, max_size=12).map("".join), _COPY, st.text(max_size=50)))
@example("Este cargador es pequeño y ligero.")
@example("Зарядное устройство маленькое, лёгкое.")
@example("PRECIO (BAJO - ALTO)")
@example("a" * 41)
@example("Les îles Åland")
def test_plain_words_are_kept_as_they_are(text):
    """When ``_plain_words`` says so, the token pass it lets the stripper skip gives the text back
    unchanged, shouted or not: the stripped text is the same either way."""
    from functools import partial

    from listing_lint.l10n import neutral

    if neutral._plain_words(text):
        for shouting in (neutral._shouting(text), frozenset({"Latin", "Cyrillic", "Other"})):
            assert neutral._TOKEN.sub(partial(neutral._keep_or_blank, shouting=shouting), text) == text


def test_plain_words_spots_what_the_token_pass_changes():
    from listing_lint.l10n import neutral

    assert neutral._plain_words("Este cargador es pequeño y ligero.")
    # an elision or a compound of lower-case parts is plain words too (session 8)
    for text in ("Recharge l'appareil", "The children's books", "Envoyez un e-mail", "Le bien-être"):
        assert neutral._plain_words(text), text
    for text in ("Compatible con iPhone", "Cable USB-C", "Puerto de 5 V", "Hecho en la UE", "a" * 41,
                 "l'API", "d'Italie", "snake_case", "x²", "Les îles Åland", "Škoda", "Wi-Fi", "km/H"):
        assert not neutral._plain_words(text), text


def _placeholders_before(text, language=""):
    """LOC005's search as it was: both patterns on every text."""
    from listing_lint.l10n.verdicts import LOREM
    from listing_lint.rules.localization import LOC005_placeholder as loc005

    matches = list(loc005.PLACEHOLDERS.finditer(text))
    labels = loc005._labels(text, matches)  # a seller's labels before their values (session 13)
    found = [m.group() for m in matches
             if not loc005._not_a_slot(m.group()) and not loc005._is_word(m, text, language) and m.start() not in labels]
    return found + [m.group() for m in LOREM.finditer(text)]


_TEMPLATE = st.sampled_from(["{", "}", "{{", "}}", "$", "%", "s", "d", "(", ")", "[", "]", "TODO", "TBD", "FIXME",
                             "XXX", "X", "todo", "LOREM", "Lorem", "ipsum", "IPSUM", " ", ":", "_", "PRODUCT",
                             "NAME", "关键词", "name", "1", "é", "Ö"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_TEMPLATE, max_size=10).map("".join), st.sampled_from(["en", "es", "pt"]))
@example("El mejor {关键词} para tu hogar.", "es")
@example("TODO INCLUIDO", "es")
@example("Lorem   Ipsum dolor", "en")
def test_placeholder_search_unchanged(text, language):
    from listing_lint.rules.localization import LOC005_placeholder as loc005

    assert loc005.placeholders(text, language) == _placeholders_before(text, language)


def test_placeholders_still_found():
    from listing_lint.rules.localization import LOC005_placeholder as loc005

    assert loc005.placeholders("El mejor {keyword} para [PRODUCT NAME] lorem ipsum", "es") == \
        ["{keyword}", "[PRODUCT NAME]", "lorem ipsum"]
    assert loc005.placeholders("Este cargador es pequeño y ligero.", "es") == []


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Voltix", "VOLTIX", "voltix", " ", "  ", "®", "(R)", "(r)", "(", ")", "R", "r",
                                 "Pro", "x", "™", "\u00a0"]), max_size=8).map("".join),
       st.sampled_from(["Voltix", "Voltix Pro", "R"]))
@example("VOLTIX (r) charger", "Voltix")
def test_registered_mark_shortcut(text, name):
    """BRD001 searches only text holding a mark: every text its pattern finds holds one."""
    from listing_lint.rules.brand import BRD001_registered_mark as brd001

    if brd001._pattern(name).search(text):
        assert brd001._has_mark(text)


def test_case_folds_to_ascii_are_the_ones_listed():
    """``neutral._FOLDS_TO_ASCII`` names every character outside ASCII that ``re`` matches to an ASCII
    letter under IGNORECASE (and a space or hyphen matches only itself): the neutral-term shortcut
    relies on it."""
    import re
    import sys

    from listing_lint.l10n import neutral

    letter = re.compile("[a-z]", re.IGNORECASE)
    outside = {chr(c) for c in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(c))}
    assert outside == {ch for ch in "\u0130\u0131\u017f\u212a" if neutral._FOLDS_TO_ASCII.fullmatch(ch)}
    for mark in " -":
        same = re.compile(re.escape(mark), re.IGNORECASE)
        assert [c for c in range(sys.maxunicode + 1) if same.fullmatch(chr(c))] == [ord(mark)]


_NEUTRAL_PIECES = st.sampled_from([
    "Bluetooth", "BLUETOOTH", "bluetooth", "Wi-Fi", "wi fi", "WiFi", "Google Home", "iOS", "İOS", "ıos", "ſmart",
    "\u212aitchen", "Smart Life", "Pro", "Max", "Type-C", "Z-Wave", "Qi", "maximo", "promo", " ", "-", ".", "é",
    "Ж", "x", "a", "Lightning", "AliExpress", "Matter", "Thread",
])


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.lists(_NEUTRAL_PIECES, max_size=8).map("".join), _COPY, st.text(max_size=40)))
@example("Compatible con Alexa y Google Home")
@example("Funciona con İOS")
def test_neutral_term_shortcut(text):
    """The shared list's pattern finds nothing where ``_may_hold_neutral_term`` says it cannot."""
    from listing_lint.l10n import neutral

    if neutral._terms_pattern(neutral.neutral_terms()).search(text):
        assert neutral._may_hold_neutral_term(text)


def test_ascii_other_than_letters_matches_only_itself_ignoring_case():
    """What ``neutral._may_hold_terms`` relies on beside ``_FOLDS_TO_ASCII``: under IGNORECASE an
    ASCII character that is no letter (digits, "-", "/", " " ...) matches no character outside ASCII."""
    import re
    import sys

    other = re.compile(r"[\x00-\x40\x5b-\x60\x7b-\x7f]", re.IGNORECASE)
    assert [c for c in range(128, sys.maxunicode + 1) if other.fullmatch(chr(c))] == []


_NAME_PIECES = st.sampled_from([
    "Gardeno", "GARDENO", "gardeno", "LL-00001-EU", "ll-00001-eu", "SP-X1", "sp-x1", "İ", "ı", "ſ", "\u212a",
    "Kit", "kit", "Sia", "sia", "Cafe", "Café", "Ж", " ", "-", "/", "x", "é", "ß", "SS",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_NAME_PIECES, st.text(max_size=4)), min_size=1, max_size=3).map("".join),
       st.lists(st.one_of(_NAME_PIECES, st.text(max_size=6)), max_size=8).map("".join))
@example("Kit", "\u212aIT de jardin")
@example("Sia", "ſia")
@example("Gardeno", "Manguera GARDENO")
def test_bundle_names_shortcut(name, text):
    """The bundle's names' pattern finds nothing where ``neutral._may_hold_terms`` says it cannot."""
    from listing_lint.l10n import neutral

    terms, pattern, lowered = neutral._bundle_terms((name, "LL-00001-EU"))
    if pattern is not None and pattern.search(text):
        assert neutral._may_hold_terms(text, lowered)


def test_bundle_names_still_found():
    from listing_lint.l10n import neutral

    assert neutral.strip_neutral("Manguera GARDENO de jardín", ("Gardeno",)) == "Manguera de jardín"
    assert neutral.strip_neutral("Manguera \u212aIT de jardín", ("Kit",)) == "Manguera de jardín"  # Kelvin sign
    assert neutral.strip_neutral("Café Gardeno", ("Café",)) == "Gardeno"  # a name outside ASCII: no shortcut
    assert not neutral._may_hold_terms("Manguera de jardín", neutral._bundle_terms(("Gardeno",))[2])


# -- session 7 -------------------------------------------------------------------------------------
def _scores_stored_before(scores: dict[str, float]) -> dict[str, float]:
    """The memo's score strings as they were (``lang=repr(float)`` joined by ";"), read back."""
    stored = ";".join(f"{lang}={conf!r}" for lang, conf in scores.items())
    pairs = (item.split("=", 1) for item in stored.split(";") if "=" in item)
    return {lang: float(value) for lang, value in pairs}


def _bits(scores: dict[str, float]) -> list[tuple[str, bytes]]:
    import struct

    return [(lang, struct.pack("<d", conf)) for lang, conf in scores.items()]


_SCORES = st.lists(
    st.tuples(st.sampled_from(judge.CANDIDATES + ("pl", "sv")),
              st.one_of(st.floats(0.0, 1.0), st.floats(allow_nan=False), st.sampled_from([0.0, 1e-300, 5e-324, 1.0]))),
    max_size=14, unique_by=lambda pair: pair[0],
).map(dict)


@settings(max_examples=600, deadline=None)
@given(_SCORES)
@example({})
@example({"ru": 0.9999999999999999, "uk": 1.1102230246251565e-16, "bg": 0.0})
def test_packed_scores_read_back_as_the_repr_strings_did(scores):
    """The memo's packed scores give back the same languages, in the same order, with the same
    floats bit for bit, as the ``repr`` strings stored before."""
    back = judge._decode_scores(judge._encode_scores(scores))
    assert _bits(back) == _bits(_scores_stored_before(scores)) == _bits(scores)


def test_scores_are_stored_packed_under_their_own_namespace():
    """Answers stored in the old spelling (another namespace) are never read as packed ones."""
    from listing_lint import memo

    memo.clear_memory()
    j = judge.Judge("py3langid")
    text = "Зарядное устройство для телефона, быстрое и лёгкое."
    scores = j._scores_of("py3langid", text, judge._digest(text), ("ru", "uk", "bg"))
    stored = [value for (ns, _), value in memo._memory.items() if ns.startswith("langid:py3langid:")]
    assert [ns for (ns, _) in memo._memory if ns.startswith("langid:py3langid:")][0].endswith(":" + judge.SCORES_FORMAT)
    assert stored == [judge._encode_scores(scores)] and "=" not in stored[0]
    assert j._scores_of("py3langid", text, judge._digest(text), ("ru", "uk", "bg")) == scores


def _badness_alphabet() -> str:
    """Every character ftfy's badness pattern names, plus letters and spaces around them."""
    import re

    import ftfy.badness

    named = set(re.sub(r"\\[A-Za-z]|[\[\]|^?()\n#]", "", ftfy.badness.BADNESS_RE.pattern))
    return "".join(sorted(named | set("aeA zВвГР.,!\u00a0"))) 


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.text(alphabet=st.sampled_from(_badness_alphabet()), min_size=1, max_size=8), _COPY,
                 st.text(max_size=40)))
@example("CÃ¢ble de 2 mÃ¨tres")
@example("Ð¿Ñ€Ð¸Ð²ÐµÑ‚")
@example("itâ€™s")
@example("вЂ™ Р’С’Р")
@example("cÅ“ur")
@example("Ø³Ù„Ø§Ù…")
def test_mojibake_marks_never_skip_a_bad_text(text):
    """A text without any of ``_marks`` is never bad to ftfy: LOC011 may skip the pattern's search."""
    import ftfy

    from listing_lint.l10n import mojibake

    assert mojibake._marks() is not None  # the installed ftfy's pattern has the expected shape
    if ftfy.is_bad(text):
        assert mojibake._may_be_bad(text)


def test_mojibake_marks_leave_plain_copy_alone():
    from listing_lint.l10n import mojibake

    for text in ("Câble de 2 mètres, garantie", "Зарядное устройство, быстрое", "Cargador pequeño y ligero"):
        assert not mojibake._may_be_bad(text)
    assert mojibake.repaired("CÃ¢ble de 2 mÃ¨tres") == "Câble de 2 mètres"


def test_mojibake_marks_hold_every_alternatives_matches():
    """For each alternative of ftfy's pattern, strings that match it and hold as few marks as the
    alternative allows (each other position filled with a character outside the marks where it
    can be) are bad to ftfy and not skipped: the marks cover every alternative."""
    import re

    import ftfy
    import ftfy.badness

    from listing_lint.l10n import mojibake

    try:
        from re import _constants as c, _parser as parser  # Python 3.11+
    except ImportError:  # Python 3.10
        import sre_constants as c
        import sre_parse as parser

    marks = mojibake._marks()
    pattern = ftfy.badness.BADNESS_RE
    (_, (_, alternatives)), = parser.parse(pattern.pattern, pattern.flags).data

    def options(op, av) -> list[str]:
        if op is c.LITERAL:
            return [chr(av)]
        if op is c.IN:
            out = []
            for kind, value in av:
                if kind is c.LITERAL:
                    out.append(chr(value))
                elif kind is c.RANGE:
                    out.extend(map(chr, range(value[0], value[1] + 1)))
                elif kind is c.NEGATE:
                    return ["1", "€", " "]
                elif kind is c.CATEGORY:
                    out.extend([" ", "a"])
            return out
        if op is c.ANY:
            return ["a"]
        return [""]  # an anchor or an optional part: nothing

    checked = 0
    for alternative in alternatives:
        slots = [options(op, av) for op, av in alternative.data]
        quiet = [next((ch for ch in slot if not marks.search(ch)), slot[0]) for slot in slots]
        for i, slot in enumerate(slots):
            for ch in slot:
                sample = "".join(quiet[:i] + [ch] + quiet[i + 1:])
                if re.fullmatch(pattern, sample) and ftfy.is_bad(sample):
                    assert mojibake._may_be_bad(sample), sample
                    checked += 1
    assert checked > 1000


def _jpeg_scans_before(data: bytes, chunk: int) -> int:
    """media.budget.jpeg_scans as it was: ``bytes.count`` per chunk, an FF carried over."""
    import io

    fh, count, tail = io.BytesIO(data), 0, b""
    while block := fh.read(chunk):
        joined = tail + block
        count += joined.count(b"\xff\xda")
        tail = joined[-1:] if joined[-1:] == b"\xff" else b""
    return count


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([b"\xff", b"\xda", b"\xff\xda", b"\x00", b"\xff\xff\xda", b"\xda\xff", b"ab"]),
                max_size=40).map(b"".join) | st.binary(max_size=64),
       st.integers(1, 9))
@example(b"\xff\xda\xff\xda", 1)
@example(b"\xff", 1)
def test_jpeg_scans_counts_as_bytes_count(data, chunk):
    """The numpy count of FF DA pairs equals ``bytes.count`` of the marker, across any chunking."""
    import io

    from listing_lint.media.budget import jpeg_scans

    assert jpeg_scans(io.BytesIO(data), chunk) == _jpeg_scans_before(data, chunk)


def test_copy_without_marks_is_answered_without_a_memo_entry():
    """Non-ASCII copy that holds none of the marks is not mojibake, and costs the memo no entry;
    text that holds one is still judged by ftfy and kept."""
    from listing_lint import memo
    from listing_lint.l10n import mojibake

    memo.clear_memory()
    assert mojibake.repaired("Зарядное устройство для дома и сада, быстрое и лёгкое.") is None
    assert mojibake.repaired("Câble de 2 mètres, garantie") is None
    assert not [ns for ns, _ in memo._memory if ns.startswith("mojibake:")]
    assert mojibake.repaired("CÃ¢ble de 2 mÃ¨tres") == "Câble de 2 mètres"
    assert mojibake.repaired("«Câble»") is None  # holds a mark («): searched, and not bad
    assert len([ns for ns, _ in memo._memory if ns.startswith("mojibake:")]) == 2


def test_marks_kept_in_the_memo_spare_the_ftfy_import(tmp_path):
    """A run that finds the marks on disk answers new clean copy without importing ftfy."""
    import subprocess
    import sys

    script = (
        "import sys; from pathlib import Path; from listing_lint import memo; "
        "from listing_lint.l10n import mojibake; memo.configure(Path(sys.argv[1])); "
        "print(mojibake.repaired(sys.argv[2]), 'ftfy' in sys.modules); memo.flush()"
    )
    first = subprocess.run([sys.executable, "-c", script, str(tmp_path), "Зарядное устройство"],
                           capture_output=True, text=True, check=True)
    again = subprocess.run([sys.executable, "-c", script, str(tmp_path), "Новая лампа освещает кухню"],
                           capture_output=True, text=True, check=True)
    assert first.stdout.split() == ["None", "True"]
    assert again.stdout.split() == ["None", "False"]


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.lists(_PIECES | st.sampled_from([" and ", " y ", " et ", " и ", "&", " & ", "\t&\t", " e ", "\xa0"]),
                          max_size=14).map("".join), _COPY, st.text(max_size=60)),
       st.integers(0, 60))
@example(" and  and  and ", 2)
@example("a&b", 3)
def test_longer_than_is_a_lower_bound_of_the_normal_form(part, longest):
    """``_longer_than`` says True only when the normalised part is longer than ``longest``."""
    if cldr._longer_than(part, longest):
        assert len(cldr._normal(part)) > longest


def test_case_folding_makes_no_white_space_and_drops_no_character():
    import sys

    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if not ch.isspace():
            folded = ch.casefold()
            assert folded and not any(c.isspace() for c in folded), hex(code)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(judge.CANDIDATES + ("pl", "sv", "a", "zz")),
                          st.one_of(st.sampled_from([0.0, -0.0, 0.5, 1.0, 1e-300, 0.25, float("inf")]),
                                    st.floats(allow_nan=True))),
                max_size=15, unique_by=lambda pair: pair[0]).map(dict))
@example({"es": 0.5, "pt": 0.5, "ca": 0.5, "en": 0.0, "de": -0.0})
def test_ranked_orders_as_the_tuple_key(scores):
    """``ranked`` gives the order of the key ``(-score, code)`` it used to sort by: ties by code."""
    from listing_lint.langid.base import ranked

    expected = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    assert list(ranked(scores)) == [code for code, _ in expected]


def _territory_names_only_unbounded(text: str, language: str) -> bool:
    """cldr.territory_names_only with ISO names and comma spans, before the length bound."""
    if len(text) > 200:
        return False
    parts = [part for part in cldr._LIST.split(text) if part.strip(cldr._AROUND)]
    if not parts:
        return False
    names = cldr.territory_names(language) | cldr.iso_names(language)
    at = 0
    while at < len(parts):
        span = next((k for k in (3, 2, 1) if at + k <= len(parts)
                     and cldr._normal(", ".join(parts[at:at + k])) in names), 0)
        if not span:
            return False
        at += span
    return True


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.sampled_from(["Luxembourg", "Trinidad and Tobago", "Bonaire", "Sint Eustatius and Saba", "Korea",
                              "Republic of", "Congo", "The Democratic Republic of the", "Made in France", "Alemania",
                              "Корея", "Республика", "  ", "()", "Côte d’Ivoire", "South Georgia & South Sandwich Islands",
                              "a very long sentence that is no country name at all, surely"]), max_size=6),
    st.sampled_from([", ", "; ", ",", " / "]),
    st.sampled_from(["en", "es", "fr", "ru"]),
)
def test_territory_names_with_iso_spans_unchanged_by_the_bound(parts, separator, language):
    text = separator.join(parts)
    assert cldr.territory_names_only(text, language) == _territory_names_only_unbounded(text, language)
