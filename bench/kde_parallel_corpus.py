"""Build a parallel corpus of long-form product copy (tests/data/parallel_kde.jsonl.xz): the SAME
paragraphs and feature-list items of KDE applications' store descriptions in en, es, fr and ru,
aligned by element, for the language rules on long copy (bench/seeded_realtext.py --corpus ...;
docs/decisions.md, "Session 17: the language rules on long-form product copy").

Source, used by no earlier corpus: the AppStream metadata KDE ships with each application
(``*.appdata.xml`` / ``*.metainfo.xml``), the text software centres (Discover, GNOME Software,
Flathub) show as the product's page: a ``<description>`` of paragraphs and ``<li>`` feature lists,
brand and format names in Latin script inside the Russian text ("BitTorrent", "Plasma", "LaTeX").
KDE's translation teams write the translations back into the file inline, each element followed by
its translations (``<p xml:lang="ru">``). The metadata is CC0-1.0 (every file's
``<metadata_license>``); each repository is read at a pinned commit (``SOURCES``).

A key is one English ``<p>``/``<li>`` of a description (``repo:path:n``); its es/fr/ru texts are the
``xml:lang`` siblings that follow it. Cleaning and selection as bench/parallel_corpus.py
(``add_aligned``: English and two of es/fr/ru, an English text seen twice keeps its first key).
Records: ``{"repo", "path", "commit", "license", "key", "lang", "text"}``, deterministic.

    python bench/kde_parallel_corpus.py --mirrors FOLDER   # FOLDER/KDE+<name>[/repo]: git mirrors
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench")]

import parallel_corpus as pc  # noqa: E402
import shop_corpus  # noqa: E402

OUT = ROOT / "tests" / "data" / "parallel_kde.jsonl.xz"
LICENSE = "CC0-1.0"
_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SOURCES = (
    ("KDE/akregator", "ad1a2f2f616532e6a0301edb4eb6d4eb1eb84912"),
    ("KDE/ark", "a3a3975f281be362f4707bff060f0a9dff149261"),
    ("KDE/dolphin", "a770a0874644aff00c79f577f3ecc43a9a99d57b"),
    ("KDE/elisa", "95fb4c5f05ab0dd39f86cfedbb13810db8e8cfd5"),
    ("KDE/filelight", "8c3a39533ea87689fac72a22e661acc724f24cef"),
    ("KDE/gwenview", "25e83d2695a812123dc420e516218ad888fcd352"),
    ("KDE/itinerary", "f0e3a2e764cd7854aa5a5bf315d96f3df2e3d23d"),
    ("KDE/k3b", "916fbb37f46595067403b1af6119f20f65fcd7c0"),
    ("KDE/kalzium", "7d7bd9a2cfe0d14a237c56331c79a9b06f74090d"),
    ("KDE/kate", "8bb02e9c7aeb05380caf29b20577b5091f515b94"),
    ("KDE/kdeconnect-kde", "07b669151278c00d226ad9641e096bbfdfd1b9db"),
    ("KDE/kget", "e7cfbc23303dcf70007181c1e539f8fcbb9e004c"),
    ("KDE/kile", "eeeb6da4390409920c4282560755b22f04b44afa"),
    ("KDE/kmail", "485bb3b6d99fb3ac862e7f4b5889c13525a7cb92"),
    ("KDE/konsole", "a626e1b9cbe70eba2329435338ded3db2e028ea0"),
    ("KDE/ktorrent", "90816d94dc4ac23226200ab66911f208862898f0"),
    ("KDE/kwave", "759e3f4b956c5ec1336862c1c4fc1e1116b98bf7"),
    ("KDE/okular", "67fc3e9df1277ff40823298e7dcfdf78e79616da"),
    ("KDE/spectacle", "aba1e1a93ee52955605d71d49102bc174a4457fc"),
)


def _elements(raw: bytes):
    """(xml:lang or None, text) of every <p> and <li> of the file's <description>, in order."""
    description = ET.fromstring(raw).find("description")
    for element in description.iter() if description is not None else ():
        if element.tag in ("p", "li"):
            yield element.get(_LANG), "".join(element.itertext())


def _keyed(repo: Path, name: str, commit: str, path: str):
    """(key, {lang: (text, path)}) of one metadata file: each English element and its translations."""
    texts: dict[str, tuple[str, str]] = {}
    key = None
    for n, (lang, text) in enumerate(_elements(pc._git(repo, "show", f"{commit}:{path}"))):
        if lang is None:
            if key:
                yield key, texts
            key, texts = f"{name}:{path}:{n}", {"en": (text, path)}
        elif key and lang in pc.LANGS[1:]:
            texts[lang] = (text, path)
    if key:
        yield key, texts


def build(folder: Path) -> list[dict]:
    records: list[dict] = []
    seen_en: set[str] = set()
    for name, commit in SOURCES:
        repo = pc._mirror(folder, name)
        files = pc._git(repo, "ls-tree", "-r", "--name-only", commit).decode().split("\n")
        meta = {"repo": name, "commit": commit, "license": LICENSE}
        for path in sorted(f for f in files if f.endswith(("appdata.xml", "metainfo.xml"))):
            pc.add_aligned(records, seen_en, meta, _keyed(repo, name, commit, path))
    return records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirrors", type=Path, required=True, help="folder holding KDE+<name>[/repo]")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    records = build(args.mirrors)
    shop_corpus.write(records, args.out)
    keys = {r["key"] for r in records}
    counts = {lang: sum(r["lang"] == lang for r in records) for lang in pc.LANGS}
    print(f"wrote {len(records)} texts, {len(keys)} keys to {args.out}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
