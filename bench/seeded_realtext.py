"""The language rules on real parallel text with seeded defects: false alarms on the correct pages, and
how many seeded defects draw exactly one finding on their file and line (docs/decisions.md, "Session
17: the language rules on a fifteenth real-text source").

    python bench/seeded_realtext.py --corpus tests/data/parallel_reaction.jsonl.xz [--rounds 4] [--out F]

The bundles are bench/text_rules_realtext.py's layout (the same strings on the en/es/fr/ru pages, one
element a line). Then, in each round, every bundle with all four pages gets one defect on each of its
es, fr and ru pages, a line of real text (the target text and its source differ and the source has
at least three words) replaced by:

* ``english``: the English page's text of the same key (a block left untranslated);
* ``spanish-on-fr``: the Spanish page's text of the same key on the French page;
* ``french-on-es``: the French page's text of the same key on the Spanish page (a block pasted
  from the wrong locale);
* ``catalan-on-es``, ``portuguese-on-es``, ``ukrainian-on-ru``, ``bulgarian-on-ru``: a neighbour
  language's translation of the same key (only when the corpus holds that language);
* ``placeholder``: the page's own text with a template slot left in (``{{product_name}}``,
  ``[PRODUCT NAME]``, ``%s``, ``{keyword}`` in turn).

Kinds rotate over pages, bundles and rounds; lines are drawn by a seeded ``random.Random``. Each
round is linted in process (``--select LOC``, as-of ``AS_OF``, every finding shown). A defect is
*found* when its line has exactly one finding the correct layout did not have there and its bundle
no new finding elsewhere (of a rule and file the correct layout had no finding of: LOC012 reports
a page's spacing once, at its first mark, which moves when a defect replaces that line); *piled* when its line has more than one or the bundle got another
new finding; *missed* when its line has none. False alarms are the correct layout's findings per locale.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

import shop_corpus  # noqa: E402
import text_rules_realtext as realtext  # noqa: E402
from builder import run_lint  # noqa: E402

AS_OF = date(2026, 12, 7)
KINDS = {"es": ("english", "french-on-es", "placeholder"), "fr": ("english", "spanish-on-fr", "placeholder"),
         "ru": ("english", "placeholder")}
#: a neighbour's translation of the same key pasted onto the page; seeded only when the corpus holds
#: that language (bench/ofn_parallel_corpus.py and bench/tasmota_parallel_corpus.py write them), so the other corpora's rounds are unchanged
NEIGHBOUR_KINDS = {"es": (("catalan-on-es", "ca"), ("portuguese-on-es", "pt")),
                   "ru": (("ukrainian-on-ru", "uk"), ("bulgarian-on-ru", "bg"))}
SOURCE = {"english": "en", "french-on-es": "fr", "spanish-on-fr": "es",
          **{kind: lang for pairs in NEIGHBOUR_KINDS.values() for kind, lang in pairs}}
SLOTS = ("{{product_name}}", "[PRODUCT NAME]", "%s", "{keyword}")


def lint(repo: Path) -> list:
    return run_lint(repo, select=["LOC"], as_of=AS_OF, paths=["listings"], max_findings_per_rule=0).findings


def _pages(where: dict) -> dict[str, dict[str, list[tuple[int, str]]]]:
    """{bundle: {lang: [(line, key), ...]}} of the detail pages' text lines."""
    pages: dict[str, dict[str, list[tuple[int, str]]]] = defaultdict(lambda: defaultdict(list))
    for (path, line), (lang, key, _text) in sorted(where.items()):
        if path.endswith(".html"):
            pages[path.split("/")[1]][lang].append((line, key))
    return pages


def _defect(kind: str, lang: str, key: str, by_key: dict, n: int) -> str | None:
    """The seeded text, or None when this key cannot carry the defect."""
    target = by_key[key].get(lang)
    if kind == "placeholder":
        return f"{target} {SLOTS[n % len(SLOTS)]}" if target and len(target.split()) >= 3 else None
    source = by_key[key].get(SOURCE[kind])
    if not source or not target or source == target or len(source.split()) < 3:
        return None
    return source


def kinds(by_key: dict) -> dict[str, tuple[str, ...]]:
    """The defects each page language gets: ``KINDS``, and the neighbour kinds the corpus can fill."""
    langs = {lang for k in by_key.values() for lang in k if lang != "key"}
    return {lang: base + tuple(kind for kind, source in NEIGHBOUR_KINDS.get(lang, ()) if source in langs)
            for lang, base in KINDS.items()}


def seed(repo: Path, where: dict, by_key: dict, round_: int, rng: random.Random) -> list[dict]:
    """Write one defect on each es/fr/ru page of every four-page bundle; returns the defects."""
    defects = []
    kinds_of = kinds(by_key)
    for b, (bundle, pages) in enumerate(sorted(_pages(where).items())):
        if set(pages) != set(realtext.LOCALES):
            continue
        for p, lang in enumerate(("es", "fr", "ru")):
            kind = kinds_of[lang][(round_ + b + p) % len(kinds_of[lang])]
            lines = pages[lang][:]
            rng.shuffle(lines)
            for line, key in lines:
                text = _defect(kind, lang, key, by_key, len(defects))
                if text is not None:
                    break
            else:
                continue
            path = f"listings/{bundle}/detail/{lang}.html"
            rows = (repo / path).read_text(encoding="utf-8").split("\n")
            tag = rows[line - 1][1:rows[line - 1].index(">")]
            rows[line - 1] = f"<{tag}>{realtext.html.escape(text, quote=False)}</{tag}>"
            (repo / path).write_text("\n".join(rows), encoding="utf-8")
            defects.append({"kind": kind, "lang": lang, "path": path, "line": line, "key": key, "text": text})
    return defects


def _key(f) -> tuple:
    return (f.path, f.line, f.code, f.message)


def judge(defects: list[dict], found: list, baseline: set) -> None:
    """Set each defect's ``outcome`` and ``codes`` from the round's findings."""
    at = defaultdict(list)
    extra = defaultdict(list)
    per_page = {(path, code) for path, _line, code, _message in baseline}
    for f in found:
        if _key(f) not in baseline:  # a true finding the correct text had on the line is no answer
            at[(f.path, f.line)].append(f)
            if (f.path, f.code) not in per_page:  # LOC012's one finding a page moves to the next mark
                extra[f.path.split("/")[1]].append(f)
    seeded = {(d["path"], d["line"]) for d in defects}
    for d in defects:
        mine = at[(d["path"], d["line"])]
        others = [f for f in extra[d["path"].split("/")[1]] if (f.path, f.line) not in seeded]
        d["codes"] = [f.code for f in mine]
        d["messages"] = [f.message for f in mine]
        d["others"] = [f"{f.path}:{f.line} {f.code} {f.message}" for f in others]
        d["outcome"] = "missed" if not mine else "found" if len(mine) == 1 and not others else "piled"


def measure(corpus: Path, rounds: int, seed_: int = 17) -> dict:
    keys = realtext.aligned(shop_corpus.read(corpus), with_placeholders=False)
    by_key = {k["key"]: k for k in keys}
    rng = random.Random(seed_)
    with tempfile.TemporaryDirectory(prefix="seeded-realtext-") as tmp:
        clean = Path(tmp) / "clean"
        where = realtext.layout(keys, clean, per_bundle=25)
        correct = lint(clean)
        baseline = {_key(f) for f in correct}
        defects = []
        for r in range(rounds):
            repo = Path(tmp) / f"round{r}"
            shutil.copytree(clean, repo)
            batch = seed(repo, where, by_key, r, rng)
            judge(batch, lint(repo), baseline)
            defects += [{**d, "round": r} for d in batch]
            shutil.rmtree(repo)
    alarms = [{"code": f.code, "path": f.path, "line": f.line, "message": f.message,
               "locale": where.get((f.path, f.line), ("-",))[0], "text": where.get((f.path, f.line), ("", "", ""))[2]}
              for f in correct]
    strings = Counter(lang for lang, _key, _text in where.values())
    return {"alarms": alarms, "defects": defects, "strings": dict(strings), "keys": len(keys)}


def table(result: dict) -> str:
    alarms = Counter((a["code"], a["locale"]) for a in result["alarms"])
    lines = [f"{result['keys']} keys; strings placed: " + ", ".join(f"{lang} {n}" for lang, n in
                                                                     sorted(result["strings"].items())), "",
             "False alarms on correct pages:", "", "| rule | en | es | fr | ru | - |", "|---|---:|---:|---:|---:|---:|"]
    for code in sorted({c for c, _ in alarms}):
        lines.append(f"| {code} | " + " | ".join(str(alarms.get((code, loc), 0)) for loc in ("en", "es", "fr", "ru", "-"))
                     + " |")
    cells = defaultdict(Counter)
    for d in result["defects"]:
        cells[(d["kind"], d["lang"])][d["outcome"]] += 1
    lines += ["", "Seeded defects:", "", "| defect | page | seeded | exactly one | piled | missed |", "|---|---|---:|---:|---:|---:|"]
    total = Counter()
    for (kind, lang), c in sorted(cells.items()):
        n = sum(c.values())
        total.update(c)
        lines.append(f"| {kind} | {lang} | {n} | {c['found']} | {c['piled']} | {c['missed']} |")
    n = sum(total.values())
    lines.append(f"| **all** | | {n} | {total['found']} ({100 * total['found'] / max(n, 1):.1f}%) | {total['piled']} | {total['missed']} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--out", type=Path, default=Path("seeded_findings.json"))
    args = parser.parse_args()
    result = measure(args.corpus, args.rounds)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
