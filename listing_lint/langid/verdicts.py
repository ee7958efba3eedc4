"""The accurate pass's answers, kept on disk by text hash, so a text is judged by the big model once.

Only the accurate pass is stored: it is the expensive part (loading lingua's high-accuracy models
costs 1-2 s per process), and it is asked only about texts the fast pass would flag. A pre-commit
run on an edited page then loads the big model only for blocks that are new since the last run.
One SQLite file beside the result cache; any trouble disables it for the run (never an error).
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from functools import lru_cache

_lock = threading.Lock()
_db: sqlite3.Connection | None = None
_db_folder = None  # the cache folder _db was opened in (LISTING_LINT_CACHE_DIR may change)
_failed = False


@lru_cache(maxsize=1)
def _model_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lingua-language-detector")
    except PackageNotFoundError:
        return "unknown"


def _connection() -> sqlite3.Connection | None:
    global _db, _db_folder, _failed
    from listing_lint.cache import cache_dir

    folder = cache_dir()
    if _db is not None and folder == _db_folder:
        return _db
    if _failed:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(folder / "langid-verdicts.sqlite", timeout=5, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE IF NOT EXISTS scores (key TEXT PRIMARY KEY, value TEXT)")
        _db, _db_folder = db, folder
    except (OSError, sqlite3.Error):
        _failed = True
    return _db


def key(backend: str, text: str, candidates: tuple[str, ...]) -> str:
    raw = "\x1f".join((backend, _model_version(), ",".join(candidates), text))
    return hashlib.sha256(raw.encode("utf-8", "replace")).hexdigest()


def load(k: str) -> dict[str, float] | None:
    with _lock:
        db = _connection()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM scores WHERE key = ?", (k,)).fetchone()
        except sqlite3.Error:
            return None
    if row is None:
        return None
    pairs = [item.split("=", 1) for item in row[0].split(";") if "=" in item]
    try:
        return {lang: float(value) for lang, value in pairs}
    except ValueError:
        return None


def save(k: str, scores: dict[str, float]) -> None:
    value = ";".join(f"{lang}={conf!r}" for lang, conf in scores.items())
    with _lock:
        db = _connection()
        if db is None:
            return
        try:
            db.execute("INSERT OR REPLACE INTO scores (key, value) VALUES (?, ?)", (k, value))
            db.commit()
        except sqlite3.Error:
            pass
