"""Resource limits: per-file size caps, parse depth caps, and the per-rule time budget (also in workers)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness import BUNDLE, base_case, dumps, lint_repo, listing, write_case
from lintrun import lint_cli, lint_findings

from listing_lint import registry
from listing_lint.api import Rule, Severity
from listing_lint.parallel import SERIAL_BELOW, make_mapper

MANIFEST = f"{BUNDLE}/listing.json"


# -- size caps ---------------------------------------------------------------------------------------
def test_max_text_bytes_is_configurable(work):
    repo = write_case(work, base_case())
    (repo / "listing-lint.toml").write_text("max-text-bytes = 2000\n", encoding="utf-8")
    assert (MANIFEST, 1, "SCH001") in lint_findings(repo, "--select", "SCH001")
    _, text, _ = lint_cli(repo, "--select", "SCH001")
    assert "over the 2,000-byte limit" in text


def test_max_media_bytes_caps_what_an_image_probe_decodes(work):
    repo = write_case(work, base_case())
    decoded = lint_findings(repo, "--select", "MED004")
    assert decoded  # the base case's images are small: MED004 reads their size
    (repo / "listing-lint.toml").write_text("max-media-bytes = 100\n", encoding="utf-8")
    assert lint_findings(repo, "--select", "MED004") == []  # over the cap: never decoded, so no size to judge


def test_json_depth_cap_reports_the_first_bracket_too_deep(work):
    case = base_case()
    doc = listing()
    nested: list = []
    for _ in range(250):
        nested = [nested]
    doc["product_groups"] = nested
    case.files[MANIFEST] = dumps(doc)
    repo = write_case(work, case)
    found = lint_findings(repo, "--select", "SCH001")
    assert len(found) == 1 and found[0][0] == MANIFEST and found[0][2] == "SCH001"
    _, text, _ = lint_cli(repo, "--select", "SCH001")
    assert "nested deeper than 200 levels" in text


# -- the time budget --------------------------------------------------------------------------------
def _runaway(bundle, ctx):
    while True:
        pass
    yield  # pragma: no cover - a generator, like every rule


def _swallower(bundle, ctx):
    """A rule that catches everything around its (endless) work, as a careless decoder wrapper does."""
    while True:
        try:
            sum(range(10_000))
        except Exception:  # noqa: BLE001
            pass
    yield  # pragma: no cover


def _fake(code: str, fn) -> Rule:
    return Rule(code=code, name=f"runaway-{code.lower()}", severity=Severity.ERROR, summary="never ends",
                doc="", check=fn, module=__name__)


@pytest.fixture
def runaway_rules(monkeypatch):
    """The real rules plus two that never end (forked workers inherit the patched registry)."""
    real = registry.all_rules()
    fakes = (_fake("ZZZ901", _runaway), _fake("ZZZ902", _swallower))
    monkeypatch.setattr(registry, "all_rules", lambda: tuple(sorted(real + fakes, key=lambda r: r.code)))
    return fakes


def _repo_with_bundles(work: Path, count: int) -> Path:
    case = base_case()
    for i in range(count - 2):
        doc = json.loads(case.files["listings/reel.listing.json"])
        doc["id"] = f"reel-{i}"
        case.files[f"listings/reel-{i}.listing.json"] = dumps(doc)
    return write_case(work, case)


def _timeouts(result) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in result.findings:
        if f.code == "LNT003":
            assert "took longer than 1 s and was stopped" in f.message, f.message
            out.setdefault(f.path, set()).add(f.message.split()[1])
    return out


def test_runaway_rule_becomes_lnt003_in_process(work, runaway_rules):
    repo = _repo_with_bundles(work, 2)
    result = lint_repo(repo, select=["ZZZ", "SCH001"], rule_timeout=1)
    assert _timeouts(result) == {MANIFEST: {"ZZZ901", "ZZZ902"}, "listings/reel.listing.json": {"ZZZ901", "ZZZ902"}}


def test_runaway_rule_becomes_lnt003_off_the_main_thread(work, runaway_rules):
    """The language server lints on a worker thread, where SIGALRM cannot reach: a watch thread
    stops the rule instead, and the thread goes on with the next rule and the next bundle."""
    import threading

    repo = _repo_with_bundles(work, 2)
    box = {}
    worker = threading.Thread(target=lambda: box.setdefault("result", lint_repo(repo, select=["ZZZ", "SCH001"], rule_timeout=1)), daemon=True)
    worker.start()
    worker.join(30)
    assert not worker.is_alive(), "the runaway rules were not stopped off the main thread"
    assert _timeouts(box["result"]) == {MANIFEST: {"ZZZ901", "ZZZ902"}, "listings/reel.listing.json": {"ZZZ901", "ZZZ902"}}


def test_a_rule_that_ends_in_time_off_the_main_thread_is_not_stopped_later(work):
    """The timer is disarmed when the rule ends: nothing is raised into the thread afterwards."""
    import threading
    import time

    repo = _repo_with_bundles(work, 2)
    box = {}

    def lint_then_wait():
        box["result"] = lint_repo(repo, select=["SCH001"], rule_timeout=1)
        time.sleep(1.5)  # past the budget of every rule above: a stray RuleTimeout would end this thread with an error
        box["done"] = True

    worker = threading.Thread(target=lint_then_wait, daemon=True)
    worker.start()
    worker.join(30)
    assert box.get("done") and not [f for f in box["result"].findings if f.code == "LNT003"]


def test_runaway_rule_becomes_lnt003_in_worker_processes(work, runaway_rules):
    """With enough bundles the engine forks a pool; SIGALRM still fires in each worker's main thread."""
    import os

    from listing_lint.config import Config
    from listing_lint.engine import make_settings, run

    count = SERIAL_BELOW
    repo = _repo_with_bundles(work, count)
    config = Config(values={"select": ["ZZZ901"], "rule-timeout": 1, "cache": False}, root=repo)
    old = os.getcwd()
    os.chdir(repo)
    try:
        settings = make_settings(config, ["."], repo, None)
        worker_pids: list[int] = []
        mapper = make_mapper(2, use_cache=False)

        def spy(fn, manifests, settings):
            def in_worker(manifest, settings):
                result = fn(manifest, settings)
                result.findings.append(result.findings[0].__class__(**{**result.findings[0].__dict__, "code": "PID",
                                                                        "message": str(os.getpid())}))
                return result

            return mapper(in_worker, manifests, settings)

        result = run(settings, ["."], spy)
    finally:
        os.chdir(old)
    pids = {f.message for f in result.findings if f.code == "PID"}
    assert str(os.getpid()) not in pids and len(pids) >= 1  # linted in forked workers, not here
    stopped = {f.path for f in result.findings if f.code == "LNT003" and "took longer than 1 s" in f.message}
    assert len(stopped) == count


class _Panic(BaseException):
    """What pyo3 raises for a Rust panic in a binding (pyo3_runtime.PanicException): not an Exception."""


def _panicking(bundle, ctx):
    raise _Panic("LanguageDetector needs at least 1 language to choose from")
    yield  # pragma: no cover


def test_a_panic_in_a_binding_becomes_lnt003(work, monkeypatch):
    real = registry.all_rules()
    monkeypatch.setattr(registry, "all_rules", lambda: tuple(sorted(real + (_fake("ZZZ903", _panicking),),
                                                                   key=lambda r: r.code)))
    repo = _repo_with_bundles(work, 2)
    result = lint_repo(repo, select=["ZZZ903"])
    messages = [f.message for f in result.findings if f.code == "LNT003"]
    assert len(messages) == 2 and all("raised _Panic: LanguageDetector needs" in m for m in messages)


def test_one_watch_thread_guards_every_rule_off_the_main_thread(work):
    """The budget off the main thread is one watchdog thread for all rules and lints, not a timer
    thread per rule (0.15 ms each: 11 ms per language-server lint)."""
    import threading

    from listing_lint import engine

    repo = _repo_with_bundles(work, 2)
    before = threading.active_count()
    box: dict = {}
    worker = threading.Thread(target=lambda: box.setdefault("result", lint_repo(repo, rule_timeout=5)), daemon=True)
    worker.start()
    worker.join(120)
    assert "result" in box and not worker.is_alive()
    watch = [t for t in threading.enumerate() if t.name == "listing-lint rule budget"]
    assert len(watch) == 1 and threading.active_count() <= before + 1
    assert engine._watchdog._armed == {}  # every rule disarmed its budget
