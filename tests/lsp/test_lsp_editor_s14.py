"""Session 14: the editor path, round 2, end to end over stdio (pytest-lsp, the real server): a
stale lint is stopped and never published over a newer edit; the files a config names are
watched; another tool's settings leave ours alone."""

from __future__ import annotations

import asyncio
import sys
import time

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from builder import AS_OF
from lsp_helpers import ES, accept_registrations, diagnostics_for, make_bundle, open_doc, quiet, record, replace_all

pytestmark = pytest.mark.asyncio

ES_PAGE = "listings/demo/detail/es.html"
SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "listing_lint", "server"])
#: an overlay evidence pattern that backtracks without end on "aaa…!": CMP001's search clock stops it
#: after 1 s, so a lint of a page with that text takes at least that long, on any machine
PARAGRAPHS = 20_000
RUNAWAY = ("evidence:\n  - {id: x-shop-notice, market: EU, groups_any: [], page_text: '^(?:a|aa)+$', "
           "evidence: 'the shop notice', source: 'https://example.com/x', confidence: confirmed}\n")


def codes(diags) -> list[str]:
    return [d.code for d in diags]


@pytest_lsp.fixture(config=SERVER)
async def bare(lsp_client: LanguageClient):
    """A client that has not said `initialize` yet: the test does, with its own capabilities."""
    yield
    await lsp_client.shutdown_session()


async def initialize(client: LanguageClient, root, capabilities=None, **options) -> None:
    accept_registrations(client)
    await client.initialize_session(
        lsp.InitializeParams(
            capabilities=capabilities or client_capabilities("visual-studio-code"),
            root_uri=root.as_uri(),
            initialization_options={"asOf": AS_OF.isoformat(), "debounceMs": 10, **options},
        )
    )


async def published_version(client: LanguageClient, uri: str, version: int, timeout: float = 60) -> float:
    """When the server published ``uri`` at ``version``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for at_uri, at_version, _, when in client.published:
            if at_uri == uri and at_version == version:
                return when
        await asyncio.sleep(0.01)
    raise AssertionError(f"{uri} version {version} not published within {timeout} s: {client.published!r}")


async def until(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.02)


async def nothing_published(client: LanguageClient, seconds: float = 1.0) -> None:
    seen = len(client.published)
    await asyncio.sleep(seconds)
    assert client.published[seen:] == [], client.published[seen:]


def slow_page(tag: str) -> str:
    """A page whose lint takes seconds: the runaway pattern's second in CMP001, then 20,000
    paragraphs for the language rules after it (numbered by ``tag``: nothing memoised helps)."""
    paragraphs = "".join(f"<p>Este enchufe {tag} número {i} mide la energía de {i % 90 + 10} aparatos.</p>\n" for i in range(PARAGRAPHS))
    return '<html lang="es"><body><p>' + "a" * 80 + "!</p>\n" + paragraphs + "</body></html>"


async def test_a_stale_lint_is_stopped_and_never_published_over_a_newer_edit(bare: LanguageClient, tmp_path):
    """A lint running when a newer edit of its bundle came was finished and published (the older
    version's diagnostics, misplaced on the newer text) before the newer one was linted at all:
    the newest diagnostics waited for the whole stale lint. It is now stopped at its next rule and
    nothing of it is published; a lone slow edit (the near miss) is published as before."""
    repo = tmp_path / "repo"
    make_bundle(repo)
    (repo / "extra.yaml").write_text(RUNAWAY, encoding="utf-8")
    (repo / "listing-lint.toml").write_text('required-locales = ["en", "es"]\nstandards-overlay = "extra.yaml"\n', encoding="utf-8")
    published = record(bare)
    await initialize(bare, repo)
    uri = open_doc(bare, repo / ES_PAGE, "html")
    assert codes(await diagnostics_for(bare, uri)) == ["LOC004", "LOC005"]
    await quiet(bare)

    # near miss first: a slow edit with nothing after it is linted whole and published, once
    sent = time.monotonic()
    replace_all(bare, uri, slow_page("uno"), 2)
    alone = await published_version(bare, uri, 2) - sent
    manifest = (repo / "listings/demo/listing.json").as_uri()
    await diagnostics_for(bare, manifest, lambda d: any("could not be checked" in x.message for x in d))
    assert alone > 1.0  # the search clock's second at least

    # a slow edit, and a newer one while it is linted
    await quiet(bare)
    del published[:]
    replace_all(bare, uri, slow_page("dos"), 3)
    await asyncio.sleep(0.4)  # inside the CMP001 search's second
    sent = time.monotonic()
    replace_all(bare, uri, ES.replace("{{price}}", "39,90 US$"), 4)
    fresh = await published_version(bare, uri, 4) - sent
    await quiet(bare)
    assert [(v, c) for u, v, c, _ in published if u == uri] == [(4, ["LOC004"])], published
    assert not any("could not be checked" in d.message for d in bare.diagnostics[manifest])
    # the stale lint stopped after the rule it was in, not after the language rules on 20,000 paragraphs
    assert fresh < 0.6 * alone, (fresh, alone)

    # closed while a slow lint runs: cleared, and nothing of that lint comes after
    replace_all(bare, uri, slow_page("tres"), 5)
    await asyncio.sleep(0.4)
    del published[:]
    bare.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri)))
    await quiet(bare, 2.0)
    assert {u for u, _, c, _ in published if c} == set(), published
    assert not bare.diagnostics[uri] and not bare.diagnostics[manifest]


def watched(client: LanguageClient, *changes) -> None:
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams([lsp.FileEvent(uri=path.as_uri(), type=kind) for path, kind in changes])
    )


async def test_a_word_list_the_config_names_is_watched(bare: LanguageClient, tmp_path):
    """`wordlists = {es = "words/es.txt"}`: the list edited (in a terminal, by git, or saved in an
    editor that watches nothing) changed nothing until the bundle was linted again for another
    reason. The server now asks the editor to watch the files the config names and lints the
    bundles whose config names the file again. Near misses: a namesake elsewhere, another file."""
    repo = tmp_path / "repo"
    make_bundle(repo)
    words = repo / "words/es.txt"
    words.parent.mkdir()
    words.write_text("oferta\n", encoding="utf-8")
    (repo / "listing-lint.toml").write_text('required-locales = ["en", "es"]\nwordlists = {es = "words/es.txt"}\n', encoding="utf-8")
    record(bare)
    await initialize(bare, repo)
    manifest = repo / "listings/demo/listing.json"
    uri = open_doc(bare, manifest, "json")
    assert codes(await diagnostics_for(bare, uri)) == ["CMP011", "ABT001", "MED001", "MED002"]
    await quiet(bare)
    globs = [w["globPattern"] for r in bare.registrations if r.method == lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES
             for w in r.register_options["watchers"]]
    assert "**/es.txt" in globs, globs

    # near misses: a namesake in another folder, and another file beside it, lint nothing again
    other = repo / "elsewhere/es.txt"
    other.parent.mkdir()
    other.write_text("medidor\n", encoding="utf-8")
    (repo / "words/fr.txt").write_text("medidor\n", encoding="utf-8")
    watched(bare, (other, lsp.FileChangeType.Created), (repo / "words/fr.txt", lsp.FileChangeType.Created))
    await nothing_published(bare)

    words.write_text("oferta\nmedidor\n", encoding="utf-8")
    watched(bare, (words, lsp.FileChangeType.Changed))
    diags = await diagnostics_for(bare, uri, lambda d: "LOC014" in codes(d), timeout=20)
    assert [d.message for d in diags if d.code == "LOC014"] == ['the es title contains "medidor" (configured); remove it']

    # an editor without file watching: the list saved in the editor lints again too
    words_uri = open_doc(bare, words, "plaintext")
    words.write_text("oferta\n", encoding="utf-8")
    bare.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(words_uri)))
    await diagnostics_for(bare, uri, lambda d: "LOC014" not in codes(d), timeout=20)
    # deleted: the config names a file that is not there, said as `check` says it
    words.unlink()
    watched(bare, (words, lsp.FileChangeType.Deleted))
    await until(lambda: bare.messages)
    assert [m.type for m in bare.messages] == [lsp.MessageType.Error]
    assert "words/es.txt" in bare.messages[0].message


async def test_another_tools_settings_leave_ours_alone(bare: LanguageClient, tmp_path):
    """A client sends every server its whole settings: {"python": {...}}, null or {} reset ours
    to the defaults (asOf gone: every date judged at today's date; config gone). Only our own
    section changes them now (the near miss); a client that answers workspace/configuration is
    asked for it instead."""
    repo = tmp_path / "repo"
    make_bundle(repo)
    (repo / "conf").mkdir()
    (repo / "conf/strict.toml").write_text('required-locales = ["en", "es"]\nignore = ["LOC004"]\n', encoding="utf-8")
    record(bare)
    capabilities = client_capabilities("visual-studio-code")
    capabilities.workspace.configuration = False  # pushes only (the pull is the test below)
    await initialize(bare, repo, capabilities, config="conf/strict.toml")
    uri = open_doc(bare, repo / ES_PAGE, "html")
    assert codes(await diagnostics_for(bare, uri)) == ["LOC005"]
    await quiet(bare)
    for settings in ({"python": {"analysis": {"typeCheckingMode": "strict"}}}, None, {}, {"listing-lint": None, "html": {}}):
        bare.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings))
    await nothing_published(bare)  # nothing linted again: nothing changed
    # our section, under our name or flat, changes them
    bare.workspace_did_change_configuration(lsp.DidChangeConfigurationParams({"listing-lint": {"asOf": AS_OF.isoformat()}, "python": {}}))
    assert codes(await diagnostics_for(bare, uri, lambda d: codes(d) == ["LOC004", "LOC005"], timeout=20)) == ["LOC004", "LOC005"]
    bare.workspace_did_change_configuration(lsp.DidChangeConfigurationParams({"config": "conf/strict.toml"}))
    assert codes(await diagnostics_for(bare, uri, lambda d: codes(d) == ["LOC005"], timeout=20)) == ["LOC005"]


@pytest_lsp.fixture(config=SERVER)
async def pulling(lsp_client: LanguageClient):
    """A client that answers workspace/configuration with what ``lsp_client.settings`` holds."""
    lsp_client.settings = {}
    lsp_client.asked = []

    def configuration(params: lsp.ConfigurationParams):
        lsp_client.asked.extend(item.section for item in params.items)
        return [lsp_client.settings.get(item.section) for item in params.items]

    lsp_client.protocol.fm.features[lsp.WORKSPACE_CONFIGURATION] = configuration  # in place of pytest-lsp's

    yield
    await lsp_client.shutdown_session()


async def test_a_client_that_answers_workspace_configuration_is_asked(pulling: LanguageClient, tmp_path, tmp_path_factory):
    """VS Code's language client (and Neovim) may say only that something changed (settings
    null); the server asks for its section then. A pulled `config` is never allowed outside the
    workspace: the workspace's own settings file answers the pull too."""
    repo = tmp_path / "repo"
    make_bundle(repo)
    (repo / "conf").mkdir()
    (repo / "conf/strict.toml").write_text('required-locales = ["en", "es"]\nignore = ["LOC004"]\n', encoding="utf-8")
    record(pulling)
    await initialize(pulling, repo)
    uri = open_doc(pulling, repo / ES_PAGE, "html")
    assert codes(await diagnostics_for(pulling, uri)) == ["LOC004", "LOC005"]
    await quiet(pulling)
    # the client has no section of ours: nothing changes
    pulling.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(None))
    await until(lambda: pulling.asked == ["listing-lint"])
    await nothing_published(pulling)
    pulling.settings = {"listing-lint": {"asOf": AS_OF.isoformat(), "config": "conf/strict.toml"}, "python": {}}
    pulling.workspace_did_change_configuration(lsp.DidChangeConfigurationParams({"python": {"x": 1}}))
    assert codes(await diagnostics_for(pulling, uri, lambda d: codes(d) == ["LOC005"], timeout=20)) == ["LOC005"]
    # a pulled allowConfigOutsideWorkspace is not taken
    shared = tmp_path_factory.mktemp("home") / "team.toml"
    shared.write_text('required-locales = ["en", "es"]\nignore = ["LOC005"]\n', encoding="utf-8")
    pulling.settings = {"listing-lint": {"config": str(shared), "allowConfigOutsideWorkspace": True}}
    pulling.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(None))
    await until(lambda: pulling.messages)
    assert "outside the workspace" in pulling.messages[0].message


async def test_a_folder_removed_from_the_workspace_takes_its_diagnostics_along(bare: LanguageClient, tmp_path):
    """Multi-root: a folder removed (VS Code's "Remove Folder from Workspace") kept its bundles'
    diagnostics in the problems list; added back, its open page waited for its next change. The
    near miss: the other folder's bundle is neither cleared nor linted again."""
    shop_a, shop_b = tmp_path / "shop-a", tmp_path / "shop-b"
    make_bundle(shop_a)
    make_bundle(shop_b)
    published = record(bare)
    accept_registrations(bare)
    folders = [lsp.WorkspaceFolder(f.as_uri(), f.name) for f in (shop_a, shop_b)]
    await bare.initialize_session(lsp.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=shop_a.as_uri(), workspace_folders=folders,
        initialization_options={"asOf": AS_OF.isoformat(), "debounceMs": 10}))
    a = open_doc(bare, shop_a / ES_PAGE, "html")
    b = open_doc(bare, shop_b / ES_PAGE, "html")
    assert codes(await diagnostics_for(bare, a)) == ["LOC004", "LOC005"]
    assert codes(await diagnostics_for(bare, b)) == ["LOC004", "LOC005"]
    await quiet(bare)
    del published[:]
    # the root the client named at the start is removed: its folder is out of the workspace too
    bare.workspace_did_change_workspace_folders(lsp.DidChangeWorkspaceFoldersParams(
        lsp.WorkspaceFoldersChangeEvent(added=[], removed=[folders[0]])))
    await diagnostics_for(bare, a, lambda d: not d, timeout=20)
    await diagnostics_for(bare, (shop_a / "listings/demo/listing.json").as_uri(), lambda d: not d, timeout=20)
    await quiet(bare)
    assert {u for u, _, _, _ in published} == {a, (shop_a / "listings/demo/listing.json").as_uri()}, published
    assert codes(bare.diagnostics[b]) == ["LOC004", "LOC005"]
    bare.workspace_did_change_workspace_folders(lsp.DidChangeWorkspaceFoldersParams(
        lsp.WorkspaceFoldersChangeEvent(added=[folders[0]], removed=[])))
    assert codes(await diagnostics_for(bare, a, lambda d: bool(d), timeout=20)) == ["LOC004", "LOC005"]
