"""A listing.json with tens of thousands of entries in one list or table (locales, detail pages,
titles) is linted in time linear in its size: no rule compares every entry with every other.
Real bundles, the real engine; the time bound is generous (a quadratic rule takes tens of seconds)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1]))

from builder import BundleBuilder, run_lint  # noqa: E402

N = 20_000
BOUND_S = 5.0  # measured 0.3 s with the fix on this machine; 30 s (stopped, LNT003) before it


@pytest.mark.parametrize("table", ["locales", "detail_pages", "title"])
def test_twenty_thousand_locale_tags_are_checked_in_linear_time(tmp_path, table):
    b = BundleBuilder(tmp_path)
    if table == "locales":
        b.data["locales"] = ["en", "es_ES", *(f"x{i}" for i in range(N))]
    else:
        value = "detail/x.html" if table == "detail_pages" else "Enchufe"
        b.data[table] = {**b.data.get(table, {}), "es_ES": value, **{f"x{i}": value for i in range(N)}}
    b.write()
    start = time.process_time()  # CPU, not wall: a busy machine must not fail the bound
    result = run_lint(tmp_path, select="LOC015")
    took = time.process_time() - start
    assert [(f.code, f.message) for f in result.findings] == [
        ("LOC015", 'locale "es_ES" is not BCP 47 spelling; write "es-ES"')]
    assert took < BOUND_S, f"{took:.1f} s"


def test_the_fix_is_still_withheld_when_the_corrected_tag_is_among_many(tmp_path):
    """Near miss for the speed-up: "es_ES" beside "es-ES" among thousands still gets no fix
    (renaming would make two of one locale), and a lone "fr_FR" still gets one."""
    b = BundleBuilder(tmp_path)
    b.data["locales"] = [*(f"x{i}" for i in range(N)), "es-ES", "es_ES", "fr_FR"]
    b.write()
    found = {f.message.split('"')[1]: f.fix for f in run_lint(tmp_path, select="LOC015").findings}
    assert set(found) == {"es_ES", "fr_FR"}
    assert found["es_ES"] is None and found["fr_FR"] is not None


def test_twenty_thousand_rejected_tags_are_left_to_the_schema_in_linear_time(tmp_path):
    """Each of 20,000 misspelled tags the schema also rejects asks whether the schema rejects it:
    that question must not scan every rejected value (it did: 30 s, stopped as LNT003)."""
    b = BundleBuilder(tmp_path)
    b.data["locales"] = ["en", *(f"X{i}" for i in range(N))]
    b.write()
    start = time.process_time()  # CPU, not wall: a busy machine must not fail the bound
    result = run_lint(tmp_path, select="LOC015")
    took = time.process_time() - start
    assert result.findings == []  # SCH002's, one root cause, one finding
    assert took < BOUND_S, f"{took:.1f} s"


POINTERS = ["", "/a", "/a/b", "/a/b/c", "/a/bc", "/ab", "/a~1b", "/a/0", "/a/01", "/b", "/b/a"]


@pytest.mark.parametrize("ptr", POINTERS)
def test_rejects_answers_as_scanning_every_rejected_pointer_would(ptr):
    """Near miss for the index: the same answer as the definition, for pointers that share
    prefixes without being each other's parents ("/a/b" and "/a/bc", "/a" and "/ab")."""
    from itertools import combinations

    from listing_lint.schema import rejects

    def scan(rejected, p):
        return any(r == p or r.startswith(p + "/") or p.startswith(r + "/") for r in rejected)

    for size in (0, 1, 2):
        for rejected in combinations([p for p in POINTERS if p], size):
            assert rejects(frozenset(rejected), ptr) == scan(rejected, ptr), (rejected, ptr)


def _unique_items_message(items) -> tuple[str, float]:
    from listing_lint.schema import validator
    from listing_lint.schema.messages import describe

    errors = [e for e in validator("listing.schema.json").iter_errors({"locales": items}) if e.validator == "uniqueItems"]
    assert len(errors) == 1
    start = time.process_time()  # CPU, not wall: a busy machine must not fail the bound
    message = describe(errors[0])[2]
    return message, time.process_time() - start


def test_the_repeated_item_of_a_long_list_is_named_in_linear_time():
    """The SCH002 message names the first repeated item: found with a set, not by comparing each
    item with every earlier one (50,000 locales: 11 s before)."""
    message, took = _unique_items_message(["en", *(f"e{i}" for i in range(50_000)), "e1"])
    assert message == '`locales` lists "e1" more than once'
    assert took < 1.0, f"{took:.1f} s"


def test_the_repeated_item_is_named_as_json_schema_compares():
    """Near miss: 1 and 1.0 are one number, true and 1 are not; objects compare by content."""
    assert _unique_items_message([True, 1, 2, 1.0])[0] == "`locales` lists 1.0 more than once"
    assert _unique_items_message([{"a": 1, "b": [2]}, {"b": [2], "a": 1}])[0] == '`locales` lists {"b": [2], "a": 1} more than once'


def test_a_three_megabyte_key_is_shortened_in_the_message(tmp_path):
    """An unknown field's name is quoted in the SCH002 message, shortened as values are (60
    characters): a 3 MB key made a 3 MB line in every output format. Near miss: "colour" whole."""
    for key, shown in (("k" * 3_000_000, "k" * 59 + "…"), ("colour", "colour")):
        repo = tmp_path / key[:8]
        b = BundleBuilder(repo)
        b.data[key] = 1
        b.write()
        messages = [f.message for f in run_lint(repo, select="SCH002").findings]
        assert messages == [f"`the document` has an unknown field `{shown}`"], [m[:100] for m in messages]
