"""``--format json``: one document, the shape documented in docs/cli.md (add keys, never rename)."""

from __future__ import annotations

from listing_lint.reporters import jsontext


def summary(result) -> dict:
    return {
        "errors": sum(1 for f in result.findings if str(f.severity) == "error"),
        "warnings": sum(1 for f in result.findings if str(f.severity) == "warning"),
        "infos": sum(1 for f in result.findings if str(f.severity) == "info"),
        "bundles": len(result.bundles),
        "bundles_with_findings": len({f.bundle for f in result.findings if f.bundle}),
        "files": result.files,
        "not_shown": (result.extra.get("not_shown") or {}).get("count", 0),  # over max-findings-per-rule
    }


def document(result) -> dict:
    doc = {
        "version": "1",
        "as_of": result.as_of.isoformat(),
        "summary": summary(result),
        "findings": [f.to_dict() for f in result.findings],
    }
    shard = result.extra.get("shard")
    if shard:  # --shard K/N: lets `listing-lint merge` check that every shard is there once
        doc["shard"] = {"index": shard[0], "count": shard[1]}
    return doc


def report(result, out, color: bool = False) -> None:
    jsontext.dump(document(result), out)
    out.write("\n")
