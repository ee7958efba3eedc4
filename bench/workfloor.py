"""The work floor: the least work a correct linter must do on a listing repo, and nothing else.

    python bench/workfloor.py REPO [--jobs 2]

Per bundle, in ``--jobs`` forked worker processes (the linter's own process count):

* read every file and hash it with SHA-256 (a cache must know what changed);
* parse listing.json (``json``) and every detail page (lxml's HTML parser);
* extract the text blocks a buyer reads (block elements' text, whitespace collapsed, and ``alt``
  / ``title`` attributes), plus the titles and alt text of listing.json;
* identify the language of every block with the fastest restricted detector measured here
  (py3langid with ``set_languages`` to the ten candidate languages the LOC rules consider:
  0.04 ms per text against lingua's low-accuracy mode at 0.08 ms; its 0.5 s model load happens
  once before the fork, as the linter's ``prepare`` hooks do);
* decode every picture in draft mode to at most 64×64 (JPEG's DCT scaling: every byte of the
  compressed data is still decoded) — the least that tells a broken picture from a good one and
  gives a perceptual hash its thumbnail;
* the text of the first page of every PDF (pypdf, the library listing-lint uses);
* videos are read and hashed (the first step), their few header boxes cost nothing beside that.

No rule logic, no findings, no cache writes. Prints bundles, files, blocks and seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import sys
import time

CANDIDATES = ["en", "es", "fr", "ru", "pt", "it", "uk", "bg", "de", "zh"]
BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "caption", "figcaption", "dt", "dd",
              "blockquote", "summary", "label", "legend", "button", "option", "title")
IMAGES = (".jpg", ".jpeg", ".png", ".webp", ".gif")

_identifier = None
_parser = None


def _prepare() -> None:
    global _identifier, _parser
    from lxml import html
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    import PIL.JpegImagePlugin  # noqa: F401 - imported before the fork, as the linter's prepare hooks do
    import pypdf  # noqa: F401

    _identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    _identifier.set_languages(CANDIDATES)
    _parser = html.HTMLParser(recover=True, no_network=True)


def _texts_of_manifest(data) -> list[str]:
    out = []
    if isinstance(data, dict):
        for value in (data.get("title") or {}).values():
            out.append(str(value))
        for item in data.get("media") or []:
            for value in (item.get("alt") or {}).values() if isinstance(item, dict) else ():
                out.append(str(value))
    return out


def bundle(folder: str) -> tuple[int, int]:
    """(files, text blocks) of one bundle, after doing the floor's work on it."""
    from lxml import html
    from PIL import Image
    import pypdf

    files = blocks = 0
    texts: list[str] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            with open(path, "rb") as fh:
                data = fh.read()
            hashlib.sha256(data).digest()
            files += 1
            lower = name.lower()
            if lower.endswith(".json"):
                texts += _texts_of_manifest(json.loads(data))
            elif lower.endswith((".html", ".htm")):
                root = html.document_fromstring(data, parser=_parser)
                for el in root.iter(*BLOCK_TAGS):
                    text = " ".join(el.text_content().split())
                    if text:
                        texts.append(text)
                for el in root.iter("img"):
                    alt = el.get("alt")
                    if alt and alt.strip():
                        texts.append(" ".join(alt.split()))
            elif lower.endswith(IMAGES):
                with Image.open(io.BytesIO(data)) as im:
                    im.draft("L", (64, 64))
                    im.load()
            elif lower.endswith(".pdf"):
                reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
                if reader.pages:
                    reader.pages[0].extract_text()
    for text in texts:
        _identifier.classify(text)
        blocks += 1
    return files, blocks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    _prepare()
    listings = os.path.join(args.repo, "listings")
    folders = sorted(os.path.join(listings, d) for d in os.listdir(listings))
    with open(os.path.join(args.repo, "store.json"), "rb") as fh:
        json.loads(fh.read())
    if args.jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            counts = pool.map(bundle, folders, chunksize=max(1, len(folders) // (args.jobs * 8)))
    else:
        counts = [bundle(f) for f in folders]
    files, blocks = sum(c[0] for c in counts), sum(c[1] for c in counts)
    print(f"{len(folders)} bundles, {files} files, {blocks} text blocks in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
