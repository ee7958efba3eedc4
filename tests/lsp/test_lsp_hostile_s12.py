"""Session 12: the language server against hostile and broken input (a crafted pull request, a
broken editor). Each test bounds its time generously for a loaded 2-core machine and checks that the
server still answers afterwards."""

from __future__ import annotations

import asyncio
import os
import pytest
from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

from lsp_helpers import ES, diagnostics_for, make_bundle, open_doc, replace_all

pytestmark = pytest.mark.asyncio

ES_PAGE = "listings/demo/detail/es.html"


async def still_answering(client: LanguageClient, uri: str, bound: float = 20.0) -> None:
    """A hover answers (whatever it says) within ``bound`` seconds."""
    await asyncio.wait_for(
        client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(0, 0))), bound
    )


async def test_hover_on_a_document_never_opened_reads_nothing_from_disk(client: LanguageClient, repo, tmp_path_factory):
    """pygls's get_text_document makes a document up from the disk for any URI: a hover on a FIFO
    in the repo blocked the protocol thread for good (no request answered again), and a hover
    on a file outside the workspace read it. A hover only looks at what the editor opened."""
    fifo = repo / "listings/demo/detail/fr.html"
    os.mkfifo(fifo)
    outside = tmp_path_factory.mktemp("outside") / "notes.html"
    outside.write_text("<!-- LOC005 -->\n", encoding="utf-8")
    try:
        for uri in (fifo.as_uri(), outside.as_uri()):
            hover = await asyncio.wait_for(
                client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(0, 6))), 20
            )
            assert hover is None, uri
    finally:  # a server blocked on the FIFO (the old one) gets its end of file, so the session can end
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass
    page = open_doc(client, repo / ES_PAGE, "html")
    assert [d.code for d in await diagnostics_for(client, page)] == ["LOC004", "LOC005"]


async def test_hover_on_one_huge_line_of_rule_codes_is_quick(client: LanguageClient, repo):
    """A hover converted the whole prefix of the line for every code word on it: one line of
    300,000 codes (2 MB) took a minute, every other request waiting behind it."""
    page = repo / ES_PAGE
    uri = open_doc(client, page, "html")
    await diagnostics_for(client, uri)
    line = "<!-- " + "LOC005 " * 300_000 + "-->"
    replace_all(client, uri, line + "\n", 2)
    loop = asyncio.get_running_loop()
    for character, expected in ((len(line) - 8, "LOC005"), (len(line) // 2, None), (5, "LOC005")):
        started = loop.time()
        hover = await asyncio.wait_for(
            client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(0, character))), 30
        )
        assert loop.time() - started < 10
        if expected is not None:
            assert hover is not None and "LOC005 placeholder" in hover.contents.value
            assert hover.range.start.character <= character <= hover.range.end.character


async def test_documents_outside_the_workspace_are_not_linted(client: LanguageClient, repo, tmp_path_factory):
    """A bundle outside the workspace (opened directly, reached by `..` or a percent-encoded `..`
    in the URI, or through a folder of the repo linked out of it) was linted: its pages, media and
    config read outside the repo, its findings published. It gets an empty publication now."""
    other = tmp_path_factory.mktemp("other-repo")
    make_bundle(other)
    outside_page = other / ES_PAGE
    text = outside_page.read_text(encoding="utf-8")
    (repo / "listings/linked").symlink_to(other / "listings/demo", target_is_directory=True)
    up = os.path.relpath(other, repo / "listings/demo").replace(os.sep, "/")
    base = (repo / "listings/demo").as_uri()
    uris = [
        outside_page.as_uri(),
        f"{base}/{up}/{ES_PAGE}",
        f"{base}/{up.replace('/', '%2F')}%2F{ES_PAGE.replace('/', '%2F')}",
        (repo / "listings/linked/detail/es.html").as_uri(),
    ]
    for uri in uris:
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "html", 1, text)))
        assert await diagnostics_for(client, uri, timeout=30) == [], uri
    # and the workspace's own bundle still lints
    page = open_doc(client, repo / ES_PAGE, "html")
    assert [d.code for d in await diagnostics_for(client, page)] == ["LOC004", "LOC005"]
    # nothing of the other repo (its listing.json included) was published with a finding
    assert not [uri for uri, diags in client.diagnostics.items() if other.name in uri and diags]


async def test_code_actions_on_a_bundle_whose_listing_json_nests_too_deep(client: LanguageClient, repo):
    """A listing.json with a member nested 50,000 levels deep is SCH001 on that member's line; a
    code action on it (whose suppression edit parses listing.json) failed with an internal
    RecursionError instead of answering."""
    manifest = repo / "listings/demo/listing.json"
    uri = open_doc(client, manifest, "json")
    await diagnostics_for(client, uri)
    text = manifest.read_text(encoding="utf-8")
    deep = text.replace('"locales"', '"deep": ' + "[" * 50_000 + "]" * 50_000 + ', "locales"', 1)
    replace_all(client, uri, deep, 2)
    diags = await diagnostics_for(client, uri, lambda d: "SCH001" in [x.code for x in d])
    line = next(i for i, x in enumerate(deep.splitlines()) if '"deep"' in x)
    assert [(d.code, d.range.start.line) for d in diags] == [("SCH001", line)]
    actions = await asyncio.wait_for(
        client.text_document_code_action_async(
            lsp.CodeActionParams(lsp.TextDocumentIdentifier(uri), diags[0].range, lsp.CodeActionContext(diagnostics=diags))
        ),
        20,
    )
    assert not actions  # nowhere safe to write a suppression; and no error
    await still_answering(client, uri)


async def test_broken_edits_and_a_flood_of_keystrokes(client: LanguageClient, repo):
    """Already right, kept against regressions: changes for a document never opened or closed,
    ranges past the end, reversed or mid surrogate pair, a version going backwards, then 1,000
    keystrokes: the server stays up and publishes the final text's diagnostics once it is quiet."""
    page = repo / ES_PAGE
    uri = page.as_uri()

    def edit(version, start, end, text):
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [lsp.TextDocumentContentChangePartial(range=lsp.Range(lsp.Position(*start), lsp.Position(*end)), text=text)]))

    edit(1, (0, 0), (0, 0), "never opened")
    open_doc(client, page, "html")
    await diagnostics_for(client, uri)
    edit(2, (10_000, 0), (10_001, 5), "<p>{{x}}</p>")
    edit(3, (0, 1_000_000), (0, 1_000_003), "y")
    edit(4, (3, 5), (1, 0), "z")
    replace_all(client, uri, "<p>\U0001F600\U0001F600</p>\n", 5)
    edit(6, (0, 4), (0, 4), "w")  # between the halves of a surrogate pair
    await still_answering(client, uri)
    loop = asyncio.get_running_loop()
    started = loop.time()
    for version in range(1, 1001):  # backwards from 6, then up
        edit(version, (0, 0), (0, 0), "x")
    replace_all(client, uri, ES.replace("{{price}}", "39,90 US$"), 1001)
    diags = await diagnostics_for(client, uri, lambda d: [x.code for x in d] == ["LOC004"], timeout=60)
    assert loop.time() - started < 30
    assert list(client.diagnostics[uri]) == diags  # still the final text's, nothing published after
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri)))
    edit(1002, (0, 0), (0, 0), "after close")
    await still_answering(client, uri)
