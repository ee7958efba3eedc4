"""The rule catalogue is the single source: docs, `rule` output and the README table come from it."""

import re
from pathlib import Path

import pytest

from listing_lint import registry
from listing_lint.api import DOC_SECTIONS
from listing_lint.docs import markdown_table, rule_help

ROOT = Path(__file__).resolve().parents[1]
RULES = registry.all_rules()


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_documents_itself(rule):
    first = rule.doc.splitlines()[0]
    assert first.startswith(f"{rule.code} {rule.name} — "), first
    for section in DOC_SECTIONS:
        assert section in rule.doc, f"{rule.code} lacks '{section}'"
    sections = rule.doc_sections()
    assert all(sections.get(s[:-1]) for s in DOC_SECTIONS), sections
    assert rule.module.split(".")[-1].startswith(f"{rule.code}_"), rule.module
    help_text = rule_help(rule)
    assert help_text.startswith(f"{rule.code} {rule.name} ({rule.severity})")


def test_codes_follow_the_catalogue_families():
    families = {"SCH", "MED", "LOC", "CMP", "BRD", "PRM", "ABT", "LNT"}
    assert {r.family for r in RULES} <= families


def test_every_code_in_the_spec_catalogue_that_exists_is_listed():
    spec = ROOT / "docs" / "rules.md"
    codes = set(re.findall(r"^\| ([A-Z]{3}\d{3}) \|", spec.read_text(encoding="utf-8"), re.M))
    listed = {r.code for r in RULES}
    assert listed, "no rules registered"
    # the catalogue documents every rule that exists, and nothing that does not
    assert listed <= codes | {"CMP013"}, sorted(listed - codes)


def test_readme_rule_table_is_generated_from_the_rules():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    begin, end = "<!-- rules:begin -->", "<!-- rules:end -->"
    assert begin in readme and end in readme
    table = readme.split(begin, 1)[1].split(end, 1)[0].strip()
    assert table == markdown_table(), "README rule table is stale: run `python scripts/gen_docs.py`"


def test_generated_docs_are_current():
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_docs.py"), "--check"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout
