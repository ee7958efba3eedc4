"""One root cause, one finding: how many wrong-language blocks and pages get more than one finding.

    python bench/root_causes.py [--bundles 60] [--seed 1] [--keep DIR]

Builds a multi-page sample: the fixture repo's four bundles plus ``--bundles`` bundles of the
bench generator (``bench/generate.py``: four pages of about twenty blocks of native product copy
each), into which it puts the wrong-language defects sellers ship, one kind per bundle in turn:

* ``copy``: a paragraph of the es/fr/ru page replaced by the English page's paragraph unchanged;
* ``english``: an English paragraph with the punctuation French and Spanish typography check
  (``Want to know more? Write to us: …!``) and a table header copied from the English page;
* ``english-facts``: an English paragraph on the Spanish page with an English question, an
  English price format (``$1,234.50``) and inches (``6 inch``): LOC012, LOC009 and LOC013 bait;
* ``page-es-in-fr``: the Spanish page in the French slot (``lang="fr"``), with Spanish
  questions and colons (French-spacing bait);
* ``page-en-in-es``: the English page in the Spanish slot, still ``lang="en"`` (LOC004,
  LOC007 and LOC009 bait);
* ``list-and-title``: a Russian list item copied from the English page and the English title in
  the Russian title;
* ``mojibake``: two paragraphs of the Russian page saved as UTF-8 and read as Latin-1 (LOC011's:
  its broken letters look like a Latin-script language to a model).

Then it runs the real CLI (``listing-lint check --select LOC --format json``) and counts, per
injected block, the findings on its line, and per injected page, the findings in its file.
A block or page with more than one finding is a pile-on: one root cause, several findings.
It also counts every line of the sample with LOC003 and another finding (whatever was injected),
and language findings in files nothing was injected into (false alarms on correct pages; the
generator's French copy has real LOC012 findings of its own, ``;`` without U+202F, not counted).

The run prints a markdown table (docs/langid.md, "One finding per root cause") and exits 1 when
any block or page has more than one finding, or a correct file gets a language finding. Defects
the language judge does not catch are listed (that is the judge's accuracy, measured by
``bench/langid_accuracy.py``), not counted as a failure here.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402
from corpus import SENTENCES  # noqa: E402

KINDS = ("copy", "english", "english-facts", "page-es-in-fr", "page-en-in-es", "list-and-title", "mojibake")
#: what a wrong-language block or page is reported as (LOC006 for Chinese/Japanese/Korean text)
LANGUAGE_CODES = {"LOC002", "LOC003", "LOC006", "LOC007"}
#: the finding each kind of defect should get (default: a language finding)
REPORTED_BY = {"mojibake": {"LOC011"}}
ENGLISH_EXTRA = "Want to know more? Write to us: we answer every day, even at weekends!"
ENGLISH_FACTS = "The result? Lower bills! Order today for only $1,234.50 and get the 6 inch model delivered to your door."
SPANISH_EXTRA = "¿Y con Siri? Todavía no: llegará con la próxima actualización, ¡pronto!"


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _paragraph_lines(lines: list[str]) -> list[int]:
    """0-based indexes of the text paragraphs (not the picture ones) of a generated page."""
    return [i for i, line in enumerate(lines) if line.startswith("<p>") and "<img" not in line]


def _inject(kind: str, files: dict[str, bytes], rng: random.Random):
    """Put one defect of ``kind`` into a bundle's files; returns ([(file, line)], [file]) of the
    wrong blocks and wrong pages (paths relative to the bundle)."""
    pages = {loc: files[f"detail/{loc}.html"].decode("utf-8") for loc in generate.LOCALES}
    en = _lines(pages["en"])
    blocks, whole = [], []

    def put(loc: str, index: int, line: str) -> None:
        lines = _lines(pages[loc])
        lines[index] = line
        pages[loc] = "\n".join(lines)
        blocks.append((f"detail/{loc}.html", index + 1))

    if kind == "copy":
        loc = rng.choice(("es", "fr", "ru"))
        index = rng.choice(_paragraph_lines(en))
        put(loc, index, en[index])  # generated pages keep their structure line by line
    elif kind == "english":
        loc = rng.choice(("es", "fr"))
        index = _paragraph_lines(_lines(pages[loc]))[1]
        put(loc, index, f"<p>{' '.join(rng.sample(SENTENCES['en'], 2))} {ENGLISH_EXTRA}</p>")
        th = next(i for i, line in enumerate(en) if "<th>" in line)
        header = re.search(r"<th>.*?</th>", en[th]).group()  # the header cell only: its row keeps its own
        put(loc, th, re.sub(r"<th>.*?</th>", header, _lines(pages[loc])[th]))
    elif kind == "english-facts":
        index = _paragraph_lines(_lines(pages["es"]))[2]
        put("es", index, f"<p>{rng.choice(SENTENCES['en'])} {ENGLISH_FACTS}</p>")
    elif kind == "page-es-in-fr":
        es = _lines(pages["es"].replace('<html lang="es">', '<html lang="fr">'))
        last = _paragraph_lines(es)[-1]
        es[last] = es[last].replace("</p>", f" {SPANISH_EXTRA}</p>")
        pages["fr"] = "\n".join(es)
        whole.append("detail/fr.html")
    elif kind == "page-en-in-es":
        pages["es"] = pages["en"]
        whole.append("detail/es.html")
    elif kind == "mojibake":
        lines = _lines(pages["ru"])
        for index in _paragraph_lines(lines)[:2]:
            put("ru", index, lines[index].encode("utf-8").decode("latin-1"))
    elif kind == "list-and-title":
        index = next(i for i, line in enumerate(en) if line.startswith("  <li>"))
        put("ru", index, en[index])
        data = json.loads(files["listing.json"])
        data["title"]["ru"] = data["title"]["en"]
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        files["listing.json"] = text.encode("utf-8")
        title_block = next(i for i, line in enumerate(text.split("\n")) if line.strip().startswith('"title"'))
        ru_line = next(i for i, line in enumerate(text.split("\n")) if i > title_block and line.strip().startswith('"ru"'))
        blocks.append(("listing.json", ru_line + 1))
    for loc, text in pages.items():
        files[f"detail/{loc}.html"] = text.encode("utf-8")
    return blocks, whole


def _text_only_bundle(index: int, seed: int) -> tuple[str, dict[str, bytes]]:
    """The generator's bundle without making its pictures, video and PDFs (the LOC rules read
    none): the generator's media functions are swapped out for the call and put back after."""
    saved = generate.picture, generate.video, generate.pdf
    generate.picture = generate.video = generate.pdf = lambda *args: b""
    try:
        return generate.bundle(index, seed)
    finally:
        generate.picture, generate.video, generate.pdf = saved


def build(out: Path, bundles: int, seed: int) -> tuple[list[tuple[str, int, str]], list[tuple[str, str]]]:
    """The sample repo; returns (wrong blocks as (path, line, kind), wrong pages as (path, kind)),
    paths relative to ``out``."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(ROOT / "fixtures", out, ignore=shutil.ignore_patterns("expected", "*.py", "README.md"))
    rng = random.Random(f"root-causes-{seed}")
    wrong_blocks, wrong_pages = [], []
    fixture_es = "listings/smart-plug-x1/detail/es.html"
    wrong_blocks.append((fixture_es, 19, "fixture"))  # the fixture's English paragraph (fixtures/README.md)
    for index in range(1, bundles + 1):
        name, files = _text_only_bundle(index, seed)
        files = {rel: content for rel, content in files.items() if not rel.startswith(("media/", "certs/"))}
        kind = KINDS[(index - 1) % len(KINDS)]
        blocks, whole = _inject(kind, files, rng)
        base = f"listings/{name}"
        wrong_blocks += [(f"{base}/{rel}", line, kind) for rel, line in blocks]
        wrong_pages += [(f"{base}/{rel}", kind) for rel in whole]
        for rel, content in files.items():
            path = out / base / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    return wrong_blocks, wrong_pages


def lint(repo: Path) -> list[dict]:
    proc = subprocess.run(
        [sys.executable, "-m", "listing_lint", "check", "--select", "LOC", "--format", "json", "--as-of", "2026-11-25", "--no-cache", "."],
        cwd=repo, capture_output=True, text=True,
    )
    if proc.returncode not in (0, 1):
        raise SystemExit(f"listing-lint failed ({proc.returncode}): {proc.stderr}")
    return json.loads(proc.stdout)["findings"]


def measure(findings: list[dict], wrong_blocks, wrong_pages) -> dict:
    by_line: dict[tuple[str, int], list[str]] = defaultdict(list)
    by_file: dict[str, list[dict]] = defaultdict(list)
    for f in findings:
        by_line[(f["path"], f["line"])].append(f["code"])
        by_file[f["path"]].append(f)
    rows: dict[str, Counter] = defaultdict(Counter)
    piles, missed = [], []
    page_files = {p for p, _ in wrong_pages}
    for path, line, kind in wrong_blocks:
        codes = by_line.get((path, line), [])
        row = rows[kind]
        row["blocks"] += 1
        expected = REPORTED_BY.get(kind, LANGUAGE_CODES)
        row["reported"] += bool(set(codes) & expected)
        if not set(codes) & expected:
            missed.append(f"{path}:{line} ({kind})")
        if len(codes) > 1:
            row["two or more"] += 1
            piles.append(f"{path}:{line}: {', '.join(codes)}")
    for path, kind in wrong_pages:
        codes = [f["code"] for f in by_file.get(path, [])]
        row = rows[kind]
        row["pages"] += 1
        row["reported"] += "LOC002" in codes
        if "LOC002" not in codes:
            missed.append(f"{path} ({kind})")
        if len(codes) > 1:
            row["two or more"] += 1
            piles.append(f"{path}: {', '.join(codes)}")
    injected = {p for p, _, _ in wrong_blocks} | page_files
    doubles = sorted(k for k, codes in by_line.items() if "LOC003" in codes and len(codes) > 1)
    elsewhere = [f for f in findings if f["path"] not in injected and f["code"] in LANGUAGE_CODES]
    return {"rows": rows, "piles": piles, "doubles": doubles, "elsewhere": elsewhere, "missed": missed}


def table(result: dict, files: int) -> str:
    out = ["| defect | wrong blocks | wrong pages | reported | with two or more findings |", "|---|---|---|---|---|"]
    total = Counter()
    for kind in ("fixture", *KINDS):
        row = result["rows"].get(kind)
        if not row:
            continue
        total.update(row)
        out.append(f"| {kind} | {row['blocks']} | {row['pages']} | {row['reported']} | {row['two or more']} |")
    out.append(f"| **all** | {total['blocks']} | {total['pages']} | {total['reported']} | **{total['two or more']}** |")
    out.append("")
    out.append(f"Lines of the sample ({files} files) with LOC003 and another finding: {len(result['doubles'])}. "
               f"Language findings ({', '.join(sorted(LANGUAGE_CODES))}) in files nothing was injected into: {len(result['elsewhere'])}.")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundles", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="build the sample here and keep it")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="root-causes-"))
    try:
        wrong_blocks, wrong_pages = build(work, args.bundles, args.seed)
        findings = lint(work)
        files = sum(1 for p in work.rglob("*") if p.is_file())
        result = measure(findings, wrong_blocks, wrong_pages)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(table(result, files))
    for line in result["piles"] + [f"{p}:{n}: LOC003 + another" for p, n in result["doubles"]]:
        print("  pile-on:", line)
    for line in result["missed"]:
        print("  not reported:", line)
    for f in result["elsewhere"]:
        print(f"  elsewhere: {f['path']}:{f['line']}: {f['code']} {f['message']}")
    # a defect the judge does not catch is langid's accuracy (bench/langid_accuracy.py), listed above
    return 1 if result["piles"] or result["doubles"] or result["elsewhere"] else 0


if __name__ == "__main__":
    sys.exit(main())
