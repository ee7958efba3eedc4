"""The HTML report in bounded time and memory: one decode per file, the decode budget, capped matrices.

Before: 300 media entries naming one small palette PNG of 7700x7700 took three minutes and 825 MB
(the picture was decoded and converted to RGBA once per entry), and the locale matrix grew as
locales x media.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time

import media_factory as mf
from harness import BUNDLE, base_case, dumps, listing, write_case
from test_decode_budget import _capped

MANIFEST = f"{BUNDLE}/listing.json"


def _report(repo, timeout: int = 60) -> tuple[str, float]:
    cmd = [sys.executable, "-m", "listing_lint", "check", "--as-of", "2026-11-25", "--no-cache", "--jobs", "1",
           "--select", "SCH001", "--format", "html", "--output", "report.html"]
    started = time.monotonic()
    proc = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL,
                          preexec_fn=_capped)
    elapsed = time.monotonic() - started
    assert proc.returncode in (0, 1), proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    return (repo / "report.html").read_text(encoding="utf-8"), elapsed


def _case(media: int, locales: int):
    case = base_case()
    doc = listing()
    doc["media"] = [{"kind": "image", "file": "media/big.png", "role": "scene"} for _ in range(media)]
    doc["title"].update({f"x{i:04d}": "A smart plug for every socket" for i in range(locales)})
    case.files[MANIFEST] = dumps(doc)
    case.files[f"{BUNDLE}/media/big.png"] = mf.palette_png(7700, 7700)
    return case


def _plug(html: str) -> str:
    """The section of the folder bundle (the base case has a single-file bundle too)."""
    return html.split('data-bundle="plug"', 1)[1].split("</section>", 1)[0]


def _tiles(html: str) -> list[str]:
    return re.findall(r'<img class="thumb" src="(data:image/jpeg;base64,[^"]+)"', html)


def test_many_entries_of_one_large_palette_png_and_many_locales(work):
    repo = write_case(work, _case(media=300, locales=1000))
    html, elapsed = _report(repo)
    assert elapsed < 30, f"{elapsed:.1f} s"
    tiles = _tiles(html)
    assert len(tiles) == 120 and len(set(tiles)) == 1  # capped, and one thumbnail made for the one file
    assert "180 more media entries are not shown (html-report-max-media)" in html
    assert _plug(html).count('<tr data-locale="') == 40
    assert "964 more locales are not shown (html-report-max-locales)" in html  # 4 declared + 1,000 in titles


def test_a_small_bundle_is_shown_whole(work):
    """Near miss: under the caps nothing is left out, and every tile has its thumbnail."""
    repo = write_case(work, _case(media=5, locales=0))
    html, _ = _report(repo)
    assert len(_tiles(html)) == 5
    assert _plug(html).count('<tr data-locale="') == 4
    assert "not shown" not in html


def test_each_file_is_thumbnailed_once_per_report(work, monkeypatch):
    from harness import lint_repo

    from listing_lint import reporters
    from listing_lint.reporters.html import thumbs

    calls = []
    real = thumbs.thumbnail_uri

    def counted(data, *args, **kwargs):
        calls.append(len(data))
        return real(data, *args, **kwargs)

    monkeypatch.setattr(thumbs, "thumbnail_uri", counted)
    case = _case(media=30, locales=0)
    doc = json.loads(case.files[MANIFEST])
    second = dict(doc, id="plug-2")
    case.files["listings/plug-2/listing.json"] = dumps(second)  # another bundle naming its own copy
    case.files["listings/plug-2/media/big.png"] = case.files[f"{BUNDLE}/media/big.png"]
    repo = write_case(work, case)
    import io

    out = io.StringIO()
    reporters.get("html")(lint_repo(repo, select=["SCH001"]), out)
    assert len(calls) == 2  # one per file on disk, not one per entry (60)
    assert len(_tiles(out.getvalue())) == 60


def test_a_picture_over_the_decode_budget_gets_no_thumbnail(work):
    case = _case(media=2, locales=0)
    case.files[f"{BUNDLE}/media/big.png"] = mf.rgba_png(9400, 9400)  # 337 MiB decoded: over 128 MiB
    repo = write_case(work, case)
    html, elapsed = _report(repo)
    assert _tiles(html) == []
    assert html.count('title="no preview"') == 2
