"""Findings as LSP values: positions in UTF-16 units, and suppressions written in the project's syntax."""

from __future__ import annotations

import json

import pytest
from lsprotocol import types as lsp

from conftest import apply_edit
from listing_lint.finding import Finding, Severity
from listing_lint.lsp.convert import REASON, Positions, _json_suppression, code_at, diagnostic


def finding(line, column, end_line, end_column, code="LOC005"):
    return Finding(code, Severity.ERROR, "m", "detail/es.html", line, column, end_line, end_column, "demo", "placeholder")


def test_columns_count_utf16_units():
    text = "<p>🔌 Enchufe {{x}}</p>\n"  # the plug emoji is one character, two UTF-16 units, four UTF-8 bytes
    col = text.index("{{") + 1
    for encoding, expected in (("utf-16", col - 1 + 1), ("utf-8", col - 1 + 3), ("utf-32", col - 1)):
        pos = Positions(text, encoding)
        assert pos.at(1, col) == lsp.Position(0, expected), encoding
    d = diagnostic(finding(1, col, 1, col + 5), Positions(text))
    assert d.range == lsp.Range(lsp.Position(0, col), lsp.Position(0, col + 5))
    assert d.severity == lsp.DiagnosticSeverity.Error and d.source == "listing-lint" and d.code == "LOC005"


def test_a_file_without_lines_points_at_its_start():
    d = diagnostic(Finding("MED005", Severity.ERROR, "m", "media/a.png", None, None, None, None, "demo", "broken-media"), None)
    assert d.range == lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0))


def test_code_under_the_cursor():
    line = "<!-- listing-lint: disable-next=LOC005,MED001 -->"
    assert code_at(line, line.index("MED001") + 2, "utf-16") == ("MED001", line.index("MED001"), line.index("MED001") + 6)
    assert code_at(line, 3, "utf-16") is None
    assert code_at("ABC123 is no rule", 2, "utf-16") is None


def suppressed(text: str, code: str = "MED001"):
    edit = _json_suppression(text, code, "utf-16")
    return None if edit is None else json.loads(apply_edit(text, [edit]))


@pytest.mark.parametrize(
    "before, after",
    [
        ({"id": "x"}, {"lint": {"ignore": ["MED001"], "reason": REASON}, "id": "x"}),
        ({}, {"lint": {"ignore": ["MED001"], "reason": REASON}}),
        ({"id": "x", "lint": {"ignore": ["LOC005"], "reason": "legacy"}}, {"id": "x", "lint": {"ignore": ["LOC005", "MED001"], "reason": "legacy"}}),
        ({"lint": {"ignore": []}}, {"lint": {"ignore": ["MED001"]}}),
        ({"lint": {"reason": "r"}}, {"lint": {"ignore": ["MED001"], "reason": "r"}}),
        ({"lint": {}}, {"lint": {"ignore": ["MED001"], "reason": REASON}}),
    ],
)
@pytest.mark.parametrize("indent", [2, None])
def test_json_suppression_adds_the_code(before, after, indent):
    assert suppressed(json.dumps(before, indent=indent)) == after


@pytest.mark.parametrize("text", ['{"lint": {"ignore": ["MED001"]}}', '{"id": "x", ', "[1]", '{"lint": "MED001"}', '{"lint": {"ignore": "MED001"}}'])
def test_json_suppression_declines_what_it_cannot_write_safely(text):
    assert suppressed(text) is None


def test_new_lint_member_keeps_the_files_layout():
    text = '{\n    "schema_version": "1",\n    "id": "x"\n}\n'
    edit = _json_suppression(text, "MED001", "utf-16")
    assert apply_edit(text, [edit]) == (
        '{\n    "lint": {"ignore": ["MED001"], "reason": "' + REASON + '"},\n    "schema_version": "1",\n    "id": "x"\n}\n'
    )
