"""The first pass scored a bundle at a time (issue 18, session 8): ``Py3langidDetector.scores_many``
gives exactly ``scores`` of each text (the same floats, bit for bit), because py3langid's
automaton forgets all but the last ``window`` bytes (``definite_window``), and ``Judge.prefetch``
works out nothing the judge would not."""

from __future__ import annotations

import json
import lzma
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from listing_lint import memo
from listing_lint.langid import judge as judge_module
from listing_lint.langid import py3langid
from listing_lint.langid.base import CANDIDATES, get_detector
from listing_lint.langid.judge import Judge

DATA = Path(__file__).parent / "data"


def _table(rows: list[list[int]]):
    """An automaton as ``definite_window`` takes it: ``nextmove`` and each state's ``rowbase``."""
    nextmove = np.zeros(256 * len(rows), dtype=np.uint32)
    for state, row in enumerate(rows):
        nextmove[256 * state:256 * (state + 1)] = row
    return nextmove, np.arange(len(rows), dtype=np.int32) << 8


def _aho_corasick(patterns: list[bytes]) -> list[list[int]]:
    """The automaton of ``patterns`` (every transition resolved), as py3langid's scanner builds it."""
    trie, labels = [{}], [b""]
    for pattern in patterns:
        at = 0
        for byte in pattern:
            if byte not in trie[at]:
                trie[at][byte] = len(trie)
                trie.append({})
                labels.append(labels[at] + bytes([byte]))
            at = trie[at][byte]
    rows = []
    for label in labels:
        row = []
        for byte in range(256):
            text = label + bytes([byte])
            # the longest suffix of the text that is a node of the trie
            row.append(next(i for k in range(len(text) + 1) for i, lab in enumerate(labels) if lab == text[k:]))
        rows.append(row)
    return rows


def test_an_aho_corasick_automaton_forgets_all_but_its_longest_pattern():
    nextmove, rowbase = _table(_aho_corasick([b"ab", b"abc", b"bcd", b"e"]))
    assert py3langid.definite_window(nextmove, rowbase) == 3
    nextmove, rowbase = _table(_aho_corasick([b"x"]))
    assert py3langid.definite_window(nextmove, rowbase) == 1


def test_an_automaton_that_remembers_has_no_window():
    # a parity counter: the state after "aaa...a" depends on every byte of the text
    rows = [[1 if b == ord("a") else 0 for b in range(256)], [0 if b == ord("a") else 1 for b in range(256)]]
    nextmove, rowbase = _table(rows)
    assert py3langid.definite_window(nextmove, rowbase) == 0
    # a state reached only after a long prefix: remembered past a small limit
    chain = [[min(s + 1, 9) if b == ord("a") else 0 for b in range(256)] for s in range(10)]
    nextmove, rowbase = _table(chain)
    assert py3langid.definite_window(nextmove, rowbase, limit=5) == 0
    assert py3langid.definite_window(nextmove, rowbase) == 9  # the trailing "a"s, counted up to 9


def _model():
    memo.configure(None)
    return get_detector("py3langid")._identifier(CANDIDATES)


def _state_after(model, data: bytes) -> int:
    state = 0
    for byte in data:
        state = model.tk_nextmove[model._rowbase[state] + byte]
    return state


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=40))
@example(b"")
@example("Зарядное устройство".encode())
def test_the_model_state_after_a_text_is_the_state_after_its_window(data):
    model = _model()
    assert 0 < model.window <= py3langid.MAX_WINDOW
    assert _state_after(model, data) == _state_after(model, data[-model.window:])


#: shop copy in the candidates' scripts, capitals, accents, digits, emoji and nothing at all
_WORDS = st.sampled_from([
    "Cargador", "cargador", "USB-C", "rápido", "de", "la", "the", "charger", "и", "Зарядное", "устройство",
    "ЗАРЯДКА", "été", "Ñandú", "ß", "充电器", "🙂", "5,3", "x", "", "\u0301", "ﬁ", "İ", "\ud800",
])
_GLUE = st.sampled_from([" ", ". ", ", ", "-", "\n", "  "])
_COPY = st.lists(st.tuples(_WORDS, _GLUE), max_size=30).map(lambda pairs: "".join(w + g for w, g in pairs))


def _same(texts: list[str], candidates: tuple[str, ...] = CANDIDATES) -> None:
    detector = get_detector("py3langid")
    together = detector.scores_many(texts, candidates)
    assert len(together) == len(texts)
    for text, scores in zip(texts, together):
        alone = detector.scores(text, candidates)
        assert list(scores.items()) == list(alone.items()), text  # values and order, bit for bit


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_COPY, st.text(max_size=80)), max_size=12))
@example([])
@example([""])
@example(["ЗАРЯДНОЕ УСТРОЙСТВО", "x", "", "Le chargeur est petit et léger."])
def test_scores_together_are_the_scores_alone(texts):
    _model()
    _same(texts)


def _corpus_texts(n: int) -> list[str]:
    with lzma.open(DATA / "langid_shops.jsonl.xz", "rt", encoding="utf-8") as fh:
        return [json.loads(line)["text"] for _, line in zip(range(n), fh)]


def test_scores_together_on_real_copy_and_across_batches(monkeypatch):
    _model()
    texts = _corpus_texts(400)
    _same(texts)
    monkeypatch.setattr(py3langid, "BATCH_BYTES", 300)  # many batches, and texts longer than one
    _same(texts[:80] + ["Le chargeur est petit et léger. " * 40])
    _same(texts[:40], ("en", "fr"))  # a restricted set: its own columns, scored the same way


def test_a_model_without_a_window_is_scored_text_by_text(monkeypatch):
    model = _model()
    monkeypatch.setattr(model, "window", 0)
    monkeypatch.setattr(py3langid, "_rank_together", lambda *a: pytest.fail("no window: not scored together"))
    _same(_corpus_texts(20))


def test_a_file_with_a_wrong_window_is_rebuilt(tmp_path):
    memo.configure(tmp_path)
    try:
        py3langid.compact_model()
        (path,) = tmp_path.glob("py3langid-*.model")
        built = path.read_bytes()
        length = int.from_bytes(built[8:16], "little")
        header = json.loads(built[16:16 + length])
        assert header["window"] == py3langid.compact_model().window > 0
        for window in (None, "6", 99, -1):
            header["window"] = window
            edited = json.dumps(header, sort_keys=True).encode()
            path.write_bytes(built[:16] + edited.ljust(length) + built[16 + length:])
            assert py3langid.compact_model().window == json.loads(built[16:16 + length])["window"]
            assert path.read_bytes() == built
    finally:
        memo.configure(None)


@pytest.fixture
def shown(monkeypatch):
    """The texts py3langid was shown, one by one or together (memo in memory only)."""
    memo.configure(None)
    memo.clear_memory()
    seen: list[tuple[str, tuple[str, ...]]] = []
    detector = get_detector("py3langid")
    alone, together = type(detector).scores, type(detector).scores_many

    def scores(self, text, candidates=CANDIDATES):
        seen.append((text, tuple(candidates)))
        return alone(self, text, candidates)

    def scores_many(self, texts, candidates=CANDIDATES):
        seen.extend((text, tuple(candidates)) for text in texts)
        return together(self, texts, candidates)

    monkeypatch.setattr(type(detector), "scores", scores)
    monkeypatch.setattr(type(detector), "scores_many", scores_many)
    yield seen
    memo.clear_memory()


PAGE = [
    ("Este enchufe inteligente mide cuánta energía consumen tus aparatos.", "es"),
    ("This smart plug measures how much energy your devices use.", "es"),  # another language
    ("Potencia nominal", "es"),  # under FIRST_FROM: never the first pass
    ("Зарядное устройство маленькое и лёгкое, его легко взять с собой.", "es"),  # another script
    ("Платье Dark Crow черное, длинное и очень удобное на каждый день.", "ru"),  # a Latin name inside
    ("Le chargeur est petit et léger, il tient dans une poche.", "fr"),
    ("Le chargeur est petit et léger, il tient dans une poche.", "fr"),  # judged once
    ("充电器又小又轻，可以放在口袋里，出门随身携带。", "zh"),
    ("Ta inteligentna wtyczka mierzy, ile energii zużywają twoje urządzenia.", "pl"),  # no candidate
]


def _exact(verdict):
    """A verdict as far as it is repeatable: lingua's accurate mode varies in the last bits from
    call to call on the same text ("Potencia nominal", es against ca: 0.5853588934453597, then
    ...601; its sums run in a hash map's order), py3langid's scores do not."""
    confidence = verdict.confidence if verdict.model == "first" else round(verdict.confidence, 9)
    return verdict.accepted, verdict.lang, verdict.model, verdict.phrase, confidence


def test_prefetching_changes_no_verdict_and_shows_py3langid_nothing_more(shown):
    judge_module._script.cache_clear()
    judge = Judge("lingua")
    plain = [_exact(judge.judge(text, lang)) for text, lang in PAGE]
    shown_plain = sorted(shown)
    memo.clear_memory()
    shown.clear()
    judge = Judge("lingua")
    judge.prefetch(PAGE)
    prefetched = list(shown)
    assert len(prefetched) == 3  # the Spanish, English and French sentences (the French once)
    assert [_exact(judge.judge(text, lang)) for text, lang in PAGE] == plain
    assert sorted(shown) == shown_plain  # the same texts, each as often: nothing more, nothing less


def test_prefetch_skips_what_is_known(shown):
    judge = Judge("lingua")
    text = "Este enchufe inteligente mide cuánta energía consumen tus aparatos."
    judge.judge(text, "es")
    shown.clear()
    judge.prefetch([(text, "es")])  # its verdict is known
    fresh = Judge("lingua")
    fresh.prefetch([(text, "es")])  # its scores are in the memo
    assert shown == []
    assert Judge("langdetect").prefetch([(text, "es")]) is None and shown == []  # one pass: no first pass
