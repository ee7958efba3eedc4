"""Findings as LSP values: positions in UTF-16 units, and suppressions written in the project's syntax."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lsprotocol import types as lsp

from lsp_helpers import apply_edit
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


def test_every_fix_check_makes_is_a_code_action_with_the_same_edit(tmp_path):
    """LOC004 and LOC012 fixes (the rules that offer one) through the session and ``fix_action``:
    each action rewrites the text exactly as ``check --fix`` would (fixer.py applies the offsets)."""
    from builder import AS_OF, BundleBuilder
    from listing_lint.lsp.convert import fix_action
    from listing_lint.lsp.session import Options, Session, target_of

    page = (
        '<!doctype html>\n<html lang="fr_FR"><head><meta charset="utf-8"></head><body>\n'
        "<p>Le 🔌 est compatible avec Alexa: oui ! Et avec Siri\u202f? Non.</p>\n</body></html>\n"  # the emoji: 2 UTF-16 units
    )
    b = BundleBuilder(tmp_path)
    b.data["title"] = {"fr": "Prise connectée X1 Wi-Fi avec mesure de consommation"}
    b.page("fr", page).write()
    outcome = Session(Options(as_of=AS_OF)).lint(target_of(b.dir / "listing.json"), {}, True)
    fixable = [s.finding for items in outcome.files.values() for s in items if s.finding.fix]
    assert sorted(f.code for f in fixable) == ["LOC004", "LOC012", "LOC012"]
    for finding in fixable:
        [edit] = finding.fix.edits
        text = outcome.texts[edit.file]
        action = fix_action(finding, None, outcome.texts, lambda path: (Path(path).as_uri(), 7), "utf-16")
        [change] = action.edit.document_changes
        assert change.text_document.version == 7 and change.text_document.uri == Path(edit.file).as_uri()
        assert utf16_apply(text, change.edits) == text[: edit.start] + edit.new + text[edit.end :]
        assert action.kind == lsp.CodeActionKind.QuickFix and action.title.endswith(f"({finding.code})")


def utf16_apply(text: str, edits) -> str:
    """Apply LSP edits whose columns are UTF-16 units (an emoji is two), as VS Code does."""
    lines = text.split("\n")

    def offset(p: lsp.Position) -> int:
        line = lines[p.line]
        units = chars = 0
        while units < p.character:
            units += 2 if ord(line[chars]) > 0xFFFF else 1
            chars += 1
        return sum(len(x) + 1 for x in lines[: p.line]) + chars

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


def test_only_file_uris_name_files(tmp_path):
    from listing_lint.lsp.convert import path_of

    assert path_of((tmp_path / "a b.html").as_uri()) == tmp_path / "a b.html"
    assert path_of("untitled:Untitled-1") is None
    assert path_of("git:/repo/listing.json?ref=HEAD") is None
