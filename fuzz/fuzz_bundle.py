"""Long-running fuzz target: random and structure-aware mutations of a whole listing repo.

    python fuzz/fuzz_bundle.py -runs=100000 -timeout=120 -rss_limit_mb=8192 fuzz/corpus

(atheris/libFuzzer flags; see fuzz/README.md). Every input is turned, through
``tests/robustness/mutations.py``, into a repo on disk (a complete folder bundle and a single-file
bundle with listing.json values, HTML, images, videos, PDFs, symlinks, FIFOs and devices mutated),
linted in-process with every registered rule and rendered by every reporter. A failure is an
exception from the engine or a reporter (the CLI would exit 2), malformed output, a lost bundle,
or the canary of a file outside the repo showing up in any output. A rule that raises is isolated
as LNT003 by the engine; those are logged to ``fuzz/out/rule-crashes.jsonl`` (one line per new
rule/error pair, with the input saved beside it) and the run goes on — pass ``--strict`` to stop
on them instead.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "robustness"))

STRICT = "--strict" in sys.argv
if STRICT:
    sys.argv.remove("--strict")
SELECT = None  # --select=SCH,MED: lint with those rules only (default: every rule)
for _arg in list(sys.argv):
    if _arg.startswith("--select="):
        SELECT = [c for c in _arg.split("=", 1)[1].split(",") if c]
        sys.argv.remove(_arg)

# Coverage feedback from the loader, engine, suppression and reporters (what every case goes
# through); rule modules run uninstrumented, which keeps a case at tens of milliseconds.
with atheris.instrument_imports(include=["listing_lint.bundle", "listing_lint.engine", "listing_lint.suppression",
                                         "listing_lint.reporters"]):
    import harness
    import mutations
    from listing_lint import registry
    from listing_lint.reporters import REPORTERS

    for _name in REPORTERS:
        try:
            __import__(REPORTERS[_name])
        except ImportError:
            pass
registry.all_rules()

OUT = HERE / "out"
WORK = Path(tempfile.mkdtemp(prefix="listing-lint-fuzz-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
atexit.register(shutil.rmtree, WORK, True)
SEEN: set[str] = set()
COUNT = {"cases": 0, "crashes": 0, "started": time.time()}


class FdpChooser:
    def __init__(self, fdp: atheris.FuzzedDataProvider):
        self.fdp = fdp

    def int(self, lo: int, hi: int) -> int:
        return self.fdp.ConsumeIntInRange(lo, hi)

    def bytes(self, max_len: int) -> bytes:
        return self.fdp.ConsumeBytes(self.fdp.ConsumeIntInRange(0, max_len))


def _log_rule_crashes(crashes: list[str], steps: list[str], data: bytes) -> None:
    new = []
    for message in crashes:
        key = message.split(": ", 1)[-1].split(" raised ")[0] + "|" + message.split(" raised ", 1)[-1].split(":")[0]
        if key not in SEEN:
            SEEN.add(key)
            new.append(message)
    if not new:
        return
    COUNT["crashes"] += len(new)
    OUT.mkdir(exist_ok=True)
    name = "rule-crash-" + hashlib.sha1(data).hexdigest()
    (OUT / name).write_bytes(data)
    with open(OUT / "rule-crashes.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"pid": os.getpid(), "input": name, "steps": steps, "lnt003": new}, ensure_ascii=True) + "\n")


def _progress() -> None:
    if COUNT["cases"] % 500 == 0:
        OUT.mkdir(exist_ok=True)
        rate = COUNT["cases"] / max(time.time() - COUNT["started"], 1e-9)
        line = {"pid": os.getpid(), "select": SELECT or "ALL", "cases": COUNT["cases"], "per_s": round(rate, 1), "new_rule_crashes": COUNT["crashes"],
                "rules": len(registry.all_rules())}
        with open(OUT / "progress.jsonl", "a", encoding="utf-8") as fh:
            fh.write(json.dumps(line) + "\n")


def TestOneInput(data: bytes) -> None:
    ch = FdpChooser(atheris.FuzzedDataProvider(data))
    case = harness.base_case()
    skip = () if ch.int(0, 9) == 0 else ("html",)  # the HTML report costs more than linting: render it on 1 case in 10
    steps = mutations.mutate(case, ch, ch.int(1, 4))
    try:
        outcome = harness.check_case(WORK, case, select=SELECT, skip=skip)
    except Exception:
        sys.stderr.write("steps: " + json.dumps(steps, ensure_ascii=True) + "\n")
        raise
    COUNT["cases"] += 1
    _progress()
    if outcome.problems:
        raise AssertionError(json.dumps({"problems": outcome.problems, "steps": steps}, ensure_ascii=True))
    if outcome.rule_crashes:
        if STRICT:
            raise AssertionError(json.dumps({"rule_crashes": outcome.rule_crashes, "steps": steps}, ensure_ascii=True))
        _log_rule_crashes(outcome.rule_crashes, steps, data)


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
