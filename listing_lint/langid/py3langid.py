"""py3langid backend (the light one: 0.55 s cold, no 90 MiB wheel; weaker under 30 characters)."""

from __future__ import annotations

from listing_lint.langid.base import CANDIDATES, BaseDetector, ranked


class Py3langidDetector(BaseDetector):
    name = "py3langid"

    def __init__(self):
        self._identifiers: dict[tuple[str, ...], object] = {}
        self._full = None  # the model as loaded: every candidate set's identifier restricts a copy of it

    def _identifier(self, candidates: tuple[str, ...]):
        key = tuple(sorted(candidates))
        if key not in self._identifiers:
            import copy

            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            # Loaded once: the model is about 230 MiB of arrays, and an identifier keeps the full
            # arrays even when restricted, so one load per candidate set grew a worker by 230 MiB
            # for each new set (issue 18). ``set_languages`` slices the shared full arrays into the
            # copy's own, so every set scores exactly as with its own load.
            if self._full is None:
                self._full = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            identifier = copy.copy(self._full)
            identifier.set_languages(list(key))
            self._identifiers[key] = identifier
        return self._identifiers[key]

    def scores(self, text: str, candidates: tuple[str, ...] = CANDIDATES) -> dict[str, float]:
        ranks = self._identifier(tuple(candidates)).rank(text)
        return ranked({lang: float(p) for lang, p in ranks if lang in candidates})
