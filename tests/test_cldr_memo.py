"""CLDR answers (listing_lint.l10n.cldr) are kept in the memo: the next run reads them without
Babel, and a stored answer this code would not write (an edited cache) is worked out again."""

from listing_lint import memo
from listing_lint.l10n import cldr, numbers, pages


def _fresh(folder):
    memo.clear_memory()
    memo.configure(folder)
    numbers.symbols.cache_clear()
    numbers.symbol_first.cache_clear()
    pages.language_name.cache_clear()


def test_the_next_run_reads_the_stored_answers(tmp_path, monkeypatch):
    _fresh(tmp_path)
    try:
        assert numbers.symbols("fr") == (",", "\u202f") and pages.language_name("es") == "Spanish"
        assert numbers.symbol_first("en") and not numbers.symbol_first("ru")
        memo.flush()
        _fresh(tmp_path)  # the next run: Babel is not asked
        monkeypatch.setattr(numbers, "_symbols", lambda locale: ("?", "?"))
        monkeypatch.setattr(numbers, "_symbol_first", lambda locale: None)
        monkeypatch.setattr(pages, "_language_name", lambda code: "?")
        assert numbers.symbols("fr") == (",", "\u202f") and pages.language_name("es") == "Spanish"
        assert numbers.symbol_first("en") and not numbers.symbol_first("ru")
    finally:
        memo.configure(None)
        memo.clear_memory()


def test_an_edited_answer_is_worked_out_again(tmp_path):
    _fresh(tmp_path)
    try:
        ns = lambda kind: f"cldr:{kind}:{memo.code_version(dists=('babel',))}"  # noqa: E731
        memo.put(ns("symbols"), memo.text_key("es"), "not two symbols")
        memo.put(ns("english-name"), memo.text_key("fr"), "x" * 500)
        memo.flush()
        _fresh(tmp_path)
        assert numbers.symbols("es") == (",", ".")
        assert pages.language_name("fr") == "French"
    finally:
        memo.configure(None)
        memo.clear_memory()


def test_without_the_cache_the_answers_are_babel_s():
    _fresh(None)
    assert numbers.symbols("ru") == (",", "\u00a0") and pages.language_name("ru") == "Russian"
    assert cldr.kept("english-name", "ru", lambda: "not asked", bool) == "Russian"  # this process's answer
