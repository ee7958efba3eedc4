"""Hostile inputs, round 5 (session 15): real files through the real engine, each fix with a near miss
that stays as it was, each failing on the code before it."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from builder import BundleBuilder, run_lint  # noqa: E402

ENGLISH = ("<!DOCTYPE html><html lang=\"es\"><body>"
           + "<p>This smart plug works with Alexa and Google Home and measures the energy your lamp uses.</p>" * 30
           + "</body></html>")


def _page_case(tmp_path, html: str) -> BundleBuilder:
    b = BundleBuilder(tmp_path)
    b.data["title"] = {"es": "Enchufe inteligente"}
    b.page("es", html)
    b.write()
    return b


def test_a_page_over_max_text_bytes_is_one_finding_not_judged_from_its_head(tmp_path):
    """A page over the limit was SCH001 "it was not read", and the page rules judged its first
    ``max-text-bytes`` anyway: an English page of 5.3 MB in the es slot got LOC002 too."""
    b = _page_case(tmp_path, ENGLISH)
    found = [f for f in run_lint(tmp_path, select=["SCH001", "LOC"], max_text_bytes=len(ENGLISH) - 100).findings
             if f.path == f"{b.rel}/detail/es.html"]
    assert [(f.code, f.line) for f in found] == [("SCH001", 1)]
    assert found[0].message == f"page is {len(ENGLISH):,} bytes, over the {len(ENGLISH) - 100:,}-byte limit (max-text-bytes); it was not read"


def test_near_miss_a_page_within_max_text_bytes_is_judged(tmp_path):
    b = _page_case(tmp_path, ENGLISH)
    found = run_lint(tmp_path, select=["SCH001", "LOC002"], max_text_bytes=len(ENGLISH)).findings
    assert [(f.code, f.path, f.line) for f in found] == [("LOC002", f"{b.rel}/detail/es.html", 1)]
