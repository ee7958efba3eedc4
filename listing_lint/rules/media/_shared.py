"""What the MED rules share: media items with their files, limits with their severity, host lists."""

from __future__ import annotations

from typing import Iterator
from urllib.parse import urlsplit

from listing_lint.api import Severity
from listing_lint.bundle.model import base_language, checked_locales, normalize_locale
from listing_lint.thresholds import marketplace_data

SCENE_ROLES = ("cover", "scene")
#: listing.json references that name a picture or a video
MEDIA_REFS = ("media", "poster", "variant-media")


def market(ctx) -> dict:
    return marketplace_data(ctx.config.get("marketplace"))


def limit(ctx, key: str) -> tuple[float, Severity]:
    """A limit's value, and the severity breaking it earns: confirmed and not overridden -> the rule's own."""
    threshold = ctx.limit(key)
    severity = ctx.rule.severity if threshold.confirmed else min(ctx.rule.severity, Severity.WARNING)
    return threshold.value, severity


def files(ctx, bundle, kinds: tuple[str, ...] = MEDIA_REFS) -> Iterator[tuple[str, object]]:
    """``(pointer, SourceFile)`` of every resolvable media reference, each file once, in document order."""
    seen: set[str] = set()
    for ref in bundle.references:
        if ref.kind not in kinds or not ref.resolved.ok or ref.resolved.rel in seen:
            continue
        seen.add(ref.resolved.rel)
        file = source_file(ctx, bundle, bundle.get(ref.pointer))
        if file is not None:
            yield ref.pointer, file


def source_file(ctx, bundle, ref: str):
    """``bundle.file(ref)``, resolved once per bundle for all MED rules (resolving stats every folder)."""
    memo = ctx.cache.setdefault("media.files", {})
    if ref not in memo:
        memo[ref] = bundle.file(ref)
    return memo[ref]


def item_file(ctx, bundle, item):
    return source_file(ctx, bundle, item.file)


def file_key(bundle, ref: str) -> str:
    """One name per file however it is spelled (``media/a.jpg`` and ``./media/a.jpg``)."""
    resolved = bundle.resolve(ref)
    return resolved.rel or ref


def is_main_video(item) -> bool:
    return item.kind == "video" and item.role == "cover"


def mb(size: float) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def host_allowed(url: str, hosts: list[str]) -> bool:
    """Is ``url`` served from one of ``hosts`` or a subdomain of one (http, https or protocol-relative)?"""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https", "") or not host:
        return False
    return any(host == h or host.endswith("." + h) for h in (x.lower().lstrip(".") for x in hosts))


def declared_locales(bundle, ctx) -> list[str]:
    return checked_locales(bundle.locales, ctx.config.get("required-locales"))


def has_locale(keys, locale: str) -> bool:
    """``es`` text serves ``es-ES`` and ``es-ES`` text serves ``es``."""
    locale = normalize_locale(locale)
    base = base_language(locale)
    for key in keys:
        key = normalize_locale(key)
        if key == locale or (base_language(key) == base and base in (key, locale)):
            return True
    return False


def media_free_single_file(bundle) -> bool:
    """A single-file bundle with no media: the format's inline-only shape, which holds no media files.

    MED001/MED002 stay silent on it: they could never pass, and a finding nobody can fix is noise.
    """
    return bundle.single_file and bundle.get("/media") == []
