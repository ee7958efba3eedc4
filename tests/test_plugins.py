"""Third-party rules through the ``listing_lint.rules`` entry points, built and installed for real."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from builder import BundleBuilder

PLUGIN_RULES = {
    "acme_rules/__init__.py": '"""ACME house rules for listing-lint."""\n',
    "acme_rules/ACM001_brand_in_title.py": '''
        """ACM001 brand-in-title — every title names the ACME brand.

        What it checks: each locale's title contains "ACME".
        Why: house style.
        Fails:
            "title": {"en": "Solar light"}
        Passes:
            "title": {"en": "ACME solar light"}
        """
        from listing_lint.api import Severity
        from listing_lint.bundle.positions import pointer

        CODE, NAME, SEVERITY = "ACM001", "brand-in-title", Severity.WARNING


        def check(bundle, ctx):
            for locale, title in bundle.dict_at("/title").items():
                if isinstance(title, str) and "ACME" not in title:
                    yield ctx.finding(pointer("title", locale), f"{locale} title does not name ACME")
    ''',
    "acme_rules/ACM002_always_raises.py": '''
        """ACM002 always-raises — a buggy rule.

        What it checks: nothing; it raises.
        Why: to show that one broken rule does not stop the others.
        Fails:
            any bundle
        Passes:
            none
        """
        from listing_lint.api import Severity

        CODE, NAME, SEVERITY = "ACM002", "always-raises", Severity.ERROR


        def check(bundle, ctx):
            yield from ()
            raise KeyError("brand")
    ''',
    "acme_rules/ACM003_gadget_in_title.py": '''
        """ACM003 gadget-in-title — a title calls the product a gadget.

        What it checks: no title contains the word "gadget".
        Why: house style.
        Fails:
            listing.json /title/en = "Smart plug gadget with energy monitor"
        Passes:
            listing.json /title/en = "Smart plug with energy monitor"
        """
        from listing_lint.api import Severity
        from listing_lint.bundle.positions import pointer

        CODE, NAME, SEVERITY = "ACM003", "gadget-in-title", Severity.WARNING
        EXAMPLES_RUN = True  # tests/test_rule_examples.py runs the examples above


        def check(bundle, ctx):
            for locale, title in bundle.dict_at("/title").items():
                if isinstance(title, str) and "gadget" in title.lower():
                    yield ctx.finding(pointer("title", locale), f"{locale} title calls the product a gadget")
    ''',
}

PYPROJECT = """
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "acme-listing-rules"
version = "1.0"

[project.entry-points."listing_lint.rules"]
acme = "acme_rules"

[tool.hatch.build.targets.wheel]
packages = ["acme_rules"]
"""


@pytest.fixture(scope="module")
def plugin_path(tmp_path_factory):
    src = tmp_path_factory.mktemp("plugin-src")
    (src / "pyproject.toml").write_text(PYPROJECT)
    for rel, code in PLUGIN_RULES.items():
        path = src / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(code).lstrip())
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--target", str(target), str(src)],
        check=True,
    )
    assert list(target.glob("acme_listing_rules-1.0.dist-info/entry_points.txt"))
    return target


def cli(args, cwd, plugin_path):
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(plugin_path), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "listing_lint", *args], cwd=cwd, env=env, capture_output=True, text=True)


def test_installed_plugin_rules_are_listed_explained_and_run(tmp_path, plugin_path):
    proc = cli(["rule"], tmp_path, plugin_path)
    assert "ACM001  brand-in-title" in proc.stdout
    proc = cli(["rule", "ACM001"], tmp_path, plugin_path)
    assert "Plugin: acme" in proc.stdout and "What it checks:" in proc.stdout

    b = BundleBuilder(tmp_path)
    b.data["title"] = {"en": "Solar path light", "es": "ACME luz solar"}
    b.write()
    proc = cli(["check", "--format", "json", "--select", "ACM001,SCH", "."], tmp_path, plugin_path)
    found = [(f["code"], f["path"], f["line"]) for f in json.loads(proc.stdout)["findings"]]
    assert found == [("ACM001", "listings/demo/listing.json", b.line_of('"Solar path light"'))]


def test_a_raising_rule_becomes_lnt003_and_the_rest_still_runs(tmp_path, plugin_path):
    BundleBuilder(tmp_path, "one").write()
    b = BundleBuilder(tmp_path, "two")
    b.data["media"].append({"kind": "image", "file": "media/missing.jpg", "role": "scene"})
    b.write()
    proc = cli(["check", "--format", "json", "--select", "ACM002,SCH003,LNT", "."], tmp_path, plugin_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    findings = json.loads(proc.stdout)["findings"]
    assert [(f["path"], f["code"]) for f in findings] == [
        ("listings/one/listing.json", "LNT003"),
        ("listings/two/listing.json", "LNT003"),
        ("listings/two/listing.json", "SCH003"),
    ]
    assert findings[0]["message"].startswith("rule ACM002 (always-raises) raised KeyError: 'brand'")


def test_without_the_plugin_its_codes_are_unknown(tmp_path):
    BundleBuilder(tmp_path).write()
    proc = subprocess.run([sys.executable, "-m", "listing_lint", "check", "--select", "ACM001", "."], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 2 and "unknown rule code or prefix 'ACM001'" in proc.stderr


def test_a_plugin_rule_opts_in_to_running_its_examples(plugin_path):
    """ACM003 sets EXAMPLES_RUN: the examples test runs its examples (with the rules taking part only:
    ACM001, which did not opt in and would fail the base bundle, is not run); ACM001's are not collected."""
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(plugin_path)}
    run = [sys.executable, "-m", "pytest", "tests/test_rule_examples.py", "-q", "-p", "no:cacheprovider"]
    # one pytest run (each costs seconds): every ACM test it collects, listed by name
    done = subprocess.run([*run, "-vv", "-k", "ACM"], cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:]
    ran = [line.split("::")[1].split()[0] for line in done.stdout.splitlines() if "::" in line and "PASSED" in line]
    assert len([name for name in ran if "does_what" in name]) == 2, ran
    assert all("ACM003" in name for name in ran), ran
    assert "ACM001" not in done.stdout
