"""LOC001 missing-locale — a required locale has no title or no detail page.

What it checks: every required locale (the locales the bundle declares in ``locales`` and the
``required-locales`` config, default en, es, fr, ru: both, a bundle cannot opt out of what the
project requires) has a non-empty entry in ``title`` and in ``detail_pages``. A required ``es`` is satisfied by ``es-ES``; a required ``es-ES`` needs exactly
that region. (A page that is listed but missing on disk is SCH003; an empty title is LOC010; a
title or page the schema rejects, ``"es": null``, is SCH002, and so is a key that is no locale tag,
``"english"``: the missing locale may be that key, and LOC001 says nothing of that map, nor of an
empty page under that key.)
A detail page that is listed but empty — no text, no picture, no video, only comments or an
empty ``<body>`` (what ``listing-lint init`` writes) — is a missing page too.
Why: a buyer on the Spanish site sees the machine translation of the English title, or no
description at all.
Fails:
    listing.json /title/es removed

    detail/es.html = <!DOCTYPE html><html lang="es"><head><meta charset="utf-8"></head><body><!-- Escribe aquí la página --></body></html>
Passes:
    listing.json /title/es removed
    listing.json /title/es-ES = "Enchufe inteligente con medidor de consumo"
"""

from listing_lint.api import Severity
from listing_lint.bundle.model import checked_locales, normalize_locale
from listing_lint.bundle.positions import pointer
from listing_lint.schema.files import is_locale_key

CODE, NAME, SEVERITY = "LOC001", "missing-locale", Severity.ERROR


def required_locales(bundle, ctx) -> list[str]:
    return checked_locales(bundle.locales, ctx.config.get("required-locales"))


def _has(keys: list[str], locale: str) -> bool:
    if "-" in locale:
        return locale in keys
    return any(k.split("-")[0] == locale for k in keys)


#: elements that are content without text: an image-only detail page is a page
_CONTENT_TAGS = ("img", "video", "picture", "iframe", "object", "embed", "svg")


def _empty(page) -> bool:
    if page.text is None or page.parse_problem is not None:
        return False  # unreadable, too large or parsed only in part: SCH001 says so
    if page.root is None:
        return True
    if any(block.text.strip() for block in page.blocks):
        return False
    return not any(True for _ in page.elements(*_CONTENT_TAGS))


def _empty_pages(bundle, ctx):
    for key, page in bundle.locale_pages.items():
        if _empty(page):
            body = page.root.find("body") if page.root is not None else None
            at = page.span(body) if body is not None and page.file is not None else page
            yield ctx.finding(at, f"the {key} detail page is empty (no text, pictures or video); write the {key} description")


def check(bundle, ctx):
    if bundle.data is None:
        return
    yield from _empty_pages(bundle, ctx)
    for field, what in (("title", "title"), ("detail_pages", "detail page")):
        value = bundle.get(f"/{field}")
        if not isinstance(value, dict):
            continue  # missing or wrong type: the schema rule reports it
        if not all(is_locale_key(k) for k in value):
            continue  # a key that is no locale tag ("english") may be the missing locale: SCH002 reports it
        # a value the schema rejects (``"es": null``) is SCH002's: the locale is there, its value wrong
        keys = [
            normalize_locale(k) for k, v in value.items()
            if v not in (None, {}, []) or bundle.schema_rejects_itself(pointer(field, k))
        ]
        for locale in required_locales(bundle, ctx):
            if not _has(keys, locale):
                yield ctx.finding(
                    f"/{field}",
                    f"no {what} for required locale {locale}; add \"{locale}\" to {field}",
                )
