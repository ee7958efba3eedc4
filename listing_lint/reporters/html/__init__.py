"""``--format html --output report.html``: one self-contained page for people, not machines.

Per bundle: a locale matrix (which locales have a title, a detail page and alt texts, and the
language each is detected in), the gallery as a thumbnail grid in display order with the main
video marked, the certificates per market with their status at the as-of date, and the findings
with their source lines. Thumbnails are small inline ``data:`` JPEGs; a Content-Security-Policy
forbids every fetch, so the file opens the same offline, from an artifact store or a mail.
"""

from __future__ import annotations

import os
from pathlib import Path

from listing_lint.bundle.files import SourceFile
from listing_lint.bundle.model import Bundle
from listing_lint.reporters.html import render
from listing_lint.media.budget import Budget, Deadline
from listing_lint.reporters.html.facts import BundleFacts, Limits, collect
from listing_lint.reporters.html.thumbs import Thumbnails
from listing_lint.reporters.text import plural, summary_line

TEXT_SUFFIXES = (".json", ".html", ".htm", ".txt", ".toml", ".yaml", ".yml", ".md")
MAX_SOURCE_BYTES = 5 * 1024 * 1024


class SourceLines:
    """The text of a finding's line, read once per file (text files only)."""

    def __init__(self, cwd: Path):
        self.cwd = cwd
        self.files: dict[str, list[str] | None] = {}

    def _lines(self, path: str) -> list[str] | None:
        if path not in self.files:
            full = self.cwd / path
            lines = None
            if path.lower().endswith(TEXT_SUFFIXES):
                # through SourceFile: a FIFO would block open(), and a symlink leading out of its folder is never read
                data = SourceFile(full, path, path).read_bytes(MAX_SOURCE_BYTES + 1)
                if 0 < len(data) <= MAX_SOURCE_BYTES:
                    lines = data.decode("utf-8", errors="replace").splitlines()
            self.files[path] = lines
        return self.files[path]

    def __call__(self, f) -> str | None:
        if not f.line:
            return None
        lines = self._lines(f.path)
        return lines[f.line - 1] if lines and 0 < f.line <= len(lines) else None


def _cert_findings(facts: BundleFacts, findings: list) -> dict[int, list]:
    """Findings on listing.json lines inside each certificate entry."""
    out: dict[int, list] = {}
    for certs in facts.certificates.values():
        for c in certs:
            if c.lines is None:
                continue
            first, last = c.lines
            out[c.index] = [f for f in findings if f.path == facts.manifest and f.line and first <= f.line <= last]
    return out


def _bundle_section(facts: BundleFacts, findings: list, source) -> str:
    e = render.esc
    errors = sum(1 for f in findings if str(f.severity) == "error")
    return (
        f'<section class="bundle" id="bundle-{e(facts.id)}" data-bundle="{e(facts.id)}">'
        f'<h2>{e(facts.id)} <span class="muted">{e(facts.manifest)}</span></h2>'
        f'<p class="muted">Judged as of {e(facts.as_of)} · {plural(len(findings), "finding")}, {plural(errors, "error")}</p>'
        + (f'<p class="muted skipped">{e(facts.skipped)}</p>' if facts.skipped else "")
        + f"<h3>Locales</h3>{render.locale_matrix(facts)}"
        f"<h3>Gallery</h3>{render.gallery(facts)}"
        f"<h3>Certificates</h3>{render.certificates(facts, _cert_findings(facts, findings))}"
        f"<h3>Findings</h3>{render.findings(findings, source)}"
        "</section>"
    )


def _facts(bundle: Bundle, settings, thumbs: Thumbnails, limits: Limits) -> BundleFacts:
    """The bundle's facts, within the rule time budget: past it, the section shows its findings only."""
    as_of = settings.as_of_for(bundle)
    timeout = settings.config.get("rule-timeout")
    facts = None
    with Deadline(timeout):
        facts = collect(bundle, as_of, settings.config, thumbs, limits)
    if facts is None:
        facts = BundleFacts(id=bundle.id, manifest=bundle.manifest.display, as_of=as_of,
                            skipped=f"Locales, gallery and certificates are not shown: reading them took longer than "
                            f"{timeout} s (rule-timeout).")
    return facts


def page(result) -> str:
    settings = result.settings
    cwd = Path(settings.cwd)
    source = SourceLines(cwd)
    by_bundle: dict[str | None, list] = {}
    for f in result.findings:
        by_bundle.setdefault(f.bundle, []).append(f)
    sections = []
    thresholds = settings.thresholds
    thumbs = Thumbnails(Budget.from_thresholds(thresholds))  # one per report: a file shared by bundles is decoded once
    limits = Limits.from_thresholds(thresholds)
    for b in sorted(result.bundles, key=lambda b: b.manifest):
        bundle = Bundle(Path(os.path.abspath(cwd / b.manifest)), cwd, settings.config.get("max-text-bytes"))
        facts = _facts(bundle, settings, thumbs, limits)
        sections.append(_bundle_section(facts, by_bundle.pop(b.bundle_id, []), source))
    rest = [f for items in by_bundle.values() for f in items]
    if rest:
        sections.insert(0, f'<section class="store"><h2>Store and repository</h2>{render.findings(rest, source)}</section>')
    counts = {s: sum(1 for f in result.findings if str(f.severity) == s) for s in ("error", "warning", "info")}
    e = render.esc
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{render.CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>listing-lint report</title><style>{render.STYLE}</style></head><body>"
        f'<header><h1>listing-lint report</h1><div class="counts">'
        f'<span class="sev-error">{plural(counts["error"], "error")}</span><span>{plural(counts["warning"], "warning")}</span>'
        f'<span>{counts["info"]} info</span><span>as of {e(result.as_of)}</span></div>'
        f'<div class="muted">{e(summary_line(result))}</div></header>'
        f"<main>{''.join(sections) or '<p>No bundles were linted.</p>'}</main></body></html>\n"
    )


def report(result, out, color: bool = False) -> None:
    out.write(page(result))
