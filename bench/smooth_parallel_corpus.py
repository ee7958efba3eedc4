"""Build a third parallel corpus (tests/data/parallel_smooth.jsonl.xz): the SAME messages of Open Food
Facts' mobile app in en, es, fr and ru, aligned by key, for the text rules' false alarms on correct
translations of text about food products (bench/text_rules_realtext.py --corpus ...;
docs/parallel-realtext.md, "Open Food Facts").

Source, used by no earlier corpus: the Open Food Facts app "Smooth" (``openfoodfacts/smooth-app``
at ``3fde3e6``, Apache-2.0), translated on Crowdin by the project's volunteers. Its Flutter
catalogues ``packages/smooth_app/lib/l10n/app_<lang>.arb`` (JSON: key -> message; ``@key`` entries
are metadata and skipped): what a shopper reads about a food product (Nutri-Score and Eco-Score
guides, nutrition facts, ingredients, allergens, prices, product pages) and the app's own labels.

Cleaning as bench/parallel_corpus.py (its ``clean``, placeholder marks and checks), and markdown
emphasis (``**x**``, the guides') taken out, as a shop page would carry it as ``<strong>``: a key
needs its English and at least two of es/fr/ru; an English text seen twice keeps its first key;
ICU messages (``{count, plural, …}``) and ``{name}`` slots are kept, marked ``"placeholder": true``.
Records: ``{"repo", "path", "commit", "license", "key", "lang", "text", "placeholder"?}``,
deterministic.

    python bench/smooth_parallel_corpus.py --mirrors FOLDER   # FOLDER/openfoodfacts+smooth-app[/repo]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench")]

import parallel_corpus as pc  # noqa: E402

OUT = ROOT / "tests" / "data" / "parallel_smooth.jsonl.xz"
SMOOTH = {
    "repo": "openfoodfacts/smooth-app",
    "commit": "3fde3e6f9386074ac14d14b8fced4792bb4ff0df",
    "license": "Apache-2.0",
    "path": "packages/smooth_app/lib/l10n/app_{lang}.arb",
}
_EMPHASIS = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")


def smooth(folder: Path):
    """(key, {lang: (raw text, path)}) for the app's messages, in the English catalogue's order."""
    repo = pc._mirror(folder, SMOOTH["repo"])
    catalogues = {}
    for lang in pc.LANGS:
        path = SMOOTH["path"].format(lang=lang)
        catalogues[lang] = (path, json.loads(pc._git(repo, "show", f"{SMOOTH['commit']}:{path}")))
    for key, english in catalogues["en"][1].items():
        if key.startswith("@") or not isinstance(english, str):
            continue
        texts = {}
        for lang, (path, messages) in catalogues.items():
            text = messages.get(key)
            if isinstance(text, str) and text.strip():
                texts[lang] = (_EMPHASIS.sub(r"\1", text), path)
        yield f"smooth:{key}", texts


def main() -> int:
    return pc.one_source_main(__doc__, SMOOTH, smooth, OUT, "folder holding openfoodfacts+smooth-app[/repo]")


if __name__ == "__main__":
    raise SystemExit(main())
