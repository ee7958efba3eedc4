"""The executor the language server's lints run on: the process's main thread (SIGALRM's clocks
are heard only there; see ``server``)."""

from __future__ import annotations

import queue
from concurrent.futures import Executor, Future


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

