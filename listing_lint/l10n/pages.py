"""What the LOC rules read: every buyer-visible text of a bundle, by locale, with where it is.

``texts(bundle)`` lists page blocks, titles (``/title/<locale>``) and media alt texts
(``/media/<i>/alt/<locale>``) as ``Text`` records; ``judged(...)`` adds the language verdict,
computed only when a rule asks and shared through ``ctx.cache`` by LOC002, LOC003 and LOC007.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from listing_lint.bundle.model import base_language, normalize_locale
from listing_lint.bundle.positions import pointer
from listing_lint.l10n import ingredients
from listing_lint.l10n.neutral import codes_with_a_word, strip_neutral
from listing_lint.langid import words
from listing_lint.langid.base import CYRILLIC_LANGS
from listing_lint.schema.files import is_locale_key

CJK_LANGS = frozenset({"zh", "ja", "ko"})


@dataclass(eq=False)
class Text:
    locale: str  # normalised locale of the page/title/alt, e.g. "es-ES"
    kind: str  # "p", "td", "alt", "title" (page attribute), "listing-title", "media-alt"
    text: str  # visible text
    judged_source: str  # text left for language judgement (translate="no"/other-lang parts removed)
    at: Any  # a Block or a JSON pointer: what findings point at
    declared: str | None = None  # lang="xx" in force, if any
    page: Any = None  # the Page for blocks
    _judged: str | None = field(default=None, repr=False)

    @cached_property
    def lang(self) -> str:
        return base_language(self.locale)  # asked ~750 times a bundle: kept on the record

    @property
    def other_language(self) -> bool:
        """Marked as another language (``lang="en"`` inside a Spanish page): not judged as the page's."""
        return self.declared is not None and base_language(self.declared) != self.lang

    @property
    def where(self) -> str:
        if isinstance(self.at, str):
            return "title" if self.kind == "listing-title" else "alt text"
        return {"alt": "alt text", "title": "title attribute", "td": "table cell", "th": "table header",
                "li": "list item", "p": "paragraph"}.get(self.kind, "heading" if self.kind[:1] == "h" and self.kind[1:].isdigit() else "block")


def brand_terms(bundle) -> tuple[str, ...]:
    """The bundle's own brand name and SKU models/ids: never a language signal."""
    terms = []
    name = bundle.get("/brand/name")
    if isinstance(name, str):
        terms.append(name)
    for sku in bundle.list_at("/skus"):
        if isinstance(sku, dict):
            terms.extend(v for v in (sku.get("model"), sku.get("id")) if isinstance(v, str))
    return tuple(t for t in terms if t.strip())


def glossary(ctx) -> tuple[str, ...]:
    """The project's ``keep-terms``: product lines, trademarks and technical terms kept untranslated."""
    terms = ctx.config.get("keep-terms")
    return tuple(terms) if isinstance(terms, list) else ()


def keep_terms(bundle, ctx) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the bundle's own names, the project's glossary): what ``judged_text`` removes as names."""
    return brand_terms(bundle), glossary(ctx)


def page_texts(page) -> list[Text]:
    """The page's blocks as ``Text`` records, made once per page (six LOC rules and ``texts`` ask, some
    once per locale: 21 lists a bundle); a new list each time, the same records (issue 18, session 9)."""
    made = page.__dict__.get("_l10n_texts")
    if made is None:
        made = page.__dict__["_l10n_texts"] = [
            Text(page.locale, b.kind, b.text, b.judged_text, b, b.lang, page)
            for b in page.blocks
        ]
    return list(made)


def texts(bundle, pages: bool = True, titles: bool = True, alts: bool = True) -> list[Text]:
    """Every buyer-visible text of the bundle, pages first (in locale order), then titles, then alts.

    Built once per bundle and selection (seven LOC rules ask); a new list each time, the same records.
    """
    memo = bundle.__dict__.setdefault("_l10n_texts", {})
    key = (pages, titles, alts)
    if key not in memo:
        memo[key] = _texts(bundle, pages, titles, alts)
    return list(memo[key])


def _texts(bundle, pages: bool, titles: bool, alts: bool) -> list[Text]:
    out: list[Text] = []
    if pages:
        for page in bundle.locale_pages.values():
            out.extend(page_texts(page))
    if titles:
        for key, value in bundle.dict_at("/title").items():
            if isinstance(value, str) and value.strip() and is_locale_key(key):  # "english": SCH002's, no locale
                out.append(Text(normalize_locale(key), "listing-title", value, value, pointer("title", key)))
    if alts:
        for i, item in enumerate(bundle.list_at("/media")):
            alt = item.get("alt") if isinstance(item, dict) else None
            for key, value in (alt.items() if isinstance(alt, dict) else ()):
                if isinstance(value, str) and value.strip() and is_locale_key(key):
                    out.append(Text(normalize_locale(key), "media-alt", value, value, pointer("media", i, "alt", key)))
    return out


def product_names(bundle) -> list[str]:
    """What names the product in every locale: the listing's titles and its pages' headings."""
    return [t.text for t in texts(bundle, alts=False)
            if t.kind == "listing-title" or (t.kind[:1] == "h" and t.kind[1:].isdigit())]


def judged_text(item: Text, terms: tuple[tuple[str, ...], tuple[str, ...]]) -> str:
    """``item``'s text without what carries no language; ``terms``: ``keep_terms(bundle, ctx)``."""
    if item._judged is None:
        own, kept = terms
        source = item.judged_source
        label = ingredients.label_of(source)  # INCI names are every language's: only a label is judged
        item._judged = strip_neutral(source if label is None else label, own, kept,
                                     cyrillic_page=item.lang in CYRILLIC_LANGS)
    return item._judged


def english_page(bundle):
    for page in bundle.locale_pages.values():
        if base_language(page.locale) == "en":
            return page
    return None


@lru_cache(maxsize=64)
def language_name(code: str) -> str:
    from listing_lint.l10n.cldr import kept

    return kept("english-name", code, lambda: _language_name(code), lambda name: 0 < len(name) <= 60)


def _language_name(code: str) -> str:
    from babel import Locale

    try:
        return Locale.parse(code.replace("-", "_")).english_name or code
    except Exception:  # noqa: BLE001 - any tag Babel does not know: show the code
        return code


@dataclass
class Judged:
    item: Text
    text: str  # what was judged
    verdict: Any  # langid.judge.Verdict


@dataclass
class JudgeCut:
    """Where a page (or listing.json) ran past ``langid-max-judged-chars``: the first text not
    judged whole, the budget, and how many characters were left unjudged (of the texts past the
    budget, counted before neutral stripping: they are not stripped)."""

    first: Text
    judged: int
    skipped: int = 0


def judge_cuts(bundle, ctx) -> dict[str, JudgeCut]:
    """Page locale ("" for listing.json's titles and alt texts) -> where its judging stopped."""
    judged(bundle, ctx)
    return ctx.cache["loc:judge-cut"]


def judged(bundle, ctx, pages: bool = True, titles: bool = True, alts: bool = True) -> list[Judged]:
    """Verdicts for every text long enough to judge (``langid-min-chars``), in document order.

    Skipped: texts marked as another language, CJK-locale texts, texts whose judged part is
    shorter than the minimum, and mojibake the judge would reject (LOC011's; checked only then).
    Each page (and listing.json's titles and alt texts together) gives the judge at most
    ``langid-max-judged-chars``; what is past it is not judged, and ``judge_cuts`` says where.
    Shared through ``ctx.cache`` so each text is judged once per bundle.
    """
    from listing_lint.l10n.cldr import territory_names_only
    from listing_lint.l10n.mojibake import repaired
    from listing_lint.langid.judge import get_judge

    key = "loc:judged"
    if key not in ctx.cache:
        minimum = ctx.threshold("langid-min-chars")
        budget = int(ctx.threshold("langid-max-judged-chars"))
        judge = get_judge(ctx.config.get("language-detector"))
        everything, terms = [], keep_terms(bundle, ctx)
        spent: dict[str, int] = {}  # judged characters per page locale ("" for listing.json's texts)
        cut: dict[str, JudgeCut] = {}
        asked: list[tuple[Text, str]] = []  # what is judged: decided before any verdict
        for item in texts(bundle):
            if item.other_language or item.lang in CJK_LANGS:
                continue
            # bounded time on a page of a million words: judge its first part only
            where = item.locale if item.page is not None else ""
            done = spent.get(where, 0)
            if budget - done < minimum:  # spent: the rest is counted, neither stripped nor judged
                cut.setdefault(where, JudgeCut(item, budget)).skipped += len(item.judged_source)
                continue
            text = judged_text(item, terms)
            if len(text) < minimum or territory_names_only(text, item.lang) or codes_with_a_word(item.judged_source, text):
                continue  # too short to judge, only names of countries or codes (no language evidence)
            if len(text) > budget - done:
                cut.setdefault(where, JudgeCut(item, budget)).skipped += len(text) - (budget - done)
                text = text[: budget - done]
            spent[where] = done + len(text)
            asked.append((item, text))
        judge.prefetch([(text, item.lang) for item, text in asked])  # the first pass, all at once
        for item, text in asked:
            verdict = judge.judge(text, item.lang)
            if not verdict.accepted and repaired(item.text) is not None:
                continue  # mojibake is LOC011's: its broken letters are no language
            everything.append(Judged(item, text, verdict))
        ctx.cache[key] = everything
        ctx.cache["loc:judge-cut"] = cut
    wanted = {"listing-title": titles, "media-alt": alts}  # any other kind is a page block
    return [j for j in ctx.cache[key] if wanted.get(j.item.kind, pages)]


def _joined(texts) -> str:
    """Blocks as one text, each its own sentence (a block's capital is no mid-sentence name)."""
    return " ".join(t if t[-1:] in ".!?" else t + "." for t in texts)


#: a page of one block with less judged text than this is judged by the accurate pass even when
#: the fast pass accepts it (the fast model's "Spanish 0.93" on a Portuguese sentence is no
#: evidence); pages of several blocks are judged joined, a longer sample, and correct product pages
#: load no accurate model. Measured in docs/langid.md (whole wrong pages).
CAREFUL_PAGE_CHARS = 200
#: ... and a block the fast pass accepted with at least DOUBT_SURE keeps that acceptance when
#: another block of its page is foreign: the doubt is for the fast pass's weak acceptances between
#: neighbours ("Por favor insira o último nome." is Spanish 0.91 for it), and re-judging sure
#: ones loaded the accurate models of languages the page has nothing of (a pre-commit run with
#: one Spanish paragraph on an English page built de, fr and nl models to re-confirm English
#: blocks the fast pass called English 1.00; issue 18). Measured in docs/langid.md.
DOUBT_SURE = 0.999


def _joined_foreign(verdict, text: str, own: str) -> str | None:
    """The language a page's blocks judged together are in, when not the page's: the verdict's,
    unless the words keep the page language against it and every neighbour (``words.keeps``). The
    models read labels joined as one text, where n-grams shared by neighbours add up: a Spanish
    page of order states and cart labels ("Procesando. Completado. … Artículos en el carrito. No
    se han encontrado pedidos.") is Portuguese 0.82-0.99 to the accurate pass, its words lead
    Spanish by e^53 (session 17). Catalan labels on a Spanish page keep Catalan words."""
    foreign = verdict.foreign
    return None if foreign and words.keeps(text, own, foreign) else foreign


def _surely_own(verdict, own: str, text: str, judge) -> bool:
    """The fast pass accepts the text as the page language with ``DOUBT_SURE`` (asked again when the
    first pass answered: its py3langid confidence is no measure of the fast pass's)."""
    if verdict.model == "fast":
        return verdict.lang == own and verdict.confidence >= DOUBT_SURE
    return verdict.model == "first" and judge.fast_share(text, own) >= DOUBT_SURE


def _undecided(verdict, own: str) -> bool:
    """Accepted by the accurate pass with another language on top (no clear decision: "El campo ha
    de ser numéric i pot contenir coma." is fr 0.44 / es 0.40 on a Spanish page). Beside a block
    judged another language it is not weighed for the page's language: a Catalan page of two
    blocks, one rejected as Catalan, was 63 % "Spanish" (third corpus, docs/langid.md)."""
    return verdict.accepted and verdict.model == "accurate" and verdict.lang not in (None, own)


def _first_pass_holds(items, total: int, share_needed: float) -> bool:
    """The first pass accepted (py3langid, ``FIRST_SURE``, from 30 characters) blocks holding more
    than ``1 - share_needed`` of a page of at least ``CAREFUL_PAGE_CHARS``: no other language can
    reach the share, and the page's text joined is not judged again (issue 18: a quarter of
    py3langid's time on a correct catalogue went to joined pages). Short pages are still joined
    and weighed against the neighbours (two Catalan labels each pass as Spanish)."""
    if total < CAREFUL_PAGE_CHARS:
        return False
    return _out_of_reach(sum(len(j.text) for j in items if j.verdict.model == "first"), total, share_needed)


def _out_of_reach(own: int, total: int, share_needed: float) -> bool:
    """The page language holds more than ``1 - share_needed`` of the text: no other language can
    reach the share that makes the page foreign."""
    return own > total * (1 - share_needed)


def foreign_pages(bundle, ctx) -> dict[str, tuple[str, float]]:
    """Pages whose judged text is mostly one other language: page locale -> (language, share).

    The blocks' verdicts weighted by length, except that a page's short blocks (under
    ``langid-error-chars``, where a verdict is weak alone) are judged together as one text when
    they add up to that length: "Data i hora", "Casella de selecció" pass as Spanish one by one,
    together they are Catalan. When every block passes alone, the page's text is judged once more
    as one text, each block a sentence.
    """
    key = "loc:foreign-pages"
    if key in ctx.cache:
        return ctx.cache[key]
    from listing_lint.langid.judge import QUICK_STAGES, get_judge

    share_needed = ctx.threshold("langid-page-share")
    long_from = ctx.threshold("langid-error-chars")
    by_page: dict[str, list[Judged]] = {}
    for j in judged(bundle, ctx, titles=False, alts=False):
        by_page.setdefault(j.item.locale, []).append(j)
    out = {}
    for locale, items in by_page.items():
        own = base_language(locale)
        weights: dict[str, int] = {}
        short = [j for j in items if len(j.text) < long_from]
        together = _joined(j.text for j in short)
        grouped = len(short) >= 2 and len(together) >= long_from
        short_ids = {id(j) for j in short}
        judge = get_judge(ctx.config.get("language-detector"))
        # a block judged another language makes the fast pass's acceptance of the others weak
        # evidence: they are judged again by the accurate pass ("Por favor insira o último nome."
        # is Spanish 0.91 for the fast model, Portuguese 0.79 for the accurate one)
        doubt = any(j.verdict.foreign for j in items)
        doubted, undecided = [], 0
        for j in items:
            if grouped and id(j) in short_ids:
                continue
            lang = own if j.verdict.accepted or not j.verdict.lang else j.verdict.lang
            if doubt and _undecided(j.verdict, own):
                undecided += len(j.text)  # counts for the page's length, weighs for no language
                continue
            if doubt and lang == own and j.verdict.model in QUICK_STAGES and j.verdict.confidence < DOUBT_SURE:
                doubted.append(j)
                continue
            weights[lang] = weights.get(lang, 0) + len(j.text)
        if grouped:
            lang = _joined_foreign(judge.judge(together, own), together, own) or own
            weights[lang] = weights.get(lang, 0) + sum(len(j.text) for j in short)
        total = sum(weights.values()) + sum(len(j.text) for j in doubted)
        # longest first, and only while the answer can still change: once the page's own language
        # holds more than 1 - share of the text, no other language can reach the share (issue 18:
        # a pre-commit run with one foreign paragraph re-judged every other block of its page)
        settled = False
        for j in sorted(doubted, key=lambda j: -len(j.text)):
            settled = settled or _out_of_reach(weights.get(own, 0), total, share_needed)
            lang = own if settled else judge.judge(j.text, own, careful=True).foreign or own
            weights[lang] = weights.get(lang, 0) + len(j.text)
        if total + undecided < long_from:
            continue  # too little text to call the whole page
        if (not settled and set(weights) == {own} and (len(items) >= 2 or total < CAREFUL_PAGE_CHARS)
                and not _first_pass_holds(items, total, share_needed)):
            # every block passed alone: the page's text as one is a longer, surer sample (two
            # Catalan labels can each pass as Spanish; together they do not); a page of one short
            # block is judged by the accurate pass (the fast one calls "Por favor selecione uma
            # calculadora de método de envio." Spanish 0.93) unless both fast models are sure of
            # the page language (judge.CAREFUL_BOTH_SURE). Not when some block failed: lingua
            # follows the foreign part of mixed text (a French page with one English paragraph
            # joined is "English 1.00"); then the doubt above applies
            joined = _joined(j.text for j in items)
            verdict = judge.judge(joined, own, careful=len(items) == 1)
            called = _joined_foreign(verdict, joined, own)
            if not called and total < CAREFUL_PAGE_CHARS and not _surely_own(verdict, own, joined, judge):
                called = _joined_foreign(judge.against_neighbours(joined, own), joined, own)
            if called:
                weights = {called: total}
        lang, weight = max(sorted(weights.items()), key=lambda kv: kv[1])
        foreign = total - weights.get(own, 0)
        if lang == own or weight / total < share_needed:
            if foreign / total < share_needed or weights.get(own, 0) >= max(w for l, w in weights.items() if l != own):
                continue
            # most of the page is other languages but none holds half ("Bulgarian", "Ukrainian"
            # and "Russian" for three short blocks of one Russian page): the page is its biggest
            # other language, by the foreign blocks judged together
            rest = [j for j in items if j.verdict.foreign]
            named = judge.judge(_joined(j.text for j in rest), own).foreign if rest else None
            lang, weight = (named, foreign) if named else max(
                sorted((l, w) for l, w in weights.items() if l != own), key=lambda kv: kv[1])
        out[locale] = (lang, weight / total)
    ctx.cache[key] = out
    return out
