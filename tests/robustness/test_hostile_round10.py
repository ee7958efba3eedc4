"""Hostile input, round 10 (session 18): binary inputs with real crafted bytes — certificate PDFs
(encryption, reference cycles), MP4 headers, picture decodes — through the CLI in-process
(``check --format json``); peak memory in a fresh process. What held is in docs/decisions.md."""

from __future__ import annotations

import io
import json
import re
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1]))

from harness import BUNDLE, base_case, mp4_bytes, write_case  # noqa: E402
from lintrun import cli_json, lint_cli  # noqa: E402
from pdf_writer import HELVETICA  # noqa: E402

MANIFEST = f"{BUNDLE}/listing.json"


def _line(data: bytes, needle: bytes) -> int:
    return data[: data.index(needle)].count(b"\n") + 1


def _found(work, files: dict[str, bytes], select: str) -> tuple[list[dict], bytes]:
    """The findings of ``check --format json --select`` on the base case with ``files`` replaced, and its manifest."""
    case = base_case()
    case.files.update({f"{BUNDLE}/{rel}": data for rel, data in files.items()})
    repo = write_case(work, case)
    _, out, _ = lint_cli(repo, "--format", "json", "--select", select)
    return json.loads(out)["findings"], case.files[MANIFEST]


# -- certificate PDFs ------------------------------------------------------------------------------
#: what the base case's CE certificate declares, so a readable copy of it raises nothing
CERT_TEXT = b"(EN IEC 62368-1:2020+A11:2020 Model X1-EU) Tj"


def _objects() -> dict[int, bytes]:
    content = b"BT /F1 11 Tf 56 780 Td " + CERT_TEXT + b" ET"
    return {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            4: HELVETICA, 5: b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"}


def _pdf(objects: dict[int, bytes], trailer: bytes = b"") -> bytes:
    """A PDF 1.5 of ``objects`` with a classic cross-reference table."""
    out, offsets = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"), {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref, size = len(out), max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n" for n in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (size, trailer, xref)
    return bytes(out)


def _encrypted(user: str) -> bytes:
    """The certificate encrypted with RC4 (128-bit, pypdf's own RC4: no cryptography package needed)."""
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(_pdf(_objects()))))
    writer.encrypt(user_password=user, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _cmp013(work, pdf: bytes) -> tuple[list[tuple[str, int, str]], list[str], int]:
    found, manifest = _found(work, {"certs/ce.pdf": pdf}, "CMP013,MED005,LNT")
    return ([(f["path"], f["line"], f["code"]) for f in found], [f["message"] for f in found],
            _line(manifest, b'"file": "certs/ce.pdf"'))


def test_a_certificate_that_opens_only_with_a_password_says_so(work):
    """``decrypt("")`` returns NOT_DECRYPTED rather than raising on a wrong password: the pages were
    read anyway and CMP013 said "FileNotDecryptedError: File has not been decrypted"."""
    found, messages, line = _cmp013(work, _encrypted(user="secret"))
    assert found == [(MANIFEST, line, "CMP013")]
    assert messages == ["cannot read the text of certs/ce.pdf (it opens only with a password); check its standards "
                        "and models by hand"]


def test_near_miss_an_encrypted_certificate_that_opens_without_a_password_is_read(work):
    """Printing or editing restricted, no password to open (how labs often issue certificates): read and judged."""
    found, _, _ = _cmp013(work, _encrypted(user=""))
    assert found == []


def test_an_aes_certificate_without_an_aes_provider_says_what_is_missing(work):
    """AES-256 (V5 R6): pypdf without the cryptography package raised DependencyError, and CMP013
    quoted "cryptography>=3.1 is required for AES algorithm" as if the document were broken."""
    encrypt = (b"<< /Filter /Standard /V 5 /R 6 /Length 256 /P -4 /O <" + b"11" * 48 + b"> /U <" + b"22" * 48
               + b"> /OE <" + b"33" * 32 + b"> /UE <" + b"44" * 32 + b"> /Perms <" + b"55" * 16
               + b"> /CF << /StdCF << /CFM /AESV3 /Length 32 /AuthEvent /DocOpen >> >> /StmF /StdCF /StrF /StdCF >>")
    pdf = _pdf({**_objects(), 9: encrypt}, b"/Encrypt 9 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] ")
    found, messages, line = _cmp013(work, pdf)
    assert found == [(MANIFEST, line, "CMP013")]
    # with the cryptography package installed the made-up password entries simply do not open it
    assert re.search(r"\((it is encrypted with AES, which this installation cannot decrypt \(pypdf reads AES only "
                     r"with the cryptography package\)|it opens only with a password)\)", messages[0]), messages[0]


def _xref_stream(objects: dict[int, bytes], compressed: dict[int, tuple[int, int]]) -> bytes:
    """A PDF 1.5 whose cross-reference stream puts ``compressed`` objects (number -> (object stream, index)) in object streams."""
    out, offsets = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"), {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref_number = max([*objects, *compressed]) + 1
    offsets[xref_number] = len(out)
    rows = b"".join(struct.pack(">BIH", 2, *compressed[n]) if n in compressed
                    else struct.pack(">BIH", 1, offsets[n], 0) if n in offsets else struct.pack(">BIH", 0, 0, 65535)
                    for n in range(xref_number + 1))
    out += (b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n"
            % (xref_number, xref_number + 1, len(rows)) + rows + b"\nendstream\nendobj\n")
    return bytes(out + b"startxref\n%d\n%%%%EOF\n" % offsets[xref_number])


def _object_stream(members: dict[int, bytes], length: bytes | None = None) -> bytes:
    head = body = b""
    for number, member in members.items():
        head, body = head + b"%d %d " % (number, len(body)), body + member + b" "
    data = head + body
    return (b"<< /Type /ObjStm /N %d /First %d /Length %s >>\nstream\n" % (len(members), len(head), length or b"%d" % len(data))
            + data + b"\nendstream")


def test_a_pdf_error_names_a_reference_the_same_in_every_run(work):
    """An object stream whose /Length is an object inside itself: pypdf's message quoted
    ``IndirectObject(8, 0, 139872429490768)``, the number being the address of the reader in memory,
    so the report differed from run to run (and the memo kept the first run's for later ones)."""
    objects = _objects()
    catalog, tree = objects.pop(1), objects.pop(2)
    objects[8] = _object_stream({1: catalog, 2: tree, 11: b"5"}, length=b"11 0 R")
    found, messages, line = _cmp013(work, _xref_stream(objects, {1: (8, 0), 2: (8, 1), 11: (8, 2)}))
    assert found == [(MANIFEST, line, "CMP013")]
    assert "self reference for 8 0 R" in messages[0] and "IndirectObject" not in messages[0], messages[0]


def test_near_miss_a_certificate_in_object_streams_is_read(work):
    objects = _objects()
    catalog, tree = objects.pop(1), objects.pop(2)
    objects[8] = _object_stream({1: catalog, 2: tree})
    found, _, _ = _cmp013(work, _xref_stream(objects, {1: (8, 0), 2: (8, 1)}))
    assert found == []


# -- videos ----------------------------------------------------------------------------------------
def _with_field(data: bytes, path: list[bytes], offset: int, value: int) -> bytes:
    """``data`` with the 32-bit field at ``offset`` in the body of the first box at ``path`` set to ``value``."""
    out, start, end = bytearray(data), 0, len(data)
    for kind in path:
        at = start
        while struct.unpack(">I4s", out[at:at + 8])[1] != kind:
            at += struct.unpack(">I", out[at:at + 4])[0]
        start, end = at + 8, at + struct.unpack(">I", out[at:at + 4])[0]
    struct.pack_into(">I", out, start + offset, value)
    return bytes(out)


MVHD_TIMESCALE, MDHD_TIMESCALE, MDHD_DURATION = 12, 12, 16  # version 0 boxes, after version and flags and two times


def _med007(work, video: bytes) -> list[str]:
    found, manifest = _found(work, {"media/main.mp4": video}, "MED005,MED007,LNT")
    line = _line(manifest, b'"file": "media/main.mp4"')
    assert [(f["path"], f["line"], f["code"]) for f in found] == [(MANIFEST, line, "MED007")]
    return [f["message"] for f in found]


def test_a_movie_header_of_timescale_0_takes_the_length_of_its_tracks(work):
    """mvhd's timescale 0 left the duration unknown and unexplained: MED007 was silent about a
    75 s video. FFmpeg defaults such a timescale (``mov_read_mvhd``: "Invalid mvhd time scale") and
    plays the tracks, whose own clocks (``mdhd``) give the length."""
    video = _with_field(mp4_bytes(), [b"moov", b"mvhd"], MVHD_TIMESCALE, 0)
    video = _with_field(video, [b"moov", b"trak", b"mdia", b"mdhd"], MDHD_TIMESCALE, 1000)
    video = _with_field(video, [b"moov", b"trak", b"mdia", b"mdhd"], MDHD_DURATION, 75_000)
    (message,) = _med007(work, video)
    assert message.startswith("video media/main.mp4: it runs 75 s (limit 60 s)"), message


def test_near_miss_a_short_video_whose_movie_header_has_timescale_0(work):
    (message,) = _med007(work, _with_field(mp4_bytes(), [b"moov", b"mvhd"], MVHD_TIMESCALE, 0))
    assert message == "video media/main.mp4: it is 96x96, under 720p: export it again"  # the base case's size only


def test_a_video_without_any_timescale_says_its_length_cannot_be_told(work):
    video = _with_field(mp4_bytes(), [b"moov", b"mvhd"], MVHD_TIMESCALE, 0)
    video = _with_field(video, [b"moov", b"trak", b"mdia", b"mdhd"], MDHD_TIMESCALE, 0)
    (message,) = _med007(work, video)
    assert "its running time cannot be told (neither its movie header nor any track gives a timescale)" in message


# -- pictures --------------------------------------------------------------------------------------
def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _grey_png(side: int) -> bytes:
    """A black 8-bit grey PNG of ``side`` x ``side`` pixels, compressed row by row (79 KB for 9000)."""
    packer, row = zlib.compressobj(9), b"\0" * (side + 1)
    data = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", data) + _chunk(b"IEND", b"")


#: VmHWM, the process's own peak: ru_maxrss is kept across exec on Linux, so a child of a pytest
#: process larger than the bound started over it (round 11)
PEAK = """
import re, sys
import listing_lint
from listing_lint.media.image import probe_image_bytes
info = probe_image_bytes(open(sys.argv[1], "rb").read())
peak = int(re.search(r"VmHWM:\\s+(\\d+) kB", open("/proc/self/status").read()).group(1)) // 1024
print(info.problem, info.decoded, peak, listing_lint.__file__)
"""


def test_a_flat_grey_picture_is_not_decoded_again_in_colour(tmp_path):
    """A flat picture's colour was read from a second decode, in RGB and at full size unless a JPEG
    draft shrank it: a 9000x9000 grey PNG of 79 KB, priced at 81 MB (under max-decode-bytes), peaked
    at 506 MB. Only a decode that dropped the colour (a colour JPEG's luma draft) reads it again now."""
    path = tmp_path / "grey.png"
    path.write_bytes(_grey_png(9000))
    import os

    import listing_lint

    env = {**os.environ, "PYTHONPATH": str(Path(listing_lint.__file__).parents[1])}  # the code under test, whatever ran before
    proc = subprocess.run([sys.executable, "-c", PEAK, str(path)], capture_output=True, text=True, timeout=120, check=True, env=env,
                          cwd=tmp_path)
    problem, decoded, peak_mb, module = proc.stdout.split()
    assert module == listing_lint.__file__
    assert (problem, decoded) == ("None", "True")
    assert int(peak_mb) < 300, proc.stdout


def _flat_grey16(level: int, side: int = 900) -> bytes:
    import numpy as np
    from PIL import Image

    out = io.BytesIO()
    Image.fromarray(np.full((side, side), level, dtype=np.uint16)).save(out, "PNG")
    return out.getvalue()


def test_flat_16_bit_grey_pictures_of_other_levels_are_no_duplicates(work):
    """The colour decode converted a 16-bit grey PNG to RGB, which clips every level over 255: every
    flat 16-bit grey picture was white, and MED008 called a dark and a light one the same picture."""
    found, _ = _found(work, {"media/scene-1.png": _flat_grey16(6_000), "media/scene-2.png": _flat_grey16(60_000)}, "MED008,LNT")
    assert found == []


def test_near_miss_two_flat_16_bit_grey_pictures_of_one_level_are_duplicates(work):
    """The same grey at another size (not byte-identical): still the same picture."""
    found, manifest = _found(work, {"media/scene-1.png": _flat_grey16(30_000), "media/scene-2.png": _flat_grey16(30_000, 820)},
                             "MED008,LNT")
    assert [(f["path"], f["code"]) for f in found] == [(MANIFEST, "MED008")]
    assert found[0]["line"] in (_line(manifest, b'"file": "media/scene-1.png"'), _line(manifest, b'"file": "media/scene-2.png"'))


def _jpeg_with_segments(count: int, marker: bytes = b"\xff\xfe", body: bytes = b"") -> bytes:
    """A 16x16 JPEG with ``count`` segments (empty comments by default) after its start-of-image marker."""
    from harness import image_bytes

    data = image_bytes(16, 16, "JPEG")
    return data[:2] + (marker + struct.pack(">H", 2 + len(body)) + body) * count + data[2:]


def test_a_jpeg_of_a_million_comment_segments_is_priced_before_pillow_opens_it(work):
    """Pillow keeps every APPn and comment segment before the first scan in a list: 5,000,000 empty
    comments (19 MB, under max-media-bytes) took 772 MB and 9.6 s to open; 1,000,000 (3.8 MB) 192 MB.
    Priced as Pillow allocates them, against max-decode-bytes, as GIF comments are (round 3)."""
    found, manifest = _found(work, {"media/cover.jpg": _jpeg_with_segments(1_000_000)}, "MED005,LNT")
    line = _line(manifest, b'"poster": "media/cover.jpg"')  # once, where listing.json first names it (the video's poster)
    assert [(f["path"], f["line"], f["code"], f["severity"]) for f in found] == [(MANIFEST, line, "MED005", "warning")]
    assert "media/cover.jpg was not decoded: reading its metadata and comment segments takes over 128 MiB" in found[0]["message"]


def test_near_miss_a_photo_with_many_metadata_segments_is_decoded(work):
    """A thousand 1 KB APP segments (an editor's XMP, ICC and maker notes, generously) cost about 1 MiB."""
    found, _ = _found(work, {"media/cover.jpg": _jpeg_with_segments(1_000, b"\xff\xe2", b"m" * 1_000)}, "MED005,LNT")
    assert found == []


# -- config files ----------------------------------------------------------------------------------
def _check_with_memory_cap(repo: Path) -> subprocess.CompletedProcess:
    """``check`` in a process limited to 2 GiB of address space: the unfixed parse needed 22 GB."""
    import resource

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    return subprocess.run([sys.executable, "-m", "listing_lint", "check", "--no-cache", "--select", "SCH001"], cwd=repo,
                          capture_output=True, text=True, timeout=120, preexec_fn=cap, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("name, text", [
    ("listing-lint.toml", "a" + ".a" * 100_000 + " = 1\n"),
    ("listing-lint.toml", "[" + "a." * 100_000 + "a]\nx = 1\n"),
    ("pyproject.toml", "[tool.listing-lint]\nx = {" + '"a".' * 100_000 + "a = 1}\n"),
])
def test_a_config_key_of_100000_parts_is_refused_before_tomllib_reads_it(work, name, text):
    """tomllib keeps every prefix of a dotted key as a tuple: a key of 100,000 parts (200 KB) took
    22 GB before the kernel killed the run; a table name as long took 10 s. Refused: exit 2, naming the line."""
    repo = write_case(work, base_case())
    (repo / name).write_text(text, encoding="utf-8")
    proc = _check_with_memory_cap(repo)
    assert proc.returncode == 2, proc.stderr[-500:]
    assert f"{name}: line {text.count(chr(10)) if name == 'pyproject.toml' else 1} has a dotted key of more than 100 parts" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_near_miss_dots_in_comments_and_strings_and_short_keys_are_read(work):
    repo = write_case(work, base_case())
    (repo / "pyproject.toml").write_text(
        "[tool.listing-lint]  # " + "a." * 150 + "\nignore = [\"MED\"]\n[tool.listing-lint.thresholds]\n"
        'max-video-seconds = 90\n[tool.other]\nnote = "' + "v." * 150 + '"\n', encoding="utf-8")
    proc = _check_with_memory_cap(repo)
    assert proc.returncode in (0, 1), proc.stderr[-500:]


# -- documents that are two formats at once --------------------------------------------------------
def _scan_with_pdf_comment() -> bytes:
    """A JPEG scan whose comment segment, in its first kilobyte, holds "%PDF-" (a PDF reader's header test)."""
    from harness import image_bytes

    jpeg, note = image_bytes(64, 64, "JPEG"), b"%PDF-1.4 scanned by the office printer"
    return jpeg[:2] + b"\xff\xfe" + struct.pack(">H", len(note) + 2) + note + jpeg[2:]


def _document_findings(work, rel: str, data: bytes, where: str) -> tuple[list[tuple[str, int, str]], int]:
    from harness import dumps, listing

    manifest = listing()
    if where == "trademark":
        manifest["brand"]["trademark"]["file"] = rel
    else:
        manifest["certificates"][0]["file"] = rel
    case = base_case()
    case.files[MANIFEST] = dumps(manifest)
    case.files[f"{BUNDLE}/{rel}"] = data
    repo = write_case(work, case)
    _, out, _ = lint_cli(repo, "--format", "json", "--select", "MED005,CMP013,LNT")
    found = [(f["path"], f["line"], f["code"]) for f in json.loads(out)["findings"] if f["code"] != "CMP013" or rel in f["message"]]
    return found, _line(case.files[MANIFEST], b'"file": "%s"' % rel.encode())


@pytest.mark.parametrize("where", ["trademark", "certificate"])
def test_a_jpeg_scan_holding_pdf_in_its_first_kilobyte_is_a_picture(work, where):
    """A PDF reader takes "%PDF-" anywhere in the first 1,024 bytes as its header: a JPEG scan whose
    comment held it was MED005 "is PDF data named .jpg: rename it to .pdf" (renamed, it would open as
    nothing), and CMP013 "cannot read the text" of it. A file that its name and first bytes both call a
    picture opens as that picture."""
    found, _ = _document_findings(work, "certs/scan.jpg", _scan_with_pdf_comment(), where)
    assert found == []


def test_near_miss_a_pdf_named_jpg_is_still_told_to_be_renamed(work):
    found, line = _document_findings(work, "certs/scan.jpg", _pdf(_objects()), "trademark")
    assert found == [(MANIFEST, line, "MED005")]


def test_certificates_slow_to_read_each_get_a_finding_within_the_rule_budget(work):
    """Each read has max-decode-seconds, the rule rule-timeout for all of a bundle's certificates:
    four PDFs each slow to parse (round 3's shared 300,000-token page, 60 times) ran CMP013 past it,
    LNT003 "Please report this" at line 1, and the last two certificates got no finding. A read that
    would outlast the rule is cut to what is left, and the rest are said to be unread."""
    import copy

    from harness import dumps, listing
    from test_hostile_round3 import _shared_stream_pdf

    manifest = listing()
    case = base_case()
    for i in range(4):
        manifest["certificates"].append({**copy.deepcopy(manifest["certificates"][0]), "file": f"certs/slow{i}.pdf"})
        case.files[f"{BUNDLE}/certs/slow{i}.pdf"] = _shared_stream_pdf(60, 300_000 + 2 * i)  # four contents: four reads
    case.files[MANIFEST] = dumps(manifest)
    repo = write_case(work, case)
    (repo / "listing-lint.toml").write_text("rule-timeout = 6\n[thresholds]\nmax-decode-seconds = 2\n", encoding="utf-8")
    found = cli_json(repo, "--jobs", "1", "--select", "CMP013,LNT")  # a fresh process: no earlier test's garbage to collect
    lines = [_line(case.files[MANIFEST], b'"file": "certs/slow%d.pdf"' % i) for i in range(4)]
    assert [(f["path"], f["line"], f["code"]) for f in found if "slow" in f["message"] or f["code"] == "LNT003"] == [
        (MANIFEST, line, "CMP013") for line in lines]
    said = [f["message"] for f in found if "slow" in f["message"]]
    assert "took longer than 2 s (max-decode-seconds)" in said[0]
    assert "rule-timeout, for all the certificates of a bundle" in said[-1]


def test_near_miss_readable_certificates_under_a_tight_rule_budget_are_all_read(work):
    import copy

    from harness import dumps, listing

    manifest = listing()
    case = base_case()
    for i in range(4):
        manifest["certificates"].append({**copy.deepcopy(manifest["certificates"][0]), "file": f"certs/ok{i}.pdf"})
        case.files[f"{BUNDLE}/certs/ok{i}.pdf"] = _pdf({**_objects(), 6: b"(%d)" % i})  # four contents: four reads
    case.files[MANIFEST] = dumps(manifest)
    repo = write_case(work, case)
    (repo / "listing-lint.toml").write_text("rule-timeout = 6\n[thresholds]\nmax-decode-seconds = 2\n", encoding="utf-8")
    found = cli_json(repo, "--jobs", "1", "--select", "CMP013,LNT")
    assert [f for f in found if "ok" in f["message"] or f["code"] == "LNT003"] == []
