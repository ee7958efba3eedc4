"""Hostile inputs, one test each: the finding lands on the right file, nothing crashes, nothing outside is read.

Each test writes the complete base repo of ``harness.base_case()`` with one hostile change, lints
it through the real CLI (in-process, or as a process where a hang is the risk), and asserts the
exact finding, the absence of a traceback and of any LNT003, and that the canary file outside the
repo was neither opened nor quoted.
"""

from __future__ import annotations

import json
import os
import stat
import sys

import pytest

from guards import age, atime_works, opened_outside
from harness import BUNDLE, CANARY, SINGLE, base_case, dumps, listing, page_html, write_case
from lintrun import cli, lint_cli, lint_findings
from mutations import OUT, deep_array, png_bomb

MANIFEST = f"{BUNDLE}/listing.json"


def line_of(data: bytes, needle: bytes) -> int:
    return data[: data.index(needle)].count(b"\n") + 1


def lint_safely(work, case, *args):
    """Write ``case``, lint it, and check that nothing under ``outside/`` was opened or quoted."""
    repo = write_case(work, case)
    secret = work / "outside" / "secret.txt"
    before = age(secret)
    with opened_outside(work / "outside") as hits:
        found = lint_findings(repo, *args)
    _, text, _ = lint_cli(repo, *args)
    assert CANARY not in text and CANARY not in json.dumps(found)
    assert hits == []
    if atime_works(work):
        assert os.stat(secret).st_atime == before, "the file outside the bundle was read"
    return found


# -- encodings ---------------------------------------------------------------------------------------
def test_invalid_utf8_in_listing_json(work):
    case = base_case()
    data = case.files[MANIFEST].replace(b'"Smart plug X1 16 A', b'"Smart plug X1 16\xff A')
    case.files[MANIFEST] = data
    found = lint_safely(work, case, "--select", "SCH001")
    assert found == [(MANIFEST, line_of(data, b"\xff"), "SCH001")]


def test_invalid_utf8_in_page(work):
    case = base_case()
    page = f"{BUNDLE}/detail/es.html"
    case.files[page] = page_html("es").encode("utf-8").replace("lámparas".encode(), "l\xe1mparas".encode("latin-1"))
    found = lint_safely(work, case, "--select", "SCH001")
    assert found == [(page, line_of(case.files[page], b"\xe1"), "SCH001")]


def test_utf16_listing_json(work):
    case = base_case()
    case.files[MANIFEST] = case.files[MANIFEST].decode("utf-8").encode("utf-16")
    assert lint_safely(work, case, "--select", "SCH001") == [(MANIFEST, 1, "SCH001")]


def test_utf16_page(work):
    case = base_case()
    page = f"{BUNDLE}/detail/fr.html"
    case.files[page] = page_html("fr").encode("utf-16")
    assert lint_safely(work, case, "--select", "SCH001") == [(page, 1, "SCH001")]


def test_utf8_bom_is_accepted(work):
    case = base_case()
    case.files[MANIFEST] = b"\xef\xbb\xbf" + case.files[MANIFEST]
    page = f"{BUNDLE}/detail/en.html"
    case.files[page] = b"\xef\xbb\xbf" + case.files[page]
    assert lint_safely(work, case, "--select", "SCH001,SCH002") == []


def test_nul_byte_in_listing_json(work):
    case = base_case()
    data = case.files[MANIFEST].replace(b'"Voltio"', b'"Vol\x00tio"')
    case.files[MANIFEST] = data
    assert lint_safely(work, case, "--select", "SCH001") == [(MANIFEST, line_of(data, b"\x00"), "SCH001")]


def test_nul_byte_in_page(work):
    case = base_case()
    page = f"{BUNDLE}/detail/ru.html"
    case.files[page] = page_html("ru").encode("utf-8").replace(b"<h1>", b"<h1>\x00")
    assert lint_safely(work, case, "--select", "SCH001") == [(page, line_of(case.files[page], b"\x00"), "SCH001")]


# -- size and depth ----------------------------------------------------------------------------------
def _sparse(path, size: int, head: bytes = b"") -> None:
    with open(path, "r+b" if path.exists() else "wb") as fh:
        fh.write(head)
        fh.truncate(size)


def test_100mb_listing_json(work):
    repo = write_case(work, base_case())
    _sparse(repo / MANIFEST, 100 * 2**20, b'{"id": "')
    found = lint_findings(repo, "--select", "SCH001")
    assert found == [(MANIFEST, 1, "SCH001")]
    _, text, _ = lint_cli(repo, "--select", "SCH001")
    assert "over the 5,242,880-byte limit" in text


def test_100mb_page(work):
    repo = write_case(work, base_case())
    page = f"{BUNDLE}/detail/en.html"
    _sparse(repo / page, 100 * 2**20, b"<p>")
    assert lint_findings(repo, "--select", "SCH001") == [(page, 1, "SCH001")]


def test_100mb_media_file(work):
    repo = write_case(work, base_case())
    media = f"{BUNDLE}/media/scene-2.png"
    _sparse(repo / media, 100 * 2**20, b"\x89PNG\r\n\x1a\n")
    found = lint_findings(repo, "--select", "MED005,MED006")
    assert found == [(MANIFEST, _media_line(base_case(), "media/scene-2.png"), "MED006")]
    _, text, _ = lint_cli(repo, "--select", "MED006")
    assert "100.0 MB, over the 5.0 MB limit" in text


def test_100000_deep_html(work):
    case = base_case()
    page = f"{BUNDLE}/detail/en.html"
    body = "\n" + "<div>" * 100_000 + "deep" + "</div>" * 100_000 + "\n"
    case.files[page] = page_html("en", body).encode("utf-8")
    found = lint_safely(work, case, "--select", "SCH001")
    assert found == [(page, line_of(case.files[page], b"<div>"), "SCH001")]


def test_10000_deep_json_array(work):
    case = base_case()
    raw = case.files[MANIFEST].decode().replace('"product_groups": [', '"product_groups": [' + deep_array(10_000) + ",", 1)
    data = raw.encode()
    case.files[MANIFEST] = data
    found = lint_safely(work, case, "--select", "SCH001")
    assert found == [(MANIFEST, line_of(data, b"[[[["), "SCH001")]


def test_json_number_1e400(work):
    case = base_case()
    data = case.files[MANIFEST].replace(b'"ctr": 0.04', b'"ctr": 1e400')
    case.files[MANIFEST] = data
    found = lint_safely(work, case, "--select", "SCH002")
    assert found == [(MANIFEST, line_of(data, b"1e400"), "SCH002")]


def test_json_integer_of_5000_digits(work):
    case = base_case()
    data = case.files[MANIFEST].replace(b'"ctr": 0.04', b'"ctr": ' + b"7" * 5000)
    case.files[MANIFEST] = data
    found = lint_safely(work, case, "--select", "SCH001")
    assert found == [(MANIFEST, 1, "SCH001")]


def test_2mb_string(work):
    case = base_case()
    doc = listing()
    doc["title"]["en"] = "Smart plug " * 200_000
    case.files[MANIFEST] = dumps(doc)
    found = lint_safely(work, case, "--select", "LOC003,LOC010")  # LOC003 judges a bounded prefix (no timeout)
    assert (MANIFEST, line_of(case.files[MANIFEST], b'"en": "Smart plug Smart'), "LOC010") in found


# -- entities ----------------------------------------------------------------------------------------
def test_html_entity_bomb_is_not_expanded(work):
    case = base_case()
    page = f"{BUNDLE}/detail/en.html"
    bomb = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10 if i else "lol"}">' for i in range(9))
    case.files[page] = f"<!DOCTYPE html [{bomb}]>\n<html lang=\"en\"><body><p>&l8;</p></body></html>\n".encode()
    repo = write_case(work, case)
    _, text, _ = lint_cli(repo, "--select", "LOC,SCH,MED")
    assert "lollol" not in text
    from listing_lint.bundle.model import Bundle

    root = Bundle(repo / MANIFEST, repo).pages["en"].root
    assert "lollol" not in "".join(root.itertext())


def test_external_entity_is_never_read(work):
    case = base_case()
    page = f"{BUNDLE}/detail/en.html"
    case.files[page] = (
        f'<!DOCTYPE html [<!ENTITY e SYSTEM "{OUT}/secret.txt"><!ENTITY p SYSTEM "file:///etc/passwd">]>\n'
        '<html lang="en"><body><p>&e; &p;</p></body></html>\n'
    ).encode()
    lint_safely(work, case, "--select", "ALL")
    from listing_lint.bundle.model import Bundle

    root = Bundle(work / "repo" / MANIFEST, work / "repo").pages["en"].root
    text = "".join(root.itertext())
    assert CANARY not in text and "root:" not in text


# -- media -------------------------------------------------------------------------------------------
def test_decompression_bomb_png(work):
    case = base_case()
    media = f"{BUNDLE}/media/scene-3.png"
    case.files[media] = png_bomb(13_000)  # 169 megapixels, ~25 KB on disk
    repo = write_case(work, case)
    probe = (
        "import resource, subprocess, sys\n"
        "p = subprocess.run([sys.executable, '-m', 'listing_lint', 'check', '--select', 'MED', '--format', 'json',"
        " '--no-cache', '--jobs', '1'], capture_output=True, text=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.stdout.write(p.stdout); sys.stderr.write(p.stderr); sys.exit(p.returncode)\n"
    )
    import subprocess

    proc = subprocess.run([sys.executable, "-c", probe], cwd=repo, capture_output=True, text=True, timeout=600)
    assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr, proc.stderr
    peak_kb, _, report = proc.stdout.partition("\n")
    found = [(f["path"], f["line"], f["code"]) for f in json.loads(report)["findings"]]
    assert (MANIFEST, _media_line(case, "media/scene-3.png"), "MED005") in found
    assert not any(code == "LNT003" for _, _, code in found)
    # decoding it would take 169 MB as 1-bit pixels and 507 MB as RGB
    assert int(peak_kb) < 400_000, f"linting the bomb peaked at {int(peak_kb) // 1024} MB"


def test_truncated_mp4(work):
    case = base_case()
    media = f"{BUNDLE}/media/main.mp4"
    case.files[media] = case.files[media][: len(case.files[media]) // 3]
    found = lint_safely(work, case, "--select", "MED005")
    assert found == [(MANIFEST, _media_line(case, "media/main.mp4"), "MED005")]


# -- paths and special files -----------------------------------------------------------------------
def _media_line(case, rel: str) -> int:
    return line_of(case.files[MANIFEST], f'"file": "{rel}"'.encode())


def test_symlink_to_a_file_outside(work):
    case = base_case()
    rel = "media/scene-1.png"
    del case.files[f"{BUNDLE}/{rel}"]
    case.links[f"{BUNDLE}/{rel}"] = "{outside}/secret.txt"
    found = lint_safely(work, case, "--select", "SCH,MED")
    assert (MANIFEST, _media_line(case, rel), "SCH004") in found
    assert not any(p == f"{BUNDLE}/{rel}" for p, _, _ in found)


def test_symlink_loop(work):
    case = base_case()
    rel = "media/scene-2.png"
    del case.files[f"{BUNDLE}/{rel}"]
    case.links[f"{BUNDLE}/{rel}"] = "scene-2.png"
    found = lint_safely(work, case, "--select", "SCH,MED")  # a loop never resolves: the file is missing
    assert [x for x in found if x[1] == _media_line(case, rel)] == [(MANIFEST, _media_line(case, rel), "SCH003")]


def test_listing_json_symlinked_outside(work):
    case = base_case()
    del case.files[MANIFEST]
    case.links[MANIFEST] = "{outside}/secret.json"
    found = lint_safely(work, case, "--select", "SCH")
    assert (MANIFEST, 1, "SCH001") in found


def test_listing_json_symlinked_outside_is_not_read_by_the_cache(work, monkeypatch):
    case = base_case()
    del case.files[MANIFEST]
    case.links[MANIFEST] = "{outside}/secret.json"
    repo = write_case(work, case)
    monkeypatch.setenv("LISTING_LINT_CACHE_DIR", str(work / "cache"))
    secret = work / "outside" / "secret.json"
    before = age(secret)
    with opened_outside(work / "outside") as hits:
        for _ in range(2):  # the first run fills the cache, the second reads it
            _, text, _ = lint_cli(repo, "--select", "SCH", cache=True)
    assert CANARY not in text
    assert hits == []
    if atime_works(work):
        assert os.stat(secret).st_atime == before, "the file outside the bundle was read"


def test_bundle_folder_symlinked_outside_is_not_linted(work):
    case = base_case()
    case.links["listings/evil"] = "{outside}/evil"
    found = lint_safely(work, case, "--select", "SCH")
    assert not any(p.startswith("listings/evil") for p, _, _ in found)


def test_dotdot_path(work):
    case = base_case()
    doc = listing()
    doc["media"][2]["file"] = "../../../outside/secret.txt"
    case.files[MANIFEST] = dumps(doc)
    found = lint_safely(work, case, "--select", "SCH004")
    assert found == [(MANIFEST, _media_line(case, "../../../outside/secret.txt"), "SCH004")]


def test_absolute_path(work):
    case = base_case()
    doc = listing()
    target = str(work / "outside" / "secret.txt")
    doc["certificates"][0]["file"] = target
    case.files[MANIFEST] = dumps(doc)
    found = lint_safely(work, case, "--select", "SCH004")
    assert found == [(MANIFEST, _media_line(case, target), "SCH004")]


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_fifo_and_device_files_do_not_block(work, kind):
    case = base_case()
    rel = "media/scene-1.png"
    del case.files[f"{BUNDLE}/{rel}"]
    (case.fifos if kind == "fifo" else case.devices).append(f"{BUNDLE}/{rel}")
    repo = write_case(work, case)
    if kind == "device" and not stat.S_ISCHR(os.lstat(repo / BUNDLE / rel).st_mode):
        pytest.skip("cannot create a device node here (not root); a symlink to /dev/zero was made instead")
    proc = cli(repo, "--select", "SCH,MED", "--format", "json", timeout=300)  # a blocking open() would time out
    assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr, proc.stderr
    found = [(f["path"], f["line"], f["code"]) for f in json.loads(proc.stdout)["findings"]]
    assert (MANIFEST, _media_line(case, rel), "SCH003") in found
    assert not any(code == "LNT003" for _, _, code in found)


def test_newline_in_a_file_name(work):
    case = base_case()
    bad = "listings/bad\nname.listing.json"
    case.files[bad] = b'{"id": "bad",}'
    repo = write_case(work, case)
    found = lint_findings(repo, "--select", "SCH001")
    assert (bad, 1, "SCH001") in found
    _, text, _ = lint_cli(repo, "--select", "SCH001")
    assert '"listings/bad\\nname.listing.json":1:' in text
    assert all(line.startswith(("listings/", '"listings/', "Found ")) for line in text.splitlines() if line)


def test_undecodable_bytes_in_a_file_name(work):
    case = base_case()
    bad = "listings/caf\udce9.listing.json"  # b"caf\xe9": Latin-1, not UTF-8
    case.files[bad] = b'{"id": "cafe",}'
    repo = write_case(work, case)
    code, text, _ = lint_cli(repo, "--select", "SCH001")
    assert '"listings/caf\\xe9.listing.json":1:' in text
    _, out, _ = lint_cli(repo, "--select", "SCH001", "--format", "json")
    assert "listings/caf" in out and json.loads(out)["findings"]


def test_single_file_bundle_with_hostile_html_inline(work):
    case = base_case()
    doc = json.loads(case.files[SINGLE])
    doc["detail_pages"]["en"] = {"html": "<div>" * 20_000 + f'<img src="{OUT}/secret.txt">'}
    case.files[SINGLE] = dumps(doc)
    found = lint_safely(work, case, "--select", "SCH,MED")
    assert all(p in (SINGLE, MANIFEST) or p.startswith(BUNDLE) for p, _, _ in found)
