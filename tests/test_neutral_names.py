"""Neutral stripping of names (l10n/neutral.py): elisions and letters no candidate writes."""

import pytest

from listing_lint.l10n.neutral import FOREIGN_LETTERS, strip_neutral


@pytest.mark.parametrize(("text", "stripped"), [
    ("Côte d'Ivoire", "Côte d'Ivoire"),
    ("l'Europe et d'Italie", "l'Europe et d'Italie"),
    ("Кот-д'Ивуар", "Кот-д'Ивуар"),
    ("iPhone et McDonald's", "et"),  # inner capitals: names
    ("l'API du site", "du site"),  # an acronym after an elision
    ("Les îles Åland", "Les îles"),
    ("Škoda Octavia и Łódź", "Octavia и"),
    ("Ärger über Öl, Ça marche, Ёлка, Їжак", "Ärger über Öl, Ça marche, Ёлка, Їжак"),  # letters candidates write
    ("zboží odešleme", "zboží odešleme"),  # lower-case words are not names
])
def test_names_stripped(text, stripped):
    assert strip_neutral(text) == stripped


def test_foreign_letters_exclude_every_candidate_alphabet():
    written = "áàâãäæçéèêëíìîïñóòôõöœúùûüÿßёіїєґўъыэ" + "абвгдежзийклмнопрстуфхцчшщьюя"
    assert not FOREIGN_LETTERS & set(written + written.upper())
    assert {"å", "Å", "ø", "ł", "Ł", "š", "ő", "ș", "İ", "ј", "ђ"} <= FOREIGN_LETTERS
