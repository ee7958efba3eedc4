"""Every rule's docstring examples run (pycodestyle's way): each ``Fails:`` example, applied to the clean
base bundle, reports that rule's code and nothing else; each ``Passes:`` example reports nothing.

The notation is in ``tests/rule_examples.py`` (and docs/rules.md). Built-in rules always take part;
a plugin's rule opts in with ``EXAMPLES_RUN = True`` in its module.
"""

from __future__ import annotations

import dataclasses
import importlib

import pytest
from rule_examples import Example, NotationError, base_bundle, examples_of, run_example

import media_factory as mf
from listing_lint import registry

#: Rules whose examples describe what no bundle can show; they are printed, not run.
DESCRIBED_ONLY = {"LNT003": "an internal error needs a broken rule, not a bundle"}


def opted_in(rule) -> bool:
    if rule.plugin == "listing-lint":
        return True
    return bool(getattr(importlib.import_module(rule.module), "EXAMPLES_RUN", False))


#: Fails examples whose one cause two rules report today ("one root cause, one finding" is broken there):
#: listed so the examples stay runnable, and checked both ways, so an entry goes once the rules are fixed.
KNOWN_OVERLAPS: dict[str, set[str]] = {}  # none today (tests/test_one_root_cause.py pins the fixed ones)

TAKING_PART = [r for r in registry.all_rules() if opted_in(r)]
RULES = [r for r in TAKING_PART if r.code not in DESCRIBED_ONLY]
EXAMPLES = [(r, e) for r in RULES for e in examples_of(r)]
#: the rules an example is linted with: a plugin rule that did not opt in is not run at all
SELECT = [r.code for r in TAKING_PART]


@pytest.fixture(scope="session")
def base_repo(tmp_path_factory):
    repo = tmp_path_factory.mktemp("examples-base")
    photos = [mf.jpeg(mf.photo(seed=40 + i, shot=1 + i % 3, size=(800, 800))) for i in range(10)]
    video = mf.video(tmp_path_factory.mktemp("video") / "wide.mp4", 1280, 720).read_bytes()
    base_bundle(repo, photos, video)
    return repo


def verdict(rule, example: Example, findings: list) -> str | None:
    """What is wrong with the example's outcome, or None."""
    codes = sorted({f.code for f in findings})
    if example.kind == "Fails":
        if rule.code not in codes:
            return f"{example.id} should report {rule.code}; it reports {codes or 'nothing'}"
        overlap = KNOWN_OVERLAPS.get(example.id, set())
        if overlap and not overlap <= set(codes):
            return f"{example.id} no longer reports {sorted(overlap - set(codes))} too: remove it from KNOWN_OVERLAPS"
        others = [f"{f.code} {f.path}:{f.line} {f.message}" for f in findings if f.code not in {rule.code} | overlap]
        if others:
            return f"{example.id} also reports other rules: " + "; ".join(others)
        return None
    if findings:
        return f"{example.id} should pass; it reports " + "; ".join(f"{f.code} {f.path}:{f.line} {f.message}" for f in findings)
    return None


def test_the_base_bundle_is_clean(base_repo, tmp_path):
    empty = Example("BASE", "Passes", 1, [])
    assert run_example(empty, base_repo, tmp_path, SELECT) == []


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_has_an_example_of_each_kind(rule):
    kinds = {e.kind for e in examples_of(rule)}
    assert kinds == {"Fails", "Passes"}, rule.code


@pytest.mark.parametrize("rule, example", EXAMPLES, ids=[e.id for _, e in EXAMPLES])
def test_the_example_does_what_it_says(rule, example, base_repo, tmp_path):
    problem = verdict(rule, example, run_example(example, base_repo, tmp_path, SELECT))
    assert problem is None, problem


# -- near misses: an example edited to be wrong makes the test fail --------------------------------
def _rule(code):
    return registry.by_code()[code]


def _swap(example: Example, kind: str) -> Example:
    return dataclasses.replace(example, kind=kind, config={}, lines=list(example.lines))


def test_a_fails_example_that_does_not_fail_is_caught(base_repo, tmp_path):
    rule = _rule("LOC006")
    [passes] = [e for e in examples_of(rule) if e.kind == "Passes"][:1]
    wrong = _swap(passes, "Fails")  # the Passes text put under Fails:
    assert verdict(rule, wrong, run_example(wrong, base_repo, tmp_path, SELECT)).startswith("LOC006-fails-1 should report LOC006")


def test_a_passes_example_that_fails_is_caught(base_repo, tmp_path):
    rule = _rule("LOC006")
    fails = next(e for e in examples_of(rule) if e.kind == "Fails")
    wrong = _swap(fails, "Passes")
    problem = verdict(rule, wrong, run_example(wrong, base_repo, tmp_path, SELECT))
    assert problem.startswith("LOC006-passes-1 should pass; it reports") and "LOC006 listings/demo/detail/fr.html" in problem


def test_a_fails_example_that_breaks_another_rule_too_is_caught(base_repo, tmp_path):
    rule = _rule("LOC006")
    fails = next(e for e in examples_of(rule) if e.kind == "Fails")
    wrong = dataclasses.replace(fails, config={}, lines=fails.lines + ["listing.json /title/es removed"])
    assert "also reports other rules: LOC001" in verdict(rule, wrong, run_example(wrong, base_repo, tmp_path, SELECT))


def test_a_line_outside_the_notation_is_an_error(base_repo, tmp_path):
    wrong = Example("LOC006", "Fails", 1, ["detail/fr.html <p>Prise 智能插座</p>"])  # the colon is missing
    with pytest.raises(NotationError, match="not a statement of the example notation"):
        run_example(wrong, base_repo, tmp_path)
