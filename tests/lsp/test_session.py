"""The server's lints say what `check` says: same findings for the shipped example repo, on disk and unsaved."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from builder import AS_OF
from listing_lint.bundle.discover import discover
from listing_lint.config import load_config
from listing_lint.engine import make_settings, run
from listing_lint.lsp.session import Options, Session, Target, target_of

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def check(root: Path) -> Counter:
    """`listing-lint check ROOT --as-of 2026-11-25 --no-cache`, as (path, line, column, code, message)."""
    config = load_config(root).with_overrides(cache=False)
    result = run(make_settings(config, [str(root)], root, AS_OF), [str(root)])
    return Counter((f.path, f.line, f.column, f.code, f.message) for f in result.findings)


def served(session: Session, root: Path, buffers=None, full=True) -> Counter:
    out = Counter()
    targets = [Target("bundle", m) for m in discover([str(root)], root).manifests] + [Target("store", root / "store.json")]
    for target in targets:
        outcome = session.lint(target, buffers or {}, full)
        for path, items in outcome.files.items():
            for item in items:
                f = item.finding
                assert Path(path) == root / f.path
                out[(f.path, f.line, f.column, f.code, f.message)] += 1
    return out


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("example") / "fixtures"
    shutil.copytree(FIXTURES, root, ignore=shutil.ignore_patterns("expected", "*.py", "README.md"))
    return root


def test_full_and_keystroke_lints_match_check_on_the_example_repo(repo):
    expected = check(repo)
    assert len(expected) >= 10  # the example repo reports plenty (its config applied)
    session = Session(Options(as_of=AS_OF))
    assert served(session, repo) == expected
    # a keystroke lint (media rules' findings kept from the full lint) changes nothing when nothing changed
    assert served(session, repo, full=False) == expected


def test_unsaved_text_lints_like_the_saved_file(repo, tmp_path):
    copy = tmp_path / "repo"
    shutil.copytree(repo, copy)
    page = copy / "listings/smart-plug-x1/detail/es.html"
    original = page.read_text(encoding="utf-8")
    edited = original.replace("<p>", "<p>Precio: {{price}}. Ask the seller for details in English please. ", 1)
    assert edited != original
    session = Session(Options(as_of=AS_OF))
    served(session, copy)  # opened
    unsaved = served(session, copy, buffers={str(page): edited}, full=False)
    page.write_text(edited, encoding="utf-8")
    assert unsaved == check(copy)
    assert any(code == "LOC005" and path.endswith("es.html") for path, _, _, code, _ in unsaved)


def test_per_path_ignores_and_config_apply(repo, tmp_path):
    """A per-path ignore added to the example repo's pyproject.toml: the server honours it as check does."""
    copy = tmp_path / "repo"
    shutil.copytree(repo, copy)
    before = check(copy)
    family = next(code[:3] for path, _, _, code, _ in before if path.startswith("listings/car-charger-duo/"))
    with open(copy / "pyproject.toml", "a", encoding="utf-8") as fh:
        fh.write(f'\n[tool.listing-lint.per-path-ignores]\n"listings/car-charger-duo/**" = ["{family}"]\n')
    after = check(copy)
    assert after != before
    assert not any(path.startswith("listings/car-charger-duo/") and code.startswith(family) for path, _, _, code, _ in after)
    assert served(Session(Options(as_of=AS_OF)), copy) == after


def test_targets(repo, tmp_path):
    assert target_of(repo / "listings/smart-plug-x1/detail/es.html") == Target("bundle", repo / "listings/smart-plug-x1/listing.json")
    single = repo / "listings/garden-hose-reel-20m.listing.json"
    assert target_of(single) == Target("bundle", single)
    assert target_of(repo / "store.json") == Target("store", repo / "store.json")
    assert target_of(tmp_path / "notes.html") is None


def test_options():
    options, problems = Options.parse({"asOf": "2026-11-25", "config": "~/x.toml", "debounceMs": 20})
    assert (options.as_of, options.config, options.debounce, problems) == (AS_OF, Path("~/x.toml").expanduser(), 0.02, [])
    nested, _ = Options.parse({"listing-lint": {"asOf": "2026-11-25"}})
    assert nested.as_of == AS_OF
    bad, problems = Options.parse({"asOf": "soon", "debounceMs": -1})
    assert bad.as_of is None and bad.debounce == Options().debounce
    assert problems == ["asOf 'soon' is not a date like 2026-11-25; using each bundle's date"]
    assert Options.parse(None) == (Options(), [])
    assert Options.parse({"config": "ci/listing-lint.toml"}, Path("/work/repo"))[0].config == Path("/work/repo/ci/listing-lint.toml")


def test_rules_that_decode_media_say_so():
    """Keystroke lints skip ``READS_MEDIA`` rules: every rule that decodes a picture, video or PDF declares it."""
    import sys

    from listing_lint import media, registry
    from listing_lint.standards import pdftext

    for rule in registry.all_rules():
        names = vars(sys.modules[rule.module])
        decodes = names.get("probe") is media.probe or names.get("pdf_text") is pdftext.pdf_text
        assert rule.reads_media == decodes, rule.code
    assert sorted(r.code for r in registry.all_rules() if r.reads_media) == ["CMP013", "MED004", "MED005", "MED006", "MED007", "MED008"]


def test_a_lint_keeps_no_files_bytes_after_it(repo):
    """A small file's sniff holds its bytes for the rest of a lint (``SourceFile._head``); the
    server lints without ``lint_bundle``, so it lets them go itself: nothing piles up between lints."""
    from listing_lint import memo

    session = Session(Options(as_of=AS_OF))
    manifest = next(iter(discover([str(repo)], repo).manifests))
    session.lint(Target("bundle", manifest), {}, True)
    assert not memo._held
