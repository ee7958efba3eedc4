"""The HTML report, opened in a real headless Chromium: the DOM has the locale matrix and the
thumbnails, and a screenshot is kept in ``tests/artifacts/html-report.png``.

Chromium comes from Debian's package (``apt-get install -y chromium``; .ci/run installs it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from builder import run_lint
from integration_repos import CLEAN_FOR, cli, localized_bundle, make_clean_repo, page_html
from lxml import html as lxml_html

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("Chromium is not installed: apt-get update && apt-get install -y chromium")
    pytest.skip("Chromium is not installed here (apt-get install -y chromium)")


def run_chromium(*args: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        return subprocess.run(
            [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=120,
        )


@pytest.fixture
def report(tmp_path) -> tuple[Path, Path]:
    """A repo with a full gallery (main video with a poster, images), a certificate and findings; its report."""
    repo = make_clean_repo(tmp_path / "shop")
    b = localized_bundle(repo, "solar-light-s3")
    b.file("media/main-video.mp4", b"\x00\x00\x00\x18ftypmp42")
    b.data["media"].append({"kind": "video", "file": "media/main-video.mp4", "role": "cover", "poster": "media/poster.jpg"})
    b.file("media/poster.jpg", b"")  # replaced below by a real JPEG
    from builder import png_bytes

    b.files["media/poster.jpg"] = png_bytes(640, 360, color=(30, 60, 200), fmt="JPEG")
    b.image("media/cover.jpg", 900, 900, role="cover", alt={"en": "The Solaris S3 light on a white background"})
    b.image("media/scene-1.png", 800, 800, role="scene")
    b.image("media/size-chart.png", 800, 800, role="size-chart", placement="description")
    b.data["markets"] = ["EU", "UK"]
    b.data["certificates"] = [
        {"scheme": "CE", "legislation": ["EMC"], "standards": ["EN 55015:2019"], "issued": "2025-01-10",
         "expires": "2026-01-10", "models": ["D1-EU"], "file": "certs/ce.pdf"}
    ]
    b.file("certs/ce.pdf", b"%PDF-1.4\n%%EOF\n")
    b.page("es", page_html("es", "This paragraph was left in English by mistake and nobody noticed it."))
    b.write()
    target = tmp_path / "report.html"
    done = cli(["check", "--format", "html", "--output", str(target), "--as-of", "2026-11-25"], repo)
    assert done.returncode == 1, done.stderr
    return repo, target


def test_report_is_one_self_contained_file(report):
    repo, target = report
    text = target.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    doc = lxml_html.fromstring(text.encode("utf-8"))
    for el in doc.iter():
        for attr in ("src", "href"):
            value = el.get(attr)
            assert value is None or value.startswith("data:"), f"<{el.tag} {attr}={value!r}> would load something"


def test_chromium_renders_the_locale_matrix_and_the_thumbnails(report, artifacts):
    repo, target = report
    dumped = run_chromium("--dump-dom", target.as_uri())
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = lxml_html.fromstring(dumped.stdout.encode("utf-8"))
    (section,) = dom.xpath('//section[@data-bundle="solar-light-s3"]')

    (matrix,) = section.xpath('.//table[@class="locale-matrix"]')
    rows = {tr.get("data-locale"): tr for tr in matrix.xpath("./tbody/tr")}
    assert list(rows) == ["en", "es", "fr", "ru"]
    en_title, en_page, en_alt = rows["en"].xpath("./td")
    assert en_title.get("data-present") == "yes" and en_page.get("data-present") == "yes"
    assert "1 of 4 media" in en_alt.text_content()
    assert rows["ru"].xpath("./td")[2].get("data-present") == "no"  # no Russian alt text at all

    tiles = section.xpath('.//div[@class="grid gallery"]/figure')
    assert [t.get("data-kind") for t in tiles] == ["video", "image", "image"]  # display order
    assert tiles[0].get("class") == "tile main-video" and tiles[0].xpath('.//span[@class="badge"]')[0].text == "MAIN VIDEO"
    thumbs = section.xpath('.//img[@class="thumb"]')
    assert len(thumbs) == 4  # poster, cover, scene, and the size chart in the description
    assert all(img.get("src").startswith("data:image/jpeg;base64,") for img in thumbs)

    certs = section.xpath('.//table[@class="certificates"]/tbody/tr')
    assert [(tr.get("data-market"), tr.xpath('./td[contains(@class, "status")]')[0].text_content()) for tr in certs] == [
        ("EU", "expired on 2026-01-10"),
        ("UK", "no certificate"),
    ]
    sources = [pre.text_content() for pre in section.xpath('.//table[@class="findings"]//pre[@class="src"]')]
    assert any("This paragraph was left in English" in s for s in sources)

    shot = artifacts / "html-report.png"
    shot.unlink(missing_ok=True)
    taken = run_chromium("--window-size=1280,2000", f"--screenshot={shot}", target.as_uri())
    assert taken.returncode == 0, taken.stderr[-2000:]
    from PIL import Image

    with Image.open(shot) as im:
        assert im.size == (1280, 2000)
        assert len(im.convert("RGB").resize((64, 64)).getcolors(64 * 64)) > 20  # a rendered page, not a blank one


def test_a_bundle_whose_listing_json_is_broken_still_gets_a_section(tmp_path):
    repo = make_clean_repo(tmp_path / "shop")
    (repo / "listings/garden-hose-20m/listing.json").write_text('{"id": "garden-hose-20m", ', encoding="utf-8")
    result = run_lint(repo, select=CLEAN_FOR)
    from listing_lint.reporters.html import page

    text = page(result)
    assert 'data-bundle="garden-hose-20m"' in text and "listing.json could not be read" in text


def test_each_finding_names_where_its_help_is(report):
    """No web docs are configured (pyproject.toml [project.urls]): the rule cell names the command that
    explains the rule, and links nowhere."""
    repo, target = report
    doc = lxml_html.fromstring(target.read_bytes())
    rows = doc.xpath('//tr[@class="finding"]')
    assert rows
    for row in rows:
        cell = row.xpath("./td")[1]
        assert not cell.xpath(".//a")
        assert cell.xpath("./span/@title") == [f"listing-lint rule {row.get('data-code')}"]
