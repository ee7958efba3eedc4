"""The report's hook into language identification (``listing_lint.langid``).

``detector_for(config)`` returns ``(detect, name)`` where ``detect(text) -> (lang, confidence)``.
When no detector can be loaded the report still works: it shows the declared languages and
says why nothing was detected.
"""

from __future__ import annotations

from typing import Callable

MIN_CHARS = 12  # shorter text is not judged: detectors guess on a few words


def _none(text: str) -> tuple[str | None, float]:
    return None, 0.0


def detector_for(config) -> tuple[Callable[[str], tuple[str | None, float]], str]:
    name = config.get("language-detector")
    try:
        from listing_lint.langid import CANDIDATES, get_detector

        backend = get_detector(name)
    except Exception as exc:  # noqa: BLE001 - the report must not fail for want of a detector
        return _none, f"no language detection ({type(exc).__name__}: {exc})"
    memo: dict[str, tuple[str | None, float]] = {}

    def detect(text: str) -> tuple[str | None, float]:
        text = " ".join(text.split())
        if len(text) < MIN_CHARS:
            return None, 0.0
        if text not in memo:
            try:
                memo[text] = backend.detect(text, CANDIDATES)
            except Exception:  # noqa: BLE001
                memo[text] = (None, 0.0)
        return memo[text]

    return detect, getattr(backend, "name", name)
