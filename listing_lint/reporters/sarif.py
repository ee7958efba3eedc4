"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

What code-scanning users tripped over elsewhere, and what this does instead:
- URIs are relative to ``%SRCROOT%`` (the folder the run started in), never absolute;
- ``partialFingerprints`` come from code, file and content (``baseline.fingerprints``), not the
  line, and carry an occurrence index, so two findings on one line never collide;
- a finding with no line (an image) gets no region at all, never line 0;
- the rule table holds real metadata (summary, full help, help URI, default level) for every
  rule that fired, and no empty arrays are written except ``results``.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from listing_lint import links
from listing_lint.baseline import fingerprints
from listing_lint.reporters import jsontext
from listing_lint.reporters._common import TOOL_NAME, help_uri, rule_for, version

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "listingLint/v1"


def _descriptor(code: str, sample) -> dict:
    rule = rule_for(code)
    name = rule.name if rule else sample.rule
    summary = (rule.summary if rule else "") or name
    desc: dict = {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "defaultConfiguration": {"level": LEVELS[str(rule.severity if rule else sample.severity)]},
    }
    url = help_uri(code, name)
    if url:
        desc["helpUri"] = url
    if rule is not None:
        sections = rule.doc_sections()
        if sections.get("What it checks"):
            desc["fullDescription"] = {"text": sections["What it checks"]}
        text = "\n\n".join(f"{title}: {body}" for title, body in sections.items() if body)
        if text:
            more = f"The whole reference: `{links.rule_help_command(code)}`."
            desc["help"] = {"text": f"{text}\n\n{more}", "markdown": f"{_markdown_help(sections)}\n\n{more}"}
        desc["properties"] = {"tags": [rule.family], "plugin": rule.plugin}
    return desc


def _markdown_help(sections: dict[str, str]) -> str:
    parts = []
    for title, body in sections.items():
        if title in ("Fails", "Passes"):
            parts.append(f"**{title}:**\n\n```\n{body}\n```")
        else:
            parts.append(f"**{title}:** {body}")
    return "\n\n".join(parts)


def _uri(path: str) -> tuple[str, str | None]:
    """(uri, uriBaseId): relative paths stay relative to %SRCROOT%; others become file URIs.

    Absolute as this system reads paths: ``x:y.listing.json`` is a relative name here (a test of
    its second character took it for a Windows drive, and ``as_uri`` stopped the report), and
    ``quote`` writes its colon as ``%3A``, so no reader takes ``x:`` for a scheme."""
    if Path(path).is_absolute():
        return Path(path).as_uri(), None
    return quote(path, safe="/", errors="surrogateescape"), "%SRCROOT%"  # a non-UTF-8 file name: its own bytes


def _region(f) -> dict | None:
    if not f.line or f.line < 1:
        return None
    region = {"startLine": f.line}
    if f.column and f.column >= 1:
        region["startColumn"] = f.column
    if f.end_line and f.end_line >= f.line:
        region["endLine"] = f.end_line
        if f.end_column and f.end_column >= 1 and (f.end_line > f.line or f.end_column >= region.get("startColumn", 1)):
            region["endColumn"] = f.end_column
    return region


def _location(path: str, region: dict | None) -> dict:
    uri, base = _uri(path)
    artifact = {"uri": uri}
    if base:
        artifact["uriBaseId"] = base
    physical: dict = {"artifactLocation": artifact}
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}


def _fixes(f, cwd: Path) -> list[dict]:
    if f.fix is None or not f.fix.edits:
        return []
    changes: dict[str, list] = {}
    for edit in f.fix.edits:
        rel = _display(Path(edit.file), cwd)
        changes.setdefault(rel, []).append(
            {
                "deletedRegion": {"charOffset": edit.start, "charLength": max(0, edit.end - edit.start)},
                "insertedContent": {"text": edit.new},
            }
        )
    artifact_changes = []
    for rel, replacements in changes.items():
        uri, base = _uri(rel)
        location = {"uri": uri, **({"uriBaseId": base} if base else {})}
        artifact_changes.append({"artifactLocation": location, "replacements": replacements})
    return [{"description": {"text": f.fix.description}, "artifactChanges": artifact_changes}]


def _display(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _result(f, fingerprint: str, rule_index: int, cwd: Path) -> dict:
    result = {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": LEVELS[str(f.severity)],
        "message": {"text": f.message},
        "locations": [_location(f.path, _region(f))],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    fixes = _fixes(f, cwd)
    if fixes:
        result["fixes"] = fixes
    props = {k: v for k, v in (("bundle", f.bundle), ("source", f.source)) if v}
    if props:
        result["properties"] = props
    return result


def document(result) -> dict:
    findings = result.findings
    cwd = Path(result.settings.cwd)
    samples = {}
    for f in findings:
        if f.code not in samples:
            samples[f.code] = f
    order = sorted(samples)
    index = {code: i for i, code in enumerate(order)}
    driver: dict = {
        "name": TOOL_NAME,
        "version": version(),
        "semanticVersion": version(),
    }
    if links.home():
        driver["informationUri"] = links.home()
    if order:
        driver["rules"] = [_descriptor(code, samples[code]) for code in order]
    run = {
        "tool": {"driver": driver},
        "invocations": [{"executionSuccessful": True}],
        "originalUriBaseIds": {"%SRCROOT%": {"uri": cwd.resolve().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [
            _result(f, fp, index[f.code], cwd) for f, fp in zip(findings, fingerprints(findings))
        ],
        "properties": {"asOf": result.as_of.isoformat()},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def report(result, out, color: bool = False) -> None:
    jsontext.dump(document(result), out)
    out.write("\n")
