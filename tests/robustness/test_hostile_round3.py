"""Hostile inputs, round 3: what the first two rounds did not craft. Real files, the real CLI in
fresh processes (a hang fails by the timeout instead of blocking the suite)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1]))

from harness import BUNDLE, base_case, write_case  # noqa: E402
from lintrun import child_cpu_seconds, cli  # noqa: E402
from pdf_writer import HELVETICA, Document  # noqa: E402

MANIFEST = f"{BUNDLE}/listing.json"


def _line(data: bytes, needle: bytes) -> int:
    return data[: data.index(needle)].count(b"\n") + 1


def _findings(repo: Path, *args: str, timeout: int = 60) -> tuple[list[dict], float]:
    """The findings, and the CPU seconds the run took: CPU, not wall time, so a machine busy with
    other work does not fail a bound (the suite at load 4 took 10 s of wall time for a run of 2 s)."""
    before = child_cpu_seconds()
    proc = cli(repo, "--format", "json", "--jobs", "1", *args, timeout=timeout)
    took = child_cpu_seconds() - before
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    return json.loads(proc.stdout)["findings"], took


# -- certificate PDFs ------------------------------------------------------------------------------
def _shared_stream_pdf(pages: int, tokens: int) -> bytes:
    """``pages`` pages showing one compressed content stream of ``tokens`` tokens ("(a) Tj" again and
    again): a few kilobytes on disk, seconds of pure-Python parsing per page."""
    doc = Document()
    catalog, tree, font = doc.add(), doc.add(), doc.add(HELVETICA)
    content = doc.stream(b"BT /F1 1 Tf " + b"(a) Tj " * (tokens // 2) + b"ET", compress=True)
    kids = [doc.add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 1 1] /Resources << /Font << /F1 %d 0 R >> >> "
                    b"/Contents %d 0 R >>" % (tree, font, content)) for _ in range(pages)]
    doc.set(tree, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), pages))
    doc.set(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % tree)
    return doc.serialize(catalog)


def _cert_case(work, pdf: bytes, config: str = "") -> tuple[Path, int]:
    case = base_case()
    case.files[f"{BUNDLE}/certs/ce.pdf"] = pdf
    repo = write_case(work, case)
    if config:
        (repo / "listing-lint.toml").write_text(config, encoding="utf-8")
    return repo, _line(case.files[MANIFEST], b'"file": "certs/ce.pdf"')


def test_a_pdf_of_slow_pages_is_stopped_by_the_decode_clock(work):
    """Sixty pages sharing one content stream of 300,000 tokens (9 KB on disk) took about a second
    of parsing each: CMP013 ran into the rule budget and became LNT003 at line 1 ("Please report
    this"), naming no certificate. The read now runs under max-decode-seconds: CMP013 says which
    certificate could not be read, at its line, in about that time."""
    repo, line = _cert_case(work, _shared_stream_pdf(60, 300_000),
                            "rule-timeout = 6\n[thresholds]\nmax-decode-seconds = 1\n")
    found, took = _findings(repo, "--select", "CMP013,LNT003")
    assert [(f["path"], f["line"], f["code"], f["severity"]) for f in found] == [(MANIFEST, line, "CMP013", "info")]
    assert "cannot read the text of certs/ce.pdf (reading it took longer than 1 s (max-decode-seconds))" in found[0]["message"]
    assert took < 6


def test_a_content_stream_of_millions_of_tokens_is_refused_by_its_size(work):
    """One page of 1,900,000 tokens (11 KB on disk) was parsed whole: 4.5 s and 300 MB. Past
    500,000 tokens a stream is not read (pypdf's limit, lowered): CMP013 says so."""
    repo, line = _cert_case(work, _shared_stream_pdf(1, 1_900_000))
    found, took = _findings(repo, "--select", "CMP013,LNT003")
    assert [(f["path"], f["line"], f["code"]) for f in found] == [(MANIFEST, line, "CMP013")]
    assert "maximum number of tokens per stream" in found[0]["message"]
    assert took < 4


def test_a_certificate_of_ordinary_pages_is_read_whole(work):
    """Near miss: sixty pages of a few thousand tokens each are read in time and judged."""
    # the clock with room to spare: this is about the token limit, and a loaded machine took over 5 s
    repo, line = _cert_case(work, _shared_stream_pdf(60, 4_000), "rule-timeout = 120\n[thresholds]\nmax-decode-seconds = 60\n")
    found, _ = _findings(repo, "--select", "CMP013,LNT003")
    assert found and all(f["code"] == "CMP013" and "does not mention" in f["message"] for f in found), found


# -- names no file can have ------------------------------------------------------------------------
def test_a_name_no_file_can_have_is_missing_not_a_symlink_outside(work):
    """A media path holding a lone surrogate ("\\ud800", valid JSON) or a part of 300 bytes made
    ``lstat`` raise (UnicodeEncodeError, ENAMETOOLONG), and the resolver took any error for a
    symlink loop: SCH004 "a symlink that resolves outside the bundle", about a file that does not
    exist. It is SCH003 (missing), at its line; a dangling link inside stays missing too."""
    case = base_case()
    doc = json.loads(case.files[MANIFEST])
    doc["media"][2]["file"] = "media/\ud800.png"
    doc["media"][3]["file"] = "media/" + "a" * 300 + ".png"
    doc["media"][4]["file"] = "media/" + "b" * 5000 + "/x.png"
    data = json.dumps(doc, indent=2).encode()  # ASCII: the surrogate as its \\ud800 escape
    case.files[MANIFEST] = data
    repo = write_case(work, case)
    found, _ = _findings(repo, "--select", "SCH003,SCH004,LNT003")
    expected = [(MANIFEST, _line(data, needle), "SCH003") for needle in (b'"media/\\ud800.png"', b'"media/aaaa', b'"media/bbbb')]
    assert [(f["path"], f["line"], f["code"]) for f in found] == expected


# -- the memo cache (answers kept by content hash) -----------------------------------------------------
@pytest.fixture(scope="module")
def memo_repo(tmp_path_factory):
    """The base repo, linted once with the cache on (the memo holds its probes, PDF text, language
    scores, CLDR tables), and what that first run found."""
    import os

    work = tmp_path_factory.mktemp("memo")
    repo = write_case(work, base_case())
    env = {**os.environ, "LISTING_LINT_CACHE_DIR": str(work / "cache")}
    return repo, env, _cached_run(repo, env)


def _cached_run(repo: Path, env: dict) -> list[tuple]:
    import subprocess

    for stale in Path(env["LISTING_LINT_CACHE_DIR"]).glob("cache-v*.sqlite3*"):
        stale.unlink()  # the result cache would answer the whole bundle: the rules must ask the memo
    cmd = [sys.executable, "-m", "listing_lint", "check", "--as-of", "2026-11-25", "--jobs", "1", "--format", "json",
           "--select", "MED,CMP013,LOC,LNT003"]
    done = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr[-2000:]
    return [(f["path"], f["line"], f["code"], f["message"]) for f in json.loads(done.stdout)["findings"]]


@pytest.mark.parametrize("value", ["[" * 100_000, b"\x00\xff", '{"evil": 1}'], ids=["deep-json", "blob", "other-shape"])
def test_an_edited_memo_row_is_a_miss_not_a_crash(memo_repo, value):
    """A CI cache is restored from what an earlier job wrote: a memo row edited there (a JSON bomb,
    a BLOB where text was written, a value of another shape) reached the decoders as it was: the
    MED, LOC and CMP rules stopped with LNT003 ("Please report this", ten of them), and LOC011
    quoted the row as the repaired text of every title ('should read ""evil": 1}"'). Each such row
    is now a miss: worked out again, the same findings as the first run."""
    import sqlite3

    repo, env, first = memo_repo
    assert first and not [f for f in first if f[2] == "LNT003"]
    with sqlite3.connect(Path(env["LISTING_LINT_CACHE_DIR"]) / "memo-v1.sqlite") as db:
        assert db.execute("SELECT count(DISTINCT substr(ns, 1, 6)) FROM memo").fetchone()[0] >= 5
        db.execute("UPDATE memo SET value = ?", (value,))
    assert _cached_run(repo, env) == first


# -- file names that read as options ---------------------------------------------------------------
def _hook_repo(work) -> tuple[Path, str]:
    """A repo with a schema error (a misspelt field: one finding since session 12) recorded in a
    baseline committed as ``bl.html``, and the
    hook's argument order: its args, then the changed files (pre-commit passes no ``--``)."""
    case = base_case()
    case.files[MANIFEST] = case.files[MANIFEST].replace(b'"markets"', b'"markets_x"')
    repo = write_case(work, case)
    done = cli(repo, "--select", "SCH", "--write-baseline", "all.json")
    assert "Recorded 1 finding" in done.stderr, done.stderr
    (repo / "all.json").rename(repo / "bl.html")
    return repo, MANIFEST


@pytest.mark.parametrize("name", ["--baseline=bl.html", "-obl.html", "--config=bl.html"])
def test_a_file_named_like_an_option_is_refused_not_obeyed(work, name):
    """pre-commit runs ``listing-lint check <args> <files>``: a pull request that added a file named
    ``--baseline=bl.html`` beside a baseline saved as ``bl.html`` had the hook read it as the option:
    its errors hidden, exit 0 (``-obl.html`` sent the report into a file, ``--config=`` swapped
    the config). An argument that starts with "-" and names a file here is now a usage error."""
    repo, manifest = _hook_repo(work)
    (repo / name).write_text("<p>x</p>\n", encoding="utf-8")
    done = cli(repo, "--select", "SCH", manifest, name)
    assert done.returncode == 2, (done.returncode, done.stdout[-500:], done.stderr[-500:])
    assert f"{name} is both an option and a file here; rename the file, or write ./{name} to lint it" in done.stderr
    assert "hidden by" not in done.stderr + done.stdout


def test_an_option_that_names_no_file_still_works(work):
    """Near miss: the same option typed on purpose (no such file) hides the errors; ``./NAME`` and
    names after ``--`` are paths."""
    repo, manifest = _hook_repo(work)
    done = cli(repo, "--select", "SCH", manifest, "--baseline=bl.html")
    assert done.returncode == 0 and "1 finding hidden by baseline bl.html" in done.stderr, done.stderr
    (repo / "--baseline=bl.html").write_text("<p>x</p>\n", encoding="utf-8")
    for args in (["./--baseline=bl.html", manifest], ["--", manifest, "--baseline=bl.html"]):
        done = cli(repo, "--select", "SCH", *args)
        assert done.returncode == 1 and "Found 1 error" in done.stdout, (args, done.stdout[-300:], done.stderr[-300:])


# -- GIF comments ----------------------------------------------------------------------------------
def _gif(comments: bytes, frames: int = 1) -> bytes:
    """A 1x1 GIF with a global palette: ``comments`` (raw extension bytes) before each frame."""
    import struct

    frame = b"\x2c" + struct.pack("<HHHHB", 0, 0, 1, 1, 0) + b"\x02\x02\x44\x01\x00"
    return b"GIF89a" + struct.pack("<HHBBB", 1, 1, 0x80, 0, 0) + b"\x00\x00\x00\xff\xff\xff" + (comments + frame) * frames + b"\x3b"


def _gif_case(work, data: bytes) -> tuple[Path, int]:
    case = base_case()
    del case.files[f"{BUNDLE}/media/scene-1.png"]
    case.files[f"{BUNDLE}/media/scene-1.gif"] = data
    case.files[MANIFEST] = case.files[MANIFEST].replace(b'"media/scene-1.png"', b'"media/scene-1.gif"')
    return write_case(work, case), _line(case.files[MANIFEST], b'"media/scene-1.gif"')


def test_a_gif_of_a_million_tiny_comments_is_refused_before_it_is_opened(work):
    """Pillow keeps every sub-block of a GIF comment as its own bytes object while it opens the
    file: 1,500,000 one-byte comments (7.5 MB) took about 280 MB to open, 35 MB of them ran a
    1 GiB process out of memory ("cannot be decoded (MemoryError)"), and without a cap a file at
    max-media-bytes would take gigabytes. The comments are priced before Pillow sees the file."""
    from test_decode_budget import cli_capped

    repo, line = _gif_case(work, _gif(b"\x21\xfe\x01x\x00" * 1_500_000))
    _, found, elapsed = cli_capped(repo, "--select", "MED005,LNT003", "--jobs", "1")
    assert [(f["path"], f["line"], f["code"], f["severity"]) for f in found] == [(MANIFEST, line, "MED005", "warning")]
    assert "was not decoded: reading its comments takes 268 MiB, over the budget of 128 MiB (max-decode-bytes)" in found[0]["message"]
    assert elapsed < 20


def test_a_gif_with_ordinary_comments_is_decoded(work):
    """Near miss: a comment on each of 300 frames ("Made with GIMP", as editors write) is read."""
    from test_decode_budget import cli_capped

    repo, _ = _gif_case(work, _gif(b"\x21\xfe\x0eMade with GIMP\x00", frames=300))
    _, found, _ = cli_capped(repo, "--select", "MED005,LNT003", "--jobs", "1")
    assert found == []
