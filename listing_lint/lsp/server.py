"""``listing-lint server``: the Language Server Protocol over stdio (pygls).

Lints run one at a time on the process's main thread and the protocol's event loop on another, so
the loop keeps answering hovers and code actions while a bundle's pictures are decoded, and the
lints keep every clock `check` has: the rule budget, the decode and pattern-search clocks are
SIGALRM's, which only the main thread hears (on any other thread a regular expression that
backtracks without end, inside one C call, could never be stopped). Here: the documents, what
was published, and the protocol's handlers. When a bundle is linted is ``scheduling``'s; files
changed on disk are ``watching``'s; the settings ``settings``'s; code actions and hovers ``actions``'s.
"""

from __future__ import annotations

import itertools
import logging
import os
import stat
import sys
import threading
from pathlib import Path
from urllib.parse import unquote

from lsprotocol import types as lsp
from lsprotocol.validators import UINTEGER_MAX_VALUE
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, default_converter
from pygls.uris import from_fs_path

from listing_lint import __version__, memo
from listing_lint.lsp import actions, convert, settings
from listing_lint.lsp.executor import MainThreadExecutor
from listing_lint.lsp.scheduling import Published, Scheduling, Job
from listing_lint.lsp.session import Options, Outcome, Session, Target, target_of
from listing_lint.lsp.watching import CONFIG_NAMES, MAX_EVENTS, WATCHED, Watching, is_manifest, report_refusal

log = logging.getLogger("listing_lint.lsp")
MAX_READ = 5 * 1024 * 1024  # a file not open in the editor is read for its line texts up to this size


class _Protocol(LanguageServerProtocol):
    def structure_message(self, data):
        """pygls's, and a didChange it cannot read (no text, a range with no end) makes the
        server's copy of that document unknown: pygls drops the change, and every later edit would
        land on text the editor no longer has."""
        try:
            return super().structure_message(data)
        except JsonRpcException:
            if data.get("method") == lsp.TEXT_DOCUMENT_DID_CHANGE:
                self._server.lose_track(data.get("params"))
            raise


class ListingLintServer(Scheduling, Watching, LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "listing-lint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental,
            protocol_cls=_Protocol, converter_factory=converter,
        )
        self.session = Session()
        self.jobs: dict[Target, Job] = {}
        self.published: dict[str, Published] = {}
        self.lint_pool = MainThreadExecutor()  # served by serve(): lints run on the main thread
        self.reported: dict[Target, str] = {}  # the configuration error last shown for a bundle
        self.root: Path | None = None  # the workspace root, for a relative config path
        self.named: dict[Target, frozenset[str]] = {}  # the files a bundle's config names (word lists, overlay)
        self.named_globs: list[str] = []  # what the editor was last asked to watch for them
        self.named_registration: str | None = None
        self.registration_ids = itertools.count(1)
        self.settings_changes = 0  # didChangeConfiguration notifications so far: a late pull's answer is not the newest
        self.lost: set[str] = set()  # open documents whose text the server no longer knows: linted as saved

    # -- documents ----------------------------------------------------------------------------
    def encoding(self) -> str:
        kind = self.workspace.position_encoding
        value = getattr(kind, "value", kind) or "utf-16"
        return str(value)

    def open_document(self, uri: str):
        """The document the editor opened under ``uri``, or None. Never pygls's
        ``get_text_document``, which makes one up from the disk for any URI it is asked about: a
        hover on ``file:///etc/passwd`` read it, on a FIFO blocked the protocol thread for good,
        on ``/dev/zero`` read without end."""
        return self.workspace.text_documents.get(unquote(uri))

    def roots(self) -> list[Path]:
        """The workspace: its folders, else its root (LSP: the folders take precedence), resolved
        (empty: the client named none). A folder removed from a multi-root workspace is out of it,
        also when it was the root the client named at the start."""
        folders = [convert.path_of(f.uri) for f in list(self.workspace.folders.values())]
        found = folders if any(folders) else [self.root]
        return [Path(os.path.realpath(p)) for p in found if p is not None]

    def inside(self, path: Path) -> bool:
        """Whether ``path``, every link and ``..`` on the way to it followed, is in the workspace.
        A document outside it (``file:///tmp/other/listing.json``, a ``..`` or a percent-encoded
        one in the URI, a folder of the repo linked out of it) is no business of this server:
        linting it read that bundle's pages, media and config outside the repo."""
        roots = self.roots()
        if not roots:
            return True  # no workspace named: the documents the editor opens are all there is
        real = Path(os.path.realpath(path))
        return any(real == root or root in real.parents for root in roots)

    def lose_track(self, params) -> None:
        """A change of an open document could not be read: until the editor sends its whole text
        again (an open, a whole-document change), it is linted as saved, as `check` sees it."""
        uri = params.get("textDocument", {}).get("uri") if isinstance(params, dict) else None
        if isinstance(uri, str) and self.open_document(uri) is not None:
            self.lost.add(unquote(uri))
            self.request(uri, full=False)

    def buffers(self) -> tuple[dict[str, str], dict[str, int]]:
        texts, versions = {}, {}
        for uri, doc in list(self.workspace.text_documents.items()):
            path = convert.path_of(uri)
            if path is not None and uri not in self.lost:
                texts[str(path)] = doc.source
                if doc.version is not None:
                    versions[str(path)] = doc.version
        return texts, versions

    # -- publishing ---------------------------------------------------------------------------
    def publish(self, target: Target, outcome: Outcome, versions: dict[str, int]) -> None:
        encoding = self.encoding()
        files = dict(outcome.files)
        for path in versions:  # an open document of this bundle with nothing to report hears so too
            if path not in files and target_of(Path(path)) == target:
                files[path] = []
        for uri, before in list(self.published.items()):  # what this bundle showed and no longer finds
            path = convert.path_of(uri)
            if before.target == target and before.items and path is not None and str(path) not in files:
                files[str(path)] = []
        for path, shown in sorted(files.items()):
            text = outcome.texts.get(path)
            if text is None and any(s.finding.line is not None for s in shown):
                text = _read_text(path)
            positions = convert.Positions(text, encoding) if text is not None else None
            items = [(s, convert.diagnostic(s.finding, positions)) for s in shown]
            uri = from_fs_path(path) or path
            self.published[uri] = Published(items, outcome.texts, versions, outcome.manifest, target)
            self.text_document_publish_diagnostics(
                lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[d for _, d in items], version=versions.get(path))
            )

    def document(self, published: Published):
        def identify(path: str) -> tuple[str, int | None]:
            return from_fs_path(path) or path, published.versions.get(path)

        return identify


def converter():
    """pygls's converter, reading a range as an editor's text model does (VS Code's
    ``validatePosition`` and ``Range``): a negative line or column is 0, one past 2**31 the
    largest, and an end before the start swaps them. lsprotocol refused a negative position, so
    pygls dropped the whole didChange ("Error in server: Invalid Params") and every later edit
    landed on text the editor no longer had; a reversed range duplicated the text between its ends."""
    out = default_converter()
    out.register_structure_hook(lsp.Position, lambda raw, _: lsp.Position(_unit(raw["line"]), _unit(raw["character"])))

    def structure_range(raw, _) -> lsp.Range:
        start, end = (out.structure(raw[key], lsp.Position) for key in ("start", "end"))
        if (end.line, end.character) < (start.line, start.character):
            start, end = end, start
        return lsp.Range(start, end)

    out.register_structure_hook(lsp.Range, structure_range)
    return out


def _unit(value) -> int:
    return min(max(int(value), 0), UINTEGER_MAX_VALUE)


def _read_text(path: str) -> str | None:
    """The text of a file that is not open, to place its diagnostics; None (positions as given)
    for a symlink (a listing.json linked out of the repo: `check` never opens it) or anything but
    a regular file (a FIFO would block the server)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(MAX_READ)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data.decode("utf-8", "replace").removeprefix("\ufeff")


server = ListingLintServer()


@server.feature(lsp.INITIALIZE)
def initialize(ls: ListingLintServer, params: lsp.InitializeParams) -> None:
    ls.root = convert.path_of(params.root_uri) if params.root_uri else Path(params.root_path) if params.root_path else None
    ls.session.options, problems = Options.parse(params.initialization_options, ls.root)
    for problem in problems:
        log.warning(problem)


@server.feature(lsp.INITIALIZED)
def initialized(ls: ListingLintServer, params: lsp.InitializedParams) -> None:
    """Ask the editor to report files changed on disk, where it can (VS Code, Helix, Neovim on
    macOS and Windows); without it, saving a config file in the editor still lints again."""
    if ls.can_watch():
        options = lsp.DidChangeWatchedFilesRegistrationOptions(watchers=WATCHED)
        registration = lsp.Registration(
            id="listing-lint-files", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
        )
        future = ls.client_register_capability(lsp.RegistrationParams(registrations=[registration]))
        future.add_done_callback(report_refusal)


@server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: ListingLintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    if len(params.changes) > MAX_EVENTS:
        ls.files_changed(None)
        return
    paths = [convert.path_of(change.uri) for change in params.changes]
    ls.files_changed([p for p in paths if p is not None])


@server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def did_change_configuration(ls: ListingLintServer, params: lsp.DidChangeConfigurationParams) -> None:
    await settings.change_configuration(ls, params)


@server.feature(lsp.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
def did_change_workspace_folders(ls: ListingLintServer, params: lsp.DidChangeWorkspaceFoldersParams) -> None:
    """A folder removed from a multi-root workspace: its bundles' diagnostics go (they stayed, and
    its documents were still linted at every keystroke in another of its bundles' files); a folder
    added: its open documents are linted (they were refused as outside the workspace, and waited
    for their next change). pygls has updated ``workspace.folders`` already."""
    shown = {p.target for p in ls.published.values() if p.target is not None}
    for target in shown:
        if not ls.inside(target.path):
            ls.forget_target(target)
    for target in ls.open_targets() - shown:
        ls.schedule(target, full=True)


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ListingLintServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.lost.discard(unquote(params.text_document.uri))
    ls.request(params.text_document.uri, full=True)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: ListingLintServer, params: lsp.DidChangeTextDocumentParams) -> None:
    if any(isinstance(c, lsp.TextDocumentContentChangeWholeDocument) for c in params.content_changes):
        ls.lost.discard(unquote(params.text_document.uri))  # its whole text: known again
    ls.request(params.text_document.uri, full=False, delay=ls.session.options.debounce)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: ListingLintServer, params: lsp.DidSaveTextDocumentParams) -> None:
    path = convert.path_of(params.text_document.uri)
    if path is not None and path.name in CONFIG_NAMES and ls.target(params.text_document.uri) is None:
        ls.files_changed([path])  # a config file saved: every bundle it may govern
        return
    if path is not None and ls.named_touched([path]):
        ls.files_changed([path])  # a word list or overlay saved (an editor that watches no files sends this only)
        return
    ls.request(params.text_document.uri, full=True)
    if path is not None and is_manifest(path):
        ls.repo_changed(ls.target(params.text_document.uri))


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ListingLintServer, params: lsp.DidCloseTextDocumentParams) -> None:
    """The bundle's other documents still open: lint again, the closed one's text back to what
    the disk says. Its last document closed: its diagnostics go, as ruff's server clears a
    closed document's."""
    uri = params.text_document.uri
    ls.lost.discard(unquote(uri))
    target = ls.target(uri)
    if target is None:
        ls.forget_gone(uri)
        if uri in ls.published:
            del ls.published[uri]
            ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        return
    if target in ls.open_targets():
        ls.schedule(target, full=False)
    else:
        ls.forget_target(target)


@server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
def code_action(ls: ListingLintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    return actions.code_action(ls, params)


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
def hover(ls: ListingLintServer, params: lsp.HoverParams) -> lsp.Hover | None:
    return actions.hover(ls, params)


def serve() -> None:
    """Speak LSP on stdin/stdout: the protocol on a thread of its own, the lints on this (main)
    thread. Whatever else writes to stdout (a library's print, a child process) goes to stderr
    instead, so it cannot corrupt the protocol stream."""
    protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb", buffering=0)
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="listing-lint server: %(levelname)s %(message)s")
    threading.Thread(target=_speak, args=(protocol_out,), name="listing-lint-protocol", daemon=True).start()
    server.lint_pool.serve()


def _speak(protocol_out) -> None:
    try:
        server.start_io(sys.stdin.buffer, protocol_out)
    finally:
        # after `exit` (or the client gone): end the process now, not after a lint still running
        # on the main thread (a full lint decoding a video); what it had not written is cache. The
        # memo's file is closed first (its answers written, its write-ahead log folded in): left
        # open, the log stays for the next run to read through
        sys.stderr.flush()
        try:
            memo.close()
        finally:
            os._exit(0)
