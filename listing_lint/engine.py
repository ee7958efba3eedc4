"""The engine: rules x bundles, with selection, suppression, per-path ignores and error isolation.

It knows rules only through the registry and hands reporters a ``RunResult``
(its value types live in ``runtypes.py``, below the cache and suppression, which store and read them).
"""

from __future__ import annotations

import ctypes
import heapq
import itertools
import os
import signal
import threading
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator

from listing_lint import alarm, memo, registry
from listing_lint.api import Context, Rule
from listing_lint.bundle.discover import STORE, discover, find_project_root
from listing_lint.bundle.model import Bundle, display_path
from listing_lint.bundle.repo import Repo, store_file
from listing_lint.cache import Cache, cache_dir
from listing_lint.config import Config, check_named_files, shorten
from listing_lint.finding import Finding, Severity, Span, sort_findings
from listing_lint.runtypes import BundleResult, RunResult, Settings
from listing_lint.suppression import apply_suppressions


class UsageError(Exception):
    """Bad paths or options: exit code 2."""


class Cancelled(Exception):
    """A lint given a ``stop`` check was stopped between two rules: its input changed meanwhile
    (the language server got a newer edit of the bundle), so its answer would be stale."""


def _stop_here(stop) -> None:
    if stop is not None and stop():
        raise Cancelled()


# -- selection -----------------------------------------------------------------------------
def _matches(selector: str, rule: Rule) -> int:
    """How specifically ``selector`` names ``rule``: 0 no match, else the prefix length (names count fully)."""
    sel = selector.strip()
    if sel.upper() == "ALL":
        return 1
    if sel.lower() == rule.name:
        return 100
    if rule.code.startswith(sel.upper()):
        return len(sel) + 1
    return 0


def known_selector(selector: str, rules: Iterable[Rule]) -> bool:
    return any(_matches(selector, r) for r in rules)


def _distinct(selectors: list[str]) -> list[str]:
    """One of each selector as ``_matches`` reads it (case and spaces around it do not count):
    each is matched against every rule, and a generated config held 300,000 (14 s)."""
    seen: dict[str, str] = {}
    for sel in selectors:
        seen.setdefault(sel.strip().lower(), sel)
    return list(seen.values())


def select_rules(config: Config, rules: Iterable[Rule]) -> list[Rule]:
    """ruff's rule: the most specific of select/extend-select and ignore wins."""
    rules = list(rules)
    selectors = _distinct(config.get("select") + config.get("extend-select"))
    ignores = _distinct(config.get("ignore"))
    for sel in selectors + ignores:
        if not known_selector(sel, rules):
            raise UsageError(f"unknown rule code or prefix {shorten(sel)!r} in select/ignore")
    table = config.get("per-path-ignores")
    # a typo there would silently ignore nothing; each distinct code is checked once, not once an entry
    for code in _distinct([code for codes in table.values() for code in codes]):
        if not known_selector(code, rules):
            glob = next(g for g, codes in table.items() if code.strip().lower() in (c.strip().lower() for c in codes))
            raise UsageError(f"unknown rule code or prefix {shorten(code)!r} in per-path-ignores for {shorten(glob)!r}")
    chosen = []
    for rule in rules:
        s = max((_matches(x, rule) for x in selectors), default=0)
        i = max((_matches(x, rule) for x in ignores), default=0)
        if s and s > i:
            chosen.append(rule)
    return chosen


# -- running rules -------------------------------------------------------------------------
class RuleTimeout(BaseException):
    """Raised into a rule that ran past ``rule-timeout``.

    A BaseException, so that a rule's own ``except Exception`` (around a decoder, say) cannot
    swallow it and keep running. In the main thread of a process (the CLI, the forked workers of
    ``parallel.py``) SIGALRM raises it; in another thread (the language server lints on one) a
    timer thread raises it asynchronously into the rule's thread. Either way it arrives between two
    Python steps: one long call into C finishes first.
    """


def _expire(signum, frame):
    if alarm.owns_timer() and not alarm.went_off():
        return  # set for an earlier rule of the bundle, and this one has time left (alarm.py)
    raise RuleTimeout()


def _budget_usable(seconds: int) -> bool:
    return seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


_alarm_thread: int | None = None  # the thread whose run of rules installed the handler (``_alarm_handler``)


@contextmanager
def _alarm_handler(seconds: int) -> Iterator[None]:
    """Install the budget's SIGALRM handler for a run of rules (and put the previous one back):
    installing it around every rule cost more than some rules (20 µs, 68 times a bundle)."""
    global _alarm_thread
    if not _budget_usable(seconds) or signal.getsignal(signal.SIGALRM) is _expire:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    _alarm_thread = threading.get_ident()
    try:
        yield
    finally:
        _alarm_thread = None
        signal.signal(signal.SIGALRM, previous)


class _Watchdog:
    """The rule budget off the main thread: one daemon thread that raises RuleTimeout into a thread
    whose rule ran past its deadline (CPython's ``PyThreadState_SetAsyncExc``, what SIGALRM does for
    the main one). One thread for every rule of every lint: a timer thread per rule cost about
    0.15 ms each, 11 ms per full lint in the language server."""

    def __init__(self):
        self._cond = threading.Condition()
        self._armed: dict[int, int] = {}  # token -> the ident of the thread whose rule it guards
        self._deadlines: list[tuple[float, int]] = []  # (deadline, token), a heap
        self._fired: set[int] = set()
        self._tokens = itertools.count()
        self._thread: threading.Thread | None = None

    def arm(self, seconds: float) -> int:
        with self._cond:
            # deadlines only grow (one budget for every rule), so disarmed ones gather at the top
            while self._deadlines and self._deadlines[0][1] not in self._armed:
                heapq.heappop(self._deadlines)
            token = next(self._tokens)
            self._armed[token] = threading.get_ident()
            heapq.heappush(self._deadlines, (time.monotonic() + seconds, token))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._watch, name="listing-lint rule budget", daemon=True)
                self._thread.start()
            elif len(self._deadlines) == 1:
                self._cond.notify()  # it waits for no deadline: wake it for this one
            return token

    def disarm(self, token: int) -> bool:
        """Whether the budget ran out (RuleTimeout raised in the thread, or pending there)."""
        with self._cond:
            self._armed.pop(token, None)
            fired = token in self._fired
            self._fired.discard(token)
            return fired

    def _watch(self) -> None:
        with self._cond:
            while True:
                while self._deadlines and self._deadlines[0][1] not in self._armed:
                    heapq.heappop(self._deadlines)
                if not self._deadlines:
                    self._cond.wait()
                    continue
                deadline, token = self._deadlines[0]
                left = deadline - time.monotonic()
                if left > 0:
                    self._cond.wait(left)
                    continue
                heapq.heappop(self._deadlines)
                ident = self._armed.pop(token)
                self._fired.add(token)
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(RuleTimeout))


_watchdog = _Watchdog()


def _new_watchdog() -> None:
    global _watchdog
    _watchdog = _Watchdog()  # a forked child has no watch thread, and its lock may have been held


os.register_at_fork(after_in_child=_new_watchdog)


@contextmanager
def _thread_budget(seconds: float) -> Iterator[None]:
    token = _watchdog.arm(seconds)
    try:
        yield
    finally:
        if _watchdog.disarm(token):  # raised already (being handled), or still pending: drop it so it cannot escape the budget
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(threading.get_ident()), None)


@contextmanager
def _time_budget(seconds: int) -> Iterator[None]:
    if seconds > 0 and threading.current_thread() is not threading.main_thread() and hasattr(ctypes, "pythonapi"):
        with _thread_budget(seconds):
            yield
        return
    if not _budget_usable(seconds):
        yield
        return
    with _alarm_handler(seconds):  # a no-op inside lint_bundle's own
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)


def internal_error(message: str, span: Span, bundle: str | None, anchor: str) -> Finding:
    """An LNT003 finding: a rule, a phase or a whole bundle's lint that failed, at ``span``."""
    return Finding.at(
        span,
        code="LNT003",
        severity=Severity.ERROR,
        message=message,
        bundle=bundle,
        rule=registry.by_code()["LNT003"].name,
        anchor=anchor,
    )


def _internal_error(rule: Rule, span: Span, bundle: str | None, exc: BaseException, timeout: int) -> Finding:
    if isinstance(exc, RuleTimeout):
        what = f"took longer than {timeout} s and was stopped"
    else:
        detail = str(exc).splitlines()[0][:200] if str(exc) else ""
        what = f"raised {type(exc).__name__}" + (f": {detail}" if detail else "")
    return internal_error(
        f"rule {rule.code} ({rule.name}) {what}; the other rules still ran. Please report this.", span, bundle, f"LNT003:{rule.code}"
    )


def run_rule(rule: Rule, ctx: Context, target, timeout: int) -> list[Finding]:
    """Run one rule's ``check`` or ``check_repo``; an exception becomes LNT003, never a crash."""
    fn = rule.check if ctx.repo is None else rule.check_repo
    out: list[Finding] = []
    try:
        if timeout > 0 and _alarm_thread == threading.get_ident():
            # inside check_bundle's ``_alarm_handler`` on this thread: the bundle's one timer
            # (alarm.py), without ``_time_budget``'s two context managers and thread checks and
            # two setitimer calls a rule (issue 18: 70 rules a bundle)
            alarm.begin_rule(timeout)
            try:
                for finding in fn(target, ctx) or ():
                    out.append(finding)
            finally:
                alarm.end_rule()
        else:
            with _time_budget(timeout):
                for finding in fn(target, ctx) or ():
                    out.append(finding)
    except BaseException as exc:  # noqa: BLE001 - isolation is the point (a Rust panic in a binding is a BaseException)
        if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            raise
        if ctx.bundle is not None:
            span = Span(ctx.bundle.manifest.display, 1, 1, 1, 1)
            bundle_id = ctx.bundle.id
        else:
            span = ctx.repo.span() if ctx.repo.store else Span(display_path(ctx.repo.root, ctx.repo.cwd))
            bundle_id = None
        out.append(_internal_error(rule, span, bundle_id, exc, timeout))
    return out


def bundle_rules(bundle: Bundle, rules: list[Rule]) -> list[Rule]:
    """The rules that judge this bundle: refused means refused (a schema_version this release does
    not read gets the refusal, nothing computed on a format we do not read)."""
    return [r for r in rules if r.judges_refused] if bundle.refused else rules


def check_bundle(bundle: Bundle, settings: Settings, rules: list[Rule], stop=None, shared: dict | None = None) -> list[Finding]:
    """The findings of ``rules`` on a loaded bundle, before suppressions (the language server runs
    the rules that decode media on save only, and lints unsaved text through a bundle of its own).
    ``stop()`` true before a rule: Cancelled (the server's stale lint; a rule is never interrupted).
    ``shared``: the rules' ``ctx.cache`` (the server's, seeded with the last lint's ``textmemo``)."""
    config = settings.config
    thresholds = settings.thresholds
    timeout = config.get("rule-timeout")
    as_of = settings.as_of_for(bundle)  # the bundle's data never changes: one answer for every rule
    shared = {} if shared is None else shared  # what rules of this bundle share (ctx.cache)
    findings: list[Finding] = []
    with _alarm_handler(timeout):
        try:
            for rule in rules:
                if rule.check is None:
                    continue
                _stop_here(stop)
                ctx = Context(rule, config, as_of, thresholds, bundle=bundle, cache=shared)
                findings.extend(run_rule(rule, ctx, bundle, timeout))
        finally:
            if _alarm_thread == threading.get_ident():  # its rules ran under the bundle's timer (run_rule)
                alarm.stop()  # before the handler is put back: no SIGALRM may reach the previous one
    return findings


def _suppressed(bundle: Bundle, findings: list[Finding], rules: list[Rule], settings: Settings, timeout: int) -> list[Finding]:
    """The findings left after the bundle's suppressions, under the same time budget as a rule:
    a phase past it keeps every finding (nothing is hidden by a suppression not read) plus LNT003."""
    try:
        with _time_budget(timeout):
            return apply_suppressions(bundle, findings, rules, settings)
    except RuleTimeout:
        message = (f"reading the suppression comments took longer than {timeout} s and was stopped; "
                   "no finding of this bundle was suppressed. Please report this.")
        return findings + [internal_error(message, Span(bundle.manifest.display, 1, 1, 1, 1), bundle.id, "LNT003:suppressions")]


def suppress_bundle(bundle: Bundle, findings: list[Finding], rules: list[Rule], settings: Settings) -> list[Finding]:
    """The bundle's suppressions applied to ``findings`` (of ``rules``), under the rules' time budget."""
    timeout = settings.config.get("rule-timeout")
    with _alarm_handler(timeout):
        return _suppressed(bundle, findings, rules, settings, timeout)


def _bundle(manifest: Path, settings: Settings, buffers: dict[str, str] | None) -> Bundle:
    """The bundle as on disk, or with the text files ``buffers`` holds (absolute path -> text) read from it."""
    max_bytes = settings.config.get("max-text-bytes")
    if buffers is None:
        return Bundle(manifest, settings.cwd, max_bytes)
    from listing_lint.lsp.overlay import EditorBundle

    return EditorBundle(manifest, settings.cwd, max_bytes, buffers)


def lint_bundle(manifest: Path, settings: Settings, buffers: dict[str, str] | None = None) -> BundleResult:
    """Lint one bundle with every selected bundle rule, then apply its suppressions (its text files
    read from ``buffers`` where it holds them: what ``check --diff`` would have written)."""
    bundle = _bundle(manifest, settings, buffers)
    rules = bundle_rules(bundle, settings.rules())
    findings = suppress_bundle(bundle, check_bundle(bundle, settings, rules), rules, settings)
    memo.flush(at_least=memo.FLUSH_ROWS)  # the rest at the end of the run or worker (memo.FLUSH_ROWS)
    memo.release()  # the bundle's bytes the result cache kept for it (cache.describe)
    files = 1 + sum(1 for r in bundle.references if r.resolved.ok) if not bundle.single_file else 1
    return BundleResult(bundle.manifest.display, bundle.id, findings, files)


def lint_repo(settings: Settings, manifests_in_run: list[Path], all_manifests: list[Path], stop=None,
              buffers: dict[str, str] | None = None) -> list[Finding]:
    """The store-level rules' findings on store.json and the bundles in the run (cached); ``stop``
    as in ``check_bundle`` (a stopped run stores nothing in the cache); ``buffers`` as in
    ``lint_bundle`` (never cached: the cache is keyed by what is on disk)."""
    rules = [r for r in settings.rules() if r.check_repo is not None]
    if not rules:
        return []
    config = settings.config
    linted = {display_path(m, settings.cwd) for m in manifests_in_run}
    store = store_file(settings.root)
    cache = Cache.open(settings) if config.get("cache") and buffers is None else None
    key = cache.repo_key(all_manifests, settings.root / STORE, settings.as_of_for(None)) if cache else None
    out = cache.get_findings(key, _stored_in(settings.root, store, manifests_in_run)) if key else None
    if out is None:
        # every bundle, linted in this run or not: store-level rules compare them (ids, SKU counts)
        bundles = [_bundle(m, settings, buffers) for m in all_manifests]  # judged whole, so the result can be kept
        repo = Repo(settings.root, settings.cwd, bundles) if buffers is None else _buffered_repo(settings, bundles, buffers)
        out = []
        try:
            for rule in rules:
                _stop_here(stop)
                ctx = Context(rule, config, settings.as_of_for(None), settings.thresholds, repo=repo)
                out.extend(run_rule(rule, ctx, repo, config.get("rule-timeout")))
        except Cancelled:
            if cache:
                cache.close()
            raise
        if key:
            cache.put_findings(key, out)
    if cache:
        cache.close()
    shown = display_path(store, settings.cwd) if store else None
    folders = {m.rsplit("/", 1)[0] + "/" if "/" in m else "" for m in linted if m.endswith("listing.json") and not m.endswith(".listing.json")}
    # Findings on bundles outside this run (e.g. pre-commit on one bundle) are not this run's business.
    return [f for f in out if f.path == shown or f.path in linted or any(f.path.startswith(d) for d in folders)]


def _buffered_repo(settings: Settings, bundles: list[Bundle], buffers: dict[str, str]) -> Repo:
    from listing_lint.lsp.overlay import editor_repo

    return editor_repo(settings.root, settings.cwd, bundles, buffers)


def _stored_in(root: Path, store: Path | None, manifests: list[Path]):
    """``path -> bool`` for a store-level finding's stored path (relative to ``root``): whether it may
    be on store.json or on a bundle linted in this run. A superset of what ``lint_repo`` shows (it
    filters again on the display paths), so a path it cannot place is kept."""
    top = os.path.abspath(root)
    named, folders = set(), []
    for path in ([store] if store else []) + list(manifests):
        full = os.path.abspath(path)
        if not full.startswith(top + os.sep):
            return None
        rel = full[len(top) + 1:].replace(os.sep, "/")
        named.add(rel)
        if path is not store and not rel.endswith(".listing.json"):
            if "/" not in rel:
                return None  # a bundle at the root: every path may be its
            folders.append(rel.rsplit("/", 1)[0] + "/")
    prefixes = tuple(folders)
    return lambda rel: rel in named or rel.startswith(prefixes)


# -- per-path ignores ----------------------------------------------------------------------
_LITERAL, _ONE, _STAR, _ANY, _DIRS = range(5)  # a char, ?, * (not /), ** (anything), **/ (nothing, or anything ending in /)


def _glob_tokens(pattern: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            kind, i = _DIRS, i + 3
        elif pattern.startswith("**", i):
            kind, i = _ANY, i + 2
        elif pattern[i] in "*?":
            kind, i = (_STAR if pattern[i] == "*" else _ONE), i + 1
        else:
            out.append((_LITERAL, pattern[i]))
            i += 1
            continue
        # "**" * 40 is one "**", "**/**/" one "**/" ("**/" * 1,365 was as many states live at every character)
        if not (out and kind == out[-1][0] and kind in (_STAR, _ANY, _DIRS)):
            out.append((kind, ""))
    return out


def glob_matcher(pattern: str):
    """``path -> bool`` for a per-path-ignores glob: ``*`` within a folder name, ``**`` across
    folders, ``**/`` zero or more folders, ``?`` one character but ``/``.

    Not a regex: ``*`` x 40 + ``x`` as a backtracking regex never finished on a 40-character
    path, and the globs come from a config a pull request can change. The pattern is run as a set
    of positions advanced one character of the path at a time (Thompson's construction), in time
    proportional to pattern x path.
    """
    tokens = _glob_tokens(pattern)
    end = len(tokens)

    def closure(states: set) -> set:
        todo = list(states)
        while todo:
            state = todo.pop()
            if isinstance(state, int) and state < end and tokens[state][0] in (_STAR, _ANY, _DIRS) and state + 1 not in states:
                states.add(state + 1)  # each of these may match nothing
                todo.append(state + 1)
        return states

    def step(states: set, ch: str) -> set:
        nxt = set()
        for state in states:
            if not isinstance(state, int):  # inside a "**/": anything, until a "/" may end it
                nxt.add(state)
                if ch == "/":
                    nxt.add(state[1] + 1)
                continue
            if state == end:
                continue
            kind, lit = tokens[state]
            if kind == _LITERAL:
                if ch == lit:
                    nxt.add(state + 1)
            elif kind == _ONE:
                if ch != "/":
                    nxt.add(state + 1)
            elif kind == _STAR:
                if ch != "/":
                    nxt.add(state)
            elif kind == _ANY:
                nxt.add(state)
            else:  # _DIRS
                nxt.add(("in", state))
                if ch == "/":
                    nxt.add(state + 1)
        return closure(nxt)

    start = closure({0})

    def match(path: str) -> bool:
        states = start
        for ch in path:
            states = step(states, ch)
            if not states:
                return False
        return end in states

    return match


def _by_literal_prefix(table: dict[str, list[str]]) -> dict[str, list[tuple[str, list[str]]]]:
    """The per-path-ignores globs by the characters before their first wildcard, which a path they
    match must start with."""
    out: dict[str, list[tuple[str, list[str]]]] = {}
    for glob, codes in table.items():
        cut = min((i for i in (glob.find("*"), glob.find("?")) if i >= 0), default=len(glob))
        out.setdefault(glob[:cut], []).append((glob, codes))
    return out


def path_ignore_codes(table: dict[str, list[str]]):
    """``rel -> codes`` the per-path-ignores ``table`` ignores at the path ``rel``. Only the globs
    whose literal prefix the path starts with are run, each compiled when first needed: run over
    every path with findings, 10,000 generated ``listings/<bundle>/**`` entries were 10,000
    matchers a path (100,000 took 4.5 s on one bundle, and grew with the paths)."""
    by_prefix = _by_literal_prefix(table)
    lengths = sorted({len(prefix) for prefix in by_prefix})
    compiled: dict[str, Callable[[str], bool]] = {}

    def codes(rel: str) -> list[str]:
        out = []
        for size in lengths:
            if size > len(rel):
                break
            for glob, globs_codes in by_prefix.get(rel[:size], ()):
                match = compiled.get(glob) or compiled.setdefault(glob, glob_matcher(glob))
                if match(rel):
                    out.extend(globs_codes)
        return out

    return codes


def apply_path_ignores(findings: list[Finding], settings: Settings) -> list[Finding]:
    table = settings.config.get("per-path-ignores")
    if not table:
        return findings
    base = settings.config.root or settings.root
    ignored_at = path_ignore_codes(table)
    rules = registry.by_code()
    kept = []
    matched: dict[str, list[str]] = {}  # a file's findings share one answer
    for f in findings:
        if f.path not in matched:
            matched[f.path] = ignored_at(display_path(Path(os.path.abspath(settings.cwd / f.path)), base))
        codes = matched[f.path]
        rule = rules.get(f.code)
        if rule and any(_matches(c, rule) for c in codes):
            continue
        kept.append(f)
    return kept


# -- the run -------------------------------------------------------------------------------
def make_settings(config: Config, paths: list[str], cwd: Path, as_of: date | None) -> Settings:
    rules = select_rules(config, registry.all_rules())
    first = Path(os.path.abspath(cwd / paths[0])) if paths else cwd
    root = config.root or find_project_root(first, cwd)
    return Settings(config=config, cwd=cwd, root=root, as_of=as_of, codes=tuple(r.code for r in rules))


def validate_settings(settings: Settings) -> None:
    """Refuse before linting what would otherwise fail in every bundle: threshold overrides, the
    files the config names (regular, inside the project, size-capped) and a broken standards
    overlay. ``check`` makes these exit 2; the language server shows them once per bundle."""
    settings.thresholds  # noqa: B018 - parsing them is the check
    check_named_files(settings.config)
    config = settings.config
    if config.get("standards-overlay") and any(c.startswith("CMP") for c in settings.codes):
        from listing_lint.standards.registry import load_registry, overlay_path

        load_registry(overlay_path(config))  # not LNT003 on every bundle


def find_manifests(settings: Settings, paths: list[str]) -> tuple[list[Path], bool, list[str]]:
    """(manifests, whether store.json was named, named paths skipped because they lead through a symlink)."""
    found = discover(paths, settings.cwd, stop=settings.root)
    if found.missing:
        raise UsageError(f"path does not exist: {found.missing[0]}")
    return found.manifests, found.store_touched, found.skipped


def run(settings: Settings, paths: list[str], map_bundles=None, buffers: dict[str, str] | None = None) -> RunResult:
    """Lint the bundles under ``paths``. ``map_bundles(fn, manifests, settings)`` may run them in
    parallel. ``buffers`` (absolute path -> text) stand in for those files on disk, in this process
    and without the cache: ``check --diff`` lints again what ``--fix`` would have written."""
    started = time.perf_counter()
    memo.configure(cache_dir() if settings.config.get("cache") else None)
    manifests, store_touched, skipped = find_manifests(settings, paths)
    in_run = manifests
    if settings.shard is not None:
        from listing_lint import shard

        manifests = shard.select(manifests, settings.root, settings.shard)
    if map_bundles is None or buffers is not None:
        results = [lint_bundle(m, settings, buffers) for m in manifests]
    else:
        results = map_bundles(lint_bundle, manifests, settings)
    memo.flush()  # what this process buffered (workers write theirs as they exit: parallel._init)
    findings = [f for r in results for f in r.findings]
    if (in_run or store_touched) and (settings.shard is None or shard.runs_store_rules(settings.shard)):
        whole = any(os.path.abspath(settings.cwd / p) == str(settings.root) for p in paths)
        all_manifests = in_run if whole else discover([str(settings.root)], settings.cwd).manifests
        findings.extend(lint_repo(settings, in_run, all_manifests, buffers=buffers))
    findings = sort_findings(apply_path_ignores(findings, settings))
    return RunResult(
        findings=findings,
        bundles=results,
        as_of=settings.as_of or settings.today,
        elapsed=time.perf_counter() - started,
        settings=settings,
        extra={**({"shard": settings.shard} if settings.shard else {}), **({"skipped": skipped} if skipped else {})},
    )
