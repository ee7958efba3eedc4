"""One file listed many times in ``media`` (session 16): one root cause, one finding per rule.

The hostile-input round listed one picture 10,000 times: 9,999 MED008 findings ("listed twice") and
10,000 MED009 (no alt text), every one fixed by removing the repeats. Now each rule reports the file
once per placement and counts the rest; copies that are different files are reported as before.
"""

import time

from builder import BundleBuilder, findings, png_bytes

MANIFEST = "listings/demo/listing.json"


def _file_line(b: BundleBuilder, nth: int, needle: str = '"media/a.jpg"') -> int:
    """The line of the ``nth`` (0-based) ``"file"`` naming ``needle`` in listing.json (its entry's "{" is 2 above)."""
    text = (b.dir / "listing.json").read_text(encoding="utf-8")
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    return text[:at].count("\n") + 1


def _repeated(tmp_path, times: int, **item) -> BundleBuilder:
    b = BundleBuilder(tmp_path)
    b.file("media/a.jpg", png_bytes(800, 800, fmt="JPEG"))
    b.data["media"] = [{"kind": "image", "file": "media/a.jpg", "role": "scene", **item} for _ in range(times)]
    b.write()
    return b


def test_a_file_listed_three_thousand_times_is_one_MED008_and_one_MED009(tmp_path):
    b = _repeated(tmp_path, 3_000)
    start = time.process_time()
    found = findings(tmp_path, select=["MED008", "MED009"])
    took = time.process_time() - start
    assert took < 2, f"{took:.1f} s"
    assert [(f.code, f.path, f.line) for f in found] == [
        ("MED009", MANIFEST, _file_line(b, 0) - 2),  # media[0]: it has no "alt"
        ("MED008", MANIFEST, _file_line(b, 1)),  # media[1].file, the first repeat
    ]
    assert found[0].message == ('media/a.jpg has no alt text for en, es, fr, ru: add "alt": {"en": "..."}; 2,999 more entries '
                                "list it in the gallery without all of it too (remove the repeats)")
    assert found[1].message == ("media/a.jpg is listed 3,000 times in the gallery (media #1, #2, #3, #4, #5 and 2,995 more): "
                                "keep one and remove the other 2,999")


def test_a_file_listed_three_times_beside_a_copy_of_it_in_another_file(tmp_path):
    b = _repeated(tmp_path, 3, alt={"en": "x", "es": "x", "fr": "x", "ru": "x"})
    b.file("media/b.png", png_bytes(800, 800))  # the same flat picture, saved again as PNG: a copy
    b.data["media"].append({"kind": "image", "file": "media/b.png", "role": "scene"})
    b.write()
    found = findings(tmp_path, select="MED008")
    assert [(f.path, f.line) for f in found] == [(MANIFEST, _file_line(b, 1)), (MANIFEST, b.line_of('"media/b.png"'))]
    assert found[0].message == "media/a.jpg is listed 3 times in the gallery (media #1, #2, #3): keep one and remove the other 2"
    assert found[1].message.startswith("media/b.png is the same picture as media/a.jpg")


def test_near_miss_a_file_listed_twice_keeps_its_message_and_reuse_across_placements_stays_silent(tmp_path):
    b = _repeated(tmp_path, 2, alt={"en": "x", "es": "x", "fr": "x", "ru": "x"})
    b.data["media"].append({"kind": "image", "file": "media/a.jpg", "role": "scene", "placement": "description",
                            "alt": {"en": "x", "es": "x", "fr": "x", "ru": "x"}})
    b.write()
    [f] = findings(tmp_path, select="MED008")
    assert (f.path, f.line) == (MANIFEST, _file_line(b, 1))
    assert f.message == "media/a.jpg is listed twice in the gallery (also media #1): remove one"


def test_near_miss_MED009_reports_each_placement_and_each_file_as_before(tmp_path):
    b = _repeated(tmp_path, 1)
    b.data["media"].append({"kind": "image", "file": "media/a.jpg", "role": "scene", "placement": "description"})
    b.file("media/c.jpg", png_bytes(800, 800, (10, 200, 10), fmt="JPEG"))
    b.data["media"].append({"kind": "image", "file": "media/c.jpg", "role": "scene"})
    b.write()
    found = findings(tmp_path, select="MED009")
    entries = [_file_line(b, 0), _file_line(b, 1), b.line_of('"media/c.jpg"')]
    assert [(f.path, f.line) for f in found] == [(MANIFEST, line - 2) for line in entries]
    assert all(f.message.endswith('add "alt": {"en": "..."}') for f in found)


def test_MED009_counts_repeats_on_the_first_entry_without_alt_text(tmp_path):
    b = _repeated(tmp_path, 4)
    b.data["media"][0]["alt"] = {"en": "x", "es": "x", "fr": "x", "ru": "x"}  # the first has it; its three repeats do not
    b.write()
    [f] = findings(tmp_path, select="MED009")
    assert (f.path, f.line) == (MANIFEST, _file_line(b, 1) - 2)  # media[1]'s "{"
    assert f.message.endswith("; 2 more entries list it in the gallery without all of it too (remove the repeats)")
