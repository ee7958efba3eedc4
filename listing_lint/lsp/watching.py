"""Files changed on disk, as the editor reports them (workspace/didChangeWatchedFiles): the
bundles they belong to are linted again, and the files a bundle's config names (word lists, the
standards overlay, keep-terms) are watched too. A mixin of ``ListingLintServer``."""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path

from lsprotocol import types as lsp

from listing_lint.bundle.discover import STORE
from listing_lint.bundle.model import MANIFEST, SINGLE_SUFFIX
from listing_lint.lsp import convert
from listing_lint.media.sniff import BY_EXTENSION
from listing_lint.lsp.session import Target
from listing_lint.lsp.settings import check_config_setting

log = logging.getLogger("listing_lint.lsp")
CONFIG_NAMES = ("listing-lint.toml", "pyproject.toml")
WATCH_QUIET = 0.2  # seconds: files changed on disk come in batches (a git checkout, a folder copied)
MAX_EVENTS = 5000  # a batch larger than this is not looked at file by file: every bundle shown is linted again
#: pictures, videos and certificates by their extensions, both cases (phones write IMG_0001.JPG;
#: an editor's globs are case-sensitive where its file system is)
_MEDIA = sorted({e for ext in (*BY_EXTENSION, "pdf") for e in (ext, ext.upper())})
#: what the server asks the editor to watch (workspace/didChangeWatchedFiles): config files, the
#: bundles' text files, media created or replaced (a picture copied in or overwritten: seen at once,
#: not at the next save), and every deletion (a bundle folder renamed or removed is one event, for the folder)
WATCHED = [
    lsp.FileSystemWatcher(glob_pattern="**/{listing-lint.toml,pyproject.toml,listing.json,*.listing.json,store.json}"),
    lsp.FileSystemWatcher(glob_pattern="**/*.{html,htm,xhtml}"),
    lsp.FileSystemWatcher(glob_pattern="**/*.{" + ",".join(_MEDIA) + "}", kind=lsp.WatchKind.Create | lsp.WatchKind.Change),
    lsp.FileSystemWatcher(glob_pattern="**/*", kind=lsp.WatchKind.Delete),
]



class Watching:
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
        if touched - opened_targets or any(map(is_manifest, paths or [])):
            self.repo_changed()
        for target in opened_targets - shown:  # a listing.json created: an open page may have a bundle now
            self.schedule(target, full=True, delay=WATCH_QUIET)

    def repo_changed(self, saved: Target | None = None) -> None:
        """A listing.json or store.json saved, created, changed or deleted, or a bundle gone: the
        store-level rules read every bundle (SCH006's duplicate ids, the PRM averages), so every
        other bundle shown is linted in full again; it kept the store-level findings of the
        repository as it was (a duplicate id saved in one bundle reached only that one)."""
        for target in self.open_targets() - {saved}:
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
            check_config_setting(self)
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
            self.client_register_capability(lsp.RegistrationParams([registration])).add_done_callback(report_refusal)
        if old is not None:
            gone = lsp.Unregistration(old, lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
            self.client_unregister_capability(lsp.UnregistrationParams([gone])).add_done_callback(report_refusal)

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


def is_manifest(path: Path) -> bool:
    """A bundle's listing.json, a single-file bundle, or the repository's store.json."""
    return path.name in (MANIFEST, STORE) or path.name.endswith(SINGLE_SUFFIX)


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



def report_refusal(future) -> None:
    if not future.cancelled() and future.exception() is not None:  # the editor would not watch: saving a config still lints
        log.info("the editor did not accept the file watchers: %s", future.exception())

