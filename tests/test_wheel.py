"""The built wheel carries the schemas, data files and user docs, and lints fixtures/ from a fresh venv."""

import json
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(out), str(ROOT)],
        check=True,
    )
    [whl] = out.glob("listing_lint-*.whl")
    return whl


def test_wheel_contains_schemas_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "listing_lint/schemas/listing.schema.json" in names
    assert "listing_lint/schemas/store.schema.json" in names
    assert "listing_lint/data/marketplaces/aliexpress.yaml" in names
    # what help links point at: the rule reference and every docs/ file a rule cites
    assert "listing_lint/data/docs/rules-reference.md" in names
    assert "listing_lint/data/init/pre-commit-config-local.yaml" in names
    from listing_lint import registry

    for rule in registry.all_rules():
        if rule.source and rule.source.startswith("docs/"):
            assert "listing_lint/data/docs/" + rule.source[len("docs/"):] in names, rule.source
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[listing_lint.rules]" in text and "listing-lint = listing_lint.cli:entry" in text


def test_fresh_venv_with_the_wheel_lints_fixtures(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    purelib = Path(sysconfig.get_path("purelib", vars={"base": str(env_dir), "platbase": str(env_dir)}))
    # Install only our wheel (no network); reuse this environment's third-party packages
    # through a .pth file, which does not activate this checkout's editable install.
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(purelib), str(wheel)], check=True
    )
    here = [p for p in sys.path if p.endswith("site-packages")]
    (purelib / "thirdparty.pth").write_text("\n".join(here) + "\n")
    python = env_dir / "bin" / "python"
    where = subprocess.run(
        [python, "-c", "import listing_lint; print(listing_lint.__file__)"], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert where.stdout.startswith(str(purelib)), where.stdout  # the wheel, not the source tree

    proc = subprocess.run(
        [python, "-c", "import sys, listing_lint.cli as c; print(c.__file__, file=sys.stderr); sys.argv[0] = 'listing-lint'; c.entry()",
         "check", "--format", "json", "--as-of", "2026-11-25", "."],
        cwd=ROOT / "fixtures", capture_output=True, text=True,
    )
    assert proc.stderr.startswith(str(purelib)), proc.stderr  # linted by the wheel's code
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    assert report["summary"]["bundles"] >= 3
    assert not [f for f in report["findings"] if f["code"] in ("LNT003", "SCH001", "SCH002")]

    # help resolves in the installed copy: the cited doc is the wheel's own file
    shown = subprocess.run([python, "-m", "listing_lint", "rule", "LOC002"], cwd=tmp_path, capture_output=True, text=True, check=True)
    [source] = [line for line in shown.stdout.splitlines() if line.startswith("Source: docs/langid.md (")]
    doc = Path(source.split("(", 1)[1].rstrip(")"))
    assert doc == purelib / "listing_lint" / "data" / "docs" / "langid.md" and doc.is_file()
