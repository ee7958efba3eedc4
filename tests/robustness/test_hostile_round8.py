"""Hostile input, round 8 (session 17): the files the command line reads besides bundles (reports
to merge, a baseline, the config), a page's ``<base href>``, ``<picture><source srcset>``, NUL in
an attribute, and the language server on the hostile pages of round 7.

A report to merge is written by hand as easily as by ``check --shard``: a string for a line, a list
for a path or a shard 7 of 2 crashed the merge (TypeError in its sort: "internal error", exit 2
with no file named), and ``"count": 10**12`` ran for hours listing the missing shards.
"""

from __future__ import annotations

import json
import time

import pytest
from builder import BundleBuilder, findings
from click.testing import CliRunner

from page_urls import ALT, PAGE_LINE, page_bundle
from page_urls import found as _found

from listing_lint.cli import main


def _report(**fields) -> dict:
    doc = {"version": "1", "as_of": "2026-11-25", "summary": {"errors": 1, "bundles": 1}, "findings": [
        {"code": "SCH003", "severity": "error", "message": "m", "path": "listings/a/listing.json", "line": 3,
         "column": 5, "bundle": "a"}]}
    doc.update(fields)
    return doc


def _sarif(**run) -> dict:
    base = {"tool": {"driver": {"name": "listing-lint", "version": "1", "rules": [{"id": "SCH003"}]}},
            "properties": {"asOf": "2026-11-25"},
            "results": [{"ruleId": "SCH003", "ruleIndex": 0, "level": "error", "message": {"text": "m"},
                         "locations": [{"physicalLocation": {"artifactLocation": {"uri": "listings/a/listing.json", "uriBaseId": "%SRCROOT%"},
                                                             "region": {"startLine": 3, "startColumn": 5}}}]}]}
    base.update(run)
    return {"version": "2.1.0", "runs": [base]}


def _merge(tmp_path, monkeypatch, *docs, raw: dict[str, str] | None = None):
    """Runs ``listing-lint merge`` in process on the documents (r1.json, r2.json, ...); (exit code, stdout, stderr)."""
    monkeypatch.chdir(tmp_path)
    names = []
    for i, doc in enumerate(docs, 1):
        (tmp_path / f"r{i}.json").write_text(json.dumps(doc), encoding="utf-8")
        names.append(f"r{i}.json")
    for name, text in (raw or {}).items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        names.append(name)
    start = time.process_time()
    done = CliRunner().invoke(main, ["merge", *names])
    assert time.process_time() - start < 2
    return done.exit_code, done.stdout, done.stderr


def _finding(**fields) -> dict:
    return {**_report()["findings"][0], **fields}


WRONG_JSON = {
    "finding-not-object": (_report(findings=[1]), "findings[0] is not an object"),
    "line-string": (_report(findings=[_finding(line="3"), _finding()]), "findings[0].line is not a whole number"),
    "line-bool": (_report(findings=[_finding(line=True)]), "findings[0].line is not a whole number"),
    "path-list": (_report(findings=[_finding(), _finding(path=["a"])]), "findings[1].path is not a string"),
    "severity-unknown": (_report(findings=[_finding(severity="fatal")]), "findings[0].severity is none of error, warning, info"),
    "shard-count-string": (_report(shard={"index": 1, "count": "2"}), "shard.count is not a whole number"),
    "shard-past-count": (_report(shard={"index": 3, "count": 2}), "shard is no shard K/N with 1 <= K <= N"),
    "shard-count-negative": (_report(shard={"index": 1, "count": -1}), "shard is no shard K/N with 1 <= K <= N"),
}


@pytest.mark.parametrize("name", WRONG_JSON)
def test_a_json_report_with_a_wrong_type_is_refused_naming_file_and_place(tmp_path, monkeypatch, name):
    doc, said = WRONG_JSON[name]
    code, out, err = _merge(tmp_path, monkeypatch, _report(), doc)
    assert (code, out) == (2, "")
    assert err == f"listing-lint: error: r2.json is not a listing-lint JSON report: {said}\n"  # was "internal error: TypeError"


WRONG_SARIF = {
    "run-not-object": ({"version": "2.1.0", "runs": [1]}, "runs[0] is not an object"),
    "rule-string": (_sarif(tool={"driver": {"rules": ["SCH003"]}}), "runs[0].tool.driver.rules[0] is not an object"),
    "message-string": (_sarif(results=[{"message": "m"}]), "runs[0].results[0].message is not an object"),
    "tool-string": (_sarif(tool="listing-lint"), "runs[0].tool is not an object"),
    "level-list": (_sarif(results=[{"level": []}]), "runs[0].results[0].level is none of error, warning, note, none"),
    "uri-list": (_sarif(results=[{"locations": [{"physicalLocation": {"artifactLocation": {"uri": []}}}]}]),
                 "runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri is not a string"),
    "start-line-string": (_sarif(results=[{"locations": [{"physicalLocation": {"region": {"startLine": "x"}}}]}]),
                          "runs[0].results[0].locations[0].physicalLocation.region.startLine is not a whole number"),
    "invocation-not-object": (_sarif(invocations=[1]), "runs[0].invocations[0] is not an object"),
}


@pytest.mark.parametrize("name", WRONG_SARIF)
def test_a_sarif_report_with_a_wrong_type_is_refused_naming_file_and_place(tmp_path, monkeypatch, name):
    doc, said = WRONG_SARIF[name]
    code, out, err = _merge(tmp_path, monkeypatch, _sarif(), doc)
    assert (code, out) == (2, "")
    assert err == f"listing-lint: error: r2.json is not a listing-lint SARIF report: {said}\n"


def test_a_rule_without_id_is_refused(tmp_path, monkeypatch):
    code, _, err = _merge(tmp_path, monkeypatch, _sarif(), _sarif(tool={"driver": {"rules": [{"name": "x"}]}}))
    assert code == 2 and "runs[0].tool.driver.rules[0].id is missing" in err  # was KeyError: 'id'


def test_a_shard_count_of_a_trillion_is_answered_at_once(tmp_path, monkeypatch):
    shard = {"count": 10**12}
    code, _, err = _merge(tmp_path, monkeypatch, _report(shard={**shard, "index": 1}), _report(shard={**shard, "index": 2}))
    assert code == 2 and "shard 3/1000000000000 is missing" in err  # was hours of range()


def test_a_duplicate_key_is_refused(tmp_path, monkeypatch):
    text = json.dumps(_report()).replace('"findings":', '"findings": [], "findings":', 1)
    code, _, err = _merge(tmp_path, monkeypatch, _report(), raw={"r2.json": text})
    assert code == 2 and "r2.json is not a JSON or SARIF report: an object names the key 'findings' twice" in err


def test_hostile_paths_in_a_report_are_merged_escaped_and_never_opened(tmp_path, monkeypatch):
    from guards import opened_outside

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    paths = ["../outside/secret.txt", str(outside / "secret.txt"), "a\x1b[31m.json", "::error::x", "a\u202e.json"]
    docs = [_report(findings=[_finding(path=p) for p in paths], shard={"index": 1, "count": 2}),
            _report(findings=[], shard={"index": 2, "count": 2})]
    with opened_outside(outside) as hits:
        code, out, err = _merge(work, monkeypatch, *docs)
    assert (code, hits, err) == (1, [], "")
    assert "\x1b" not in out and "\u202e" not in out
    assert sorted(f["path"] for f in json.loads(out)["findings"]) == sorted(paths)


def test_near_miss_reports_of_a_sharded_run_with_nulls_merge(tmp_path, monkeypatch):
    image = _finding(line=None, column=None, bundle=None, path="listings/a/media/a.png")
    docs = [_report(findings=[image], shard={"index": 1, "count": 2}), _report(shard={"index": 2, "count": 2})]
    code, out, err = _merge(tmp_path, monkeypatch, *docs)
    assert (code, err) == (1, "")
    assert [f["path"] for f in json.loads(out)["findings"]] == ["listings/a/listing.json", "listings/a/media/a.png"]


def test_near_miss_sarif_reports_merge(tmp_path, monkeypatch):
    code, out, err = _merge(tmp_path, monkeypatch, _sarif(), _sarif(results=[]))
    assert (code, err) == (1, "")
    assert len(json.loads(out)["runs"][0]["results"]) == 1


# A committed baseline is the pull request's text. Its entries were each compared with every linted
# bundle folder to tell stale ones: 200,000 entries in a catalogue of 2,000 bundles took 57 s.


def _entries(paths: list[str]) -> list[dict]:
    return [{"fingerprint": f"{i:032x}", "identity": f"{i:032x}", "exact": f"{i:032x}", "code": "SCH003",
             "path": p, "message": "m"} for i, p in enumerate(paths)]


def test_a_baseline_of_many_entries_in_a_large_catalogue_is_judged_in_linear_time():
    from listing_lint.baseline import apply

    entries = _entries([f"listings/other-{i}/listing.json" for i in range(50_000)])
    linted = {f"listings/b{j}" for j in range(2_000)}
    start = time.process_time()
    assert apply([], entries, linted).stale == []
    took = time.process_time() - start
    assert took < 1, f"{took:.1f} s"  # was 14 s


def test_near_miss_stale_entries_are_those_of_the_linted_bundles_and_files():
    from listing_lint.baseline import apply

    paths = ["listings/a/listing.json", "listings/a/detail/en.html", "listings/ab/listing.json", "listings/a",
             "one.listing.json", "../outside/listings/a/x", "/etc/passwd", "listings/a\x1b[31m/x"]
    stale = apply([], _entries(paths), {"listings/a", "one.listing.json", "store.json"}).stale
    assert [e["path"] for e in stale] == ["listings/a/listing.json", "listings/a/detail/en.html", "listings/a", "one.listing.json"]


@pytest.mark.parametrize("entry", [{"identity": 1}, {"exact": ["x"]}, {"exact": None}])
def test_held_a_baseline_entry_of_a_wrong_type_is_a_usage_error(tmp_path, entry):
    from listing_lint.baseline import BaselineError, read

    (tmp_path / "bl.json").write_text(json.dumps({"version": 1, "findings": [{**_entries(["a"])[0], **entry}]}), encoding="utf-8")
    with pytest.raises(BaselineError, match="is not a listing-lint baseline"):
        read(tmp_path / "bl.json")


# ``[tool.listing-lint]`` is the pull request's text too: an unknown threshold's name was quoted
# whole (a 2 MB key, a 2 MB error line), and a word list that is a number was taken and ignored.


def _check_with(tmp_path, monkeypatch, pyproject: str, *args: str):
    BundleBuilder(tmp_path).write()
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    start = time.process_time()
    done = CliRunner().invoke(main, ["check", "--no-cache", "--as-of", "2026-11-25", *args, "."])
    assert time.process_time() - start < 5
    return done.exit_code, done.stderr


@pytest.mark.parametrize("table", ["thresholds", "currency-rates"])
def test_a_config_key_of_megabytes_is_quoted_short(tmp_path, monkeypatch, table):
    key = "x" * 2_000_000
    code, err = _check_with(tmp_path, monkeypatch, f'[tool.listing-lint.{table}]\n"{key}" = "{key}"\n' if table == "currency-rates"
                            else f'[tool.listing-lint.{table}]\n"{key}" = 1\n', "--select", "SCH001")
    assert code == 2 and len(err) < 400, len(err)  # was 2,000,042 characters


@pytest.mark.parametrize("value", ["1", "[1, 2]", '""', "{a = 1}"])
def test_a_word_list_that_is_no_list_is_a_config_error(tmp_path, monkeypatch, value):
    code, err = _check_with(tmp_path, monkeypatch, f"[tool.listing-lint.wordlists]\nes = {value}\n", "--select", "LOC014")
    assert code == 2, err  # was taken, and LOC014 looked for none of the words
    assert "wordlists must be lists of words or names of files of words ('es' is neither)" in err


HELD_CONFIG = {  # already right; kept against regressions
    "regex-select": ('select = ["(a+)+$"]', "unknown rule code or prefix '(a+)+$' in select/ignore"),
    "huge-jobs": ("jobs = 1000000000000000000", "jobs must be a whole number from 0 to 512"),
    "negative-threshold": ("thresholds = {min-scene-visuals = -1}", "not negative"),
    "unknown-key": ('"selectt" = ["LOC"]', "unknown key 'selectt'; did you mean 'select'?"),
    "escape-in-format": ('format = "\\u001b[31m::error::x"', "unknown format '\\x1b[31m::error::x'"),
}


@pytest.mark.parametrize("name", HELD_CONFIG)
def test_held_hostile_config_values_are_usage_errors(tmp_path, monkeypatch, name):
    line, said = HELD_CONFIG[name]
    code, err = _check_with(tmp_path, monkeypatch, f"[tool.listing-lint]\n{line}\n")
    assert code == 2 and said in err and "\x1b" not in err, err


def test_held_a_per_path_glob_of_2000_stars_is_matched_in_linear_time(tmp_path, monkeypatch):
    code, err = _check_with(tmp_path, monkeypatch, '[tool.listing-lint.per-path-ignores]\n"' + "*a" * 2000 + 'b" = ["LOC"]\n', "--select", "SCH")
    assert (code, err) == (0, "")


def test_near_miss_word_lists_as_lists_and_files_are_taken(tmp_path, monkeypatch):
    (tmp_path / "words.txt").write_text("zapato\n", encoding="utf-8")
    code, err = _check_with(tmp_path, monkeypatch, '[tool.listing-lint.wordlists]\nes = ["oferta"]\nall = "words.txt"\n', "--select", "LOC014")
    assert (code, err) == (0, "")


# MED010 read only ``<img>``: a picture a browser shows from ``<picture><source srcset>`` (on a wide
# screen, or in WebP) that is missing or on a foreign host was reported by no rule.

@pytest.mark.parametrize("source", ['<source srcset="https://i.imgur.com/wide.png 1200w" media="(min-width: 800px)">',
                                    '<source srcset="../media/wide.webp" type="image/webp">'])
def test_a_foreign_or_missing_picture_source_is_med010(tmp_path, source):
    page_bundle(tmp_path, f'<picture>\n{source}<img src="../media/a.png" {ALT}></picture><img src="../media/b.png" {ALT}>')
    found = findings(tmp_path, select=["MED010", "SCH"])
    assert [(f.code, f.path, f.line) for f in found] == [("MED010", "listings/demo/detail/en.html", PAGE_LINE + 1)]  # was silent
    assert ("not on the marketplace's image hosts" in found[0].message) == ("imgur" in source)


def test_near_miss_picture_sources_of_the_bundle_and_video_sources_are_not_pictures(tmp_path):
    page_bundle(tmp_path, f'<picture><source srcset="../media/b.png 2x, https://ae01.alicdn.com/kf/S1.png 3x">'
                           f'<img src="../media/a.png" {ALT}></picture><video controls><source src="https://www.youtube.com/x.mp4"></video>')
    assert _found(tmp_path, ["MED010", "SCH004"]) == []


# SCH004 told a page's absolute URL to be written "relative to listing.json": a page's URLs are
# relative to the page (its own docstring says so).


def test_an_absolute_path_in_a_page_is_to_be_written_relative_to_the_page(tmp_path):
    page_bundle(tmp_path, f'<img src="/home/me/a.png" {ALT}><img src="../media/b.png" {ALT}>')
    (found,) = findings(tmp_path, select="SCH004")
    assert (found.path, found.line) == ("listings/demo/detail/en.html", PAGE_LINE)
    assert "an absolute path: write it relative to detail/en.html;" in found.message  # was "relative to listing.json"


def test_near_miss_an_absolute_path_in_listing_json_is_still_relative_to_it(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["media"].append({"kind": "image", "file": "/home/me/a.png", "role": "scene"})
    b.write()
    (found,) = findings(tmp_path, select="SCH004")
    assert (found.path, found.line) == ("listings/demo/listing.json", b.line_of('"/home/me/a.png"'))
    assert "an absolute path: write it relative to listing.json;" in found.message


# ``&#0;`` in a URL is U+FFFD for the HTML parser, as for a browser: the picture the browser asks for
# is missing indeed, but "image ../media/a\ufffd.png is missing: put the file in the bundle" sent
# the seller looking for a file they have.


@pytest.mark.parametrize("ref", ["a&#0;.png", "a&#x110000;.png"])
def test_a_nul_reference_in_a_picture_url_is_named(tmp_path, ref):
    page_bundle(tmp_path, f'<img src="../media/{ref}" {ALT}><img src="../media/b.png" {ALT}>')
    (found,) = findings(tmp_path, select=["MED010", "SCH"])
    assert (found.code, found.path, found.line) == ("MED010", "listings/demo/detail/en.html", PAGE_LINE)
    assert "its name holds U+FFFD, the character a browser reads for &#0;" in found.message


def test_near_miss_a_missing_picture_is_still_put_in_the_bundle(tmp_path):
    page_bundle(tmp_path, f'<img src="../media/c.png" {ALT}><img src="../media/b.png" {ALT}>')
    (found,) = findings(tmp_path, select=["MED010", "SCH"])
    assert found.message.endswith("is missing: put the file in the bundle (e.g. media/) and point at it")


def test_a_raw_nul_in_a_page_is_sch001_alone(tmp_path):
    page_bundle(tmp_path, f'<img src="../media/a\x00.png" {ALT}><img src="../media/b.png" {ALT}>')
    assert _found(tmp_path, ["MED010", "SCH"]) == [("SCH001", "listings/demo/detail/en.html", PAGE_LINE)]  # and SCH007 "delete" b.png


def test_near_miss_a_file_no_unparsed_page_names_is_still_an_orphan(tmp_path):
    page_bundle(tmp_path, f'<img src="../media/a\x00.png" {ALT}><img src="../media/c.png" {ALT}>')
    assert _found(tmp_path, ["MED010", "SCH"]) == [("SCH001", "listings/demo/detail/en.html", PAGE_LINE),
                                                   ("SCH007", "listings/demo/media/b.png", None)]


def test_a_page_of_five_megabytes_without_a_separator_is_searched_for_names_at_once(tmp_path):
    page_bundle(tmp_path, "\x00" + "a." * 2_400_000)
    start = time.process_time()
    assert [f.code for f in findings(tmp_path, select="SCH007")] == ["SCH007"]
    assert time.process_time() - start < 2


# ``<base href>`` makes a browser read every relative URL of the page from it: a local preview shows
# other pictures than the bundle's, the rules read them relative to the page, and nothing said so.


def test_a_base_href_is_one_finding_on_its_line(tmp_path):
    page_bundle(tmp_path, f'<base href="https://elsewhere.example/">\n<img src="../media/a.png" {ALT}>'
                           f'<base href="https://other.example/"><img src="../media/b.png" {ALT}>')
    found = findings(tmp_path, select=["MED010", "MED012", "SCH"])
    assert [(f.code, f.path, f.line) for f in found] == [("MED012", "listings/demo/detail/en.html", PAGE_LINE)]  # was silent
    assert "<base href='https://elsewhere.example/'> makes a browser read every relative URL" in found[0].message


@pytest.mark.parametrize("base", ['<base target="_blank">', '<base href="  ">'])
def test_near_miss_a_base_without_href_is_silent(tmp_path, base):
    page_bundle(tmp_path, f'{base}<img src="../media/a.png" {ALT}><img src="../media/b.png" {ALT}>')
    assert _found(tmp_path, ["MED012"]) == []


# libxml2 gives an element the line its start tag ends on: an ``<img`` whose attributes run over
# several lines (a long srcset, one attribute a line) was reported on its last line, column 1.


@pytest.mark.parametrize("tag", ['<img src="../../../x.png"\n  {alt}>', '<img {alt}\n\n  src="../../../x.png">',
                                 '<img src="../media/a.png" srcset="../media/a.png 1x,\n ../../../x.png 2x"\n {alt}>'])
def test_a_start_tag_over_several_lines_is_reported_where_it_begins(tmp_path, tag):
    page_bundle(tmp_path, f'<p>Una línea</p> {tag.format(alt=ALT)}<img src="../media/b.png" {ALT}>')
    assert [(f.code, f.line, f.column) for f in findings(tmp_path, select="SCH004")] == [("SCH004", PAGE_LINE, 18)]  # was its last line, column 1


def test_near_miss_tags_after_a_long_tag_on_its_last_line_keep_their_place(tmp_path):
    page_bundle(tmp_path, f'<img src="../media/a.png"\n {ALT}><img src="../../../x.png" {ALT}>\n<img title="a > b"\n src="../../../y.png" {ALT}><img src="../media/b.png" {ALT}>')
    found = [(f.line, f.column) for f in findings(tmp_path, select="SCH004")]
    assert found == [(PAGE_LINE + 1, 31), (PAGE_LINE + 2, 1)]  # a ">" quoted in a value does not end the tag (was 7, 52: the next <img)


def test_many_start_tags_over_several_lines_are_located_in_linear_time(tmp_path):
    page_bundle(tmp_path, "\n".join(f'<img src="../../../x{i}.png"\n {ALT}>' for i in range(20_000)) + f'<img src="../media/b.png" {ALT}>')
    start = time.process_time()
    found = findings(tmp_path, select="SCH004")
    took = time.process_time() - start
    assert [(f.line, f.column) for f in found[:2]] == [(PAGE_LINE, 1), (PAGE_LINE + 2, 1)] and len(found) == 20_000
    assert took < 3, f"{took:.1f} s"


def test_a_start_tag_of_900_long_quoted_values_over_as_many_lines_is_located_in_linear_time(tmp_path):
    value = "a > b ' c " * 400
    attrs = "\n".join(f' data-{i}="{value}"' for i in range(900))  # 3.6 MB; over 1,000 attributes is SCH001
    page_bundle(tmp_path, f'<img {ALT}\n{attrs}\n src="../../../x.png"><img src="../media/b.png" {ALT}>')
    start = time.process_time()
    found = findings(tmp_path, select="SCH004")
    took = time.process_time() - start
    assert [(f.line, f.column) for f in found] == [(PAGE_LINE, 1)]
    assert took < 3, f"{took:.1f} s"


def test_a_baseline_naming_a_key_twice_is_a_usage_error(tmp_path):
    from listing_lint.baseline import BaselineError, read

    entries = json.dumps(_entries(["listings/a/listing.json"]))
    (tmp_path / "bl.json").write_text(f'{{"version": 1, "findings": [], "findings": {entries}}}', encoding="utf-8")
    with pytest.raises(BaselineError, match="an object names the key 'findings' twice"):
        read(tmp_path / "bl.json")  # was read as the last "findings" (a reader of the diff may see the first)


def test_near_miss_a_baseline_written_by_the_tool_is_read(tmp_path):
    from listing_lint.baseline import read

    (tmp_path / "bl.json").write_text(json.dumps({"version": 1, "tool": "listing-lint", "findings": _entries(["a", "b"])}), encoding="utf-8")
    assert [e["path"] for e in read(tmp_path / "bl.json")] == ["a", "b"]
