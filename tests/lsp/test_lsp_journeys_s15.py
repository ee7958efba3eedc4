"""Session 15: the editor path, round 3, through the real server over stdio (pytest-lsp): a run
of keystrokes ends with what `check` says of the saved files; the journeys a seller takes that
no test walked yet (a file outside any bundle, a bundle moved or its listing.json deleted under an
editor that watches no files, a 20 MB paste, an edit the client got wrong, a client that never
answers workspace/configuration) end with the right diagnostics or none, and the server answers."""

from __future__ import annotations

import asyncio
import sys
import time

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from builder import AS_OF
from lsp_helpers import EN, ES, accept_registrations, apply_edit, make_bundle, open_doc, replace_all
from test_server import engine_spans

pytestmark = pytest.mark.asyncio

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "listing_lint", "server"])
ES_PAGE, EN_PAGE = "listings/demo/detail/es.html", "listings/demo/detail/en.html"


@pytest_lsp.fixture(config=SERVER)
async def bare(lsp_client: LanguageClient):
    """A client that has not said `initialize` yet: the test does, with its own capabilities."""
    yield
    await lsp_client.shutdown_session()


def record(client: LanguageClient) -> list[tuple[str, int | None, list]]:
    """Every publication as (uri, version, diagnostics), besides client.diagnostics."""
    client.published = []
    features = client.protocol.fm.features
    keep = features[lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def published(params: lsp.PublishDiagnosticsParams):
        client.published.append((params.uri, params.version, list(params.diagnostics)))
        return keep(params)

    features[lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = published
    return client.published


async def initialize(client: LanguageClient, root, capabilities=None) -> None:
    accept_registrations(client)
    await client.initialize_session(
        lsp.InitializeParams(
            capabilities=capabilities or client_capabilities("visual-studio-code"),
            root_uri=root.as_uri(),
            initialization_options={"asOf": AS_OF.isoformat(), "debounceMs": 10},
        )
    )


def unwatching() -> lsp.ClientCapabilities:
    """VS Code's capabilities less file watching (Neovim on Linux without a watcher backend, Kate)."""
    capabilities = client_capabilities("visual-studio-code")
    capabilities.workspace.did_change_watched_files = None
    return capabilities


async def published(client: LanguageClient, uri: str, until=lambda version, diags: True, timeout: float = 60) -> list:
    """The diagnostics of the first publication for ``uri`` (from now on or already recorded) that
    satisfies ``until(version, diagnostics)``, polled (see test_lsp_editor_s14.quiet)."""
    deadline = time.monotonic() + timeout
    while True:
        for at, version, diags in reversed(client.published):
            if at == uri:
                if until(version, diags):
                    return diags
                break  # only the latest publication of the uri counts
        assert time.monotonic() < deadline, f"no matching publication for {uri} in {timeout} s: {client.published[-3:]!r}"
        await asyncio.sleep(0.02)


def spans(diags) -> list[tuple]:
    return [(d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character) for d in diags]


def insert(client: LanguageClient, uri: str, version: int, text: str, at: lsp.Position, new: str) -> str:
    """Type ``new`` at ``at`` as an incremental change; the text the editor now holds."""
    edit = lsp.TextEdit(lsp.Range(at, at), new)
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
        [lsp.TextDocumentContentChangePartial(range=edit.range, text=new)]))
    return apply_edit(text, [edit])


async def test_keystrokes_end_with_what_check_says_of_the_saved_files(bare: LanguageClient, tmp_path):
    """Each keystroke's lint takes the unchanged blocks' numbers from the last lint (textmemo): a
    run of incremental edits on two pages of a bundle, each linted in turn, ends with exactly the
    diagnostics `check` gives once the texts are saved."""
    make_bundle(tmp_path)
    record(bare)
    await initialize(bare, tmp_path)
    es_uri, en_uri = open_doc(bare, tmp_path / ES_PAGE, "html"), open_doc(bare, tmp_path / EN_PAGE, "html")
    await published(bare, en_uri, lambda v, d: v == 1)
    texts, versions = {es_uri: ES, en_uri: EN}, {es_uri: 1, en_uri: 1}
    end_of_body = {uri: lsp.Position(text.count("\n") - 1, 0) for uri, text in texts.items()}
    typed = [
        (en_uri, "<p>The 20 m hose costs $39.90 and weighs 1.5 kg.</p>\n"),
        (es_uri, "<p>La manguera de 15 m cuesta 39.90 US$.</p>\n"),  # LOC008 (15 m), LOC009 (39.90)
        (es_uri, "<p>Pesa 1,5 kg y mide 2,5 m.</p>\n"),
        (en_uri, "<p>Model SP-X1 fits any socket.</p>\n"),
        (es_uri, "<p>Modelo SP-X2 para cualquier enchufe.</p>\n"),  # LOC008 (the model)
    ]
    for uri, paragraph in typed:
        versions[uri] += 1
        texts[uri] = insert(bare, uri, versions[uri], texts[uri], end_of_body[uri], paragraph)
        await published(bare, uri, lambda v, d, want=versions[uri]: v == want)
    es_diags = await published(bare, es_uri, lambda v, d: v == versions[es_uri])
    en_diags = await published(bare, en_uri, lambda v, d: v == versions[en_uri])
    (tmp_path / ES_PAGE).write_text(texts[es_uri], encoding="utf-8")
    (tmp_path / EN_PAGE).write_text(texts[en_uri], encoding="utf-8")
    assert spans(es_diags) == engine_spans(tmp_path, ES_PAGE)
    assert spans(en_diags) == engine_spans(tmp_path, EN_PAGE)
    assert [d.code for d in es_diags].count("LOC008") == 2 and "LOC009" in [d.code for d in es_diags]


async def test_a_file_outside_any_bundle_hears_it_has_nothing(bare: LanguageClient, tmp_path):
    """A README.html or a page in a folder with no listing.json: an empty publication, once, and
    typing in it lints nothing; the bundle's page (the near miss) is linted as usual."""
    make_bundle(tmp_path)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes/draft.html").write_text(ES, encoding="utf-8")
    record(bare)
    await initialize(bare, tmp_path)
    uri = open_doc(bare, tmp_path / "notes/draft.html", "html")
    assert await published(bare, uri) == []
    replace_all(bare, uri, ES + "<p>{{price}}</p>", 2)
    page = open_doc(bare, tmp_path / ES_PAGE, "html")
    assert [d.code for d in await published(bare, page)] == ["LOC004", "LOC005"]
    assert [(at, diags) for at, _, diags in bare.published if at == uri] == [(uri, [])]


@pytest.mark.parametrize("how", ["folder renamed", "listing.json deleted"])
async def test_a_bundle_gone_under_an_editor_that_watches_no_files(bare: LanguageClient, tmp_path, how):
    """The bundle folder renamed in a terminal, or its listing.json deleted, while its page is open
    in an editor that reports no file events: the next keystroke in the page cleared nothing (the
    page had no bundle any more, and a document with no bundle was told so only the first time),
    and the bundle's diagnostics, the page's and listing.json's, stayed for good. They go now; a
    keystroke while the bundle is still there (the near miss) is linted as before."""
    make_bundle(tmp_path)
    record(bare)
    await initialize(bare, tmp_path, unwatching())
    uri = open_doc(bare, tmp_path / ES_PAGE, "html")
    manifest = (tmp_path / "listings/demo/listing.json").as_uri()
    assert [d.code for d in await published(bare, uri)] == ["LOC004", "LOC005"]
    assert await published(bare, manifest, lambda v, d: len(d) > 0)
    replace_all(bare, uri, ES.replace("{{price}}", "39,90 US$"), 2)
    assert [d.code for d in await published(bare, uri, lambda v, d: v == 2)] == ["LOC004"]
    if how == "folder renamed":
        (tmp_path / "listings/demo").rename(tmp_path / "listings/renamed")
    else:
        (tmp_path / "listings/demo/listing.json").unlink()
    replace_all(bare, uri, ES, 3)
    assert await published(bare, uri, lambda v, d: not d, timeout=20) == []
    assert await published(bare, manifest, lambda v, d: not d, timeout=20) == []
