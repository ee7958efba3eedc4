"""``--fix``: apply the fixes rules offer, from the end of each file backwards, and nothing else."""

from __future__ import annotations

import codecs
from pathlib import Path

from integration_repos import PAGES, cli, localized_bundle, make_clean_repo, page_html

from listing_lint.finding import Finding, Fix, Severity, TextEdit
from listing_lint.fixer import apply_fixes


def finding(code: str, path, *edits: tuple[int, int, str], description="fix it") -> Finding:
    fix = Fix(description, tuple(TextEdit(str(path), s, e, new) for s, e, new in edits))
    return Finding(code, Severity.WARNING, "m", "x", 1, 1, 1, 1, "b", "rule", fix=fix)


def test_edits_apply_from_the_end_and_overlaps_are_skipped(tmp_path):
    page = tmp_path / "es.html"
    page.write_text("abcdefghij", encoding="utf-8")
    report = apply_fixes(
        [
            finding("A001", page, (0, 1, "A"), (8, 10, "IJ")),  # two edits of one fix
            finding("B001", page, (3, 6, "-")),
            finding("C001", page, (5, 7, "?"), description="overlapping"),
        ],
        tmp_path,
    )
    assert page.read_text(encoding="utf-8") == "Abc-ghIJ"
    assert [(a.code, a.description) for a in report.applied] == [("A001", "fix it"), ("B001", "fix it")]
    assert [(s.code, s.description) for s in report.skipped] == [("C001", "overlapping")]
    assert report.lines()[-2:] == [
        "Not fixed es.html: overlapping (C001) overlaps another fix or no longer fits the file",
        "Applied 2 fixes in 1 file.",
    ]


def test_offsets_count_characters_after_a_byte_order_mark_and_keep_it(tmp_path):
    page = tmp_path / "fr.html"
    page.write_bytes(codecs.BOM_UTF8 + "Prix : 10 €\r\nfin".encode("utf-8"))
    apply_fixes([finding("LOC012", page, (4, 5, "\u202f"))], tmp_path)
    assert page.read_bytes() == codecs.BOM_UTF8 + "Prix\u202f: 10 €\r\nfin".encode("utf-8")


def test_files_without_fixes_are_not_touched(tmp_path):
    touched, other = tmp_path / "a.html", tmp_path / "b.html"
    touched.write_text("lang=en", encoding="utf-8")
    other.write_text("lang=en", encoding="utf-8")
    before = other.stat().st_mtime_ns
    apply_fixes([finding("LOC004", touched, (5, 7, "es")), finding("LOC004", touched, (5, 7, "es"))], tmp_path)
    assert touched.read_text(encoding="utf-8") == "lang=es"  # the same edit offered twice applies once
    assert other.stat().st_mtime_ns == before


def test_an_edit_past_the_end_of_the_file_is_skipped(tmp_path):
    page = tmp_path / "ru.html"
    page.write_text("short", encoding="utf-8")
    report = apply_fixes([finding("LOC004", page, (10, 12, "x"))], tmp_path)
    assert page.read_text(encoding="utf-8") == "short" and report.applied == [] and len(report.skipped) == 1


def test_cli_fix_sets_html_lang_reports_it_and_lints_again(tmp_path):
    repo = make_clean_repo(tmp_path / "shop")
    b = localized_bundle(repo, "solar-light-s3")
    b.page("es", page_html("es").replace('<html lang="es">', '<html lang="en">'))
    b.write()
    untouched = {p: p.read_bytes() for p in repo.rglob("*") if p.is_file() and p.name != "es.html"}
    before = cli(["check", "--as-of", "2026-11-25", "--select", "LOC004"], repo)
    assert "listings/solar-light-s3/detail/es.html:2:1: LOC004" in before.stdout
    done = cli(["check", "--as-of", "2026-11-25", "--select", "LOC004", "--fix"], repo)
    assert done.returncode == 0, done.stdout + done.stderr
    assert 'Fixed listings/solar-light-s3/detail/es.html: set <html lang="es"> (LOC004)' in done.stderr
    assert done.stdout.startswith("Found 0 errors, 0 warnings")  # the report shows what remains: nothing
    assert '<html lang="es">' in (repo / "listings/solar-light-s3/detail/es.html").read_text(encoding="utf-8")
    assert {p: p.read_bytes() for p in untouched} == untouched


ITALIAN = (
    "Questa lampada si ricarica al sole durante il giorno e si accende da sola quando scende la notte: facile!",
    "Installazione in pochi minuti: nessun cavo, nessun elettricista, nessuna bolletta in più.",
)


def test_cli_fix_leaves_a_page_judged_another_language_alone(tmp_path):
    # the fr page is Italian (LOC002): French spacing inserted into it would be wrong twice over
    repo = make_clean_repo(tmp_path / "shop")
    b = localized_bundle(repo, "solar-light-s3")
    italian = page_html("fr", *ITALIAN).replace(f"<p>{PAGES['fr']}</p>\n", "")
    b.page("fr", italian)
    b.write()
    page = repo / "listings/solar-light-s3/detail/fr.html"
    before = page.read_bytes()
    done = cli(["check", "--as-of", "2026-11-25", "--select", "LOC", "--fix"], repo)
    assert page.read_bytes() == before
    assert "Fixed" not in done.stderr
    assert done.stdout.startswith("listings/solar-light-s3/detail/fr.html:4:1: LOC002 [error] the fr page is 100% Italian by text")
    assert "LOC012" not in done.stdout and "LOC004" not in done.stdout


def test_cli_fix_still_spaces_the_french_page_next_to_an_english_paragraph(tmp_path):
    repo = make_clean_repo(tmp_path / "shop")
    b = localized_bundle(repo, "solar-light-s3")
    b.page("fr", page_html("fr", "Installation\u00a0: facile!", "Note: charge it for eight hours before the first use, then leave it outside!"))
    b.write()
    page = repo / "listings/solar-light-s3/detail/fr.html"
    done = cli(["check", "--as-of", "2026-11-25", "--select", "LOC", "--fix"], repo)
    text = page.read_text(encoding="utf-8")
    assert "Installation\u00a0: facile\u202f!" in text
    assert "Note: charge it for eight hours before the first use, then leave it outside!" in text
    assert "listings/solar-light-s3/detail/fr.html:7:1: LOC003" in done.stdout


def test_fix_counts_each_fix_it_applied_not_each_kind(tmp_path):
    """Seven marks missing their space: seven fixes (issue 14, item 16), though they are one finding,
    the page's habit, with one line saying what was done (session 12)."""
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "rules" / "localization"))
    from builder import BundleBuilder
    from loc_pages import FR, full

    b = full(BundleBuilder(tmp_path), fr=FR.replace("<p>Prix\u00a0: 39,90\u00a0€</p>", "<p>Oui: non; peut-être! Vraiment? Bon: fin; voilà!</p>"))
    b.write()
    done = cli(["check", "--as-of", "2026-11-25", "--select", "LOC012", "--fix"], tmp_path)
    assert "Applied 7 fixes in 1 file." in done.stderr, done.stderr
    assert done.stderr.count("Fixed listings/demo/detail/fr.html") == 1  # one line per fix


def test_a_cached_habit_fix_still_counts_each_mark(tmp_path):
    """The result cache keeps a fix's per-edit counting: a second run, answered from the cache,
    applies the same seven marks as seven fixes (not one)."""
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "rules" / "localization"))
    from builder import BundleBuilder
    from loc_pages import FR, full

    b = full(BundleBuilder(tmp_path), fr=FR.replace("<p>Prix\u00a0: 39,90\u00a0€</p>", "<p>Oui: non; peut-être! Vraiment? Bon: fin; voilà!</p>"))
    b.write()
    cache = tmp_path / "cache-folder"
    env = {"LISTING_LINT_CACHE_DIR": str(cache)}
    first = cli(["check", "--as-of", "2026-11-25", "--select", "LOC012"], tmp_path, env=env)
    assert "LOC012" in first.stdout and any(cache.glob("cache-v*.sqlite3"))
    done = cli(["check", "--as-of", "2026-11-25", "--select", "LOC012", "--fix"], tmp_path, env=env)
    assert "Applied 7 fixes in 1 file." in done.stderr, done.stderr
