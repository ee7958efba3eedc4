"""Lint bundles in worker processes, through the on-disk cache; results come back in input order.

``make_mapper(jobs, use_cache)`` returns the ``map_bundles(fn, manifests, settings)`` hook that
``engine.run`` calls. The main process stats every bundle and takes what the cache already knows;
the rest go to a pool of forked workers in chunks (``ProcessPoolExecutor.map`` keeps the input
order, so output never depends on scheduling). Under ``SERIAL_BELOW`` bundles the pool costs more
than it saves (a pre-commit run on one bundle), so they are linted in-process.

A bundle that makes the engine itself raise (not a rule: rules are isolated by the engine) is
reported as LNT003 on its listing.json and the run goes on. A worker that dies (killed, out of
memory) breaks the pool and takes the unfinished part of its chunk with it: the bundles without a
result are then linted again, each in a process of its own, so the one that kills its process
costs only itself an LNT003 and every other bundle keeps its result.

Rule modules may define ``prepare(config)`` (or ``prepare(config, bundles)``, told how many bundles
the workers will lint): it is called once in the main process before the workers fork, so large
read-only state (language models) is loaded once and shared copy-on-write instead of once per
worker.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from listing_lint import libc
from listing_lint.finding import Span
from listing_lint.runtypes import BundleResult, Settings

if TYPE_CHECKING:
    from listing_lint.cache import Cache, Entry

SERIAL_BELOW = 8  # bundles to lint (after the cache) under which no pool is started
CHUNKS_PER_WORKER = 8  # smaller chunks balance uneven bundles; larger ones cost fewer round trips


class WorkerCrash(RuntimeError):
    """The process linting a bundle died; the bundle's LNT003 finding names how."""


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def effective_jobs(requested: int, count: int) -> int:
    """Workers for ``count`` bundles: ``requested`` (0 = one per core), 1 for small inputs."""
    if count < SERIAL_BELOW:
        return 1
    return max(1, min(requested or cores(), count))


def make_mapper(jobs: int = 0, use_cache: bool = True) -> Callable:
    def map_bundles(fn, manifests: list[Path], settings: Settings) -> list[BundleResult]:
        return lint_bundles(fn, manifests, settings, jobs, use_cache)

    return map_bundles


# -- worker side -----------------------------------------------------------------------------------
_STATE: tuple | None = None  # (fn, settings, cache) in each worker; set before fork or by the initializer


_IN_WORKER = False  # set by _init: this process is a worker, which writes its memo answers per bundle


def _init(fn, settings, cache) -> None:
    """In each worker: its state; its memo answers are written per ``memo.FLUSH_ROWS`` and what is
    left when it exits (a worker exits through ``os._exit``, past ``atexit``), and its connection
    is closed then: the last process to close the memo's file folds the write-ahead log in."""
    global _STATE, _IN_WORKER
    from multiprocessing import util

    from listing_lint import memo

    _STATE = (fn, settings, cache)
    _IN_WORKER = True
    util.Finalize(None, memo.close, exitpriority=0)


def crashed(manifest: Path, settings: Settings, exc: BaseException) -> BundleResult:
    from listing_lint.bundle.model import MANIFEST, SINGLE_SUFFIX, display_path
    from listing_lint.engine import internal_error

    name = manifest.parent.name if manifest.name == MANIFEST else manifest.name[: -len(SINGLE_SUFFIX)]
    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
    message = (f"linting this bundle failed: {type(exc).__name__}{': ' + detail if detail else ''}; "
               "the other bundles were linted. Please report this.")
    finding = internal_error(message, Span(display_path(manifest, settings.cwd), 1, 1, 1, 1), name, "LNT003:bundle")
    return BundleResult(finding.path, name, [finding], 1)


def _one(manifest: Path) -> tuple[BundleResult, Entry | None, bool]:
    """(result, cache entry, whether the result was linted now) for one bundle, in a worker or inline."""
    fn, settings, cache = _STATE
    entry = cache.describe(manifest) if cache is not None else None
    if entry is not None:
        hit = cache.get(entry)
        if hit is not None:
            return hit, entry, False
    try:
        return fn(manifest, settings), entry, True
    except Exception as exc:  # noqa: BLE001 - one broken bundle must not stop the others
        return crashed(manifest, settings, exc), None, True
    finally:
        # a worker's answers reach the disk per memo.FLUSH_ROWS (the engine, after each bundle) and
        # at its exit (``_init``): the exit flush once went missing when two workers opened a new
        # cache file at the same moment (memo.OPEN_TRIES), and workers wrote after every bundle
        # meanwhile (1-2 ms each)
        _after_bundle()


#: private memory (bytes) a process may gain past its last trim before the next one. Trimming
#: after every bundle gave back what the next bundle then faulted in again, page by page: 620,000
#: page faults and 3-7 CPU s over the 1,000-bundle bench (docs/decisions.md "Session 9: trimming")
TRIM_SLACK = 4 << 20
_trimmed_at: int | None = None  # private bytes right after this process's last trim


def _after_bundle(force: bool = False) -> None:
    """Give the heap glibc keeps after frees back to the system, when it has grown (0.2 ms).

    Loading language models decompresses them through temporary buffers, and decoding pictures
    and parsing pages leave freed blocks too; glibc keeps such memory in the process. On the
    1,000-bundle bench that was most of a worker's private memory, and trimming kept the run's
    peak under 500 MiB (Dask trims its workers the same way). A bundle's own buffers (a video's
    bytes, the pictures' thumbnails) are freed and allocated again by the next bundle, so the
    trim waits until the process's private memory is ``TRIM_SLACK`` over what it was after the
    last one: the same peak within a few MiB, without faulting those buffers in again for every
    bundle (``force``: trim now). Only on glibc; anywhere else it does nothing.
    """
    global _trimmed_at
    trim = libc.function("malloc_trim")  # musl and other C libraries have none
    if trim is None:
        return
    private = libc.private_bytes()
    if not force and private is not None and _trimmed_at is not None and private <= _trimmed_at + TRIM_SLACK:
        return
    trim(0)
    _trimmed_at = libc.private_bytes()


M_ARENA_MAX = -8  # glibc's mallopt parameter (malloc.h)
ARENAS = 1  # heaps malloc may use from the model load on (glibc's default: eight per core)


def _one_arena() -> None:
    """Before loading what the workers will share: one malloc heap for every thread.

    lingua loads its models in a pool of threads, and glibc gives each thread a heap (arena) of
    its own; what the load frees then leaves partly used pages in several heaps, which no trim
    gives back (the likely cause). With one heap the same 13 languages' models take 23 MiB less
    (358 -> 335 MiB RSS in one process, and no slower: 2.9-3.0 against 3.2 s of CPU; docs/decisions.md
    "Session 6: peak memory"). Threads that start later share it too (the pool's own two in the
    parent); the forked workers run one thread each. Only on glibc: elsewhere nothing is done.
    """
    mallopt = libc.function("mallopt")
    if mallopt is None:
        return
    mallopt(M_ARENA_MAX, ARENAS)


# -- main side -------------------------------------------------------------------------------------
def _prepare(settings: Settings, bundles: int = 0) -> None:
    import inspect

    for rule in settings.rules():
        hook = getattr(sys.modules.get(rule.module), "prepare", None)
        if callable(hook):
            try:
                if "bundles" in inspect.signature(hook).parameters:
                    hook(settings.config, bundles=bundles)
                else:
                    hook(settings.config)
            except Exception:  # noqa: BLE001 - a failed warm-up only costs time; the rule reports in its run
                pass


def _context():
    import multiprocessing  # here, not at the top: a one-bundle run never pays for these imports

    # fork: workers start in milliseconds and share what the main process loaded (see prepare)
    return multiprocessing.get_context("fork") if sys.platform.startswith("linux") else multiprocessing.get_context()


def _pool_map(manifests: list[Path], jobs: int) -> list[tuple]:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunk = max(1, len(manifests) // (jobs * CHUNKS_PER_WORKER))
    outcomes: list[tuple | None] = [None] * len(manifests)
    try:
        with ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_init, initargs=_STATE) as pool:
            for i, outcome in enumerate(pool.map(_one, manifests, chunksize=chunk)):
                outcomes[i] = outcome
    except BrokenProcessPool:
        left = [i for i, outcome in enumerate(outcomes) if outcome is None]
        for i, outcome in zip(left, _isolated([manifests[i] for i in left], jobs)):
            outcomes[i] = outcome
    return outcomes  # type: ignore[return-value]


def _isolated(manifests: list[Path], jobs: int) -> list[tuple]:
    """Lint each bundle in a process of its own, ``jobs`` at a time: one that dies costs only its
    bundle (LNT003, with how it died). Used after a worker broke the pool, for what was left."""
    from multiprocessing.connection import wait

    context = _context()
    outcomes: list[tuple | None] = [None] * len(manifests)
    running: dict[int, tuple] = {}  # index -> (process, receiving end)
    queued = 0
    while queued < len(manifests) or running:
        while queued < len(manifests) and len(running) < jobs:
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_lint_and_send, args=(manifests[queued], send, _STATE), daemon=True)
            process.start()
            send.close()  # the child holds the other end: its exit makes ours readable (EOF)
            running[queued] = (process, receive)
            queued += 1
        ready = wait([receive for _, receive in running.values()])
        for i, (process, receive) in list(running.items()):
            if receive not in ready:
                continue
            try:
                outcome = receive.recv()
            except (EOFError, OSError):
                outcome = None
            receive.close()
            process.join()
            del running[i]
            outcomes[i] = outcome if outcome is not None else _died(manifests[i], process.exitcode)
    return outcomes  # type: ignore[return-value]


def _lint_and_send(manifest: Path, send, state: tuple) -> None:
    _init(*state)
    send.send(_one(manifest))
    send.close()


def _died(manifest: Path, exitcode: int | None) -> tuple:
    import signal as signals

    if exitcode is not None and exitcode < 0:
        try:
            how = f"was killed by {signals.Signals(-exitcode).name}"
        except ValueError:
            how = f"was killed by signal {-exitcode}"
        how += " (out of memory, or stopped from outside)" if -exitcode == signals.SIGKILL else ""
    else:
        how = f"exited with status {exitcode}"
    _fn, settings, _cache = _STATE
    return crashed(manifest, settings, WorkerCrash(f"the process linting it {how}")), None, True


def lint_bundles(fn, manifests: list[Path], settings: Settings, jobs: int = 0, use_cache: bool = True) -> list[BundleResult]:
    global _STATE
    from listing_lint.cache import Cache

    cache: Cache | None = Cache.open(settings) if use_cache and settings.config.get("cache") else None
    results: list[BundleResult | None] = [None] * len(manifests)
    done: list[tuple[Entry, BundleResult | None]] = []
    todo: list[int] = []
    for i, manifest in enumerate(manifests):
        entry, hit = cache.known(manifest) if cache is not None else (None, None)
        if hit is not None:
            results[i] = hit
            done.append((entry, None))
        else:
            todo.append(i)
    _STATE = (fn, settings, cache)
    try:
        workers = effective_jobs(jobs, len(todo))
        if workers > 1:
            if cache is not None:
                cache.close()  # an SQLite connection must not cross a fork; each side reopens its own
            _one_arena()
            _prepare(settings, len(todo))
            # the models' load buffers, freed but kept by glibc: a worker's trim after its first
            # bundle would give back its copy of them and leave the parent's as the parent's own
            _after_bundle(force=True)
            # Objects the parent made (modules, models' Python side) move to a generation the
            # collector never walks: a worker's collections then do not write to, and so copy,
            # the pages it shares with the parent (copy-on-write after fork).
            gc.freeze()
            try:
                outcomes = _pool_map([manifests[i] for i in todo], workers)
            finally:
                gc.unfreeze()
        else:
            outcomes = [_one(manifests[i]) for i in todo]
    finally:
        _STATE = None
    for i, (result, entry, fresh) in zip(todo, outcomes):
        results[i] = result
        if entry is not None:
            done.append((entry, result if fresh else None))
    if cache is not None:
        cache.save(done)
        cache.close()
    return results  # type: ignore[return-value]
