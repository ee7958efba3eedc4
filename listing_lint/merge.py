"""``listing-lint merge``: combine the JSON or SARIF reports of ``--shard K/N`` runs into one.

The shards partition the bundles and store-level rules ran in shard 1 only (see ``shard.py``),
so merging is a union: findings (SARIF results) are put back in the order one unsharded run
writes them (path, line, column, code, message), counts are summed or recounted, and the rule
table of a SARIF run is the union of the shards' tables with ``ruleIndex`` renumbered. The merged
report of all N shards equals the report of one run over the whole repo.

Reports that cannot belong together (different formats, tool versions, as-of dates, shard counts,
a shard given twice) are refused with a message that says which.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from listing_lint import jsonshape, jsonstrict
from listing_lint.jsonshape import Checked, Required
from listing_lint.reporters import jsontext

SEVERITY_KEYS = {"error": "errors", "warning": "warnings", "info": "infos"}
SARIF_LEVELS = {"error": "error", "warning": "warning", "note": "info", "none": "info"}


class MergeError(Exception):
    """Reports that cannot be merged: exit code 2."""


def load(path: Path) -> dict:
    """The report at ``path``, refused (MergeError naming the file) unless it is JSON whose values
    have the types a listing-lint report gives them wherever the merge reads them."""
    try:
        doc = jsonstrict.loads(jsonstrict.read_input(Path(path)), object_pairs_hook=jsonstrict.unique_keys)
    except jsonstrict.NotAFile as exc:
        raise MergeError(f"{path} {exc}") from None
    except OSError as exc:
        raise MergeError(f"cannot read {path}: {exc.strerror}") from None
    except ValueError as exc:
        raise MergeError(f"{path} is not a JSON or SARIF report: {exc}") from None
    except RecursionError:
        raise MergeError(f"{path} is not a JSON or SARIF report: values nested too deeply") from None
    if not isinstance(doc, dict):
        raise MergeError(f"{path} is not a JSON or SARIF report")
    try:
        kind = kind_of(doc)
    except MergeError as exc:
        raise MergeError(f"{path} is {exc}") from None
    try:
        jsonshape.check(doc, JSON_SHAPE if kind == "json" else SARIF_SHAPE)
    except jsonshape.ShapeError as exc:
        raise MergeError(f"{path} is not a listing-lint {kind.upper()} report: {exc}") from None
    return doc


# What the merge reads of a report, and what a listing-lint report holds there (``jsonshape``).
SHARD_SHAPE = Checked({"index": Required(int), "count": Required(int)},
                      lambda s: 1 <= s["index"] <= s["count"], "no shard K/N with 1 <= K <= N")
JSON_SHAPE = {
    "summary": dict,
    "findings": [{"path": str, "line": int, "column": int, "code": str, "message": str,
                  "severity": tuple(SEVERITY_KEYS), "bundle": str}],
    "shard": SHARD_SHAPE,
}
SARIF_SHAPE = {
    "version": str,
    "runs": [{
        "tool": {"driver": {"rules": [{"id": Required(str)}]}},
        "properties": {"asOf": str, "shard": SHARD_SHAPE},
        "invocations": [{"executionSuccessful": bool}],
        "results": [{
            "ruleId": str, "ruleIndex": int, "level": tuple(SARIF_LEVELS), "message": {"text": str},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": str, "uriBaseId": str},
                                                "region": {"startLine": int, "startColumn": int}}}],
        }],
    }],
}


def kind_of(doc: dict) -> str:
    if isinstance(doc.get("runs"), list) and str(doc.get("version", "")).startswith("2."):
        return "sarif"
    if isinstance(doc.get("findings"), list) and isinstance(doc.get("summary"), dict):
        return "json"
    raise MergeError("not a listing-lint JSON or SARIF report")


def _same(docs: list[dict], what: str, get) -> Any:
    values = [get(d) for d in docs]
    if any(v != values[0] for v in values):
        raise MergeError(f"the reports differ in {what} ({', '.join(sorted({str(v) for v in values}))}); "
                         "merge reports of one sharded run only")
    return values[0]


def _check_shards(shards: list[Any]) -> None:
    """When the reports say which shard they are, all N must be there, each once."""
    given = [s for s in shards if isinstance(s, dict)]
    if not given:
        return
    if len(given) != len(shards):
        raise MergeError("some reports come from a --shard run and some do not")
    counts = {s.get("count") for s in given}
    if len(counts) != 1:
        raise MergeError(f"the reports come from runs with different shard counts: {sorted(map(str, counts))}")
    count = counts.pop()
    seen = sorted(s.get("index") for s in given)
    duplicated = sorted({i for i in seen if seen.count(i) > 1})
    if duplicated:
        raise MergeError(f"shard {duplicated[0]}/{count} is given twice")
    missing = next((i for i in range(1, count + 1) if i not in seen), None)  # at most len(seen) + 1 steps
    if missing is not None:
        raise MergeError(f"shard {missing}/{count} is missing: merge the reports of all {count} shards")


# -- JSON ------------------------------------------------------------------------------------------
def json_sort_key(f: dict) -> tuple:
    return (f.get("path") or "", f.get("line") or 0, f.get("column") or 0, f.get("code") or "", f.get("message") or "")


def merge_json(docs: list[dict]) -> dict:
    _same(docs, "format version", lambda d: d.get("version"))
    _same(docs, "as-of date", lambda d: d.get("as_of"))
    _check_shards([d.get("shard") for d in docs])
    findings = sorted((f for d in docs for f in d["findings"]), key=json_sort_key)
    summary: dict[str, Any] = {}
    for key, value in docs[0]["summary"].items():
        values = [d["summary"].get(key) for d in docs]
        summary[key] = sum(values) if all(isinstance(v, int) and not isinstance(v, bool) for v in values) else value
    for severity, key in SEVERITY_KEYS.items():
        if key in summary:
            summary[key] = sum(1 for f in findings if f.get("severity") == severity)
    if "bundles_with_findings" in summary:
        summary["bundles_with_findings"] = len({f["bundle"] for f in findings if f.get("bundle")})
    merged = {k: v for k, v in docs[0].items() if k != "shard"}
    merged["summary"] = summary
    merged["findings"] = findings
    return merged


# -- SARIF -----------------------------------------------------------------------------------------
def _sarif_path(result: dict) -> str:
    try:
        artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
    except (KeyError, IndexError, TypeError):
        return ""
    uri = artifact.get("uri", "")
    return unquote(urlparse(uri).path) if "uriBaseId" not in artifact and uri.startswith("file:") else unquote(uri)


def sarif_sort_key(result: dict) -> tuple:
    try:
        region = result["locations"][0]["physicalLocation"].get("region", {})
    except (KeyError, IndexError, TypeError, AttributeError):
        region = {}
    message = result.get("message", {}).get("text", "")
    return (_sarif_path(result), region.get("startLine") or 0, region.get("startColumn") or 0, result.get("ruleId", ""), message)


def merge_sarif(docs: list[dict]) -> dict:
    _same(docs, "SARIF version", lambda d: d.get("version"))
    for d in docs:
        if len(d["runs"]) != 1:
            raise MergeError("a SARIF report from listing-lint has exactly one run")
    runs = [d["runs"][0] for d in docs]
    _same(runs, "tool version", lambda r: r.get("tool", {}).get("driver", {}).get("version"))
    _same(runs, "as-of date", lambda r: r.get("properties", {}).get("asOf"))
    _check_shards([r.get("properties", {}).get("shard") for r in runs])
    rules: dict[str, dict] = {}
    for run in runs:
        for rule in run.get("tool", {}).get("driver", {}).get("rules", []):
            rules.setdefault(rule["id"], rule)
    order = sorted(rules)
    index = {code: i for i, code in enumerate(order)}
    results = sorted((r for run in runs for r in run.get("results", [])), key=sarif_sort_key)
    for result in results:
        if "ruleIndex" in result and result.get("ruleId") in index:
            result["ruleIndex"] = index[result["ruleId"]]
    merged = json.loads(json.dumps(runs[0]))
    driver = merged.setdefault("tool", {}).setdefault("driver", {})
    driver.pop("rules", None)
    if order:
        driver["rules"] = [rules[code] for code in order]
    merged["results"] = results
    if "invocations" in merged:
        ok = all(inv.get("executionSuccessful", True) for run in runs for inv in run.get("invocations", []))
        merged["invocations"] = [{**merged["invocations"][0], "executionSuccessful": ok}]
    merged.get("properties", {}).pop("shard", None)
    return {**{k: v for k, v in docs[0].items() if k != "runs"}, "runs": [merged]}


# -- both ------------------------------------------------------------------------------------------
def merge(docs: list[dict]) -> tuple[str, dict]:
    """(kind, merged document) of reports all of one kind."""
    if not docs:
        raise MergeError("no reports to merge")
    kinds = {kind_of(d) for d in docs}
    if len(kinds) != 1:
        raise MergeError("the reports mix JSON and SARIF; merge reports of one format")
    kind = kinds.pop()
    return kind, (merge_json(docs) if kind == "json" else merge_sarif(docs))


def severities(kind: str, doc: dict) -> list[str]:
    """The severity of every finding in a merged document (for ``--fail-on``)."""
    if kind == "json":
        return [f.get("severity", "info") for f in doc["findings"]]
    return [SARIF_LEVELS.get(r.get("level", "warning"), "warning") for r in doc["runs"][0].get("results", [])]


def dump(doc: dict, out) -> None:
    """Written exactly as the reporters write (two-space indent, UTF-8, final newline)."""
    jsontext.dump(doc, out)
    out.write("\n")
