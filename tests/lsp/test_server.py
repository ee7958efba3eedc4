"""`listing-lint server` end to end: a real client over stdio, a real bundle on disk, exact answers."""

from __future__ import annotations

import asyncio

import pytest
from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

from builder import AS_OF, findings
from lsp_helpers import ES, apply_edit, diagnostics_for, open_doc, replace_all
from listing_lint import links, registry
from listing_lint.config import load_config
from listing_lint.docs import rule_help
from listing_lint.engine import make_settings, run
from listing_lint.lsp.convert import rule_docs

pytestmark = pytest.mark.asyncio

ES_PAGE = "listings/demo/detail/es.html"


def spans(diags):
    return [(d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character) for d in diags]


def engine_spans(repo, rel):
    """What `check` reports for one file (its config read, as-of pinned), in LSP's 0-based terms:
    the server must say the same."""
    config = load_config(repo).with_overrides(cache=False)
    result = run(make_settings(config, [str(repo)], repo, AS_OF), [str(repo)])
    return [(f.code, f.line - 1, f.column - 1, f.end_line - 1, f.end_column - 1) for f in result.findings if f.path == rel]


async def test_open_change_fix_suppress_hover(client: LanguageClient, repo):
    page = repo / ES_PAGE
    uri = open_doc(client, page, "html")
    diags = await diagnostics_for(client, uri)
    assert spans(diags) == [("LOC004", 1, 0, 1, 0), ("LOC005", 4, 2, 4, 2)]
    assert spans(diags) == engine_spans(repo, ES_PAGE)
    loc004 = diags[0]
    assert loc004.severity == lsp.DiagnosticSeverity.Warning and diags[1].severity == lsp.DiagnosticSeverity.Error
    assert loc004.source == "listing-lint"
    assert loc004.message == '<html lang="es_ES"> is not BCP 47 spelling; write lang="es-ES"'
    # no published docs in this checkout's metadata: the rule reference shipped with the package
    reference = (links.docs_dir() / "rules-reference.md").as_uri()
    assert loc004.code_description.href == rule_docs("LOC004", "html-lang") == reference + "#loc004-html-lang"

    # an unsaved edit that fills the placeholder: LOC005 goes, LOC004 stays
    fixed_price = ES.replace("{{price}}", "39,90 US$")
    replace_all(client, uri, fixed_price, 2)
    diags = await diagnostics_for(client, uri, lambda d: [x.code for x in d] == ["LOC004"])
    assert spans(diags) == [("LOC004", 1, 0, 1, 0)]

    # the quick fix `check --fix` would make, offered on its diagnostic, applied as the editor would
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            lsp.TextDocumentIdentifier(uri), diags[0].range, lsp.CodeActionContext(diagnostics=diags)
        )
    )
    titles = [a.title for a in actions]
    assert titles == ['set <html lang="es-ES"> (LOC004)', "Suppress LOC004 on this line (HTML comment)"]
    change = actions[0].edit.document_changes[0]
    assert change.text_document.uri == uri and change.text_document.version == 2
    fixed = apply_edit(fixed_price, change.edits)
    assert fixed == fixed_price.replace('lang="es_ES"', 'lang="es-ES"')
    replace_all(client, uri, fixed, 3)
    assert await diagnostics_for(client, uri, lambda d: not d) == []

    # hover on a rule code written in the page: the text of `listing-lint rule LOC005`
    with_comment = fixed.replace("<h1>", "<!-- listing-lint: disable-next=LOC005 -->\n<h1>", 1)
    replace_all(client, uri, with_comment, 4)
    line = with_comment.splitlines().index("<!-- listing-lint: disable-next=LOC005 -->")
    col = len("<!-- listing-lint: disable-next=")
    hover = await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(line, col + 3)))
    assert rule_help(registry.by_code()["LOC005"]) in hover.contents.value
    assert hover.range == lsp.Range(lsp.Position(line, col), lsp.Position(line, col + 6))
    # ... and that comment now suppresses nothing: LNT001, as `check` says
    diags = await diagnostics_for(client, uri, lambda d: [x.code for x in d] == ["LNT001"])
    assert diags[0].range.start.line == line


async def test_hover_on_a_diagnostic(client: LanguageClient, repo):
    # a clean page hears that it is clean (an empty publish), not silence
    assert await diagnostics_for(client, open_doc(client, repo / "listings/demo/detail/en.html", "html")) == []
    uri = open_doc(client, repo / ES_PAGE, "html")
    diags = await diagnostics_for(client, uri)
    hover = await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), diags[1].range.start))
    assert rule_help(registry.by_code()["LOC005"]) in hover.contents.value
    assert rule_docs("LOC005", "placeholder") in hover.contents.value
    # nowhere near a diagnostic or a code: no hover
    assert await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(2, 3))) is None


async def test_suppress_in_page_with_reason_placeholder(client: LanguageClient, repo):
    uri = open_doc(client, repo / ES_PAGE, "html")
    diags = await diagnostics_for(client, uri)
    loc005 = [d for d in diags if d.code == "LOC005"]
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(lsp.TextDocumentIdentifier(uri), loc005[0].range, lsp.CodeActionContext(diagnostics=loc005))
    )
    assert [a.title for a in actions] == ["Suppress LOC005 on this line (HTML comment)"]  # no mechanical fix for a placeholder
    text = apply_edit(ES, actions[0].edit.document_changes[0].edits)
    assert "  <!-- listing-lint: disable-next=LOC005 --><!-- reason: TODO: say why this finding is acceptable here -->\n  <p>Precio" in text
    replace_all(client, uri, text, 2)
    diags = await diagnostics_for(client, uri, lambda d: [x.code for x in d] == ["LOC004"])
    assert spans(diags) == [("LOC004", 1, 0, 1, 0)]


async def test_listing_json_suppression_and_other_files(client: LanguageClient, repo):
    manifest = repo / "listings/demo/listing.json"
    uri = open_doc(client, manifest, "json")
    diags = await diagnostics_for(client, uri)
    assert [d.code for d in diags] == ["CMP011", "ABT001", "MED001", "MED002"]
    assert spans(diags) == engine_spans(repo, "listings/demo/listing.json")
    # a finding about another file of the bundle is published for that file
    page_diags = await diagnostics_for(client, (repo / ES_PAGE).as_uri())
    assert [d.code for d in page_diags] == ["LOC004", "LOC005"]

    med001 = [d for d in diags if d.code == "MED001"]
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(lsp.TextDocumentIdentifier(uri), med001[0].range, lsp.CodeActionContext(diagnostics=med001))
    )
    assert [a.title for a in actions] == ["Suppress MED001 in this bundle (listing.json lint.ignore)"]
    text = apply_edit(manifest.read_text(encoding="utf-8"), actions[0].edit.document_changes[0].edits)
    assert text.startswith('{\n  "lint": {"ignore": ["MED001"], "reason": "TODO: say why this finding is acceptable here"},\n  "schema_version"')
    replace_all(client, uri, text, 2)
    diags = await diagnostics_for(client, uri, lambda d: "MED001" not in [x.code for x in d])
    assert [d.code for d in diags] == ["CMP011", "ABT001", "MED002"]


async def test_invalid_json_mid_edit_is_a_diagnostic(client: LanguageClient, repo):
    manifest = repo / "listings/demo/listing.json"
    uri = open_doc(client, manifest, "json")
    await diagnostics_for(client, uri)
    good = manifest.read_text(encoding="utf-8")
    half = good.replace('"category": "home-garden",', '"category": "home-gar', 1)
    replace_all(client, uri, half, 2)
    diags = await diagnostics_for(client, uri, lambda d: [x.code for x in d] == ["SCH001"])
    line = half.splitlines().index('  "category": "home-gar')
    assert diags[0].range.start.line == line and diags[0].message.startswith("invalid JSON")
    # still answering: a hover, then the fixed text lints as before
    hover = await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), diags[0].range.start))
    assert "SCH001 invalid-file" in hover.contents.value
    replace_all(client, uri, good, 3)
    diags = await diagnostics_for(client, uri, lambda d: "SCH001" not in [x.code for x in d])
    assert [d.code for d in diags] == ["CMP011", "ABT001", "MED001", "MED002"]


async def test_file_outside_any_bundle(client: LanguageClient, repo):
    stray = repo / "notes.html"
    stray.write_text("<p>Precio: {{price}}</p>\n<!-- see LOC005 -->\n", encoding="utf-8")
    uri = open_doc(client, stray, "html")
    assert await diagnostics_for(client, uri) == []
    replace_all(client, uri, "<p>{{", 2)
    hover = await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(1, 10)))
    assert hover is None  # the line is gone: nothing to explain, and no error
    # and the server still lints bundles
    page = open_doc(client, repo / ES_PAGE, "html")
    assert [d.code for d in await diagnostics_for(client, page)] == ["LOC004", "LOC005"]


async def test_broken_picture_leaves_the_server_answering(broken_client: LanguageClient, broken_repo):
    manifest = broken_repo / "listings/demo/listing.json"
    uri = open_doc(broken_client, manifest, "json")
    diags = await diagnostics_for(broken_client, uri)
    assert spans(diags) == engine_spans(broken_repo, "listings/demo/listing.json")
    assert [d.code for d in diags] == ["CMP011", "ABT001", "MED001", "MED002", "MED005"]
    # a keystroke on the page still lints (the picture's finding stays: media rules run on save)
    page = open_doc(broken_client, broken_repo / ES_PAGE, "html")
    await diagnostics_for(broken_client, page)
    replace_all(broken_client, page, ES.replace("{{price}}", "39,90 US$"), 2)
    assert [d.code for d in await diagnostics_for(broken_client, page, lambda d: len(d) == 1)] == ["LOC004"]
    assert "MED005" in [d.code for d in broken_client.diagnostics[uri]]
    med005 = [d for d in broken_client.diagnostics[uri] if d.code == "MED005"][0]
    hover = await broken_client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), med005.range.start))
    assert "MED005 broken-media" in hover.contents.value


async def test_save_runs_the_media_rules_again(client: LanguageClient, repo):
    """Keystrokes never decode pictures; saving does, and sees a picture replaced on disk."""
    manifest = repo / "listings/demo/listing.json"
    uri = open_doc(client, manifest, "json")
    await diagnostics_for(client, uri)
    (repo / "listings/demo/media/scene-1.png").write_bytes(b"not a picture at all")
    edited = manifest.read_text(encoding="utf-8").replace("{", '{"lint": {"ignore": ["ABT001"]},', 1)
    replace_all(client, uri, edited, 2)
    diags = await diagnostics_for(client, uri, lambda d: "ABT001" not in [x.code for x in d])
    assert [d.code for d in diags] == ["CMP011", "MED001", "MED002"]  # the keystroke did not look at the picture
    manifest.write_text(edited, encoding="utf-8")  # what the editor does before it says "saved"
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(uri)))
    diags = await diagnostics_for(client, uri, lambda d: "MED005" in [x.code for x in d])
    assert [d.code for d in diags] == ["CMP011", "MED001", "MED002", "MED005"]
    assert spans(diags) == engine_spans(repo, "listings/demo/listing.json")


async def test_a_broken_config_is_said_once_and_the_server_keeps_answering(client: LanguageClient, repo):
    (repo / "listing-lint.toml").write_text('required-locale = ["en", "es"]\n', encoding="utf-8")
    uri = open_doc(client, repo / ES_PAGE, "html")
    for _ in range(600):
        if client.messages:
            break
        await asyncio.sleep(0.05)
    [message] = client.messages
    assert message.type == lsp.MessageType.Error
    assert message.message.endswith("unknown key 'required-locale'; did you mean 'required-locales'?")
    assert uri not in client.diagnostics  # nothing is said about the page that the config would not say
    (repo / "listing-lint.toml").write_text('required-locales = ["en", "es"]\n', encoding="utf-8")
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(uri)))
    assert [d.code for d in await diagnostics_for(client, uri)] == ["LOC004", "LOC005"]


async def test_store_json_half_typed_then_fixed(client: LanguageClient, repo):
    store = repo / "store.json"
    store.write_text('{\n  "seller": {"legal_name": "Voltia Trading Ltd"},\n  "warehouses_coverage": 1.5\n}\n', encoding="utf-8")
    uri = open_doc(client, store, "json")
    before = await diagnostics_for(client, uri)
    assert [(d.code, d.range.start.line) for d in before] == [("SCH002", 2)]
    assert spans(before) == engine_spans(repo, "store.json")
    replace_all(client, uri, '{\n  "seller": {"legal_name": "Voltia\n}\n', 2)  # half-typed: SCH002 cannot be judged
    diags = await diagnostics_for(client, uri, lambda d: "SCH001" in [x.code for x in d])
    assert [(d.code, d.range.start.line) for d in diags] == [("SCH001", 1)]
    replace_all(client, uri, store.read_text(encoding="utf-8"), 3)
    assert spans(await diagnostics_for(client, uri, lambda d: "SCH001" not in [x.code for x in d])) == spans(before)


async def test_shutdown_and_exit_end_the_process_cleanly(repo):
    """The whole life of a session, by hand: initialize, lint, shutdown, exit; the process ends with 0."""
    import sys

    from pytest_lsp import make_test_lsp_client

    from lsp_helpers import start

    client = make_test_lsp_client()
    await client.start_io(sys.executable, "-m", "listing_lint", "server")
    try:
        await start(client, repo)
        uri = open_doc(client, repo / ES_PAGE, "html")
        assert [d.code for d in await diagnostics_for(client, uri)] == ["LOC004", "LOC005"]
        assert await client.shutdown_async(None) is None
        client.exit(None)
        assert await asyncio.wait_for(client._server.wait(), 30) == 0
    finally:
        await client.stop()


async def test_a_hostile_unsaved_page_gets_its_diagnostics_in_bounded_time(client: LanguageClient, repo):
    """An editor buffer nobody here wrote: 20,000 paragraphs of names with letters no candidate
    writes and elisions, bidi and terminal controls in the heading, an English paragraph at the end.
    The server lints it within the rule budget, reports the English paragraph, and keeps answering."""
    page = repo / ES_PAGE
    uri = open_doc(client, page, "html")
    await diagnostics_for(client, uri)
    english = "<p>The quick brown fox jumps over the lazy dog near the old river bank every morning.</p>"
    hostile = ES.replace("<h1>Enchufe inteligente X1</h1>",
                         "<h1>\u202eEnchufe\x1b[2J inteligente X1</h1>" + "<p>d'Åland Škoda l'Ивуар</p>" * 20_000 + english)
    loop = asyncio.get_running_loop()
    started = loop.time()
    replace_all(client, uri, hostile, 2)
    diags = await diagnostics_for(client, uri, lambda d: "LOC003" in [x.code for x in d], timeout=90)
    assert loop.time() - started < 60
    line = hostile.splitlines().index(next(x for x in hostile.splitlines() if english in x))
    assert [d.range.start.line for d in diags if d.code == "LOC003"] == [line]
    hover = await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(0, 0)))
    assert hover is None or hover.contents is not None  # still answering


async def test_an_unsaved_listing_with_300_bad_locales_gets_50_diagnostics_and_one_more(client: LanguageClient, repo):
    """The editor gets what `check` shows: at most max-findings-per-rule (50) diagnostics of one rule
    in one file and one "… and K more"; 300 problems froze the problems list of editors before."""
    import json as _json

    manifest = repo / "listings/demo/listing.json"
    uri = open_doc(client, manifest, "json")
    await diagnostics_for(client, uri)
    doc = _json.loads(manifest.read_text(encoding="utf-8"))
    doc["locales"] = ["en", "es", *(f"1{i}" for i in range(300))]
    replace_all(client, uri, _json.dumps(doc, indent=2), 2)
    diags = await diagnostics_for(client, uri, lambda d: sum(x.code == "SCH002" for x in d) > 1, timeout=90)
    sch002 = [d for d in diags if d.code == "SCH002"]
    assert len(sch002) == 51, len(sch002)
    assert sch002[-1].message.startswith("… and 250 more SCH002 findings in this file, not shown")
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(lsp.TextDocumentIdentifier(uri), sch002[-1].range, lsp.CodeActionContext(diagnostics=[sch002[-1]])))
    assert not actions  # nothing to suppress or fix on the summary itself


async def test_hidden_characters_from_the_repo_are_escaped_in_diagnostics(client: LanguageClient, repo):
    """A media path with a bidi override and a terminal escape (text a pull request controls) reached
    the editor raw in the diagnostic's message: VS Code's problem list showed it reordered, a
    terminal editor got the escape. It is shown as `check` shows it: \\u202e, \\x1b."""
    import json as _json

    manifest = repo / "listings/demo/listing.json"
    uri = open_doc(client, manifest, "json")
    await diagnostics_for(client, uri)
    doc = _json.loads(manifest.read_text(encoding="utf-8"))
    doc["media"].append({"kind": "image", "file": "media/gnp\u202e\x1b[2J.png", "role": "scene", "alt": {"en": "a", "es": "b"}})
    replace_all(client, uri, _json.dumps(doc, indent=2), 2)
    diags = await diagnostics_for(client, uri, lambda d: "SCH003" in [x.code for x in d])
    [sch003] = [d for d in diags if d.code == "SCH003"]
    assert "media/gnp\\u202e\\x1b[2J.png" in sch003.message
    assert all(ch not in d.message for d in diags for ch in "\u202e\x1b")
    assert all(d.message.isprintable() for d in diags)


async def test_a_listing_json_linked_out_of_the_repo_is_not_read_for_its_positions(client: LanguageClient, repo, tmp_path_factory):
    """`check` never opens a listing.json that is a symlink out of the repo (SCH001 at line 1).
    The server opened it to place that diagnostic (up to 5 MB of, say, ~/.ssh/id_rsa) when a
    page of the bundle was opened; and a FIFO there would have blocked it. It reads no link now."""
    import os
    import sys as _sys
    from pathlib import Path as _Path

    _sys.path.insert(0, str(_Path(__file__).parents[1] / "robustness"))
    from guards import age, atime_works

    outside = tmp_path_factory.mktemp("outside")
    secret = outside / "secret.json"
    secret.write_text('{"key": "OUTSIDE-CANARY"}\n', encoding="utf-8")
    manifest = repo / "listings/demo/listing.json"
    manifest.unlink()
    manifest.symlink_to(secret)
    before = age(secret)
    uri = open_doc(client, repo / "listings/demo/detail/en.html", "html")
    await diagnostics_for(client, uri)
    diags = await diagnostics_for(client, manifest.as_uri(), lambda d: "SCH001" in [x.code for x in d])
    assert [(d.code, d.range.start.line) for d in diags if d.code == "SCH001"] == [("SCH001", 0)]
    assert all("OUTSIDE-CANARY" not in d.message for d in diags)
    if atime_works(outside):
        assert os.stat(secret).st_atime == before, "the server read the file the symlink points to"


async def test_a_runaway_overlay_pattern_is_stopped_in_the_editor_too(client: LanguageClient, repo):
    """The rule budget and CMP001's search clock are SIGALRM's, which only a process's main thread
    hears: the server lints on its main thread, so an overlay pattern that backtracks without end
    on an unsaved page is stopped as in `check` (CMP001 says the evidence could not be checked),
    and the server keeps answering."""
    (repo / "extra.yaml").write_text(
        "evidence:\n  - {id: x-shop-notice, market: EU, groups_any: [], page_text: '^(?:a|aa)+$', "
        "evidence: 'the shop notice', source: 'https://example.com/x', confidence: confirmed}\n", encoding="utf-8")
    (repo / "listing-lint.toml").write_text(
        'required-locales = ["en", "es"]\nstandards-overlay = "extra.yaml"\n', encoding="utf-8")
    manifest = (repo / "listings/demo/listing.json").as_uri()
    page = open_doc(client, repo / ES_PAGE, "html")
    await diagnostics_for(client, manifest, lambda d: "CMP001" in [x.code for x in d])  # "aa…a" is not on the page
    replace_all(client, page, '<html lang="es"><body><p>' + "a" * 80 + "!</p></body></html>", 2)
    diags = await diagnostics_for(client, manifest, lambda d: any("could not be checked" in x.message for x in d), timeout=90)
    assert [d.code for d in diags if "could not be checked" in d.message] == ["CMP001"]
    hover = await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(page), lsp.Position(0, 0)))
    assert hover is None or hover.contents is not None  # still answering
