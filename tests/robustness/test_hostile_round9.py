"""Hostile input, round 9 (session 18): round 8's open items (a baseline entry whose path, code or
message has another type; the files an unparsed page names) and classes no round had tried."""

from __future__ import annotations

import json
import time

import pytest
from builder import findings, png_bytes
from click.testing import CliRunner

from page_urls import ALT, PAGE_LINE, page_bundle
from page_urls import found as _found

from listing_lint.cli import main

# A baseline's ``path``, ``code`` and ``message`` were str()'d whatever their type: a list path was
# compared and shown as the text "['listings/a']". docs/cli.md promises a usage error (exit 2) for a
# malformed baseline and nothing about skipping entries, so they are refused like ``identity``.


def _entry(**fields) -> dict:
    return {"fingerprint": "f", "identity": "i", "exact": "e", "code": "SCH003", "path": "listings/a/listing.json",
            "message": "m", **fields}


def _baseline(tmp_path, *entries) -> str:
    (tmp_path / "bl.json").write_text(json.dumps({"version": 1, "tool": "listing-lint", "findings": list(entries)}),
                                      encoding="utf-8")
    return str(tmp_path / "bl.json")


@pytest.mark.parametrize("field, value", [("path", ["listings/a"]), ("code", 7), ("message", {"x": 1}), ("path", True)])
def test_a_baseline_entry_whose_path_code_or_message_is_no_string_is_refused_naming_it(tmp_path, field, value):
    from listing_lint.baseline import BaselineError, read

    path = _baseline(tmp_path, _entry(), _entry(**{field: value}))
    with pytest.raises(BaselineError, match=rf"is not a listing-lint baseline: findings\[1\]\.{field} is not a string"):
        read(path)  # was read, the value str()'d


def test_a_baseline_of_a_wrong_type_exits_2_naming_the_field(tmp_path, monkeypatch):
    from builder import BundleBuilder

    BundleBuilder(tmp_path).write()
    monkeypatch.chdir(tmp_path)
    _baseline(tmp_path, _entry(path=["listings/demo/listing.json"]))
    done = CliRunner().invoke(main, ["check", "--no-cache", "--as-of", "2026-11-25", "--select", "SCH001", "--baseline", "bl.json", "."])
    assert done.exit_code == 2 and "findings[0].path is not a string" in done.stderr, done.stderr


def test_near_miss_a_baseline_entry_without_path_code_or_message_is_read(tmp_path):
    from listing_lint.baseline import apply, read, stale_report

    entries = read(_baseline(tmp_path, {"identity": "i", "exact": "e"}, _entry(path=None, message=None)))
    stale = apply([], entries).stale
    assert stale_report(stale)[1:] == ["  ?: ?", "  ?: SCH003"]


@pytest.mark.parametrize("doc, where", [([], "the document is not an object"), ({"version": 1}, "findings is missing"),
                                        ({"version": 1, "findings": [1]}, r"findings\[0\] is not an object")])
def test_a_baseline_of_another_shape_is_refused_saying_where(tmp_path, doc, where):
    from listing_lint.baseline import BaselineError, read

    (tmp_path / "bl.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(BaselineError, match=f"is not a listing-lint baseline: {where}"):
        read(tmp_path / "bl.json")


# SCH007 excused any file whose *name* an unparsed page writes, in any folder: a page SCH001 refuses
# that shows ../media/a.png hid old/a.png, a real orphan. The names are now read as the page's URLs
# (relative to the page); one that names no file excuses one file of that name, as a broken reference does.


def test_a_name_an_unparsed_page_writes_excuses_the_file_it_points_at_not_its_namesakes(tmp_path):
    b = page_bundle(tmp_path, f'\x00<img src="../media/b.png" {ALT}>')
    (b.dir / "old").mkdir()
    (b.dir / "old/b.png").write_bytes(png_bytes(color=(200, 20, 30)))
    assert _found(tmp_path, ["SCH001", "SCH007"]) == [("SCH001", "listings/demo/detail/en.html", PAGE_LINE),
                                                      ("SCH007", "listings/demo/old/b.png", None)]  # was SCH001 alone


def test_near_miss_a_bare_name_in_an_unparsed_page_still_excuses_one_file_of_that_name(tmp_path):
    page_bundle(tmp_path, f'\x00<img src="b.png" {ALT}> and see%20it.png')
    assert _found(tmp_path, ["SCH001", "SCH007"]) == [("SCH001", "listings/demo/detail/en.html", PAGE_LINE)]


@pytest.mark.parametrize("body", ["a/" * 2_400_000, "".join(f"../m/{i}.png " for i in range(300_000))])
def test_an_unparsed_page_of_megabytes_of_urls_is_read_in_bounded_time(tmp_path, body):
    page_bundle(tmp_path, "\x00" + body)
    start = time.process_time()
    assert [(f.code, f.path) for f in findings(tmp_path, select="SCH007")] == [("SCH007", "listings/demo/media/b.png")]
    assert time.process_time() - start < 10
