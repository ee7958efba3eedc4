"""--shard K/N: deterministic, disjoint, complete slices that stay put as bundles are added."""

from __future__ import annotations

from pathlib import Path

import pytest
from perfkit import run_repo

from listing_lint.shard import jump_hash, parse_shard, select, shard_of


def manifests(n: int, root: Path) -> list[Path]:
    return [root / "listings" / f"product-{i:05d}" / "listing.json" for i in range(n)]


def test_parse_shard():
    assert parse_shard("2/4") == (2, 4)
    assert parse_shard(" 1 / 1 ") == (1, 1)
    for bad in ("0/4", "5/4", "4", "a/b", "1/0", ""):
        with pytest.raises(ValueError, match="K/N|between 1 and N"):
            parse_shard(bad)


def test_shards_are_disjoint_complete_and_balanced(tmp_path):
    every = manifests(4000, tmp_path)
    slices = [select(every, tmp_path, (k, 4)) for k in range(1, 5)]
    assert sorted(m for s in slices for m in s) == sorted(every)
    assert all(850 < len(s) < 1150 for s in slices), [len(s) for s in slices]


def test_a_bundle_keeps_its_shard_when_others_are_added(tmp_path):
    before = {m: shard_of(m, tmp_path, 8) for m in manifests(500, tmp_path)}
    after = {m: shard_of(m, tmp_path, 8) for m in manifests(1500, tmp_path)}
    assert all(after[m] == shard for m, shard in before.items())


def test_the_shard_depends_on_the_path_in_the_repo_not_where_the_repo_is(tmp_path):
    a, b = tmp_path / "ci-runner-1" / "repo", tmp_path / "elsewhere" / "checkout"
    assert [shard_of(m, a, 5) for m in manifests(200, a)] == [shard_of(m, b, 5) for m in manifests(200, b)]


def test_one_more_shard_moves_few_bundles(tmp_path):
    every = manifests(3000, tmp_path)
    moved = sum(shard_of(m, tmp_path, 10) != shard_of(m, tmp_path, 11) for m in every)
    assert moved < 3000 * 0.15  # about 1/11 of them; plain modulo would move about 10/11


def test_jump_hash_stays_in_range():
    assert {jump_hash(k * 7919, 3) for k in range(1000)} == {0, 1, 2}
    assert jump_hash(12345, 1) == 0


def test_the_shards_of_a_run_lint_every_bundle_once_and_store_rules_once(repo):
    whole = run_repo(repo, select=["SCH", "ABT", "PRM"])
    parts = [run_repo(repo, select=["SCH", "ABT", "PRM"], shard=(k, 3)) for k in (1, 2, 3)]
    linted = [b.manifest for p in parts for b in p.bundles]
    assert sorted(linted) == sorted(b.manifest for b in whole.bundles)
    assert len(linted) == len(set(linted))
    store_level = [f for f in whole.findings if f.code in ("SCH006", "PRM006")]
    assert store_level  # the twin id and the store's core SKU count
    assert [f for f in parts[0].findings if f in store_level] == store_level
    assert not any(f in store_level for p in parts[1:] for f in p.findings)
    assert sorted((f.sort_key for p in parts for f in p.findings)) == [f.sort_key for f in whole.findings]
