"""Configuration: discovery, validation with suggestions, per-path ignores, thresholds."""

import subprocess
import sys

import pytest
from builder import BundleBuilder, lint

from listing_lint.config import ConfigError, load_config


def run_cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "listing_lint", *args], cwd=cwd, capture_output=True, text=True)


def test_pyproject_section_is_found_by_walking_up(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.listing-lint]\nignore = ["SCH007"]\n')
    (tmp_path / "listings" / "a").mkdir(parents=True)
    config = load_config(tmp_path / "listings" / "a")
    assert config.get("ignore") == ["SCH007"] and config.path == tmp_path / "pyproject.toml"


def test_listing_lint_toml_wins_in_its_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.listing-lint]\nignore = ["SCH007"]\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "listing-lint.toml").write_text('ignore = ["SCH003"]\n')
    assert load_config(tmp_path / "sub").get("ignore") == ["SCH003"]


def test_unknown_key_names_the_closest_valid_key(tmp_path):
    (tmp_path / "listing-lint.toml").write_text('ignroe = ["SCH007"]\n')
    with pytest.raises(ConfigError, match="unknown key 'ignroe'; did you mean 'ignore'"):
        load_config(tmp_path)


def test_wrong_type_and_bad_toml_are_usage_errors(tmp_path):
    BundleBuilder(tmp_path).write()
    (tmp_path / "listing-lint.toml").write_text('select = 3\n')
    proc = run_cli("check", ".", cwd=tmp_path)
    assert proc.returncode == 2 and "select must be a list of strings" in proc.stderr
    (tmp_path / "listing-lint.toml").write_text('select = [\n')
    proc = run_cli("check", ".", cwd=tmp_path)
    assert proc.returncode == 2 and "invalid TOML" in proc.stderr and "Traceback" not in proc.stderr


def test_unknown_threshold_is_a_usage_error(tmp_path):
    BundleBuilder(tmp_path).write()
    (tmp_path / "listing-lint.toml").write_text('[thresholds]\nmax-title-char = 100\n')
    proc = run_cli("check", ".", cwd=tmp_path)
    assert proc.returncode == 2 and "did you mean 'max-title-chars'" in proc.stderr


def test_explicit_config_option(tmp_path):
    BundleBuilder(tmp_path).write('{"id": ')
    (tmp_path / "strict.toml").write_text('ignore = ["SCH001"]\n')
    assert run_cli("check", ".", cwd=tmp_path).returncode == 1
    assert run_cli("check", "--config", "strict.toml", ".", cwd=tmp_path).returncode == 0
    proc = run_cli("check", "--config", "nope.toml", ".", cwd=tmp_path)
    assert proc.returncode == 2 and "does not exist" in proc.stderr


def test_per_path_ignores_with_globs(tmp_path):
    for name in ("legacy-lamp", "new-lamp"):
        b = BundleBuilder(tmp_path, name)
        b.data["media"].append({"kind": "image", "file": "media/missing.jpg", "role": "scene"})
        b.write()
    assert [p for p, _, _ in lint(tmp_path, select="SCH003", per_path_ignores={"listings/legacy-*/**": ["SCH"]})] == [
        "listings/new-lamp/listing.json"
    ]
    assert len(lint(tmp_path, select="SCH003", per_path_ignores={"**/legacy-lamp/listing.json": ["SCH003"]})) == 1


def test_threshold_override_keeps_source_and_marks_it(tmp_path):
    from listing_lint.thresholds import thresholds_for

    table = thresholds_for("aliexpress", {"max-title-chars": 100})
    assert table["max-title-chars"].value == 100 and table["max-title-chars"].overridden
    assert not table["max-title-chars"].confirmed
    assert table["max-title-chars-other"].confirmed and "AliExpress" in table["max-title-chars-other"].source


# -- issue 14: values in range, broken pyproject.toml, unknown codes and detectors -------------------
@pytest.mark.parametrize("line, says", [
    ("rule-timeout = 1e11", "rule-timeout must be a whole number from 1 to 3,600 seconds"),
    ("rule-timeout = 100000000000", "rule-timeout must be a whole number from 1 to 3,600 seconds"),
    ("rule-timeout = 0", "rule-timeout must be a whole number from 1 to 3,600 seconds"),
    ("max-text-bytes = 1e20", "max-text-bytes must be a whole number from 1 to 1,073,741,824 bytes"),
    ("max-text-bytes = 9000000000000000000", "max-text-bytes must be a whole number from 1 to 1,073,741,824 bytes"),
    ("jobs = 100000", "jobs must be a whole number from 0 to 512"),
    ("thresholds = {min-image-px = inf}", "thresholds must be finite numbers, not negative ('min-image-px' is inf)"),
    ("thresholds = {min-image-px = nan}", "thresholds must be finite numbers, not negative ('min-image-px' is nan)"),
    ("thresholds = {min-image-px = -1}", "thresholds must be finite numbers, not negative"),
    ("thresholds = {min-image-px = 0}", "threshold min-image-px = 0: must be above 0"),
    ("thresholds = {ab-alpha = 1}", "threshold ab-alpha = 1: must be a fraction below 1"),
    ("thresholds = {min-ctr = 1.5}", "threshold min-ctr = 1.5: must be a fraction from 0 to 1"),
    ('language-detector = "fasttext"', "language-detector must be one of langdetect, lingua"),
    ('per-path-ignores = {"listings/old/**" = ["LOC999"]}', "unknown rule code or prefix 'LOC999' in per-path-ignores"),
])
def test_out_of_range_values_are_usage_errors(tmp_path, line, says):
    BundleBuilder(tmp_path).write()
    (tmp_path / "listing-lint.toml").write_text(line + "\n")
    proc = run_cli("check", ".", cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert says in proc.stderr


@pytest.mark.parametrize("line", [
    "rule-timeout = 3600", "max-text-bytes = 2000", "jobs = 0", "thresholds = {max-serious-violations = 0}",
    "thresholds = {min-ctr = 1}", "thresholds = {ab-alpha = 0.01}", 'language-detector = "langdetect"',
    'per-path-ignores = {"listings/old/**" = ["LOC", "wrong-language-block"]}',
])
def test_values_in_range_are_accepted(tmp_path, line):
    BundleBuilder(tmp_path).write()
    (tmp_path / "listing-lint.toml").write_text(line + "\n")
    proc = run_cli("check", ".", "--select", "SCH", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr


def test_a_broken_pyproject_toml_is_a_usage_error_with_its_line(tmp_path):
    BundleBuilder(tmp_path).write()
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.listing-lint]\nignore = = ["SCH007"]\nselect = ["SCH"]\n')
    proc = run_cli("check", ".", cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout
    assert "pyproject.toml: invalid TOML:" in proc.stderr and "line 5" in proc.stderr


def test_a_broken_pyproject_toml_of_another_tool_is_not_ours(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x\n')
    (tmp_path / "listing-lint.toml").write_text('ignore = ["SCH007"]\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[tool.black]\nline-length = \n')
    assert load_config(tmp_path / "sub").get("ignore") == ["SCH007"]


@pytest.mark.parametrize("name", ["listing-lint.toml", "pyproject.toml"])
@pytest.mark.parametrize("kind", ["fifo", "dangling-link", "folder"])
def test_a_config_file_that_is_no_regular_file_is_an_error_not_skipped(tmp_path, name, kind):
    """A listing-lint.toml that was a FIFO, a link to nothing or a folder was skipped silently: the
    run went on with a parent folder's config (here one ignoring SCH007) or the defaults. It is a
    usage error naming it, as a pyproject.toml too large to read is; nothing is opened or waited on."""
    import os

    (tmp_path / "listing-lint.toml").write_text('ignore = ["SCH007"]\n')
    shop = tmp_path / "shop"
    shop.mkdir()
    config = shop / name
    if kind == "fifo":
        os.mkfifo(config)
    elif kind == "dangling-link":
        config.symlink_to(shop / "gone.toml")
    else:
        config.mkdir()
    with pytest.raises(ConfigError, match=f"config .*{name} is not a regular file"):
        load_config(shop)
    with pytest.raises(ConfigError, match="is not a regular file"):
        load_config(shop, explicit=config)


def test_near_miss_a_config_linked_to_a_regular_file_is_read(tmp_path):
    (tmp_path / "real.toml").write_text('ignore = ["SCH007"]\n')
    shop = tmp_path / "shop"
    shop.mkdir()
    (shop / "listing-lint.toml").symlink_to(tmp_path / "real.toml")
    assert load_config(shop).get("ignore") == ["SCH007"]


def test_the_files_a_config_names_are_listed_for_the_editor_to_watch(tmp_path):
    """The language server watches the files a config names (session 14): listed as written,
    relative to the config's folder, also when missing; a list of words names no file (near miss),
    and a config that cannot be read names none."""
    from listing_lint.config import files_named_in

    config = tmp_path / "listing-lint.toml"
    config.write_text('standards-overlay = "conf/extra.yaml"\nkeep-terms = "terms.txt"\n'
                      'wordlists = {es = "words/es.txt", fr = ["soldes"]}\n', encoding="utf-8")
    assert sorted(files_named_in(config)) == [tmp_path / "conf/extra.yaml", tmp_path / "terms.txt", tmp_path / "words/es.txt"]
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.listing-lint]\nkeep-terms = ["Alexa"]\nwordlists = {en = "../up/en.txt"}\n', encoding="utf-8")
    assert files_named_in(pyproject) == [tmp_path.parent / "up/en.txt"]
    pyproject.write_text('tool = 1\n', encoding="utf-8")
    assert files_named_in(pyproject) == []
    config.write_text('wordlists = {es = "words/es.txt"\n', encoding="utf-8")  # broken TOML
    assert files_named_in(config) == []
    assert files_named_in(tmp_path / "missing.toml") == []
