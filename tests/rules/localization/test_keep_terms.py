"""The project glossary (``keep-terms``): terms kept untranslated are not a language signal."""

import pytest
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "integrations"))
from builder import lint, run_lint

from loc_pages import ES, RU, full
from listing_lint.config import ConfigError, load_config

PRODUCT_LINE = "<p>Dark Crow Collection</p>"


def _es_with(bundle, *paragraphs):
    body = "\n".join(paragraphs)
    full(bundle, es=ES.replace("<p>Precio: 39,90 US$</p>", body))
    bundle.write()


def test_an_english_product_line_name_is_english_without_the_glossary(bundle, tmp_path):
    _es_with(bundle, PRODUCT_LINE)
    assert lint(tmp_path, select="LOC003") == [("listings/demo/detail/es.html", 7, "LOC003")]


def test_a_glossary_term_is_not_judged(bundle, tmp_path):
    _es_with(bundle, PRODUCT_LINE)
    assert lint(tmp_path, select="LOC", keep_terms=["Dark Crow Collection"]) == []


def test_english_around_a_glossary_term_is_still_found(bundle, tmp_path):
    _es_with(bundle, "<p>The Dark Crow Collection is made for long winter walks in the city.</p>")
    assert lint(tmp_path, select="LOC003", keep_terms=["Dark Crow Collection"]) == [("listings/demo/detail/es.html", 7, "LOC003")]


def test_glossary_terms_in_a_russian_title_and_brand_name_keep_working(bundle, tmp_path):
    full(bundle, ru=RU)
    bundle.data["brand"] = {"name": "Vixxsin"}
    bundle.data["title"]["ru"] = "Умная розетка X1 \"Dark Crow Collection\" черная от Vixxsin"
    bundle.write()
    assert lint(tmp_path, select="LOC", keep_terms=["Dark Crow Collection"]) == []


def test_a_listed_word_that_is_a_glossary_term_is_not_reported(bundle, tmp_path):
    full(bundle)
    bundle.data["title"]["en"] = "Smart Plug X1 Wi-Fi Nova Prime Edition"
    bundle.write()
    found = lint(tmp_path, select="LOC014", wordlists={"en": ["Nova Prime", "Wi-Fi Plus"]})
    assert found == [("listings/demo/listing.json", bundle.line_of('"en": "Smart'), "LOC014")]
    assert lint(tmp_path, select="LOC014", wordlists={"en": ["Nova Prime"]}, keep_terms=["Nova Prime"]) == []


# -- the config: a list, or a file inside the project ---------------------------------------
def test_keep_terms_from_a_file_inside_the_project(tmp_path):
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "keep.txt").write_text("# product lines\nDark Crow Collection\n\nArctic Touchscreen\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.listing-lint]\nkeep-terms = "styles/keep.txt"\n', encoding="utf-8")
    assert load_config(tmp_path).get("keep-terms") == ["Dark Crow Collection", "Arctic Touchscreen"]


def test_a_glossary_file_changes_the_verdict_through_the_cli(bundle, tmp_path):
    from integration_repos import cli

    _es_with(bundle, PRODUCT_LINE)
    (tmp_path / "keep.txt").write_text("Dark Crow Collection\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.listing-lint]\nselect = ["LOC003"]\nkeep-terms = "keep.txt"\n', encoding="utf-8")
    done = cli(["check", "--as-of", "2026-11-25", "."], tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("Found 0 errors"), done.stdout + done.stderr
    (tmp_path / "keep.txt").write_text("# emptied\n", encoding="utf-8")
    done = cli(["check", "--as-of", "2026-11-25", "."], tmp_path)  # the cache must notice the file changed
    assert "listings/demo/detail/es.html:7:1: LOC003" in done.stdout


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda root: None, "keep-terms: 'keep.txt' does not exist"),
        (lambda root: (root.parent / "outside.txt").write_text("x\n"), "is outside the project folder"),
        (lambda root: (root / "keep.txt").mkdir(), "is not a regular file"),
        (lambda root: (root / "keep.txt").write_bytes(b"x" * (1024 * 1024 + 1)), "over the 1,048,576-byte limit"),
        (lambda root: (root / "keep.txt").write_bytes(b"\xff\xfe bad"), "is not UTF-8"),
        (lambda root: (root / "keep.txt").write_text("x" * 201 + "\n"), "longer than 200 characters"),
    ],
)
def test_a_bad_glossary_file_is_a_usage_error(tmp_path, setup, message):
    root = tmp_path / "project"
    root.mkdir()
    setup(root)
    name = "../outside.txt" if "outside" in message else "keep.txt"
    (root / "listing-lint.toml").write_text(f'keep-terms = "{name}"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(root)


def test_a_symlink_out_of_the_project_is_refused(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    (tmp_path / "secret.txt").write_text("term\n", encoding="utf-8")
    (root / "keep.txt").symlink_to(tmp_path / "secret.txt")
    (root / "listing-lint.toml").write_text('keep-terms = "keep.txt"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="outside the project folder"):
        load_config(root)


def test_a_wrong_type_is_a_usage_error_through_the_cli(tmp_path):
    from integration_repos import cli

    (tmp_path / "listing-lint.toml").write_text("keep-terms = 3\n", encoding="utf-8")
    done = cli(["check", "."], tmp_path)
    assert done.returncode == 2 and "keep-terms must be a list of terms or the name of a file of terms" in done.stderr


def test_run_lint_helper_accepts_terms(bundle, tmp_path):
    # the builder passes config values straight through: a list is used as given
    _es_with(bundle, PRODUCT_LINE)
    assert run_lint(tmp_path, select="LOC003", keep_terms=["dark crow collection"]).findings == []
