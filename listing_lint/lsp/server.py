"""``listing-lint server``: the Language Server Protocol over stdio (pygls).

Lints run one at a time on the process's main thread and the protocol's event loop on another, so
the loop keeps answering hovers and code actions while a bundle's pictures are decoded, and the
lints keep every clock `check` has: the rule budget, the decode and pattern-search clocks are
SIGALRM's, which only the main thread hears (on any other thread a regular expression that
backtracks without end, inside one C call, could never be stopped). Keystrokes are debounced and
coalesced per bundle: a lint already running for the bundle is followed by at most one more, on
the newest text.
"""

from __future__ import annotations

import asyncio
import logging
import os
import queue
import stat
import sys
import threading
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path

from listing_lint import __version__
from listing_lint.config import ConfigError
from listing_lint.engine import UsageError
from listing_lint.lsp import convert
from listing_lint.lsp.session import Options, Outcome, Session, Shown, Target, target_of
from listing_lint.reporters.text import escape

log = logging.getLogger("listing_lint.lsp")
MAX_READ = 5 * 1024 * 1024  # a file not open in the editor is read for its line texts up to this size
CONFIG_NAMES = ("listing-lint.toml", "pyproject.toml")
WATCH_QUIET = 0.2  # seconds: files changed on disk come in batches (a git checkout, a folder copied)
MAX_EVENTS = 5000  # a batch larger than this is not looked at file by file: every bundle shown is linted again
#: what the server asks the editor to watch (workspace/didChangeWatchedFiles): config files, the
#: bundles' text files, and every deletion (a bundle folder renamed or removed is one event, for the folder)
WATCHED = [
    lsp.FileSystemWatcher(glob_pattern="**/{listing-lint.toml,pyproject.toml,listing.json,*.listing.json,store.json}"),
    lsp.FileSystemWatcher(glob_pattern="**/*.{html,htm,xhtml}"),
    lsp.FileSystemWatcher(glob_pattern="**/*", kind=lsp.WatchKind.Delete),
]


class MainThreadExecutor(Executor):
    """Runs the calls submitted to it one at a time, on the thread that calls ``serve`` (the main
    one), until ``shutdown``."""

    def __init__(self) -> None:
        self._calls: queue.SimpleQueue = queue.SimpleQueue()

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        self._calls.put((future, fn, args, kwargs))
        return future

    def serve(self) -> None:
        while (call := self._calls.get()) is not None:
            future, fn, args, kwargs = call
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = fn(*args, **kwargs)
            except BaseException as exc:  # handed to whoever awaits the call
                future.set_exception(exc)
                if not isinstance(exc, Exception):
                    raise  # Ctrl-C, SystemExit: the process is ending
            else:
                future.set_result(result)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._calls.put(None)


@dataclass
class _Job:
    full: bool = False
    again: bool = False
    running: bool = False
    timer: asyncio.TimerHandle | None = None


@dataclass
class _Published:
    """What a document was last given, for code actions and hovers."""

    items: list[tuple[Shown, lsp.Diagnostic]] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    versions: dict[str, int] = field(default_factory=dict)  # path -> version of the open documents linted
    manifest: str | None = None
    target: Target | None = None  # the bundle (or store) whose lint published this


class ListingLintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("listing-lint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.session = Session()
        self.jobs: dict[Target, _Job] = {}
        self.published: dict[str, _Published] = {}
        self.lint_pool = MainThreadExecutor()  # served by serve(): lints run on the main thread
        self.reported: dict[Target, str] = {}  # the configuration error last shown for a bundle
        self.root: Path | None = None  # the workspace root, for a relative config path

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
        """The workspace: its folders and root, resolved (empty: the client named none)."""
        found = [self.root] + [convert.path_of(f.uri) for f in list(self.workspace.folders.values())]
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

    def buffers(self) -> tuple[dict[str, str], dict[str, int]]:
        texts, versions = {}, {}
        for uri, doc in list(self.workspace.text_documents.items()):
            path = convert.path_of(uri)
            if path is not None:
                texts[str(path)] = doc.source
                if doc.version is not None:
                    versions[str(path)] = doc.version
        return texts, versions

    # -- scheduling ---------------------------------------------------------------------------
    def target(self, uri: str) -> Target | None:
        path = convert.path_of(uri)
        return target_of(path) if path is not None and self.inside(path) else None

    def open_targets(self) -> set[Target]:
        """The bundles (and store) with a document open in the editor: the ones whose diagnostics are shown."""
        return {t for t in map(self.target, list(self.workspace.text_documents)) if t is not None}

    def request(self, uri: str, full: bool, delay: float = 0.0) -> None:
        target = self.target(uri)
        if target is None:
            if uri not in self.published:  # a file outside any bundle: nothing to say, but say it
                self.published[uri] = _Published()
                self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
            return
        self.schedule(target, full, delay)

    def schedule(self, target: Target, full: bool, delay: float = 0.0) -> None:
        job = self.jobs.setdefault(target, _Job())
        job.full = job.full or full
        if job.timer is not None:
            job.timer.cancel()
        job.timer = asyncio.get_running_loop().call_later(delay, self._start, target)

    def _start(self, target: Target) -> None:
        job = self.jobs[target]
        job.timer = None
        if target not in self.open_targets():  # its last document closed, its manifest gone: nothing to show
            self.clear(target)
            return
        if job.running:
            job.again = True
            return
        job.running = True
        asyncio.ensure_future(self._run(target, job))

    async def _run(self, target: Target, job: _Job) -> None:
        loop = asyncio.get_running_loop()
        try:
            while True:
                full, job.full, job.again = job.full, False, False
                texts, versions = self.buffers()
                try:
                    self.check_config_setting()
                    outcome = await loop.run_in_executor(self.lint_pool, self.session.lint, target, texts, full)
                except (ConfigError, UsageError, ValueError) as exc:
                    self._config_problem(target, str(exc))
                    outcome = None
                except Exception:  # noqa: BLE001 - a bug in a lint must not take the editor's server down
                    log.exception("linting %s failed", target.path)
                    outcome = None
                if outcome is not None and target not in self.open_targets():
                    self.clear(target)  # closed while it was linted
                elif outcome is not None:
                    self.reported.pop(target, None)  # a configuration fixed and broken again is said again
                    self.publish(target, outcome, versions)
                    if full and not job.again:
                        await self._warm(target)
                if not job.again:
                    break
        finally:
            job.running = False

    async def _warm(self, target: Target) -> None:
        try:
            await asyncio.get_running_loop().run_in_executor(self.lint_pool, self.session.warm_models, target)
        except Exception:  # noqa: BLE001 - a model that fails to load costs time later, not the server
            log.exception("loading language models failed")

    def check_config_setting(self) -> None:
        """The `config` setting names a file inside the workspace, unless the user's own settings
        allow one outside it: a workspace's settings file (.vscode/settings.json, .helix/) can set
        it, and a file read as config is shown back in error messages (\"unknown key ...\")."""
        config = self.session.options.config
        if config is None or self.session.options.config_outside or self.inside(config):
            return
        raise ConfigError(
            f"the config setting names {config}, outside the workspace; it was not read. Name a config file inside "
            "the workspace, or allow this one in your own editor settings (allowConfigOutsideWorkspace)"
        )

    def relint_all(self) -> None:
        """Lint every bundle shown again, from scratch (a config file or the settings changed)."""
        self.session.forget()
        self.reported.clear()
        for target in self.open_targets():
            self.schedule(target, full=True)

    def files_changed(self, paths: list[Path] | None) -> None:
        """Files created, changed or deleted on disk (the editor's watcher): lint again the bundles
        they belong to, or that lived under a folder deleted; all of them for a config file. A
        batch (a git checkout) is one lint per bundle, after a short quiet time. ``None``: too many
        to look at one by one (over ``MAX_EVENTS``): every bundle shown is looked at again."""
        if paths is not None and any(p.name in CONFIG_NAMES for p in paths):
            self.relint_all()
            return
        shown = {p.target for p in self.published.values() if p.target is not None}
        if paths is None:
            touched = shown
        else:
            opened = {str(p) for p in map(convert.path_of, list(self.workspace.text_documents)) if p is not None}
            paths = [p for p in paths if str(p) not in opened or not p.exists()]  # an open document saved: didSave lints it
            touched = _touched(shown, paths)
        opened_targets = self.open_targets()
        for target in touched:
            if target in opened_targets:
                self.schedule(target, full=True, delay=WATCH_QUIET)
            else:
                self.clear(target)  # its listing.json gone (deleted, its folder renamed)
        for target in opened_targets - shown:  # a listing.json created: an open page may have a bundle now
            self.schedule(target, full=True, delay=WATCH_QUIET)

    def clear(self, target: Target) -> None:
        """Take back every diagnostic a lint of ``target`` published."""
        for uri, published in list(self.published.items()):
            if published.target == target:
                del self.published[uri]
                self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def _config_problem(self, target: Target, message: str) -> None:
        if self.reported.get(target) != message:  # said once, not at every keystroke
            self.reported[target] = message
            self.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"listing-lint: {escape(message)}"))

    # -- publishing ---------------------------------------------------------------------------
    def publish(self, target: Target, outcome: Outcome, versions: dict[str, int]) -> None:
        encoding = self.encoding()
        files = dict(outcome.files)
        for path in versions:  # an open document of this bundle with nothing to report hears so too
            if path not in files and target_of(Path(path)) == target:
                files[path] = []
        for path, shown in sorted(files.items()):
            text = outcome.texts.get(path)
            if text is None and any(s.finding.line is not None for s in shown):
                text = _read_text(path)
            positions = convert.Positions(text, encoding) if text is not None else None
            items = [(s, convert.diagnostic(s.finding, positions)) for s in shown]
            uri = from_fs_path(path) or path
            self.published[uri] = _Published(items, outcome.texts, versions, outcome.manifest, target)
            self.text_document_publish_diagnostics(
                lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[d for _, d in items], version=versions.get(path))
            )

    def document(self, published: _Published):
        def identify(path: str) -> tuple[str, int | None]:
            return from_fs_path(path) or path, published.versions.get(path)

        return identify


def _touched(targets: set[Target], paths: list[Path]) -> set[Target]:
    """The targets a path is about: it is the target's folder (store.json for the store) or a folder
    that holds it (deleted or renamed: one event for the folder), or a file inside the folder.
    Looked up by the path's own folders at the depths the targets' folders are, so an event costs
    about its length, not a pass over every target."""
    homes: dict[str, set[Target]] = {}
    above: dict[str, set[Target]] = {}  # a target's folder and every folder it is in
    for target in targets:
        home = target.path.parent if target.kind == "bundle" else target.path
        homes.setdefault(str(home), set()).add(target)
        for folder in (home, *home.parents):
            above.setdefault(str(folder), set()).add(target)
    depths = {home.count(os.sep) for home in homes}
    touched: set[Target] = set()
    for path in paths:
        text = str(path)
        touched.update(above.get(text, ()))
        parts = text.split(os.sep)
        for depth in depths:
            if depth + 1 < len(parts):
                touched.update(homes.get(os.sep.join(parts[: depth + 1]), ()))
    return touched


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
    workspace = ls.client_capabilities.workspace
    watch = workspace.did_change_watched_files if workspace is not None else None
    if watch is not None and watch.dynamic_registration:
        options = lsp.DidChangeWatchedFilesRegistrationOptions(watchers=WATCHED)
        registration = lsp.Registration(
            id="listing-lint-files", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
        )
        future = ls.client_register_capability(lsp.RegistrationParams(registrations=[registration]))
        future.add_done_callback(_registered)


def _registered(future) -> None:
    if not future.cancelled() and future.exception() is not None:  # the editor would not watch: saving a config still lints
        log.info("the editor did not accept the file watchers: %s", future.exception())


@server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: ListingLintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    if len(params.changes) > MAX_EVENTS:
        ls.files_changed(None)
        return
    paths = [convert.path_of(change.uri) for change in params.changes]
    ls.files_changed([p for p in paths if p is not None])


@server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
def did_change_configuration(ls: ListingLintServer, params: lsp.DidChangeConfigurationParams) -> None:
    if isinstance(params.settings, dict) and params.settings:
        ls.session.options, _ = Options.parse(params.settings, ls.root)
        ls.relint_all()


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ListingLintServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.request(params.text_document.uri, full=True)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: ListingLintServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.request(params.text_document.uri, full=False, delay=ls.session.options.debounce)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: ListingLintServer, params: lsp.DidSaveTextDocumentParams) -> None:
    path = convert.path_of(params.text_document.uri)
    if path is not None and path.name in CONFIG_NAMES and ls.target(params.text_document.uri) is None:
        ls.files_changed([path])  # a config file saved: every bundle it may govern
        return
    ls.request(params.text_document.uri, full=True)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ListingLintServer, params: lsp.DidCloseTextDocumentParams) -> None:
    """The bundle's other documents still open: lint again, the closed one's text back to what
    the disk says. Its last document closed: its diagnostics go, as ruff's server clears a
    closed document's."""
    uri = params.text_document.uri
    target = ls.target(uri)
    if target is None:
        if uri in ls.published:
            del ls.published[uri]
            ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        return
    if target in ls.open_targets():
        ls.schedule(target, full=False)
    else:
        job = ls.jobs.get(target)
        if job is not None and job.timer is not None:
            job.timer.cancel()
            job.timer = None
        ls.clear(target)


@server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
def code_action(ls: ListingLintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
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


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
def hover(ls: ListingLintServer, params: lsp.HoverParams) -> lsp.Hover | None:
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
        # on the main thread (a full lint decoding a video); what it had not written is cache
        sys.stderr.flush()
        os._exit(0)
