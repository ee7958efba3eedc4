"""The progress bar: on a terminal for long runs, never when stderr is piped."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys

from integration_repos import make_clean_repo

from listing_lint import progress


def test_piped_stderr_gets_no_bar(tmp_path):
    repo = make_clean_repo(tmp_path / "shop")
    env = {**os.environ, "LISTING_LINT_PROGRESS_DELAY": "0"}
    done = subprocess.run([sys.executable, "-m", "listing_lint", "check"], cwd=repo, env=env, capture_output=True, text=True)
    assert done.returncode == 0
    assert "\r" not in done.stderr and "linting [" not in done.stderr


def test_a_terminal_gets_a_bar_that_is_erased_at_the_end(tmp_path):
    repo = make_clean_repo(tmp_path / "shop")
    env = {**os.environ, "LISTING_LINT_PROGRESS_DELAY": "0", "TERM": "xterm"}
    env.pop("LISTING_LINT_NO_PROGRESS", None)
    primary, secondary = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "listing_lint", "check"], cwd=repo, env=env,
                              stdout=subprocess.PIPE, stderr=secondary, text=True)
        os.close(secondary)
        chunks = []
        while True:
            try:
                data = os.read(primary, 65536)
            except OSError:  # the terminal closed: everything was read
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(primary)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert done.returncode == 0
    assert "linting [" in shown and "/2 bundles" in shown
    assert shown.endswith("\r\x1b[K")  # erased: the report that follows starts on a clean line
    assert done.stdout.startswith("Found 0 errors")


def test_the_bar_counts_bundles_and_waits_before_showing():
    bar = progress.Bar(4, io.StringIO(), delay=0)
    assert bar.line(1, 3.2) == "\r\x1b[K  linting [#######.......................] 1/4 bundles  3 s"
    quiet = io.StringIO()
    mapped = progress.with_progress(None, quiet, delay=3600)
    assert mapped(lambda m, s: m * 2, [1, 2, 3], None) == [2, 4, 6]
    assert quiet.getvalue() == ""  # a short run never shows the bar


def test_the_counting_wrapper_travels_to_a_spawned_worker_without_its_counter():
    import pickle

    counting = progress.Counting(max, progress._LocalCounter())
    assert counting(3, 1) == 3 and counting.counter.value == 1
    copy = pickle.loads(pickle.dumps(counting))  # what a spawn-start pool does with the function
    assert copy.counter is None and copy(2, 5) == 5
