"""Build a parallel device-copy corpus with Russian's neighbours (tests/data/parallel_tasmota.jsonl.xz):
the SAME strings of a smart plug's firmware in en, es, fr and ru, aligned by key, plus the same keys
in Ukrainian, Bulgarian, Catalan and Portuguese, for the language rules' false alarms on correct
pages and their finds on seeded defects (bench/seeded_realtext.py; docs/decisions.md, "Session 18:
the language rules on Russian device copy").

Source, used by no earlier corpus: Tasmota (``arendst/Tasmota``, GPL-3.0), the open firmware of
Sonoff/Tuya smart plugs, switches, bulbs and sensors, whose web interface and sensor names are
translated in ``tasmota/language/<ll_CC>.h`` (one ``#define D_NAME "text"`` a line). What a buyer
of such a device reads: its web pages (Wi-Fi, MQTT, timers, energy, firmware upgrade), its sensor
and unit names. Short, technical, full of Latin-script names (MQTT, Wi-Fi, Zigbee) inside Russian
text: the class the language rules are least measured on.

Read from ``uwe5/Tasmota-ld2450``, a fork holding arendst/Tasmota's full history (arendst/Tasmota
itself, 740 MB, is too big to fetch here), at upstream's own commit ``COMMIT`` ("Prep v13.2.0",
Theo Arends, 2023-10-19): the fork's later commits are not read, and a commit id names the same
tree in every copy.

Only a ``#define`` of one string literal is read (C escapes decoded); the date lists and separators
(``SKIP``) are not text. Tasmota leaves a string it has not translated in English in every
language's file: a non-English text equal to its English is such a fallback, not a translation, and
is left out (a page holding it is not a correct page). Then as bench/parallel_corpus.py
(``add_aligned``: its cleaning, a key needs English and two of es/fr/ru, an English text seen twice
keeps its first key, placeholders ``%s``/``%d`` kept and marked). The neighbour languages
(``NEIGHBOURS``) are written for the keys kept. Records: ``{"repo", "path", "commit", "license",
"key", "lang", "text", "placeholder"?}``, deterministic.

    python bench/tasmota_parallel_corpus.py --mirrors FOLDER   # FOLDER/uwe5+Tasmota-ld2450[/repo]
"""

from __future__ import annotations

import codecs
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench")]

import parallel_corpus as pc  # noqa: E402

OUT = ROOT / "tests" / "data" / "parallel_tasmota.jsonl.xz"
TASMOTA = {
    "repo": "arendst/Tasmota",
    "read_from": "uwe5/Tasmota-ld2450",
    "commit": "ff3e3e9360d9f6702c02e0034110b0910a52ec2d",  # "Prep v13.2.0", 2023-10-19
    "license": "GPL-3.0",
}
FILES = {"en": "en_GB", "es": "es_ES", "fr": "fr_FR", "ru": "ru_RU",
         "uk": "uk_UA", "bg": "bg_BG", "ca": "ca_AD", "pt": "pt_PT"}
PATH = "tasmota/language/{name}.h"
#: languages a seller pastes by mistake onto a page of its neighbour (bench/seeded_realtext.py)
NEIGHBOURS = ("uk", "bg", "ca", "pt")
#: defines that are no text: separators, the three-letter day and month lists, the page language
SKIP = re.compile(r"_SEPARATOR$|3LIST$|^D_HTML_LANGUAGE$|^LANGUAGE_")
_DEFINE = re.compile(r'^#define\s+(\w+)\s+("(?:[^"\\]|\\.)*")\s*(?://.*)?$')


def _literal(token: str) -> str:
    """A C string literal's text (``\\"``, ``\\n``, ``\\xB0`` escapes; the file is UTF-8)."""
    return codecs.escape_decode(token[1:-1].encode("utf-8"))[0].decode("utf-8")


def _catalogue(repo: Path, lang: str) -> dict[str, str]:
    raw = pc._git(repo, "show", f"{TASMOTA['commit']}:{PATH.format(name=FILES[lang])}").decode("utf-8")
    out = {}
    for line in raw.splitlines():
        match = _DEFINE.match(line.strip())
        if match and not SKIP.search(match.group(1)):
            out[match.group(1)] = _literal(match.group(2))
    return out


def tasmota(folder: Path, langs: tuple[str, ...] = pc.LANGS):
    """(key, {lang: (raw text, path)}) of ``langs``, in English order, English fallbacks left out."""
    repo = pc._mirror(folder, TASMOTA["read_from"])
    catalogues = {lang: _catalogue(repo, lang) for lang in ("en",) + tuple(lang for lang in langs if lang != "en")}
    for key, english in catalogues["en"].items():
        texts = {"en": (english, PATH.format(name=FILES["en"]))}
        for lang in langs:
            text = catalogues[lang].get(key, "")
            if lang != "en" and text.strip() and text.strip() != english.strip():
                texts[lang] = (text, PATH.format(name=FILES[lang]))
        yield f"tasmota:{key}", texts


def main() -> int:
    return pc.one_source_main(__doc__, TASMOTA, tasmota, OUT, "folder holding uwe5+Tasmota-ld2450[/repo]", NEIGHBOURS)


if __name__ == "__main__":
    raise SystemExit(main())
