"""The models' answers are kept by text hash (listing_lint.memo): a text is shown to a model once."""

import sqlite3

from listing_lint import memo
from listing_lint.langid.judge import Judge

# short correct text the fast pass is unsure about (it reaches the accurate model)
TEXT, LANG = "Pile V, facile à remplacer", "fr"


def test_second_process_reads_both_passes_from_disk(tmp_path):
    memo.configure(tmp_path)
    first = Judge("lingua")
    verdict = first.judge(TEXT, LANG)
    assert verdict.model == "accurate" and first.stats()["accurate"] == 1
    memo.flush()
    stored = sqlite3.connect(tmp_path / memo.FILE_NAME).execute("SELECT ns FROM memo").fetchall()
    assert sorted(ns.split(":")[1] for (ns,) in stored) == ["lingua-high", "lingua-low"]

    memo.clear_memory()  # what a new process starts with
    memo.configure(tmp_path)  # ... at the start of its run
    second = Judge("lingua")
    assert second.judge(TEXT, LANG) == verdict
    assert second.stats()["accurate"] == 0


def test_a_judge_never_shows_a_stored_text_to_a_model(tmp_path, monkeypatch):
    memo.configure(tmp_path)
    Judge("lingua").judge(TEXT, LANG)
    memo.flush()
    memo.clear_memory()
    memo.configure(tmp_path)  # the next run

    def no_model(name):
        raise AssertionError(f"model {name} loaded for a stored text")

    monkeypatch.setattr("listing_lint.langid.judge.get_detector", no_model)
    assert Judge("lingua").judge(TEXT, LANG).model == "accurate"


def test_without_the_disk_cache_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("LISTING_LINT_CACHE_DIR", str(tmp_path))
    memo.configure(None)
    judge = Judge("lingua")
    judge.judge(TEXT, LANG)
    memo.flush()
    assert judge.stats()["accurate"] == 1
    assert list(tmp_path.iterdir()) == []


def test_warm_up_builds_the_fast_pass_and_the_accurate_one_only_when_asked():
    from listing_lint.langid.base import CANDIDATES, get_detector
    from listing_lint.langid.judge import WARM_UP_TEXT, warm_up

    assert set(CANDIDATES) <= set(WARM_UP_TEXT)
    accurate = get_detector("lingua-high")
    accurate._built.clear()
    warm_up("lingua")
    assert tuple(sorted(CANDIDATES)) in get_detector("lingua-low")._built
    assert accurate._built == {}  # 1.9 s and 160 MiB that most runs never need
    warm_up("lingua", accurate=True)
    assert all(tuple(sorted({lang, "en"})) in accurate._built for lang in CANDIDATES)
    # and each warm-up text is judged its own language by the accurate model
    assert all(next(iter(accurate.scores(t, CANDIDATES))) == lang for lang, t in WARM_UP_TEXT.items())
