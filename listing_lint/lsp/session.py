"""What the language server lints and keeps between requests, with no LSP in it.

Two kinds of lint, both through the engine's own pieces (``check_bundle``, suppressions,
per-path ignores, ``lint_repo``, the memo), so the editor shows what ``check`` reports:

* **full** (a document opened or saved): every selected rule on the bundle, and the store-level
  rules (``lint_repo``, with its cache) — pictures, videos and PDFs included;
* **light** (a keystroke): the rules that do not decode media (``Rule.reads_media``), on the
  editor's unsaved text; what the media rules found at the last full lint is kept and goes
  through suppression again with the fresh findings, so ``lint.ignore`` and LNT001 behave
  exactly as in a full run. A store.json keystroke re-runs the store-level rules on its text.

The memo (probes, PDF text, language scores) lives in this process, so a second full lint of
an unchanged bundle decodes nothing and the language model is loaded once per server.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from listing_lint import flood, memo, textmemo
from listing_lint.api import Context
from listing_lint.bundle.discover import STORE, discover, find_project_root, owner_of
from listing_lint.bundle.model import base_language, display_path
from listing_lint.cache import cache_dir
from listing_lint.config import ConfigError, files_named_in, find_config_file, load_config
from listing_lint.engine import (
    Cancelled,
    apply_path_ignores,
    bundle_rules,
    check_bundle,
    lint_repo,
    make_settings,
    run_rule,
    suppress_bundle,
    validate_settings,
)
from listing_lint.finding import Finding
from listing_lint.langid.judge import warm_up
from listing_lint.lsp.overlay import EditorBundle, editor_repo
from listing_lint.runtypes import Settings


@dataclass
class Options:
    """The client's settings (``initializationOptions`` or ``workspace/didChangeConfiguration``)."""

    as_of: date | None = None  # like --as-of
    config: Path | None = None  # like --config
    debounce: float = 0.05  # seconds of quiet before a keystroke's lint starts
    config_outside: bool = False  # the user's own settings allow a `config` outside the workspace

    @classmethod
    def parse(cls, raw, root: Path | None = None) -> tuple[Options, list[str]]:
        """Options from a JSON object (camelCase keys), and a sentence per value it could not use.
        A relative ``config`` path is the workspace's (``root``)."""
        out, problems = cls(), []
        if not isinstance(raw, dict):
            return out, problems
        raw = raw.get("listing-lint", raw) if isinstance(raw.get("listing-lint"), dict) else raw
        if raw.get("asOf") is not None:
            try:
                out.as_of = date.fromisoformat(str(raw["asOf"]))
            except ValueError:
                problems.append(f"asOf {raw['asOf']!r} is not a date like 2026-11-25; using each bundle's date")
        if isinstance(raw.get("config"), str) and raw["config"]:
            out.config = Path(raw["config"]).expanduser()
            if not out.config.is_absolute() and root is not None:
                out.config = root / out.config
        out.config_outside = raw.get("allowConfigOutsideWorkspace") is True
        debounce = raw.get("debounceMs")
        if isinstance(debounce, (int, float)) and not isinstance(debounce, bool) and 0 <= debounce <= 5000:
            out.debounce = debounce / 1000
        return out, problems


@dataclass(frozen=True)
class Target:
    """What a document belongs to: a bundle (its manifest) or the repo's store.json."""

    kind: str  # "bundle" | "store"
    path: Path  # the manifest, or store.json


@dataclass
class Shown:
    """One finding as the editor gets it."""

    finding: Finding
    suppressible: bool  # a bundle rule's finding (store-level findings take no inline suppression)


@dataclass
class Outcome:
    """A lint's answer: findings per file (absolute path). A file the bundle showed before and missing here is
    cleared by the server (``ListingLintServer.publish``), which knows what was really published."""

    files: dict[str, list[Shown]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # absolute path -> the text the rules read
    manifest: str | None = None  # the bundle's listing.json (where JSON suppressions go)


@dataclass
class _Kept:
    media_raw: list[Finding] | None = None  # the media rules' findings before suppression, last full lint
    repo: list[Finding] = field(default_factory=list)  # store-level findings on this bundle, last full lint
    texts: dict = field(default_factory=dict)  # textmemo answers of the last lint, for the next keystroke's


def target_of(path: Path) -> Target | None:
    """The bundle owning ``path``, or the store, or None (a file outside any bundle)."""
    if path.name == STORE and owner_of(path) is None:
        return Target("store", path)
    manifest = owner_of(path)
    if manifest is not None and manifest.is_file():
        return Target("bundle", manifest)
    return None


class Session:
    def __init__(self, options: Options | None = None):
        self.options = options or Options()
        self._kept: dict[Path, _Kept] = {}
        self._warmed: set[tuple[str, ...]] = set()

    def settings_for(self, target: Target) -> Settings:
        """The settings ``check`` would use for this file (config found by walking up); what ``check``
        refuses with exit code 2 raises here (ConfigError, UsageError, ValueError)."""
        config = load_config(target.path, self.options.config)
        root = config.root or find_project_root(target.path)
        # findings' paths are relative to the project root, a place that does not depend on how the editor started us
        settings = make_settings(config, [str(target.path)], root, self.options.as_of)
        validate_settings(settings)
        return settings

    def named_files(self, target: Target) -> frozenset[str]:
        """The files the config governing ``target`` names (word lists, the standards overlay, the
        keep-terms file), absolute, as written and with links resolved: the server watches them."""
        try:
            config = self.options.config or find_config_file(target.path)
        except ConfigError:
            return frozenset()
        found = files_named_in(config) if config is not None else []
        return frozenset({str(p) for p in found} | {os.path.realpath(p) for p in found})

    def forget(self) -> None:
        """Drop what full lints kept (the options changed)."""
        self._kept.clear()

    def lint(self, target: Target, buffers: dict[str, str], full: bool, stop=None) -> Outcome:
        """``stop()`` is asked between rules: true, the lint ends with ``Cancelled`` (a newer edit
        came) and what it had found is kept nowhere."""
        settings = self.settings_for(target)
        memo.configure(cache_dir() if settings.config.get("cache") else None)
        try:
            if target.kind == "store":
                return self._lint_store(target, settings, buffers, full, stop)
            return self._lint_bundle(target, settings, buffers, full, stop)
        finally:
            memo.flush()
            memo.release()  # the small files' bytes their sniffs held for this lint (SourceFile._head)

    def warm_models(self, target: Target) -> None:
        """Load the accurate language models a bundle's locales need (about 0.2 s and 16 MiB a
        language), so that the first new paragraph typed does not wait for them."""
        if target.kind != "bundle":
            return
        settings = self.settings_for(target)
        if not any(code.startswith("LOC") for code in settings.codes):
            return
        bundle = EditorBundle(target.path, settings.cwd, settings.config.get("max-text-bytes"), {})
        locales = (bundle.locales or []) + settings.config.get("required-locales")
        languages = tuple(sorted({base_language(locale) for locale in locales if locale}))
        if languages not in self._warmed:
            self._warmed.add(languages)
            warm_up(settings.config.get("language-detector"), accurate=True, languages=languages)

    def _lint_bundle(self, target: Target, settings: Settings, buffers: dict[str, str], full: bool, stop=None) -> Outcome:
        kept = self._kept.setdefault(target.path, _Kept())
        full = full or kept.media_raw is None
        bundle = EditorBundle(target.path, settings.cwd, settings.config.get("max-text-bytes"), buffers)
        rules = bundle_rules(bundle, settings.rules())
        media_rules = [r for r in rules if r.reads_media]
        shared = textmemo.seeded(kept.texts)
        raw = check_bundle(bundle, settings, [r for r in rules if not r.reads_media], stop, shared)
        kept.texts = textmemo.answers(shared)
        if full:
            media_raw = check_bundle(bundle, settings, media_rules, stop)
            all_manifests = discover([str(settings.root)], settings.cwd).manifests
            kept.repo = apply_path_ignores(lint_repo(settings, [target.path], all_manifests, stop), settings)
            kept.media_raw = media_raw
        if stop is not None and stop():
            raise Cancelled()
        findings = suppress_bundle(bundle, raw + kept.media_raw, rules, settings)
        findings = apply_path_ignores(findings, settings)
        store = display_path(settings.root / STORE, settings.cwd)  # its findings are store.json's own document's
        shown = [Shown(f, True) for f in findings] + [Shown(f, False) for f in kept.repo if f.path != store]
        outcome = self._group(settings, shown, bundle.texts())
        outcome.manifest = str(target.path)
        return outcome

    def _lint_store(self, target: Target, settings: Settings, buffers: dict[str, str], full: bool, stop=None) -> Outcome:
        all_manifests = discover([str(settings.root)], settings.cwd).manifests
        if full or str(target.path) not in buffers:
            found = lint_repo(settings, [], all_manifests, stop)  # store.json's own findings, cached as in check
        else:
            found = self._store_rules(settings, all_manifests, buffers, stop)
        shown = [Shown(f, False) for f in apply_path_ignores(found, settings)]
        texts = {str(target.path): buffers[str(target.path)]} if str(target.path) in buffers else {}
        return self._group(settings, shown, texts)

    def _store_rules(self, settings: Settings, manifests: list[Path], buffers: dict[str, str], stop=None) -> list[Finding]:
        """The store-level rules on store.json's unsaved text (lint_repo reads the disk and caches)."""
        max_bytes = settings.config.get("max-text-bytes")
        bundles = [EditorBundle(m, settings.cwd, max_bytes, buffers) for m in manifests]
        repo = editor_repo(settings.root, settings.cwd, bundles, buffers)
        shown = repo.store.display if repo.store is not None else None
        out: list[Finding] = []
        for rule in settings.rules():
            if rule.check_repo is not None:
                if stop is not None and stop():
                    raise Cancelled()
                ctx = Context(rule, settings.config, settings.as_of_for(None), settings.thresholds, repo=repo)
                out.extend(f for f in run_rule(rule, ctx, repo, settings.config.get("rule-timeout")) if f.path == shown)
        return out

    @staticmethod
    def _group(settings: Settings, shown: list[Shown], texts: dict[str, str]) -> Outcome:
        outcome = Outcome(texts=texts)
        for item in shown:
            path = os.path.normpath(settings.cwd / item.finding.path)
            outcome.files.setdefault(path, []).append(item)
        limit = settings.config.get(flood.KEY)
        for path, items in list(outcome.files.items()):
            items.sort(key=lambda s: s.finding.sort_key)  # check's order
            capped, left_out = flood.cap([s.finding for s in items], limit)
            if left_out:  # as `check` shows them; the summary takes no quick fix
                by_id = {id(s.finding): s for s in items}
                outcome.files[path] = [by_id.get(id(f)) or Shown(f, False) for f in capped]
        return outcome

