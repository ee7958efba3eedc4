"""LOC007's short band on real translation catalogues: identical short copies, and untranslated ones.

    pip download --no-deps django==5.2.19 wagtail==8.0.1 -d WHEELS   # network, once
    python bench/short_copies.py WHEELS

For every es/fr/ru entry of the gettext catalogues inside the wheels whose English ``msgid`` is in
LOC007's own band (under ``langid-min-chars`` = 10 characters once names, codes and units are
removed; two words and 6 characters at least): where the translator kept the English unchanged
(``msgstr == msgid``, any length from 6 characters and two words: from 10, LOC003 judges it the
same way), reporting it would be a false alarm; where they translated a string of LOC007's band,
the English left in its place is the leftover LOC007 is for. Prints both counts per language.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from listing_lint.l10n.neutral import strip_neutral  # noqa: E402
from listing_lint.langid.judge import get_judge  # noqa: E402
from listing_lint.rules.localization.LOC007_untranslated_copy import MIN_CHARS  # noqa: E402

MARKUP = re.compile(r"<[^>]+>|%\(\w+\)[sd]|%[sd]|\{[^}]*\}|&\w+;")
CATALOGUE = re.compile(r"/locale/(es|fr|ru)/LC_MESSAGES/\w+\.po$")
LANGID_MIN_CHARS = 10


def entries(wheels: Path):
    from babel.messages.pofile import read_po

    for whl in sorted(wheels.glob("*.whl")):
        with zipfile.ZipFile(whl) as z:
            for name in z.namelist():
                m = CATALOGUE.search(name)
                if not m:
                    continue
                with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                    catalogue = read_po(io.BytesIO(z.read(name)))  # quiet: plural-form warnings
                for msg in catalogue:
                    if msg.id and msg.string and isinstance(msg.id, str) and isinstance(msg.string, str):
                        yield m.group(1), MARKUP.sub(" ", msg.id).strip(), MARKUP.sub(" ", msg.string).strip()


def main(argv: list[str]) -> int:
    judge = get_judge("lingua")
    kept: dict[str, set[str]] = {}
    translated: dict[str, set[str]] = {}
    for lang, english, text in entries(Path(argv[0])):
        rest = strip_neutral(english)
        if len(rest) < MIN_CHARS or len(rest.split()) < 2:
            continue
        if text == english:  # any length: LOC003 judges the longer ones the same way
            kept.setdefault(lang, set()).add(english)
        elif len(rest) < LANGID_MIN_CHARS:
            translated.setdefault(lang, set()).add(english)
    print("| locale | kept unchanged by the translator: rejected (false alarms) | translated, 6-9 characters: the English copy reported |")
    print("|---|---|---|")
    for lang in ("es", "fr", "ru"):
        same, other = sorted(kept.get(lang, ())), sorted(translated.get(lang, ()))
        wrong = [t for t in same if not judge.judge(strip_neutral(t), lang).accepted]
        caught = [t for t in other if not judge.judge(strip_neutral(t), lang).accepted]
        print(f"| {lang} | {len(wrong)} of {len(same)} | {len(caught)} of {len(other)} |")
        for t in wrong:
            print(f"|   | {t!r} | |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
