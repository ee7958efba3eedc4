"""The performance benchmark: one run, one generated repo, every number the issue asks for.

    python bench/run.py [--bundles 1000] [--small 100] [--jobs N] [--repeat 3] [--content unique|repeated] [--write-readme]

Generates (once) ``bench/repo-1000`` and ``bench/repo-100`` with bench/generate.py (unique content
by default; ``--content repeated`` measures the first benchmark's repo, in ``repo-N-repeated``),
then measures on the same repo, each as a separate process timed from outside (wall time,
interpreter start included):

0. the work floor (bench/workfloor.py: the reads, hashes, parses, block extraction, language
   identification, draft picture decodes and PDF text a correct linter cannot avoid, in ``--jobs``
   processes) and the cold full lint, **interleaved** (floor, lint, floor, lint, ...) so both see
   the same machine load; the ratio is the median of the per-pair ratios, in wall and CPU time;
1. the parse floor (bench/floor.py: json, lxml, Pillow header read of every file, one process);
2. check-jsonschema on every listing.json with schemas/listing.schema.json, against
   ``listing-lint check --select SCH --no-cache``;
3. ``listing-lint check`` cold (empty cache), all rules, ``--jobs`` = cores;
4. the same again with one bundle changed (warm cache);
5. a pre-commit-shaped run: two files of one changed bundle, from a fresh interpreter;
6. peak memory: the sum of PSS over the process tree (workers share pages with the parent after
   fork, so summing RSS would count those twice), sampled at most every 10 ms and so that sampling costs under a tenth of a core.

Then the cold run on the 100-bundle repo, for how time grows, and ``python -X importtime`` of a
one-bundle run. The page cache is warm for every run (the floor reads everything first), and
each listing-lint run gets its own cache folder unless it is meant to reuse one. Every row is the
median of ``--repeat`` runs (each cold run from an empty cache, each warm or pre-commit run with
a paragraph of its own, so no repetition is answered from the previous one's memo).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
AS_OF = "2026-11-25"
CHANGED = "p00007-led-desk-lamp"  # the bundle the warm run changes
PRECOMMIT = "p00012-led-desk-lamp"  # the bundle the pre-commit run changes


CONTENT = "unique"  # set from --content


@dataclass
class Measure:
    name: str
    wall: float
    pss_mib: float
    rc: int
    cpu: float = 0.0  # user + system seconds of the whole process tree
    note: str = ""


# -- measuring a process tree -----------------------------------------------------------------------
def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except OSError:
            continue
    return out


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(name: str, cmd: list[str], cwd: Path, env: dict, note: str = "") -> Measure:
    peak = 0
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stop = threading.Event()

    def sample() -> None:
        # Reading smaps_rollup walks the page tables: 8 ms for a 300 MB process here. Sampling a
        # three-process tree every 10 ms kept one of the two cores busy and nearly doubled the
        # cold run's wall time, so the pause is nine times what the last sample took (the sampler
        # then costs at most a tenth of a core) and never under 10 ms.
        nonlocal peak
        while not stop.is_set():
            t = time.perf_counter()
            peak = max(peak, sum(_pss_kib(p) for p in _tree(proc.pid)))
            stop.wait(max(0.01, 9 * (time.perf_counter() - t)))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - started
    stop.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        sys.stderr.write(f"{name}: exit {proc.returncode}\n{err.decode(errors='replace')[-2000:]}\n")
    print(f"  {name}: {wall:.2f} s, {cpu:.2f} s CPU, {peak / 1024:.0f} MiB", file=sys.stderr)
    return Measure(name, wall, peak / 1024, proc.returncode, cpu=cpu, note=note)


# -- the scenarios -----------------------------------------------------------------------------------
def ensure_repo(bundles: int) -> Path:
    repo = HERE / (f"repo-{bundles}" if CONTENT == "unique" else f"repo-{bundles}-{CONTENT}")
    stamp = repo / ".bench-generated"
    want = json.dumps({"bundles": bundles, "content": CONTENT,
                       "generator": [(HERE / f).stat().st_size for f in ("generate.py", "wordlists.py", "corpus.py")]})
    if not (stamp.is_file() and stamp.read_text() == want):
        print(f"generating {repo} ...", file=sys.stderr)
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(repo), "--bundles", str(bundles),
                        "--content", CONTENT], check=True)
        stamp.write_text(want)
    return repo


def lint_cmd(*args: str, jobs: int) -> list[str]:
    return [sys.executable, "-m", "listing_lint", "check", *args, "--as-of", AS_OF, "--jobs", str(jobs), "--exit-zero"]


CODE = ROOT  # replaced by a snapshot of the package for the run (see snapshot)


def snapshot(tmp: Path) -> Path:
    """Copy the package (and schemas) aside: every run measures the same code, and files edited in
    the working tree meanwhile do not change the cache key between the cold and the warm run."""
    target = tmp / "code"
    shutil.copytree(ROOT / "listing_lint", target / "listing_lint", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "schemas", target / "schemas")
    return target


def environment(cache: Path | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # users' installs have .pyc
    env["PYTHONPATH"] = str(CODE)
    if cache is not None:
        env["LISTING_LINT_CACHE_DIR"] = str(cache)
    return env


#: one paragraph per repetition: a repeated text (or one differing only in a number, which the
#: language check strips) would be answered from the memo and measure less than a real edit
SPANISH = ("Nuevo: ahora con un temporizador semanal y control por voz.",
           "La caja incluye un cable trenzado y una guía de inicio rápido.",
           "Funciona sin concentrador y recuerda su estado tras un corte de luz.",
           "El acabado mate no deja huellas y se limpia con un paño seco.",
           "Recibirá avisos en el móvil cuando el consumo supere su límite.",
           "Las patas de goma evitan que se deslice sobre la mesa de trabajo.")
#: Spanish paragraphs session 13's judge confirmed with the accurate model, (en, es, pt) loaded: the
#: fast pass alone was under 0.99; both fast models agree on Spanish now (docs/langid.md, session 14)
SPANISH_UNSURE = ("Puedes elegir entre tres tonos de luz cálida con un solo toque suave.",
                  "Su batería dura hasta dos semanas con una carga completa de noventa minutos.",
                  "La base pesada mantiene la lámpara estable incluso sobre superficies irregulares.")
#: Portuguese and Catalan paragraphs on the Spanish page that the fast models and the words do not
#: settle together (docs/langid.md, session 14): the accurate model must load, the case issue 18's
#: ≤ 0.8 s also asks for (most neighbour paragraphs no longer load it: "A base pesada mantém a
#: lâmpada estável sobre a mesa." is decided by the fast models and its words). Session 15's
#: py3langid-and-words rule took one ("La intensitat es regula amb un botó tàctil."); none of 41
#: neighbour sentences of 45-80 characters written for that session loads the model, but 5 of 10
#: shorter ones (about 40) still do, such as the third here. Three distinct paragraphs: a repeated
#: one would be answered by the result cache
NEIGHBOUR_MODEL = ("Inclou un cable USB i un manual en cinc idiomes.",
                   "O interruptor é silencioso e fácil de usar no escuro.",
                   "O carregador funciona com qualquer tomada normal.")
ENGLISH = ("New: a weekly timer and voice control, set up from the app in a minute.",
           "The box holds a braided cable and a quick start guide in four languages.",
           "It works without a hub and remembers its state after a power cut.",
           "The matte finish hides fingerprints and wipes clean with a dry cloth.",
           "Your phone tells you when the daily use goes over the limit you set.")


def edit(path: Path, paragraph: str = SPANISH[0]) -> str:
    """Add a paragraph to a page (a real change); returns the old text to put back."""
    old = path.read_text(encoding="utf-8")
    path.write_text(old.replace("</body>", f"<p>{paragraph}</p>\n</body>"), encoding="utf-8")
    return old


def median_of(repeat: int, once) -> Measure:
    """``once(i)`` ``repeat`` times; the run with the median wall time. The machine is a shared
    VM whose speed drifts by a third between minutes: one sample per row is not a measurement."""
    runs = sorted((once(i) for i in range(repeat)), key=lambda m: m.wall)
    chosen = runs[len(runs) // 2]
    if repeat > 1:
        chosen.note = "median of " + ", ".join(f"{m.wall:.2f}" for m in runs) + " s"
        print(f"    -> {chosen.note}", file=sys.stderr)
    return chosen


@dataclass
class Paired:
    """The work floor and the cold full lint, run alternately: ratios taken pair by pair."""
    floor: Measure
    cold: Measure
    wall_ratio: float
    cpu_ratio: float
    loads: list[float]
    note: str = ""


def paired(repo: Path, jobs: int, tmp: Path, repeat: int, tag: str = "") -> Paired:
    """Work floor, then cold lint, ``repeat`` times: each pair ran under the same load, so the
    ratio of a pair is steadier than either time (8 engineers share these 2 cores)."""
    pairs = []
    for i in range(repeat):
        load = os.getloadavg()[0]
        f = run("work floor", [sys.executable, str(HERE / "workfloor.py"), ".", "--jobs", str(jobs)], repo, environment())
        shutil.rmtree(tmp / f"c-pair{tag}", ignore_errors=True)
        c = run("cold, all rules", lint_cmd(".", jobs=jobs), repo, environment(tmp / f"c-pair{tag}"))
        pairs.append((f, c, load))
        print(f"    pair {i + 1}: wall {c.wall / f.wall:.2f}×, CPU {c.cpu / f.cpu:.2f}× (load {load:.1f})", file=sys.stderr)

    def median(values: list[float]) -> float:
        return sorted(values)[len(values) // 2]

    by_cpu = sorted(pairs, key=lambda p: p[1].cpu / p[0].cpu)
    floor, cold, _ = by_cpu[len(by_cpu) // 2]
    note = "; ".join(f"wall {c.wall:.2f}/{f.wall:.2f} s, CPU {c.cpu:.2f}/{f.cpu:.2f} s at load {lo:.1f}" for f, c, lo in pairs)
    return Paired(floor, cold, median([c.wall / f.wall for f, c, _ in pairs]), median([c.cpu / f.cpu for f, c, _ in pairs]),
                  [lo for *_, lo in pairs], note)


def full_suite(repo: Path, jobs: int, tmp: Path, repeat: int = 1) -> dict[str, Measure]:
    m: dict[str, Measure] = {}
    pair = paired(repo, jobs, tmp, repeat)
    m["workfloor"], m["pair"] = pair.floor, pair  # type: ignore[assignment]
    m["floor"] = median_of(repeat, lambda i: run("parse floor", [sys.executable, str(HERE / "floor.py"), "."], repo, environment()))
    manifests = sorted(str(p.relative_to(repo)) for p in (repo / "listings").glob("*/listing.json"))
    cjs = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or "check-jsonschema"
    m["cjs"] = median_of(repeat, lambda i: run(
        "check-jsonschema", [cjs, "--schemafile", str(ROOT / "schemas" / "listing.schema.json"), *manifests], repo, environment()))
    m["sch"] = median_of(repeat, lambda i: run(
        "listing-lint --select SCH", lint_cmd(".", "--select", "SCH", "--no-cache", jobs=jobs), repo, environment(tmp / "c-sch")))

    m["cold"] = pair.cold  # the interleaved pairs' median cold run; its cache (c-pair) serves the warm runs
    m["cold"].note = ""

    m.update(edits(repo, jobs, tmp, repeat))
    return m


def edits(repo: Path, jobs: int, tmp: Path, repeat: int) -> dict[str, Measure]:
    """The warm and pre-commit rows: a paragraph added to a page, then the run, with the cold run's
    cache (``tmp / "c-pair"``)."""
    m: dict[str, Measure] = {}

    def changed(key: str, bundle: str, locale: str, paragraphs: tuple[str, ...], files: list[str]):
        def once(i: int) -> Measure:
            page = repo / "listings" / bundle / "detail" / f"{locale}.html"
            old = edit(page, paragraphs[i % len(paragraphs)])
            try:
                return run(key, lint_cmd(*files, jobs=jobs), repo, environment(tmp / "c-pair"))
            finally:
                page.write_text(old, encoding="utf-8")
        return median_of(repeat, once)

    m["warm"] = changed("warm, one bundle changed", CHANGED, "es", SPANISH[3:], ["."])
    # pre-commit: the hook lints the staged files of one bundle. First the everyday edit (an English
    # paragraph on the English page), then edits that bring a finding: Spanish paragraphs on the
    # English page (the fast models reject them alone since session 14), and Catalan or Portuguese
    # ones on the Spanish page that only the accurate models settle.
    files = [f"listings/{PRECOMMIT}/listing.json", f"listings/{PRECOMMIT}/detail/en.html"]
    m["precommit"] = changed("pre-commit, one bundle, English edit", PRECOMMIT, "en", ENGLISH, files)
    m["precommit-finding"] = changed("pre-commit, one bundle, Spanish edit", PRECOMMIT, "en", SPANISH[:3], files)
    m["precommit-unsure"] = changed("pre-commit, Spanish edit the fast pass was unsure of", PRECOMMIT, "en",
                                    SPANISH_UNSURE, files)
    m["precommit-model"] = changed("pre-commit, neighbour-language edit on es.html (accurate model loads)", PRECOMMIT, "es",
                                   NEIGHBOUR_MODEL, [files[0], f"listings/{PRECOMMIT}/detail/es.html"])
    return m


def importtime(repo: Path) -> list[tuple[str, float, float]]:
    """(package, cumulative ms, self ms) of the top-level imports of a one-bundle run."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "listing_lint", "check", f"listings/{PRECOMMIT}", "--no-cache", "--as-of", AS_OF],
        cwd=repo, env=environment(), capture_output=True, text=True,
    )
    rows = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)", line)
        if m and len(m.group(3)) <= 1:
            rows.append((m.group(4), int(m.group(2)) / 1000, int(m.group(1)) / 1000))
    return sorted(rows, key=lambda r: -r[1])


# -- the report ----------------------------------------------------------------------------------------
def machine() -> str:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor()
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB, Linux {platform.release()}, "
            f"Python {platform.python_version()}; load average {load:.2f} when the run started")


def rules_present() -> str:
    """Rule counts per family of the measured code (the snapshot)."""
    script = ("from listing_lint import registry; import collections, json; "
              "print(json.dumps(collections.Counter(r.family for r in registry.all_rules())))")
    out = subprocess.run([sys.executable, "-c", script], env=environment(), capture_output=True, text=True, check=True)
    families = json.loads(out.stdout)
    return ", ".join(f"{f} {n}" for f, n in sorted(families.items())) + f" ({sum(families.values())} rules)"


def table(big: dict[str, Measure], small: dict[str, Measure], bundles: int, small_n: int, jobs: int) -> str:
    floor, cjs, cold = big["floor"].wall, big["cjs"].wall, big["cold"].wall
    pair: Paired = big["pair"]  # type: ignore[assignment]
    ratio_ok = pair.wall_ratio <= 1.5 and pair.cpu_ratio <= 1.5
    head = [
        f"| on {bundles} bundles ({CONTENT} content), --jobs {jobs}, interleaved | wall s | CPU s | peak PSS MiB | target | |",
        "|---|---:|---:|---:|---|---|",
        f"| work floor (reads, hashes, parses, blocks, py3langid on every block, 64×64 draft decodes, PDF page-1 text) "
        f"| {pair.floor.wall:.2f} | {pair.floor.cpu:.2f} | {pair.floor.pss_mib:.0f} | | |",
        f"| listing-lint, all rules, cold cache | {pair.cold.wall:.2f} | {pair.cold.cpu:.2f} | {pair.cold.pss_mib:.0f} "
        f"| ≤ 500 MiB | {'met' if pair.cold.pss_mib <= 500 else '**missed**'} |",
        f"| **cold ÷ work floor** | **{pair.wall_ratio:.2f}×** | **{pair.cpu_ratio:.2f}×** | | ≤ 1.5× (wall and CPU) "
        f"| {'met' if ratio_ok else '**missed**'} |",
        "",
        f"Pairs (cold/work floor): {pair.note}.",
        "",
    ]

    def row(key: str, what: str, target: str, ok: bool | None) -> str:
        x = big[key]
        verdict = "" if ok is None else ("met" if ok else "**missed**")
        return (f"| {what} | {x.wall:.2f} | {x.cpu:.2f} | {x.wall / floor:.2f}× | {x.wall / cjs:.2f}× | {x.pss_mib:.0f} | {target} | {verdict} |")

    lines = head + [
        f"| on {bundles} bundles, --jobs {jobs} | wall s | CPU s | wall ÷ floor | wall ÷ check-jsonschema | peak PSS MiB | target | |",
        "|---|---:|---:|---:|---:|---:|---|---|",
        row("floor", "parse floor (json + lxml + Pillow header, 1 process)", "", None),
        row("cjs", "check-jsonschema, listing.json only", "", None),
        row("sch", "listing-lint --select SCH --no-cache", "faster than check-jsonschema", big["sch"].wall < cjs),
        row("cold", "listing-lint, all rules, cold cache", "≤ 500 MiB", big["cold"].pss_mib <= 500),
        row("warm", "listing-lint, warm cache, one bundle changed", f"≤ 10% of cold ({0.1 * cold:.2f} s)", big["warm"].wall <= 0.1 * cold),
        row("precommit", "pre-commit on one bundle (2 files), English paragraph added to en.html", "≤ 0.8 s",
            big["precommit"].wall <= 0.8),
        row("precommit-finding", "the same, Spanish paragraph added to en.html (a LOC003 finding)", "≤ 0.8 s",
            big["precommit-finding"].wall <= 0.8),
        row("precommit-unsure", "the same, a Spanish paragraph session 13 confirmed with the accurate model", "≤ 0.8 s",
            big["precommit-unsure"].wall <= 0.8),
        row("precommit-model", "the same, a Catalan or Portuguese paragraph added to es.html that loads the accurate model", "≤ 0.8 s",
            big["precommit-model"].wall <= 0.8),
    ]
    spread = [f"{big[k].name}: {big[k].note}" for k in big if k != "pair" and big[k].note]
    if spread:
        lines += ["", "Each row is the median of repeated runs (wall s): " + "; ".join(spread) + "."]
    growth = [
        "",
        f"| growth | {small_n} bundles | {bundles} bundles | ratio (×{bundles // small_n} bundles) |",
        "|---|---:|---:|---:|",
        f"| work floor, CPU | {small['pair'].floor.cpu:.2f} s | {pair.floor.cpu:.2f} s | {pair.floor.cpu / small['pair'].floor.cpu:.1f}× |",
        f"| cold, all rules, CPU | {small['pair'].cold.cpu:.2f} s | {pair.cold.cpu:.2f} s | {pair.cold.cpu / small['pair'].cold.cpu:.1f}× |",
        f"| cold, peak PSS | {small['pair'].cold.pss_mib:.0f} MiB | {pair.cold.pss_mib:.0f} MiB | {pair.cold.pss_mib / small['pair'].cold.pss_mib:.1f}× |",
        f"| cold ÷ work floor, CPU | {small['pair'].cpu_ratio:.2f}× | {pair.cpu_ratio:.2f}× | |",
        f"| parse floor | {small['floor'].wall:.2f} s | {floor:.2f} s | {floor / small['floor'].wall:.1f}× |",
        f"| cold, all rules | {small['cold'].wall:.2f} s | {cold:.2f} s | {cold / small['cold'].wall:.1f}× |",
        f"| cold, per bundle (less start-up) | {1000 * (small['cold'].wall - big['precommit'].wall) / small_n:.1f} ms | "
        f"{1000 * (cold - big['precommit'].wall) / bundles:.1f} ms | |",
    ]
    return "\n".join(lines + growth)


def write_readme(text: str) -> None:
    readme = HERE / "README.md"
    body = readme.read_text(encoding="utf-8")
    start, end = "<!-- results:start -->", "<!-- results:end -->"
    if start in body and end in body:
        body = body[: body.index(start) + len(start)] + "\n" + text + "\n" + body[body.index(end):]
    else:
        body += f"\n{start}\n{text}\n{end}\n"
    readme.write_text(body, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundles", type=int, default=1000)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--repeat", type=int, default=3, help="runs per row; the median is reported (default 3)")
    parser.add_argument("--write-readme", action="store_true", help="put the tables into bench/README.md")
    parser.add_argument("--content", choices=("unique", "repeated"), default="unique", help="the generated repo's content (default unique)")
    parser.add_argument("--pair-only", action="store_true", help="only the interleaved work floor / cold pairs (for iterating)")
    parser.add_argument("--precommit-only", action="store_true", help="only the warm and pre-commit rows, after one cold run (for iterating)")
    args = parser.parse_args(argv)
    global CONTENT
    CONTENT = args.content
    started_machine = machine()
    big_repo, small_repo = ensure_repo(args.bundles), ensure_repo(args.small)
    global CODE
    with tempfile.TemporaryDirectory() as tmp:
        CODE = snapshot(Path(tmp))
        if args.precommit_only:
            # the cold run fills the cache the edits run with, as in the full suite
            run("cold, all rules", lint_cmd(".", jobs=args.jobs), big_repo, environment(Path(tmp) / "c-pair"))
            for key, x in edits(big_repo, args.jobs, Path(tmp), args.repeat).items():
                print(f"{key}: {x.wall:.2f} s wall, {x.cpu:.2f} s CPU ({x.note or 'one run'})")
            return 0
        if args.pair_only:
            pair = paired(big_repo, args.jobs, Path(tmp), args.repeat)
            print(f"{args.bundles} bundles ({CONTENT}), {started_machine}: cold ÷ work floor wall {pair.wall_ratio:.2f}×, "
                  f"CPU {pair.cpu_ratio:.2f}×; work floor {pair.floor.cpu:.2f} CPU s, cold {pair.cold.cpu:.2f} CPU s, "
                  f"peak PSS {pair.cold.pss_mib:.0f} MiB (floor {pair.floor.pss_mib:.0f}); pairs: {pair.note}")
            return 0
        # compile the bytecode once (as an installed package has it) and read the repo into the page cache
        subprocess.run(lint_cmd(f"listings/{PRECOMMIT}", "--no-cache", jobs=1), cwd=big_repo, env=environment(),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f"{args.small} bundles:", file=sys.stderr)
        small = {
            "pair": paired(small_repo, args.jobs, Path(tmp), args.repeat, tag="-small"),
            "floor": median_of(args.repeat, lambda i: run("parse floor", [sys.executable, str(HERE / "floor.py"), "."], small_repo, environment())),
            "cold": median_of(args.repeat, lambda i: run("cold, all rules", lint_cmd(".", jobs=args.jobs), small_repo,
                                                         environment(Path(tmp) / f"small-{i}"))),
        }
        print(f"{args.bundles} bundles:", file=sys.stderr)
        big = full_suite(big_repo, args.jobs, Path(tmp), args.repeat)
        imports = importtime(big_repo)
        present = rules_present()
    files = sum(1 for p in big_repo.rglob("*") if p.is_file() and p.name != ".bench-generated")
    text = "\n".join([
        f"Measured {time.strftime('%Y-%m-%d')} on {started_machine}.",
        f"Repo: {args.bundles} bundles, {files} files (bench/generate.py). Rules present: {present}.",
        "",
        table(big, small, args.bundles, args.small, args.jobs),
        "",
        "Start-up of a one-bundle run, `python -X importtime` (top-level imports, cumulative):",
        "",
        "| module | cumulative ms | self ms |",
        "|---|---:|---:|",
        *[f"| {name} | {cum:.1f} | {own:.1f} |" for name, cum, own in imports[:15]],
    ])
    print(text)
    if args.write_readme:
        write_readme(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
