"""LOC014 listed-word — a title contains a word from the locale's word list.

What it checks: each title against ``data/wordlists/all.txt`` (other marketplaces' names) and
``data/wordlists/<lang>.txt`` (promotional words such as "HOT", "SALE", "Free Shipping"), plus
the words users add with the ``wordlists`` config key (locale -> list or file). Entries in
capitals match only in capitals, so "SALE" flags "SALE Smart Plug" but not "for sale".
The bundle's own brand name and the project's ``keep-terms`` never match.
Why: AliExpress treats unrelated brand and marketplace names and keyword stuffing in titles as
search cheating, and marketplaces reject promotional words in product names.
Fails:
    listing.json /title/en = "HOT SALE Smart plug with energy monitor"
Passes:
    listing.json /title/en = "Smart plug Wi-Fi with energy monitor, works with Amazon Alexa"
"""

from functools import lru_cache
from pathlib import Path

from listing_lint.api import Severity
from listing_lint.bundle.model import base_language
from listing_lint.bundle.positions import pointer
from listing_lint.l10n.pages import glossary
from listing_lint.l10n.wordlists import any_builtin, builtin, configured

CODE, NAME, SEVERITY = "LOC014", "listed-word", Severity.WARNING
SOURCE = "AliExpress rules on search cheating (unrelated words, keyword stacking); Joom rules on promotional words in product names"

#: a marketplace name that is part of another name (a compatible product's, a plant's or an
#: animal's) is not a marketplace: the words after it, data with its sources
NOT_A_MARKETPLACE = Path(__file__).resolve().parents[2] / "data" / "wordlists" / "not_a_marketplace.yaml"


@lru_cache(maxsize=1)
def _followers() -> dict[str, tuple[str, ...]]:
    from listing_lint.thresholds import load_yaml

    data = load_yaml(NOT_A_MARKETPLACE) or {}
    return {str(k).lower(): tuple(str(w).lower() for w in v or ()) for k, v in data.items()}


def _allowed(entry, title: str, start: int, end: int) -> bool:
    follow = title[end:].strip().lower()
    return any(follow.startswith(w) for w in _followers().get(entry.word.lower(), ()))


def check(bundle, ctx):
    brand = bundle.get("/brand/name")
    kept = {t.lower() for t in glossary(ctx)} | ({brand.lower()} if isinstance(brand, str) else set())
    for key, title in bundle.dict_at("/title").items():
        if not isinstance(title, str):
            continue
        lang = base_language(key)
        hits = []
        listed = builtin(lang) if any_builtin(lang).search(title) else ()
        for entry in (*listed, *configured(ctx.config, lang)):
            if entry.word.lower() in kept:
                continue
            for m in entry.pattern.finditer(title):
                if not _allowed(entry, title, m.start(), m.end()):
                    hits.append(f"\"{m.group()}\" ({entry.category})")
                    break
        if hits:
            yield ctx.finding(pointer("title", key), f"the {key} title contains {', '.join(dict.fromkeys(hits))}; remove it")
