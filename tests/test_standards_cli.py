"""`listing-lint standards`: the registry for a market at a date, what is current, ended and coming."""

from click.testing import CliRunner

from listing_lint.cli import main


def _run(*args):
    return CliRunner().invoke(main, ["standards", *args])


def test_eu_at_2020_shows_en_60950_still_current_and_18031_coming():
    result = _run("--market", "EU", "--as-of", "2020-06-01")
    assert result.exit_code == 0, result.output
    ending = result.output.split("still current, ending:")[1].split("\n\n")[0]
    assert "EN 60950-1:2006" in ending and "presumption ends 2020-12-20" in ending
    coming = result.output.split("EU standards — coming")[1].split("\n\n")[0]
    assert "EN 18031-1:2024" in coming
    assert "2025-08-01" in result.output.split("EU requirements — coming")[1]


def test_eu_at_2026_shows_en_60950_ended_and_the_cra_coming():
    out = _run("--market", "eu", "--as-of", "2026-11-25").output
    ended = out.split("ended (no presumption at this date):")[1].split("\n\n")[0]
    assert "EN 60950-1:2006 (any amendments)" in ended and "ended 2020-12-20; cite EN 62368-1:2014+A11:2017" in ended
    assert "2027-12-11" in out.split("EU requirements — coming")[1]
    assert "UK standards" not in out


def test_all_markets_and_the_confidence_legend():
    out = _run("--as-of", "2026-11-25").output
    assert "confidence: C confirmed" in out
    for market in ("EU", "UK", "US"):
        assert f"{market} standards — current" in out
    assert "ANSI C63.10-2020" in out


def test_overlay_from_config_applies(tmp_path, monkeypatch):
    (tmp_path / "extra.yaml").write_text(
        "standards:\n  - {ref: 'EN 62133-2:2017', market: EU, legislation: [BATT], groups: [battery], status: current,\n"
        "     source: 'https://example.com/lab-note', confidence: single-source}\n", encoding="utf-8")
    (tmp_path / "listing-lint.toml").write_text('standards-overlay = "extra.yaml"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "EN 62133-2:2017" in _run("--market", "EU").output


def test_broken_overlay_is_a_usage_error(tmp_path, monkeypatch):
    (tmp_path / "listing-lint.toml").write_text('standards-overlay = "missing.yaml"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = _run()
    assert result.exit_code == 2 and "does not exist" in result.output


def test_check_with_a_broken_overlay_exits_2_before_linting(tmp_path, monkeypatch):
    (tmp_path / "bad.yaml").write_text("standards: [{ref: 'EN 1:2020', market: EU}]\n", encoding="utf-8")
    (tmp_path / "listing-lint.toml").write_text('standards-overlay = "bad.yaml"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", ".", "--select", "CMP"])
    assert result.exit_code == 2 and "standards entry 'EN 1:2020' (EU): missing status, source, confidence" in result.output


# ---- session 14: the command agrees with the rules on products sold without batteries -------------
BATTERY_REGULATION = "Batteries Regulation"


def _eu_battery_lines(out):
    return [line for line in out.splitlines() if BATTERY_REGULATION in line and "(LVD, EMC" not in line]


def test_a_battery_product_lists_the_batteries_regulation():
    out = _run("--market", "EU", "--as-of", "2026-12-07", "--group", "electric-toy", "--group", "battery").output
    assert len(_eu_battery_lines(out)) == 7  # three evidence rules and four dated milestones


def test_near_miss_batteries_not_included_lists_none_of_it():
    # before session 14 the four milestones were listed though CMP001 asks nothing of the battery
    out = _run("--market", "EU", "--as-of", "2026-12-07", "--group", "electric-toy", "--group", "batteries-not-included").output
    assert _eu_battery_lines(out) == []
    assert "required_standards electric-toy" in out  # the toy's own rules are still there


def _listing(tmp_path, **extra):
    import json

    data = {"schema_version": "1", "product_groups": ["electric-toy", "battery-powered"], "markets": ["EU", "US"], **extra}
    path = tmp_path / "listing.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_listing_with_batteries_not_included_lists_none_of_the_batteries_regulation(tmp_path):
    out = _run("--as-of", "2026-12-07", "--listing", _listing(tmp_path, battery={"included": False})).output
    assert "for batteries-not-included+battery+electric-toy+toy" in out.splitlines()[0]
    assert _eu_battery_lines(out) == []
    assert "UK standards" not in out and "US requirements" in out  # the listing's markets only


def test_near_miss_listing_whose_batteries_are_included(tmp_path):
    out = _run("--as-of", "2026-12-07", "--listing", _listing(tmp_path)).output
    assert len(_eu_battery_lines(out)) == 7


def test_a_listing_that_is_no_json_is_a_usage_error(tmp_path):
    (tmp_path / "listing.json").write_text("{", encoding="utf-8")
    result = _run("--listing", str(tmp_path / "listing.json"))
    assert result.exit_code == 2 and "cannot read" in result.output


def test_a_listing_that_is_a_fifo_is_refused_at_once_not_waited_on(tmp_path):
    """A FIFO named as the listing (or a device) would block ``open`` until a writer came: it is
    refused as no regular file, and the path is shown escaped (it is the user's text)."""
    import os
    import subprocess
    import sys

    fifo = tmp_path / "pipe\x1b[31m.json"
    os.mkfifo(fifo)
    proc = subprocess.run([sys.executable, "-m", "listing_lint", "standards", "--listing", str(fifo)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "not a readable regular file" in proc.stderr
    assert "\x1b" not in proc.stderr and "pipe\\x1b[31m.json" in proc.stderr


def test_near_miss_a_regular_listing_is_still_read(tmp_path):
    result = _run("--as-of", "2026-12-07", "--listing", _listing(tmp_path))
    assert result.exit_code == 0, result.output
    assert "Batteries" in result.output


# session 15: `standards --listing` reads listing.json as `check` does (it used json.loads: NaN, UTF-16
# without a byte-order mark's neighbours, 5 MB cut)


def test_a_listing_check_refuses_as_json_is_refused_the_same_way(tmp_path):
    """``"markets": NaN`` (json.loads reads it; JSON has no such number): check says SCH001, so does standards."""
    from builder import findings

    bundle = tmp_path / "listings" / "demo"
    bundle.mkdir(parents=True)
    (bundle / "listing.json").write_text('{"schema_version": "1",\n "battery": {"included": NaN}}', encoding="utf-8")
    [refused] = findings(tmp_path, select="SCH001")
    assert refused.line == 2 and "NaN is not a JSON number" in refused.message
    result = _run("--listing", str(bundle / "listing.json"))
    assert result.exit_code == 2, result.output
    assert "NaN is not a JSON number (RFC 8259 §6); write a number or null (line 2, column 26)" in result.output


def test_a_listing_too_deep_for_check_is_refused_without_a_recursion_error(tmp_path):
    path = tmp_path / "listing.json"
    path.write_text('{"markets": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    result = _run("--listing", str(path))
    assert result.exit_code == 2 and "JSON nested deeper than" in result.output


def test_a_listing_in_utf16_is_named_as_such(tmp_path):
    path = tmp_path / "listing.json"
    path.write_bytes('{"schema_version": "1", "markets": ["EU"]}'.encode("utf-16-le"))
    result = _run("--listing", str(path))
    assert result.exit_code == 2 and "UTF-16 (little-endian) text without a byte-order mark" in result.output


def test_near_miss_a_listing_with_a_byte_order_mark_and_a_key_given_twice_is_read_as_check_reads_it(tmp_path):
    path = tmp_path / "listing.json"
    path.write_bytes(b'\xef\xbb\xbf{"markets": ["UK"], "product_groups": ["battery-powered"], "markets": ["EU"]}')
    result = _run("--as-of", "2026-12-07", "--listing", str(path))
    assert result.exit_code == 0, result.output
    assert "EU" in result.output and "UK standards" not in result.output  # the last "markets" wins, as in check
