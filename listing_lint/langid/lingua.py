"""lingua-language-detector backend (the default; most accurate on short text in our measurements).

High-accuracy mode uses 1- to 5-gram models (about 1.2-1.8 s and 180-260 MiB to load);
low-accuracy mode only trigrams (0.1 s, 30 MiB): the fast first pass of ``judge.Judge``.
Language models load lazily per script, so a Latin-only run never loads Cyrillic models.
"""

from __future__ import annotations

import os

from listing_lint.langid.base import CANDIDATES, BaseDetector, ranked

#: lingua's high-accuracy mode reads a text of this many letters or more with its trigram models
#: only, and a shorter one with every n-gram order, 1 to 5 (lingua 2.1, measured: a text of 119
#: letters loaded all five orders of three languages, 0.5-0.6 s; one of 120, trigrams, 0.04 s)
ALL_ORDERS_BELOW_LETTERS = 120

#: the process whose lingua thread pool exists, once one was used (``with_preloaded_language_models``
#: loads the languages' models on lingua's pool of threads). A process forked after that inherits
#: the pool without its threads: loading on it there never returns (measured: a forked worker's
#: preloaded build hung). Such a process loads lazily, on its own thread, as before.
_pool_pid: int | None = None


def _may_use_pool() -> bool:
    return _pool_pid is None or _pool_pid == os.getpid()


def _using_pool() -> None:
    global _pool_pid
    _pool_pid = os.getpid()


def _builder(codes: tuple[str, ...], accurate: bool):
    """lingua's builder for the languages of ``codes`` (ISO 639-1) in the given mode, or None when it
    knows none of them: a locale key from listing.json may name no language ("html", "zz"), and
    lingua panics (a BaseException) on an empty list."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes
                 if hasattr(IsoCode639_1, c.upper())]
    if not languages:
        return None
    builder = LanguageDetectorBuilder.from_languages(*languages)
    return builder if accurate else builder.with_low_accuracy_mode()


class LinguaDetector(BaseDetector):
    def __init__(self, accurate: bool = True):
        self.accurate = accurate
        self.name = "lingua-high" if accurate else "lingua-low"
        self._built: dict[tuple[str, ...], object] = {}
        self._preloaded: set[tuple[str, ...]] = set()

    def _detector(self, candidates: tuple[str, ...], preload: bool = False):
        """The detector of ``candidates``; ``preload``: with every model of theirs loaded now, on
        lingua's threads (in parallel: 0.47-0.57 s of wall time became 0.30-0.34 s for three
        languages on two cores, the same CPU and answers), when this process may use the pool."""
        key = tuple(sorted(candidates))
        preload = preload and key not in self._preloaded and _may_use_pool()
        if key not in self._built or preload:
            builder = _builder(key, self.accurate)
            if builder is None:
                self._built[key] = None
                return None
            if preload:
                _using_pool()
                builder = builder.with_preloaded_language_models()
                self._preloaded.add(key)
            self._built[key] = builder.build()
        return self._built[key]

    def scores(self, text: str, candidates: tuple[str, ...] = CANDIDATES) -> dict[str, float]:
        # a short text needs every n-gram order of the accurate models: load them all at once, in
        # parallel, rather than one after another as lingua's lazy load does (issue 18: the
        # pre-commit run whose wrong-language paragraph needs the accurate pass waited for it)
        preload = self.accurate and sum(ch.isalpha() for ch in text) < ALL_ORDERS_BELOW_LETTERS
        detector = self._detector(tuple(candidates), preload)
        if detector is None:
            return {}
        values = detector.compute_language_confidence_values(text)
        out = {v.language.iso_code_639_1.name.lower(): float(v.value) for v in values}
        if not any(out.values()):
            return {}
        return ranked(out)


_preloaded: list = []  # detectors built only to hold preloaded models (lingua shares models per language)


def preload(candidates: tuple[str, ...] = CANDIDATES, accurate: bool = True) -> None:
    """Load every model of ``candidates`` now (lingua's ``with_preloaded_language_models``).

    lingua keeps loaded models per language, shared by every detector of the process: after this,
    building the detector for any subset (the accurate pass's page language and rivals) loads
    nothing. Measured: all 13 candidates' high-accuracy models 272 MiB and 2.6 s of CPU once;
    then (be, ru, uk), (ca, es, pt), (de, en, nl) ... cost 0 MiB. Called before worker processes
    fork on big runs, so the models are shared instead of loaded by each worker (issue 18: on
    unique copy each worker had loaded most of them privately, 500-660 MiB per worker).
    """
    builder = _builder(tuple(sorted(set(candidates))), accurate)
    if builder is None or not _may_use_pool():  # forked after the pool was used: it would never return
        return
    _using_pool()
    _preloaded.append(builder.with_preloaded_language_models().build())
    page_out_library()


MADV_PAGEOUT = 21  # Linux 5.4 (asm-generic/mman-common.h)


def page_out_library() -> int:
    """Give back the pages of lingua's library file that loading the models read; returns how many
    mappings were asked.

    lingua's models are compressed inside its library (100 MB); loading 13 languages reads about
    16 MiB of it (a read-only data segment), never read again: the loaded tables are in the heap. Only the process
    that loaded them maps those pages, so before the fork they stayed the parent's own memory for
    the whole run. ``MADV_PAGEOUT`` reclaims pages of the range mapped by this process alone and
    changes no content: a later read maps the file again. Nothing happens off Linux, or before
    Linux 5.4 (the call fails, which is ignored).
    """
    import ctypes
    import sys

    from listing_lint import libc

    module = sys.modules.get("lingua.lingua")
    library = getattr(module, "__file__", None)
    madvise = libc.function("madvise")  # None off Linux
    if not library or madvise is None:
        return 0
    madvise.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int)
    try:
        with open("/proc/self/maps") as maps:
            # not the code (executable): the workers run it
            ranges = [line.split()[0] for line in maps
                      if line.rstrip("\n").endswith(library) and "x" not in line.split()[1]]
    except OSError:
        return 0
    for span in ranges:
        start, end = (int(x, 16) for x in span.split("-"))
        madvise(start, end - start, MADV_PAGEOUT)
    return len(ranges)
