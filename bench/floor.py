"""The parse floor: read every file of a listing repo and parse it with the libraries listing-lint uses.

    python bench/floor.py REPO

listing.json and store.json with ``json``, detail pages with lxml's HTML parser, images with a
Pillow header read (format and size, no decode); videos and PDFs are read whole. One process:
the least any Python tool that looks at every file can do. Prints files and seconds.
"""

from __future__ import annotations

import json
import os
import sys
import time


def main(root: str) -> int:
    started = time.perf_counter()
    from lxml import html
    from PIL import Image

    parser = html.HTMLParser(recover=True, no_network=True)
    count = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            with open(path, "rb") as fh:
                data = fh.read()
            if name.endswith(".json"):
                json.loads(data)
            elif name.endswith((".html", ".htm")):
                html.document_fromstring(data, parser=parser)
            elif name.endswith((".jpg", ".jpeg", ".png", ".webp")):
                with Image.open(path) as img:
                    img.size  # noqa: B018 - the header read is the point
            count += 1
    print(f"{count} files in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
