"""MED012 stripped-html — description HTML the marketplace removes.

What it checks: elements AliExpress filters out of a description (``script``, ``style``,
``iframe``, ``frame``, ``input``, ``textarea``, ``button``, ``pre``; the list is marketplace data)
and ``style`` attributes that are not simple: layout properties (``position``, ``float``,
``display``, ``transform``...), ``url(...)`` and ``expression(...)``. Each is reported at its line.
Also a ``<base href>``: a browser reads every relative URL of the page from it, so a preview
shows other pictures than the bundle's, while listing-lint reads them relative to the page
(whether AliExpress keeps ``<base>`` in a description is not published).
Why: the marketplace drops them silently (AeopAeProduct.detail), together with whatever they
held: a size table inside ``<pre>`` disappears from the page.
Fails:
    detail/es.html: <pre>Medidas: 10 x 5 cm</pre>

    detail/es.html: <div style="position:absolute;top:0"><p>Medidas del enchufe: 10 x 5 cm</p></div>
Passes:
    detail/es.html: <table><tr><td>Medidas</td><td>10 x 5 cm</td></tr></table>
    detail/es.html: <p style="color:#333;text-align:center">Medidas del enchufe: 10 x 5 cm</p>
"""

import re

from listing_lint.api import Severity
from listing_lint.config import shorten
from listing_lint.rules.media._shared import market

CODE, NAME, SEVERITY = "MED012", "stripped-html", Severity.WARNING
SOURCE = "AliExpress Open Platform: AeopAeProduct.detail (topsdk AeopAeProduct.php)"

_RISKY_VALUE = re.compile(r"url\s*\(|expression\s*\(", re.I)


def check(bundle, ctx):
    data = market(ctx)
    tags = [t.lower() for t in data.get("stripped_tags") or []]
    properties = {p.lower() for p in data.get("complex_style_properties") or []}
    for page in bundle.pages.values():
        base = next((el for el in page.elements("base") if (el.get("href") or "").strip()), None)
        if base is not None:  # only the first with an href counts in a browser
            yield ctx.finding(page.span(base), _base_message(base.get("href")))
        for el in page.elements():
            tag = el.tag.lower() if isinstance(el.tag, str) else ""
            if tag in tags:
                yield ctx.finding(page.span(el), f"<{tag}> is removed by the marketplace with its content: {_instead(tag)}")
            style = el.get("style")
            if style:
                bad = _complex(style, properties)
                if bad:
                    yield ctx.finding(
                        page.span(el),
                        f"style attribute uses {bad}, which the marketplace removes (only simple styles are kept): "
                        "lay the block out with plain HTML",
                    )


def _complex(style: str, properties: set[str]) -> str | None:
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        name = name.strip().lower()
        if name in properties:
            return f"'{name}'"
        if _RISKY_VALUE.search(value):
            return f"'{name}: {value.strip()[:40]}'"
    return None


def _base_message(href: str) -> str:
    return (f"<base href={shorten(href.strip(), 80)!r}> makes a browser read every relative URL of the page from there, "
            "not from the page's folder as listing-lint and the bundle's files do (whether the marketplace keeps "
            "<base> is not published): remove it and write each URL relative to the page")


def _instead(tag: str) -> str:
    return {
        "pre": "use <p> or a <table>",
        "style": "put simple styles in style attributes",
        "script": "descriptions cannot run code",
        "iframe": "show a picture, or add the video to media",
        "frame": "show a picture, or add the video to media",
    }.get(tag, "descriptions cannot hold form controls")
