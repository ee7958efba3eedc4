"""Regular expressions on user text: each input below made a pattern backtrack for minutes to hours.

Every case runs the real CLI in a fresh process with a timeout: a pattern that backtracks again
fails the test by the timeout instead of blocking the suite. The findings are asserted exactly,
so the linear-time replacements must also still find what the patterns found.
"""

from __future__ import annotations

import json
import time

import pytest

from harness import BUNDLE, base_case, page_html, write_case
from lintrun import cli

PAGE = f"{BUNDLE}/detail/en.html"
MANIFEST = f"{BUNDLE}/listing.json"
SECONDS = 20  # each case takes well under 2 s here; the old patterns took minutes to hours


def _run(work, page: str, *args: str) -> list[tuple[str, int, str]]:
    case = base_case()
    case.files[PAGE] = page.encode("utf-8")
    repo = write_case(work, case)
    started = time.monotonic()
    proc = cli(repo, "--format", "json", "--jobs", "1", *args, timeout=SECONDS)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    found = json.loads(proc.stdout)["findings"]
    assert [f["message"] for f in found if f["code"] == "LNT003"] == []
    assert time.monotonic() - started < SECONDS
    return [(f["path"], f["line"], f["code"]) for f in found]


def _line(page: str, needle: str) -> int:
    return page[: page.index(needle)].count("\n") + 1


def test_unclosed_suppression_comment_followed_by_spaces(work):
    """Cubic before: 5,000 spaces took 91 s, 20 KB about an hour, in the rules and again in the engine."""
    body = "<p>{{product_name}} fits every socket.</p>\n<!-- listing-lint: disable=" + " " * 40_000
    page = page_html("en", body)
    assert _run(work, page, "--select", "LOC005,LNT") == [(PAGE, _line(page, "{{product_name}}"), "LOC005")]


def test_many_disable_next_comments_before_many_blank_lines(work):
    """Quadratic before: each ``disable-next`` walked the same blank lines to the next content line."""
    comments = "<!-- listing-lint: disable-next=LOC005 -->" * 20_000
    blank = "\n" * 50_000  # lxml numbers lines only up to 65,535
    body = comments + blank + "<p>{{product_name}} fits every socket.</p>\n<p>{{colour}} too.</p>"
    page = page_html("en", body)
    # the first content line after the blank lines is suppressed (by every comment), the next is not
    assert _run(work, page, "--select", "LOC005") == [(PAGE, _line(page, "{{colour}}"), "LOC005")]


def test_suppression_comments_still_work_around_other_comments(work):
    """Near miss for the linear parser: plain comments, a ``>`` in a comment, an enable that closes."""
    body = (
        "<!-- a comment with > inside -->\n"
        "<!-- listing-lint: disable=LOC005 -->\n<p>{{one}} here.</p>\n<!-- listing-lint: enable=LOC005 -->\n"
        "<p>{{two}} here.</p>\n"
        "<!--listing-lint:disable-next=LOC005-->\n\n\n<p>{{three}} here.</p>\n<p>{{four}} here.</p>"
    )
    page = page_html("en", body)
    assert _run(work, page, "--select", "LOC005,LNT") == [
        (PAGE, _line(page, "{{two}}"), "LOC005"),
        (PAGE, _line(page, "{{four}}"), "LOC005"),
    ]


@pytest.mark.parametrize("document", [True, False])
def test_repeated_empty_comments_before_the_document(work, document):
    """Exponential before: 459 bytes of ``<!---->`` took 30 s to tell a document from a fragment."""
    comments = "<!---->" * 5_000 + "\n"
    if document:
        page = comments + '<html>\n<body><p>A smart plug for every socket in the house.</p></body>\n</html>\n'
        assert _run(work, page, "--select", "LOC004") == [(PAGE, _line(page, "<html>"), "LOC004")]
    else:  # a fragment has no <html> to judge: silent
        page = comments + "<p>A smart plug for every socket in the house.</p>\n"
        assert _run(work, page, "--select", "LOC004") == []


def test_bracket_placeholder_with_many_underscores(work):
    """Quadratic before in LOC005: ``[a_a_a_...`` split the underscores between two quantifiers
    (60,000 characters: past the 30 s rule budget, so LNT003)."""
    body = "<p>[" + "a_" * 30_000 + "</p>\n<p>Order [PRODUCT_NAME] today.</p>"
    page = page_html("en", body)
    assert _run(work, page, "--select", "LOC005") == [(PAGE, _line(page, "[PRODUCT_NAME]"), "LOC005")]


def test_the_suppression_phase_runs_under_the_rule_time_budget(work, monkeypatch):
    """Whatever the next slow pattern is, reading suppressions cannot stall the run: past the
    budget it is LNT003 on the bundle, and every finding stays (nothing hidden unread)."""
    from harness import lint_repo

    from listing_lint import engine

    def endless(bundle, findings, rules, settings):
        while True:
            pass

    case = base_case()
    page = page_html("en", "<p>{{product_name}} fits every socket.</p>\n<!-- listing-lint: disable=LOC005 -->")
    case.files[PAGE] = page.encode("utf-8")
    repo = write_case(work, case)
    monkeypatch.setattr(engine, "apply_suppressions", endless)
    result = lint_repo(repo, select=["LOC005", "LNT003"], rule_timeout=1)
    found = sorted((f.path, f.line, f.code) for f in result.findings)
    assert found == sorted([(PAGE, _line(page, "{{product_name}}"), "LOC005"), (MANIFEST, 1, "LNT003"),
                            ("listings/reel.listing.json", 1, "LNT003")])
    assert all("reading the suppression comments took longer than 1 s" in f.message
               for f in result.findings if f.code == "LNT003")


def test_many_spanish_questions(work):
    """Quadratic before in LOC012: the text before every "?" was split again (100 KB: two minutes)."""
    case = base_case()
    es = f"{BUNDLE}/detail/es.html"
    page = page_html("es", "<p>" + "¿Sí? " * 20_000 + "</p>\n<p>Funciona con Alexa?</p>")
    case.files[es] = page.encode("utf-8")
    repo = write_case(work, case)
    proc = cli(repo, "--format", "json", "--jobs", "1", "--select", "LOC012", timeout=SECONDS)
    assert proc.returncode in (0, 1), proc.stderr
    found = [(f["path"], f["line"], f["code"]) for f in json.loads(proc.stdout)["findings"]]
    assert found == [(es, _line(page, "Funciona con Alexa?"), "LOC012")]


def test_a_page_of_many_prices_and_numbers(work):
    """Quadratic before in LOC009: every number with both separators was compared with every price's
    span (20,000 of each: 30 s). Now one search; the number written the wrong way is still found."""
    body = "<p>" + "Price: $1,299.00 for 1,234.50 units. " * 20_000 + "</p>\n<p>The total is 1.234,50 units.</p>"
    page = page_html("en", body)
    assert _run(work, page, "--select", "LOC009") == [(PAGE, _line(page, "The total is"), "LOC009")]


def test_a_very_long_attribute_name(work):
    """Quadratic before in the markup walk LOC012 uses: every letter of a long name was tried as
    the start of ``name=value`` (20,000 letters: 8.6 s; 100,000: minutes, past the rule budget)."""
    body = "<p " + "b" * 100_000 + ">Fits every socket in the house.</p>"
    assert _run(work, page_html("en", body), "--select", "LOC012") == []


def test_a_suppression_naming_200000_codes(work):
    """One comment, 200,000 unknown codes and one real one: before, 90 s, 200,000 LNT002 findings
    (78 MB of JSON) and LNT003 for the suppression phase. Now one LNT002 that counts them, and
    the real code still suppresses."""
    junk = ",".join(f"Q{i}" for i in range(200_000))
    body = f"<!-- listing-lint: disable={junk},LOC005 -->\n<p>{{{{product_name}}}} fits.</p>\n<!-- listing-lint: disable=ZZZ1,ZZZ2 -->"
    page = page_html("en", body)
    found = _run(work, page, "--select", "LOC005,LNT")
    assert found == [(PAGE, _line(page, "<!-- listing-lint: disable=Q0"), "LNT002"),
                     (PAGE, _line(page, "disable=ZZZ1"), "LNT002"), (PAGE, _line(page, "disable=ZZZ1"), "LNT002")]


def test_lint_ignore_with_100000_unknown_codes(work):
    """The same in listing.json: one LNT002 at ``lint.ignore``, not one per entry."""
    case = base_case()
    doc = json.loads(case.files[MANIFEST])
    doc["lint"] = {"ignore": [f"Q{i}" for i in range(100_000)], "reason": "noise"}
    from harness import dumps

    case.files[MANIFEST] = dumps(doc)
    repo = write_case(work, case)
    proc = cli(repo, "--format", "json", "--jobs", "1", "--select", "LNT002", timeout=SECONDS)
    report = json.loads(proc.stdout)["findings"]
    found = [(f["path"], f["line"], f["code"]) for f in report]
    line = case.files[MANIFEST][: case.files[MANIFEST].index(b'"ignore"')].count(b"\n") + 1
    assert found == [(MANIFEST, line, "LNT002")]
    assert report[0]["message"].startswith("suppression names 100,000 unknown rule codes ('Q0', 'Q1', 'Q2', 'Q3', 'Q4', …)")


def test_a_page_on_one_line_with_many_elements(work):
    """Quadratic before: every element's column lowered its whole line again (20,000 paragraphs on
    one line of 1.1 MB: 25 s in str.lower, and LOC002 stopped by the rule budget)."""
    words = ("lampe", "bureau", "lumière", "chaleur", "bras", "base", "abat-jour", "interrupteur", "câble", "table")
    body = "".join(f"<p>La {words[i % 10]} et le {words[(i // 10) % 10]} vont très bien ensemble {'é' * (i % 7)}.</p>"
                   for i in range(20_000))
    page = page_html("en", body.replace("\n", " ") + "<p>{{colour}} too.</p>")
    found = _run(work, page, "--select", "LOC002,LOC005")  # French on the English page: LOC002 too
    assert (PAGE, _line(page, "{{colour}}"), "LOC005") in found and "LOC002" in {code for _, _, code in found}


def test_a_page_longer_than_the_language_budget_is_judged_in_part_and_says_so(work):
    """A page of more text than ``langid-max-judged-chars`` (60,000) is judged on its first part; an
    info finding at the first block left out says so. English copy on the English page: nothing else."""
    sentences = ("This lamp lights the whole desk evenly and never flickers.",
                 "The arm folds flat, so it fits in a drawer when you travel.",
                 "A soft touch on the base changes the brightness in ten steps.")
    body = "\n".join(f"<p>{sentences[i % 3]} Section {i}.</p>" for i in range(1_500))
    page = page_html("en", body)
    case = base_case()
    case.files[PAGE] = page.encode("utf-8")
    repo = write_case(work, case)
    proc = cli(repo, "--format", "json", "--jobs", "1", "--select", "LOC002,LOC003", timeout=SECONDS)
    found = json.loads(proc.stdout)["findings"]
    assert [(f["path"], f["code"], f["severity"]) for f in found] == [(PAGE, "LOC002", "info")]
    assert "judged the first 60,000 characters" in found[0]["message"]
    assert 500 < found[0]["line"] < 1_500  # the first block past the budget, not the top of the page


def test_filler_words_carry_no_language(work):
    """A run of letters no word reaches (a million "a"s) is filler, not Spanish: no LOC002/LOC003."""
    page = page_html("en", "<p>" + "a" * 200_000 + "</p>\n<p>The lamp folds flat for travel.</p>")
    assert _run(work, page, "--select", "LOC002,LOC003") == []
