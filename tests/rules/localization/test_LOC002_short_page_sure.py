"""LOC002 on a page of one short paragraph (session 16, issue 18). Such a page's text is judged
carefully: by the accurate pass, then against the page language's neighbours. When both fast
models are already sure of the page language (judge.CAREFUL_BOTH_SURE), the careful steps are
skipped. On the twelve real-text corpora they never rejected such a text rightly. They cost two
accurate passes on every one-paragraph page of a pre-commit run, and once they called a correct
English sentence German."""

import pytest

from builder import findings

from loc_pages import doc, full, shown_to_accurate


@pytest.fixture
def accurate_calls(monkeypatch) -> list[str]:
    return shown_to_accurate(monkeypatch)


def _loc002(tmp_path) -> list[tuple[str, str, int]]:
    return [(f.code, f.path, f.line) for f in findings(tmp_path, select=["LOC002"], jobs=0)]


def test_a_sure_one_paragraph_page_is_not_judged_again(bundle, tmp_path, accurate_calls):
    sentence = "Is it hard to install Firefox for Chromebook?"  # mozilla.org; fast en 0.9999, py3langid en 0.98
    full(bundle, en=doc("en", f"<p>{sentence}</p>"))
    bundle.write()
    # before: the neighbours' accurate pass called it German 0.52, and LOC002 said the page was German
    assert _loc002(tmp_path) == []
    assert sentence not in accurate_calls


def test_a_one_paragraph_page_in_a_neighbour_language_is_still_found(bundle, tmp_path, accurate_calls):
    """Near miss: the fast pass calls this Portuguese sentence Spanish 0.93, not surely: the careful
    steps still run and find the page Portuguese."""
    sentence = "Por favor selecione uma calculadora de método de envio."
    full(bundle, es=doc("es", f"<p>{sentence}</p>"))
    bundle.write()
    assert _loc002(tmp_path) == [("LOC002", "listings/demo/detail/es.html", 2)]
    assert sentence in accurate_calls
