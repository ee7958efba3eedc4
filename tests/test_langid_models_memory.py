"""How the language models are held (issue 18): py3langid keeps only the candidates' columns, with
the same scores as the whole model; runs that fork workers load it before the fork."""

import json
import subprocess
import sys

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from listing_lint.langid.base import CANDIDATES
from listing_lint.langid.py3langid import Py3langidDetector

TEXTS = (
    "The charger is small and light, and it fits in any bag.",
    "El cargador es pequeño y ligero, cabe en cualquier bolso.",
    "Le chargeur est petit et léger.",
    "Зарядное устройство маленькое и лёгкое.",
    "Зарядний пристрій маленький і легкий.",
    "O carregador é pequeno e leve.",
    "User has all possible permissions.",
    "x",
)


def _whole_model_scores(text: str, candidates: tuple[str, ...]) -> dict[str, float]:
    whole = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    whole.set_languages(sorted(candidates))
    return {lang: float(p) for lang, p in whole.rank(text) if lang in candidates}


def test_candidate_sets_score_as_the_whole_model_does_with_a_smaller_model():
    detector = Py3langidDetector()
    for candidates in (("en", "fr"), ("es", "pt", "ca"), ("bg", "ru", "uk"), CANDIDATES):
        for text in TEXTS:
            assert detector.scores(text, candidates) == _whole_model_scores(text, candidates)
    assert not detector._full
    assert sorted(detector._model.nb_classes) == sorted(CANDIDATES)  # 13 of the model's 142 columns


def test_a_language_outside_the_candidates_loads_the_whole_model():
    detector = Py3langidDetector()
    assert detector.scores(TEXTS[0], ("en", "fr")) == _whole_model_scores(TEXTS[0], ("en", "fr"))
    candidates = ("en", "pl")  # a page locale that is no candidate
    for text in (*TEXTS, "Ładowarka jest mała i lekka."):
        assert detector.scores(text, candidates) == _whole_model_scores(text, candidates)
    assert detector._full and len(detector._model.nb_classes) > len(CANDIDATES)
    # and sets inside the candidates still score the same from it
    assert detector.scores(TEXTS[1], ("es", "pt")) == _whole_model_scores(TEXTS[1], ("es", "pt"))


def test_an_unknown_code_is_left_out_as_lingua_leaves_it_out():
    """A page locale the model has no column for ("zz", "fil") is no candidate: scored among the
    known ones, or no answer when none is known. It raised ValueError, which stopped three LOC
    rules with LNT003 on a page keyed "xx" (session 12)."""
    detector = Py3langidDetector()
    assert detector.scores(TEXTS[0], ("en", "zz")) == detector.scores(TEXTS[0], ("en",))
    assert detector.scores(TEXTS[0], ("zz",)) == {}
    assert detector.scores_many([TEXTS[0]], ("zz", "xx")) == [{}]


PREPARE = """
import json, sys
from listing_lint.config import Config
from listing_lint.langid.base import get_detector
from listing_lint.rules.localization import LOC002_page_language as rule
rule.prepare(Config(), bundles=int(sys.argv[1]))
import listing_lint.langid.base as base
loaded = "py3langid" in base._detectors and get_detector("py3langid")._model is not None
print(json.dumps({"py3langid": loaded, "module": "py3langid.langid" in sys.modules}))
"""


def _prepared(bundles: int) -> dict:
    out = subprocess.run([sys.executable, "-c", PREPARE, str(bundles)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_a_run_that_forks_loads_the_first_pass_model_before_the_fork():
    # the judge's first pass needs it for every new text: the workers share the parent's
    assert _prepared(8) == {"py3langid": True, "module": True}
    assert _prepared(2) == {"py3langid": True, "module": True}
