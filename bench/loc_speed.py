"""How much the LOC family costs per detail page once started (docs/langid.md, "Speed").

    python bench/loc_speed.py [--bundles 20] [--detector lingua]

Builds a correct four-locale bundle (tests/rules/localization/loc_pages.py), or with
``--broken`` one with an English paragraph left in the Spanish page, lints it once to start up, then lints them
``--bundles`` times with the verdict cache emptied before each run (so every block is judged
again; detectors stay loaded, as in one pre-commit process) and prints milliseconds per page.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "rules" / "localization")]

from builder import BundleBuilder, lint  # noqa: E402
from loc_pages import EN, ES, full  # noqa: E402


def make(repo: Path, broken: bool) -> Path:
    english = "<p>Schedule lamps, heaters and coffee makers from the app, or by voice with Alexa and Google Home.</p>"
    es = ES.replace(ES.splitlines()[4], english) if broken else ES
    full(BundleBuilder(repo), es=es).write()
    return repo


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundles", type=int, default=20)
    parser.add_argument("--detector", default="lingua")
    parser.add_argument("--broken", action="store_true", help="an English paragraph in the Spanish page")
    args = parser.parse_args()
    from listing_lint.langid import judge

    for broken in (args.broken,):
        repo = make(Path(tempfile.mkdtemp()), broken)
        started = time.perf_counter()
        first = lint(repo, select="LOC", language_detector=args.detector)
        startup = time.perf_counter() - started
        base = time.perf_counter()
        for _ in range(args.bundles):
            lint(repo, select="SCH001")
        engine = (time.perf_counter() - base) / args.bundles
        total = 0.0
        for _ in range(args.bundles):
            judge._judges.clear()
            t = time.perf_counter()
            lint(repo, select="LOC", language_detector=args.detector)
            total += time.perf_counter() - t
        per_bundle = total / args.bundles
        label = "English paragraph in es" if broken else "correct"
        print(f"{label}: first run {startup * 1000:.0f} ms ({len(first)} findings); then "
              f"{per_bundle * 1000:.1f} ms per bundle, {(per_bundle - engine) / 4 * 1000:.1f} ms per page for LOC "
              f"(engine alone {engine * 1000:.1f} ms per bundle)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
