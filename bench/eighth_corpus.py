"""Build the EIGHTH real-text corpus (tests/data/langid_shops_eighth.jsonl.xz): Magento 2's
storefront strings as community language packs translate them, a source none of the seven earlier
corpora used (a different shop platform, and translations made by a shop community rather than
the platform's own team).

Sources (``SOURCES``: repository, pinned commit, licence): Mageplaza's Magento 2 language packs,
``mageplaza/magento-2-<language>-language-pack`` (MIT), one CSV each (``<locale>.csv``: English
source, translation, ``module``/``theme``/``lib``, the module or theme). English is the source
column (read from the Spanish pack, the first; every pack holds the same English), es, fr, ru, and
the confusers ca, pt (``pt_PT``), it, uk, de, nl from their packs (Mageplaza has no Bulgarian or
Belarusian pack).

Only what a shopper reads is kept: the storefront themes (``frontend/Magento/luma``, ``blank``)
and the customer-facing modules (``STOREFRONT``: catalogue, product types, cart and checkout,
customer account, orders, returns, wish lists, reviews, gift cards and registries, newsletter,
contact, CMS pages...); payment gateways' and carriers' settings, B2B, staging, import/export,
reports and the rest of the admin are not read. Those modules still hold some of their admin
strings (a CSV does not say which screen a string is on).

Cleaning as in bench/seventh_corpus.py: Magento's placeholders (``%1``, ``%store_name``, ``%s``,
``{{var ...}}``) removed with the quotes or brackets they leave empty, then bench/sixth_corpus.py's
(HTML to lines, markup, URLs, bullets removed; a sentence is a text and so is a line of several
sentences; consecutive sentences of one file joined into 80-600-character paragraphs). A
translation is dropped when it equals its English source or keeps half its words, is an English
text of the packs, keeps half its words from the packs' English, holds four words in a row of
it, or holds English function words (a quarter of its words, two or more): community packs leave
many strings untranslated. A Romance pack's translation in German is dropped too (two thirds of its
words in more of the German pack's translations than of its own: the Spanish pack holds 38,
"Zurück zur Lieferadresse", "Fehlgeschlagene Zahlung - eMail"; the rule also takes 21 loanword
labels of the other packs, fr "Standard", pt "E-mail:", it "Website", "Da admin"). Mojibake, another orthography's letters and text mostly in another
script are dropped (bench/heldout_corpus.py); a text found in two languages is in neither.

Sampled per language and band with a fixed seed, kept small: the four page languages
(en/es/fr/ru) 120 / 120 / 80 (correct blocks are what the false-alarm cells count), the six
neighbours 40 / 40 / 40 (wrong blocks; the test draws 40 per cell). Build it from local git
mirrors (``ROOT/<owner>+<name>/repo`` or ``ROOT/<owner>+<name>``, as the ``fetch`` tool lays them
out; read at the pinned commits, so the output is byte-identical while the mirrors have them)::

    python bench/eighth_corpus.py --mirrors /work/.mirror
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from pathlib import Path

import heldout_corpus
import shop_corpus
import sixth_corpus
from shop_corpus import _git, script_ok

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "langid_shops_eighth.jsonl.xz"
SEED = 20261214
PAGE_LANGS = ("en", "es", "fr", "ru")
CAPS = {"10-29": 120, "30-79": 120, "80+": 80}
NEIGHBOUR_CAPS = {"10-29": 40, "30-79": 40, "80+": 40}
LICENCE = "MIT"
#: repository -> (pinned commit, the pack's CSV, its language); Spanish first (English is read from it)
SOURCES = {
    "mageplaza/magento-2-spanish-language-pack": ("83a0c3cec86804115ca4beed3b0aea0be1b2fd58", "es_ES.csv", "es"),
    "mageplaza/magento-2-french-language-pack": ("f9ce09d3c874bdcb155af5ae378145c4fcf5a76f", "fr_FR.csv", "fr"),
    "mageplaza/magento-2-russian-language-pack": ("4ea4890547a67ddc3cebd8135ae416277e09314e", "ru_RU.csv", "ru"),
    "mageplaza/magento-2-catalan-language-pack": ("8437cf0ad40a5dbde6f5e49c70e65321585dd6df", "ca_ES.csv", "ca"),
    "mageplaza/magento-2-portuguese-language-pack": ("28a9db70cf8ad46d59107e616777e7b654b803aa", "pt_PT.csv", "pt"),
    "mageplaza/magento-2-italian-language-pack": ("59a13f13b7c5eed15ff9dc203c3d5375cad4e234", "it_IT.csv", "it"),
    "mageplaza/magento-2-ukrainian-language-pack": ("820426421c315bdce891981439ada4978af0105b", "uk_UA.csv", "uk"),
    "mageplaza/magento-2-german-language-pack": ("7e7376c80814b486609ad493d7600adb4b8af2a3", "de_DE.csv", "de"),
    "mageplaza/magento-2-dutch-language-pack": ("5a2a55dbb5daa861c8d6db56f013ea60237ad3a7", "nl_NL.csv", "nl"),
}
#: the modules whose strings a shopper reads (their storefront templates, messages and e-mails)
STOREFRONT = frozenset(f"Magento_{name}" for name in (
    "Catalog", "CatalogSearch", "Search", "LayeredNavigation", "Swatches", "Bundle", "ConfigurableProduct",
    "GroupedProduct", "Downloadable", "Msrp", "Checkout", "CheckoutAgreements", "Multishipping",
    "InstantPurchase", "AdvancedCheckout", "Customer", "Sales", "Rma", "Wishlist", "MultipleWishlist",
    "Review", "SendFriend", "ProductAlert", "Newsletter", "Contact", "Cms", "Theme", "GiftMessage",
    "GiftCard", "GiftCardAccount", "GiftRegistry", "GiftWrapping", "Reward", "CustomerBalance",
    "Invitation", "Persistent", "Cookie", "Captcha", "OfflinePayments"))
#: Magento's placeholders: positional "%1", named "%store_name", printf "%s", "{{var order.id}}"
_PLACEHOLDER = re.compile(r"\{\{.*?\}\}|%\d+\$?[sd]?%?|%[a-z_]+\b|%[sd]\b")
#: the quotes and brackets a removed placeholder leaves empty ('"%1" was added', "(%1)")
_EMPTY = re.compile(r"\"\s*\"|'\s*'|“\s*”|«\s*»|„\s*“|\(\s*\)|\[\s*\]|#(?=\s|$)")


#: the packs a Romance pack's German strings are told by (Mageplaza's Spanish pack holds 38
#: German translations: "Zurück zur Lieferadresse", "Fehlgeschlagene Zahlung - eMail")
ROMANCE = frozenset({"es", "fr", "ca", "pt", "it"})


def _row_words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]{3,}", text.lower()))


def german_in(text: str, lang: str, rows_with: dict[str, Counter]) -> bool:
    """A Romance pack's translation in German: two thirds of its words (three letters or more) are
    in more of the German pack's storefront translations than of its own pack's ("email" is in
    more Spanish ones: "Fehlgeschlagene Zahlung - eMail")."""
    words = _row_words(text)
    return (lang in ROMANCE and bool(words)
            and sum(rows_with["de"][w] > rows_with[lang][w] for w in words) >= 2 / 3 * len(words))


def _clean(raw: str) -> str:
    return _EMPTY.sub(" ", _PLACEHOLDER.sub(" ", raw))


def storefront(rows: list[list[str]]):
    """(English, translation) of a pack's storefront rows, in the file's order."""
    for row in rows:
        if len(row) < 4:
            continue
        source, translation, kind, where = row[:4]
        if (kind == "theme" and where.startswith("frontend/")) or (kind == "module" and where in STOREFRONT):
            yield source, translation


def read_packs(root: Path) -> list[tuple[str, str, str, str, str, str]]:
    """(repository, commit, path, language, English source, raw text) of every storefront row:
    the English rows first (from the first pack), then each pack's translations."""
    english_rows, translated = [], []
    for repo, (commit, path, lang) in SOURCES.items():
        mirror = sixth_corpus._mirror(root, repo)
        full = _git(mirror, "rev-parse", f"{commit}^{{commit}}").strip()
        rows = list(csv.reader(io.StringIO(_git(mirror, "show", f"{full}:{path}"))))
        pairs = list(storefront(rows))
        if not english_rows:
            english_rows = [(repo, full, path, "en", source, source) for source, _ in pairs]
        translated.extend((repo, full, path, lang, source, text) for source, text in pairs)
    return english_rows + translated


def build(root: Path) -> list[dict]:
    rows = read_packs(root)
    english = [t for *_, lang, _s, raw in rows if lang == "en" for t in sum(sixth_corpus.texts_of(_clean(raw)), [])]
    written = [w for t in english for w in re.findall(r"[^\W\d_]{3,}", t)]
    words = {w for w in written if w.islower()}
    english_of_packs = {"texts": set(english), "words": words, "names": {w.lower() for w in written} - words}
    grams = shop_corpus._grams(english)
    rows_with: dict[str, Counter] = defaultdict(Counter)
    for *_, lang, _source, raw in rows:
        if lang != "en":
            rows_with[lang].update(_row_words(_clean(raw)))
    # per source: ({(lang, path): sentences}, {(lang, path): paragraphs})
    kept: dict[tuple[str, str], tuple[dict, dict]] = defaultdict(lambda: (defaultdict(list), defaultdict(list)))
    for repo, commit, path, lang, source, raw in rows:
        if lang != "en" and (raw.strip() == source.strip() or heldout_corpus.half_english(_clean(raw), _clean(source))):
            continue  # untranslated, or half
        if german_in(_clean(raw), lang, rows_with):
            continue  # another language's translation in this pack
        for per_file, texts in zip(kept[(repo, commit)], sixth_corpus.texts_of(_clean(raw))):
            for text in texts:
                if not script_ok(text, lang) or heldout_corpus.mislabelled(text, lang):
                    continue
                if lang != "en" and sixth_corpus.english_left(text, english_of_packs, grams):
                    continue
                per_file[(lang, path)].append(text)
    found: dict[tuple[str, str], dict] = {}
    for (repo, commit), (sentences, paragraphs) in kept.items():
        shop_corpus.add_records(found, sentences, repo, commit, LICENCE)
        shop_corpus.add_records(found, paragraphs, repo, commit, LICENCE)
    # a text found in two languages is in neither (decided on the whole, before the split by caps)
    langs_of: dict[str, set[str]] = defaultdict(set)
    for lang, text in found:
        langs_of[text.lower()].add(lang)
    found = {key: r for key, r in found.items() if len(langs_of[key[1].lower()]) == 1}
    pages = {key: r for key, r in found.items() if key[0] in PAGE_LANGS}
    neighbours = {key: r for key, r in found.items() if key[0] not in PAGE_LANGS}
    return shop_corpus.sample(pages, SEED, CAPS) + shop_corpus.sample(neighbours, SEED, NEIGHBOUR_CAPS)


def main() -> int:
    return shop_corpus.mirrors_main(__doc__.split("\n\n")[0], build, OUT)


if __name__ == "__main__":
    raise SystemExit(main())
