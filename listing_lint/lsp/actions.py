"""What the editor asks about a document: quick fixes and suppressions (code actions) and the
rule behind a diagnostic or a code under the cursor (hover). Only what was published and the
documents the editor opened are looked at; nothing is read from the disk. ``ls``: the
``ListingLintServer`` (not imported here: it imports this module)."""

from __future__ import annotations

from lsprotocol import types as lsp

from listing_lint.lsp import convert


def code_action(ls, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    published = ls.published.get(params.text_document.uri)
    if published is None:
        return []
    asked = [d for d in params.context.diagnostics if d.source == convert.SOURCE]
    path = str(convert.path_of(params.text_document.uri))
    encoding, identify = ls.encoding(), ls.document(published)
    actions: list[lsp.CodeAction] = []
    for shown, diag in published.items:
        wanted = any(convert.same(diag, d) for d in asked) if asked else convert.overlaps(diag.range, params.range)
        if not wanted:
            continue
        fix = convert.fix_action(shown.finding, diag, published.texts, identify, encoding)
        if fix is not None:
            actions.append(fix)
        if shown.suppressible:
            suppress = convert.suppress_action(shown.finding, diag, path, published.manifest, published.texts, identify, encoding)
            if suppress is not None:
                actions.append(suppress)
    return actions


def hover(ls, params: lsp.HoverParams) -> lsp.Hover | None:
    uri, at = params.text_document.uri, params.position
    published = ls.published.get(uri)
    inside = lsp.Range(at, at)
    if published is not None:
        hits = [d for _, d in published.items if convert.overlaps(d.range, inside)]
        if hits:
            return convert.rule_hover([str(d.code) for d in hits], hits[0].range)
    doc = ls.open_document(uri)
    if doc is None:  # a document the client never opened: nothing is read from the disk
        return None
    lines = doc.lines
    if at.line >= len(lines):
        return None
    found = convert.code_at(lines[at.line].rstrip("\r\n"), at.character, ls.encoding())
    if found is None:
        return None
    code, start, end = found
    return convert.rule_hover([code], lsp.Range(lsp.Position(at.line, start), lsp.Position(at.line, end)))
