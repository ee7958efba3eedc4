"""Opening the SQLite files of the cache folder as input: they may have been restored in CI from another
job, cut short, or replaced by a link to a file elsewhere. A cache can make a run slower, never wrong,
broken, or a writer of files outside its folder."""

from __future__ import annotations

import os
import sqlite3
import stat

#: the files SQLite opens for a database: the database itself, its rollback journal, its WAL and the WAL's index
SQLITE_FILES = ("", "-journal", "-wal", "-shm")


#: how both cache files are opened. ``synchronous=OFF``: SQLite never waits for the disk (fsync),
#: at a commit or when it folds the write-ahead log in at close: 8-25 ms of every short run (a
#: pre-commit run closes two files; issue 18). A process that dies keeps what it committed; only
#: an operating-system crash or a power cut can leave a damaged file, which is then found
#: (``damaged``) and removed (``remove``): the next run rebuilds it. A cache may be lost, never wrong.
CACHE_PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=OFF")


def damaged(exc: BaseException) -> bool:
    """Whether ``exc`` says the database file itself is damaged ("database disk image is malformed",
    "file is not a database"): a plain ``sqlite3.DatabaseError``, not a locked or read-only file
    (``OperationalError``) or a constraint (``IntegrityError``), which are its subclasses."""
    return type(exc) is sqlite3.DatabaseError


def remove(path: str | os.PathLike) -> None:
    """Remove the database at ``path`` with its journal, log and index (those that exist)."""
    for suffix in SQLITE_FILES:
        try:
            os.unlink(f"{os.fspath(path)}{suffix}")
        except FileNotFoundError:
            pass
        except OSError:
            return


def connect(path: str | os.PathLike, setup: tuple[str, ...]) -> sqlite3.Connection:
    """A connection to the database at ``path`` (autocommit, shared across threads), ``setup``'s statements
    run. A file that is no database (cut short, another program's) is removed with its journals and made
    again, once: before, a truncated ``cache-v2.sqlite3`` turned the cache off for every run after it
    (each one cold, silently). sqlite3.Error otherwise, as from ``sqlite3.connect``."""
    if not _own(path):
        raise sqlite3.OperationalError(f"{os.fspath(path)} or a file beside it is not a regular file")
    try:
        return _connect(path, setup)
    except sqlite3.DatabaseError as exc:
        if not damaged(exc):  # OperationalError (locked, read-only folder...): not the file's content
            raise
    remove(path)
    return _connect(path, setup)


def _connect(path, setup: tuple[str, ...]) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    try:
        for statement in setup:
            db.execute(statement)
    except BaseException:
        db.close()
        raise
    return db


def _own(path) -> bool:
    """Whether SQLite may open the database at ``path``: it and each file it keeps beside it is missing
    or a regular file. SQLite follows symlinks (Python gives no way to pass ``SQLITE_OPEN_NOFOLLOW``): a
    cache folder with ``cache-v2.sqlite3`` linked to a file elsewhere had that file made a database. A
    symlink among them is removed (the link, not what it points to: the cache folder is listing-lint's);
    anything else that is no regular file (a folder, a FIFO) makes this False."""
    for suffix in SQLITE_FILES:
        name = f"{os.fspath(path)}{suffix}"
        try:
            mode = os.lstat(name).st_mode
        except FileNotFoundError:
            continue
        except (OSError, ValueError):
            return False
        if stat.S_ISLNK(mode):
            try:
                os.unlink(name)
            except OSError:
                return False
        elif not stat.S_ISREG(mode):
            return False
    return True
