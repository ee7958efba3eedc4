"""Numbers in listing.json that Python reads but JSON or the schema does not allow.

``NaN`` and ``Infinity`` are not JSON (RFC 8259 §6) yet ``json.loads`` takes them: ``"mde": NaN``
silenced ABT002. Numbers out of every sane range (a 4,000-digit visitor count, an amount of
``"1e999999999"``) crashed the rules that compute with them (LNT003). Both are the schema's to
report, at the right line, and no rule may crash on them.
"""

from __future__ import annotations

import json

import pytest

from builder import BundleBuilder, findings, lint

MANIFEST = "listings/demo/listing.json"


def _experiment(**extra) -> dict:
    exp = {"id": "es-main", "locale": "es", "element": "detail_page", "hypothesis": "shorter page sells",
           "primary_metric": "conversion_rate", "variants": [{"id": "a"}, {"id": "b"}],
           "traffic_split": [50, 50], "mde": 0.2, "daily_visitors": 300, "status": "planned"}
    exp.update(extra)
    return exp


def _bundle(tmp_path, raw_replace: tuple[str, str] | None = None, **experiment) -> tuple[BundleBuilder, str]:
    b = BundleBuilder(tmp_path)
    b.data["metrics"] = {"conversion_rate": 0.021}
    b.data["experiments"] = [_experiment(**experiment)]
    b.write()
    text = (b.dir / "listing.json").read_text(encoding="utf-8")
    if raw_replace:
        old, new = raw_replace
        assert old in text
        text = text.replace(old, new, 1)
        (b.dir / "listing.json").write_text(text, encoding="utf-8")
    return b, text


def _line_col(text: str, needle: str) -> tuple[int, int]:
    at = text.index(needle)
    return text[:at].count("\n") + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def test_mde_0_2_is_read_and_judged(tmp_path):
    """Near miss: the plain number is read, and ABT002 judges it (300 visitors a day are too few)."""
    _, text = _bundle(tmp_path)
    assert lint(tmp_path, select=["SCH001", "ABT002"]) == [(MANIFEST, _line_col(text, '"mde"')[0], "ABT002")]


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_non_numbers_are_invalid_json_at_their_position(tmp_path, literal):
    _, text = _bundle(tmp_path, ('"mde": 0.2', f'"mde": {literal}'))
    line, column = _line_col(text, f'"mde": {literal}')
    [f] = findings(tmp_path, select=["SCH001", "ABT002", "LNT003"])
    assert (f.path, f.line, f.column, f.code) == (MANIFEST, line, column + len('"mde": '), "SCH001")
    assert f.message.startswith(f"invalid JSON: {literal} is not a JSON number")


def test_nan_inside_a_string_is_text(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["title"]["en"] = 'Lamp NaN Infinity -Infinity "NaN"'
    b.write()
    assert lint(tmp_path, select=["SCH001"]) == []


def test_nan_after_a_string_that_holds_nan(tmp_path):
    """The position is that of the token, not of the same letters earlier in a string."""
    b = BundleBuilder(tmp_path)
    b.data["title"]["en"] = "NaN lamp"
    b.data["experiments"] = [_experiment()]
    b.write()
    path = b.dir / "listing.json"
    text = path.read_text(encoding="utf-8").replace('"mde": 0.2', '"mde": NaN')
    path.write_text(text, encoding="utf-8")
    assert lint(tmp_path, select=["SCH001"]) == [(MANIFEST, _line_col(text, '"mde": NaN')[0], "SCH001")]


def test_4000_digit_visitor_count_is_a_schema_finding(tmp_path):
    digits = "9" * 4000  # under Python's 4,300-digit limit for int(): it parses, then overflowed a float in ABT006
    results = {"a": {"visitors": 1000, "conversions": 10}, "b": {"visitors": 1000, "conversions": 12}}
    _, text = _bundle(tmp_path, ('"visitors": 1000', f'"visitors": {digits}'), results=results, status="done")
    line = _line_col(text, digits)[0]
    found = findings(tmp_path, select=["SCH002", "ABT", "LNT003"])
    assert [(f.path, f.line, f.code) for f in found if f.code in ("SCH002", "LNT003")] == [(MANIFEST, line, "SCH002")]
    assert "must be at most 1000000000000" in next(f.message for f in found if f.code == "SCH002")


def test_a_large_but_plausible_visitor_count_stays_valid(tmp_path):
    results = {"a": {"visitors": 900_000_000, "conversions": 10}, "b": {"visitors": 900_000_000, "conversions": 12}}
    _bundle(tmp_path, results=results, status="done")
    assert lint(tmp_path, select=["SCH002", "ABT006", "LNT003"]) == []


def _priced(repo, amount: str) -> str:
    b = BundleBuilder(repo)
    b.data["skus"] = [{"id": "D1", "model": "D1-EU", "price": {"amount": amount, "currency": "USD"}, "core": True},
                      {"id": "D2", "model": "D2-EU", "price": {"amount": "20.00", "currency": "USD"}, "core": True}]
    b.write()
    (repo / "store.json").write_text(json.dumps({}) + "\n", encoding="utf-8")
    return (b.dir / "listing.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("amount", ["1e999999999", "1" * 40, "NaN", "Infinity"])
def test_out_of_range_amount_is_a_schema_finding_not_a_crash(tmp_path, amount):
    text = _priced(tmp_path, amount)
    line = _line_col(text, f'"amount": "{amount}"')[0]
    found = lint(tmp_path, select=["SCH002", "PRM007", "LNT003"])
    assert found == [(MANIFEST, line, "SCH002"), ("store.json", 1, "PRM007")]  # PRM007 judges the readable price


def test_fifteen_digit_amount_is_accepted(tmp_path):
    _priced(tmp_path, "100000000000000.00")
    assert lint(tmp_path, select=["SCH002", "PRM007", "LNT003"]) == []
