"""Build a fifth parallel corpus (tests/data/parallel_appstore.jsonl.xz): the SAME App Store listing
of six apps in en, es, fr and ru, aligned by line, for the text rules' false alarms on correct
translations of a product's own marketing copy (bench/text_rules_realtext.py --corpus ...;
docs/decisions.md, "Session 16: the language rules on a fourteenth real-text source").

Source, used by no earlier corpus: the iOS App Store metadata that fastlane ``deliver`` uploads
(``fastlane/metadata[/ios]/<locale>/{name,subtitle,promotional_text,description}.txt``), written by
each app's maker and translated by its translators: the product page a buyer reads before paying,
with brand and model names, platforms, prices, units and feature lists. (The sixth langid corpus
read Android ``full_description.txt`` files of other apps, one language at a time; these are
aligned.) Locales: ``en-US`` (``default`` where the app keeps its English there), ``es-ES``,
``fr-FR``, ``ru``.

A file is aligned line by line only when its non-empty lines are as many in the locale as in English
(a translation that merged or split paragraphs is left out, whole). Separator lines (``_____``,
``•``) hold no words and go through ``add_aligned``'s placeholder filter. Records:
``{"repo", "path", "commit", "license", "key", "lang", "text", "placeholder"?}``, deterministic.

    python bench/appstore_parallel_corpus.py --mirrors FOLDER   # FOLDER/<owner>+<name>[/repo]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench")]

import parallel_corpus as pc  # noqa: E402
import shop_corpus  # noqa: E402

OUT = ROOT / "tests" / "data" / "parallel_appstore.jsonl.xz"
#: (repo, commit, licence, metadata folder, English folder)
SOURCES = (
    ("BlueWallet/BlueWallet", "7dc4fc5b9c2ae85fc4d610814be9226bf5db1489", "MIT", "fastlane/metadata/ios", "en-US"),
    ("Automattic/pocket-casts-ios", "c23892d1f47bc44d422fa06c389b49820aa04dd3", "MPL-2.0", "fastlane/metadata",
     "default"),
    ("Automattic/simplenote-ios", "d3e2599cd16485a4b75a4a62882056351c18a0c7", "GPL-2.0", "fastlane/metadata",
     "default"),
    ("woocommerce/woocommerce-ios", "2077debb97b5020c3aa1faaece30961beabf73e8", "GPL-2.0", "fastlane/metadata",
     "default"),
    ("inaturalist/iNaturalistReactNative", "09b27cf3a897c92df7f9398e3f9174a5f5284ca1", "MIT",
     "fastlane/metadata/ios", "en-US"),
    ("OnionBrowser/OnionBrowser", "44edf9a8455e5a0dd271debbfacec4e3cc273b1f", "BSD-2-Clause-style (Onion Browser License)", "fastlane/metadata",
     "en-US"),
)
FOLDERS = {"es": "es-ES", "fr": "fr-FR", "ru": "ru"}
FIELDS = ("name", "subtitle", "promotional_text", "description")


def _lines(repo: Path, commit: str, path: str) -> list[str] | None:
    try:
        raw = pc._git(repo, "show", f"{commit}:{path}").decode("utf-8")
    except subprocess.CalledProcessError:  # the locale has no such field
        return None
    return [line.strip() for line in raw.replace("\r", "").split("\n") if line.strip()]


def listing(folder: Path, repo_name: str, commit: str, base: str, english: str):
    """(key, {lang: (raw text, path)}) per aligned line of the app's listing fields."""
    repo = pc._mirror(folder, repo_name)
    for field in FIELDS:
        paths = {"en": f"{base}/{english}/{field}.txt", **{lang: f"{base}/{loc}/{field}.txt"
                                                          for lang, loc in FOLDERS.items()}}
        lines = {lang: _lines(repo, commit, path) for lang, path in paths.items()}
        source = lines["en"]
        if not source:
            continue
        same = {lang: ls for lang, ls in lines.items() if ls is not None and len(ls) == len(source)}
        for number in range(len(source)):
            yield (f"{repo_name}:{field}:{number + 1}",
                   {lang: (ls[number], paths[lang]) for lang, ls in same.items()})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirrors", type=Path, required=True, help="folder of mirrors, <owner>+<name>[/repo]")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    records: list[dict] = []
    seen_en: set[str] = set()
    for repo_name, commit, licence, base, english in SOURCES:
        meta = {"repo": repo_name, "commit": commit, "license": licence}
        pc.add_aligned(records, seen_en, meta, listing(args.mirrors, repo_name, commit, base, english))
    shop_corpus.write(records, args.out)
    counts: dict[tuple[str, str], int] = {}
    for r in records:
        counts[(r["repo"], r["lang"])] = counts.get((r["repo"], r["lang"]), 0) + 1
    print(f"wrote {len(records)} texts, {len({r['key'] for r in records})} keys to {args.out}")
    for repo_name, *_ in SOURCES:
        print(f"  {repo_name}: " + ", ".join(f"{lang} {counts.get((repo_name, lang), 0)}" for lang in pc.LANGS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
