"""Help links resolve for whoever reads them: the shipped docs, ``listing-lint rule CODE``, and web
links only from the installed distribution's ``[project.urls]``."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import listing_lint
from listing_lint import links, registry

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def test_project_urls_are_what_pyproject_declares():
    """Read from the installed (editable) distribution's metadata, not from a copy in the code."""
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"].get("urls", {})
    assert links.project_urls() == {k.lower(): v for k, v in declared.items()}


def test_metadata_entries_are_parsed_and_only_https_kept():
    entries = ["Documentation, https://docs.example.org/listing-lint/", "Homepage, https://example.org",
               "Tracker, javascript:alert(1)"]
    assert links.urls_from_metadata(entries) == {
        "documentation": "https://docs.example.org/listing-lint/", "homepage": "https://example.org"}


def test_rule_help_url_only_when_documentation_is_published():
    urls = {"documentation": "https://docs.example.org/listing-lint/"}
    assert links.rule_help_url("LOC003", "wrong-language-block", urls) == (
        "https://docs.example.org/listing-lint/rules-reference.md#loc003-wrong-language-block")
    assert links.rule_help_url("LOC003", "wrong-language-block", {"homepage": "https://example.org"}) is None
    assert links.home({"homepage": "https://example.org"}) == "https://example.org"
    assert links.home({}) is None


def test_the_anchor_is_the_generated_heading():
    reference = (ROOT / "docs" / "rules-reference.md").read_text(encoding="utf-8")
    for rule in registry.all_rules():
        if rule.plugin == "listing-lint":
            heading = f"## {rule.code} {rule.name}"
            assert heading in reference
            assert links.anchor(rule.code, rule.name) == re.sub(r"[^\w-]", "", heading[3:].lower().replace(" ", "-"))


def test_every_docs_source_a_rule_cites_is_shipped():
    cited = {r.source for r in registry.all_rules() if r.source}
    for source in cited:
        if source.startswith("docs/"):
            assert links.shipped_doc(source) is not None, source
        elif source.startswith("listing_lint/"):  # a data file of the installed package
            assert (Path(listing_lint.__file__).parent.parent / source).is_file(), source
        else:  # a URL or a citation of a publication, never a file of this repository users do not have
            assert not re.search(r"(^|\s)[\w./-]+\.(md|py|yaml)\b", source), source


def test_shipped_doc_is_only_a_docs_file():
    assert links.shipped_doc("docs/langid.md") == links.docs_dir() / "langid.md"
    assert links.shipped_doc("docs/no-such.md") is None
    assert links.shipped_doc("docs/../pyproject.toml") is None
    assert links.shipped_doc("https://example.org/docs/langid.md") is None


def test_rule_command_shows_the_installed_doc_and_the_generated_reference_keeps_the_name():
    done = subprocess.run([sys.executable, "-m", "listing_lint", "rule", "LOC003"], capture_output=True, text=True, check=True)
    [line] = [x for x in done.stdout.splitlines() if x.startswith("Source: ")]
    path = Path(re.fullmatch(r"Source: docs/langid\.md \((.+)\)", line).group(1))
    assert path.is_file() and path.name == "langid.md"
    reference = (ROOT / "docs" / "rules-reference.md").read_text(encoding="utf-8")
    assert "Source: docs/langid.md\n" in reference
