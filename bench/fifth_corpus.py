"""Build the FIFTH real-text corpus (tests/data/langid_shops_fifth.jsonl.xz), from sources none of
the judge's rounds used (the tuning corpus, bench/shop_corpus.py, is Saleor's dashboard, Sylius and
spree_i18n; the held-out one, bench/heldout_corpus.py, Bagisto and Shopware's language pack; the
third, bench/third_corpus.py, Filament, Laravel Lang and PrestaShop Checkout; the fourth,
bench/fourth_corpus.py, Vendure and OCA's shop modules):

* Aimeos, the Laravel/TYPO3 e-commerce framework (LGPL-3.0), its gettext catalogues translated on
  Transifex, ``i18n/<lang>.po`` in each of ``aimeos/ai-client-html`` (the storefront: basket,
  checkout, account, catalogue and e-mail copy), ``aimeos/ai-admin-jqadm`` (the shop back office),
  ``aimeos/ai-controller-jobs`` (order e-mails and job names), ``aimeos/ai-controller-frontend``
  and ``aimeos/aimeos-core`` (``i18n/mshop/<lang>.po``: basket, order and coupon messages); each
  entry's msgid is its English source. en (the msgids), es, fr, ru, ca, pt, pt_BR, it, uk, bg, de,
  nl. The ``code/`` catalogues (keys, not English) and the country, currency and language name
  lists are not read.
* Shopify's Polaris (``Shopify/polaris``, ``polaris-react/locales/<lang>.json``, MIT): the admin
  component kit of Shopify's back office and apps (filters, resource lists, pagination, date
  pickers); en, es, fr, ru, pt-BR, pt-PT, it, bg, de, nl (no Catalan, Ukrainian or Belarusian).

No source here has Belarusian. Only the extracted strings are committed (each record names its
repository, commit, path and licence). Build it from local git mirrors::

    python bench/fifth_corpus.py --aimeos-client-html DIR --aimeos-admin-jqadm DIR \\
        --aimeos-controller-jobs DIR --aimeos-controller-frontend DIR --aimeos-core DIR --polaris DIR

Cleaning as in bench/fourth_corpus.py (every string has its English source under the same key or
in the same PO entry), plus gettext's positional placeholders (``%1$s``, ``%2$d``): ICU and gettext
plurals dropped, placeholders (and the quotes they leave empty), markup and URLs removed; a translation equal to, or keeping half
its words from, its English source is dropped, and so is one holding four words in a row of any
English string; mojibake and Cyrillic text with another orthography's letters are dropped; fuzzy
PO entries are not read; consecutive sentences of one file are also joined into
80-600-character paragraphs. Sampled per language and band with a fixed seed (250 / 250 / 150,
as the third and fourth corpora).
"""

from __future__ import annotations

import argparse
import io
import json
import re
from pathlib import Path

import heldout_corpus
import shop_corpus
from shop_corpus import _git

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "langid_shops_fifth.jsonl.xz"
SEED = 20261210
LANGS = {
    "en": "en", "es": "es", "fr": "fr", "ru": "ru", "ca": "ca", "pt": "pt", "pt_BR": "pt", "pt-BR": "pt",
    "pt-PT": "pt", "it": "it", "uk": "uk", "bg": "bg", "de": "de", "nl": "nl",
}
CAPS = {"10-29": 250, "30-79": 250, "80+": 150}
#: the Aimeos repositories and the folder of each one's catalogues
AIMEOS = {"aimeos_client_html": ("aimeos/ai-client-html", "i18n"),
          "aimeos_admin_jqadm": ("aimeos/ai-admin-jqadm", "i18n"),
          "aimeos_controller_jobs": ("aimeos/ai-controller-jobs", "i18n"),
          "aimeos_controller_frontend": ("aimeos/ai-controller-frontend", "i18n"),
          "aimeos_core": ("aimeos/aimeos-core", "i18n/mshop")}
REPOS = {**{source: repo for source, (repo, _folder) in AIMEOS.items()}, "polaris": "Shopify/polaris"}
LICENSES = {**{source: "LGPL-3.0" for source in AIMEOS}, "polaris": "MIT"}
#: gettext's positional and printf placeholders ("%1$s", "%2$d", "%.2f")
_PRINTF = re.compile(r"%\d+\$[sdfu]|%[-+0 #]*\d*(?:\.\d+)?[sdfu]")
#: the quotes a placeholder leaves empty ("Product with ID \"%1$s\" not found")
_EMPTY_QUOTES = re.compile(r"[\"'«“„‘‚]\s*[\"'»”“‘’]")


def _clean(text: str) -> str | None:
    if not isinstance(text, str):
        return None
    text = heldout_corpus._clean(_PRINTF.sub(" ", text))
    return shop_corpus.clean(_EMPTY_QUOTES.sub(" ", text)) if text else None


def aimeos(repo: Path, folder: str):
    """(lang, key, text, path, english source) from ``folder/<lang>.po`` (the msgid is the English
    source; plural and fuzzy entries are not read)."""
    from babel.messages.pofile import read_po

    files = [p for p in _git(repo, "ls-tree", "--name-only", "HEAD", f"{folder}/").split() if p.endswith(".po")]
    english_seen = set()
    for path in sorted(files):
        tag = Path(path).stem
        if tag not in LANGS or LANGS[tag] == "en":
            continue
        catalogue = read_po(io.BytesIO(_git(repo, "show", f"HEAD:{path}").encode("utf-8")))
        for message in catalogue:
            if not message.id or not isinstance(message.id, str) or message.fuzzy:
                continue
            if message.id not in english_seen:
                english_seen.add(message.id)
                yield "en", message.id, message.id, path, None
            if isinstance(message.string, str) and message.string and message.string != message.id:
                yield LANGS[tag], message.id, message.string, path, message.id


def polaris(repo: Path):
    """(lang, key, text, path, english source) from polaris-react's JSON catalogues."""
    folder = "polaris-react/locales"
    files = [p for p in _git(repo, "ls-tree", "--name-only", "HEAD", f"{folder}/").split() if p.endswith(".json")]
    english = dict(shop_corpus._flat(json.loads(_git(repo, "show", f"HEAD:{folder}/en.json"))))
    for key, text in english.items():
        yield "en", key, text, f"{folder}/en.json", None
    for path in sorted(files):
        tag = Path(path).stem
        if tag not in LANGS or LANGS[tag] == "en":
            continue
        for key, text in shop_corpus._flat(json.loads(_git(repo, "show", f"HEAD:{path}"))):
            source = english.get(key)
            if source is not None and text and text != source:
                yield LANGS[tag], key, text, path, source


def _aimeos_reader(folder: str):
    return lambda repo: aimeos(repo, folder)


def build(mirrors: dict[str, Path]) -> list[dict]:
    readers = tuple((source, _aimeos_reader(folder)) for source, (_repo, folder) in AIMEOS.items())
    readers += (("polaris", polaris),)
    return heldout_corpus.build_from(readers, mirrors, _clean, heldout_corpus.mislabelled,
                                     REPOS, LICENSES, SEED, CAPS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for source in REPOS:
        parser.add_argument(f"--{source.replace('_', '-')}", dest=source, type=Path, required=True,
                            help=f"git mirror of {REPOS[source]}")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    records = build({source: getattr(args, source) for source in REPOS})
    return shop_corpus.write_and_report(records, args.out)


if __name__ == "__main__":
    raise SystemExit(main())
