"""Session 12: the language server against hostile and broken input (a crafted pull request, a
broken editor). Each test bounds its time generously for a loaded 2-core machine and checks that the
server still answers afterwards."""

from __future__ import annotations

import asyncio
import os
import pytest
from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

from lsp_helpers import diagnostics_for, make_bundle, open_doc, replace_all

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
