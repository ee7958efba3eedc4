"""Session 15: a keystroke's lint of a big page reads again only the blocks that changed (the
numbers of the others are taken from the last lint: ``textmemo``), and says what ``check`` says."""

from __future__ import annotations

from collections import Counter

import pytest

from builder import AS_OF
from lsp_helpers import make_bundle
from test_session import check, served
from listing_lint.l10n import numbers
from listing_lint.lsp.session import Options, Session

PARAGRAPHS = 300


def page(changed: str) -> str:
    """A Spanish page of many paragraphs with numbers, one of them ``changed`` (LOC008 against the
    English page's 20 m, LOC009 on the price written the English way)."""
    body = "".join(f"<p>El enchufe número {i} mide la energía de {i % 90 + 10} aparatos.</p>\n" for i in range(PARAGRAPHS))
    return f'<!doctype html>\n<html lang="es"><head><meta charset="utf-8"></head><body>\n{body}<p>{changed}</p>\n</body></html>\n'


@pytest.fixture
def counted(monkeypatch) -> Counter:
    """How many times each text's measures and prices were searched (the real functions run)."""
    calls: Counter = Counter()
    measures, prices = numbers.measures, numbers.prices

    def counted_measures(text, *args, **kwargs):
        calls["measures"] += 1
        return measures(text, *args, **kwargs)

    def counted_prices(text):
        calls["prices"] += 1
        return prices(text)

    monkeypatch.setattr(numbers, "measures", counted_measures)
    monkeypatch.setattr(numbers, "prices", counted_prices)
    return calls


def test_a_keystroke_reads_the_numbers_of_the_changed_block_only(tmp_path, counted):
    """Before: every paragraph's measures and prices were searched again at every keystroke (a
    3,000-paragraph page: LOC008 0.3 s, LOC009 0.07 s of a 0.6 s lint); now the changed block's."""
    b = make_bundle(tmp_path)
    en = b.dir / "detail/en.html"
    en.write_text(en.read_text(encoding="utf-8").replace("</body>", "<p>The 20 m hose costs $39.90.</p>\n</body>"), encoding="utf-8")
    es = b.dir / "detail/es.html"
    es.write_text(page("La manguera de 20 m cuesta 39,90 US$."), encoding="utf-8")
    session = Session(Options(as_of=AS_OF))
    served(session, tmp_path)  # opened: the full lint
    typed = page("La manguera de 15 m cuesta 39.90 US$.")
    counted.clear()
    unsaved = served(session, tmp_path, buffers={str(es): typed}, full=False)
    assert counted == Counter(measures=1, prices=1)  # the typed paragraph's, once for LOC008, LOC009, LOC013
    es.write_text(typed, encoding="utf-8")
    assert unsaved == check(tmp_path)
    assert {code for (path, _, _, code, _) in unsaved if path.endswith("es.html")} >= {"LOC008", "LOC009"}


def test_the_near_miss_a_new_session_reads_every_block(tmp_path, counted):
    """Nothing is handed on between sessions (or from a lint of another bundle): a first lint reads all."""
    b = make_bundle(tmp_path)
    (b.dir / "detail/es.html").write_text(page("Sin cifras."), encoding="utf-8")
    served(Session(Options(as_of=AS_OF)), tmp_path, full=False)
    assert counted["measures"] >= PARAGRAPHS
