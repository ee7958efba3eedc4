"""``--fix``: apply the safe fixes rules attach to findings (``Finding.fix``), and nothing else.

Edits are grouped per file and applied from the end of the file backwards, so earlier offsets
stay valid. Of two overlapping edits the one that starts first wins and the other is skipped
(a later pass may apply it, once the file has been linted again). A file is rewritten only if
an edit changed it, with its UTF-8 byte-order mark and line endings as they were. Offsets are in
characters of the decoded text, as ``bundle/files.py`` decodes it (a UTF-8 BOM dropped).
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass, field
from pathlib import Path

from listing_lint.finding import Finding, TextEdit

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
    files: set[str] = field(default_factory=set)

    def lines(self) -> list[str]:
        out = [f"Fixed {a.path}: {a.description} ({a.code})" for a in self.applied]
        out += [f"Not fixed {s.path}: {s.description} ({s.code}) overlaps another fix or no longer fits the file" for s in self.skipped]
        if self.applied:
            n = len(self.files)
            out.append(f"Applied {len(self.applied)} fix{'es' if len(self.applied) != 1 else ''} in {n} file{'s' if n != 1 else ''}.")
        return out


def _display(path: str, cwd: Path) -> str:
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


def _apply_to_file(path: str, edits: list[tuple[TextEdit, Finding]]) -> tuple[list, list]:
    """Apply edits to one file; returns (applied, skipped) pairs."""
    try:
        raw = Path(path).read_bytes()
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
        Path(path).write_bytes((codecs.BOM_UTF8 if bom else b"") + new.encode("utf-8"))
    return fits, skipped


def apply_fixes(findings: list[Finding], cwd: Path) -> FixReport:
    """Apply every fix attached to ``findings``; identical edits offered twice count once."""
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
        if not os.path.isfile(path) or os.path.islink(path):
            report.skipped += [Applied(_display(path, cwd), f.code, f.fix.description) for _, f in per_file[path]]
            continue
        applied, skipped = _apply_to_file(path, per_file[path])
        shown = _display(path, cwd)
        described: set[tuple[str, str]] = set()
        for _, f in applied:
            if (f.code, f.fix.description) not in described:  # one line per fix, not per edit
                described.add((f.code, f.fix.description))
                report.applied.append(Applied(shown, f.code, f.fix.description))
            report.files.add(shown)
        report.skipped += [Applied(shown, f.code, f.fix.description) for _, f in skipped]
    return report


def fix_and_relint(result, relint):
    """Fix, lint again, repeat while fixes apply (at most ``MAX_PASSES``); returns (result, FixReport)."""
    total = FixReport()
    for _ in range(MAX_PASSES):
        report = apply_fixes(result.findings, Path(result.settings.cwd))
        total.applied += report.applied
        total.files |= report.files
        total.skipped = report.skipped  # only what is still skipped after the last pass matters
        if not report.applied:
            break
        result = relint()
    return result, total
