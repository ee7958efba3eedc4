"""``--fix``: apply the safe fixes rules attach to findings (``Finding.fix``), and nothing else.

Edits are grouped per file and applied from the end of the file backwards, so earlier offsets
stay valid. Of two overlapping edits the one that starts first wins and the other is skipped
(a later pass may apply it, once the file has been linted again). A file is rewritten only if
an edit changed it, with its UTF-8 byte-order mark and line endings as they were. Offsets are in
characters of the decoded text, as ``bundle/files.py`` decodes it (a UTF-8 BOM dropped).

An edit names its file by path, and findings can come from the result cache, which anyone who can
write the cache folder can write: so an edit is applied only to a regular file of a bundle this
run linted (inside its folder, or a file a single-file bundle references), reached without a
symlink, and the file is replaced atomically (a temporary file beside it, renamed over it, its
mode kept): a full disk leaves the page as it was, never truncated.

``check --diff`` runs the same passes on a ``DryRun``: what would be written is kept in memory,
and each pass lints again with those bytes standing in for the files (``engine.run``'s buffers),
so the patch it prints is what ``--fix`` writes, later passes included.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass, field
from pathlib import Path

from listing_lint.finding import Finding, TextEdit
from listing_lint.reporters.text import escape
from listing_lint.safewrite import write_atomic

MAX_PASSES = 5  # lint-fix rounds at most; each round applies what did not overlap before


@dataclass
class Applied:
    path: str  # as shown to the user
    code: str
    description: str


@dataclass
class FixReport:
    applied: list[Applied] = field(default_factory=list)
    skipped: list[Applied] = field(default_factory=list)  # overlapping or out of range
    refused: list[Applied] = field(default_factory=list)  # not a file of a linted bundle, or behind a symlink
    files: set[str] = field(default_factory=set)
    fixes: int = 0  # fixes applied, each mark of a per-edit fix counted (``applied`` has one line per fix and file)

    def lines(self, dry: bool = False) -> list[str]:
        """What changed (``dry``: would change), for stderr; every path and description escaped as
        the text reporter does."""
        done = "Would fix" if dry else "Fixed"
        out = [f"{done} {escape(a.path, quote=True)}: {escape(a.description)} ({a.code})" for a in self.applied]
        out += [f"Not fixed {escape(s.path, quote=True)}: {escape(s.description)} ({s.code}) overlaps another fix "
                "or no longer fits the file" for s in self.skipped]
        out += [f"Not fixed {escape(r.path, quote=True)}: {escape(r.description)} ({r.code}) is not a file of a "
                "linted bundle, or is reached through a symlink" for r in self.refused]
        if self.fixes:
            n = len(self.files)
            out.append(f"{'Would apply' if dry else 'Applied'} {self.fixes} fix{'es' if self.fixes != 1 else ''} "
                       f"in {n} file{'s' if n != 1 else ''}.")
        return out


class Disk:
    """Where ``--fix`` reads and writes: the files themselves."""

    def read(self, path: str) -> bytes:
        return Path(path).read_bytes()

    def write(self, path: str, data: bytes) -> None:
        write_atomic(path, data)


class DryRun(Disk):
    """``--diff``: the disk is only read; what ``--fix`` would write is kept here."""

    def __init__(self):
        self.before: dict[str, bytes] = {}  # absolute path -> the bytes on disk
        self.after: dict[str, bytes] = {}  # absolute path -> the bytes --fix would write

    def read(self, path: str) -> bytes:
        if path in self.after:
            return self.after[path]
        data = super().read(path)
        self.before[path] = data
        return data

    def write(self, path: str, data: bytes) -> None:
        self.after[path] = data

    def buffers(self) -> dict[str, str]:
        """The written files as text for ``engine.run``: a kept byte-order mark is U+FEFF, which
        encodes back to the same bytes."""
        return {path: data.decode("utf-8") for path, data in self.after.items()}

    def changes(self) -> list[tuple[str, bytes, bytes]]:
        """(absolute path, bytes on disk, bytes --fix would write) of every file that would change, by path."""
        return [(p, self.before[p], self.after[p]) for p in sorted(self.after) if self.after[p] != self.before[p]]


DISK = Disk()


def display(path: str, cwd: Path) -> str:
    """``path`` as shown: relative to ``cwd`` with slashes, or absolute when outside it."""
    rel = os.path.relpath(path, cwd)
    return Path(rel).as_posix() if not rel.startswith("..") else path


def _choose(edits: list[tuple[TextEdit, Finding]]) -> tuple[list[tuple[TextEdit, Finding]], list[tuple[TextEdit, Finding]]]:
    """(kept, skipped): earliest start wins; an edit overlapping a kept one is skipped."""
    kept: list[tuple[TextEdit, Finding]] = []
    skipped: list[tuple[TextEdit, Finding]] = []
    end = -1
    for edit, finding in sorted(edits, key=lambda e: (e[0].start, e[0].end, e[0].new)):
        touches_kept = kept and (edit.start < end or (edit.start == end == kept[-1][0].start == kept[-1][0].end))
        if touches_kept or edit.start > edit.end:
            skipped.append((edit, finding))
        else:
            kept.append((edit, finding))
            end = edit.end
    return kept, skipped


def _apply_to_file(path: str, edits: list[tuple[TextEdit, Finding]], files: Disk) -> tuple[list, list]:
    """Apply edits to one file; returns (applied, skipped) pairs."""
    try:
        raw = files.read(path)
    except OSError:
        return [], edits
    bom = raw.startswith(codecs.BOM_UTF8)
    try:
        text = raw[3 if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError:
        return [], edits
    kept, skipped = _choose(edits)
    fits = [(e, f) for e, f in kept if 0 <= e.start <= e.end <= len(text)]
    skipped += [(e, f) for e, f in kept if (e, f) not in fits]
    new = text
    for edit, _ in sorted(fits, key=lambda e: e[0].start, reverse=True):
        new = new[: edit.start] + edit.new + new[edit.end :]
    if new != text:
        files.write(path, (codecs.BOM_UTF8 if bom else b"") + new.encode("utf-8"))
    return fits, skipped


class Scope:
    """The files ``--fix`` may write: those of the bundles a run linted, reached without a symlink."""

    def __init__(self, manifests: list[Path], cwd: Path):
        self.folders: list[tuple[str, str]] = []  # (absolute folder, its real path)
        self.files: set[str] = set()  # real paths of single-file bundles and what they reference
        for manifest in manifests:
            manifest = Path(os.path.abspath(cwd / manifest))
            if manifest.name == "listing.json":
                self.folders.append((str(manifest.parent), os.path.realpath(manifest.parent)))
            else:
                self.files |= _single_file_bundle_files(manifest, cwd)

    def allows(self, path: str) -> bool:
        if not os.path.isfile(path) or os.path.islink(path):
            return False
        real = os.path.realpath(path)
        if real in self.files:
            return True
        for folder, real_folder in self.folders:
            for base in (folder, real_folder):  # pages are named by their real path, manifests as found
                rel = os.path.relpath(path, base)
                # no symlink between the bundle folder and the file: the real path is the lexical one
                if not rel.startswith("..") and real == os.path.join(real_folder, rel):
                    return True
        return False


def _single_file_bundle_files(manifest: Path, cwd: Path) -> set[str]:
    from listing_lint.bundle.model import Bundle

    out = {os.path.realpath(manifest)} if not os.path.islink(manifest) else set()
    for ref in Bundle(manifest, cwd).references:
        if ref.resolved.ok and ref.resolved.path is not None:
            out.add(str(ref.resolved.path))
    return out


def apply_fixes(findings: list[Finding], cwd: Path, scope: Scope | None = None, files: Disk = DISK) -> FixReport:
    """Apply every fix attached to ``findings`` to files ``scope`` allows (None: any regular file
    reached without a symlink), written to ``files``; identical edits offered twice count once."""
    per_file: dict[str, list[tuple[TextEdit, Finding]]] = {}
    seen: set[TextEdit] = set()
    for finding in findings:
        if finding.fix is None:
            continue
        for edit in finding.fix.edits:
            if edit in seen:
                continue
            seen.add(edit)
            per_file.setdefault(os.path.abspath(edit.file), []).append((edit, finding))
    report = FixReport()
    for path in sorted(per_file):
        shown = display(path, cwd)
        allowed = scope.allows(path) if scope is not None else os.path.isfile(path) and not os.path.islink(path)
        if not allowed:
            report.refused += _described(shown, [f for _, f in per_file[path]])
            continue
        applied, skipped = _apply_to_file(path, per_file[path], files)
        report.fixes += sum(1 for _, f in applied if f.fix.per_edit) + len({id(f) for _, f in applied if not f.fix.per_edit})
        described: set[tuple[str, str]] = set()
        for _, f in applied:
            if (f.code, f.fix.description) not in described:  # one line per fix, not per edit
                described.add((f.code, f.fix.description))
                report.applied.append(Applied(shown, f.code, f.fix.description))
            report.files.add(shown)
        report.skipped += [Applied(shown, f.code, f.fix.description) for _, f in skipped]
    return report


def _described(shown: str, findings: list[Finding]) -> list[Applied]:
    out, seen = [], set()
    for f in findings:
        if (f.code, f.fix.description) not in seen:
            seen.add((f.code, f.fix.description))
            out.append(Applied(shown, f.code, f.fix.description))
    return out


def fix_and_relint(result, relint, files: Disk = DISK):
    """Fix, lint again, repeat while fixes apply (at most ``MAX_PASSES``); returns (result, FixReport).
    ``relint()`` lints what ``files`` holds now (a ``DryRun``: its ``buffers()``)."""
    total = FixReport()
    cwd = Path(result.settings.cwd)
    for _ in range(MAX_PASSES):
        scope = Scope([Path(b.manifest) for b in result.bundles], cwd)
        report = apply_fixes(result.findings, cwd, scope, files)
        total.applied += report.applied
        total.fixes += report.fixes
        total.files |= report.files
        total.skipped = report.skipped  # only what is still skipped after the last pass matters
        total.refused = report.refused
        if not report.applied:
            break
        result = relint()
    return result, total
