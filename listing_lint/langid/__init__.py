"""Language identification behind one interface: ``detect(text, candidates) -> (lang, confidence)``.

Backends (one module each, imported only when first used): ``lingua`` (default), ``langdetect``
(seeded), ``py3langid``. ``judge.Judge`` adds the policy the rules use: a fast first pass, the
accurate model only for text the first pass is unsure about, and verdicts cached by text hash.
"""

from listing_lint.langid.base import CANDIDATES, CONFUSERS, PAGE_LANGUAGES, Detector, get_detector

__all__ = ["CANDIDATES", "CONFUSERS", "PAGE_LANGUAGES", "Detector", "get_detector"]
