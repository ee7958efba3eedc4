"""Answers that depend only on content, kept by content hash: in this process, and on disk.

Some answers cost far more than reading the bytes they come from and depend on nothing else: an
image's probe (decode, perceptual hash), a video's boxes, a certificate PDF's text, a language
detector's scores for a text. They are kept under ``(namespace, key)`` where the key hashes the
content and the namespace names the code and library versions that computed the answer. So

* a size chart, a trademark certificate or a sentence that fifty bundles share is worked out once
  per run (in each worker process);
* with the cache on, a pre-commit run on an edited page does not decode the bundle's unchanged
  images, parse its video or PDFs, or run the language model on unchanged paragraphs, and
  therefore never imports numpy or pypdf nor loads lingua's models.

Values are strings (callers encode them, usually as JSON: never pickle, so a cache file cannot run
code). Writes are buffered and written in one transaction per ``FLUSH_ROWS`` answers and at the end of
the run or worker process (``flush``). The disk part is
one SQLite file beside the result cache; it is used only when the run's cache is on
(``configure``), and any trouble with it turns it off for the run: a cache can make a run slower,
never wrong or broken.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from functools import lru_cache
from pathlib import Path

from listing_lint import sqlitefile
from listing_lint.fileio import digest_regular

FILE_NAME = "memo-v1.sqlite"
KEEP_SECONDS = 30 * 24 * 3600  # an answer stored this long ago is dropped (and worked out again if needed)
PRUNE_EVERY = 24 * 3600
#: entries kept in memory per process; past this the oldest half is dropped. The in-memory part
#: only answers repeats within a run (the disk part keeps everything): on unique copy a worker
#: adds about 120 entries per bundle, and 200,000 entries were 80 MiB per worker at 1,700 bundles.
#: 4,000 (from 8,000 in session 9) still holds the last ~30 bundles' answers; what falls out is
#: read back from disk (docs/decisions.md "Session 9: peak memory after the merges").
MAX_IN_PROCESS = 4_000
MAX_DIGESTS = 2_000  # file digests kept per process (a bundle's are used while it is linted)
#: bytes of one bundle's files kept from the result cache's hashing for its lint (``hold``): the
#: files are then opened and read once per cold run, not once to hash and again to lint (issue 18)
HOLD_BYTES = 16 * 1024 * 1024
#: answers buffered before the engine writes them (``flush(at_least=FLUSH_ROWS)`` after each
#: bundle; everything at the end of the run and of each worker). A transaction costs about the
#: B-tree pages it dirties, one per answer for hash keys: 100 bundles of 110 answers took 0.19 s
#: of CPU written per bundle and 0.06 s written per 20 bundles (issue 18). Once the file is larger
#: than a flush, most rows of a flush dirty a leaf of their own; a larger flush shares more leaves
#: among its rows: 8,000 rather than 2,000 halved a cold 200-bundle run's pwrite64 (54,000 -> 27,500)
#: and pread64 (37,500 -> 22,000) and took the flushes from 1.2 to 0.8-1.0 ms a bundle, for about 1 MiB
#: more per worker (session 17)
FLUSH_ROWS = 8_000

_lock = threading.Lock()
_memory: dict[tuple[str, str], str] = {}
_pending: dict[tuple[str, str], str] = {}
_digests: dict[str, tuple[tuple, str]] = {}  # absolute path -> (stat signature, sha256) seen this run
_held: dict[str, tuple[tuple, bytes]] = {}  # absolute path -> (stat signature, whole content): one bundle's (``hold``)
#: the bytes ``_held`` holds, kept as it changes: summed on every ``hold``, hashing a bundle of 50,000 files
#: took 160 s (quadratic in its files)
_held_bytes = 0
_disk_folder: Path | None = None  # where the SQLite file lives when the disk part is on
_db: sqlite3.Connection | None = None
_db_pid = 0
_failed = False
#: the disk part held no answer when the run began (a cold run): lookups are not sent to it. Every
#: one would miss but those of answers this run itself wrote, which it keeps in memory or works out
#: again (the same answer: they depend only on content). On unique content a cold run's misses
#: were about 3 % of its CPU (issue 18). Decided in the parent, before workers fork.
_empty = False


def configure(folder: Path | None) -> None:
    """Use ``folder`` for the disk part (None: memory only). Called at the start of a run."""
    global _disk_folder, _failed, _empty
    with _lock:
        if folder != _disk_folder:
            _close()
            _disk_folder = folder
            _failed = False
        _empty = folder is not None and _holds_nothing(folder)


def _holds_nothing(folder: Path) -> bool:
    if not (folder / FILE_NAME).is_file():
        return True
    db = _connection()
    try:
        return db is not None and db.execute("SELECT 1 FROM memo LIMIT 1").fetchone() is None
    except sqlite3.Error:
        return False


def folder() -> Path | None:
    """The run's cache folder when the disk part is on (other content-derived files live there too:
    the language judge's compact py3langid model), else None."""
    return _disk_folder


#: connections a forked worker inherited from its parent: kept, never closed or collected here.
#: SQLite must not carry a connection across a fork, and closing one in the child closes its file
#: descriptors, which drops every POSIX lock the child holds on the file (its own connection's too)
_inherited: list[sqlite3.Connection] = []


def _forget() -> None:
    """Drop this process's reference to ``_db``; a parent's connection is kept alive (``_inherited``)."""
    global _db
    if _db is not None and _db_pid != os.getpid():
        _inherited.append(_db)
    _db = None


def _failing(exc: sqlite3.Error) -> None:
    """The disk part is off for the rest of this process after ``exc``; a damaged file is removed
    as well, so that the next run starts a new one instead of meeting the same damage."""
    global _failed
    _failed = True
    if sqlitefile.damaged(exc) and _disk_folder is not None:
        _close()
        sqlitefile.remove(_disk_folder / FILE_NAME)


def _close() -> None:
    if _db is not None and _db_pid == os.getpid():
        try:
            _db.close()
        except sqlite3.Error:
            pass
    _forget()


def close() -> None:
    """Write what is buffered, then close this process's connection. The last connection to close
    folds the write-ahead log into the database and removes it; a process that exits with its
    connection open leaves the log behind, and every later run reads it through when it opens the
    file (a cold run's 78 MB log: 60-70 ms per pre-commit run)."""
    flush()
    with _lock:
        _close()


OPEN_TRIES = 20  # opening a file another process is setting up: up to about 2 s of waits in all
OPEN_WAIT = 0.01


def _connection() -> sqlite3.Connection | None:
    """This process's connection (a forked worker opens its own: one must not cross a fork)."""
    global _db, _db_pid, _failed
    if _disk_folder is None or _failed:
        return None
    if _db is not None and _db_pid == os.getpid():
        return _db
    _forget()  # a connection from before a fork: not this process's to use or close
    for attempt in range(OPEN_TRIES):
        db = None
        try:
            _disk_folder.mkdir(parents=True, exist_ok=True)
            db = sqlitefile.connect(_disk_folder / FILE_NAME, (
                *sqlitefile.CACHE_PRAGMAS,
                "CREATE TABLE IF NOT EXISTS memo (ns TEXT, key TEXT, value TEXT, stamp REAL, PRIMARY KEY (ns, key)) WITHOUT ROWID",
                "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)",
            ))
        except (OSError, sqlite3.Error) as exc:
            if db is not None:
                db.close()
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc) and attempt + 1 < OPEN_TRIES:
                # two workers opening a new file at once: turning it to WAL takes a lock SQLite's
                # busy timeout does not wait for, and the loser used to give up on the disk for the
                # whole run (its answers lost: the flaky two-worker memo test)
                time.sleep(OPEN_WAIT * (attempt + 1))
                continue
            _failed = True
            return None
        break
    _db, _db_pid = db, os.getpid()
    return db


def get(ns: str, key: str) -> str | None:
    """The stored answer, from memory or disk, or None."""
    with _lock:
        value = _memory.get((ns, key))
        if value is not None or _empty:
            return value
        db = _connection()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM memo WHERE ns = ? AND key = ?", (ns, key)).fetchone()
        except sqlite3.Error as exc:
            _failing(exc)
            return None
        if row is None or not isinstance(row[0], str):  # SQLite keeps any type: an edited row is a miss
            return None
        _remember((ns, key), row[0])
        return row[0]


def lookup(ns: str, key: str, decode):
    """``decode(get(ns, key))``, or None when nothing is stored or what is stored does not decode.

    The disk part is input like any file: a cache restored in CI may have been written by another
    job, or edited. A row that ``decode`` refuses (raises) is a miss, worked out again and
    rewritten, never an error in the rule that asked: before, an edited row stopped the MED, LOC
    and CMP rules that read it with LNT003 ("Please report this"). ``decode`` checks the shape
    of what it reads as strictly as its callers rely on it."""
    stored = get(ns, key)
    if stored is None:
        return None
    try:
        return decode(stored)
    except Exception:  # noqa: BLE001 - whatever a malformed row makes a decoder raise
        return None


def put(ns: str, key: str, value: str, persist: bool = True) -> None:
    """Keep an answer; ``persist=False``: for this process only (an answer that depends on the
    machine, like a decode stopped by a clock)."""
    with _lock:
        _remember((ns, key), value)
        if _disk_folder is not None and persist:
            _pending[(ns, key)] = value


def _remember(k: tuple[str, str], value: str) -> None:
    bounded_set(_memory, k, value, MAX_IN_PROCESS)


def bounded_set(store: dict, key, value, limit: int) -> None:
    """``store[key] = value``; when ``store`` is full, its oldest half is dropped first."""
    if len(store) >= limit and key not in store:
        for old in list(store)[: limit // 2]:
            del store[old]
    store[key] = value


def flush(at_least: int = 1) -> None:
    """Write buffered answers to disk in one transaction, if at least ``at_least`` are waiting."""
    global _failed
    with _lock:
        if not _pending or len(_pending) < at_least:
            return
        now = time.time()
        # in key order: the B-tree takes sorted keys with less work (measured on a cold run's 20,000
        # answers per 100 bundles: 0.25 -> 0.18 s of CPU, and fewer pages written; issue 18)
        rows = sorted((ns, key, value, now) for (ns, key), value in _pending.items())
        _pending.clear()
        db = _connection()
        if db is None:
            return
        try:
            db.execute("BEGIN IMMEDIATE")  # take the write lock now: a deferred one that meets another writer is BUSY at once in WAL mode
            db.executemany("INSERT OR REPLACE INTO memo (ns, key, value, stamp) VALUES (?, ?, ?, ?)", rows)
            _prune(db, now)
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            try:
                db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            _failing(exc)


def _prune(db: sqlite3.Connection, now: float) -> None:
    """Once a day, drop answers stored more than ``KEEP_SECONDS`` ago: answers about files long
    gone (and about code versions long replaced, whose namespaces nothing asks for) would
    otherwise pile up for ever."""
    row = db.execute("SELECT value FROM meta WHERE name = 'pruned'").fetchone()
    if row and now - float(row[0]) < PRUNE_EVERY:
        return
    db.execute("DELETE FROM memo WHERE stamp < ?", (now - KEEP_SECONDS,))
    db.execute("INSERT OR REPLACE INTO meta VALUES ('pruned', ?)", (str(now),))


def clear_memory() -> None:
    """Forget what this process holds (tests; the disk part is untouched)."""
    with _lock:
        _memory.clear()
        _pending.clear()
        _digests.clear()
    release()


# -- keys ----------------------------------------------------------------------------------------
def text_key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _signature(st: os.stat_result) -> tuple:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def remember_digest(path: str, st: os.stat_result, digest: str) -> None:
    """The result cache hashed this file already (cache.describe): its answer keys need no second read."""
    with _lock:
        bounded_set(_digests, path, (_signature(st), digest), MAX_DIGESTS)


def hold(path: str, st: os.stat_result, data: bytes) -> bool:
    """Keep the whole content of a file just hashed (``st``: its fstat before reading) for the
    lint of its bundle, within ``HOLD_BYTES`` for all held files; False when it does not fit."""
    global _held_bytes
    with _lock:
        before = _held.get(path)
        total = _held_bytes - (len(before[1]) if before else 0) + len(data)
        if total > HOLD_BYTES:
            return False
        _held[path] = (_signature(st), data)
        _held_bytes = total
        return True


def held(path: str | os.PathLike, st: os.stat_result | None) -> bytes | None:
    """The content ``hold`` kept for ``path``, when the file's stat ``st`` is still the one it had
    when read (size, times, inode: a file written since is read again), else None."""
    if st is None or not _held:
        return None
    with _lock:
        known = _held.get(os.fspath(path))
    return known[1] if known is not None and known[0] == _signature(st) else None


def release() -> None:
    """Drop what ``hold`` kept (a bundle's lint is over, or the next bundle's hashing begins)."""
    global _held_bytes
    with _lock:
        _held.clear()
        _held_bytes = 0


def file_digest(path: str | os.PathLike, read: bool = True, st: os.stat_result | None = None) -> str | None:
    """SHA-256 of a regular file's content: known from this run's hashing, else read now if ``read``.
    ``st``: the file's stat when the caller has just taken it (a ``SourceFile``'s), not taken again."""
    path = os.fspath(path)
    if st is None:
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            return None
    with _lock:
        known = _digests.get(path)
    if known is not None and known[0] == _signature(st):
        return known[1]
    if not read:
        return None
    whole = held(path, st)  # the bundle's bytes read already (``hold``): hashed, not read again
    if whole is not None:
        digest = hashlib.sha256(whole).hexdigest()
    else:
        hashed = digest_regular(path)
        if hashed is None:
            return None
        digest = hashed[0]
    with _lock:
        bounded_set(_digests, path, (_signature(st), digest), MAX_DIGESTS)
    return digest


@lru_cache(maxsize=None)
def code_version(*modules: str, dists: tuple[str, ...] = ()) -> str:
    """A hash of the source of ``modules`` (a package: every .py file in it) and of the versions of
    ``dists``: the namespace part that retires stored answers when the code computing them changes."""
    import importlib.util
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256()
    for name in modules:
        spec = importlib.util.find_spec(name)
        origin = Path(spec.origin) if spec and spec.origin else None
        if origin is None:
            continue
        files = sorted(origin.parent.rglob("*.py")) if origin.name == "__init__.py" else [origin]
        for file in files:
            h.update(file.name.encode())
            h.update(file.read_bytes())
    for dist in dists:
        try:
            h.update(f"{dist}={version(dist)}".encode())
        except PackageNotFoundError:
            h.update(f"{dist}=?".encode())
    return h.hexdigest()[:16]
