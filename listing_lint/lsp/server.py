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
import itertools
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
from listing_lint.engine import Cancelled, UsageError
from listing_lint.lsp import convert
from listing_lint.lsp.session import Options, Outcome, Session, Shown, Target, target_of
from listing_lint.reporters.text import escape

log = logging.getLogger("listing_lint.lsp")
MAX_READ = 5 * 1024 * 1024  # a file not open in the editor is read for its line texts up to this size
CONFIG_NAMES = ("listing-lint.toml", "pyproject.toml")
WATCH_QUIET = 0.2  # seconds: files changed on disk come in batches (a git checkout, a folder copied)
MAX_EVENTS = 5000  # a batch larger than this is not looked at file by file: every bundle shown is linted again
PULL_SECONDS = 5.0  # how long a workspace/configuration pull is waited for
#: the settings' keys: a didChangeConfiguration payload with none of them (flat or under "listing-lint") is another tool's
SETTING_KEYS = ("asOf", "config", "allowConfigOutsideWorkspace", "debounceMs")
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
    full: bool = False  # a full lint is owed (open, save, config, files on disk)
    again: bool = False
    running: bool = False
    timer: asyncio.TimerHandle | None = None
    stop: threading.Event | None = None  # set: the running lint's input changed, its answer is stale
    light_first: bool = False  # a keystroke stopped a full lint: its light lint first, the full one after


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
        self.named: dict[Target, frozenset[str]] = {}  # the files a bundle's config names (word lists, overlay)
        self.named_globs: list[str] = []  # what the editor was last asked to watch for them
        self.named_registration: str | None = None
        self.registration_ids = itertools.count(1)

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
        self.stop_running(job, keystroke=not full)
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

    @staticmethod
    def stop_running(job: _Job, keystroke: bool = False) -> None:
        """A newer edit (or a close) came: the running lint of the bundle stops at its next rule and
        publishes nothing; a full one stopped by a keystroke is run again after that keystroke's."""
        if job.running and job.stop is not None and not job.stop.is_set():
            job.stop.set()
            job.light_first = job.light_first or keystroke

    async def _run(self, target: Target, job: _Job) -> None:
        try:
            while True:
                if job.full and job.light_first:
                    full = False  # the keystroke's answer now; the full lint stays owed
                else:
                    full, job.full = job.full, False
                job.again = job.light_first = False
                done = await self._lint_once(target, job, full)
                if done is None:
                    job.full = job.full or full  # stopped: a full lint is still owed
                elif full:
                    await self._watch_named(target)  # also after a config error: a file it names may be missing
                    if done and not job.again:
                        await self._warm(target)
                if job.again:
                    continue
                if not (job.full and job.timer is None and target in self.open_targets()):
                    break  # a full lint still owed with no keystroke pending: it runs now
        finally:
            job.running = False
            job.stop = None

    async def _lint_once(self, target: Target, job: _Job, full: bool) -> bool | None:
        """Lint ``target`` on the editor's text now and publish the answer (True); False: it could
        not be linted (a configuration error, said once); None: a newer edit or a close stopped it,
        and nothing is published (a stale answer never covers the newer one)."""
        job.stop = stop = threading.Event()  # before the buffers are read: a later edit sets it
        texts, versions = self.buffers()
        try:
            self.check_config_setting()
            outcome = await asyncio.get_running_loop().run_in_executor(
                self.lint_pool, self.session.lint, target, texts, full, stop.is_set)
        except Cancelled:
            return None
        except (ConfigError, UsageError, ValueError) as exc:
            self._config_problem(target, str(exc))
            return False
        except Exception:  # noqa: BLE001 - a bug in a lint must not take the editor's server down
            log.exception("linting %s failed", target.path)
            return False
        if stop.is_set():
            return None  # finished, but a newer edit or a close came meanwhile: stale
        if target not in self.open_targets():
            self.clear(target)  # closed while it was linted
        else:
            self.reported.pop(target, None)  # a configuration fixed and broken again is said again
            self.publish(target, outcome, versions)
        return True

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
        for target in self.named_touched(paths or []) & self.open_targets():  # a word list, an overlay
            self.reported.pop(target, None)
            self.schedule(target, full=True, delay=WATCH_QUIET)
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

    # -- files the configuration names -----------------------------------------------------------
    def can_watch(self) -> bool:
        """Whether the editor watches files for a server that asks (dynamic registration)."""
        workspace = self.client_capabilities.workspace
        watch = workspace.did_change_watched_files if workspace is not None else None
        return bool(watch is not None and watch.dynamic_registration)

    async def _watch_named(self, target: Target) -> None:
        """Learn the files ``target``'s config names (after a full lint: the config may have
        changed) and have the editor watch them. Not for a `config` setting refused (outside the
        workspace): its content is not read, and would be sent back in the watchers' globs."""
        try:
            self.check_config_setting()
            names = await asyncio.get_running_loop().run_in_executor(self.lint_pool, self.session.named_files, target)
        except Exception:  # noqa: BLE001 - a config that names nothing readable: nothing to watch
            names = frozenset()
        self.named[target] = names
        self.register_named()

    def register_named(self) -> None:
        """Ask the editor to watch the files the open bundles' configs name, by their names (a
        ``**/name`` glob works in every client; events for a namesake elsewhere are matched to
        nothing). Asked again only when the names change."""
        if not self.can_watch():
            return
        shown = self.open_targets()
        globs = sorted({"**/" + _literal_glob(os.path.basename(n)) for t, names in self.named.items() if t in shown for n in names})
        if globs == self.named_globs:
            return
        old, self.named_globs = self.named_registration, globs
        self.named_registration = None
        if globs:
            self.named_registration = f"listing-lint-named-files-{next(self.registration_ids)}"
            options = lsp.DidChangeWatchedFilesRegistrationOptions(watchers=[lsp.FileSystemWatcher(glob_pattern=g) for g in globs])
            registration = lsp.Registration(self.named_registration, lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES, options)
            self.client_register_capability(lsp.RegistrationParams([registration])).add_done_callback(_registered)
        if old is not None:
            gone = lsp.Unregistration(old, lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
            self.client_unregister_capability(lsp.UnregistrationParams([gone])).add_done_callback(_registered)

    def named_touched(self, paths: list[Path]) -> set[Target]:
        """The bundles whose config names one of ``paths``, or a file inside one of them (a folder
        deleted); as written or with links resolved."""
        owners: dict[str, set[Target]] = {}
        for target, found in self.named.items():
            for name in found:
                owners.setdefault(name, set()).add(target)
        if not owners:
            return set()
        basenames = {os.path.basename(n) for n in owners}
        hits: set[Target] = set()
        for path in paths:
            text = str(path)
            candidates = [text, os.path.realpath(text)] if path.name in basenames else [text]
            for candidate in candidates:
                hits.update(owners.get(candidate, ()))
            hits.update(t for name, ts in owners.items() if name.startswith(text + os.sep) for t in ts)
        return hits

    def forget_target(self, target: Target) -> None:
        """Its diagnostics are no longer shown (its last document closed, its folder left the
        workspace): stop its lint, drop what is scheduled, take back what it published."""
        job = self.jobs.get(target)
        if job is not None:
            self.stop_running(job)
            job.full = False
            if job.timer is not None:
                job.timer.cancel()
                job.timer = None
        self.clear(target)

    def clear(self, target: Target) -> None:
        """Take back every diagnostic a lint of ``target`` published."""
        self.named.pop(target, None)
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


def _literal_glob(name: str) -> str:
    """A file name as a glob that matches it: LSP globs have no escape, so a glob character in the
    name (``*?[]{}``) becomes ``?`` (any one character: a namesake more, matched to nothing)."""
    return "".join("?" if ch in "*?[]{}" else ch for ch in name) or "?"


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


def our_settings(settings) -> dict | None:
    """Our section of a didChangeConfiguration payload: under "listing-lint", or flat (one of our
    keys at the top, as the VS Code extension sends it); None when it holds none (another tool's
    section, null, {}): a client sends every server the settings it has."""
    if not isinstance(settings, dict):
        return None
    section = settings.get("listing-lint")
    if isinstance(section, dict):
        return section
    return settings if any(key in settings for key in SETTING_KEYS) else None


async def pull_settings(ls: ListingLintServer) -> dict | None:
    """Our section asked of a client that answers workspace/configuration (it told us only that
    something changed); None if it has none or does not answer in time."""
    workspace = ls.client_capabilities.workspace
    if workspace is None or not workspace.configuration:
        return None
    item = lsp.ConfigurationItem(section="listing-lint", scope_uri=ls.root.as_uri() if ls.root is not None else None)
    try:
        answer = await asyncio.wait_for(ls.workspace_configuration_async(lsp.ConfigurationParams([item])), PULL_SECONDS)
    except Exception:  # noqa: BLE001 - an error or no answer: the settings stay as they were
        log.info("the editor did not answer workspace/configuration")
        return None
    section = answer[0] if isinstance(answer, (list, tuple)) and answer else None
    return section if isinstance(section, dict) and section else None


@server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def did_change_configuration(ls: ListingLintServer, params: lsp.DidChangeConfigurationParams) -> None:
    """Our section replaces the settings; a payload without it leaves them as they were, or, from a
    client that answers workspace/configuration, our section is asked for. A pulled section never
    allows a config outside the workspace: a workspace's own settings file answers the pull too."""
    section = our_settings(params.settings)
    pulled = section is None
    if pulled:
        section = await pull_settings(ls)
    if section is None:
        return
    options, problems = Options.parse(section, ls.root)
    for problem in problems:
        log.warning(problem)
    if pulled:
        options.config_outside = False
    ls.session.options = options
    ls.relint_all()


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
    if path is not None and ls.named_touched([path]):
        ls.files_changed([path])  # a word list or overlay saved (an editor that watches no files sends this only)
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
        ls.forget_target(target)


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
