"""MED010 foreign-content — a description image comes from elsewhere, or a link leaves the marketplace.

What it checks: every ``<img src>`` (and ``srcset`` candidate, and ``<picture><source srcset>``
candidate, the pictures a browser may show instead) of every detail page is a file of
the bundle or an URL on the marketplace's image hosts (AliExpress: alicdn.com, alibaba.com,
aliimg.com, aliexpress-media.com, plus the ``image-hosts`` setting); every ``<a href>`` points to
the marketplace's own domain (aliexpress.com and its country sites, plus ``link-domains``).
In-page ``#anchors`` are left alone, and so is a relative path that leaves the bundle: SCH004
reports it.
Why: AliExpress strips other images and links from the description (AeopAeProduct.detail):
the buyer never sees them, and the page loses whatever they carried.
Fails:
    detail/es.html: <img src="https://i.imgur.com/plug.jpg" alt="Un enchufe inteligente sobre un escritorio">

    detail/es.html: <p>También en <a href="https://www.amazon.com/dp/B0X">otra tienda</a>.</p>
Passes:
    detail/es.html: <img src="../media/scene-02.jpg" alt="Un enchufe inteligente sobre un escritorio">
    detail/es.html: <img src="https://ae01.alicdn.com/kf/S1.jpg" alt="Un enchufe inteligente sobre un escritorio">
    detail/es.html: <p>Visita <a href="https://www.aliexpress.com/store/1">nuestra tienda</a>.</p>
"""

from listing_lint.api import Severity
from listing_lint.config import shorten
from listing_lint.bundle.html import srcset_urls
from listing_lint.bundle.paths import LEAVES_BUNDLE, is_url
from listing_lint.rules.media._shared import host_allowed, market

CODE, NAME, SEVERITY = "MED010", "foreign-content", Severity.ERROR
#: what the HTML parser (as a browser's) makes of ``&#0;``, a NUL or a reference past U+10FFFF in an attribute
REPLACEMENT = "\ufffd"
SOURCE = "AliExpress Open Platform: AeopAeProduct.detail (topsdk AeopAeProduct.php)"


def check(bundle, ctx):
    data = market(ctx)
    hosts = list(data.get("image_hosts") or []) + ctx.config.get("image-hosts")
    domains = list(data.get("link_domains") or []) + ctx.config.get("link-domains")
    for page in bundle.pages.values():
        for img in page.elements("img", "source"):
            for src in _sources(img):
                message = _image_problem(bundle, page, src, hosts)
                if message:
                    yield ctx.finding(page.span(img), message)
        for link in page.elements("a"):
            href = (link.get("href") or "").strip()
            if href and not href.startswith("#") and not host_allowed(href, domains) and not _leaves(bundle, page, href):
                yield ctx.finding(
                    page.span(link),
                    f"link to {_short(href)} is removed by the marketplace (only links to {', '.join(domains)} are kept); "
                    "point it at the listing or store on the marketplace, or remove it",
                )


def _sources(el) -> list[str]:
    """The picture URLs of an ``<img>``, or of a ``<source>`` of a ``<picture>`` (its ``srcset``; a
    ``<source>`` of a ``<video>`` names a video, not a picture)."""
    if el.tag == "source":
        parent = el.getparent()
        return srcset_urls(el.get("srcset") or "") if parent is not None and parent.tag == "picture" else []
    out = [el.get("src").strip()] if el.get("src") and el.get("src").strip() else []
    return out + srcset_urls(el.get("srcset") or "")


def _image_problem(bundle, page, src: str, hosts: list[str]) -> str | None:
    if is_url(src):
        if host_allowed(src, hosts):
            return None
        return (
            f"image {_short(src)} is not on the marketplace's image hosts ({', '.join(hosts)}); the marketplace "
            "removes it: upload it and use its marketplace URL, or ship it in the bundle"
        )
    resolved = bundle.resolve(src, page.rel, url=True)
    if resolved.ok or resolved.problem in LEAVES_BUNDLE:
        return None  # a path leaving the bundle is SCH004's (one root cause, one finding)
    if REPLACEMENT in src:
        return (f"image {_short(src)} is missing: its name holds U+FFFD, the character a browser reads for "
                "&#0;, a NUL or a malformed character reference; write the file's name")
    return f"image {_short(src)} is missing: put the file in the bundle (e.g. media/) and point at it"


def _leaves(bundle, page, href: str) -> bool:
    """A relative link SCH004 reports as leaving the bundle."""
    return not is_url(href) and bundle.resolve(href, page.rel, url=True).problem in LEAVES_BUNDLE


def _short(text: str) -> str:
    return shorten(text, 80)
