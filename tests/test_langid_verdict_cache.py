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
