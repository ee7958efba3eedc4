"""Build the FOURTH real-text corpus (tests/data/langid_shops_fourth.jsonl.xz), from sources none
of the judge's rounds used (the tuning corpus, bench/shop_corpus.py, is Saleor's dashboard, Sylius
and spree_i18n; the held-out one, bench/heldout_corpus.py, Bagisto and Shopware's language pack;
the third, bench/third_corpus.py, Filament, Laravel Lang and PrestaShop Checkout):

* Vendure (``vendure-ecommerce/vendure`` at tag v2.3.3, the last MIT-licensed line; Vendure 3 is
  GPL-3.0): the admin UI's catalogues ``packages/admin-ui/src/lib/static/i18n-messages/<lang>.json``
  (catalogue, orders, customers, promotions, settings) and the server's error and notification
  messages ``packages/core/src/i18n/messages/<lang>.json``; en, es, fr, ru, it, pt_BR, pt_PT, uk,
  de (no Catalan, Bulgarian, Belarusian or Dutch at that tag).
* The Odoo Community Association's shop modules (``OCA/e-commerce`` at its default branch,
  ``OCA/sale-workflow`` at its default branch and at 12.0, ``<module>/i18n/<lang>.po``, AGPL-3.0): website shop and sale-order workflow copy (field labels,
  help texts, exception rules, order and quotation messages), translated on OCA's Weblate; each
  entry's msgid is its English source. en (the msgids), es, fr, ru, ca, pt, pt_BR, pt_PT, it, uk,
  bg, de, nl (regional variants such as es_AR or fr_CA are not read).

Only the extracted strings are committed (each record names its repository, commit, path and
licence). Build it from local git mirrors::

    python bench/fourth_corpus.py --vendure DIR --oca-ecommerce DIR --oca-sale-workflow DIR

Cleaning as in bench/heldout_corpus.py (every string has its English source under the same key or
in the same PO entry): ICU plurals dropped, placeholders (``{ count }``, ``%s``, ``%(name)s``),
markup and URLs removed; a translation equal to, or keeping half its words from, its English
source is dropped, and so is one holding four words in a row of any English string; mojibake and
Cyrillic text with another orthography's letters are dropped; fuzzy PO entries are not read;
consecutive sentences of one file are also joined into 80-600-character paragraphs. Sampled per
language and band with a fixed seed (250 / 250 / 150, as the third corpus).
"""

from __future__ import annotations

import argparse
import io
import json
import re
from functools import partial
from pathlib import Path

import heldout_corpus
import shop_corpus
from shop_corpus import _git

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "langid_shops_fourth.jsonl.xz"
SEED = 20261209
#: Vendure's last MIT-licensed release (its 3.x line is GPL-3.0)
VENDURE_REV = "v2.3.3"
LANGS = {
    "en": "en", "es": "es", "es_ES": "es", "fr": "fr", "fr_FR": "fr", "ru": "ru", "ca": "ca", "ca_ES": "ca",
    "pt": "pt", "pt_BR": "pt", "pt_PT": "pt", "it": "it", "uk": "uk", "bg": "bg", "de": "de", "nl": "nl",
    "nl_NL": "nl",
}
CAPS = {"10-29": 250, "30-79": 250, "80+": 150}
LICENSES = {"vendure": "MIT", "oca_ecommerce": "AGPL-3.0", "oca_sale_workflow": "AGPL-3.0",
            "oca_sale_workflow_12": "AGPL-3.0"}
REPOS = {"vendure": "vendure-ecommerce/vendure", "oca_ecommerce": "OCA/e-commerce",
         "oca_sale_workflow": "OCA/sale-workflow", "oca_sale_workflow_12": "OCA/sale-workflow"}
#: what each source reads (a mirror's HEAD otherwise): Vendure's last MIT tag; sale-workflow's
#: 12.0 branch too, whose modules hold more Catalan and Dutch than the default branch (the same
#: text in both is kept once, from the default branch)
REVS = {"vendure": VENDURE_REV, "oca_sale_workflow_12": "12.0"}


def vendure(repo: Path, rev: str = VENDURE_REV):
    """(lang, key, text, path, english source) from the admin UI's and the server's JSON catalogues."""
    folders = ("packages/admin-ui/src/lib/static/i18n-messages", "packages/core/src/i18n/messages")
    for folder in folders:
        files = [p for p in _git(repo, "ls-tree", "--name-only", rev, f"{folder}/").split() if p.endswith(".json")]
        english = dict(shop_corpus._flat(json.loads(_git(repo, "show", f"{rev}:{folder}/en.json"))))
        for key, text in english.items():
            yield "en", key, text, f"{folder}/en.json", None
        for path in sorted(files):
            tag = Path(path).stem
            if tag not in LANGS or LANGS[tag] == "en":
                continue
            for key, text in shop_corpus._flat(json.loads(_git(repo, "show", f"{rev}:{path}"))):
                source = english.get(key)
                if source is not None and text and text != source:
                    yield LANGS[tag], key, text, path, source


def oca(repo: Path, rev: str = "HEAD"):
    """(lang, key, text, path, english source) from every module's PO catalogues at ``rev`` (the
    msgid is the English source; fuzzy entries are not read)."""
    from contextlib import redirect_stdout

    from babel.messages.pofile import read_po

    files = [p for p in _git(repo, "ls-tree", "-r", "--name-only", rev).split()
             if re.fullmatch(r"[^/]+/i18n/[^/]+\.pot?", p)]
    english_seen = set()
    for path in sorted(files):
        tag = Path(path).stem
        if path.endswith(".po") and (tag not in LANGS or LANGS[tag] == "en"):
            continue
        with redirect_stdout(io.StringIO()):  # babel prints a warning for each stray "| msgid" line (skipped)
            catalogue = read_po(io.BytesIO(_git(repo, "show", f"{rev}:{path}").encode("utf-8")))
        for message in catalogue:
            if not message.id or not isinstance(message.id, str) or message.fuzzy:
                continue
            if message.id not in english_seen:
                english_seen.add(message.id)
                yield "en", message.id, message.id, path, None
            if path.endswith(".po") and isinstance(message.string, str) and message.string \
                    and message.string != message.id:
                yield LANGS[tag], message.id, message.string, path, message.id


def build(mirrors: dict[str, Path]) -> list[dict]:
    readers = (("vendure", vendure), ("oca_ecommerce", oca), ("oca_sale_workflow", oca),
               ("oca_sale_workflow_12", partial(oca, rev=REVS["oca_sale_workflow_12"])))
    return heldout_corpus.build_from(readers, mirrors, heldout_corpus._clean, heldout_corpus.mislabelled,
                                     REPOS, LICENSES, SEED, CAPS, revs=REVS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vendure", type=Path, required=True, help=f"git mirror of {REPOS['vendure']} (read at {VENDURE_REV})")
    parser.add_argument("--oca-ecommerce", type=Path, required=True, help=f"git mirror of {REPOS['oca_ecommerce']}")
    parser.add_argument("--oca-sale-workflow", type=Path, required=True, help=f"git mirror of {REPOS['oca_sale_workflow']}")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    records = build({"vendure": args.vendure, "oca_ecommerce": args.oca_ecommerce,
                     "oca_sale_workflow": args.oca_sale_workflow, "oca_sale_workflow_12": args.oca_sale_workflow})
    return shop_corpus.write_and_report(records, args.out)


if __name__ == "__main__":
    raise SystemExit(main())
