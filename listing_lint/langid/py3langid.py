"""py3langid backend (the light one: 0.55 s cold, no 90 MiB wheel; weaker under 30 characters)."""

from __future__ import annotations

import copy
import threading
from array import array

from listing_lint.langid.base import CANDIDATES, BaseDetector, ranked


class Py3langidDetector(BaseDetector):
    name = "py3langid"

    def __init__(self):
        # the model, loaded once (0.5 s): each candidate set is a view of it. Kept with the columns
        # of our candidate languages only (2.5 of the 27 MiB of per-language weights; the whole model
        # held 94 MiB in a process, each worker's own), unless a set names a language outside them
        self._model = None
        self._full = False
        self._identifiers: dict[tuple[str, ...], object] = {}
        self._lock = threading.Lock()

    def _load(self, languages: frozenset[str] | None):
        """The model restricted to ``languages`` (None: all of py3langid's), from the packaged file."""
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        if languages is not None:
            # set_languages keeps the columns in the model's order, as a copy: a candidate set's
            # restriction of this smaller model is then the same array, value for value, as the
            # whole model's restriction (same scores), and the 142-language weights are freed
            model.set_languages(sorted(languages & set(model.nb_classes)))
            model = LanguageIdentifier(model.nb_ptc, model.nb_pc, model.nb_classes, model.tk_nextmove,
                                       model.tk_output, norm_probs=True, tk_row=model.tk_row)
        # the DFA's per-state tables as machine integers: as lists of 104,583 int objects (7 MiB)
        # every text walked wrote to their reference counts, so each forked worker copied the pages
        # of the states it visited; the walk reads the same values from an array
        model.tk_output = array("i", model.tk_output)
        if isinstance(getattr(model, "_rowbase", None), list):
            model._rowbase = array("i", model._rowbase)
        return model

    def _identifier(self, candidates: tuple[str, ...]):
        key = tuple(sorted(candidates))
        with self._lock:
            if key not in self._identifiers:
                if self._model is None or (not self._full and not set(key) <= set(CANDIDATES)):
                    # a language outside the candidates (a page locale such as "pl"): the whole model
                    self._full = not set(key) <= set(CANDIDATES)
                    self._model = self._load(None if self._full else frozenset(CANDIDATES))
                    self._identifiers.clear()
                # a shallow copy shares the model's arrays; set_languages only rebinds the copy's
                # restricted views (nb_ptc[:, indices], nb_pc[indices], nb_classes)
                identifier = copy.copy(self._model)
                identifier.set_languages(list(key))
                self._identifiers[key] = identifier
            return self._identifiers[key]

    def scores(self, text: str, candidates: tuple[str, ...] = CANDIDATES) -> dict[str, float]:
        ranks = self._identifier(tuple(candidates)).rank(text)
        return ranked({lang: float(p) for lang, p in ranks if lang in candidates})


def preload() -> None:
    """Load the model now (the candidates' part): called before worker processes fork on big runs,
    so the workers share one copy instead of each loading its own when lingua asks for a second
    opinion (docs/decisions.md, issue 18)."""
    from listing_lint.langid.base import get_detector

    get_detector("py3langid")._identifier(CANDIDATES)
