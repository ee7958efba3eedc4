"""A bundle whose en page holds a given snippet, for the hostile-input rounds on the URLs a detail
page names (rounds 7 and 8): media/a.png is named by listing.json, media/b.png by nothing."""

from __future__ import annotations

from builder import BundleBuilder, findings, png_bytes

ALT = 'alt="A smart plug on a desk"'
PAGE = (
    '<!doctype html>\n<html lang="en"><body>\n<p>This smart plug measures the energy your devices use.</p>\n'
    "{}\n</body></html>\n"
)
PAGE_LINE = 4  # the line of the body snippet


def page_bundle(tmp_path, body: str) -> BundleBuilder:
    """The bundle, written under ``tmp_path``, with ``body`` on its en page at ``PAGE_LINE``."""
    b = BundleBuilder(tmp_path)
    b.image("media/a.png")
    b.file("media/b.png", png_bytes(color=(10, 20, 30)))
    b.page("en", PAGE.format(body))
    b.write()
    return b


def found(tmp_path, select) -> list[tuple[str, str, int]]:
    """(code, path, line) of each finding of the ``select``ed rules on the bundle."""
    return [(f.code, f.path, f.line) for f in findings(tmp_path, select=select)]
