"""Findings as LSP values: diagnostics, quick fixes, suppressions, hovers.

Positions: findings count 1-based lines and columns in characters (code points); LSP counts
0-based lines and columns in the negotiated encoding (UTF-16 unless the client offers another),
so every column is converted through the text of its line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from lsprotocol import types as lsp

from listing_lint import links, registry
from listing_lint.bundle.positions import LineIndex, json_offsets
from listing_lint.docs import rule_help
from listing_lint.finding import Finding, Severity
from listing_lint.reporters._common import help_uri
from listing_lint.reporters.text import escape

SOURCE = "listing-lint"
SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
REASON = "TODO: say why this finding is acceptable here"
CODE_WORD = re.compile(r"\b[A-Z]{3}\d{3}\b")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


class Positions:
    """Finding positions <-> LSP positions in one text (the text the rules read)."""

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.index = LineIndex(text)
        self.encoding = encoding

    def units(self, chars: str) -> int:
        if self.encoding == "utf-8":
            return len(chars.encode("utf-8", "surrogatepass"))
        if self.encoding == "utf-32":
            return len(chars)
        return len(chars.encode("utf-16-le", "surrogatepass")) // 2

    def at(self, line: int, column: int) -> lsp.Position:
        """1-based line and character column -> LSP position (clamped into the text)."""
        line = max(1, min(line, self.index.line_count))
        text = self.index.line_text(line)
        return lsp.Position(line - 1, self.units(text[: max(0, column - 1)]))

    def at_offset(self, offset: int) -> lsp.Position:
        return self.at(*self.index.position(max(0, min(offset, len(self.index.text)))))


def finding_range(finding: Finding, positions: Positions | None) -> lsp.Range:
    if finding.line is None or positions is None:
        return lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0))  # a file without lines (a picture): its start
    start = positions.at(finding.line, finding.column or 1)
    end = positions.at(finding.end_line or finding.line, finding.end_column or finding.column or 1)
    return lsp.Range(start, end if (end.line, end.character) >= (start.line, start.character) else start)


def rule_docs(code: str, name: str = "") -> str | None:
    """Where the rule's documentation is: the published reference when the distribution names one
    (the reporters' link), else the reference shipped with the package, as a file URI."""
    url = help_uri(code, name)
    if url:
        return url
    folder = links.docs_dir()
    return f"{(folder / links.REFERENCE).as_uri()}#{links.anchor(code, name)}" if folder else None


def diagnostic(finding: Finding, positions: Positions | None) -> lsp.Diagnostic:
    rule = registry.by_code().get(finding.code)
    href = rule_docs(finding.code, rule.name if rule else "")
    return lsp.Diagnostic(
        range=finding_range(finding, positions),
        message=escape(finding.message),  # as `check` prints it: a repo's bidi overrides and escapes stay visible
        severity=SEVERITY[finding.severity],
        code=finding.code,
        code_description=lsp.CodeDescription(href=href) if href else None,
        source=SOURCE,
    )


def same(a: lsp.Diagnostic, b: lsp.Diagnostic) -> bool:
    """The client echoes our diagnostics in a code-action request; match them on what identifies one."""
    return a.code == b.code and a.message == b.message and a.range == b.range


def overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    return (a.start.line, a.start.character) <= (b.end.line, b.end.character) and (b.start.line, b.start.character) <= (
        a.end.line,
        a.end.character,
    )


# -- quick fixes ---------------------------------------------------------------------------------
def _document_edit(uri: str, version: int | None, edits: list[lsp.TextEdit]) -> lsp.TextDocumentEdit:
    return lsp.TextDocumentEdit(lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version), edits)


def fix_action(finding: Finding, diag: lsp.Diagnostic, texts: dict[str, str], documents, encoding: str) -> lsp.CodeAction | None:
    """The finding's own fix (what ``check --fix`` applies) as a workspace edit, or None."""
    if finding.fix is None or not finding.fix.edits:
        return None
    per_file: dict[str, list[lsp.TextEdit]] = {}
    for edit in finding.fix.edits:
        text = texts.get(edit.file)
        if text is None or not 0 <= edit.start <= edit.end <= len(text):
            return None  # the text the offsets refer to is gone: no edit rather than a wrong one
        pos = Positions(text, encoding)
        per_file.setdefault(edit.file, []).append(lsp.TextEdit(lsp.Range(pos.at_offset(edit.start), pos.at_offset(edit.end)), edit.new))
    changes = [_document_edit(*documents(path), edits) for path, edits in sorted(per_file.items())]
    return lsp.CodeAction(
        title=f"{escape(finding.fix.description)} ({finding.code})",
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diag],
        is_preferred=True,
        edit=lsp.WorkspaceEdit(document_changes=changes),
    )


# -- suppressions --------------------------------------------------------------------------------
def suppress_action(finding: Finding, diag: lsp.Diagnostic, path: str, manifest: str | None, texts: dict[str, str], documents, encoding: str):
    """"Suppress this finding here" in the project's own syntax, with a reason to fill in."""
    if path.endswith(HTML_SUFFIXES) and finding.line is not None and path in texts:
        text = texts[path]
        pos = Positions(text, encoding)
        line_text = pos.index.line_text(finding.line)
        indent = line_text[: len(line_text) - len(line_text.lstrip())]
        newline = "\r\n" if "\r\n" in text else "\n"
        comment = f"{indent}<!-- listing-lint: disable-next={finding.code} --><!-- reason: {REASON} -->{newline}"
        start = lsp.Position(finding.line - 1, 0)
        edit = lsp.TextEdit(lsp.Range(start, start), comment)
        title = f"Suppress {finding.code} on this line (HTML comment)"
        target = path
    elif manifest is not None and manifest in texts:
        edit = _json_suppression(texts[manifest], finding.code, encoding)
        if edit is None:
            return None
        title = f"Suppress {finding.code} in this bundle (listing.json lint.ignore)"
        target = manifest
    else:
        return None
    return lsp.CodeAction(
        title=title,
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diag],
        edit=lsp.WorkspaceEdit(document_changes=[_document_edit(*documents(target), [edit])]),
    )


def _json_suppression(text: str, code: str, encoding: str) -> lsp.TextEdit | None:
    """One insertion adding ``code`` to ``lint.ignore`` (creating ``lint`` with a reason if needed)."""
    try:
        return _json_suppression_edit(text, code, encoding)
    except RecursionError:
        # nested deeper than Python's stack (`[[[[…` 50,000 levels, SCH001 says so): the code
        # action request failed with an internal error and the editor got no action at all
        return None


def _json_suppression_edit(text: str, code: str, encoding: str) -> lsp.TextEdit | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None  # half-typed JSON: nowhere safe to write
    if not isinstance(data, dict):
        return None
    offsets = json_offsets(text)
    pos = Positions(text, encoding)
    lint = data.get("lint")
    quoted = json.dumps(code)
    if isinstance(lint, dict):
        ignore = lint.get("ignore")
        if isinstance(ignore, list):
            if code in ignore:
                return None
            if ignore:
                at, new = offsets[f"/lint/ignore/{len(ignore) - 1}"][1], f", {quoted}"
            else:
                at, new = offsets["/lint/ignore"][1] - 1, quoted
        elif "ignore" in lint:
            return None  # not a list: SCH002 says so; do not guess
        else:
            members = [f'"ignore": [{quoted}]'] + ([] if "reason" in lint else [f'"reason": {json.dumps(REASON)}'])
            at, new = offsets["/lint"][0] + 1, ", ".join(members) + (", " if lint else "")
    elif "lint" in data:
        return None
    else:
        member = f'"lint": {{"ignore": [{quoted}], "reason": {json.dumps(REASON)}}}'
        start = offsets[""][0] + 1
        first = next(iter(data), None)
        if first is None:
            at, new = start, member
        else:
            key_start = offsets["/" + first.replace("~", "~0").replace("/", "~1")][2]
            gap = text[start:key_start]
            at, new = key_start, member + "," + (gap[gap.rfind("\n"):] if "\n" in gap else " ")
    return lsp.TextEdit(lsp.Range(pos.at_offset(at), pos.at_offset(at)), new)


# -- hover ---------------------------------------------------------------------------------------
def rule_hover(codes: list[str], where: lsp.Range | None = None) -> lsp.Hover | None:
    """``listing-lint rule CODE`` for each code, with the link to the rule's documentation."""
    parts = []
    for code in dict.fromkeys(codes):
        rule = registry.lookup(code)
        if rule is not None:
            href = rule_docs(rule.code, rule.name)
            parts.append(f"```text\n{rule_help(rule)}```" + (f"\n[{rule.code} documentation]({href})" if href else ""))
    if not parts:
        return None
    return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)), range=where)


def code_at(line_text: str, character: int, encoding: str) -> tuple[str, int, int] | None:
    """The rule code (``LOC005``) under the cursor, with its start and end in client units.

    Only the few characters around the cursor are searched, and the line is converted between
    units once: walking every code word of the line, each converting its whole prefix, took a
    minute on one 2 MB line of codes, with the protocol thread (every other request) waiting."""
    pos = Positions(line_text, encoding)
    at = _index(line_text, character, encoding)
    width = 6  # a code is three capitals and three digits
    for m in CODE_WORD.finditer(line_text, max(0, at - width), min(len(line_text), at + width + 1)):
        if m.start() <= at <= m.end() and registry.lookup(m.group()) is not None:
            start = pos.units(line_text[: m.start()])
            return m.group(), start, start + pos.units(m.group())
    return None


def _index(text: str, units: int, encoding: str) -> int:
    """The code point index of a column given in client units (clamped to the text)."""
    if encoding == "utf-32":
        return max(0, min(units, len(text)))
    codec = "utf-8" if encoding == "utf-8" else "utf-16-le"
    data = text.encode(codec, "surrogatepass")[: max(0, units) * (1 if codec == "utf-8" else 2)]
    for cut in range(4):  # a column inside a character: the character it is in
        try:
            return len(data[: len(data) - cut].decode(codec, "surrogatepass"))
        except UnicodeDecodeError:
            continue
    return len(data.decode(codec, "ignore"))


def path_of(uri: str) -> Path | None:
    """The file a ``file:`` URI names; None for anything else (``untitled:``, ``git:``…), which is
    no bundle's file and must not be looked up relative to wherever the server was started."""
    from pygls.uris import to_fs_path

    if not uri.startswith("file:"):
        return None
    fs = to_fs_path(uri)
    return Path(fs) if fs and Path(fs).is_absolute() else None
