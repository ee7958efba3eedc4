"""SARIF output validates against the OASIS SARIF 2.1.0 schema and avoids the known pitfalls.

``tests/data/sarif-schema-2.1.0.json`` is the official schema, byte for byte: OASIS
``sarif-spec`` repository, ``Schemata/sarif-schema-2.1.0.json`` (errata01,
commit 0a8091f7d4057e57b6d8d9b56129e5f918747b34).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest
from builder import AS_OF, run_lint
from integration_repos import CLEAN_FOR, REPO_ROOT, make_messy_repo

from listing_lint.reporters import sarif

SCHEMA = json.loads((REPO_ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
FIXTURES = REPO_ROOT / "fixtures"


def validate(doc: dict) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def render(result) -> dict:
    out = io.StringIO()
    sarif.report(result, out)
    return json.loads(out.getvalue())


def test_schema_file_is_the_official_one():
    assert SCHEMA["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    assert len((REPO_ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")) == 112768


def test_sarif_of_the_fixtures_validates():
    assert (FIXTURES / "listings").is_dir(), "the example listing repo is missing"
    result = run_lint(FIXTURES, as_of=AS_OF)
    doc = render(result)
    validate(doc)
    results = doc["runs"][0]["results"]
    assert len(results) == len(result.findings) > 0


@pytest.fixture
def messy_sarif(tmp_path):
    repo = make_messy_repo(tmp_path / "shop")
    return render(run_lint(repo, select=CLEAN_FOR))


def test_sarif_of_a_repo_with_every_kind_of_location_validates(messy_sarif):
    validate(messy_sarif)


def test_a_rule_table_with_real_metadata(messy_sarif):
    run = messy_sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["LOC001", "LOC002", "SCH003", "SCH007"]
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        # pyproject.toml names no web docs: no helpUri that would lead nowhere; the help travels in the file
        assert "helpUri" not in rule
        assert "Fails" in rule["help"]["text"] and "Passes" in rule["help"]["text"]
        assert rule["help"]["markdown"].endswith(f"`listing-lint rule {rule['id']}`.")
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert "informationUri" not in run["tool"]["driver"]


def test_uris_are_relative_to_srcroot_and_no_region_has_line_zero(messy_sarif):
    run = messy_sarif["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        artifact = location["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        assert not artifact["uri"].startswith(("/", "file:")), artifact["uri"]
        if "region" in location:
            assert location["region"]["startLine"] >= 1
    image = next(r for r in run["results"] if r["ruleId"] == "SCH007")
    assert image["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "listings/solar-light-s3/media/unused.png", "uriBaseId": "%SRCROOT%"}
    }


def test_no_empty_arrays_but_results_when_nothing_is_found(tmp_path):
    from integration_repos import make_clean_repo

    doc = render(run_lint(make_clean_repo(tmp_path / "shop"), select=CLEAN_FOR))
    validate(doc)
    run = doc["runs"][0]
    assert run["results"] == []
    assert "rules" not in run["tool"]["driver"]

    def arrays(node, path=""):
        if isinstance(node, list):
            yield path, node
            for i, item in enumerate(node):
                yield from arrays(item, f"{path}/{i}")
        elif isinstance(node, dict):
            for key, value in node.items():
                yield from arrays(value, f"{path}/{key}")

    assert [p for p, a in arrays(doc) if not a] == ["/runs/0/results"]


def test_fixes_are_carried_as_sarif_replacements(tmp_path):
    from integration_repos import localized_bundle, page_html

    repo = tmp_path / "shop"
    b = localized_bundle(repo, "solar-light-s3")
    b.page("es", page_html("es").replace('<html lang="es">', '<html lang="en">'))
    b.write()
    doc = render(run_lint(repo, select="LOC004"))
    validate(doc)
    (result,) = doc["runs"][0]["results"]
    change = result["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"] == {"uri": "listings/solar-light-s3/detail/es.html", "uriBaseId": "%SRCROOT%"}
    (replacement,) = change["replacements"]
    text = Path(repo / "listings/solar-light-s3/detail/es.html").read_text(encoding="utf-8")
    offset, length = replacement["deletedRegion"]["charOffset"], replacement["deletedRegion"]["charLength"]
    assert text[offset : offset + length] == "en" and replacement["insertedContent"]["text"] == "es"
