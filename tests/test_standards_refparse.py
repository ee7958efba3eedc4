"""The reference parser reads standards as sellers and labs write them into one identity."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from listing_lint.standards.refparse import RefError, is_regulation, parse_ref, split_refs

CASES = [
    # text, canonical, family, year, amendments, version, body
    ("EN 62368-1:2014+A11:2017", "EN 62368-1:2014+A11:2017", "EN 62368-1", 2014, {"A11"}, None, "EN"),
    ("EN 62368-1:2014/A11:2017", "EN 62368-1:2014+A11:2017", "EN 62368-1", 2014, {"A11"}, None, "EN"),
    ("BS EN 62368-1:2014 + A11:2017", "EN 62368-1:2014+A11:2017", "EN 62368-1", 2014, {"A11"}, None, "EN"),
    ("EN IEC 62368-1:2020+A11:2020", "EN IEC 62368-1:2020+A11:2020", "EN 62368-1", 2020, {"A11"}, None, "EN"),
    ("IEC 62368-1:2018", "IEC 62368-1:2018", "IEC 62368-1", 2018, set(), None, "IEC"),
    ("ETSI EN 300 328 V2.2.2 (2019-07)", "ETSI EN 300 328 V2.2.2", "ETSI EN 300 328", None, set(), "2.2.2", "EN"),
    ("EN 301 489-17 V3.2.4", "ETSI EN 301 489-17 V3.2.4", "ETSI EN 301 489-17", None, set(), "3.2.4", "EN"),
    ("ANSI C63.10-2020", "ANSI C63.10-2020", "ANSI C63.10", 2020, set(), None, "ANSI"),
    ("en  62368–1 : 2014 + a11 : 2017", "EN 62368-1:2014+A11:2017", "EN 62368-1", 2014, {"A11"}, None, "EN"),
    ("EN62368-1:2014 A11:2017", "EN 62368-1:2014+A11:2017", "EN 62368-1", 2014, {"A11"}, None, "EN"),
    ("DIN EN 55035:2017/A11:2020", "EN 55035:2017+A11:2020", "EN 55035", 2017, {"A11"}, None, "EN"),
    ("EN 55032:2015+AC:2016", "EN 55032:2015", "EN 55032", 2015, set(), None, "EN"),
    ("EN 60950-1:2006+A11:2009+A1:2010+A12:2011+A2:2013", "EN 60950-1:2006+A11:2009+A1:2010+A12:2011+A2:2013",
     "EN 60950-1", 2006, {"A11", "A1", "A12", "A2"}, None, "EN"),
    ("EN IEC 61000-3-2:2019", "EN IEC 61000-3-2:2019", "EN 61000-3-2", 2019, set(), None, "EN"),
    ("EN 301489-17 V3.3.1", "ETSI EN 301 489-17 V3.3.1", "ETSI EN 301 489-17", None, set(), "3.3.1", "EN"),
    ("IEC 62368-1:2018 (Third Edition)", "IEC 62368-1:2018", "IEC 62368-1", 2018, set(), None, "IEC"),
    # the clauses or sections tested, as a Children's Product Certificate or a test report names them
    ("ASTM F963-23 Sections 4.3.5.1(2), 4.3.5.2(2)(b)", "ASTM F963-23", "ASTM F963", 2023, set(), None, "ASTM"),
    ("ASTM F963-23, Section 4.3.5", "ASTM F963-23", "ASTM F963", 2023, set(), None, "ASTM"),
    ("ASTM F963-23 § 4.3.5", "ASTM F963-23", "ASTM F963", 2023, set(), None, "ASTM"),
    ("EN 71-3:2019+A1:2021 clause 7.3", "EN 71-3:2019+A1:2021", "EN 71-3", 2019, {"A1"}, None, "EN"),
    ("EN 62368-1:2014+A11:2017 (clause 10.6)", "EN 62368-1:2014+A11:2017", "EN 62368-1", 2014, {"A11"}, None, "EN"),
    # a national body's own standard, not an EN it republishes: the UK plug (session 17)
    ("BS 1363-1:2016+A1:2018", "BS 1363-1:2016+A1:2018", "BS 1363-1", 2016, {"A1"}, None, "BS"),
    ("BS 1363-1:2016/A1:2018", "BS 1363-1:2016+A1:2018", "BS 1363-1", 2016, {"A1"}, None, "BS"),
]


@pytest.mark.parametrize("text,canonical,family,year,amendments,version,body", CASES, ids=[c[0] for c in CASES])
def test_parses_to_one_identity(text, canonical, family, year, amendments, version, body):
    ref = parse_ref(text)
    assert (ref.canonical, ref.family, ref.year, set(ref.real_amendments), ref.version, ref.body) == (
        canonical, family, year, amendments, version, body)


def test_national_prefix_and_slash_forms_are_the_same_edition():
    assert parse_ref("BS EN 62368-1:2014 + A11:2017") == parse_ref("EN 62368-1:2014/A11:2017").__class__(
        **{**parse_ref("EN 62368-1:2014/A11:2017").__dict__, "national": "BS"})
    assert parse_ref("BS EN 62368-1:2014 + A11:2017").national == "BS"


def test_an_iec_edition_is_not_an_en():
    assert parse_ref("IEC 62368-1:2018").family != parse_ref("EN 62368-1:2018").family


def test_a_national_standard_is_not_the_en_it_may_share_a_number_with():
    assert parse_ref("BS 62368-1:2014").family == "BS 62368-1" != parse_ref("BS EN 62368-1:2014").family
    assert parse_ref("BS EN 62368-1:2014").national == "BS" and parse_ref("BS 1363-1:2016").national is None


@pytest.mark.parametrize("text", ["", "foo", "Safety standard", "EN 62368-1:2014 foo", "EN", "EN 62368-1:2014+B7",
                                  "EN 71-1:2014 sections", "ASTM F963-23 Section"])
def test_unreadable_references_say_why(text):
    with pytest.raises(RefError) as err:
        parse_ref(text)
    assert str(err.value)


@pytest.mark.parametrize("text", ["47 CFR Part 15 Subpart C", "FCC Part 15.247", "KDB 558074 D01", "RSS-247 Issue 3", "ICES-003",
                                  "16 C.F.R. Part 1203", "Safety Standard for Bicycle Helmets, 16 C.F.R. Part 1203",
                                  "Requirements for Pacifiers 16 CFR §1511.3"])
def test_rule_parts_are_regulations_not_standards(text):
    assert is_regulation(text)


@pytest.mark.parametrize("text", ["Safety standard", "EN 1078:2012+A1:2012", "Bicycle helmets tested to 16 CFR 1203 and EN 1078",
                                  "ASTM F963-23"])
def test_near_miss_a_title_alone_or_a_cfr_part_mid_sentence_is_not_a_regulation(text):
    assert not is_regulation(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_parses_or_raises_refError(text):
    try:
        ref = parse_ref(text)
    except RefError:
        return
    assert parse_ref(ref.canonical).canonical == ref.canonical


# ---- several references on one line, as labs print them (session 13) ---------------------------
SPLITS = [
    ("EN 71-1:2014+A1:2018 / -2:2020 / -3:2019+A1:2021", ["EN 71-1:2014+A1:2018", "EN 71-2:2020", "EN 71-3:2019+A1:2021"]),
    ("EN 71-1/-2/-3", ["EN 71-1", "EN 71-2", "EN 71-3"]),
    ("EN 71-1/2/3", ["EN 71-1", "EN 71-2", "EN 71-3"]),
    ("EN 71-1, -2, -3", ["EN 71-1", "EN 71-2", "EN 71-3"]),
    ("EN IEC 61000-3-2:2019, -3-3:2013", ["EN IEC 61000-3-2:2019", "EN IEC 61000-3-3:2013"]),
    ("ETSI EN 301 489-1 V2.2.3 / -17 V3.2.4", ["ETSI EN 301 489-1 V2.2.3", "ETSI EN 301 489-17 V3.2.4"]),
    ("EN 62368-1:2014+A11:2017, EN 55032:2015", ["EN 62368-1:2014+A11:2017", "EN 55032:2015"]),
    ("16 CFR 1250 (ASTM F963-23)", ["16 CFR 1250", "ASTM F963-23"]),
    ("16 CFR Part 1250 (ASTM F963-23 Sections 4.3.5.1(2))", ["16 CFR Part 1250", "ASTM F963-23"]),
    ("16 CFR 1250 / ASTM F963-23", ["16 CFR 1250", "ASTM F963-23"]),
    ("BS EN 62368-1:2014+A11:2017 / BS 1363-1:2016+A1:2018", ["EN 62368-1:2014+A11:2017", "BS 1363-1:2016+A1:2018"]),
]


@pytest.mark.parametrize("text,refs", SPLITS, ids=[s[0] for s in SPLITS])
def test_a_line_of_several_references_is_read_one_by_one(text, refs):
    pieces = split_refs(text)
    assert [p if is_regulation(p) else parse_ref(p).canonical for p in pieces] == [
        r.upper() if is_regulation(r) else parse_ref(r).canonical for r in refs]


@pytest.mark.parametrize("text", [
    "EN 62368-1:2014/A11:2017", "EN 62368-1:2014/AC:2015", "EN ISO/IEC 17050-1:2010", "EN 71-1:2014/2018",
    "47 CFR Part 15 Subpart C", "16 CFR 1250 (toys)", "ASTM F963-23 (16 CFR 1250)", "EN 71-1/xyz", "EN 62368-1:2014",
])
def test_near_miss_one_reference_with_a_slash_or_a_parenthesis_stays_whole(text):
    assert split_refs(text) == (text,)


def test_splitting_is_bounded_on_hostile_lines():
    import time

    from listing_lint.standards.refparse import SPLIT_MAX_CHARS

    start = time.perf_counter()
    for text in ("EN 71-1" + "/-2" * 130, "EN 71-1" + "/A" * 195, "16 CFR 1250 (" * 30 + ")" * 30, "/" * 399,
                 "EN 71-1" + "/-2" * 300_000, "EN ISO/IEC" * 40):
        pieces = split_refs(text)
        assert pieces == (text,) or len(text) <= SPLIT_MAX_CHARS
    assert time.perf_counter() - start < 2
