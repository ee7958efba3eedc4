"""Which pages and texts of a bundle are judged to be in another language: one answer for every LOC rule.

A block judged to be English on the Spanish page has one root cause, and it is reported once, by
LOC003 (a page judged wholly another language: once, by LOC002). Every other rule that reads a
text as its locale's language (typography, number formats, units, copies, ``--fix``) asks
``other_language(bundle, ctx)`` and leaves those texts alone: Spanish sentences on a French page
do not lack French no-break spaces, and an English "The result?" does not lack a Spanish ``¿``.

The verdicts come from ``l10n.pages.judged`` and ``foreign_pages`` (the language judge,
``langid/judge.py``); this module only decides what they mean for the rules, so a new judge plugs
in behind it unchanged. Not "another language": filler text (lorem ipsum is LOC005's, whatever
language the detector hears in it). A text judged Chinese, Japanese or Korean is left to LOC006,
which quotes the runs of those scripts (the rules that assume the page's language skip it all
the same).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from listing_lint.bundle.model import base_language
from listing_lint.langid import words
from listing_lint.l10n.pages import CJK_LANGS, Judged, Text, english_page, foreign_pages, judged, page_texts, texts

LOREM = re.compile(r"\blorem\s+ipsum\b", re.I)
_WORDS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class PageVerdict:
    """A page judged, as a whole, to be in ``lang`` (LOC002)."""

    lang: str
    share: float  # of the page's judged text
    copy_of: str | None = None  # the English page's path when this page is its text unchanged


@dataclass
class BlockVerdict:
    """A text judged to be in another language than its locale's (LOC003)."""

    judged: Judged
    copy_of: str | None  # the English source when the text is a copy of it: "detail/en.html line 18", "the en title"
    #: a copy of an English text the judge does not take for English either: not reported (LOC003
    #: reports it on the English page, or not at all for a name), still skipped by the other rules
    silent: bool = False

    @property
    def item(self) -> Text:
        return self.judged.item

    @property
    def lang(self) -> str:
        return self.judged.verdict.lang

    @property
    def verdict(self) -> Any:
        return self.judged.verdict

    @property
    def whole(self) -> bool:
        """The whole text is another language; False when the judge found only a leftover
        ``phrase`` inside text in the page's language (docs/langid.md, "The per-block verdict"):
        such a block gets LOC003 for the phrase and every other rule as usual."""
        return getattr(self.verdict, "phrase", None) is None


def _key(at) -> Any:
    """Blocks are kept for the page's lifetime (``Page.blocks``); titles and alts are JSON pointers."""
    return at if isinstance(at, str) else id(at)


class OtherLanguage:
    """The bundle's pages and texts judged to be in another language, for the rules to consult."""

    def __init__(self, pages: dict[str, PageVerdict], judged_other: list[BlockVerdict]):
        self.pages = pages  # page locale -> verdict
        self._by_at = {_key(b.item.at): b for b in judged_other}
        self._whole = {k for k, b in self._by_at.items() if b.whole}
        #: what LOC003 reports, in document order (none on a page in ``pages``; CJK is LOC006's)
        self.blocks = [b for b in judged_other if base_language(b.lang) not in CJK_LANGS and not b.silent]
        self._reported = {_key(b.item.at) for b in self.blocks}

    def page(self, page_or_locale) -> PageVerdict | None:
        locale = page_or_locale if isinstance(page_or_locale, str) else page_or_locale.locale
        return self.pages.get(locale)

    def block(self, item: Text) -> BlockVerdict | None:
        return self._by_at.get(_key(item.at))

    def skips(self, item: Text) -> bool:
        """Whether a rule that reads ``item`` as its locale's language must leave it alone."""
        on_foreign_page = item.page is not None and item.locale in self.pages
        return on_foreign_page or _key(item.at) in self._whole

    def reported(self, item: Text) -> bool:
        """Whether LOC002 or LOC003 already reports ``item``'s language."""
        return (item.page is not None and item.locale in self.pages) or _key(item.at) in self._reported

    def elements(self, page) -> list:
        """The elements of ``page`` whose text is judged another language (for source-offset rules)."""
        return [
            b.item.at.element
            for b in self._by_at.values()
            if b.whole and b.item.page is page and b.item.kind not in ("alt", "title")
        ]


def other_language(bundle, ctx) -> OtherLanguage:
    """Computed once per bundle (``ctx.cache``) from the judge's verdicts."""
    key = "loc:other-language"
    if key not in ctx.cache:
        pages = _page_verdicts(bundle, ctx)
        copies = _english_sources(bundle)
        everything = judged(bundle, ctx)
        not_english = _not_english_sources(everything)
        blocks = []
        for j in everything:
            v = j.verdict
            if v.accepted or not v.lang or base_language(v.lang) == j.item.lang:
                continue
            if j.item.page is not None and j.item.locale in pages:
                continue  # the whole page is reported once (LOC002)
            if LOREM.search(j.item.judged_source):
                continue
            whole = getattr(v, "phrase", None) is None
            source = copies.get(_source_key(j.item)) if whole and j.item.lang != "en" else None
            # the English page's own text, which is not English there either: a name or a
            # quotation kept in every language ("Quattro Stagioni", "Friedrich von Hohenberg"),
            # reported once, where it is written first (on the English page), or not at all when
            # the English page takes it for a name; the other rules still leave the copy alone
            # (it is not the page's language; session 13)
            # Also silent: a copy judged the language the English page's verdict named there
            # too while letting it through ("Onion Browser": Dutch 0.90 on the Spanish page, Dutch
            # 0.56 and accepted on the English one): a name, not English left untranslated
            silent = source is not None and (_source_key(j.item) in not_english
                                             or (_source_key(j.item), v.lang) in not_english)
            blocks.append(BlockVerdict(j, source, silent))
        ctx.cache[key] = OtherLanguage(pages, blocks)
    return ctx.cache[key]


def _page_verdicts(bundle, ctx) -> dict[str, PageVerdict]:
    english = english_page(bundle)
    english_text = [b.text for b in english.blocks] if english is not None else None
    out = {}
    for locale, (lang, share) in foreign_pages(bundle, ctx).items():
        page = next((p for p in bundle.locale_pages.values() if p.locale == locale), None)
        same = page is not None and page is not english and [b.text for b in page.blocks] == english_text
        out[locale] = PageVerdict(lang, share, english.rel if same else None)
    return out


def _source_key(item: Text) -> tuple[str, str]:
    """What must be equal for ``item`` to be a copy: the kind of text and the text; for alt texts
    also the picture (``/media/3/alt/es`` is a copy of ``/media/3/alt/en``)."""
    if item.kind == "media-alt":
        return item.at.rsplit("/", 1)[0], item.text
    return ("title" if item.kind == "listing-title" else "page"), item.text


def _not_english_sources(everything: list[Judged]) -> set[tuple]:
    """The ``_source_key`` of each English text the judge did not accept as English: rejected (another
    language, whole or with a leftover), or accepted only as a name (``model == "name"``); and
    ``(_source_key, lang)`` of each English text accepted with another language ``lang`` ahead (not
    clearly rejected, not English either: a copy judged ``lang`` elsewhere is that text again)."""
    out: set[tuple] = set()
    for j in everything:
        if j.item.lang != "en":
            continue
        v = j.verdict
        if not v.accepted or v.model == "name":
            out.add(_source_key(j.item))
        elif v.lang and base_language(v.lang) != "en" and not _english_prose(j.text, v.lang):
            out.add((_source_key(j.item), v.lang))
    return out


def _english_prose(text: str, ahead: str) -> bool:
    """English copy, not a name, whatever language the judge put ahead on the English page: a word
    in lower case (a name capitalises its words: "Onion Browser", "Mozilla Monitor") and words
    ``words.REJECT_LEAD`` likelier in English than in ``ahead`` and English's neighbours. "No
    notifications yet" is French 0.52 on the English page and French 0.94 on the Spanish one, and
    untranslated there (session 17); "yet" and "no" lead English by e^11.7."""
    return any(w[:1].islower() for w in _WORDS.findall(text)) and words.rejects(text, ahead, "en")


def _english_sources(bundle) -> dict[tuple[str, str], str]:
    """The English page's blocks, title and alt texts, each under its ``_source_key``: where it is."""
    out: dict[tuple[str, str], str] = {}
    english = english_page(bundle)
    if english is not None:
        for item in page_texts(english):
            out.setdefault(_source_key(item), f"{english.rel} line {item.at.line}")
    for item in texts(bundle, pages=False):
        if item.lang == "en":
            what = "title" if item.kind == "listing-title" else "alt text"
            out.setdefault(_source_key(item), f"the {item.locale} {what}")
    return out
