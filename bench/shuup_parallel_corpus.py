"""Build a second parallel storefront corpus (tests/data/parallel_shuup.jsonl.xz): the SAME messages
of the Shuup e-commerce platform in en, es, fr and ru, aligned by msgid, for the text rules' false
alarms on correct translations (bench/text_rules_realtext.py --corpus ...; docs/parallel-realtext.md,
"Shuup").

Source, used by no earlier corpus: Shuup (``shuup/shuup`` at ``25f78cf``, OSL-3.0), a Django
e-commerce platform translated on Transifex. Its gettext catalogues
``<module>/locale/<lang>/LC_MESSAGES/django.po`` (and ``djangojs.po``), msgid = English, for the
storefront modules: ``shuup/front`` and its ``apps/*`` (basket, checkout, account, registration,
order history, search, saved carts, carousel), the ``classic_gray`` theme, and ``gdpr`` (the cookie
consent a shopper sees). Admin, reports, importers, notifications and the rest are not read. French
is Shuup's ``fr_CA`` catalogue (Canadian French; there is no ``fr``), Spanish ``es``, Russian ``ru``.

Cleaning as bench/parallel_corpus.py (its ``clean``, placeholder marks and checks): markup out,
entities decoded, ASCII white space collapsed; fuzzy and empty translations skipped; a key needs its
English and at least two of es/fr/ru; an English text seen twice keeps its first key. Records:
``{"repo", "path", "commit", "license", "key", "lang", "text", "placeholder"?}``, deterministic.

    python bench/shuup_parallel_corpus.py --mirrors FOLDER   # FOLDER/shuup+shuup[/repo]: a git mirror
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench")]

import parallel_corpus as pc  # noqa: E402

OUT = ROOT / "tests" / "data" / "parallel_shuup.jsonl.xz"
SHUUP = {
    "repo": "shuup/shuup",
    "commit": "25f78cfe370109b9885b903e503faac295c7b7f2",
    "license": "OSL-3.0",
    "modules": ("shuup/front", "shuup/front/apps/auth", "shuup/front/apps/carousel",
                "shuup/front/apps/customer_information", "shuup/front/apps/personal_order_history",
                "shuup/front/apps/recently_viewed_products", "shuup/front/apps/registration",
                "shuup/front/apps/saved_carts", "shuup/front/apps/simple_order_notification",
                "shuup/front/apps/simple_search", "shuup/themes/classic_gray", "shuup/gdpr"),
    "catalogues": {"es": "es", "fr": "fr_CA", "ru": "ru"},
    "domains": ("django", "djangojs"),
}


def shuup(folder: Path):
    """(key, {lang: (raw text, path)}) for the storefront messages of Shuup."""
    repo = pc._mirror(folder, SHUUP["repo"])
    commit = SHUUP["commit"]
    present = set(pc._git(repo, "ls-tree", "-r", "--name-only", commit).decode("utf-8").split("\n"))
    for module in SHUUP["modules"]:
        for domain in SHUUP["domains"]:
            english = f"{module}/locale/en/LC_MESSAGES/{domain}.po"
            if english not in present:
                continue
            wanted = [m.id for m in pc._read_po(pc._git(repo, "show", f"{commit}:{english}"))
                      if m.id and isinstance(m.id, str)]
            catalogues = {}
            for lang, code in SHUUP["catalogues"].items():
                path = f"{module}/locale/{code}/LC_MESSAGES/{domain}.po"
                if path in present:
                    catalogues[lang] = (path, {m.id: m for m in pc._read_po(pc._git(repo, "show", f"{commit}:{path}"))
                                               if m.id and isinstance(m.id, str)})
            for msgid in wanted:
                texts = {"en": (msgid, english)}
                for lang, (path, catalogue) in catalogues.items():
                    m = catalogue.get(msgid)
                    if m is not None and isinstance(m.string, str) and m.string.strip() and not m.fuzzy:
                        texts[lang] = (m.string, path)
                yield f"shuup:{module}:{domain}:{msgid}", texts


def main() -> int:
    return pc.one_source_main(__doc__, SHUUP, shuup, OUT, "folder holding shuup+shuup[/repo], a git mirror")


if __name__ == "__main__":
    raise SystemExit(main())
