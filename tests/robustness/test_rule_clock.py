"""The rule budget's one timer per bundle (listing_lint/alarm.py): each rule still has its own
``rule-timeout`` seconds, counted from its own start, though the timer is set once per bundle.

Rules here run for real (busy loops, a real decode clock); ``signal.setitimer`` is only counted.
"""

from __future__ import annotations

import signal
import time

import pytest

from harness import BUNDLE, base_case, lint_repo, write_case

from listing_lint import registry
from listing_lint.api import Rule, Severity
from listing_lint.media.budget import Deadline

MANIFEST = f"{BUNDLE}/listing.json"
seen: dict = {}


def _busy(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def _slow(bundle, ctx):
    """Within its budget (0.7 of 1 s), and so is the next one: together they outlast the timer
    the first of them set, which must not stop the second."""
    _busy(0.7)
    return ()


def _runaway(bundle, ctx):
    seen.setdefault("runaway_started", []).append(time.monotonic())
    try:
        while True:
            pass
    finally:
        seen.setdefault("runaway_stopped", []).append(time.monotonic())
    yield  # pragma: no cover


def _decode_clock(bundle, ctx):
    """A decode clock of 1 s inside a rule that starts 1.2 s after the bundle's timer was set (for a
    2 s budget): the rule has 2 s left, so the clock must stop the block itself at 1 s."""
    with Deadline(1.0) as clock:
        _busy(3.0)
    seen.setdefault("clock_expired", []).append(clock.expired)
    return ()


def _first_slow(bundle, ctx):
    _busy(1.2)
    return ()


def _fake(code: str, fn) -> Rule:
    return Rule(code=code, name=f"clock-{code.lower()}", severity=Severity.ERROR, summary="clock test",
                doc="", check=fn, module=__name__)


@pytest.fixture
def fake_rules(monkeypatch):
    real = registry.all_rules()
    fakes = (_fake("ZZZ911", _slow), _fake("ZZZ912", _slow), _fake("ZZZ913", _runaway),
             _fake("ZZZ921", _first_slow), _fake("ZZZ922", _decode_clock))
    monkeypatch.setattr(registry, "all_rules", lambda: tuple(sorted(real + fakes, key=lambda r: r.code)))
    seen.clear()
    yield
    seen.clear()


def _lnt003(result) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in result.findings:
        if f.code == "LNT003":
            out.setdefault(f.path, set()).add(f.message.split()[1])
    return out


def test_each_rule_keeps_its_own_budget_under_the_bundles_one_timer(work, fake_rules):
    repo = write_case(work, base_case())
    result = lint_repo(repo, select=["ZZZ911", "ZZZ912", "ZZZ913"], rule_timeout=1)
    # the two slow rules (1.4 s together, 0.7 s each) are not stopped; the runaway one is, in each bundle
    assert _lnt003(result) == {MANIFEST: {"ZZZ913"}, "listings/reel.listing.json": {"ZZZ913"}}
    for started, stopped in zip(seen["runaway_started"], seen["runaway_stopped"]):
        assert 0.95 <= stopped - started < 1.5  # its own second, not what the timer had left


def test_a_decode_clock_inside_a_later_rule_sees_the_rules_own_time_left(work, fake_rules):
    repo = write_case(work, base_case())
    result = lint_repo(repo, select=["ZZZ921", "ZZZ922"], rule_timeout=2)
    assert seen["clock_expired"] == [True, True]  # stopped by the decode clock, in both bundles
    assert _lnt003(result) == {}  # not by the rule budget


def test_the_timer_is_set_once_per_bundle_not_twice_per_rule(work, monkeypatch):
    repo = write_case(work, base_case())
    calls = []
    real = signal.setitimer

    def counted(which, seconds, interval=0.0):
        calls.append(seconds)
        return real(which, seconds, interval)

    monkeypatch.setattr(signal, "setitimer", counted)
    # rules without a decode or search clock of their own (MED's probes and CMP001's search set theirs)
    result = lint_repo(repo, select=["SCH", "LOC"], rule_timeout=30)
    chosen = [r for r in registry.all_rules() if r.code.startswith(("SCH", "LOC"))]
    store_rules = len([r for r in chosen if r.check_repo is not None])  # the store-level pass: a timer each
    assert len(chosen) > 20 and not _lnt003(result)
    # per bundle (2): set once for its rules and cleared once, and its suppressions' budget set and
    # cleared; two calls a rule before (over 80 here)
    assert len(calls) <= 2 * 4 + 2 * store_rules, calls
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0  # nothing left set after the run
