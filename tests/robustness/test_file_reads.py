"""Reading a bundle's files with few system calls (issue 18), and the guards kept while doing it.

``fileio`` reads with ``os.open``/``os.read``; the result cache's hashing keeps a bundle's bytes for
its lint (``memo.hold``), checked against the file's stat; resolving a bundle's paths stats each
path below the root once. Everything here runs on real files, FIFOs and symlinks.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
from pathlib import Path

import pytest

from harness import BUNDLE, base_case, write_case

from listing_lint import memo
from listing_lint.bundle.files import SourceFile
from listing_lint.bundle.model import Bundle
from listing_lint.bundle.paths import resolve_in
from listing_lint.fileio import digest_regular, read_regular


# -- fileio ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("size", [0, 1, 15, 16, 17, 100_000])
@pytest.mark.parametrize("limit", [None, 0, 16, 1 << 20])
def test_read_regular_reads_what_open_reads(tmp_path, size, limit):
    path = tmp_path / "f.bin"
    content = bytes(i % 251 for i in range(size))
    path.write_bytes(content)
    data, st = read_regular(path, limit)
    with open(path, "rb") as fh:
        assert data == (fh.read() if limit is None else fh.read(limit))
    assert st.st_size == size and st.st_ino == os.stat(path).st_ino


@pytest.mark.parametrize("size", [0, 1, 16, 17, 48, 1000])
def test_digest_regular_is_the_sha256_of_the_content(tmp_path, size):
    path = tmp_path / "f.bin"
    content = os.urandom(size)
    path.write_bytes(content)
    digest, st = digest_regular(path, chunk=16)  # reads of 16: the chunk boundary is crossed and met exactly
    assert digest == hashlib.sha256(content).hexdigest() and st.st_size == size


def test_a_fifo_folder_or_missing_path_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # no writer: a blocking open would never return
    box = {}
    reader = threading.Thread(target=lambda: box.update(read=read_regular(fifo), digest=digest_regular(fifo)), daemon=True)
    reader.start()
    reader.join(5)
    assert not reader.is_alive(), "opening a FIFO blocked"
    assert box == {"read": None, "digest": None}
    for path in (tmp_path, tmp_path / "missing", "bad\x00path"):
        assert read_regular(path) is None and digest_regular(path) is None


# -- SourceFile: one lstat for stat and outside ---------------------------------------------------
def test_a_links_stat_is_its_targets_and_a_link_out_of_its_folder_is_not_read(tmp_path):
    folder = tmp_path / "bundle"
    folder.mkdir()
    (folder / "real.html").write_text("<p>inside</p>", encoding="utf-8")
    (tmp_path / "secret.html").write_text("<p>secret</p>", encoding="utf-8")
    os.symlink("real.html", folder / "inner.html")
    os.symlink("../secret.html", folder / "leaves.html")
    inner = SourceFile(folder / "inner.html", "inner.html", "inner.html")
    assert inner.is_regular and inner.size == len("<p>inside</p>") and not inner.outside
    assert inner.text == "<p>inside</p>"
    leaves = SourceFile(folder / "leaves.html", "leaves.html", "leaves.html")
    assert leaves.outside and leaves.read_bytes() == b"" and leaves.text is None
    dangling = folder / "dangling.html"
    os.symlink("nowhere.html", dangling)
    assert SourceFile(dangling, "dangling.html", "dangling.html").stat is None


def test_a_sniff_and_a_whole_read_agree(tmp_path):
    path = tmp_path / "f.bin"
    path.write_bytes(bytes(range(256)) * 40)  # over the 4 KiB head
    file = SourceFile(path, "f.bin", "f.bin")
    assert file.read_bytes(32) == bytes(range(32))
    assert file.read_bytes(4096) == (bytes(range(256)) * 16)
    assert file.read_bytes() == bytes(range(256)) * 40


# -- memo.hold: bytes hashed by the result cache, reused by the lint --------------------------------
@pytest.fixture
def cold_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("LISTING_LINT_CACHE_DIR", str(tmp_path / "cache"))
    memo.clear_memory()
    yield
    memo.release()
    memo.clear_memory()


def _settings(repo: Path):
    from listing_lint.config import Config
    from listing_lint.engine import make_settings

    return make_settings(Config(values={"cache": True}, root=repo), ["."], repo, None)


_opened: list[str] | None = None


def _audit(event: str, args) -> None:
    if _opened is not None and event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        _opened.append(os.fsdecode(args[0]))


sys.addaudithook(_audit)


def test_a_cold_run_opens_each_of_a_bundles_files_once(work, cold_cache):
    global _opened
    from listing_lint.engine import run
    from listing_lint.parallel import make_mapper

    repo = write_case(work, base_case())
    folder = repo / BUNDLE
    files = sorted(str(p) for p in folder.rglob("*") if p.is_file())
    old = os.getcwd()
    os.chdir(repo)
    _opened = []
    try:
        run(_settings(repo), [BUNDLE], make_mapper(1))
        opened = _opened
    finally:
        _opened = None
        os.chdir(old)
    counts = {f: sum(1 for o in opened if os.path.realpath(o) == os.path.realpath(f)) for f in files}
    manifest = str(folder / "listing.json")
    # hashed once for the key, and linted (pictures decoded, the video's boxes parsed) from the same
    # bytes; the store-level pass reads every manifest again, as before
    assert {f: n for f, n in counts.items() if f != manifest} == {f: 1 for f in files if f != manifest}
    assert counts[manifest] == 2


def _opened_per_file(repo: Path, settings) -> dict[str, int]:
    """How many times each file of the bundle was opened by one run of ``settings``."""
    global _opened
    from listing_lint.engine import run
    from listing_lint.parallel import make_mapper

    files = sorted(str(p) for p in (repo / BUNDLE).rglob("*") if p.is_file())
    old = os.getcwd()
    os.chdir(repo)
    _opened = []
    try:
        run(settings, [BUNDLE], make_mapper(1))
        opened = _opened
    finally:
        _opened = None
        os.chdir(old)
    return {f: sum(1 for o in opened if os.path.realpath(o) == os.path.realpath(f)) for f in files}


def test_a_run_without_the_cache_opens_each_small_file_once(work, cold_cache):
    """No result cache hashes the files first: the sniff of a small file reads it whole and holds
    it for the bundle's lint (``HEAD_WHOLE_BYTES``). Before, a picture was opened for its sniff and
    again for its probe, a page or PDF for its sniff and its text, a PDF a third time for its digest."""
    from listing_lint.bundle.files import HEAD_WHOLE_BYTES
    from listing_lint.config import Config
    from listing_lint.engine import make_settings

    repo = write_case(work, base_case())
    settings = make_settings(Config(values={"cache": False}, root=repo), ["."], repo, None)
    counts = _opened_per_file(repo, settings)
    manifest = str(repo / BUNDLE / "listing.json")
    small = {f for f in counts if f != manifest and os.path.getsize(f) <= HEAD_WHOLE_BYTES}
    assert any(f.endswith(".pdf") for f in small) and any(f.endswith((".jpg", ".png")) for f in small)
    assert {f: counts[f] for f in small} == {f: 1 for f in small}
    assert counts[manifest] == 2  # the bundle's read and the store-level pass's, as with the cache


def test_a_held_sniff_is_the_files_content_and_a_file_written_since_is_read_again(tmp_path):
    memo.clear_memory()
    path = tmp_path / "f.bin"
    path.write_bytes(bytes(range(256)) * 40)
    file = SourceFile(path, "f.bin", "f.bin")
    try:
        assert file.read_bytes(32) == bytes(range(32))
        assert file.held() == bytes(range(256)) * 40 and file.read_bytes() == bytes(range(256)) * 40
        path.write_bytes(b"new content")  # written after the sniff: a new SourceFile sees its own stat
        again = SourceFile(path, "f.bin", "f.bin")
        assert again.held() is None and again.read_bytes() == b"new content"
    finally:
        memo.clear_memory()


def test_a_file_written_after_it_was_hashed_is_read_again(work, cold_cache):
    from listing_lint.cache import describe

    repo = write_case(work, base_case())
    manifest = repo / BUNDLE / "listing.json"
    describe(manifest, _settings(repo))
    page = repo / BUNDLE / "detail" / "en.html"
    before = page.read_bytes()
    assert memo.held(str(page), os.stat(page)) == before  # kept from the hashing
    page.write_bytes(before.replace(b"</body>", b"<p>Added after hashing.</p></body>"))
    bundle = Bundle(manifest, repo)
    assert "Added after hashing." in bundle.file("detail/en.html").text  # the new content, not the held one


def test_held_bytes_stay_within_their_budget(work, cold_cache, monkeypatch):
    from listing_lint.cache import describe

    monkeypatch.setattr(memo, "HOLD_BYTES", 2000)
    repo = write_case(work, base_case())
    describe(repo / BUNDLE / "listing.json", _settings(repo))
    assert 0 < sum(len(d) for _, d in memo._held.values()) <= 2000


# -- resolving: each path below the root statted once a bundle -------------------------------------
REFS = [("media/cover.jpg", ""), ("../media/cover.jpg", "detail/en.html"), ("media/none.jpg", ""),
        ("media/cover.jpg/x", ""), ("../../outside/secret.txt", ""), ("linkdir/cover.jpg", ""),
        ("leaves/secret.txt", ""), ("media", ""), ("./media/../media/cover.jpg", "")]


def test_resolving_with_the_bundles_stats_gives_the_same_answers(work, monkeypatch):
    repo = write_case(work, base_case())
    root = Path(os.path.realpath(repo / BUNDLE))
    os.symlink("media", root / "linkdir")
    os.symlink(str(work / "outside"), root / "leaves")
    alone = [resolve_in(root, ref, base) for ref, base in REFS]
    calls = []
    real_lstat = os.lstat
    monkeypatch.setattr(os, "lstat", lambda p, *a, **k: calls.append(p) or real_lstat(p, *a, **k))
    seen: dict = {}
    shared = [resolve_in(root, ref, base, seen=seen) for ref, base in REFS + REFS]
    assert shared == alone + alone
    # without a symlink on the way (one hands over to realpath, as before), no path is statted twice
    plain = [(ref, base) for ref, base in REFS if not ref.startswith(("linkdir", "leaves"))]
    calls.clear()
    seen = {}
    for ref, base in plain + plain:
        resolve_in(root, ref, base, seen=seen)
    assert calls and len(calls) == len(set(calls)), calls
    assert [r.problem for r in alone] == [None, None, "missing", "missing", "outside", None, "symlink-outside",
                                          "not-a-file", None]


def test_a_video_parsed_from_its_held_bytes_is_described_as_from_the_file(tmp_path, cold_cache):
    from harness import mp4_bytes

    from listing_lint.media.video import probe_video

    path = tmp_path / "main.mp4"
    path.write_bytes(mp4_bytes())
    from_disk = probe_video(SourceFile(path, "main.mp4", "main.mp4"))
    assert memo.hold(str(path), os.stat(path), path.read_bytes())
    file = SourceFile(path, "main.mp4", "main.mp4")
    assert file.held() is not None
    assert probe_video(file) == from_disk and from_disk.has_video
