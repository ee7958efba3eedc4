"""What the parent of a forked run gives back before the fork (issue 18, session 6: peak memory).

Each check runs in a fresh interpreter, for real: the kernel's page tables and glibc's heaps are
read from /proc and from ``malloc_info``, never assumed.
"""

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux page tables and glibc")

PREPARE = """
import json, sys
from listing_lint.config import Config
from listing_lint.langid import lingua
from listing_lint.langid.base import get_detector
from listing_lint.rules.localization import LOC002_page_language as rule
if sys.argv[1] == "keep":
    lingua.page_out_library = lambda: 0
rule.prepare(Config(), bundles=rule.ACCURATE_UP_FRONT_FROM)
library = sys.modules["lingua.lingua"].__file__
resident, mapping = 0, None
for line in open("/proc/self/smaps"):
    parts = line.split()
    if not parts[0].endswith(":"):
        mapping = parts
    elif parts[0] == "Rss:" and mapping[-1] == library and "x" not in mapping[1]:
        resident += int(parts[1])
accurate = get_detector("lingua-high")
scores = [accurate.scores(text, candidates) for text, candidates in (
    ("Зарядное устройство", ("bg", "ru", "uk")), ("The charger is small.", ("de", "en", "nl")),
    ("El cargador es pequeño.", ("ca", "es", "pt")), ("Le chargeur est petit.", ("en", "fr", "it")))]
import os
def maps_it(pid):
    try:
        with open(f"/proc/{pid}/maps") as fh:
            return library in fh.read()
    except OSError:
        return False
others = any(maps_it(pid) for pid in os.listdir("/proc") if pid.isdigit() and int(pid) != os.getpid())
print(json.dumps({"resident_kib": resident, "scores": scores, "others": others}))
"""


def _prepared(mode: str) -> dict:
    out = subprocess.run([sys.executable, "-c", PREPARE, mode], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_the_model_load_gives_back_the_library_pages_it_read_and_the_models_still_answer():
    kept, paged_out = _prepared("keep"), _prepared("page-out")
    # the compressed models of the 13 candidates: about 16 MiB of lingua's library read by the load
    assert kept["resident_kib"] > 8 * 1024
    if paged_out["others"] and paged_out["resident_kib"] >= 2 * 1024:
        # the kernel reclaims only pages no other process maps (as it should): another run of this
        # installation that loaded the models itself holds them
        pytest.skip("another process maps lingua's library at the same time")
    assert paged_out["resident_kib"] < 2 * 1024
    # the loaded tables are untouched: the same answers (lingua's sums differ from one process to
    # the next in the last bits whatever is done here: two "keep" processes do too)
    for got, want in zip(paged_out["scores"], kept["scores"], strict=True):
        assert list(got) == list(want) and got == pytest.approx(want, abs=1e-12)


ARENAS = """
import ctypes, os, sys, tempfile, threading
from listing_lint import parallel
if sys.argv[1] == "one":
    parallel._one_arena()
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
libc.fopen.restype = ctypes.c_void_p
start, done = threading.Barrier(4), threading.Barrier(4)
def allocate():
    start.wait()
    for _ in range(200):
        libc.malloc(4096)  # kept: each thread's blocks stay in the heap it was given
    done.wait()  # all four alive together: glibc gives a thread its own heap only while others use theirs
threads = [threading.Thread(target=allocate) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
path = os.path.join(tempfile.mkdtemp(), "malloc.xml")
out = libc.fopen(path.encode(), b"w")
libc.malloc_info(0, ctypes.c_void_p(out))
libc.fclose(ctypes.c_void_p(out))
print(open(path).read().count("<heap nr="))
"""


def _heaps(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", ARENAS, mode], capture_output=True, text=True, check=True)
    return int(out.stdout)


def test_before_the_models_load_every_thread_allocates_from_one_heap():
    assert _heaps("default") > 1  # glibc's own setting: a heap per thread (lingua loads in threads)
    assert _heaps("one") == 1


TRIMS = """
import ctypes, json, resource
from listing_lint import libc, parallel
c = ctypes.CDLL("libc.so.6")
c.malloc.restype = ctypes.c_void_p
c.free.argtypes = [ctypes.c_void_p]
c.mallopt(-3, 1 << 30)  # M_MMAP_THRESHOLD: blocks from the heap, as a bundle's are once glibc raised the threshold
c.mallopt(-1, 1 << 30)  # M_TRIM_THRESHOLD: free() alone never gives the heap's top back
BLOCK = 64 << 10
def bundle(mib):  # a bundle's transient buffers: written, then freed
    blocks = [c.malloc(BLOCK) for _ in range(mib * 16)]
    for b in blocks:
        ctypes.memset(b, 1, BLOCK)
    for b in blocks:
        c.free(b)
faults = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_minflt
parallel._after_bundle(force=True)
f = faults()
for _ in range(20):
    bundle(2)
    parallel._after_bundle()
out = {"faults": faults() - f}
before = libc.private_bytes()
bundle(3 * parallel.TRIM_SLACK >> 20)
out["grown"] = libc.private_bytes() - before
parallel._after_bundle()
out["kept"] = libc.private_bytes() - before
print(json.dumps(out))
"""


def test_a_worker_trims_when_its_memory_grew_not_after_every_bundle():
    """Session 9: trimming after every bundle gave back the pages the next bundle wrote again, and
    each came back as a page fault (620,000 over the 1,000-bundle bench). Twenty bundles that each
    write and free 2 MiB now fault those pages in once; a bundle that leaves more than the slack
    behind is still trimmed."""
    out = json.loads(subprocess.run([sys.executable, "-c", TRIMS], capture_output=True, text=True, check=True).stdout)
    pages = 2 * 2**20 // 4096  # one bundle's buffers
    assert out["faults"] < 3 * pages  # trimming each time: about 20 * pages
    assert out["grown"] > 2 * (4 << 20)
    assert out["kept"] < 2**20
