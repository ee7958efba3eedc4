"""Reporters by name. The keys feed the CLI's ``--format`` choice; modules load only when used.

A reporter is ``report(result: RunResult, out: TextIO, color: bool) -> None``.
"""

from __future__ import annotations

import importlib

REPORTERS: dict[str, str] = {
    "text": "listing_lint.reporters.text",
    "json": "listing_lint.reporters.json",
    "sarif": "listing_lint.reporters.sarif",
    "github": "listing_lint.reporters.github",
    "gitlab": "listing_lint.reporters.gitlab",
    "junit": "listing_lint.reporters.junit",
    "html": "listing_lint.reporters.html",
}


def get(name: str):
    return importlib.import_module(REPORTERS[name]).report
