"""Suppressions are matched to findings by line ranges, not tried pairwise (session 12).

A page of 5,000 findings and 4,000 ``disable-next`` comments made 20 million ``covers`` calls
(12 s of a bundle, found by the fuzzer). ``_Coverage`` must give exactly what trying every
suppression on every finding gave: the same findings hidden, and the same code of each
suppression marked used (the first of its codes that matches a finding it covers), which is what
LNT001 reports on.
"""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from listing_lint.finding import Finding, Severity, Span
from listing_lint.suppression import Suppression, _code_matches, _Coverage

PATHS = ("listings/a/detail/es.html", "listings/a/detail/fr.html")
CODES = ("LOC002", "LOC003", "LOC012", "MED005", "CMP001")
SELECTORS = ("LOC012", "loc003", "LOC", "LOC01", "MED", "MED005", "typography", "CMP001", "ZZZ999", "SCH")


def _pairwise(sups, found):
    """The definition: every suppression tried on every finding (``Suppression.covers``)."""
    kept = []
    for f in found:
        hit = None
        for sup in sups:
            code = sup.covers(f, _code_matches)
            if code:
                sup.used.add(code)
                hit = sup
        if hit is None:
            kept.append(f)
    return kept


def _finding(code, path, line):
    return Finding(code=code, severity=Severity.WARNING, message="m", path=path, line=line, column=1 if line else None,
                   end_line=line, end_column=None, bundle="a", rule=code)


_sup = st.tuples(st.lists(st.sampled_from(SELECTORS), min_size=1, max_size=4, unique=True),
                 st.sampled_from(("",) + PATHS), st.integers(1, 30), st.integers(0, 12))
_find = st.tuples(st.sampled_from(CODES), st.sampled_from(PATHS), st.one_of(st.none(), st.integers(1, 40)))


def _sups(raw):
    return [Suppression(codes, path, first if path else 0, first + extent if path else 0, Span(path or "listing.json", 1))
            for codes, path, first, extent in raw]


@settings(max_examples=400, deadline=None)
@given(raw_sups=st.lists(_sup, max_size=12), raw_found=st.lists(_find, max_size=40))
def test_the_same_findings_hidden_and_codes_used_as_pairwise(raw_sups, raw_found):
    found = [_finding(*f) for f in raw_found]
    expected_sups, sups = _sups(raw_sups), _sups(raw_sups)
    expected = _pairwise(expected_sups, found)
    coverage = _Coverage(sups, found)
    assert [f for f in found if not coverage.hides(f)] == expected
    assert [s.used for s in sups] == [s.used for s in expected_sups]


def test_thousands_of_comments_and_findings_on_one_page_are_matched_at_once():
    sups = [Suppression(["LOC005"], PATHS[0], 2 * i + 1, 2 * i + 1, Span(PATHS[0], 2 * i)) for i in range(4000)]
    found = [_finding("LOC012", PATHS[0], i + 1) for i in range(5000)] + [_finding("LOC005", PATHS[0], 7)]
    started = time.process_time()
    coverage = _Coverage(sups, found)
    kept = [f for f in found if not coverage.hides(f)]
    assert time.process_time() - started < 2.0  # pairwise: 20 million covers calls, about 12 s here
    assert len(kept) == 5000 and all(f.code == "LOC012" for f in kept)
    assert sum(bool(s.used) for s in sups) == 1  # only the comment above line 7 hid something
