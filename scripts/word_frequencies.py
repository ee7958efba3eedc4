"""Build listing-lint's word-frequency lists (listing_lint/data/wordfreq/<lang>.txt.gz) from
hermitdave/FrequencyWords, the 2018 OpenSubtitles counts (``content/2018/<lang>/<lang>_50k.txt``:
the 50,000 most frequent words of each language's subtitles, with their counts; content
CC-BY-SA-4.0).

    python scripts/word_frequencies.py --repo /path/to/FrequencyWords.git [--commit 525f9b5...]

Reads the files from the git object store at ``--commit`` (no work tree needed), keeps the lines
that are one word of letters, lower-cased (the first of a word's spellings that fold together),
sorted by word after a first line with the counts' total and least, and writes them
gzip-compressed with a fixed timestamp, so the same commit gives the same bytes. Only the
page languages and the neighbours the language judge names have a list (``LANGUAGES``).
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
from pathlib import Path

COMMIT = "525f9b560de45753a5ea01069454e72e9aa541c6"
LANGUAGES = ("en", "es", "fr", "ru", "pt", "it", "ca", "uk", "bg", "de", "nl")
OUT = Path(__file__).resolve().parent.parent / "listing_lint" / "data" / "wordfreq"


def lines(repo: Path, commit: str, lang: str) -> list[str]:
    text = subprocess.run(["git", "--git-dir", str(repo), "show", f"{commit}:content/2018/{lang}/{lang}_50k.txt"],
                          check=True, capture_output=True).stdout.decode("utf-8")
    out, seen = [], set()
    for line in text.splitlines():
        word, _, count = line.strip().rpartition(" ")
        word = word.lower()
        if not count.isdigit() or not word.isalpha() or word in seen:
            continue
        seen.add(word)
        out.append(f"{word} {count}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, required=True, help="FrequencyWords' git directory")
    parser.add_argument("--commit", default=COMMIT)
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        kept = lines(args.repo, args.commit, lang)
        counts = [int(line.rpartition(" ")[2]) for line in kept]
        # the first line: the total and the least count, so a reader need not add 50,000 numbers
        # sorted by word (Python's order of str), so a reader finds a word by bisection
        kept.sort(key=lambda line: line.rpartition(" ")[0])
        data = ("\n".join([f"# {sum(counts)} {min(counts)}", *kept]) + "\n").encode("utf-8")
        (OUT / f"{lang}.txt.gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        print(lang, len(kept), "words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
