"""A progress bar on stderr for long runs on a terminal; nothing at all when stderr is not one.

The bar appears only after ``DELAY`` seconds (a pre-commit run on one bundle never shows it) and
is erased when the run ends, so the report that follows is unchanged. It counts bundles as the
per-bundle function finishes them: in this process, or in forked workers through a shared
counter (``multiprocessing.Value``). Bundles served from the cache finish without being counted,
so the bar may jump to the end.
"""

from __future__ import annotations

import os
import sys
import threading
import time

DELAY = 2.0  # seconds before the bar shows
TICK = 0.2  # seconds between redraws
WIDTH = 30


def wanted(stream=None) -> bool:
    stream = stream if stream is not None else sys.stderr
    if os.environ.get("LISTING_LINT_NO_PROGRESS") or os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def _counter():
    """A counter forked workers can add to; a plain one where processes are not forked."""
    if sys.platform.startswith("linux"):
        import multiprocessing

        return multiprocessing.get_context("fork").Value("i", 0)
    return _LocalCounter()


class _LocalCounter:
    def __init__(self):
        self.value = 0
        self._lock = threading.Lock()

    def get_lock(self):
        return self._lock


class Counting:
    """Wraps the per-bundle function: count each bundle done."""

    def __init__(self, fn, counter):
        self.fn = fn
        self.counter = counter

    def __call__(self, manifest, settings):
        try:
            return self.fn(manifest, settings)
        finally:
            if self.counter is not None:
                with self.counter.get_lock():
                    self.counter.value += 1

    def __getstate__(self):
        # Sent to a spawned (not forked) worker: the counter cannot travel, so counting stops there.
        return {"fn": self.fn, "counter": None}


class Bar:
    def __init__(self, total: int, stream, delay: float = DELAY):
        self.total = total
        self.stream = stream
        self.delay = delay
        self.counter = _counter()
        self.started = time.monotonic()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="listing-lint-progress", daemon=True)
        self.drawn = False

    def line(self, done: int, elapsed: float) -> str:
        done = min(done, self.total)
        filled = int(WIDTH * done / self.total) if self.total else WIDTH
        return f"\r\033[K  linting [{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{self.total} bundles  {elapsed:.0f} s"

    def _loop(self) -> None:
        if self._stop.wait(self.delay):
            return
        while not self._stop.is_set():
            self.stream.write(self.line(self.counter.value, time.monotonic() - self.started))
            self.stream.flush()
            self.drawn = True
            self._stop.wait(TICK)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        if self.drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()


def delay_from_env() -> float:
    """``LISTING_LINT_PROGRESS_DELAY`` seconds (tests and impatient users), else ``DELAY``."""
    try:
        return max(0.0, float(os.environ.get("LISTING_LINT_PROGRESS_DELAY", DELAY)))
    except ValueError:
        return DELAY


def with_progress(map_bundles, stream=None, delay: float | None = None):
    """Wrap the engine's ``map_bundles`` hook (or the serial default when None) with a bar."""
    stream = stream if stream is not None else sys.stderr
    delay = delay_from_env() if delay is None else delay

    def mapped(fn, manifests, settings):
        bar = Bar(len(manifests), stream, delay)
        counting = Counting(fn, bar.counter)
        bar.start()
        try:
            if map_bundles is None:
                return [counting(m, settings) for m in manifests]
            return map_bundles(counting, manifests, settings)
        finally:
            bar.stop()

    return mapped


def maybe(map_bundles, stream=None):
    """``map_bundles`` with a bar when ``stream`` (stderr) is a terminal, else unchanged."""
    stream = stream if stream is not None else sys.stderr
    return with_progress(map_bundles, stream) if wanted(stream) else map_bundles
