"""``--fix`` of LOC004 edits the real ``<html>`` element and writes only valid language tags
(issue 14, item 11). Real bundles, the real CLI."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "integrations"))

from integration_repos import cli, localized_bundle, page_html  # noqa: E402

ARGS = ["check", "--as-of", "2026-11-25", "--select", "LOC004", "--fix"]
PAGE = "listings/lamp/detail/es.html"


def _repo(tmp_path: Path, es_page: str, key: str = "es") -> Path:
    repo = tmp_path / "shop"
    b = localized_bundle(repo, "lamp")
    b.files.pop("detail/es.html")
    del b.data["detail_pages"]["es"]
    b.data["detail_pages"][key] = "detail/es.html"
    b.file("detail/es.html", es_page)
    b.write()
    return repo


@pytest.mark.parametrize("before, after", [
    # a commented-out <html> above the real one
    ('<!DOCTYPE html>\n<!-- old: <html lang="fr"> -->\n<html lang="en">\n',
     '<!DOCTYPE html>\n<!-- old: <html lang="fr"> -->\n<html lang="es">\n'),
    # "lang=" inside another attribute's value
    ("<!DOCTYPE html>\n<html data-note=' lang=fr' lang=\"en\">\n",
     "<!DOCTYPE html>\n<html data-note=' lang=fr' lang=\"es\">\n"),
    # no lang at all, a comment holding one first
    ('<!-- <html lang="de"> -->\n<html class="x">\n', '<!-- <html lang="de"> -->\n<html lang="es" class="x">\n'),
    # an unquoted value and an upper-case tag name
    ("<!DOCTYPE html>\n<HTML LANG=en>\n", "<!DOCTYPE html>\n<HTML LANG=es>\n"),
])
def test_fix_edits_the_element_the_parser_found(tmp_path, before, after):
    body = page_html("es").split("\n", 2)[2]  # the head and body of a good page
    repo = _repo(tmp_path, before + body)
    done = cli(ARGS, repo)
    assert f"Fixed {PAGE}" in done.stderr, done.stdout + done.stderr
    assert (repo / PAGE).read_text(encoding="utf-8") == after + body
    again = cli(ARGS, repo)
    assert "Fixed" not in again.stderr and "LOC004" not in again.stdout


def test_an_invalid_locale_key_is_never_written_into_the_tag(tmp_path):
    key = 'es" onmouseover="alert(1)'
    page = page_html("es").replace('<html lang="es">', '<html lang="en">')
    repo = _repo(tmp_path, page, key=key)
    for _ in range(2):
        done = cli(ARGS, repo)
        assert done.returncode in (0, 1), done.stderr
        assert "Fixed" not in done.stderr
    assert (repo / PAGE).read_text(encoding="utf-8") == page


def test_no_fix_when_the_html_element_is_implied(tmp_path):
    page = '<meta charset="utf-8">\n<html lang="en"><body><p>' + "x" * 10 + "</p></body></html>\n"
    repo = _repo(tmp_path, page)
    cli(ARGS, repo)
    assert (repo / PAGE).read_text(encoding="utf-8") == page
