"""When the language server lints a bundle, and what it does with the answer: keystrokes are
debounced and coalesced per bundle, a lint already running for the bundle is followed by at most
one more (on the newest text), a newer edit stops a running lint at its next rule, and what a lint
published is taken back when its bundle is no longer shown. A mixin of ``ListingLintServer``."""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass, field

from lsprotocol import types as lsp

from listing_lint.config import ConfigError
from listing_lint.engine import Cancelled, UsageError
from listing_lint.lsp import convert
from listing_lint.lsp.session import Shown, Target, target_of
from listing_lint.lsp.settings import check_config_setting
from listing_lint.reporters.text import escape

log = logging.getLogger("listing_lint.lsp")


@dataclass
class Job:
    full: bool = False  # a full lint is owed (open, save, config, files on disk)
    again: bool = False
    running: bool = False
    timer: asyncio.TimerHandle | None = None
    stop: threading.Event | None = None  # set: the running lint's input changed, its answer is stale
    light_first: bool = False  # a keystroke stopped a full lint: its light lint first, the full one after


@dataclass
class Published:
    """What a document was last given, for code actions and hovers."""

    items: list[tuple[Shown, lsp.Diagnostic]] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    versions: dict[str, int] = field(default_factory=dict)  # path -> version of the open documents linted
    manifest: str | None = None
    target: Target | None = None  # the bundle (or store) whose lint published this


class Scheduling:
    def target(self, uri: str) -> Target | None:
        path = convert.path_of(uri)
        return target_of(path) if path is not None and self.inside(path) else None

    def open_targets(self) -> set[Target]:
        """The bundles (and store) with a document open in the editor: the ones whose diagnostics are shown."""
        return {t for t in map(self.target, list(self.workspace.text_documents)) if t is not None}

    def request(self, uri: str, full: bool, delay: float = 0.0) -> None:
        target = self.target(uri)
        if target is None:
            self.forget_gone(uri)
            if uri not in self.published:  # a file outside any bundle: nothing to say, but say it
                self.published[uri] = Published()
                self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
            return
        self.schedule(target, full, delay)

    def schedule(self, target: Target, full: bool, delay: float = 0.0) -> None:
        job = self.jobs.setdefault(target, Job())
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
    def stop_running(job: Job, keystroke: bool = False) -> None:
        """A newer edit (or a close) came: the running lint of the bundle stops at its next rule and
        publishes nothing; a full one stopped by a keystroke is run again after that keystroke's."""
        if job.running and job.stop is not None and not job.stop.is_set():
            job.stop.set()
            job.light_first = job.light_first or keystroke

    async def _run(self, target: Target, job: Job) -> None:
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

    async def _lint_once(self, target: Target, job: Job, full: bool) -> bool | None:
        """Lint ``target`` on the editor's text now and publish the answer (True); False: it could
        not be linted (a configuration error, said once); None: a newer edit or a close stopped it,
        and nothing is published (a stale answer never covers the newer one)."""
        job.stop = stop = threading.Event()  # before the buffers are read: a later edit sets it
        texts, versions = self.buffers()
        try:
            check_config_setting(self)
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


    def relint_all(self) -> None:
        """Lint every bundle shown again, from scratch (a config file or the settings changed)."""
        self.session.forget()
        self.reported.clear()
        for target in self.open_targets():
            self.schedule(target, full=True)

    def forget_gone(self, uri: str) -> None:
        """A document whose bundle is gone (its folder renamed, its listing.json deleted) under an
        editor that reports no file events: what the bundle's lint published, this document's and
        listing.json's, is taken back at the document's next change or close, not left for good."""
        before = self.published.get(uri)
        if before is not None and before.target is not None and before.target not in self.open_targets():
            self.forget_target(before.target)

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
