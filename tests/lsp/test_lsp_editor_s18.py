"""Session 18: the editor path, round 4, through the real server over stdio (pytest-lsp): the
edits a client gets wrong (a negative or reversed range), a 20 MB paste, a client slow to answer
workspace/configuration, and journeys a seller takes, each ending with what `check` says of the
same files saved."""

from __future__ import annotations

import asyncio
import re
import sys
import time
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from builder import AS_OF, png_bytes
from lsp_helpers import ES, accept_registrations, apply_edit, diagnostics_for, make_bundle, open_doc, quiet, record, replace_all
from test_server import engine_spans

pytestmark = pytest.mark.asyncio

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "listing_lint", "server"])
ES_PAGE = "listings/demo/detail/es.html"
STRICT = 'required-locales = ["en", "es"]\nignore = ["LOC004"]\n'


@pytest_lsp.fixture(config=SERVER)
async def bare(lsp_client: LanguageClient):
    """A client that has not said `initialize` yet: the test does."""
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def slow(lsp_client: LanguageClient):
    """A client that answers workspace/configuration only when the test says: each request waits
    on a future of ``lsp_client.pending``, and is answered with what the test sets on it."""
    lsp_client.pending = []

    async def configuration(params: lsp.ConfigurationParams):
        answer = asyncio.get_running_loop().create_future()
        lsp_client.pending.append(answer)
        return [await answer for _ in params.items]

    lsp_client.protocol.fm.features[lsp.WORKSPACE_CONFIGURATION] = configuration  # in place of pytest-lsp's
    yield
    for answer in lsp_client.pending:
        if not answer.done():
            answer.set_result(None)
    await lsp_client.shutdown_session()


async def initialize(client: LanguageClient, root: Path, options: dict | None = None) -> None:
    accept_registrations(client)
    await client.initialize_session(lsp.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri(),
        initialization_options={"asOf": AS_OF.isoformat(), "debounceMs": 10} if options is None else options))


def spans(diags) -> list[tuple]:
    return [(d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character) for d in diags]


def codes(diags) -> list[str]:
    return [d.code for d in diags]


async def version_published(client: LanguageClient, uri: str, version: int, timeout: float = 60) -> list[lsp.Diagnostic]:
    """The diagnostics once ``uri``'s latest publication is of ``version`` (polled, see lsp_helpers)."""
    deadline = time.monotonic() + timeout
    while True:
        latest = [p for p in client.published if p[0] == uri]
        if latest and latest[-1][1] == version:
            return list(client.diagnostics[uri])
        assert time.monotonic() < deadline, f"no publication of version {version} for {uri}: {latest[-2:]!r}"
        await asyncio.sleep(0.02)


def raw_change(client: LanguageClient, uri: str, version: int, start: tuple, end: tuple, text: str) -> None:
    """An incremental change sent as JSON, as a client with a bug sends it: lsprotocol refuses to
    build a negative position, so pytest-lsp's own call cannot."""
    where = {"start": {"line": start[0], "character": start[1]}, "end": {"line": end[0], "character": end[1]}}
    client.protocol._send_data({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"range": where, "text": text}]}})


async def test_a_negative_or_reversed_range_is_read_as_an_editor_reads_it(bare: LanguageClient, tmp_path):
    """lsprotocol refused a negative position: pygls dropped the whole change and showed "Error in
    server: Invalid Params", and the next edits landed on text the editor no longer had (its
    diagnostics misplaced for good). A reversed range was applied as no change. Now both are read
    as VS Code's text model reads them (a negative unit is 0, the ends of a reversed range swap),
    and a valid edit after them (the near miss) lands where the editor put it."""
    make_bundle(tmp_path)
    record(bare)
    await initialize(bare, tmp_path)
    uri = open_doc(bare, tmp_path / ES_PAGE, "html")
    await diagnostics_for(bare, uri)
    text = ES
    edits = [  # as sent, and as an editor applies it
        ((5, -3), (5, -1), "<p>{{otro}}</p>\n", (5, 0), (5, 0)),
        ((5, 0), (4, 0), "", (4, 0), (5, 0)),  # the {{price}} line deleted, ends reversed
        ((-7, 4), (0, 9), "<!DOCTYPE html", (0, 0), (0, 9)),
        ((1, 12), (1, 17), "es", (1, 12), (1, 17)),  # the near miss: a valid edit after them
    ]
    for version, (start, end, new, at, to) in enumerate(edits, start=2):
        raw_change(bare, uri, version, start, end, new)
        text = apply_edit(text, [lsp.TextEdit(lsp.Range(lsp.Position(*at), lsp.Position(*to)), new)])
    diags = await version_published(bare, uri, 1 + len(edits))
    (tmp_path / ES_PAGE).write_text(text, encoding="utf-8")
    assert spans(diags) == engine_spans(tmp_path, ES_PAGE) == [("LOC005", 4, 0, 4, 0)]
    assert bare.messages == []


def peak_rss_mib(client: LanguageClient) -> float:
    """The server process's peak resident memory (Linux: VmHWM)."""
    with open(f"/proc/{client._server.pid}/status", encoding="ascii") as status:
        kib = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    return kib / 1024


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
async def test_a_20_mb_paste_says_what_check_says_and_goes_when_undone(bare: LanguageClient, tmp_path):
    """Held, kept: a whole page of 20 MB pasted is refused as `check` refuses the saved file
    (SCH001 over max-text-bytes), in bounded time and memory; a keystroke in it is still answered,
    and undoing the paste (the near miss) brings the page's own findings back, nothing stale."""
    make_bundle(tmp_path)
    record(bare)
    await initialize(bare, tmp_path)
    uri = open_doc(bare, tmp_path / ES_PAGE, "html")
    before = spans(await diagnostics_for(bare, uri))
    big = ES.replace("</body>", "<p>Este enchufe mide la energía.</p>\n" * 600_000 + "</body>")
    assert len(big.encode("utf-8")) > 20_000_000
    base = peak_rss_mib(bare)
    started = time.monotonic()
    replace_all(bare, uri, big, 2)
    diags = await version_published(bare, uri, 2)
    took, grew = time.monotonic() - started, peak_rss_mib(bare) - base
    raw_change(bare, uri, 3, (600_003, 0), (600_003, 0), "<p>{{precio}}</p>\n")
    big = apply_edit(big, [lsp.TextEdit(lsp.Range(lsp.Position(600_003, 0), lsp.Position(600_003, 0)), "<p>{{precio}}</p>\n")])
    typed = await version_published(bare, uri, 3)
    (tmp_path / ES_PAGE).write_text(big, encoding="utf-8")
    assert spans(diags) == spans(typed) == engine_spans(tmp_path, ES_PAGE) == [("SCH001", 0, 0, 0, 0)]
    assert took < 60 and grew < 400, (took, grew)  # measured: 0.2-1.8 s, +62 MiB over 292
    (tmp_path / ES_PAGE).write_text(ES, encoding="utf-8")
    replace_all(bare, uri, ES, 4)
    assert spans(await version_published(bare, uri, 4)) == before


async def until(condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


async def test_a_late_answer_to_workspace_configuration_is_applied(slow: LanguageClient, tmp_path):
    """A client that says only that its settings changed is asked for ours. While it does not
    answer, keystrokes get their diagnostics with the settings in force (here the defaults). The
    pull was cut at 5 s: an answer after that was lost and pygls showed "Error in server:
    CANCELLED". It is applied now whenever it comes; an answer overtaken by a newer settings
    change (the near miss) is dropped, the newer settings stay."""
    make_bundle(tmp_path)
    (tmp_path / "strict.toml").write_text(STRICT, encoding="utf-8")
    record(slow)
    await initialize(slow, tmp_path, {"debounceMs": 10})
    uri = open_doc(slow, tmp_path / ES_PAGE, "html")
    assert codes(await diagnostics_for(slow, uri)) == ["LOC004", "LOC005"]
    slow.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(None))
    await until(lambda: len(slow.pending) == 1)
    replace_all(slow, uri, ES.replace("{{price}}", "39,90 US$"), 2)
    assert codes(await version_published(slow, uri, 2)) == ["LOC004"]  # the defaults, not waiting for the pull
    await asyncio.sleep(6)  # past the old 5 s cut
    slow.pending[0].set_result({"config": "strict.toml"})
    await diagnostics_for(slow, uri, lambda d: codes(d) == [], timeout=30)
    # overtaken: a pull unanswered while our section is pushed; its answer comes after
    slow.workspace_did_change_configuration(lsp.DidChangeConfigurationParams({"python": {}}))
    await until(lambda: len(slow.pending) == 2)
    slow.workspace_did_change_configuration(lsp.DidChangeConfigurationParams({"listing-lint": {"asOf": AS_OF.isoformat()}}))
    await diagnostics_for(slow, uri, lambda d: codes(d) == ["LOC004"], timeout=30)
    await quiet(slow, 1.0)
    seen = len(slow.published)
    slow.pending[1].set_result({"config": "strict.toml"})
    await quiet(slow, 1.5)
    assert slow.published[seen:] == [] and codes(slow.diagnostics[uri]) == ["LOC004"]
    assert slow.messages == []


def save(client: LanguageClient, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(path.as_uri())))


async def test_a_config_change_clears_findings_in_files_not_open(bare: LanguageClient, tmp_path):
    """`[tool.listing-lint]` in pyproject.toml edited and saved, with only a page open: a `select`
    that leaves listing.json nothing to report left its findings in the problems list for good (a
    settings change forgot which files the bundle had shown, so none was cleared). The server now
    clears what it published and no longer finds; an `ignore` (the near miss) takes only its code."""
    make_bundle(tmp_path)
    (tmp_path / "listing-lint.toml").unlink()
    pyproject = tmp_path / "pyproject.toml"
    base = '[project]\nname = "shop"\n\n[tool.listing-lint]\nrequired-locales = ["en", "es"]\n'
    pyproject.write_text(base, encoding="utf-8")
    record(bare)
    await initialize(bare, tmp_path)
    page = open_doc(bare, tmp_path / ES_PAGE, "html")
    manifest, rel = (tmp_path / "listings/demo/listing.json").as_uri(), "listings/demo/listing.json"
    assert codes(await diagnostics_for(bare, manifest)) == ["CMP011", "ABT001", "MED001", "MED002"]
    open_doc(bare, pyproject, "toml")
    for version, (extra, want) in enumerate([
        ('ignore = ["CMP011"]\n', ["ABT001", "MED001", "MED002"]),
        ('select = ["LOC", "SCH"]\n', []),
    ], start=2):
        replace_all(bare, pyproject.as_uri(), base + extra, version)
        save(bare, pyproject, base + extra)
        diags = await diagnostics_for(bare, manifest, lambda d, want=want: sorted(codes(d)) == want, timeout=30)
        await quiet(bare, 1.0)
        assert spans(diags) == spans(bare.diagnostics[manifest]) == engine_spans(tmp_path, rel)
        assert spans(bare.diagnostics[page]) == engine_spans(tmp_path, ES_PAGE) == [("LOC004", 1, 0, 1, 0), ("LOC005", 4, 2, 4, 2)]


def _glob_regex(glob: str) -> re.Pattern:
    """An LSP glob pattern (``**``, ``*``, ``?``, ``{a,b}``) as VS Code matches it against a path."""
    out, i = "", 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
            continue
        ch = glob[i]
        out += {"*": "[^/]*", "?": "[^/]", "{": "(?:", "}": ")", ",": "|"}.get(ch, re.escape(ch))
        i += 1
    return re.compile(out + r"\Z")


def editor_reports(client: LanguageClient, path: Path, kind: lsp.FileChangeType) -> None:
    """Send a file event only if a watcher the server registered covers it, as an editor does."""
    watch_kind = {lsp.FileChangeType.Created: 1, lsp.FileChangeType.Changed: 2, lsp.FileChangeType.Deleted: 4}[kind]
    for registration in client.registrations:
        options = registration.register_options
        watchers = options["watchers"] if isinstance(options, dict) else options.watchers
        for watcher in watchers:
            glob = watcher["globPattern"] if isinstance(watcher, dict) else watcher.glob_pattern
            kinds = (watcher.get("kind") if isinstance(watcher, dict) else watcher.kind) or 7
            if int(kinds) & watch_kind and _glob_regex(glob).match(path.as_posix()):
                client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams([lsp.FileEvent(path.as_uri(), kind)]))
                return


async def test_a_picture_copied_in_or_replaced_on_disk_is_seen(bare: LanguageClient, tmp_path):
    """The server asked the editor to report only deletions of pictures, videos and PDFs: a
    picture listing.json names copied into the bundle (from the phone, IMG_0002.JPG) kept its
    SCH003 (no such file), and one replaced by a broken copy showed nothing, until the next save.
    Both are seen now; a picture outside any bundle (the near miss) lints nothing again."""
    b = make_bundle(tmp_path)
    b.data["media"].append({"kind": "image", "file": "media/IMG_0002.JPG", "role": "scene", "alt": {"en": "The plug on a desk", "es": "El enchufe en un escritorio"}})
    b.write()
    (tmp_path / "photos").mkdir()
    record(bare)
    await initialize(bare, tmp_path)
    open_doc(bare, tmp_path / ES_PAGE, "html")
    manifest, rel = (tmp_path / "listings/demo/listing.json").as_uri(), "listings/demo/listing.json"
    missing = await diagnostics_for(bare, manifest, lambda d: "SCH003" in codes(d))
    await until(lambda: bare.registrations)
    await quiet(bare, 1.0)
    assert spans(missing) == engine_spans(tmp_path, rel)
    seen = len(bare.published)
    (tmp_path / "photos/IMG_0003.JPG").write_bytes(png_bytes(fmt="JPEG"))
    editor_reports(bare, tmp_path / "photos/IMG_0003.JPG", lsp.FileChangeType.Created)
    await quiet(bare, 1.0)
    assert bare.published[seen:] == []
    (b.dir / "media/IMG_0002.JPG").write_bytes(png_bytes(fmt="JPEG"))
    editor_reports(bare, b.dir / "media/IMG_0002.JPG", lsp.FileChangeType.Created)
    found = await diagnostics_for(bare, manifest, lambda d: "SCH003" not in codes(d), timeout=30)
    assert spans(found) == engine_spans(tmp_path, rel)
    (b.dir / "media/scene-1.png").write_bytes(png_bytes()[:200])
    editor_reports(bare, b.dir / "media/scene-1.png", lsp.FileChangeType.Changed)
    broken = await diagnostics_for(bare, manifest, lambda d: "MED005" in codes(d), timeout=30)
    assert spans(broken) == engine_spans(tmp_path, rel)


async def test_a_listing_json_saved_relints_the_other_bundles_shown(bare: LanguageClient, tmp_path):
    """The store-level rules read every bundle (SCH006 duplicate ids, the PRM averages): a
    listing.json saved with another open bundle's id: `check` gives the second of the two its
    SCH006, but that bundle, whose page was open, missed it until its own next save. Every other bundle shown is
    linted again now when a listing.json is saved; a page saved (the near miss) lints only its own."""
    make_bundle(tmp_path)
    other = make_bundle(tmp_path, "other")
    record(bare)
    await initialize(bare, tmp_path)
    manifest = tmp_path / "listings/demo/listing.json"
    open_doc(bare, manifest, "json")
    page = tmp_path / ES_PAGE
    open_doc(bare, page, "html")
    other_page, other_manifest = open_doc(bare, other.dir / "detail/es.html", "html"), (other.dir / "listing.json").as_uri()
    await diagnostics_for(bare, other_page)
    await quiet(bare, 1.0)
    seen = len(bare.published)
    save(bare, page, ES)
    await quiet(bare, 1.0)
    assert {uri for uri, *_ in bare.published[seen:]} <= {page.as_uri(), manifest.as_uri()}
    text = manifest.read_text(encoding="utf-8").replace('"id": "demo"', '"id": "other"')
    replace_all(bare, manifest.as_uri(), text, 2)
    save(bare, manifest, text)
    diags = await diagnostics_for(bare, other_manifest, lambda d: "SCH006" in codes(d), timeout=30)
    assert spans(diags) == engine_spans(tmp_path, "listings/other/listing.json")
    await quiet(bare, 1.0)
    assert spans(bare.diagnostics[manifest.as_uri()]) == engine_spans(tmp_path, "listings/demo/listing.json")


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
async def test_a_page_saved_in_another_encoding_keeps_its_sch001(bare: LanguageClient, tmp_path, encoding):
    """An editor decodes a page saved in Windows-1252 or UTF-16 to show it, and saves it back in
    that encoding; the server linted the decoded buffer as if it were UTF-8, so the SCH001 `check`
    and CI give never showed in the editor, before or after a save. The buffer now stands in only
    for a file on disk that is UTF-8; a page with a UTF-8 byte-order mark (the near miss: editors
    drop the mark from the buffer, `check` accepts it) is linted from the buffer as before."""
    make_bundle(tmp_path)
    page = tmp_path / ES_PAGE
    record(bare)
    await initialize(bare, tmp_path)
    for version, encode in enumerate([lambda t: t.encode(encoding), lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")], start=1):
        page.write_bytes(encode(ES))
        bare.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(page.as_uri(), "html", version, ES)))
        assert spans(await version_published(bare, page.as_uri(), version)) == engine_spans(tmp_path, ES_PAGE)
        typed = ES.replace("{{price}}", "39,90 US$")
        replace_all(bare, page.as_uri(), typed, version + 10)
        page.write_bytes(encode(typed))  # saved by the editor, in the file's encoding
        bare.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(page.as_uri())))
        await quiet(bare, 1.0)
        assert spans(bare.diagnostics[page.as_uri()]) == engine_spans(tmp_path, ES_PAGE)
        assert codes(bare.diagnostics[page.as_uri()]) == (["SCH001"] if version == 1 else ["LOC004"])
        bare.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(page.as_uri())))


async def test_a_change_the_server_cannot_read_lints_the_page_as_saved(bare: LanguageClient, tmp_path):
    """A didChange with no text (or a range with no end) cannot be read: pygls drops it, so the
    server's copy of the page no longer is the editor's, and every later edit landed on it, its
    diagnostics misplaced for good. The page is linted as saved now (what `check` says of it)
    until the editor sends its whole text again; the edits before (the near miss) were applied."""
    make_bundle(tmp_path)
    record(bare)
    await initialize(bare, tmp_path)
    page = tmp_path / ES_PAGE
    uri = open_doc(bare, page, "html")
    await diagnostics_for(bare, uri)
    raw_change(bare, uri, 2, (1, 12), (1, 17), "es")  # read: LOC004 goes
    assert spans(await version_published(bare, uri, 2)) == [("LOC005", 4, 2, 4, 2)]
    bare.protocol._send_data({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"range": {"start": {"line": 0, "character": 0}}}]}})
    raw_change(bare, uri, 4, (5, 0), (5, 0), "<p>{{otro}}</p>\n")
    await quiet(bare, 1.5)
    assert spans(bare.diagnostics[uri]) == engine_spans(tmp_path, ES_PAGE) == [("LOC004", 1, 0, 1, 0), ("LOC005", 4, 2, 4, 2)]
    typed = ES.replace("{{price}}", "39,90 US$")
    replace_all(bare, uri, typed, 5)  # the whole text: in step again
    assert spans(await version_published(bare, uri, 5)) == [("LOC004", 1, 0, 1, 0)]
