"""Hostile input, round 9 (session 18): round 8's open items (a baseline entry whose path, code or
message has another type; the files an unparsed page names) and classes no round had tried."""

from __future__ import annotations

import json
import time
from pathlib import Path

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


# GitHub's runner reads every line a step prints, whatever the format, as a workflow command when it
# starts with "::" after white space (TryParseV2) or, failing that, holds "##[" anywhere (TryParse):
# actions/runner src/Runner.Common/ActionCommand.cs. A file name ``##[set-output name=deploy]yes.png``
# quoted by SCH003 set a step output from the text, JSON, SARIF, GitLab and JUnit reports, and a
# root file ``::warning file=x::injected.listing.json`` began text lines as a fake annotation.
RUNNER_COMMANDS = {"error", "warning", "notice", "debug", "group", "endgroup", "echo", "add-mask", "add-path", "set-env",
                   "set-output", "save-state", "stop-commands", "add-matcher", "remove-matcher"}
INJECTED = "##[set-output name=deploy]yes"


def _runner_command(line: str) -> str | None:
    """The workflow command GitHub's runner reads in ``line``, as ActionCommand.TryParseV2 and then TryParse do."""
    trimmed = line.lstrip()
    if trimmed.startswith("::") and trimmed.find("::", 2) >= 0:
        name = trimmed[2:trimmed.find("::", 2)].split(" ", 1)[0]
        if name.lower() in RUNNER_COMMANDS:
            return name
    start = line.find("##[")
    if start >= 0 and line.find("]", start) >= 0:
        name = line[start + 3:line.find("]", start)].split(" ", 1)[0]
        if name.lower() in RUNNER_COMMANDS:
            return name
    return None


def _injection_repo(tmp_path):
    from builder import BundleBuilder

    b = BundleBuilder(tmp_path)
    b.image("media/a.png")
    b.data["media"].append({"kind": "image", "file": f"media/{INJECTED}.png", "role": "scene"})
    b.write()
    (tmp_path / "::warning file=x::injected.listing.json").write_text("{}", encoding="utf-8")
    _baseline(tmp_path, _entry(path="listings/demo/listing.json", message=f"gone {INJECTED}"))


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "gitlab", "junit", "github"])
def test_no_line_of_any_format_is_a_workflow_command_but_the_github_annotations(tmp_path, monkeypatch, fmt):
    _injection_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(main, ["check", "--no-cache", "--as-of", "2026-11-25", "--select", "SCH", "--format", fmt,
                                     "--baseline", "bl.json", "."])
    assert done.exit_code == 1, done.stderr
    assert "SCH003 gone ##\\x5bset-output name=deploy]yes" in done.stderr  # the stale entry, on stderr
    commands = [(_runner_command(line), line) for line in (done.stdout + done.stderr).splitlines() if _runner_command(line)]
    if fmt == "github":  # its own annotations, one a finding, each read by TryParseV2 (so never as "##[")
        assert {name for name, _ in commands} == {"error"} and len(commands) == done.stdout.count("\n") - 1
    else:
        assert commands == []  # was set-output (and warning, from the text format's path)


def test_the_text_format_shows_the_bracket_of_a_command_escaped_and_quotes_a_path_that_starts_like_one():
    from listing_lint.reporters.text import escape

    assert escape(f"media/{INJECTED}.png") == "media/##\\x5bset-output name=deploy]yes.png"
    assert escape("::warning file=x::a.listing.json", quote=True) == '"::warning file=x::a.listing.json"'


@pytest.mark.parametrize("text", ["Plug ## [x] #1 [old]", "listings/a::b/listing.json", "50% off: ::", "#[x] ##"])
def test_near_miss_text_that_is_no_command_is_shown_as_it_is(text):
    from listing_lint.reporters.jsontext import dumps
    from listing_lint.reporters.text import escape

    assert escape(text) == escape(text, quote=True) == text
    assert dumps({"m": text}, indent=None) == json.dumps({"m": text})


def test_json_and_junit_keep_the_value_of_a_command_like_text(tmp_path, monkeypatch):
    import xml.etree.ElementTree as ET

    _injection_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    args = ["check", "--no-cache", "--as-of", "2026-11-25", "--select", "SCH003", "listings"]
    doc = json.loads(CliRunner().invoke(main, [*args, "--format", "json"]).stdout)
    assert [f["message"] for f in doc["findings"]] == [f"media file media/{INJECTED}.png does not exist in the bundle; add it or fix the path"]
    xml = ET.fromstring(CliRunner().invoke(main, [*args, "--format", "junit"]).stdout)
    failure = xml.find(".//failure")
    assert "##\\x5bset-output" in failure.text  # the text format's line, escaped as the text format escapes it


# SARIF took a relative path whose second character is ":" for a Windows drive and made it a file URI:
# a file named ``x:y.listing.json`` at the root stopped the report ("internal error", exit 2, no SARIF).


def test_a_root_file_whose_name_has_a_colon_second_is_a_relative_sarif_uri(tmp_path, monkeypatch):
    import jsonschema

    (tmp_path / "x:y.listing.json").write_text("{}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(main, ["check", "--no-cache", "--as-of", "2026-11-25", "--select", "SCH002", "--format", "sarif", "."])
    assert done.exit_code == 1, done.stderr  # was 2: "relative path can't be expressed as a file URI"
    doc = json.loads(done.stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in doc["runs"][0]["results"]}
    assert uris == {"x%3Ay.listing.json"}
    schema = json.loads((Path(__file__).parents[1] / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(doc)


def test_near_miss_an_absolute_path_is_still_a_file_uri():
    from listing_lint.reporters.sarif import _uri

    assert _uri("/srv/shop/x:y.listing.json") == ("file:///srv/shop/x%3Ay.listing.json", None)
    assert _uri("listings/a/listing.json") == ("listings/a/listing.json", "%SRCROOT%")


# listing.json paths are file paths, but "#" and "?" were cut from them as from a URL: an existing
# ``media/photo#2.png`` was SCH003 "does not exist", and an orphan ``media/orphan#1.png`` got no SCH007.


def test_a_hash_or_question_mark_in_a_listing_json_path_is_part_of_the_name(tmp_path):
    from builder import BundleBuilder

    b = BundleBuilder(tmp_path)
    b.image("media/photo#2.png")
    b.image("media/what?.png", alt={"en": "x"})
    b.file("media/orphan#1.png", png_bytes(color=(1, 2, 3)))
    b.write()
    assert _found(tmp_path, ["SCH003", "SCH007"]) == [("SCH007", "listings/demo/media/orphan#1.png", None)]  # was 2 SCH003


def test_near_miss_a_page_url_still_loses_its_query_and_fragment(tmp_path):
    page_bundle(tmp_path, f'<img src="../media/b.png?v=2#top" {ALT}>')
    assert _found(tmp_path, ["SCH", "MED010"]) == []


# Linux keeps ``café.png`` composed (NFC) and decomposed (NFD) as two files: the unreferenced twin was
# "media/café.png is in the bundle but nothing references it" about the very name listing.json holds.


def test_an_orphan_that_is_a_referenced_name_in_another_unicode_form_says_so(tmp_path):
    from builder import BundleBuilder

    b = BundleBuilder(tmp_path)
    b.image("media/caf\u00e9.png", alt={"en": "x"})
    b.file("media/cafe\u0301.png", png_bytes(color=(1, 2, 3)))
    b.write()
    (found,) = findings(tmp_path, select="SCH007")
    assert (found.path, found.line) == ("listings/demo/media/cafe\u0301.png", None)
    assert found.message.startswith("'media/cafe\\u0301.png' is in the bundle but nothing references it: 'media/caf\\xe9.png', "
                                    "which is referenced, has the same letters in another Unicode form")


def test_near_miss_an_orphan_with_other_letters_keeps_the_plain_message(tmp_path):
    from builder import BundleBuilder

    b = BundleBuilder(tmp_path)
    b.image("media/caf\u00e9.png", alt={"en": "x"})
    b.file("media/cafe\u0300.png", png_bytes(color=(1, 2, 3)))  # café with a grave accent: another name
    b.write()
    (found,) = findings(tmp_path, select="SCH007")
    assert found.message == "media/cafe\u0300.png is in the bundle but nothing references it; list it in listing.json, embed it, or delete it"
