"""Four shards of the bench repo, merged, against one run: the reports must be equal.

    python bench/shards.py [--bundles 1000] [--shards 4] [--write-readme]

Runs ``listing-lint check . --shard K/N`` for every K (as N jobs of a CI matrix would, each from an
empty cache), ``listing-lint merge`` over their reports, and one unsharded run, in JSON and in
SARIF, all rules, ``--as-of`` pinned. Prints whether each merged report equals the single run's
document exactly, how the bundles spread over the shards, and the slowest shard's wall time
against the single run's (what a matrix of N machines would wait for).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import AS_OF, HERE, ensure_repo, environment

START, END = "<!-- shards:start -->", "<!-- shards:end -->"


def check(repo: Path, out: Path, fmt: str, cache: Path, *extra: str) -> float:
    cmd = [sys.executable, "-m", "listing_lint", "check", ".", "--as-of", AS_OF, "--format", fmt,
           "--output", str(out), "--exit-zero", *extra]
    started = time.perf_counter()
    subprocess.run(cmd, cwd=repo, env=environment(cache), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def merge(reports: list[Path], out: Path) -> None:
    cmd = [sys.executable, "-m", "listing_lint", "merge", "--exit-zero", "--output", str(out), *map(str, reports)]
    subprocess.run(cmd, env=environment(), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundles", type=int, default=1000)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args(argv)
    repo = ensure_repo(args.bundles)
    lines = [f"{args.shards} shards of the {args.bundles}-bundle bench repo, all rules, each shard from an empty cache:", ""]
    lines += ["| format | single run s | slowest shard s | bundles per shard | merged == single |", "|---|---:|---:|---|---|"]
    all_equal = True
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        for fmt in ("json", "sarif"):
            single = t / f"single.{fmt}"
            single_s = check(repo, single, fmt, t / f"c-single-{fmt}")
            shards, times = [], []
            for k in range(1, args.shards + 1):
                out = t / f"shard-{k}.{fmt}"
                times.append(check(repo, out, fmt, t / f"c-{fmt}-{k}", "--shard", f"{k}/{args.shards}"))
                shards.append(out)
            merged = t / f"merged.{fmt}"
            merge(shards, merged)
            equal = json.loads(merged.read_text(encoding="utf-8")) == json.loads(single.read_text(encoding="utf-8"))
            all_equal &= equal
            if fmt == "json":
                spread = [json.loads(s.read_text(encoding="utf-8"))["summary"]["bundles"] for s in shards]
            else:
                spread = ["-"]
            lines.append(f"| {fmt} | {single_s:.2f} | {max(times):.2f} | {', '.join(map(str, spread))} | {'yes' if equal else '**no**'} |")
            print(lines[-1], file=sys.stderr)
    text = "\n".join(lines)
    print(text)
    if args.write_readme:
        readme = HERE / "README.md"
        body = readme.read_text(encoding="utf-8")
        if START in body and END in body:
            body = body[: body.index(START) + len(START)] + "\n" + text + "\n" + body[body.index(END):]
        else:
            body += f"\n## Shards\n\n`python bench/shards.py --write-readme`\n\n{START}\n{text}\n{END}\n"
        readme.write_text(body, encoding="utf-8")
    return 0 if all_equal else 1


if __name__ == "__main__":
    sys.exit(main())
