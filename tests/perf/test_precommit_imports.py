"""The pre-commit run imports only what the edit needs (issue 18: a one-bundle run's CPU is mostly
start-up). After a cold run filled the cache, a paragraph added to a page is linted without
importing the picture, video and PDF libraries (the probes' answers come from the memo) nor Babel
(its CLDR answers are in the memo too); a cold run of the same bundle does import them (the near
miss: the check would see them). The new paragraph is judged by the judge's first pass,
py3langid's candidates' model mapped from the cache folder (numpy comes with it); a correct
English paragraph needs no lingua model."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
BUNDLE = "listings/smart-plug-x1"
HEAVY = ("pypdf", "hachoir", "PIL", "ftfy", "babel")

RUN = """
import json, runpy, sys
out, args = sys.argv[1], sys.argv[2:]
sys.argv = ["listing-lint", *args]
try:
    runpy.run_module("listing_lint", run_name="__main__")
except SystemExit:
    pass
json.dump(sorted(m for m in sys.modules if "." not in m), open(out, "w"))
"""


def _check(repo: Path, cache: Path, out: Path, *paths: str) -> set[str]:
    args = ["check", *paths, "--as-of", "2026-11-25", "--exit-zero", "--format", "json"]
    env = {"LISTING_LINT_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"}
    if "PYTHONPATH" in os.environ:  # the checkout under test, when it is not the installed one
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    subprocess.run([sys.executable, "-c", RUN, str(out), *args], cwd=repo, env=env, check=True,
                   capture_output=True, timeout=300)
    return set(json.loads(out.read_text()))


def test_a_page_edit_after_a_cold_run_imports_no_media_or_pdf_library(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURES, repo)
    cache = tmp_path / "cache"
    files = (f"{BUNDLE}/listing.json", f"{BUNDLE}/detail/en.html")

    cold = _check(repo, cache, tmp_path / "cold.json", *files)
    assert {"pypdf", "numpy", "PIL", "babel"} <= cold  # the cold run probes pictures, video, PDFs (and reads CLDR)
    assert "hachoir" not in cold  # videos are read with struct since session 15 (media/boxes.py)

    page = repo / BUNDLE / "detail" / "en.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</body>", "<p>The box holds a braided cable and a quick start guide in four languages.</p>\n</body>"),
        encoding="utf-8")
    edited = _check(repo, cache, tmp_path / "edited.json", *files)
    assert "py3langid" in edited  # the new paragraph was judged, by the first pass
    assert "lingua" not in edited  # which accepted it: no lingua model loaded
    assert not edited & set(HEAVY), sorted(edited & set(HEAVY))
