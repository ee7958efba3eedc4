"""Build the SEVENTH real-text corpus (tests/data/langid_shops_seventh.jsonl.xz): a shop's own
storefront and product copy, the demo and install content shop software ships, a genre none of
the six earlier corpora has (five are UI catalogues, the sixth app-store listings).

Sources (``SOURCES``: repository, pinned commit, licence):

* thirty bees (``thirtybees/thirtybees``, OSL-3.0; the PrestaShop 1.6 line): the storefront
  content a new shop is installed with in each language, ``install-dev/langs/<iso>/data/*.xml``
  (``STORE_FILES``: the CMS pages "Delivery", "Legal notice", "About us", "Secure payment" in HTML,
  page titles and meta descriptions, carriers' delivery promises, contact and category
  descriptions), and its demo catalogue ``install-dev/fixtures/thirtybees/langs/<iso>/data/*.xml``
  (``DEMO_FILES``: product names, short and long descriptions, categories, features, attributes,
  manufacturers; translated nowhere, every language's file holds the English copy, so only the
  English is kept: a translation equal to an English text is dropped).
* Thelia (``thelia/thelia``, GPL-3.0-or-later): its demo shop,
  ``core/lib/Thelia/Command/Import/data/*.csv`` (a furniture shop's product titles, summaries
  ("chapo"), descriptions and postscripts, categories, brands, folders and content pages), written
  in English and French.

en, es, fr, ru, and the confusers ca, pt (``br``, ``pt``), it, uk, bg, be, de, nl where a source has
them (thirty bees has no Catalan, Ukrainian or Belarusian storefront; ``qc`` is French). Only the
extracted text is committed, each record naming its repository, commit, path and licence. Build
it from local git mirrors (``ROOT/<owner>+<name>/repo`` or ``ROOT/<owner>+<name>``, as the
``fetch`` tool lays them out; read at the pinned commits, so the output is byte-identical while the
mirrors have them)::

    python bench/seventh_corpus.py --mirrors /work/.mirror

Cleaning as in bench/sixth_corpus.py (HTML to lines, markup, URLs, bullets and emoji removed; a
sentence is a text and so is a line of several sentences; consecutive sentences joined into
80-600-character paragraphs), and a translation is dropped when it is an English text of the same
source, keeps half its words from that source's English, holds four words in a row of it, or
holds English function words (a quarter of its words, two or more). URL slugs and keyword lists
are not read, and neither is placeholder Latin (lorem ipsum). Mojibake, another orthography's
letters and text mostly in another script are dropped (bench/heldout_corpus.py); a text found in
two languages is in neither.
Sampled per language and band with a fixed seed (250 / 250 / 150, as the third to sixth corpora).
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import heldout_corpus
import shop_corpus
import sixth_corpus
from shop_corpus import _git, script_ok

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "langid_shops_seventh.jsonl.xz"
SEED = 20261213
CAPS = {"10-29": 250, "30-79": 250, "80+": 150}
THIRTYBEES = "thirtybees/thirtybees"
THELIA = "thelia/thelia"
#: repository -> (pinned commit, licence)
SOURCES = {
    THIRTYBEES: ("ded9c71814af4d63e325b459f1788c59f56deea1", "OSL-3.0"),
    THELIA: ("87d276393c262b04757189b73d623bf6f3cf7cee", "GPL-3.0-or-later"),
}
#: thirty bees' storefront content (admin tabs, order states, profiles, countries and the
#: search blacklist are not copy a customer reads)
STORE_FILES = ("cms", "cms_category", "meta", "carrier", "contact", "category")
DEMO_FILES = ("product", "category", "feature", "feature_value", "featurevalue", "attribute", "attribute_group",
              "attributegroup", "manufacturer", "supplier", "carrier", "scene", "image", "order_message")
#: fields that are no prose: URL slugs, keyword lists
SKIP_FIELDS = frozenset({"link_rewrite", "url_rewrite", "keywords", "meta_keywords"})
#: a folder's language; English is en alone
LANGS = {"en": "en", "es": "es", "fr": "fr", "qc": "fr", "ru": "ru", "ca": "ca", "pt": "pt", "br": "pt", "it": "it",
         "uk": "uk", "bg": "bg", "be": "be", "de": "de", "nl": "nl"}
THELIA_DATA = "core/lib/Thelia/Command/Import/data"
#: Thelia's demo files: their English and French columns (the suffix says which)
THELIA_FILES = ("products", "categories", "brand", "folders", "contents")
_THELIA_COLUMN = re.compile(r"^(TITRE|TITLE|CHAPO|DESCRIPTIF|POSTSCRIPTUM|CATEGORIES) (UK|FR)$")
#: placeholder Latin (thirty bees' "About us" page and testimonials are lorem ipsum in every
#: language): no language, so a text with one of its words is not read ("dolor", "culpa", "magna"
#: and "tempor" are left out: Spanish, Italian or Portuguese words too)
_LOREM = frozenset("lorem ipsum amet consectetur ctetur adipisicing adipiscing eiusmod incididunt aliqua veniam "
                   "nostrud ullamco laboris aliquip consequat irure reprehenderit voluptate cillum fugiat pariatur "
                   "excepteur occaecat cupidatat proident deserunt mollit laborum enim minim".split())


def lorem(text: str) -> bool:
    """Placeholder Latin ("Lorem ipsum dolor sit amet", "Ut enim ad minim veniam")."""
    return any(word in _LOREM for word in re.findall(r"[^\W\d_]+", text.lower()))


def _fields(raw: str) -> list[str]:
    """The prose fields of a thirty bees data file, in the file's order."""
    out = []
    for entity in ET.fromstring(raw):
        for field in entity:
            if field.tag not in SKIP_FIELDS and field.text and field.text.strip():
                out.append(field.text)
    return out


def _thirtybees(mirror: Path, commit: str):
    """(language, path, raw field) of the storefront and demo files."""
    paths = _git(mirror, "ls-tree", "-r", "--name-only", commit, "install-dev/").split("\n")
    wanted = re.compile(r"^install-dev/(?:langs|fixtures/thirtybees/langs)/([a-z]{2})/data/(\w+)\.xml$")
    for path in sorted(paths):
        match = wanted.match(path)
        if not match or match[1] not in LANGS:
            continue
        store = path.startswith("install-dev/langs/")
        if match[2] not in (STORE_FILES if store else DEMO_FILES):
            continue
        for raw in _fields(_git(mirror, "show", f"{commit}:{path}")):
            yield LANGS[match[1]], path, raw


def _thelia(mirror: Path, commit: str):
    """(language, path, raw field) of Thelia's demo data, English and French columns."""
    for name in THELIA_FILES:
        path = f"{THELIA_DATA}/{name}.csv"
        rows = csv.DictReader(io.StringIO(_git(mirror, "show", f"{commit}:{path}")), delimiter=";")
        for row in rows:
            for column, value in row.items():
                match = _THELIA_COLUMN.match(column or "")
                if match and value and value.strip():
                    yield ("en" if match[2] == "UK" else "fr"), path, value


def read_source(rows) -> tuple[dict, dict]:
    """{(language, path): texts} of a source's sentences and of its paragraphs, translations with
    English left in them dropped."""
    found = [(lang, path, sixth_corpus.texts_of(raw)) for lang, path, raw in rows]
    english = [t for lang, _path, (sentences, paragraphs) in found if lang == "en" for t in sentences + paragraphs]
    written = [w for t in english for w in re.findall(r"[^\W\d_]{3,}", t)]
    words = {w for w in written if w.islower()}
    english_of_source = {"texts": set(english), "words": words, "names": {w.lower() for w in written} - words}
    grams = shop_corpus._grams(english)
    kept: tuple[dict, dict] = (defaultdict(list), defaultdict(list))
    for lang, path, texts_of_field in found:
        for per_file, texts in zip(kept, texts_of_field):
            for text in texts:
                if lorem(text) or not script_ok(text, lang) or heldout_corpus.mislabelled(text, lang):
                    continue
                if lang != "en" and sixth_corpus.english_left(text, english_of_source, grams):
                    continue
                per_file[(lang, path)].append(text)
    return kept


def build(root: Path) -> list[dict]:
    found: dict[tuple[str, str], dict] = {}
    for repo, reader in ((THIRTYBEES, _thirtybees), (THELIA, _thelia)):
        commit, licence = SOURCES[repo]
        mirror = sixth_corpus._mirror(root, repo)
        full = _git(mirror, "rev-parse", f"{commit}^{{commit}}").strip()
        sentences, paragraphs = read_source(list(reader(mirror, full)))
        shop_corpus.add_records(found, sentences, repo, full, licence)
        shop_corpus.add_records(found, paragraphs, repo, full, licence)
    return shop_corpus.sample(found, SEED, CAPS)


def main() -> int:
    return shop_corpus.mirrors_main(__doc__.split("\n\n")[0], build, OUT)


if __name__ == "__main__":
    raise SystemExit(main())
