"""The JSON-shaped outputs (json, sarif, gitlab, a merged report, a baseline) carry a repo's text
escaped as the text reporter shows it: no raw C1 control (``\\x9b`` is CSI to a terminal), line or
paragraph separator, or bidirectional override (a path that reads backwards in ``cat report.json``).
JSON's own ``\\uXXXX`` escapes keep the parsed values exactly the repo's. Real repos, the real CLI."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "integrations"))

from integration_repos import cli, localized_bundle, page_html  # noqa: E402

#: a file name with a CSI, a next-line, a bidi override and isolate, a line separator, marks and an emoji
EVIL = "es\u202eevil\u2066x\u2069\x9b31m\x85\u2028\u200f\U0001f600"
#: what no JSON-shaped output may carry raw: C0/C1 controls, format characters (bidi), separators
HIDDEN = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


@pytest.fixture
def evil_repo(tmp_path) -> Path:
    repo = tmp_path / "shop"
    b = localized_bundle(repo, "lamp")
    b.data["detail_pages"]["es"] = f"detail/{EVIL}.html"
    b.files.pop("detail/es.html")
    b.file(f"detail/{EVIL}.html", page_html("es").replace('<html lang="es">', '<html lang="en">'))
    b.write()
    return repo


def _check(text: str) -> None:
    assert not HIDDEN.search(text), repr(HIDDEN.search(text).group())


@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab"])
def test_json_formats_escape_hidden_characters(evil_repo, fmt):
    done = cli(["check", "--as-of", "2026-11-25", "--no-cache", "--select", "LOC004", "--format", fmt], evil_repo)
    assert done.returncode in (0, 1), done.stderr
    _check(done.stdout)
    parsed = json.dumps(json.loads(done.stdout), ensure_ascii=False)  # SARIF's URIs are percent-encoded
    assert f"listings/lamp/detail/{EVIL}.html" in (unquote(parsed) if fmt == "sarif" else parsed)


def test_russian_text_stays_readable_in_json(tmp_path):
    """Near miss: printable non-ASCII (Cyrillic, accents, no-break spaces) is not escaped."""
    from listing_lint.reporters.jsontext import dumps

    value = {"m": "цена 1\u202f234,50\u00a0€ — prise connectée", "p": "a\u202eb\x9b"}
    text = dumps(value)
    assert "цена 1\u202f234,50\u00a0€ — prise connectée" in text
    assert "a\\u202eb\\u009b" in text and json.loads(text) == value
    assert json.loads(dumps({"e": "\U0001f600\udc80"})) == {"e": "\U0001f600\udc80"}


def test_baseline_and_merged_report_escape_hidden_characters(evil_repo):
    head = ["check", "--as-of", "2026-11-25", "--no-cache", "--select", "LOC004"]
    assert cli([*head, "--write-baseline", "baseline.json"], evil_repo).returncode in (0, 1)
    _check((evil_repo / "baseline.json").read_text(encoding="utf-8"))
    for k in (1, 2):
        cli([*head, "--shard", f"{k}/2", "--format", "json", "--output", f"s{k}.json"], evil_repo)
    done = cli(["merge", "s1.json", "s2.json"], evil_repo)
    assert done.returncode in (0, 1), done.stderr
    _check(done.stdout)
    assert json.loads(done.stdout)["findings"]
