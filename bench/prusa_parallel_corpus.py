"""Build a parallel corpus of a product's technical copy with numbers and units
(tests/data/parallel_prusa.jsonl.xz): the SAME strings of PrusaSlicer (Prusa Research's slicer for
its 3D printers) in en, es, fr and ru, aligned by msgid, for the rules that read numbers, units and
typography (bench/realcopy_rules.py; docs/decisions.md, "Session 18: the non-language LOC rules on
real third-party copy").

Source, used by no earlier corpus: the gettext catalogues
``resources/localization/{es,fr,ru}/PrusaSlicer_<lang>.po`` (English = msgid) of prusa3d/PrusaSlicer
at a pinned commit: printer and filament settings explained with their values and units (``mm``,
``mm/s``, ``°C``, ``%``), ranges, sizes, wizard and hint texts, translated by Prusa's translators.
AGPL-3.0 (the repository's licence), redistributed under it, each record naming it.

Only strings whose English holds a digit are kept (the numbers and units are what is measured),
non-fuzzy and translated; cleaning, placeholder marks (``%1%``, ``%s``, ``{0}``) and selection as
bench/parallel_corpus.py (``add_aligned``). Records: ``{"repo", "path", "commit", "license",
"key", "lang", "text"[, "placeholder"]}``, deterministic.

    python bench/prusa_parallel_corpus.py --mirrors FOLDER   # FOLDER/prusa3d+PrusaSlicer[/repo]
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench")]

import parallel_corpus as pc  # noqa: E402

OUT = ROOT / "tests" / "data" / "parallel_prusa.jsonl.xz"
REPO, COMMIT, LICENSE = "prusa3d/PrusaSlicer", "69c8e569410efe82259e706cd09a05ea82da9359", "AGPL-3.0"
META = {"repo": REPO, "commit": COMMIT, "license": LICENSE}
_DIGIT = re.compile(r"\d")


def keyed(mirrors: Path):
    """(key, {lang: (msgid or msgstr, path)}) of each English string with a digit, in msgid order."""
    repo = pc._mirror(mirrors, REPO)
    by_id: dict[str, dict[str, tuple[str, str]]] = {}
    for lang in ("es", "fr", "ru"):
        path = f"resources/localization/{lang}/PrusaSlicer_{lang}.po"
        for entry in pc._read_po(pc._git(repo, "show", f"{COMMIT}:{path}")):
            if not entry.id or not entry.string or entry.fuzzy or not _DIGIT.search(entry.id):
                continue
            texts = by_id.setdefault(entry.id, {"en": (entry.id, path)})
            texts[lang] = (entry.string, path)
    for msgid in sorted(by_id):
        yield f"prusa:{hashlib.sha1(msgid.encode()).hexdigest()[:12]}", by_id[msgid]


if __name__ == "__main__":
    raise SystemExit(pc.one_source_main(__doc__, META, keyed, OUT, "folder of git mirrors (prusa3d+PrusaSlicer)"))
