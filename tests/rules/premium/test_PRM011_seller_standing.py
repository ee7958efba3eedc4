from datetime import date

from builder import findings, lint

from listing_lint.rules.premium.PRM011_seller_standing import add_months


def test_young_licence_and_a_serious_violation(bundle, tmp_path, store):
    bundle.write()
    store.write({"seller": {"license_registered": "2024-11-26", "serious_violations_12m": 1}})
    assert lint(tmp_path, select="PRM011") == [
        ("store.json", store.line('"license_registered"'), "PRM011"),
        ("store.json", store.line('"serious_violations_12m"'), "PRM011"),
    ]
    assert "reached on 2026-11-26" in findings(tmp_path, select="PRM011")[0].message


def test_near_miss_exactly_two_years_and_no_violations(bundle, tmp_path, store):
    bundle.write()
    store.write({"seller": {"license_registered": "2024-11-25", "serious_violations_12m": 0}})
    assert lint(tmp_path, select="PRM011") == []


def test_a_leap_day_licence_qualifies_on_1_march():
    assert add_months(date(2024, 2, 29), 24) == date(2026, 3, 1)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 3, 1)
    assert add_months(date(2024, 11, 25), 24) == date(2026, 11, 25)


def test_no_store_json_or_bad_dates_stay_silent(bundle, tmp_path, store):
    bundle.write()
    assert lint(tmp_path, select="PRM011") == []
    store.write({"seller": {"license_registered": "last year", "serious_violations_12m": "none"}})
    assert lint(tmp_path, select="PRM011") == []


def test_a_licence_age_past_the_calendar_is_a_finding_not_a_crash(bundle, tmp_path, store):
    """``min-license-years = 1e300`` (finite, so a valid threshold) overflowed the date arithmetic
    (LNT003 "OverflowError"). A requirement reached after 9999-12-31 is simply not reached."""
    bundle.write()
    store.write({"seller": {"license_registered": "2020-01-01"}})
    for years in (1e308, 1e300, 10**30, 7980):
        found = findings(tmp_path, select=["PRM011", "LNT003"], thresholds={"min-license-years": years})
        assert [(f.path, f.line, f.code) for f in found] == [("store.json", store.line('"license_registered"'), "PRM011")]
        assert "reached after 9999-12-31" in found[0].message, found[0].message


def test_near_miss_a_requirement_reached_in_9999_still_has_its_date(bundle, tmp_path, store):
    bundle.write()
    store.write({"seller": {"license_registered": "2020-01-01"}})
    [f] = findings(tmp_path, select=["PRM011", "LNT003"], thresholds={"min-license-years": 7979})
    assert "reached on 9999-01-01" in f.message
