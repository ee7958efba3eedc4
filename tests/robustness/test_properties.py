"""Property-based fuzzing with hypothesis, bounded for CI.

The same structure-aware mutations as ``fuzz/fuzz_bundle.py`` (``mutations.py``), drawn by
hypothesis so that a failure shrinks to the fewest, smallest edits. The properties (``harness``):
linting and every reporter never raise; every output is valid in its format; every bundle is in
the result; the canary outside the repo never shows; and no rule crashes (LNT003).

``LISTING_LINT_FUZZ_EXAMPLES`` sets the number of examples (default 25: a CI-sized pass; the
long runs are the atheris target's job).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harness import base_case, check_case
from mutations import HypothesisChooser, mutate

EXAMPLES = int(os.environ.get("LISTING_LINT_FUZZ_EXAMPLES", "25"))
BOUNDED = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("CI") is not None,  # CI: the same examples on every run
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


def _check(data, rounds: int, skip=("html",)):
    ch = HypothesisChooser(data)
    case = base_case()
    steps = mutate(case, ch, rounds)
    work = Path(tempfile.mkdtemp(prefix="listing-lint-prop-"))
    try:
        outcome = check_case(work, case, skip=skip)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    note = json.dumps(steps, ensure_ascii=True)
    assert outcome.problems == [], note
    assert outcome.rule_crashes == [], note
    return outcome


@BOUNDED
@given(data=st.data(), rounds=st.integers(1, 3))
def test_mutated_repo_lints_cleanly(data, rounds):
    _check(data, rounds)


@settings(BOUNDED, max_examples=max(3, EXAMPLES // 5))
@given(data=st.data())
def test_mutated_repo_renders_html_report(data):
    outcome = _check(data, 2, skip=())
    assert "html" in outcome.outputs


def test_the_base_case_is_clean_of_crashes(tmp_path):
    """The unmutated base case: every format renders, both bundles appear, nothing crashes."""
    outcome = check_case(tmp_path, base_case(), skip=())
    assert outcome.problems == [] and outcome.rule_crashes == []
    doc = json.loads(outcome.outputs["json"])
    assert doc["summary"]["bundles"] == 2


# Inputs the fuzzer found crashing a rule or the loader (fixed); kept as fixed examples.
FOUND = [
    ("/certificates/0/scheme", {"html": "<p>x</p>"}),  # CMP001-CMP013: unhashable dict in a set lookup
    ("/certificates/0/models", 1e300),  # SCH008: a number where a list was iterated
    ("/experiments/0/variants", 1e300),  # Bundle.references: the same, in the loader (engine crash)
    ("/media/0/poster", "a\nb"),  # a newline in a message broke the text report's lines
    ("/title/en", "\udfff\ud800"),  # lone surrogates in messages: reports must still be writable
    ("/media/1/alt", {"html": "<p>x</p>"}),  # LOC003: lingua knows no language "html" (and panics on none)
    ("/id", "media/\nscene.png"),  # the text report's "A/B readiness: <id>" heading split in two
    ("/id", "a\x0bb"),  # JUnit: a control character in a bundle id made the XML ill-formed
    ("/detail_pages", {"e&n": {"html": "<p>A 20 inch hose reel</p>"}}),  # LOC013: Babel refused the locale "e&n"
]


@pytest.mark.parametrize("ptr,value", FOUND, ids=[p for p, _ in FOUND])
def test_inputs_the_fuzzer_found(tmp_path, ptr, value):
    from harness import BUNDLE, dumps, listing

    doc = listing()
    node = doc
    *parents, last = [int(t) if t.isdigit() else t for t in ptr.split("/")[1:]]
    for token in parents:
        node = node[token]
    node[last] = value
    case = base_case()
    case.files[f"{BUNDLE}/listing.json"] = dumps(doc)
    outcome = check_case(tmp_path, case, skip=())
    assert outcome.problems == [] and outcome.rule_crashes == []
