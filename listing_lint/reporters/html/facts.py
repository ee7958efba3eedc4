"""What the HTML report shows about one bundle: locale matrix, gallery, certificates.

Read from the bundle again (``Bundle(manifest, cwd)``); everything is defensive about types,
since a broken listing.json is exactly what the report is often opened for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from listing_lint.bundle.model import Bundle, checked_locales, normalize_locale
from listing_lint.reporters.html import langs
from listing_lint.reporters.html.thumbs import Thumbnails

#: which certificate scheme is the conformity route of which market (for grouping only)
SCHEME_MARKET = {"CE": "EU", "UKCA": "UK", "PSTI": "UK", "FCC": "US"}
EXPIRY_WARNING_DAYS = 90
PAGE_SAMPLE_CHARS = 4000


@dataclass
class Cell:
    present: bool
    detail: str = ""  # e.g. "12 of 14 items"
    detected: str | None = None  # detected language, if judged
    confidence: float = 0.0
    mismatch: bool = False


@dataclass
class LocaleRow:
    locale: str
    title: Cell
    page: Cell
    alt: Cell


@dataclass
class Tile:
    index: int
    file: str
    kind: str
    role: str
    thumb: str | None
    main_video: bool = False
    has_poster: bool = False


@dataclass
class CertRow:
    index: int
    scheme: str
    legislation: str
    number: str
    issued: str
    expires: str
    status: str  # valid | expiring | expired | not-yet-valid | unknown
    status_text: str
    lines: tuple[int, int] | None = None  # listing.json lines the entry spans


@dataclass
class BundleFacts:
    id: str
    manifest: str
    as_of: date
    locales: list[LocaleRow] = field(default_factory=list)
    gallery: list[Tile] = field(default_factory=list)
    description_media: list[Tile] = field(default_factory=list)
    certificates: dict[str, list[CertRow]] = field(default_factory=dict)  # market -> rows
    detector: str = ""  # name of the language detector used, or why none
    locales_left_out: int = 0  # locales past the report's cap (html-report-max-locales)
    media_left_out: int = 0  # media entries past the report's cap (html-report-max-media)
    skipped: str = ""  # why the facts are not shown (they took too long to read)


@dataclass(frozen=True)
class Limits:
    """How much of one bundle the report shows (thresholds ``html-report-max-*``)."""

    locales: int = 40
    media: int = 120

    @classmethod
    def from_thresholds(cls, thresholds) -> Limits:
        return cls(int(thresholds["html-report-max-locales"].value), int(thresholds["html-report-max-media"].value))


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _locales(bundle: Bundle, required: list[str]) -> list[str]:
    """The declared locales (else the required ones), then any other locale a title or page is given in."""
    found: list[str] = []
    keys = [*checked_locales(bundle.locales, required), *bundle.dict_at("/title"), *bundle.dict_at("/detail_pages")]
    for key in keys:
        if isinstance(key, str) and normalize_locale(key) not in found:
            found.append(normalize_locale(key))
    return found


def _cell(text: str, locale: str, detect, detail: str = "") -> Cell:
    if not text.strip():
        return Cell(False, detail)
    lang, conf = detect(text)
    expected = locale.split("-")[0]
    mismatch = lang is not None and conf >= 0.5 and lang != expected
    return Cell(True, detail, lang, conf, mismatch)


def locale_matrix(bundle: Bundle, required: list[str], detect, locales: list[str] | None = None) -> list[LocaleRow]:
    """One row per locale (``locales``: these only, e.g. the first ones up to the report's cap)."""
    titles = {normalize_locale(k): _text(v) for k, v in bundle.dict_at("/title").items() if isinstance(k, str)}
    pages = {p.locale: p for p in bundle.pages.values()}
    items = bundle.media
    rows = []
    for locale in _locales(bundle, required) if locales is None else locales:
        page = pages.get(locale)
        page_text = ""
        if page is not None:
            try:
                page_text = " ".join(b.judged_text for b in page.blocks if b.kind not in ("alt", "title"))
            except Exception:  # noqa: BLE001 - an unparsable page shows as absent text
                page_text = ""
        alts = [m.alt.get(locale, "") for m in items]
        with_alt = [a for a in alts if a.strip()]
        alt_detail = f"{len(with_alt)} of {len(items)} media" if items else "no media"
        page_cell = _cell(page_text[:PAGE_SAMPLE_CHARS], locale, detect)
        if page is not None and not page_cell.present:
            page_cell.detail = "page has no text"
        rows.append(
            LocaleRow(
                locale=locale,
                title=_cell(titles.get(locale, ""), locale, detect),
                page=page_cell,
                alt=_cell(" ".join(with_alt), locale, detect, alt_detail),
            )
        )
    return rows


def _tile(bundle: Bundle, item, main_video: bool, thumbs) -> Tile:
    source = item.poster if item.kind == "video" and item.poster else item.file
    file = bundle.file(source)
    thumb = thumbs(file) if file is not None else None
    return Tile(item.index, item.file, item.kind, item.role, thumb, main_video, bool(item.poster))


def gallery(bundle: Bundle, thumbs=None, most: int | None = None) -> tuple[list[Tile], list[Tile]]:
    """(gallery tiles in display order, description-placed tiles) of the first ``most`` media
    entries; the first gallery video is the main video."""
    thumbs = thumbs or Thumbnails()
    shown, described = [], []
    main_marked = False
    for item in bundle.media[:most]:
        if item.placement == "description":
            described.append(_tile(bundle, item, False, thumbs))
            continue
        is_main = item.kind == "video" and not main_marked
        main_marked = main_marked or is_main
        shown.append(_tile(bundle, item, is_main, thumbs))
    return shown, described


def _date(value) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def cert_status(issued: date | None, expires: date | None, as_of: date) -> tuple[str, str]:
    if issued is not None and issued > as_of:
        return "not-yet-valid", f"not yet issued on {as_of} (issued {issued})"
    if expires is not None and expires < as_of:
        return "expired", f"expired on {expires}"
    if expires is not None and (expires - as_of).days <= EXPIRY_WARNING_DAYS:
        return "expiring", f"expires on {expires} ({(expires - as_of).days} days)"
    if issued is None:
        return "unknown", "no valid issue date"
    return "valid", f"valid on {as_of}" + (f", until {expires}" if expires else "")


def certificates(bundle: Bundle, as_of: date) -> dict[str, list[CertRow]]:
    groups: dict[str, list[CertRow]] = {m: [] for m in bundle.markets}
    for i, cert in enumerate(bundle.list_at("/certificates")):
        if not isinstance(cert, dict):
            continue
        scheme = _text(cert.get("scheme")) or "?"
        legislation = cert.get("legislation")
        status, text = cert_status(_date(cert.get("issued")), _date(cert.get("expires")), as_of)
        span = bundle.span(f"/certificates/{i}")
        lines = (span.line, span.end_line or span.line) if span.line else None
        row = CertRow(
            index=i,
            scheme=scheme,
            legislation=", ".join(x for x in legislation if isinstance(x, str)) if isinstance(legislation, list) else "",
            number=_text(cert.get("number")),
            issued=_text(cert.get("issued")),
            expires=_text(cert.get("expires")),
            status=status,
            status_text=text,
            lines=lines,
        )
        groups.setdefault(SCHEME_MARKET.get(scheme, "other"), []).append(row)
    return groups


def collect(bundle: Bundle, as_of: date, config, thumbs=None, limits: Limits = Limits()) -> BundleFacts:
    """The facts of one bundle, within ``limits`` (what is past them is counted, not shown)."""
    detect, detector_name = langs.detector_for(config)
    facts = BundleFacts(id=bundle.id, manifest=bundle.manifest.display, as_of=as_of, detector=detector_name)
    if bundle.data is None:
        return facts
    every = _locales(bundle, config.get("required-locales"))
    facts.locales_left_out = max(0, len(every) - limits.locales)
    facts.locales = locale_matrix(bundle, config.get("required-locales"), detect, every[: limits.locales])
    facts.media_left_out = max(0, len(bundle.media) - limits.media)
    facts.gallery, facts.description_media = gallery(bundle, thumbs, limits.media)
    facts.certificates = certificates(bundle, as_of)
    return facts
