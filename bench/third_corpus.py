"""Build the THIRD real-text corpus (tests/data/langid_shops_third.jsonl.xz), from sources the
judge was never tuned or checked on before (the tuning corpus, bench/shop_corpus.py, is Saleor,
Sylius and spree_i18n; the held-out one, bench/heldout_corpus.py, Bagisto and Shopware's
language pack; the older one Django, allauth, Wagtail, Sphinx and django-oscar):

* Filament (``filamentphp/filament``, ``packages/*/resources/lang/<lang>/**/*.php``, MIT): the
  Laravel admin-panel kit many shop back offices are built on (tables, forms, actions, login,
  notifications); en, es, fr, ru, ca, pt_BR, pt_PT, it, uk, bg, de, nl.
* Laravel Lang (``Laravel-Lang/lang``, ``locales/<lang>/json.json`` and ``php.json``, MIT): the
  community translations of Laravel's framework, authentication, Cashier (Stripe billing), Spark,
  Jetstream and Nova strings (sign-up, payment and subscription messages, validation errors,
  admin panels), keyed by their English source; en, es, fr, ru, ca, pt, pt_BR, it, uk, bg, be,
  de, nl. Laravel plurals ("a|b|c") are dropped.
* PrestaShop Checkout (``PrestaShopCorp/ps_checkout``, ``ps8|ps9/translations/<lang>/*.xlf``,
  AFL-3.0): the PayPal checkout module of PrestaShop, shop and back-office copy (payment
  methods, refunds, onboarding, order states); en-US, es-ES, fr-FR, it-IT, pt-PT, de-DE, nl-NL.

Only the extracted strings are committed (each record names its repository, commit, path and
licence). Build it from local git mirrors::

    python bench/third_corpus.py --filament DIR --laravel-lang DIR --ps-checkout DIR

Cleaning as in bench/heldout_corpus.py (every string here has its English source under the same
key or in the same translation unit): placeholders (``:count``, ``%s``, ``{x}``), markup and URLs
removed; a translation equal to, or keeping half its words from, its English source is dropped,
and so is one holding four words in a row of any English string; mojibake and Cyrillic text with
another orthography's letters are dropped; consecutive sentences of one file are also joined into
80-600-character paragraphs. Laravel plurals are dropped, and Belarusian strings with letters
Belarusian never writes. Sampled per language and band with a fixed seed (250 / 250 / 150; the
Cyrillic languages and Catalan have fewer long strings: PrestaShop Checkout has none of them).
"""

from __future__ import annotations

import argparse
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import heldout_corpus
import shop_corpus
from shop_corpus import _git

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "langid_shops_third.jsonl.xz"
SEED = 20261208
LANGS = {
    "en": "en", "en-US": "en", "es": "es", "es-ES": "es", "fr": "fr", "fr-FR": "fr", "ru": "ru",
    "ca": "ca", "pt_BR": "pt", "pt_PT": "pt", "pt-PT": "pt", "it": "it", "it-IT": "it", "uk": "uk",
    "bg": "bg", "be": "be", "pt": "pt", "de": "de", "de-DE": "de", "nl": "nl", "nl-NL": "nl",
}
CAPS = {"10-29": 250, "30-79": 250, "80+": 150}
LICENSES = {"filament": "MIT", "laravel_lang": "MIT", "ps_checkout": "AFL-3.0"}
REPOS = {"filament": "filamentphp/filament", "laravel_lang": "Laravel-Lang/lang", "ps_checkout": "PrestaShopCorp/ps_checkout"}
_XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"
#: Laravel placeholders the held-out cleaner leaves: capitalised ones (":Attribute ha de ser una data")
_CAPITAL_PLACEHOLDER = re.compile(r"(?<![\w:/]):[A-Z][A-Za-z_]*\b")
#: letters Belarusian never writes (Russian or Ukrainian strings in a be catalogue), beside the
#: held-out builder's ru/uk/bg sets
NOT_BELARUSIAN = set("ищъїєґ")


def _clean(text) -> str | None:
    """The held-out cleaning, plus: capitalised placeholders removed; Laravel plurals ("one|many",
    also after cleaning) dropped."""
    if not isinstance(text, str) or "|" in text:
        return None
    return heldout_corpus._clean(_CAPITAL_PLACEHOLDER.sub(" ", text))


def _mislabelled(text: str, lang: str) -> bool:
    return heldout_corpus.mislabelled(text, lang) or (lang == "be" and bool(NOT_BELARUSIAN & set(text.lower())))


def filament(repo: Path):
    """(lang, key, text, path, english source) from every package's Laravel language files."""
    files = [p for p in _git(repo, "ls-tree", "-r", "--name-only", "HEAD", "packages").split()
             if re.search(r"/resources/lang/[^/]+/.+\.php$", p)]
    split = lambda p: re.match(r"(.+/resources/lang)/([^/]+)/(.+)$", p).groups()  # noqa: E731
    english = {}
    for path in files:
        base, tag, rest = split(path)
        if tag == "en":
            for key, text in shop_corpus._flat(heldout_corpus.php_array(_git(repo, "show", f"HEAD:{path}"))):
                english[(base, rest, key)] = text
                yield "en", key, text, path, None
    for path in sorted(files):
        base, tag, rest = split(path)
        if tag not in LANGS or LANGS[tag] == "en":
            continue
        for key, text in shop_corpus._flat(heldout_corpus.php_array(_git(repo, "show", f"HEAD:{path}"))):
            source = english.get((base, rest, key))
            if source is not None and text != source:
                yield LANGS[tag], key, text, path, source


def laravel_lang(repo: Path):
    """(lang, key, text, path, english source) from each locale's ``json.json`` (keyed by the
    English string) and ``php.json`` (keyed like ``locales/en/php.json``). The ``*-inline.json``
    files repeat the same strings without the field name and are not read."""
    english_php = json.loads(_git(repo, "show", "HEAD:locales/en/php.json"))
    english_json = json.loads(_git(repo, "show", "HEAD:locales/en/json.json"))
    for key, text in sorted(english_php.items()):
        yield "en", key, text, "locales/en/php.json", None
    for key, text in sorted(english_json.items()):
        yield "en", key, text, "locales/en/json.json", None
    for tag in sorted(LANGS):
        if LANGS[tag] == "en" or not _git(repo, "ls-tree", "--name-only", "HEAD", f"locales/{tag}/"):
            continue
        for name, source_of in (("php.json", english_php.get), ("json.json", lambda key: key)):
            path = f"locales/{tag}/{name}"
            for key, text in json.loads(_git(repo, "show", f"HEAD:{path}")).items():
                source = source_of(key)
                if source is not None and isinstance(text, str) and "|" not in text and text != source:
                    yield LANGS[tag], key, text, path, source


def _units(xml: str):
    """(id, source, target) of an XLIFF 1.2 file."""
    for unit in ET.fromstring(xml).iter(f"{_XLIFF}trans-unit"):
        source, target = unit.find(f"{_XLIFF}source"), unit.find(f"{_XLIFF}target")
        yield unit.get("id"), "".join(source.itertext()) if source is not None else None, \
            "".join(target.itertext()) if target is not None else None


def ps_checkout(repo: Path):
    """(lang, key, text, path, english source) from the module's XLIFF catalogues (each unit holds
    its English source; the en-US catalogue's targets are the English strings)."""
    files = [p for p in _git(repo, "ls-tree", "-r", "--name-only", "HEAD").split()
             if re.fullmatch(r"ps\d+/translations/[a-z]{2}-[A-Z]{2}/[^/]+\.xlf", p)]
    for path in sorted(files):
        tag = path.split("/")[2]
        if tag not in LANGS:
            continue
        for key, source, target in _units(_git(repo, "show", f"HEAD:{path}")):
            if LANGS[tag] == "en":
                if target or source:
                    yield "en", key, target or source, path, None
            elif target and target != source:
                yield LANGS[tag], key, target, path, source


def build(mirrors: dict[str, Path]) -> list[dict]:
    readers = (("filament", filament), ("laravel_lang", laravel_lang), ("ps_checkout", ps_checkout))
    return heldout_corpus.build_from(readers, mirrors, _clean, _mislabelled, REPOS, LICENSES, SEED, CAPS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--filament", type=Path, required=True, help=f"git mirror of {REPOS['filament']}")
    parser.add_argument("--laravel-lang", type=Path, required=True, help=f"git mirror of {REPOS['laravel_lang']}")
    parser.add_argument("--ps-checkout", type=Path, required=True, help=f"git mirror of {REPOS['ps_checkout']}")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    records = build({"filament": args.filament, "laravel_lang": args.laravel_lang, "ps_checkout": args.ps_checkout})
    return shop_corpus.write_and_report(records, args.out)


if __name__ == "__main__":
    raise SystemExit(main())
