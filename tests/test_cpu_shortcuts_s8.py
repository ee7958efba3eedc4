"""Shortcuts taken for CPU in issue 18, session 8 (the long tail of rules) give the answers of the longer way."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from listing_lint.rules.localization import LOC012_typography as loc012

#: pieces of French detail pages: marks, the spaces before them, inline and block tags, entities
_PIECES = st.sampled_from([
    "Couleur", "noir", "12", "30", "a", " ", "\t", "\u00a0", "\u202f", ":", ";", "!", "?", "»", "«", "(", ")",
    '"', "'", "&nbsp;", "&amp;", ">", "<", "<b>", "</b>", "<em>", "</em>", "<p>", "</p>", "<br>", "<div>", "</div>",
    '<span lang="en">', "</span>", '<i translate="no">', "</i>", "<!-- x: -->", '<p style="color: red">',
    "http://x.fr/?a=1", "\n", "…", "/", "=",
])
_SOURCE = st.lists(_PIECES, max_size=30).map("".join)


def _edits_the_long_way(source: str) -> list:
    return [x for start, _, segment, before in loc012._runs(source, "fr") for x in loc012._french_edits(segment, start, before)]


@settings(max_examples=600, deadline=None)
@given(st.one_of(_SOURCE, st.text(max_size=40)))
@example("<p><b>Couleur</b>: noir</p>")
@example("<p>Couleur : noir</p>")
@example("<p>Prix</p>\n<p>(voir) ?</p>")
def test_french_spacing_shortcut(source):
    """A page the prefilter passes over has nothing the long way would report."""
    if not loc012._MAY_MISS_SPACE.search(source):
        assert _edits_the_long_way(source) == []


def test_french_spacing_shortcut_still_finds():
    for source in ("<p><b>Couleur</b>: noir</p>", "<p>Couleur : noir</p>", "<p>Oui!</p>", "<p>« Bien»; oui</p>"):
        assert loc012._MAY_MISS_SPACE.search(source)
        assert _edits_the_long_way(source)
    assert not loc012._MAY_MISS_SPACE.search("<p>Couleur\u00a0: noir\u202f!</p><p>12:30</p>")


# -- a bundle file's display path, joined as text (bundle.model.display_below) ----------------------
import os  # noqa: E402
from pathlib import Path  # noqa: E402

from listing_lint.bundle.model import below_cwd, display_below, display_path  # noqa: E402

_NAMES = st.lists(st.sampled_from(["work", "repo", "listings", "p1", "a b", "é", "x.y", "detail"]), max_size=4)


@settings(max_examples=400, deadline=None)
@given(_NAMES, _NAMES, st.lists(st.sampled_from(["detail", "en.html", "media", "a b.jpg", "é.pdf", "x"]), min_size=1, max_size=3))
@example([], [], ["en.html"])
@example(["work"], ["work"], ["media", "a.jpg"])
@example(["r", "b"], ["r", "b", "detail"], ["detail", "en.html"])  # run from inside the bundle
def test_display_below_is_display_path_of_the_joined_path(root_parts, cwd_parts, rel_parts):
    root = Path("/" + "/".join(root_parts))
    cwd = Path("/" + "/".join(cwd_parts))
    rel = os.path.normpath("/".join(rel_parts))
    assert display_below(root, below_cwd(root, cwd), rel, cwd) == display_path(root / rel, cwd)


# -- prices and measures found once per bundle (LOC008, LOC009, LOC013) -----------------------------
from listing_lint.l10n import numbers  # noqa: E402

_NUMERIC = st.lists(st.sampled_from(["20 m", "5000 mAh", "6.5″", "39,90 €", "$1,234.50", "1 234,50", "12", "in", "2 in 1",
                                     "cm", " ", "Taille", "°F", "руб.", "2024 г.", "US$5", ", ", "x"]), max_size=8).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_NUMERIC, st.text(max_size=30)), st.permutations(["en", "fr", "es-ES", "ru"]))
def test_bundle_prices_and_measures_are_the_plain_answers(text, locales):
    cache: dict = {}  # one bundle's: the same text in several locales, then read back
    for locale in locales + locales:
        assert numbers.bundle_measures(cache, text, locale) == numbers.measures(text, locale)
        assert numbers.bundle_prices(cache, text) == numbers.prices(text)


# -- LOC014: every listed word at once before each on its own ---------------------------------------
from listing_lint.l10n import wordlists  # noqa: E402

_LISTED = sorted({e.word for lang in ("en", "es", "fr", "ru") for e in wordlists.builtin(lang)})
_TITLE_WORDS = st.one_of(st.sampled_from(_LISTED), st.sampled_from(_LISTED).map(str.lower), st.sampled_from(_LISTED).map(str.upper),
                         st.sampled_from(["Smart", "plug", "Alexa", "x", "-", "", "é", "Sale", "hot", "shipping", "_"]))
_TITLES = st.lists(st.tuples(_TITLE_WORDS, st.sampled_from([" ", "", "-", ", ", "_", "/"])), max_size=8).map(
    lambda pairs: "".join(w + g for w, g in pairs))


@settings(max_examples=500, deadline=None)
@given(st.one_of(_TITLES, st.text(max_size=30)), st.sampled_from(["en", "es", "fr", "ru", "de"]))
def test_any_builtin_finds_wherever_an_entry_does(title, lang):
    if not wordlists.any_builtin(lang).search(title):
        assert not any(e.pattern.search(title) for e in wordlists.builtin(lang))


def test_any_builtin_still_finds():
    assert wordlists.any_builtin("en").search("HOT SALE Smart plug")
    assert not wordlists.any_builtin("en").search("Smart plug Wi-Fi with energy monitor")
