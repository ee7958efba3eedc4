"""Workers: the same findings, in the same order, whatever the number of processes."""

from __future__ import annotations

import os
import signal

import pytest
from perfkit import rows, run_repo

from listing_lint import parallel
from listing_lint.engine import lint_bundle
from listing_lint.parallel import effective_jobs


def test_workers_give_the_serial_result(repo):
    serial = run_repo(repo, jobs=1)
    pooled = run_repo(repo, jobs=2)
    assert len(serial.findings) > 20
    assert rows(pooled) == rows(serial)
    assert [(b.manifest, b.bundle_id, b.files) for b in pooled.bundles] == [(b.manifest, b.bundle_id, b.files) for b in serial.bundles]


def test_more_workers_than_bundles_and_tiny_chunks_change_nothing(repo, monkeypatch):
    serial = run_repo(repo, jobs=1)
    monkeypatch.setattr(parallel, "CHUNKS_PER_WORKER", 1000)
    assert rows(run_repo(repo, jobs=3)) == rows(serial)


def test_small_inputs_do_not_start_a_pool():
    assert effective_jobs(0, 1) == 1
    assert effective_jobs(8, parallel.SERIAL_BELOW - 1) == 1
    assert effective_jobs(2, parallel.SERIAL_BELOW) == 2
    assert effective_jobs(16, parallel.SERIAL_BELOW) == parallel.SERIAL_BELOW


def _explodes_on_twin(manifest, settings):
    if "zz-twin" in str(manifest):
        raise RuntimeError("engine broke on this bundle")
    return lint_bundle(manifest, settings)


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_engine_error_in_a_bundle_becomes_LNT003_and_the_rest_is_linted(repo, jobs):
    clean = run_repo(repo, jobs=1, select=["SCH", "ABT", "PRM"])
    result = run_repo(repo, jobs=jobs, fn=_explodes_on_twin, select=["SCH", "ABT", "PRM"])
    crash = [f for f in result.findings if f.code == "LNT003"]
    assert [(f.path, f.line) for f in crash] == [("listings/zz-twin/listing.json", 1)]
    assert "RuntimeError: engine broke on this bundle" in crash[0].message
    others = [r for r in rows(clean) if "zz-twin/" not in r[3]]
    assert [r for r in rows(result) if "zz-twin/" not in r[3]] == others


def _dies_on_twin(manifest, settings):
    if "zz-twin" in str(manifest):
        os.kill(os.getpid(), signal.SIGKILL)
    return lint_bundle(manifest, settings)


def test_a_worker_that_dies_costs_only_its_bundle(repo):
    """A real SIGKILL in a worker: that bundle is LNT003, every other bundle keeps its findings."""
    clean = run_repo(repo, jobs=1, select=["SCH", "ABT", "PRM"])
    result = run_repo(repo, jobs=2, fn=_dies_on_twin, select=["SCH", "ABT", "PRM"])
    crash = [f for f in result.findings if f.code == "LNT003"]
    assert [(f.path, f.line) for f in crash] == [("listings/zz-twin/listing.json", 1)]
    assert "WorkerCrash: the process linting it was killed by SIGKILL" in crash[0].message
    others = [r for r in rows(clean) if "zz-twin/" not in r[3]]
    assert [r for r in rows(result) if "zz-twin/" not in r[3]] == others
    assert [b.manifest for b in result.bundles] == [b.manifest for b in clean.bundles]
