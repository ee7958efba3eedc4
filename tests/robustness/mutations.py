"""Structure-aware mutations of a listing repo, driven by any source of choices.

The same mutations serve hypothesis (``HypothesisChooser``: shrinkable draws) and atheris
(``fuzz/fuzz_bundle.py`` wraps ``FuzzedDataProvider``), so a failure the fuzzer finds can be
replayed as a bounded property test. Each mutation edits a ``Case`` in place and returns a short
description of what it did (logged with a failure).
"""

from __future__ import annotations

import json
import struct
import sys
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Callable, Protocol, Sequence

from harness import BUNDLE, SINGLE, Case, dumps

OUT = "../../../../outside"  # from a page in listings/plug/detail/ to the work dir's outside/


class Chooser(Protocol):
    def int(self, lo: int, hi: int) -> int: ...
    def bytes(self, max_len: int) -> bytes: ...


def pick(ch: Chooser, seq: Sequence):
    return seq[ch.int(0, len(seq) - 1)]


class HypothesisChooser:
    def __init__(self, data):
        self.data = data

    def int(self, lo: int, hi: int) -> int:
        from hypothesis import strategies as st

        return self.data.draw(st.integers(lo, hi))

    def bytes(self, max_len: int) -> bytes:
        from hypothesis import strategies as st

        return self.data.draw(st.binary(max_size=max_len))


# -- hostile values --------------------------------------------------------------------------------
def deep_array(depth: int) -> str:
    return "[" * depth + "]" * depth


RAW_JSON = [
    "1e400", "-1e400", "NaN", "Infinity", "-0", "1" * 5000, "0.1e-99999", '"\\ud800"', '"\\udfff\\ud800"',
    '"\\u0000"', '"a\\nb"', '""', "[]", "{}", "null", "true", "12", "-3.5",
    '"../../outside/secret.txt"', f'"{OUT}/secret.txt"', '"/etc/passwd"', '"file:///etc/passwd"', '"C:\\\\x\\\\y.png"',
    '"\\\\\\\\server\\\\share"', '"media/"', '"."', '"media/cover.jpg#x"', '"media/\\nscene.png"', '"detail"',
    '"%s {keyword} {{name}} ${x} [PRODUCT NAME] TODO"', '"<script>alert(1)</script>"', '"Ã©Ð¿Ñ€â€™"',
    '"http://example.com/x.png"', '"//evil.example/x"', '"es_ES"', '"EN"', '"-"', '"zz-Qaaa-999"',
    '{"a": 1, "a": [2]}', '{"html": 5}', '{"html": "<p>' + "x" * 300 + '</p>"}', '[null, 1, "x", {}]',
    '"2026-02-30"', '"9999-12-31"', '"0000-01-01"', '"2026-11-25T00:00:00Z"', '{"amount": 1e400, "currency": 5}',
    '{"amount": "39,90", "currency": "usd"}', '[{"visitors": -1, "conversions": 1e300}]', '"' + "é" * 3000 + '"',
    '"1e999999999"', '{"amount": "' + "9" * 40 + '", "currency": "USD"}', '{"visitors": ' + "9" * 4000 + ', "conversions": 1}',
    "-Infinity", '{"mde": NaN}',
]

SNIPPETS = [
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\x00", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xe2\x80\xa8",
    b"\r", b"\r\n", b"\x1b[31m", b"\xc0\xaf", b"\xf4\x90\x80\x80", b"\\u", b'"', b"{", b"[", b"]", b"}", b",", b":",
    b"<", b">", b"&", b"&amp", b"&#0;", b"&#x110000;", b"<!--", b"-->", b"<![CDATA[", b"]]>", b"<?xml version='1.0'?>",
]

HTML_SNIPPETS = [
    '<!DOCTYPE html [<!ENTITY e SYSTEM "file:///etc/passwd">]><p>&e;</p>',
    f'<!DOCTYPE x [<!ENTITY e SYSTEM "{OUT}/secret.txt">]><p>&e;</p>',
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
    '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><p>&d;&d;&d;&d;</p>',
    f'<img src="{OUT}/secret.txt" alt="x"><a href="{OUT}/secret.html">x</a>',
    '<img src="/etc/passwd"><img src="file:///etc/passwd"><img src="C:\\x.png"><img src="">',
    '<img src="data:image/png;base64,' + "A" * 4000 + '">',
    '<a href="javascript:alert(1)">x</a><script>document.write(1)</script><style>p{}</style>',
    '<iframe src="x"></iframe><input><textarea></textarea><button></button><pre>x</pre><frame>',
    '<!-- listing-lint: disable=ZZZ999 --><!-- listing-lint: enable= --><!-- listing-lint: disable-next=LOC005 -->',
    '<!-- listing-lint: disable=LOC,MED,SCH001,,, -->', '<p lang="">x</p><p lang="xx-YY-ZZZZ">x</p><p translate="no">',
    '<meta charset="shift_jis"><meta http-equiv="refresh" content="0;url=file:///etc/passwd">',
    '<table><tr><td><td><td></table></table></table>', '</p></p></div></body></html><p>after</p>',
    '<p title="' + "t" * 5000 + '">x</p>', '<svg><script>1</script><foreignObject><p>x</p></foreignObject></svg>',
    '<p>{关键词} {keyword} Lorem ipsum</p><p>価格 1,234.50 $ 20 m 5000 mAh</p>', "<p>" + "Ã©" * 50 + "</p>",
    '<img src="../media/scene-1.png?x#y"><img src="../media/"><img src="../media/missing.png">',
    '<base href="file:///etc/"><img src="passwd">', "<x:y xmlns:x='urn:x'>z</x:y>", "<p>\x00</p>", "<p>\udcff</p>",
    # patterns that backtracked (issue 14): an unclosed suppression, empty comments, disable-next walks, LOC005 brackets
    "<!-- listing-lint: disable=" + " " * 20000, "<!---->" * 3000, "<!-- listing-lint: disable-next=LOC005 -->" * 2000 + "\n" * 20000,
    "<p>[" + "a_" * 20000 + "</p>", "<!-- listing-lint: disable=" + ",".join(f"Q{i}" for i in range(20000)) + " -->",
    "<p " + "b" * 20000 + ">x</p>", "<p>" + "¿Sí? " * 5000 + "</p>",
]


# -- media makers ------------------------------------------------------------------------------------
def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width``×``height`` but whose data is a few bytes: decoders must refuse, not allocate."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + png_chunk(b"IEND", b"")


def png_bomb(side: int = 13000) -> bytes:
    """A real decompression bomb: a 1-bit ``side``×``side`` PNG of zeros, tens of KB on disk, hundreds of MB decoded."""
    row = b"\x00" + b"\x00" * ((side + 7) // 8)
    comp = zlib.compressobj(9)
    body = b"".join(comp.compress(row) for _ in range(side)) + comp.flush()
    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", body) + png_chunk(b"IEND", b"")


@lru_cache(maxsize=None)
def decode_bomb(kind: str) -> bytes:
    """The decode bombs under Pillow's pixel limit of tests/media_factory.py, made once per process."""
    tests = str(Path(__file__).resolve().parent.parent)
    if tests not in sys.path:
        sys.path.insert(0, tests)
    import media_factory as mf
    from harness import mp4_bytes

    makers = {"webp": lambda: mf.lossless_webp(16383, 5000), "png": lambda: mf.rgba_png(9400, 9400),
              "jpeg": lambda: mf.many_scans_jpeg(8000, 2000), "mp4": lambda: mf.many_boxes_mp4(mp4_bytes(), 200_000),
              "palette": lambda: mf.palette_png(7700, 7700)}
    return makers[kind]()


def mp4_huge_box(data: bytes) -> bytes:
    """The MP4 with its first box claiming a size far past the end of the file."""
    return struct.pack(">I", 0xFFFFFFF0) + data[4:]


def mp4_64bit_box(data: bytes) -> bytes:
    return struct.pack(">I", 1) + data[4:8] + struct.pack(">Q", 2**63 - 1) + data[8:]


# -- mutations ---------------------------------------------------------------------------------------
def _text_files(case: Case) -> list[str]:
    return sorted(p for p in case.files if p.endswith((".json", ".html")))


def _media_files(case: Case) -> list[str]:
    return sorted(p for p in case.files if p.startswith(BUNDLE + "/media/") or p.startswith(BUNDLE + "/certs/"))


def _pointers(value, prefix: str = "") -> list[str]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _pointers(v, prefix + "/" + k.replace("~", "~0").replace("/", "~1"))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _pointers(v, f"{prefix}/{i}")
    return out


def _set(doc, ptr: str, new):
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in ptr.split("/")[1:]]
    if not tokens:
        return new
    node = doc
    for t in tokens[:-1]:
        node = node[int(t)] if isinstance(node, list) else node[t]
    last = tokens[-1]
    if isinstance(node, list):
        node[int(last)] = new
    else:
        node[last] = new
    return doc


def _json_of(case: Case, path: str):
    try:
        return json.loads(case.files[path].decode("utf-8"))
    except (ValueError, KeyError, RecursionError):  # a previous edit nested it too deep for json
        return None


def json_value(case: Case, ch: Chooser) -> str:
    path = pick(ch, [f"{BUNDLE}/listing.json", SINGLE])
    doc = _json_of(case, path)
    if doc is None:
        return "json-value: skipped (not JSON)"
    ptr = pick(ch, _pointers(doc))
    raw = pick(ch, RAW_JSON + ["DEEP", "BIG", "TEXT"])
    if raw == "DEEP":
        raw = deep_array(ch.int(1, 12000))
    elif raw == "BIG":
        raw = json.dumps("x" * ch.int(1, 2_200_000))
    elif raw == "TEXT":
        raw = json.dumps(ch.bytes(200).decode("utf-8", "replace"))
    marker = "@@RAW-7f3a@@"
    text = dumps(_set(doc, ptr, marker)).decode("utf-8", "surrogatepass")
    case.files[path] = text.replace(json.dumps(marker), raw, 1).encode("utf-8", "surrogatepass")
    return f"json-value: {path}{ptr} = {raw[:40]!r}"


def json_delete(case: Case, ch: Chooser) -> str:
    path = pick(ch, [f"{BUNDLE}/listing.json", SINGLE])
    doc = _json_of(case, path)
    ptrs = _pointers(doc)[1:] if doc is not None else []
    if not ptrs:
        return "json-delete: skipped"
    ptr = pick(ch, ptrs)
    parent, _, last = ptr.rpartition("/")
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in parent.split("/")[1:]]
    node = doc
    for t in tokens:
        node = node[int(t)] if isinstance(node, list) else node[t]
    key = last.replace("~1", "/").replace("~0", "~")
    del node[int(key) if isinstance(node, list) else key]
    case.files[path] = dumps(doc)
    return f"json-delete: {path}{ptr}"


def byte_edit(case: Case, ch: Chooser) -> str:
    path = pick(ch, _text_files(case) + _media_files(case))
    data = bytearray(case.files[path])
    how = ch.int(0, 6)
    at = ch.int(0, len(data)) if data else 0
    if how == 0:
        data = data[:at]
    elif how == 1 and data:
        for _ in range(ch.int(1, 8)):
            i = ch.int(0, len(data) - 1)
            data[i] = ch.int(0, 255)
    elif how == 2:
        data[at:at] = pick(ch, SNIPPETS)
    elif how == 3:
        data[at:at] = ch.bytes(64)
    elif how == 4:
        data = bytearray(data.decode("utf-8", "replace").encode(pick(ch, ["utf-16", "utf-16-le", "utf-32", "latin-1", "cp1251"]), "replace"))
    elif how == 5:
        data = bytearray(pick(ch, [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf\xef\xbb\xbf"])) + data
    else:
        del data[at : at + ch.int(1, 512)]
    case.files[path] = bytes(data)
    return f"byte-edit {how}: {path} at {at}"


def html_snippet(case: Case, ch: Chooser) -> str:
    pages = sorted(p for p in case.files if p.endswith(".html"))
    if not pages:
        return "html-snippet: skipped"
    path = pick(ch, pages)
    text = case.files[path].decode("utf-8", "surrogateescape")
    choice = ch.int(0, len(HTML_SNIPPETS) + 1)
    if choice == len(HTML_SNIPPETS):
        depth = ch.int(1, 30000)
        snippet = "<div>" * depth + "deep" + "</div>" * ch.int(0, depth)
    elif choice == len(HTML_SNIPPETS) + 1:
        snippet = ch.bytes(300).decode("utf-8", "replace")
    else:
        snippet = HTML_SNIPPETS[choice]
    at = ch.int(0, len(text))
    case.files[path] = (text[:at] + snippet + text[at:]).encode("utf-8", "surrogateescape")
    return f"html-snippet {choice}: {path} at {at}"


def media_swap(case: Case, ch: Chooser) -> str:
    from harness import PDF, image_bytes, mp4_bytes

    path = pick(ch, _media_files(case))
    makers: list[Callable[[], bytes]] = [
        lambda: b"",
        lambda: png_header_only(ch.int(1, 2**31 - 1), ch.int(1, 2**31 - 1)),
        lambda: png_header_only(0, 0),
        lambda: mp4_bytes()[: ch.int(0, len(mp4_bytes()))],
        lambda: mp4_huge_box(mp4_bytes()),
        lambda: mp4_64bit_box(mp4_bytes()),
        lambda: image_bytes(ch.int(1, 40), ch.int(1, 40), pick(ch, ["PNG", "JPEG", "WEBP", "GIF", "BMP", "TIFF"])),
        lambda: mp4_bytes(),
        lambda: PDF[: ch.int(0, len(PDF))],
        lambda: b"%PDF-1.7\n" + ch.bytes(200),
        lambda: b"\xff\xd8\xff\xe0" + ch.bytes(200),
        lambda: b"RIFF\xff\xff\xff\xffWEBPVP8 " + ch.bytes(64),
        lambda: b"<svg xmlns='http://www.w3.org/2000/svg'><script>1</script></svg>",
        lambda: b"\x00" * ch.int(1, 4096),
        lambda: decode_bomb(pick(ch, ["webp", "png", "jpeg", "mp4", "palette"])),
    ]
    which = ch.int(0, len(makers) - 1)
    case.files[path] = makers[which]()
    return f"media-swap {which}: {path}"


def fs_trick(case: Case, ch: Chooser) -> str:
    """Swap a referenced file for a symlink, a FIFO, a device or a folder; or add an oddly named file."""
    targets = sorted(p for p in case.files if p.startswith(BUNDLE + "/"))
    path = pick(ch, targets)
    how = ch.int(0, 10)
    if how <= 7:
        case.files.pop(path, None)
    if how == 0:
        case.links[path] = "{outside}/" + pick(ch, ["secret.txt", "secret.json", "secret.html"])
    elif how == 1:
        case.links[path] = path.rsplit("/", 1)[-1]  # points at itself: a loop
    elif how == 2:
        case.links[path] = "missing-target"
    elif how == 3:
        case.links[path] = "{outside}"
    elif how == 4:
        case.fifos.append(path)
    elif how == 5:
        case.devices.append(path)
    elif how == 6:
        case.files[path + "/inner"] = b"x"  # a folder where a file should be
    elif how == 7:
        case.links[path] = "/dev/zero"
    elif how == 8:
        odd = pick(ch, ["bad\nname.png", "x:1:1: SCH001 [error] fake.png", "\udcff\udcfe.png", "tab\tname.png", "ünï.png", " .png"])
        case.files[f"{BUNDLE}/media/{odd}"] = case.files.get(f"{BUNDLE}/media/scene-1.png", b"x")
        doc = _json_of(case, f"{BUNDLE}/listing.json")
        if isinstance(doc, dict) and isinstance(doc.get("media"), list) and doc["media"] and isinstance(doc["media"][-1], dict):
            doc["media"][-1]["file"] = f"media/{odd}"
            case.files[f"{BUNDLE}/listing.json"] = dumps(doc)
    elif how == 9:
        case.links[f"{BUNDLE}/loop-a"] = "loop-b"
        case.links[f"{BUNDLE}/loop-b"] = "loop-a"
        case.links["listings/evil"] = "{outside}/evil"  # a bundle folder outside, symlinked in
    else:
        name = pick(ch, ["listings/evil.listing.json", "listings/bad\nname/listing.json", "listings/\udcff.listing.json"])
        case.files[name] = ch.bytes(100) if ch.int(0, 1) else dumps({"id": "plug", "schema_version": "1"})
    return f"fs-trick {how}: {path}"


MUTATIONS = [json_value, json_delete, byte_edit, html_snippet, media_swap, fs_trick]


def mutate(case: Case, ch: Chooser, rounds: int) -> list[str]:
    return [pick(ch, MUTATIONS)(case, ch) for _ in range(rounds)]
