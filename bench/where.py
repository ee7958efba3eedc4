"""Where a cold lint's time and memory go: per rule, per stage (module group), and what grows.

    python bench/where.py REPO [--bundles 100] [--memory | --plain] [--top 25] [--dump FILE]

Lints the first ``--bundles`` bundles of REPO in this process (``--jobs 1``, no result cache,
the memo on disk in an empty temporary folder, as in a cold worker) and prints

* **per rule**: CPU time inside each rule's ``check`` (``engine.run_rule`` wrapped with
  ``time.process_time``). Work that rules share lazily (a page's parse, a picture's probe) is
  charged to the first rule that asks for it; the stage table says what that work is;
* **per stage**: cProfile's own time (``tottime``) of every function, summed by where the function
  lives: a listing_lint module (``rules.localization.loc003``, ``langid.judge``, ``media.phash``)
  or a library (``lingua``, ``PIL``, ``pypdf``, ``lxml``), or a C function by name (``C: ...``). The
  profiler inflates Python-heavy code about twofold: read the shares, not the seconds;
* with ``--memory``: tracemalloc snapshots after 10 % and after 100 % of the bundles, and the
  allocation sites that grew most between them (what keeps growing with the number of bundles),
  plus the sizes of the process-wide caches (memo, language verdicts, lru_caches);
* with ``--plain``: the per-rule table only, without the profiler (its real proportions); with
  ``--dump FILE``: cProfile's statistics written to FILE as well (``pstats``).
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import gc
import os
import pstats
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
AS_OF = "2026-11-25"


def group_of(filename: str, name: str = "") -> str:
    if filename.startswith("~") or filename.startswith("<"):
        return "C: " + name.replace("<built-in method ", "").replace("<method ", "").rstrip(">")[:70]
    parts = Path(filename).parts
    if "listing_lint" in parts:
        i = len(parts) - 1 - parts[::-1].index("listing_lint")
        mod = ".".join(parts[i + 1:]).removesuffix(".py")
        return mod.removesuffix(".__init__")
    if "site-packages" in parts:
        i = parts.index("site-packages")
        return parts[i + 1].removesuffix(".py") if i + 1 < len(parts) else "site-packages"
    return "stdlib: " + Path(filename).stem


def cache_sizes() -> dict[str, int]:
    """Entries in the process-wide stores that may grow with the content seen."""
    from listing_lint import memo

    out = {"memo (in memory)": len(memo._memory), "memo digests": len(memo._digests)}
    judge = sys.modules.get("listing_lint.langid.judge")
    if judge is not None:
        for name, j in judge._judges.items():
            out[f"judge verdicts ({name})"] = len(j._verdicts)
    for mod_name, mod in list(sys.modules.items()):
        if not mod_name.startswith("listing_lint"):
            continue
        for attr, value in list(vars(mod).items()):
            info = getattr(value, "cache_info", None)
            if callable(info) and getattr(value, "__module__", None) == mod_name:
                try:
                    size = info().currsize
                except TypeError:
                    continue
                if size > 50:
                    out[f"{mod_name}.{attr} (lru_cache)"] = size
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", type=Path)
    parser.add_argument("--bundles", type=int, default=100)
    parser.add_argument("--memory", action="store_true", help="tracemalloc growth instead of cProfile")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--plain", action="store_true", help="per-rule CPU only, without the profiler (its real shares)")
    parser.add_argument("--dump", type=Path, help="also write cProfile's stats to this file (pstats)")
    parser.add_argument("--preload", action="store_true",
                        help="run the rules' prepare hooks first, as a cold run of many bundles does before it forks "
                             "(else the accurate models a run meets load inside the measurement)")
    args = parser.parse_args(argv)

    from listing_lint import engine, memo
    from listing_lint.config import load_config

    if args.dump:
        args.dump = args.dump.resolve()
    os.chdir(args.repo)
    folders = sorted(Path("listings").iterdir())[: args.bundles]
    config = load_config(Path.cwd()).with_overrides(cache=False)
    from datetime import date

    settings = engine.make_settings(config, [str(f) for f in folders], Path.cwd(), date.fromisoformat(AS_OF))
    manifests = [f / "listing.json" for f in folders]
    import tempfile

    memo.configure(Path(tempfile.mkdtemp(prefix="where-memo-")))  # a cold run's memo: empty, on disk

    per_rule: collections.Counter = collections.Counter()
    real_run_rule = engine.run_rule

    def timed_run_rule(rule, ctx, target, timeout):
        t = time.process_time()
        try:
            return real_run_rule(rule, ctx, target, timeout)
        finally:
            per_rule[rule.code] += time.process_time() - t

    engine.run_rule = timed_run_rule
    if args.preload:
        from listing_lint.parallel import _prepare

        _prepare(settings, 1000)  # the rules' prepare hooks, as before a 1,000-bundle run forks
    for m in manifests[:1]:  # imports and model loads happen here, outside the measurement
        engine.lint_bundle(m, settings)
    per_rule.clear()

    if args.memory:
        import tracemalloc

        tracemalloc.start(8)
        tenth = max(1, len(manifests) // 10)
        for m in manifests[1:tenth]:
            engine.lint_bundle(m, settings)
        gc.collect()
        first = tracemalloc.take_snapshot()
        sizes_first = cache_sizes()
        for m in manifests[tenth:]:
            engine.lint_bundle(m, settings)
        gc.collect()
        last = tracemalloc.take_snapshot()
        sizes_last = cache_sizes()
        print(f"traced memory after {tenth} bundles -> after {len(manifests)}: "
              f"{sum(s.size for s in first.statistics('filename')) / 2**20:.1f} -> "
              f"{sum(s.size for s in last.statistics('filename')) / 2**20:.1f} MiB")
        print("\n| grew most (allocation site) | MiB more | blocks more |\n|---|---:|---:|")
        for stat in last.compare_to(first, "lineno")[: args.top]:
            frame = stat.traceback[0]
            print(f"| {Path(frame.filename).name}:{frame.lineno} | {stat.size_diff / 2**20:.2f} | {stat.count_diff} |")
        print("\n| process-wide store | entries at 10 % | at 100 % |\n|---|---:|---:|")
        for name in sorted(set(sizes_first) | set(sizes_last)):
            print(f"| {name} | {sizes_first.get(name, 0)} | {sizes_last.get(name, 0)} |")
        return 0

    n = len(manifests) - 1
    if args.plain:
        cpu = time.process_time()
        for m in manifests[1:]:
            engine.lint_bundle(m, settings)
        cpu = time.process_time() - cpu
        rules_total = sum(per_rule.values())
        print(f"{n} bundles, {cpu:.2f} CPU s unprofiled ({1000 * cpu / n:.1f} ms per bundle; rules {1000 * rules_total / n:.1f})\n")
        print("| rule (CPU inside check, unprofiled) | ms per bundle | share of rule time |\n|---|---:|---:|")
        for code, t in per_rule.most_common(args.top):
            print(f"| {code} | {1000 * t / n:.2f} | {100 * t / rules_total:.1f} % |")
        return 0
    profiler = cProfile.Profile()
    cpu = time.process_time()
    profiler.enable()
    for m in manifests[1:]:
        engine.lint_bundle(m, settings)
    profiler.disable()
    cpu = time.process_time() - cpu
    stats = pstats.Stats(profiler)
    if args.dump:
        stats.dump_stats(args.dump)
    by_group: collections.Counter = collections.Counter()
    for (filename, _line, name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        by_group[group_of(filename, name)] += tottime
    total = sum(by_group.values())
    print(f"{n} bundles, {cpu:.2f} CPU s under the profiler ({1000 * cpu / n:.1f} ms per bundle)\n")
    print("| stage (where the code lives) | share of own time | ms per bundle (profiled) |\n|---|---:|---:|")
    for group, t in by_group.most_common(args.top):
        print(f"| {group} | {100 * t / total:.1f} % | {1000 * t / n:.2f} |")
    rules_total = sum(per_rule.values())
    print(f"\n| rule (CPU inside check, profiled) | ms per bundle | share of rule time |\n|---|---:|---:|")
    for code, t in per_rule.most_common(args.top):
        print(f"| {code} | {1000 * t / n:.2f} | {100 * t / rules_total:.1f} % |")
    print(f"\nrules together: {1000 * rules_total / n:.1f} ms per bundle of {1000 * cpu / n:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
