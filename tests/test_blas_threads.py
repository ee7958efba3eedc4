"""numpy's BLAS works in the calling thread (issue 18, session 12).

OpenBLAS splits a matrix product over its size threshold across one thread per core, and its
threads spin while they wait. The perceptual hash's product crossed that size, and in a run that
already lints in one worker per core the spinning threads doubled the run's CPU time; importing
listing_lint sets ``OPENBLAS_NUM_THREADS`` (and OpenMP's, MKL's) to 1 unless the user set it.
Each case runs in a fresh interpreter: the setting is read when numpy is first imported.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = """
import os, listing_lint, numpy as np
a = np.ones((400, 400), np.float32)
a @ a
print(os.environ.get("OPENBLAS_NUM_THREADS"), len(os.listdir("/proc/self/task")))
"""


def _run(extra_env: dict[str, str]) -> tuple[str, int]:
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
    env.update(extra_env)
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True).stdout.split()
    return out[0], int(out[1])


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="threads are counted in /proc")
def test_a_large_product_starts_no_blas_threads():
    setting, threads = _run({})
    assert setting == "1"
    assert threads == 1


def test_the_users_own_setting_is_kept():
    setting, _threads = _run({"OPENBLAS_NUM_THREADS": "3"})
    assert setting == "3"
