"""Shortcuts taken for CPU in issue 18, session 9 (the rules' long tail and shared per-bundle work)
give the answers of the longer way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from listing_lint.bundle import text as blocks_mod
from listing_lint.bundle.html import parse
from listing_lint.bundle.paths import resolve_in


# -- page blocks: attribute names read once, childless elements without the walk ---------------------
def _blocks_the_long_way(page) -> list:
    """``text.extract_blocks`` as it was before session 9 (four attribute lookups an element, the
    inline walk for every block)."""
    T = blocks_mod
    root = page.root
    if root is None:
        return []
    page_lang = T._norm_lang(page.locale or "") or None
    out = []
    stack = [(root, False, None)]
    while stack:
        el, skipped, lang = stack.pop()
        if el is not root:
            own = el.get("lang")
            if own and own.strip():
                lang = T._norm_lang(own)
        skipped = skipped or el.tag in T.SKIP_TAGS or el.get("translate", "").strip().lower() == "no"
        stack.extend((child, skipped, lang) for child in reversed(el) if isinstance(child.tag, str))
        if el.tag in T.SKIP_TAGS:
            continue
        for attr in T.TEXT_ATTRS:
            value = el.get(attr)
            if value and value.strip() and not skipped:
                text = T._collapse(value)
                out.append((attr, text, text, el.sourceline or 1, el, lang))
        if skipped or not T._is_block(el):
            continue
        visible, judged = T._texts(el, lang or page_lang)
        text = T._collapse("".join(visible))
        if text:
            out.append((el.tag, text, T._collapse("".join(judged)), el.sourceline or 1, el, lang))
    return out


class _Page:
    def __init__(self, source: str, locale: str):
        self.locale = locale
        self.root = parse(source)[0]

    def span(self, element=None, line=None):
        return None


def _as_tuples(blocks) -> list:
    return [(b.kind, b.text, b.judged_text, b.line, b.element, b.lang) for b in blocks]


_HTML_PIECES = st.sampled_from([
    "<p>", "</p>", "<div>", "</div>", "<li>", "</li>", "<ul>", "</ul>", "<td>", "</td>", "<h2>", "</h2>",
    "<b>", "</b>", "<span>", "</span>", "<br>", "<img>", '<img alt="Foto">', '<img alt=" ">', '<p title="Titel">',
    '<span lang="en">', '<span lang="es-ES">', '<span lang=" ">', '<p lang="fr">', '<div lang="EN_us">',
    '<span translate="no">', '<p translate=" NO ">', '<div translate="yes">', '<i translate="no" lang="en">',
    "<script>", "</script>", "<style>", "</style>", "<!-- c -->", "<?pi x?>", "&amp;", "&nbsp;",
    "Texto", "más texto", " ", "\n", "\t", "Hello world", "«Bien»", "x", "<section>", "</section>", "<table><tr>",
    '<a href="x" title="Enlace">', "</a>", "<button>", "<html lang='ru'>", "<body>", "</body>",
])
_HTML = st.lists(_HTML_PIECES, max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_HTML, st.text(max_size=60)), st.sampled_from(["es", "en", "fr-FR", "ru", ""]))
@example('<p>Uno <span lang="en">two</span> tres</p><p>Solo</p><img alt="A  b">', "es")
@example('<div>Texto<br>más <b>texto</b><p>dentro</p> fuera</div>', "es")
@example('<p><!-- c --></p><p>a<!-- c -->b</p>', "fr")
def test_blocks_are_the_long_ways(source, locale):
    page = _Page(source, locale)
    assert _as_tuples(blocks_mod.extract_blocks(page)) == _blocks_the_long_way(page)


def test_blocks_of_the_bench_and_fixture_pages_are_the_long_ways(tmp_path_factory):
    root = Path(__file__).resolve().parent.parent
    pages = sorted((root / "fixtures").rglob("*.html"))
    bench = root / "bench" / "repo-100" / "listings"
    if not bench.is_dir():  # a fresh clone: the bench repo is generated, not committed; its first bundles
        out = tmp_path_factory.mktemp("bench")  # are these same pages (bundle k never depends on the count)
        subprocess.run([sys.executable, str(root / "bench" / "generate.py"), str(out), "--bundles", "10"],
                       check=True, capture_output=True)
        bench = out / "listings"
    pages += sorted(bench.glob("*/detail/*.html"))[:200]
    assert len(pages) > 40
    for path in pages:
        source = path.read_text(encoding="utf-8", errors="replace")
        page = _Page(source, path.stem)
        assert _as_tuples(blocks_mod.extract_blocks(page)) == _blocks_the_long_way(page), path


# -- a bundle's paths looked up in the file system once (bundle.paths.resolve_in, ``located``) -----
@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    root = tmp_path_factory.mktemp("bundle").resolve()
    (root / "media").mkdir()
    (root / "detail").mkdir()
    (root / "media" / "a.jpg").write_bytes(b"x")
    (root / "media" / "dir").mkdir()
    outside = tmp_path_factory.mktemp("outside").resolve()
    (outside / "secret.jpg").write_bytes(b"x")
    os.symlink(outside / "secret.jpg", root / "media" / "leak.jpg")
    os.symlink(root / "media" / "a.jpg", root / "media" / "alias.jpg")
    os.symlink(root / "media" / "loop1", root / "media" / "loop2")
    os.symlink(root / "media" / "loop2", root / "media" / "loop1")
    return root


_REFS = st.lists(st.sampled_from(["media", "a.jpg", "..", ".", "dir", "leak.jpg", "alias.jpg", "loop1", "none.jpg",
                                  "detail", "", " "]), max_size=4).map("/".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_REFS, st.sampled_from(["", "detail/es.html", "listing.json", "media/x"])), max_size=8))
@example([("media/a.jpg", ""), ("../media/a.jpg", "detail/es.html")])
@example([("media/leak.jpg", ""), ("../media/leak.jpg", "detail/fr.html")])
def test_paths_located_once_resolve_as_alone(tree, refs):
    located: dict = {}  # one bundle's, shared by every reference in turn
    for ref, base in refs:
        assert resolve_in(tree, ref, base, located) == resolve_in(tree, ref, base)


# -- LOC012: a Spanish text without "?" and "!" is not searched ------------------------------------
from listing_lint.rules.localization import LOC012_typography as loc012  # noqa: E402


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(["¿", "?", "¡", "!", "Hola", " ", ".", "\n", "http://x.es/?a=1!", "www.a.es?",
                                           ";", ":", "Sí"]), max_size=12).map("".join), st.text(max_size=40)))
def test_spanish_marks_prefilter(text):
    """What ``_spanish`` reports is a "?" or "!" of the text with its URLs removed: a text the
    prefilter passes over has none."""
    if not loc012._may_ask_or_exclaim(text):
        assert not [m for m in __import__("re").finditer(r"[.:;\n?!]", loc012._URL.sub(" ", text)) if m.group() in "?!"]


# -- page_texts and certificates made once, handed out as new lists --------------------------------
def test_page_texts_are_made_once_and_handed_out_as_new_lists():
    from listing_lint.l10n.pages import page_texts

    page = _Page('<p>Uno</p><p lang="en">Two</p><img alt="Tres">', "es")
    page.blocks = blocks_mod.extract_blocks(page)
    first, second = page_texts(page), page_texts(page)
    assert first is not second and first == second  # the same records (identity equality)
    first.clear()
    assert [(t.kind, t.text, t.judged_source, t.declared, t.at) for t in page_texts(page)] == [
        (b.kind, b.text, b.judged_text, b.lang, b) for b in page.blocks]


# -- JSON pointers joined at once when no token needs escaping (bundle.positions) --------------------
from listing_lint.bundle import positions  # noqa: E402


def _pointer_the_long_way(*parts) -> str:
    out = []
    for part in parts:
        token = part if type(part) is str else str(part)
        out.append(positions.escape_pointer_token(token) if "~" in token or "/" in token else token)
    return "/" + "/".join(out) if out else ""


def _walk_the_long_way(node, ptr, missing=None):
    for token in ptr.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isascii() and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return missing
    return node


_TOKENS = st.one_of(st.sampled_from(["a", "", "~", "/", "~1", "~0", "a/b", "~/", "0", "1", "x~y", "é"]),
                    st.integers(-2, 12), st.text(max_size=4))


@settings(max_examples=500, deadline=None)
@given(st.lists(_TOKENS, max_size=5))
def test_pointer_is_the_long_ways(parts):
    assert positions.pointer(*parts) == _pointer_the_long_way(*parts)


_DOC = {"a": [{"b": 1, "a/b": 2, "~": 3, "x~y": [4, 5]}, "s"], "": {"": 6}, "0": 7, "~1": 8, "é": 9}


@settings(max_examples=500, deadline=None)
@given(st.lists(_TOKENS, max_size=4))
def test_walk_is_the_long_ways(parts):
    for ptr in (positions.pointer(*parts), "/" + "/".join(map(str, parts)) if parts else ""):
        assert positions.walk(_DOC, ptr, "missing") == _walk_the_long_way(_DOC, ptr, "missing")


# -- element columns located line by line when first asked (bundle.page.Page._column) ---------------
def _columns_the_long_way(page) -> dict:
    """``Page._columns`` as it was: every element of the page located up front."""
    columns: dict = {}
    if page.file is None or page.root is None:
        return columns
    lines = page.file.lines
    cursor: dict[int, int] = {}
    lowered: dict[int, str] = {}
    for el in page.root.iter():
        if not isinstance(el.tag, str) or el.sourceline is None:
            continue
        text = lowered.get(el.sourceline)
        if text is None:
            text = lowered[el.sourceline] = lines.line_text(el.sourceline).lower()
        at = text.find("<" + el.tag.lower(), cursor.get(el.sourceline, 0))
        if at >= 0:
            columns[el] = at + 1
            cursor[el.sourceline] = at + 1
    return columns


def _check_columns(page) -> None:
    columns = _columns_the_long_way(page)
    elements = list(page.root.iter()) if page.root is not None else []
    for el in reversed(elements):  # asked out of document order: each line is still located in order
        assert page.span(el).column == columns.get(el, 1)
        expected = None if el not in columns or el.sourceline is None else page.file.lines.offset(el.sourceline, columns[el])
        assert page.element_offset(el) == expected


def _file_page(tmp_path, source: str):
    from listing_lint.bundle.files import SourceFile
    from listing_lint.bundle.page import Page

    path = tmp_path / "p.html"
    path.write_bytes(source.encode("utf-8"))
    return Page(None, "es", "/detail_pages/es", SourceFile(path, "p.html", "p.html"), None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_HTML_PIECES, st.sampled_from(["<P>", "<Img ALT='x'>", "<br/>", "<div><div><div>", "\n\n"])),
                max_size=40).map("".join))
@example("<p><b>a</b><b>b</b></p>\n<p>c<i>d</i></p>")
@example("<ul><li>a<li>b<li>c</ul>")  # implied end tags: elements of one line, found in order
def test_columns_are_the_long_ways(tmp_path_factory, source):
    _check_columns(_file_page(tmp_path_factory.mktemp("page"), source))


def test_columns_of_the_bench_and_fixture_pages_are_the_long_ways(tmp_path):
    root = Path(__file__).resolve().parent.parent
    pages = sorted((root / "fixtures").rglob("*.html"))
    bench = root / "bench" / "repo-100" / "listings"
    if bench.is_dir():
        pages += sorted(bench.glob("*/detail/*.html"))[:100]
    for path in pages:
        _check_columns(_file_page(tmp_path, path.read_text(encoding="utf-8", errors="replace")))


# -- standard references parsed once per text (standards.refparse.try_parse) ------------------------
from listing_lint.standards import refparse  # noqa: E402

_REF_PIECES = st.sampled_from(["EN", "BS EN", "ETSI EN", "IEC", "EN IEC", "ASTM", " ", "62368-1", "300 328", "F963", ":", "2014",
                               "+A11:2017", " V2.2.2", "(2019-07)", "-23", "A1", "RED Art. 3(3)(d)", "x", "", "/", "ISO/IEC"])


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(_REF_PIECES, max_size=6).map("".join), st.text(max_size=20)))
@example("EN 62368-1:2014+A11:2017")
@example("EN 62368-1:2014 A11")
def test_try_parse_is_the_long_ways(text):
    for _ in range(2):  # the second answer comes from the cache
        got = refparse.try_parse(text)
        try:
            expected = refparse.parse_ref(text)
        except refparse.RefError as exc:
            assert type(got) is refparse.RefError and got.args == exc.args
        else:
            assert got == expected and repr(got) == repr(expected)


def test_try_parse_of_what_is_not_text():
    got = refparse.try_parse(None)
    assert isinstance(got, refparse.RefError) and str(got) == "the reference is empty"
