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

import hashlib
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from listing_lint import memo
from listing_lint.langid.base import BACKENDS, CANDIDATES, get_detector

#: the fast pass accepts when the page language gets at least this share of its confidence
#: (measured on the corpus: 0.1 keeps accuracy >= 94 % at 10-29 characters while sending
#: 9 % of short and 3 % of 30-79-character correct text to the accurate model)
FAST_ACCEPT = 0.1
JUDGED_CHARS = 10_000  # longer text is judged by its start (robustness: bounded time per block)
#: the accurate pass decides between two languages; it rejects only a clear decision. At 0.5-0.6
#: it is a coin flip between neighbours: "Гарантия два года" is bg 0.52 / ru 0.48, and a linter
#: must not call a correct Russian heading Bulgarian on a coin flip.
ACCURATE_REJECT = 0.6
CYRILLIC_LANGS = frozenset({"ru", "uk", "bg", "be", "sr", "mk", "kk"})


@dataclass(frozen=True)
class Verdict:
    accepted: bool  # the text is plausibly in the expected language
    lang: str | None  # the detector's best language (the expected one when accepted)
    confidence: float  # of ``lang``
    model: str  # "script", "fast", "accurate" or the single backend's name


def _script(text: str) -> str | None:
    """"Latin", "Cyrillic" or None (mixed, other, or no letters), by majority of letters."""
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


def _decode_scores(stored: str) -> dict[str, float]:
    pairs = (item.split("=", 1) for item in stored.split(";") if "=" in item)
    return {lang: float(value) for lang, value in pairs}


@lru_cache(maxsize=None)
def _model_version(backend: str) -> str:
    """The installed version of the library behind ``backend``: stored scores of another version are not used."""
    from importlib.metadata import PackageNotFoundError, version

    dist = {"langdetect": "langdetect", "py3langid": "py3langid"}.get(backend, "lingua-language-detector")
    try:
        return version(dist)
    except PackageNotFoundError:
        return "unknown"


def _expected_script(lang: str) -> str | None:
    if lang in CYRILLIC_LANGS:
        return "Cyrillic"
    if lang in ("zh", "ja", "ko", "ar", "he", "el", "th", "hi"):
        return None
    return "Latin"


class Judge:
    def __init__(self, backend: str = "lingua", candidates: tuple[str, ...] = CANDIDATES):
        key = backend.strip().lower()
        if key not in BACKENDS:
            get_detector(key)  # raises UnknownDetector with the valid names
        self.backend = key
        self.two_pass = key == "lingua"
        self.candidates = tuple(candidates)
        self._verdicts: dict[tuple[str, str], Verdict] = {}
        self._lock = threading.Lock()
        self._accurate_calls = 0  # texts the accurate model was run on (not answered from memo)

    def _candidates_for(self, expected: str) -> tuple[str, ...]:
        return self.candidates if expected in self.candidates else self.candidates + (expected,)

    def _scores_of(self, backend: str, text: str, digest: str, candidates: tuple[str, ...]) -> dict[str, float]:
        """A backend's scores for ``text``, kept by text hash in ``listing_lint.memo`` (on disk when
        the run's cache is on): an unchanged paragraph is never shown to a model twice."""
        ns = f"langid:{backend}:{_model_version(backend)}"
        key = f"{digest}:{','.join(candidates)}"
        stored = memo.get(ns, key)
        if stored is not None:
            return _decode_scores(stored)
        if backend == "lingua-high":
            with self._lock:
                self._accurate_calls += 1
        scores = get_detector(backend).scores(text, candidates)
        memo.put(ns, key, ";".join(f"{lang}={conf!r}" for lang, conf in scores.items()))
        return scores

    def judge(self, text: str, expected: str) -> Verdict:
        """Verdict on ``text`` for a page in language ``expected`` (ISO 639-1, e.g. "es")."""
        # the first JUDGED_CHARS tell the language; a 2 MB title took lingua over 30 s (the rule budget)
        text = text[:JUDGED_CHARS]
        digest = hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()
        key = (digest, expected)
        with self._lock:
            cached = self._verdicts.get(key)
        if cached is not None:
            return cached
        judge = self._two_pass if self.two_pass else self._single
        verdict = judge(text, digest, expected)
        with self._lock:
            self._verdicts[key] = verdict
        return verdict

    def _single(self, text: str, digest: str, expected: str) -> Verdict:
        scores = self._scores_of(self.backend, text, digest, self._candidates_for(expected))
        if not scores:
            return Verdict(True, None, 0.0, self.backend)  # no answer: stay silent
        lang, conf = next(iter(scores.items()))
        return Verdict(lang == expected, lang, conf, self.backend)

    def _two_pass(self, text: str, digest: str, expected: str) -> Verdict:
        fast = self._scores_of("lingua-low", text, digest, self._candidates_for(expected))
        if not fast:
            return Verdict(True, None, 0.0, "fast")
        best, best_conf = next(iter(fast.items()))
        script, wanted = _script(text), _expected_script(expected)
        if script and wanted and script != wanted:
            return Verdict(False, best, best_conf, "script")
        if fast.get(expected, 0.0) >= FAST_ACCEPT:
            return Verdict(True, expected, fast[expected], "fast")
        accurate = self._accurate(text, digest, tuple(sorted({expected, best})))
        if not accurate:
            return Verdict(True, None, 0.0, "accurate")
        lang, conf = next(iter(accurate.items()))
        return Verdict(lang == expected or conf < ACCURATE_REJECT, lang, conf, "accurate")

    def _accurate(self, text: str, digest: str, pair: tuple[str, ...]) -> dict[str, float]:
        return self._scores_of("lingua-high", text, digest, pair)

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
}


def warm_up(backend: str = "lingua", accurate: bool = False, languages: tuple[str, ...] | None = None) -> None:
    """Load every candidate language's fast-pass models now, on this thread (without lingua's pool).

    Called in the main process before worker processes fork (a rule's ``prepare`` hook): the
    models are then loaded once and shared copy-on-write, instead of once per worker. The accurate
    models (1.9 s and 160 MiB for all ten languages, against 0.16 s and 30 MiB) load only with
    ``accurate``: most runs need few of them, and a worker loads the pair a text needs when it does.
    ``languages`` limits the accurate models to those languages' pairs with English (the language
    server loads a bundle's locales' pairs once it is idle, so no keystroke waits for them).
    """
    if backend.strip().lower() != "lingua":
        return
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
