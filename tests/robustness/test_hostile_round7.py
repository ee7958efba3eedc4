"""Hostile input, round 7 (session 17): the URLs a detail page names.

``srcset`` was split on "," and then on " ": a candidate separated by a tab or a newline was a file
named ``a.jpg<TAB>1x`` (MED010 "missing", false), a ``data:`` URL was cut at its comma into two
findings, a picture named only in a ``srcset`` was SCH007 "nothing references it; delete it"
(false: deleting it breaks the page), and a candidate leaving the bundle was reported by nobody.
A Windows drive path (``C:\\x.jpg``) read as a URL of the scheme ``c:``.
"""

import time

import pytest
from builder import BundleBuilder, findings, png_bytes
from page_urls import ALT, PAGE, PAGE_LINE, page_bundle
from page_urls import found as _found

from listing_lint.bundle.html import srcset_urls
from listing_lint.bundle.paths import is_url

@pytest.mark.parametrize(
    ("value", "urls"),
    [
        ("a.jpg 1x, b.jpg 2x", ["a.jpg", "b.jpg"]),
        ("a.jpg\t1x,\nb.jpg\t2x", ["a.jpg", "b.jpg"]),  # any ASCII white space separates
        ("data:image/png;base64,iVBORw0KGgo= 1x, b.png 2x", ["data:image/png;base64,iVBORw0KGgo=", "b.png"]),
        ("a.jpg?w=1,2 1x", ["a.jpg?w=1,2"]),  # a comma inside a URL is the URL's
        ("a.jpg,, b.jpg", ["a.jpg", "b.jpg"]),  # trailing commas end a URL without descriptors
        ("a.jpg (x, y) 1x, b.jpg", ["a.jpg", "b.jpg"]),  # a comma in parentheses is a descriptor's
        ("a.jpg 1x (unclosed, b.jpg", ["a.jpg"]),
        (" , ,", []),
    ],
)
def test_srcset_urls_read_as_the_html_standard_parses_them(value, urls):
    assert srcset_urls(value) == urls


def test_srcset_candidates_separated_by_tabs_and_newlines_are_the_bundle_s_files(tmp_path):
    page_bundle(tmp_path, f'<img src="../media/a.png" srcset="../media/a.png\t1x,\n  ../media/b.png\t2x" {ALT}>')
    assert _found(tmp_path, ["MED010", "SCH"]) == []  # was MED010 "../media/a.png<TAB>1x is missing" twice, SCH007 on b.png


def test_a_data_url_in_srcset_is_one_finding(tmp_path):
    page_bundle(tmp_path, f'<img src="../media/a.png" srcset="data:image/png;base64,iVBORw0KGgo= 2x" {ALT}>')
    found = findings(tmp_path, select="MED010")
    assert [(f.code, f.path, f.line) for f in found] == [("MED010", "listings/demo/detail/en.html", PAGE_LINE)]
    assert "data:image/png;base64,iVBORw0KGgo=" in found[0].message  # was cut at the comma, and "iVBORw0KGgo= is missing"


def test_a_picture_named_only_in_a_srcset_is_referenced(tmp_path):
    page_bundle(tmp_path, f'<picture><source srcset="../media/b.png 800w"><img src="../media/a.png" {ALT}></picture>')
    assert _found(tmp_path, "SCH007") == []  # was "media/b.png ... nothing references it; ... delete it"


def test_near_miss_a_picture_named_nowhere_is_still_an_orphan(tmp_path):
    page_bundle(tmp_path, f'<img src="../media/a.png" srcset="../media/a.png 2x" {ALT}>')
    assert _found(tmp_path, "SCH007") == [("SCH007", "listings/demo/media/b.png", None)]


def test_a_srcset_candidate_leaving_the_bundle_is_sch004(tmp_path):
    page_bundle(tmp_path, f'<img src="../media/a.png" srcset="../media/a.png 1x, ../../../../etc/passwd 2x" {ALT}>')
    found = findings(tmp_path, select=["SCH004", "MED010"])
    assert [(f.code, f.path, f.line) for f in found] == [("SCH004", "listings/demo/detail/en.html", PAGE_LINE)]
    assert "srcset='../../../../etc/passwd'" in found[0].message  # was reported by no rule


def test_near_miss_srcset_candidates_inside_the_bundle_are_silent(tmp_path):
    page_bundle(tmp_path, f'<img src="../media/a.png" srcset="../media/a.png 1x, ./../media/b.png 2x" {ALT}>')
    assert _found(tmp_path, ["SCH004", "MED010"]) == []


@pytest.mark.parametrize("path", ["C:\\media\\a.png", "c:/media/a.png"])
def test_a_windows_drive_path_in_a_page_is_an_absolute_path(tmp_path, path):
    page_bundle(tmp_path, f'<img src="{path}" {ALT}><img src="../media/b.png" {ALT}>')
    found = findings(tmp_path, select=["SCH004", "MED010"])
    assert [(f.code, f.path, f.line) for f in found] == [("SCH004", "listings/demo/detail/en.html", PAGE_LINE)]
    assert "an absolute path" in found[0].message  # was MED010 "image C:... is not on the marketplace's image hosts"
    assert not is_url(path)


def test_near_miss_urls_with_a_scheme_are_still_urls():
    assert all(is_url(u) for u in ("https://ae01.alicdn.com/a.jpg", "data:image/png;base64,AA", "//cdn/a.jpg", "x:y"))
    assert not any(is_url(p) for p in ("media/a.png", "\\\\server\\share\\a.png"))


def test_near_miss_a_foreign_image_url_is_still_med010(tmp_path):
    page_bundle(tmp_path, f'<img src="https://i.imgur.com/c.png" {ALT}><img src="../media/b.png" {ALT}>')
    assert _found(tmp_path, ["SCH004", "MED010"]) == [("MED010", "listings/demo/detail/en.html", PAGE_LINE)]


def test_a_srcset_of_many_candidates_is_linear(tmp_path):
    many = ", ".join(f"../media/a.png?v={i} {i}w" for i in range(1, 30_001))  # 750 KB on one attribute
    page_bundle(tmp_path, f'<img src="../media/a.png" srcset="{many}, ../media/b.png 1x" {ALT}>')
    start = time.process_time()
    assert _found(tmp_path, ["SCH", "MED010"]) == []
    took = time.process_time() - start
    assert took < 3, f"{took:.1f} s"


# Pictures whose first bytes match no format listing-lint knows were handed to Pillow's search over
# every plugin: an ICO or TGA named .jpg decoded cleanly with no format and no rule said a word (the
# marketplace takes JPEG, PNG, WebP), and an EPS would go to Ghostscript where it is installed.


def _saved(fmt: str, size=(900, 900)) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(out, fmt)
    return out.getvalue()


def _named_jpg(tmp_path, data: bytes) -> BundleBuilder:
    b = BundleBuilder(tmp_path)
    b.file("media/a.jpg", data)
    b.data["media"].append({"kind": "image", "file": "media/a.jpg", "role": "scene"})
    b.write()
    return b


@pytest.mark.parametrize("fmt", ["ICO", "TGA", "PPM"])
def test_a_picture_in_a_format_of_unknown_magic_named_jpg_is_med005(tmp_path, fmt):
    b = _named_jpg(tmp_path, _saved(fmt))
    found = findings(tmp_path, select=["MED005", "MED006"])
    assert [(f.code, f.path, f.line) for f in found] == [("MED005", "listings/demo/listing.json", b.line_of('"media/a.jpg"'))]
    assert "not an image any decoder here recognises" in found[0].message  # was silent


def test_an_eps_named_jpg_never_reaches_pillow_s_eps_plugin(tmp_path, monkeypatch):
    from PIL import EpsImagePlugin

    opened = []
    real = EpsImagePlugin.EpsImageFile._open
    monkeypatch.setattr(EpsImagePlugin.EpsImageFile, "_open", lambda self: opened.append(1) or real(self))
    eps = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 900 900\nnewpath 0 0 moveto showpage\n%%EOF\n"
    _named_jpg(tmp_path, eps)
    assert [f.code for f in findings(tmp_path, select=["MED005", "MED006"])] == ["MED005"]
    assert opened == []  # was opened (and loaded: Ghostscript, where installed)


@pytest.mark.parametrize(("fmt", "ext"), [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")])
def test_near_miss_a_taken_format_under_its_own_name_is_silent(tmp_path, fmt, ext):
    b = BundleBuilder(tmp_path)
    b.file(f"media/a.{ext}", _saved(fmt))
    b.data["media"].append({"kind": "image", "file": f"media/a.{ext}", "role": "scene"})
    b.write()
    assert findings(tmp_path, select=["MED005", "MED006"]) == []


def test_near_miss_a_known_format_under_a_wrong_name_is_still_named(tmp_path):
    _named_jpg(tmp_path, _saved("BMP"))
    (found,) = findings(tmp_path, select=["MED005", "MED006"])
    assert "is BMP data named .jpg" in found.message


def test_the_html_report_makes_no_thumbnail_of_a_picture_of_unknown_magic():
    from listing_lint.reporters.html.thumbs import thumbnail_uri

    assert thumbnail_uri(_saved("ICO")) is None  # was a thumbnail of the ICO
    assert thumbnail_uri(_saved("PNG", (200, 200))).startswith("data:image/jpeg;base64,")


# A page's src and href are URLs: a browser decodes their percent-escapes. "scene%2001.jpg" (how
# editors export a name with a space) was MED010 "missing" and its file SCH007 "delete it", and
# "%2e%2e/%2e%2e/etc/passwd", which a browser reads as "../../etc/passwd", was only "missing".


def _spaced(tmp_path, body: str) -> BundleBuilder:
    b = BundleBuilder(tmp_path)
    b.file("media/scene 01.png", png_bytes())
    b.file("media/café.png", png_bytes(color=(10, 20, 30)))
    b.page("en", PAGE.format(body))
    b.write()
    return b


def test_percent_escapes_in_a_page_url_name_the_bundle_s_files(tmp_path):
    _spaced(tmp_path, f'<img src="../media/scene%2001.png" {ALT}><img src="../media/caf%C3%A9.png" {ALT}>')
    assert _found(tmp_path, ["SCH", "MED010"]) == []


def test_percent_escaped_dot_segments_leaving_the_bundle_are_sch004(tmp_path):
    _spaced(tmp_path, f'<img src="../media/scene%2001.png" {ALT}><img src="caf%C3%A9.png" srcset="%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd 2x" {ALT}>')
    found = _found(tmp_path, ["SCH004", "MED010"])
    assert found == [("MED010", "listings/demo/detail/en.html", PAGE_LINE), ("SCH004", "listings/demo/detail/en.html", PAGE_LINE)]


def test_near_miss_a_percent_escape_naming_no_file_is_still_missing(tmp_path):
    _spaced(tmp_path, f'<img src="../media/scene%2002.png" {ALT}>')
    found = findings(tmp_path, select="MED010")
    assert [(f.code, f.line) for f in found] == [("MED010", PAGE_LINE)]
    assert "scene%2002.png is missing" in found[0].message


def test_near_miss_a_listing_json_path_is_a_file_path_not_a_url(tmp_path):
    b = BundleBuilder(tmp_path)
    b.file("media/scene 01.png", png_bytes())
    b.data["media"].append({"kind": "image", "file": "media/scene%2001.png", "role": "scene"})
    b.write()
    (found,) = findings(tmp_path, select=["SCH003", "SCH007"])  # SCH007 leaves the file it probably means to SCH003
    assert (found.code, found.line) == ("SCH003", b.line_of('"media/scene%2001.png"'))
