"""On-disk cache of bundle results, keyed by what decides them: so an unchanged bundle costs a stat and a hash.

A result is stored under a key made of

* the run: listing-lint's version, a fingerprint of its own code and data files, the code and
  version of every selected rule (plugins' too), the config values and the content of the files
  the config names, and the working directory (messages may name paths relative to it);
* the bundle: the effective as-of date (``--as-of``, else its ``placed_on_market``, else today) and
  the SHA-256 of every file in the bundle folder, with their names and symlink targets (for a
  single-file bundle: the file and whatever its references resolve to).

Hashing every image and video of 1,000 bundles on every run would cost more than the lint, so,
like git's index, a second table remembers each bundle's file signature (name, size, mtime,
ctime, inode) and the content hash it had. A signature is recorded only when every file is older
than ``RACY_SECONDS`` at hashing time (git's "racily clean" rule): a later write within the same
timestamp tick cannot then go unnoticed.

Findings are stored with paths relative to their bundle's folder and re-anchored on read (a
moved or copied bundle reports its own paths); a stored row is validated like any input, and one
that is not exactly what this version writes is a miss (see "stored results").

One SQLite file under the user cache folder (platformdirs; ``LISTING_LINT_CACHE_DIR`` overrides),
shared by concurrent runs (WAL). Any trouble with it disables the cache for the run: a cache can
make a run slower, never wrong or broken.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from listing_lint import memo, sqlitefile
from listing_lint.bundle.model import display_path
from listing_lint.config import named_files
from listing_lint.fileio import digest_regular, read_regular
from listing_lint.finding import Finding, Fix, Severity, TextEdit
from listing_lint.runtypes import BundleResult, Settings

FORMAT = "2"  # bump when the stored shape changes
RACY_SECONDS = 2.0
KEEP_SECONDS = 30 * 24 * 3600  # entries unused this long are pruned

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS stats (bundle TEXT PRIMARY KEY, signature TEXT, content TEXT, placed TEXT, used REAL)",
    "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT, used REAL)",
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)",
)


def cache_dir() -> Path:
    env = os.environ.get("LISTING_LINT_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("listing-lint", appauthor=False))


# -- hashing ---------------------------------------------------------------------------------------
def _sha(obj: Any) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=str, ensure_ascii=False).encode("utf-8")).hexdigest()


@dataclass
class Entry:
    """What a bundle's files were when hashed; ``key`` finds its result."""

    bundle: str  # absolute manifest path
    signature: str  # hash of names, sizes, mtimes, ctimes, inodes
    content: str  # hash of names and contents
    placed: str  # placed_on_market as the engine reads it ("" when none)
    key: str = ""
    settled: bool = True  # every file older than RACY_SECONDS: the signature may be trusted later


def bundle_files(manifest: Path) -> list[tuple[str, str]]:
    """(name in key, absolute path) of every file whose content can change the bundle's result."""
    if manifest.name == "listing.json":
        root = str(manifest.parent)
        out = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            folder = os.path.relpath(dirpath, root).replace(os.sep, "/")  # once per folder, not per file
            prefix = "" if folder == "." else folder + "/"
            for name in sorted(filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]):
                out.append((prefix + name, os.path.join(dirpath, name)))
        return out
    from listing_lint.bundle.model import Bundle

    files = [(manifest.name, str(manifest))]
    for ref in Bundle(manifest, manifest.parent).references:
        if ref.resolved.path is not None:
            files.append((ref.resolved.rel or ref.ref, str(ref.resolved.path)))
    return sorted(set(files))


def _stat_row(name: str, path: str) -> list:
    try:
        st = os.lstat(path)
        link = os.readlink(path) if stat.S_ISLNK(st.st_mode) else None
        if link is not None:
            st = os.stat(path)
    except OSError:
        return [name, None]
    return [name, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_mode, link]


def signature_of(manifest: Path, files: list[tuple[str, str]] | None = None) -> tuple[str, list[list], int]:
    """(signature, stat rows, newest mtime/ctime in ns) of a bundle's files."""
    return _signature(files if files is not None else bundle_files(manifest))


def _signature(files: list[tuple[str, str]]) -> tuple[str, list[list], int]:
    rows = [_stat_row(name, path) for name, path in files]
    newest = max((max(r[2], r[3]) for r in rows if r[1] is not None), default=0)
    return _sha(rows), rows, newest


def describe(manifest: Path, settings: Settings) -> Entry:
    """Hash a bundle's files (the expensive path, taken when its signature is unknown)."""
    now = time.time_ns()
    files = bundle_files(manifest)
    signature, rows, newest = signature_of(manifest, files)
    contents = []
    memo.release()  # the previous bundle's
    room = memo.HOLD_BYTES
    for (name, path), row in zip(files, rows):
        digest = None
        # not through a symlink (row[6]): listing.json linked out of the bundle must not be read, even to hash it
        if row[1] is not None and stat.S_ISREG(row[5]) and row[6] is None:
            # the fstat of the opened file, taken before reading: a write during hashing then
            # shows as a changed stat (one open, fstat, read and close a file; issue 18)
            if row[1] <= room:  # read whole and kept for the lint (memo.hold): not read a second time
                got = read_regular(path)
                hashed = (hashlib.sha256(got[0]).hexdigest(), got[1]) if got is not None else None
                if got is not None and memo.hold(path, got[1], got[0]):
                    room -= len(got[0])
            else:
                hashed = digest_regular(path)
            if hashed is not None:  # content-keyed answers (image probes, PDF text) then need no second read of the file
                digest, before = hashed
                memo.remember_digest(path, before, digest)
        contents.append([name, digest, row[6]])
    from listing_lint.bundle.model import Bundle

    placed = Bundle(manifest, settings.cwd, settings.config.get("max-text-bytes")).placed_on_market
    settled = newest < now - RACY_SECONDS * 1e9
    return Entry(str(manifest), signature, _sha(contents), placed.isoformat() if placed else "", settled=settled)


# -- the run's part of the key ---------------------------------------------------------------------
def code_fingerprint(settings: Settings, package: Path | None = None) -> list:
    """Size and mtime of listing-lint's own code and data files and of every selected rule's module.

    The version alone would miss an edited data file in a source checkout or a plugin upgrade.
    """
    import sys

    import listing_lint

    package = package or Path(listing_lint.__file__).parent
    rows = []
    for dirpath, dirnames, filenames in os.walk(package):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith((".py", ".yaml", ".yml", ".json", ".txt", ".toml", ".csv")):
                st = os.stat(os.path.join(dirpath, name))
                rows.append([os.path.relpath(os.path.join(dirpath, name), package), st.st_size, st.st_mtime_ns])
    from listing_lint.schema.files import schema_file

    for name in ("listing.schema.json", "store.schema.json"):
        try:
            path = schema_file(name)
        except FileNotFoundError:
            continue
        if not str(path).startswith(str(package)):  # a source tree keeps them beside the package
            st = os.stat(path)
            rows.append([str(path), st.st_size, st.st_mtime_ns])
    for rule in settings.rules():
        module = sys.modules.get(rule.module)
        path = getattr(module, "__file__", None)
        if path and not path.startswith(str(package)):
            st = os.stat(path)
            rows.append([path, st.st_size, st.st_mtime_ns])
    return rows


def _config_files(settings: Settings) -> dict[str, str | None]:
    """Digest of every file the config names (None for one the config checks refuse: never read)."""
    from listing_lint.config import ConfigError, read_named_file

    out: dict[str, str | None] = {}
    for key, value in named_files(settings.config):
        try:
            out[value] = hashlib.sha256(read_named_file(settings.config, value, key)).hexdigest()
        except ConfigError:
            out[value] = None
    return out


#: config keys that decide how a run's results are shown (and with how many processes they are
#: made), never what they are: a run changing only these reads the results stored by the last one.
#: A CI job writing GitHub annotations and then SARIF from the same cache linted everything twice.
SHOWN_ONLY = frozenset({"format", "fail-on", "jobs", "cache", "max-findings-per-rule"})


def run_key(settings: Settings) -> str:
    from listing_lint import __version__

    return _sha({
        "format": FORMAT,
        "version": __version__,
        "code": code_fingerprint(settings),
        "rules": [[r.code, r.version, r.plugin] for r in settings.rules()],
        "config": {key: value for key, value in settings.config.values.items() if key not in SHOWN_ONLY},
        "config-root": str(settings.config.root),
        "config-files": _config_files(settings),
        "cwd": str(settings.cwd),
        "root": str(settings.root),
    })


def result_key(run: str, entry: Entry, settings: Settings) -> str:
    as_of = settings.as_of or (date.fromisoformat(entry.placed) if entry.placed else settings.today)
    return _sha([run, as_of.isoformat(), entry.content])


# -- stored results ---------------------------------------------------------------------------------
# A stored result is input like any file: anyone who can write the cache folder can write it. It
# is read back only when every row has the shape written here and every path stays inside the
# folder it was stored relative to; anything else is a miss (see ``RecordError``).
# Paths are stored relative to the bundle folder (the store-level pass: the project root) and
# re-anchored on read, so a moved or copied bundle reports its own paths, not the original's.

class RecordError(ValueError):
    """A stored record that is not what this version writes: treated as a miss."""


def _relative(path: str, base: Path, cwd: Path) -> str:
    """``path`` (a display path, relative to ``cwd``) relative to ``base``; RecordError if outside it."""
    full = os.path.normpath(os.path.join(cwd, path))
    top = str(base)  # absolute and normal (``bundle_base``, the project root)
    if full.startswith(top) and full[len(top):len(top) + 1] == os.sep and not top.endswith(os.sep):
        # below the base, as every finding of a bundle is: what relpath answers, without its
        # absolute-path and common-prefix work (issue 18: 17,000 findings of a 1,000-bundle run)
        return full[len(top) + 1:].replace(os.sep, "/")
    rel = os.path.relpath(full, base)
    if rel == ".." or rel.startswith(".." + os.sep) or os.path.isabs(rel):
        raise RecordError(f"{path} is outside {base}")
    return Path(rel).as_posix()


def _anchored(rel: Any, base: Path) -> Path:
    """The absolute path of a stored relative path; RecordError unless it is a plain path inside ``base``."""
    if not isinstance(rel, str) or not rel or "\0" in rel or rel.startswith("/") or "\\" in rel:
        raise RecordError(f"bad stored path {rel!r}")
    if rel != "." and any(part in ("", ".", "..") for part in rel.split("/")):
        raise RecordError(f"bad stored path {rel!r}")
    return base / rel if rel != "." else base


def _int_or_none(value: Any) -> int | None:
    if value is None or (type(value) is int and 0 <= value < 1 << 31):
        return value
    raise RecordError(f"bad position {value!r}")


def _text(value: Any, optional: bool = False) -> str | None:
    if isinstance(value, str) or (optional and value is None):
        return value
    raise RecordError(f"bad text {value!r}")


def finding_record(f: Finding, base: Path, cwd: Path) -> list:
    fix = None
    if f.fix:
        edits = [[_relative(e.file, base, cwd), e.start, e.end, e.new] for e in f.fix.edits]
        fix = [f.fix.description, edits] + ([True] if f.fix.per_edit else [])  # a third item: each edit counts
    return [f.code, int(f.severity), f.message, _relative(f.path, base, cwd), f.line, f.column, f.end_line,
            f.end_column, f.bundle, f.rule, f.source, fix, f.anchor]


def finding_from_record(r: Any, base: Path, cwd: Path) -> Finding:
    if not isinstance(r, list) or len(r) != 13:
        raise RecordError("a finding is not a list of 13")
    if type(r[1]) is not int or r[1] not in (1, 2, 3):
        raise RecordError(f"bad severity {r[1]!r}")
    fix = None
    if r[11] is not None:
        if not (isinstance(r[11], list) and len(r[11]) in (2, 3) and isinstance(r[11][1], list)
                and (len(r[11]) == 2 or r[11][2] is True)):
            raise RecordError("bad fix")
        edits = []
        for e in r[11][1]:
            if not (isinstance(e, list) and len(e) == 4 and type(e[1]) is int and type(e[2]) is int):
                raise RecordError("bad edit")
            edits.append(TextEdit(str(_anchored(e[0], base)), e[1], e[2], _text(e[3])))
        fix = Fix(_text(r[11][0]), tuple(edits), per_edit=len(r[11]) == 3)
    return Finding(_text(r[0]), Severity(r[1]), _text(r[2]), display_path(_anchored(r[3], base), cwd),
                   *(_int_or_none(v) for v in r[4:8]), _text(r[8], True), _text(r[9]), _text(r[10], True), fix, _text(r[12]))


def bundle_base(manifest: str | Path) -> Path:
    """The folder a bundle's stored paths are relative to: the folder of its manifest."""
    return Path(os.path.abspath(manifest)).parent


def result_record(result: BundleResult, manifest: str | Path, cwd: Path) -> str:
    """The stored form of ``result``; RecordError when a finding lies outside the bundle (not stored)."""
    base = bundle_base(manifest)
    return json.dumps([result.bundle_id, result.files, [finding_record(f, base, cwd) for f in result.findings]],
                      ensure_ascii=False)


def _load(text: Any) -> Any:
    if not isinstance(text, str):
        raise RecordError("not text")
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:  # a crafted row nests 100,000 lists deep
        raise RecordError(f"not JSON: {type(exc).__name__}") from None


def result_from_record(text: Any, manifest: str | Path, cwd: Path) -> BundleResult:
    doc = _load(text)
    if not (isinstance(doc, list) and len(doc) == 3 and isinstance(doc[0], str) and type(doc[1]) is int
            and isinstance(doc[2], list)):
        raise RecordError("a result is not [bundle id, files, findings]")
    base = bundle_base(manifest)
    findings = [finding_from_record(r, base, cwd) for r in doc[2]]
    return BundleResult(display_path(Path(os.path.abspath(manifest)), cwd), doc[0], findings, doc[1])


class Cache:
    """The cache for one run. Safe to use from forked workers: each process opens its own connection."""

    def __init__(self, path: Path, settings: Settings):
        self.path = path
        self.settings = settings
        self.run = run_key(settings)
        self._conn: sqlite3.Connection | None = None
        self._pid = 0
        self.broken = False

    def __getstate__(self) -> dict:  # for spawned workers (not Linux): the connection stays behind
        return {**self.__dict__, "_conn": None, "_pid": 0}

    @classmethod
    def open(cls, settings: Settings) -> Cache | None:
        try:
            folder = cache_dir()
            folder.mkdir(parents=True, exist_ok=True)
            cache = cls(folder / f"cache-v{FORMAT}.sqlite3", settings)
            cache.conn  # fail here, not halfway through the run
            return cache
        except (OSError, sqlite3.Error):
            return None

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():
            conn = sqlitefile.connect(self.path, (*sqlitefile.CACHE_PRAGMAS, *SCHEMA))
            self._conn, self._pid = conn, os.getpid()
        return self._conn

    def _guard(self, fn, *args, default=None):
        if self.broken:
            return default
        try:
            return fn(*args)
        except (OSError, sqlite3.Error, ValueError, TypeError, IndexError) as exc:
            self.broken = True
            if sqlitefile.damaged(exc):  # a damaged file: the next run makes a new one
                self.close()
                sqlitefile.remove(self.path)
            return default

    # -- lookups ---------------------------------------------------------------------------------
    def known(self, manifest: Path) -> tuple[Entry | None, BundleResult | None]:
        """The cheap path: stat the bundle's files; when its signature is known, the stored result."""
        return self._guard(self._known, manifest, default=(None, None))

    def _known(self, manifest: Path):
        row = self.conn.execute("SELECT signature, content, placed FROM stats WHERE bundle = ?", (str(manifest),)).fetchone()
        if row is None:
            return None, None
        signature, _, newest = signature_of(manifest)
        if signature != row[0]:
            return None, None
        entry = Entry(str(manifest), signature, row[1], row[2])
        entry.key = result_key(self.run, entry, self.settings)
        return entry, self.get(entry)

    def describe(self, manifest: Path) -> Entry | None:
        """The expensive path: hash the bundle's files (in a worker)."""
        def go():
            entry = describe(manifest, self.settings)
            entry.key = result_key(self.run, entry, self.settings)
            return entry

        return self._guard(go)

    def _stored(self, key: str, decode):
        """The decoded row under ``key``; None when there is none or it is not what this version writes."""
        def go():
            row = self.conn.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            try:
                return decode(row[0])
            except RecordError:
                return None

        return self._guard(go)

    def get(self, entry: Entry) -> BundleResult | None:
        """The stored result of ``entry``'s bundle, its paths anchored at the bundle's folder today."""
        return self._stored(entry.key, lambda text: result_from_record(text, entry.bundle, self.settings.cwd))

    # -- writes (main process, once, at the end) ------------------------------------------------
    def save(self, done: list[tuple[Entry, BundleResult | None]]) -> None:
        """Record entries; ``None`` results were hits (only their use time is refreshed)."""
        self._guard(self._save, done)

    def _save(self, done) -> None:
        now = time.time()
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany(
                "INSERT OR REPLACE INTO stats VALUES (?, ?, ?, ?, ?)",
                [(e.bundle, e.signature, e.content, e.placed, now) for e, _ in done if e.settled],
            )
            conn.executemany("DELETE FROM stats WHERE bundle = ?", [(e.bundle,) for e, _ in done if not e.settled])
            conn.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)",
                             [(e.key, value, now) for e, value in self._records(done)])
            conn.executemany("UPDATE results SET used = ? WHERE key = ?", [(now, e.key) for e, r in done if r is None])
            self._prune(conn, now)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _records(self, done) -> list[tuple[Entry, str]]:
        out = []
        for entry, result in done:
            if result is None:
                continue
            try:
                out.append((entry, result_record(result, entry.bundle, self.settings.cwd)))
            except RecordError:  # a finding outside its bundle: such a result is not stored
                continue
        return out

    @staticmethod
    def _prune(conn: sqlite3.Connection, now: float) -> None:
        row = conn.execute("SELECT value FROM meta WHERE name = 'pruned'").fetchone()
        if row and now - float(row[0]) < 24 * 3600:
            return
        conn.execute("DELETE FROM results WHERE used < ?", (now - KEEP_SECONDS,))
        conn.execute("DELETE FROM stats WHERE used < ?", (now - KEEP_SECONDS,))
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('pruned', ?)", (str(now),))

    # -- the store-level pass -------------------------------------------------------------------
    def repo_key(self, manifests: list[Path], store: Path, as_of: date) -> str | None:
        """Key of the store-level pass: the run, the as-of date, and the stat signature of store.json
        and of every manifest (store-level rules read nothing else). None when one of them changed
        within ``RACY_SECONDS``: such a signature is neither stored nor trusted."""
        signature, _, newest = _signature([(str(p), str(p)) for p in (store, *manifests)])
        if newest >= time.time_ns() - RACY_SECONDS * 1e9:
            return None
        return "repo:" + _sha([self.run, as_of.isoformat(), signature])

    def get_findings(self, key: str, keep=None) -> list[Finding] | None:
        """Stored findings of the store-level pass, their paths anchored at the project root.

        ``keep(path)``, given a finding's stored path (relative to the root, ``/``-separated), says
        which findings to decode: a pre-commit run on one bundle of 5,000 decoded every bundle's
        stored findings to show its own (4,000 findings, 0.2 s of its 0.7 s)."""
        root, cwd = Path(self.settings.root), self.settings.cwd

        def decode(text):
            rows = _load(text)
            if not isinstance(rows, list) or not all(isinstance(r, list) and len(r) == 13 for r in rows):
                raise RecordError("not a list of findings")
            return [finding_from_record(r, root, cwd) for r in rows if keep is None or not isinstance(r[3], str) or keep(r[3])]

        return self._stored(key, decode)

    def put_findings(self, key: str, findings: list[Finding]) -> None:
        try:
            value = json.dumps([finding_record(f, Path(self.settings.root), self.settings.cwd) for f in findings],
                               ensure_ascii=False)
        except RecordError:
            return
        self._guard(lambda: self.conn.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", (key, value, time.time())))

    def close(self) -> None:
        if self._conn is not None and self._pid == os.getpid():
            self._conn.close()
        self._conn = None
