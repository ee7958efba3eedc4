"""listing.json as people write it: locale codes the language models do not know, ISO 639-2 codes,
and several fields misspelt at once (session 12)."""

from __future__ import annotations

import pytest

from listing_lint.bundle.model import normalize_locale
from listing_lint.langid.py3langid import Py3langidDetector

SPANISH = "Un enchufe inteligente sobre un escritorio de madera junto a una lámpara"


@pytest.mark.parametrize("tag, good", [("spa", "es"), ("SPA", "es"), ("spa_ES", "es-ES"), ("fre", "fr"), ("rus", "ru"),
                                       ("eng", "en"), ("es_ES", "es-ES"), ("ES", "es"), ("es-419", "es-419"),
                                       ("fil", "fil"), ("yue", "yue"), ("xx", "xx"), ("tl", "tl")])
def test_locale_in_shortest_code(tag, good):
    assert normalize_locale(tag) == good


@pytest.mark.parametrize("candidates", [("en", "es", "xx"), ("en", "fil"), ("es", "spa"), ("xx",)])
def test_py3langid_leaves_out_codes_it_does_not_know(candidates):
    """A page locale the model has no column for raised ValueError in three LOC rules (LNT003)."""
    detector = Py3langidDetector()
    scores = detector.scores(SPANISH, candidates)
    assert set(scores) <= set(candidates)
    known = [c for c in candidates if c in ("en", "es")]
    assert (next(iter(scores)) == "es") if "es" in known else True
    assert detector.scores_many([SPANISH, SPANISH], candidates) == [scores, scores]


def test_every_missing_and_unknown_field_is_named():
    """jsonschema gives one error for all of an object's missing (or unknown) fields; each is a finding."""
    from listing_lint.rules.schema.SCH002_schema_violation import _violations

    doc = {"schema_version": "1", "id": "demo", "category": "other", "detail_pages": {}, "skus": [], "media": [],
           "titel": {}, "markts": ["EU"], "colour": "red"}
    messages = sorted(m for _, _, m in _violations("listing.schema.json", doc))
    assert [m for m in messages if "missing" in m] == []
    assert [m for m in messages if "unknown field" in m] == [
        "`the document` has an unknown field `colour`",
        "`the document` has an unknown field `markts`; did you mean 'markets'?",
        "`the document` has an unknown field `titel`; did you mean 'title'?",
    ]
    doc.pop("titel"), doc.pop("markts")
    messages = sorted(m for _, _, m in _violations("listing.schema.json", doc))
    assert "`the document` is missing the required field `markets`" in messages
    assert "`the document` is missing the required field `title`" in messages
