"""The on-disk cache: the same findings with and without it, and a miss whenever an input changed."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import time
from datetime import date
from pathlib import Path

from perfkit import AS_OF, BUNDLES, rows, run_repo

from listing_lint import registry
from listing_lint.cache import FORMAT, run_key
from listing_lint.config import Config
from listing_lint.engine import lint_bundle, make_settings

LINTED: list[str] = []
ALL = BUNDLES + 4  # generated bundles and the defect ones (perfkit.add_defects)
CHEAP = ["SCH", "ABT", "PRM", "LNT"]  # invalidation does not depend on the rules: spare the language models


def counting(manifest, settings):
    LINTED.append(manifest.parent.name if manifest.name == "listing.json" else manifest.name)
    return lint_bundle(manifest, settings)


def lint_counting(repo, **kw):
    """(result, names of the bundles actually linted) of a serial, cached run."""
    LINTED.clear()
    kw.setdefault("select", CHEAP)
    result = run_repo(repo, jobs=1, cache=True, fn=counting, **kw)
    return result, sorted(LINTED)


def settle(repo: Path, seconds: float = 100) -> None:
    """Date every file back, as files are between commits (the cache trusts no freshly written file)."""
    old = time.time() - seconds
    for path in repo.rglob("*"):
        os.utime(path, (old, old), follow_symlinks=False)


def test_cached_results_equal_uncached_ones_cold_and_warm(repo, cache_home):
    uncached = run_repo(repo, jobs=1)
    cold, linted = lint_counting(repo, select=["ALL"])
    assert len(linted) == len(uncached.bundles) == ALL
    warm, relinted = lint_counting(repo, select=["ALL"])
    assert relinted == []
    assert rows(cold) == rows(uncached)
    assert rows(warm) == rows(uncached)
    assert [b.files for b in warm.bundles] == [b.files for b in uncached.bundles]
    assert (cache_home / f"cache-v{FORMAT}.sqlite3").is_file()


def test_workers_and_cache_together_give_the_serial_result(repo):
    uncached = run_repo(repo, jobs=1)
    assert rows(run_repo(repo, jobs=2, cache=True)) == rows(uncached)
    assert rows(run_repo(repo, jobs=2, cache=True)) == rows(uncached)


def test_a_changed_file_relints_its_bundle_only(repo):
    settle(repo)
    lint_counting(repo)
    page = repo / "listings/p00004-car-phone-holder/detail/es.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<h1>", "<h1>Lorem ipsum "), encoding="utf-8")
    result, relinted = lint_counting(repo)
    assert relinted == ["p00004-car-phone-holder"]
    assert rows(result) == rows(run_repo(repo, jobs=1, select=CHEAP))


def test_a_same_size_edit_with_the_old_mtime_put_back_is_still_seen(repo):
    settle(repo)
    lint_counting(repo)
    page = repo / "listings/p00004-car-phone-holder/detail/en.html"
    st = page.stat()
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("<h1>", "<h1>", 1).replace("e", "x", 1), encoding="utf-8")
    os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert page.stat().st_size == st.st_size and page.stat().st_mtime_ns == st.st_mtime_ns
    _, relinted = lint_counting(repo)
    assert relinted == ["p00004-car-phone-holder"]


def test_touched_but_unchanged_files_are_hashed_not_relinted(repo):
    settle(repo)
    lint_counting(repo)
    os.utime(repo / "listings/p00005-smart-plug/media/cover.jpg")  # e.g. a git checkout
    _, relinted = lint_counting(repo)
    assert relinted == []


def test_an_added_or_removed_file_relints_the_bundle(repo):
    settle(repo)
    lint_counting(repo)
    (repo / "listings/p00006-garden-hose-reel/media/orphan.jpg").write_bytes(b"\xff\xd8\xff")
    (repo / "listings/p00007-led-desk-lamp/certs/fcc-grant.jpg").unlink()
    result, relinted = lint_counting(repo)
    assert relinted == ["p00006-garden-hose-reel", "p00007-led-desk-lamp"]
    assert rows(result) == rows(run_repo(repo, jobs=1, select=CHEAP))


def test_config_change_misses(repo):
    lint_counting(repo)
    _, relinted = lint_counting(repo, required_locales=["en", "de"])
    assert len(relinted) == ALL


def test_how_results_are_shown_does_not_miss(repo):
    """The output format, the exit threshold, the process count and the shown-findings cap change
    how a run's results are shown, not what they are: a CI job that writes annotations and then
    SARIF reads the second run from the cache (it linted every bundle again before)."""
    lint_counting(repo)
    for change in ({"format": "sarif"}, {"fail_on": "warning"}, {"max_findings_per_rule": 3},
                   {"format": "json", "fail_on": "info"}):
        _, relinted = lint_counting(repo, **change)
        assert relinted == [], change

    def key(**values):  # --jobs reaches the config as "jobs" (the helpers above pass it apart)
        return run_key(make_settings(Config(values={"cache": True, **values}, root=repo), [str(repo)], repo, AS_OF))

    assert key(jobs=2) == key(jobs=1) == key()
    assert key(**{"required-locales": ["en"]}) != key()  # what the rules see still misses


def test_selection_change_misses(repo):
    lint_counting(repo, select=["SCH", "ABT"])
    _, relinted = lint_counting(repo, select=["SCH", "ABT", "PRM"])
    assert len(relinted) == ALL


def test_rule_version_change_misses(repo, monkeypatch):
    lint_counting(repo)
    bumped = tuple(dataclasses.replace(r, version="99") if r.code == "SCH003" else r for r in registry.all_rules())
    monkeypatch.setattr(registry, "all_rules", lambda: bumped)
    _, relinted = lint_counting(repo)
    assert len(relinted) == ALL


def test_as_of_change_misses(repo):
    lint_counting(repo, as_of=date(2026, 11, 25))
    _, relinted = lint_counting(repo, as_of=date(2026, 11, 25))
    assert relinted == []
    _, relinted = lint_counting(repo, as_of=date(2027, 3, 1))
    assert len(relinted) == ALL


def test_without_as_of_placed_on_market_or_today_decides(repo, monkeypatch):
    """Bundles with placed_on_market keep their results across days; the others are judged today."""
    import listing_lint.engine as engine

    lint_counting(repo, as_of=None)
    monkeypatch.setattr(engine, "date", type("D", (), {"today": staticmethod(lambda: date(2030, 1, 1))}))
    from listing_lint.runtypes import Settings

    monkeypatch.setattr(Settings, "__init__", _with_today(Settings.__init__, date(2030, 1, 1)))
    _, relinted = lint_counting(repo, as_of=None)
    assert relinted == ["broken-json", "missing-files", "zz-twin"]  # no placed_on_market


def _with_today(init, today):
    def patched(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.today = today

    return patched


def test_no_cache_leaves_no_cache_behind(repo, cache_home):
    run_repo(repo, jobs=2, cache=False, select=CHEAP)
    assert not cache_home.exists()


def test_a_corrupt_cache_file_costs_time_not_correctness(repo, cache_home):
    expected = rows(run_repo(repo, jobs=1, select=CHEAP))
    cache_home.mkdir()
    (cache_home / f"cache-v{FORMAT}.sqlite3").write_bytes(b"this is not a database" * 100)
    assert rows(run_repo(repo, jobs=1, cache=True, select=CHEAP)) == expected
    assert rows(run_repo(repo, jobs=2, cache=True, select=CHEAP)) == expected


def test_a_tampered_entry_is_ignored(repo, cache_home):
    expected = rows(run_repo(repo, jobs=1, select=CHEAP))
    run_repo(repo, jobs=1, cache=True, select=CHEAP)
    with sqlite3.connect(cache_home / f"cache-v{FORMAT}.sqlite3") as conn:
        conn.execute("UPDATE results SET value = '[1, 2'")
    assert rows(run_repo(repo, jobs=1, cache=True, select=CHEAP)) == expected


def test_the_code_fingerprint_follows_edits_of_code_and_data(tmp_path, monkeypatch):
    from listing_lint import cache
    from listing_lint.config import Config
    from listing_lint.engine import make_settings

    monkeypatch.undo()  # the real fingerprint, not the pinned one
    package = tmp_path / "pkg"
    (package / "data").mkdir(parents=True)
    (package / "engine.py").write_text("x = 1\n")
    (package / "data" / "limits.yaml").write_text("a: 1\n")
    settings = make_settings(Config(values={"select": ["SCH"]}, root=tmp_path), [str(tmp_path)], tmp_path, None)
    before = cache.code_fingerprint(settings, package)
    assert cache.code_fingerprint(settings, package) == before
    (package / "data" / "limits.yaml").write_text("a: 22\n")
    assert cache.code_fingerprint(settings, package) != before


# -- the stored path of a finding (issue 18: the fast way below the base) --------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from listing_lint.cache import RecordError, _relative  # noqa: E402

_parts = st.lists(st.sampled_from(["a", "b", "listing.json", "..", ".", "", "x y", "é", "a.b"]), max_size=5)


def _relative_by_relpath(path: str, base: Path, cwd: Path) -> str:
    """The long way, as before issue 18."""
    full = os.path.normpath(os.path.join(cwd, path))
    rel = os.path.relpath(full, base)
    if rel == ".." or rel.startswith(".." + os.sep) or os.path.isabs(rel):
        raise RecordError(f"{path} is outside {base}")
    return Path(rel).as_posix()


@settings(max_examples=300, deadline=None)
@given(_parts, _parts, _parts, st.booleans())
def test_relative_paths_equal_relpaths(cwd_parts, base_parts, path_parts, absolute):
    cwd = Path(os.path.normpath("/" + "/".join(cwd_parts)))
    base = Path(os.path.abspath(os.path.join(cwd, *base_parts, "listing.json"))).parent  # as bundle_base makes it
    path = ("/" if absolute else "") + "/".join(path_parts)
    try:
        expected = _relative_by_relpath(path, base, cwd)
    except RecordError:
        expected = RecordError
    try:
        got = _relative(path, base, cwd)
    except RecordError:
        got = RecordError
    assert got == expected
