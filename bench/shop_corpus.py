"""Build the real-text shop corpus (tests/data/langid_shops.jsonl.xz) from translation catalogues.

Sources, none used by the older corpus (Django, allauth, Wagtail, Sphinx, django-oscar):

* Saleor dashboard (``locale/*.json``, BSD-3-Clause), English from ``defaultMessages.json``;
* Sylius (``src/Sylius/Bundle/*/Resources/translations/*.<lang>.yml``, MIT);
* spree_i18n (``config/locales/*.yml``, BSD-3-Clause).

Only the extracted strings are committed (each record names its repository, commit, path and
licence), never code from those repositories. Build it from local git mirrors of the three::

    python bench/shop_corpus.py --saleor DIR --sylius DIR --spree DIR

(a mirror is a bare or normal clone; the strings are read with ``git show HEAD:path``).

Cleaning: ICU plurals/selects dropped, placeholders (``{x}``, ``%{x}``, ``%x%``, ``%s``), markup
and URLs removed; a translation equal to its English source (untranslated) is dropped, and so is
a spree string found under the same key in three or more other languages (an English leftover),
and a translation holding four words in a row of the catalogue's English strings (half-translated);
Cyrillic-language strings must be >= 80 % Cyrillic letters, the others >= 80 % Latin. A text
seen in two languages is ambiguous and dropped. Consecutive strings of one file are also joined
into paragraphs (80-600 characters) to stand for product copy. Sampled per language and length
band with a fixed seed.
"""

from __future__ import annotations

import argparse
import html
import json
import lzma
import random
import re
import subprocess
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "langid_shops.jsonl.xz"
SEED = 20261206
#: file language tag -> our code (regional variants folded; pt-BR and pt are both Portuguese)
LANGS = {
    "en": "en", "es": "es", "fr": "fr", "ru": "ru", "ca": "ca", "gl": "gl", "pt": "pt", "pt-BR": "pt",
    "pt_BR": "pt", "it": "it", "uk": "uk", "bg": "bg", "be": "be", "de": "de", "nl": "nl",
}
CYRILLIC = {"ru", "uk", "bg", "be"}
BANDS = (("10-29", 10, 30), ("30-79", 30, 80), ("80+", 80, 10**9))
#: per language and band
CAPS = {"10-29": 400, "30-79": 400, "80+": 250}
LICENSES = {"saleor": "BSD-3-Clause", "sylius": "MIT", "spree": "BSD-3-Clause"}
REPOS = {"saleor": "saleor/saleor-dashboard", "sylius": "Sylius/Sylius", "spree": "spree-contrib/spree_i18n"}

_ICU = re.compile(r"\{[^{}]*,\s*(?:plural|select|selectordinal)\s*,")
_PLACEHOLDER = re.compile(r"%\{[^}]*\}|\{\{.*?\}\}|\{[^{}]*\}|%[\w.]+%|%[sdif]|%\([^)]*\)[sdif]")
_TAG = re.compile(r"<[^>]+>")
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+")


def clean(text: str) -> str | None:
    if not isinstance(text, str) or _ICU.search(text):
        return None
    text = _URL.sub(" ", _TAG.sub(" ", _PLACEHOLDER.sub(" ", html.unescape(text))))
    text = " ".join(text.replace("\ufeff", "").split())
    return text or None


def script_ok(text: str, lang: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3 or len(letters) < 0.6 * len(text):
        return False
    want = "CYRILLIC" if lang in CYRILLIC else "LATIN"
    return sum(unicodedata.name(c, "").startswith(want) for c in letters) >= 0.8 * len(letters)


def band_of(n: int) -> str | None:
    return next((name for name, lo, hi in BANDS if lo <= n < hi), None)


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True).stdout.decode("utf-8")


def _flat(node, prefix: str = ""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _flat(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(node, str):
        yield prefix, node


def saleor(repo: Path):
    """(lang, key, text, path) from the dashboard's message catalogues."""
    files = [p for p in _git(repo, "ls-tree", "--name-only", "HEAD", "locale/").split() if p.endswith(".json")]
    english = {k: v.get("string") for k, v in json.loads(_git(repo, "show", "HEAD:locale/defaultMessages.json")).items()}
    for key, text in english.items():
        yield "en", key, text, "locale/defaultMessages.json", None
    for path in sorted(files):
        tag = Path(path).stem
        if tag not in LANGS or tag == "en":
            continue
        for key, value in json.loads(_git(repo, "show", f"HEAD:{path}")).items():
            text = value.get("string") if isinstance(value, dict) else None
            if key not in english:
                continue  # a stale message the dashboard no longer has (often an English leftover)
            if text and text != english.get(key):
                yield LANGS[tag], key, text, path, english.get(key)


def sylius(repo: Path):
    import yaml

    files = [p for p in _git(repo, "ls-tree", "-r", "--name-only", "HEAD").split()
             if "/Resources/translations/" in p and p.endswith(".yml")]
    english = {}
    for path in files:
        m = re.search(r"/([a-z]+)\.en\.yml$", path)
        if m:
            for key, text in _flat(yaml.safe_load(_git(repo, "show", f"HEAD:{path}")) or {}):
                english[(path.rsplit("/", 1)[0], m.group(1), key)] = text
                yield "en", key, text, path, None
    for path in sorted(files):
        m = re.search(r"/([a-z]+)\.([A-Za-z_]+)\.yml$", path)
        if not m or m.group(2) not in LANGS or m.group(2) == "en":
            continue
        folder = path.rsplit("/", 1)[0]
        for key, text in _flat(yaml.safe_load(_git(repo, "show", f"HEAD:{path}")) or {}):
            source = english.get((folder, m.group(1), key))
            if text != source:
                yield LANGS[m.group(2)], key, text, path, source


def spree(repo: Path):
    import yaml

    files = [p for p in _git(repo, "ls-tree", "--name-only", "HEAD", "config/locales/").split() if p.endswith(".yml")]
    by_key: dict[str, dict[str, str]] = defaultdict(dict)
    for path in sorted(files):
        tag = Path(path).stem
        data = yaml.safe_load(_git(repo, "show", f"HEAD:{path}")) or {}
        for key, text in _flat(next(iter(data.values()), {}) if data else {}):
            by_key[key][tag] = text
    for path in sorted(files):
        tag = Path(path).stem
        if tag not in LANGS:
            continue
        for key, texts in by_key.items():
            text = texts.get(tag)
            if text is None:
                continue
            same = sum(1 for other, t in texts.items() if other != tag and t == text)
            if same < 3:  # identical in three other languages: an untranslated English leftover
                yield LANGS[tag], key, text, path, None


def _grams(texts) -> set[tuple[str, ...]]:
    grams = set()
    for text in texts:
        words = re.findall(r"\w+", text.lower())
        grams.update(tuple(words[i:i + 4]) for i in range(len(words) - 3))
    return grams


def _keeps_english(text: str, english: set[tuple[str, ...]]) -> bool:
    """A translation holding four words in a row of the catalogue's English strings is
    half-translated (Saleor's fr catalogue: "Il y a un problème avec l'application. Saleor
    couldn’t fetch crucial information..."): its label would be wrong, so it is left out."""
    words = re.findall(r"\w+", text.lower())
    return any(tuple(words[i:i + 4]) in english for i in range(len(words) - 3))


def _paragraphs(texts: list[str]) -> list[str]:
    """Consecutive strings of one file joined into 80-600-character paragraphs (product copy stand-in)."""
    out, current = [], []
    for text in texts:
        if len(text) < 20 or not text[-1:] in ".!?":
            continue  # only sentences: labels ("Name", "Price") do not make a paragraph
        current.append(text)
        joined = " ".join(current)
        if len(joined) >= 80:
            if len(joined) <= 600:
                out.append(joined)
            current = []
    return out


def build(mirrors: dict[str, Path]) -> list[dict]:
    found: dict[tuple[str, str], dict] = {}
    for source, reader in (("saleor", saleor), ("sylius", sylius), ("spree", spree)):
        repo = mirrors[source]
        commit = _git(repo, "rev-parse", "HEAD").strip()
        per_file: dict[tuple[str, str], list[str]] = defaultdict(list)
        rows = list(reader(repo))
        english = _grams(clean(raw) or "" for lang, _key, raw, _path, _source in rows if lang == "en")
        for lang, _key, raw, path, english_source in rows:
            text = clean(raw)
            if text and script_ok(text, lang) and (lang == "en" or not _keeps_english(text, english)):
                per_file[(lang, path)].append(text)
        add_records(found, per_file, REPOS[source], commit, LICENSES[source])
    return sample(found, SEED)


def add_records(found: dict, per_file: dict[tuple[str, str], list[str]], repo: str, commit: str, licence: str) -> None:
    """Each file's strings and the paragraphs joined from them, as records (the first source of a text keeps it)."""
    for (lang, path), texts in sorted(per_file.items()):
        for text in texts + _paragraphs(texts):
            found.setdefault((lang, text), {
                "text": text, "lang": lang, "repo": repo, "commit": commit, "path": path, "license": licence,
            })


def sample(found: dict, seed: int, caps: dict[str, int] = CAPS) -> list[dict]:
    """Up to ``caps`` records per language and band, drawn with ``seed``; a text found in two
    languages (untranslated, or a word both write) is in neither."""
    langs_of: dict[str, set[str]] = defaultdict(set)
    for lang, text in found:
        langs_of[text.lower()].add(lang)
    cells: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for (lang, text), record in sorted(found.items()):
        band = band_of(len(text))
        if band and len(langs_of[text.lower()]) == 1:
            record["band"] = band
            cells[(lang, band)].append(record)
    rng = random.Random(seed)
    corpus = []
    for (lang, band), records in sorted(cells.items()):
        corpus.extend(rng.sample(records, min(caps[band], len(records))))
    return corpus


def write(records: list[dict], out: Path = OUT) -> None:
    with lzma.open(out, "wt", encoding="utf-8", preset=9 | lzma.PRESET_EXTREME) as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


def write_and_report(records: list[dict], out: Path) -> int:
    """``write``, then how many texts each language, band and repository gave (a builder's exit code)."""
    write(records, out)
    counts: dict[tuple[str, str, str], int] = {}
    for r in records:
        key = (r["lang"], r["band"], r["repo"])
        counts[key] = counts.get(key, 0) + 1
    print(f"wrote {len(records)} texts to {out}")
    for (lang, band, repo), n in sorted(counts.items()):
        print(f"  {lang} {band} {repo}: {n}")
    return 0


def mirrors_main(description: str, build, out: Path) -> int:
    """The command line of a builder that reads every repository from one folder of git mirrors:
    ``--mirrors FOLDER [--out FILE]``, then ``write_and_report`` of ``build(FOLDER)``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--mirrors", type=Path, required=True,
                        help="folder of git mirrors, one per repository: <owner>+<name>[/repo]")
    parser.add_argument("--out", type=Path, default=out)
    args = parser.parse_args()
    return write_and_report(build(args.mirrors), args.out)


def read(path: Path = OUT) -> list[dict]:
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name in ("saleor", "sylius", "spree"):
        parser.add_argument(f"--{name}", type=Path, required=True, help=f"git mirror of {REPOS[name]}")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    records = build({"saleor": args.saleor, "sylius": args.sylius, "spree": args.spree})
    write(records, args.out)
    counts = defaultdict(int)
    for r in records:
        counts[(r["lang"], r["band"])] += 1
    print(f"wrote {len(records)} texts to {args.out}")
    for (lang, band), n in sorted(counts.items()):
        print(f"  {lang} {band}: {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
