"""Stable finding fingerprints, and baselines built on them (``--write-baseline`` / ``--baseline``).

A fingerprint is made of the rule code, the file and what the finding points at
(``Finding.anchor``: a hash of the JSON value, the block text or the file), never the line
number, so inserting a paragraph above a finding does not change it. Two findings with the same
code, file and anchor are told apart by their occurrence index in output order (``#0``, ``#1``),
so they never collide.

A baseline file records today's findings; a later run hides the findings it holds and reports
the entries that no longer match anything (fixed, or changed beyond recognition), so the file
can be pruned. Matching is by content, never by line: see ``apply``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from listing_lint import jsonshape, jsonstrict
from listing_lint.engine import UsageError
from listing_lint.finding import Finding
from listing_lint.jsonshape import Required
from listing_lint.reporters import jsontext
from listing_lint.reporters.text import escape
from listing_lint.safewrite import write_atomic

BASELINE_VERSION = 1
# What ``apply`` and the stale report read of a baseline. ``path``, ``code`` and ``message`` of another
# type were str()'d (a list path shown as ``['a']``, compared as that text): refused like the rest.
BASELINE_SHAPE = {"findings": Required([{"identity": Required(str), "exact": Required(str),
                                         "path": str, "code": str, "message": str}])}


class BaselineError(UsageError):
    """An unreadable or malformed baseline file: exit code 2."""


def identity(f: Finding) -> str:
    """What a finding is about, without where it is: code, file and anchor.

    Not the message: messages that count something ("the es page is 63% English") change
    with unrelated edits. Findings without an anchor are told apart by order alone.
    """
    return "\0".join((f.code, f.path, f.anchor))


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:32]


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """One fingerprint per finding, in the order given; equal identities get #0, #1, ..."""
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        key = identity(f)
        index = seen.get(key, 0)
        seen[key] = index + 1
        out.append(_hash(f"{key}\0#{index}"))
    return out


@dataclass
class BaselineOutcome:
    kept: list[Finding]
    hidden: int
    stale: list[dict] = field(default_factory=list)  # baseline entries that matched nothing


def _entry(f: Finding, fingerprint: str) -> dict:
    return {
        "fingerprint": fingerprint,
        "identity": _hash(identity(f)),
        "exact": _hash(identity(f) + "\0" + f.message),
        "code": f.code,
        "path": f.path,
        "message": f.message,
    }


def write(path: Path, findings: list[Finding]) -> int:
    """Record ``findings`` (already in output order); returns how many were written."""
    entries = [_entry(f, fp) for f, fp in zip(findings, fingerprints(findings))]
    doc = {"version": BASELINE_VERSION, "tool": "listing-lint", "findings": entries}
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, (jsontext.dumps(doc) + "\n").encode("utf-8"))
    return len(entries)


def read(path: Path) -> list[dict]:
    try:
        doc = jsonstrict.loads(jsonstrict.read_input(path), object_pairs_hook=jsonstrict.unique_keys)
    except jsonstrict.NotAFile as exc:
        raise BaselineError(f"baseline {path} {exc}") from None
    except jsonstrict.DuplicateKey as exc:  # a second "findings" hid the first from review, or the reverse
        raise BaselineError(f"baseline {path} is not a listing-lint baseline: {exc}; write it again with --write-baseline") from None
    except FileNotFoundError:
        raise BaselineError(f"baseline file {path} does not exist (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"cannot read baseline {path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"baseline {path} is not JSON: {exc.msg} at line {exc.lineno}") from None
    except jsonstrict.NotJsonNumber as exc:
        raise BaselineError(f"baseline {path} is not JSON: {exc}") from None
    except (ValueError, RecursionError):  # a number of thousands of digits, arrays nested beyond Python's stack
        raise BaselineError(f"baseline {path} is not a listing-lint baseline; write it again with --write-baseline") from None
    version = doc.get("version") if isinstance(doc, dict) else None
    if isinstance(doc, dict) and (type(version) is not int or version != BASELINE_VERSION):
        shown = escape(repr(version)[:40]) if isinstance(version, (str, int, float)) else f"of type {type(version).__name__}"
        has = f"has version {shown}" if "version" in doc else "has no version"
        raise BaselineError(f"baseline {path} {has}; this release reads version {BASELINE_VERSION} "
                            "(write it again with --write-baseline)")
    try:
        jsonshape.check(doc, BASELINE_SHAPE)
    except jsonshape.ShapeError as exc:
        raise BaselineError(f"baseline {path} is not a listing-lint baseline: {escape(str(exc))}; "
                            "write it again with --write-baseline") from None
    return doc["findings"]


def apply(findings: list[Finding], entries: list[dict], linted_paths: set[str] | None = None) -> BaselineOutcome:
    """Hide the findings the baseline holds; entries for files outside this run are never stale.

    Two passes: first a finding matches an entry with the same code, file, anchor and message;
    then the rest match by code, file and anchor alone, one entry per finding (a message that
    counts something, like "63% English", may change with an unrelated edit).
    """
    used: set[int] = set()
    matched = [False] * len(findings)
    for tier in ("exact", "identity"):
        pool: dict[str, list[int]] = {}
        for i in reversed(range(len(entries))):
            if i not in used:
                pool.setdefault(entries[i][tier], []).append(i)
        for n, f in enumerate(findings):
            if matched[n]:
                continue
            key = _hash(identity(f) + "\0" + f.message) if tier == "exact" else _hash(identity(f))
            if pool.get(key):
                used.add(pool[key].pop())  # entries are taken in file order
                matched[n] = True
    kept = [f for f, m in zip(findings, matched) if not m]
    in_run = _scope_test(linted_paths)
    stale = [e for i, e in enumerate(entries) if i not in used and in_run(e.get("path") or "")]
    return BaselineOutcome(kept=kept, hidden=len(findings) - len(kept), stale=stale)


def _scope_test(linted: set[str] | None):
    """Whether a path belongs to a bundle folder (or file) this run linted: the path or one of its
    first folders is in ``linted``. Asked once per baseline entry: comparing each entry with every
    linted folder took 57 s for 200,000 entries in a catalogue of 2,000 bundles."""
    if linted is None:
        return lambda path: True
    depth = max((p.count("/") for p in linted), default=0)

    def in_run(path: str) -> bool:
        if path in linted:
            return True
        end = -1
        for _ in range(depth + 1):  # a folder deeper than any linted one cannot be linted
            end = path.find("/", end + 1)
            if end < 0:
                return False
            if path[:end] in linted:
                return True
        return False

    return in_run


def stale_report(stale: list[dict], limit: int = 10) -> list[str]:
    """Lines telling which baseline entries no longer match (for stderr)."""
    if not stale:
        return []
    lines = [f"{len(stale)} baseline {'entry' if len(stale) == 1 else 'entries'} no longer match any finding "
             "(fixed or changed); run --write-baseline again to prune them:"]
    for e in stale[:limit]:  # a committed baseline is the pull request's text: escaped like any finding
        path, code, message = (d if e.get(k) is None else e[k] for k, d in (("path", "?"), ("code", "?"), ("message", "")))
        lines.append(f"  {escape(path, quote=True)}: {escape(code)} {escape(message)}".rstrip())
    if len(stale) > limit:
        lines.append(f"  ... and {len(stale) - limit} more")
    return lines


def run_scope(result) -> set[str]:
    """Display paths of the bundle folders (or single-file bundles) and store.json of this run."""
    scope: set[str] = set()
    for b in result.bundles:
        folder, _, name = b.manifest.rpartition("/")
        scope.add(folder if name == "listing.json" else b.manifest)
    if result.bundles:
        from listing_lint.bundle.model import display_path

        scope.add(display_path(Path(result.settings.root) / "store.json", Path(result.settings.cwd)))
    return scope


def process(result, use: str | None, write_to: str | None) -> list[str]:
    """Apply ``--write-baseline`` / ``--baseline`` to ``result`` in place; returns lines for stderr.

    Writing records every finding of this run and hides them all (exit 0), so
    ``--baseline F --write-baseline F`` also prunes entries that no longer match.
    """
    if write_to:
        count = write(Path(write_to), result.findings)
        result.extra["baseline"] = {"written": count, "hidden": count, "stale": 0}
        result.findings = []
        return [f"Recorded {count} finding{'s' if count != 1 else ''} in baseline {write_to}."]
    if not use:
        return []
    outcome = apply(result.findings, read(Path(use)), run_scope(result))
    result.findings = outcome.kept
    result.extra["baseline"] = {"hidden": outcome.hidden, "stale": len(outcome.stale)}
    lines = [f"{outcome.hidden} finding{'s' if outcome.hidden != 1 else ''} hidden by baseline {use}."] if outcome.hidden else []
    return lines + stale_report(outcome.stale)
