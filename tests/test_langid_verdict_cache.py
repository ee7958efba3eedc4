"""The accurate pass's answers are kept on disk: a text is judged by the big model once."""

from listing_lint.langid.judge import Judge

# short correct text the fast pass is unsure about (it reaches the accurate model)
TEXT, LANG = "Pile V, facile à remplacer", "fr"


def test_second_process_reads_the_accurate_answer_from_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("LISTING_LINT_CACHE_DIR", str(tmp_path))
    first = Judge("lingua")
    first.disk_cache = True
    verdict = first.judge(TEXT, LANG)
    assert verdict.model == "accurate" and first.stats()["accurate"] == 1
    assert (tmp_path / "langid-verdicts.sqlite").is_file()

    second = Judge("lingua")  # a new judge has an empty in-memory cache, like a new process
    second.disk_cache = True
    assert second.judge(TEXT, LANG) == verdict
    assert second.stats()["accurate"] == 0


def test_without_the_disk_cache_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("LISTING_LINT_CACHE_DIR", str(tmp_path))
    judge = Judge("lingua")
    judge.judge(TEXT, LANG)
    assert judge.stats()["accurate"] == 1
    assert not (tmp_path / "langid-verdicts.sqlite").exists()


def test_warm_up_builds_both_passes_for_every_candidate_language():
    from listing_lint.langid.base import CANDIDATES, get_detector
    from listing_lint.langid.judge import WARM_UP_TEXT, warm_up

    assert set(CANDIDATES) <= set(WARM_UP_TEXT)
    warm_up("lingua")
    built = get_detector("lingua-high")._built
    assert all(tuple(sorted({lang, "en"})) in built for lang in CANDIDATES)
    assert tuple(sorted(CANDIDATES)) in get_detector("lingua-low")._built
    # and each warm-up text is judged its own language by the accurate model
    assert all(next(iter(get_detector("lingua-high").scores(t, CANDIDATES))) == lang for lang, t in WARM_UP_TEXT.items())
