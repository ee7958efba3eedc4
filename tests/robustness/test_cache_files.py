"""The cache folder's SQLite files are input too (session 15): a CI cache restored from another job can
hold a database linked to a file elsewhere, or one cut short. Real CLI runs, real SQLite files.

Before: ``cache-v2.sqlite3`` and ``memo-v1.sqlite`` linked to files outside the cache folder had those
files made databases (SQLite follows links); a truncated database turned the cache off for every later
run, silently (each one cold: 11-15 s instead of 1.2 s on the smart plug fixture)."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "integrations"))

from integration_repos import cli  # noqa: E402

ARGS = ["check", "--as-of", "2026-11-25", "--select", "LOC004"]
FINDING = "listings/lamp/detail/es.html:2:1: LOC004"
DATABASES = ("cache-v2.sqlite3", "memo-v1.sqlite")


def _stored(cache: Path) -> int:
    with sqlite3.connect(cache / "cache-v2.sqlite3") as conn:
        return conn.execute("SELECT count(*) FROM results").fetchone()[0]


def test_a_cache_database_linked_outside_is_not_written_through(fixable_repo, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    victims = []
    for name in DATABASES:
        victim = tmp_path / "outside" / f"{name}.victim"
        victim.parent.mkdir(exist_ok=True)
        victim.write_bytes(b"")  # an empty file is what SQLite makes a database of, unasked
        (cache / name).symlink_to(victim)
        victims.append(victim)
    run = cli(ARGS, fixable_repo, {"LISTING_LINT_CACHE_DIR": str(cache)})
    assert run.returncode == 0 and FINDING in run.stdout, run.stderr
    assert [v.stat().st_size for v in victims] == [0, 0]
    assert not any((cache / name).is_symlink() for name in DATABASES)  # the links went, new databases came
    assert _stored(cache) > 0


def test_a_truncated_cache_database_is_made_again_not_left_off_for_good(fixable_repo, tmp_path):
    env = {"LISTING_LINT_CACHE_DIR": str(tmp_path / "cache")}
    first = cli(ARGS, fixable_repo, env)
    for name in DATABASES:
        with open(tmp_path / "cache" / name, "r+b") as fh:
            fh.truncate(1000)
    second = cli(ARGS, fixable_repo, env)
    assert second.returncode == 0 and second.stdout.splitlines()[:-1] == first.stdout.splitlines()[:-1], second.stderr
    assert _stored(tmp_path / "cache") > 0  # the next run finds its results again


def test_near_miss_a_good_cache_database_is_kept(fixable_repo, tmp_path):
    env = {"LISTING_LINT_CACHE_DIR": str(tmp_path / "cache")}
    cli(ARGS, fixable_repo, env)
    db = tmp_path / "cache" / "cache-v2.sqlite3"
    inode, stored = db.stat().st_ino, _stored(tmp_path / "cache")
    again = cli(ARGS, fixable_repo, env)
    assert FINDING in again.stdout
    assert (db.stat().st_ino, _stored(tmp_path / "cache")) == (inode, stored)


def test_a_database_damaged_inside_is_removed_and_made_again(fixable_repo, tmp_path):
    """Pages damaged past the header (what a power cut can leave with ``synchronous=OFF``): SQLite
    opens the file, then a query says "database disk image is malformed". The run goes on without
    the cache, removes the file, and the next run makes a new one and stores its results again
    (before, a file damaged inside turned the cache off for every later run)."""
    env = {"LISTING_LINT_CACHE_DIR": str(tmp_path / "cache")}
    first = cli(ARGS, fixable_repo, env)
    for name in DATABASES:
        path = tmp_path / "cache" / name
        assert not Path(f"{path}-wal").exists()  # folded in at close: the pages below hold everything
        size = path.stat().st_size
        with open(path, "r+b") as fh:
            fh.seek(4096)  # the header page stays: the file still opens
            fh.write(b"\xa5" * (size - 4096))
    second = cli(ARGS, fixable_repo, env)
    assert second.returncode == 0 and second.stdout.splitlines()[:-1] == first.stdout.splitlines()[:-1], second.stderr
    third = cli(ARGS, fixable_repo, env)
    assert third.stdout.splitlines()[:-1] == first.stdout.splitlines()[:-1]
    assert _stored(tmp_path / "cache") > 0
    with sqlite3.connect(tmp_path / "cache" / "memo-v1.sqlite") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM memo").fetchone()[0] > 0
