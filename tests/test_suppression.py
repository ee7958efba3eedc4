"""Inline suppression in pages and listing.json, with LNT001/LNT002 for stale or unknown codes."""

from builder import BundleBuilder, lint


def bundle_with_orphans(tmp_path, page_html, ignore=None):
    b = BundleBuilder(tmp_path)
    b.data["media"].append({"kind": "image", "file": "media/missing.jpg", "role": "scene"})
    if ignore is not None:
        b.data["lint"] = {"ignore": ignore, "reason": "photos arrive next week"}
    b.page("es", page_html)
    b.write()
    return b


def test_json_ignore_hides_the_code_for_the_bundle(tmp_path):
    bundle_with_orphans(tmp_path, "<p>Hola</p>", ignore=["SCH003"])
    assert lint(tmp_path, select=["SCH", "LNT"]) == []


def test_unused_json_ignore_is_lnt001_and_unknown_is_lnt002(tmp_path):
    b = bundle_with_orphans(tmp_path, "<p>Hola</p>", ignore=["SCH003", "SCH004", "SHC003"])
    assert lint(tmp_path, select=["SCH", "LNT"]) == [
        ("listings/demo/listing.json", b.line_of('"SCH004"'), "LNT001"),
        ("listings/demo/listing.json", b.line_of('"SHC003"'), "LNT002"),
    ]


def test_disable_next_in_a_page(tmp_path):
    html = (
        "<html lang=\"es\"><body>\n"
        "<!-- listing-lint: disable-next=SCH004 -->\n"
        "\n"
        '<p><img src="../../elsewhere.jpg" alt="x"></p>\n'
        '<p><img src="../../other.jpg" alt="y"></p>\n'
        "</body></html>\n"
    )
    b = BundleBuilder(tmp_path)
    b.page("es", html)
    b.write()
    assert lint(tmp_path, select=["SCH004", "LNT"]) == [("listings/demo/detail/es.html", 5, "SCH004")]


def test_disable_enable_range_and_unused_range(tmp_path):
    html = (
        "<body>\n"
        "<!-- listing-lint: disable=SCH004 -->\n"
        '<p><img src="../../a.jpg" alt="x"></p>\n'
        "<!-- listing-lint: enable=SCH004 -->\n"
        '<p><img src="../../b.jpg" alt="y"></p>\n'
        "<!-- listing-lint: disable=schema-violation -->\n"
        "</body>\n"
    )
    b = BundleBuilder(tmp_path)
    b.page("es", html)
    b.write()
    assert lint(tmp_path, select=["SCH", "LNT"]) == [
        ("listings/demo/detail/es.html", 5, "SCH004"),
        ("listings/demo/detail/es.html", 6, "LNT001"),
    ]


def test_suppression_of_a_rule_that_did_not_run_is_not_unused(tmp_path):
    bundle_with_orphans(tmp_path, "<p>Hola</p>", ignore=["SCH007"])
    assert [code for _, _, code in lint(tmp_path, select=["SCH003", "LNT"])] == ["SCH003"]
