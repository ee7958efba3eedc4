"""Build a sixth parallel corpus (tests/data/parallel_reaction.jsonl.xz): the SAME storefront messages
of Reaction Commerce in en, es, fr and ru, aligned by key, for the text rules' false alarms on correct
translations and their finds on seeded defects (bench/text_rules_realtext.py --corpus ...;
docs/decisions.md, "Session 17: the language rules on a fifteenth real-text source").

Source, used by no earlier corpus: Reaction Commerce 1.16.0 (``reactioncommerce/reaction`` at tag
``v1.16.0``, GPL-3.0), the Meteor shop whose storefront (cart drawer, checkout steps, address book,
order history and order e-mails, product page and variants, sign-in and account pages) and plugins
ship i18next catalogues ``private/data/i18n/<lang>.json`` and
``imports/plugins/*/*/server/i18n/<lang>.json`` (a list of ``{"i18n", "ns", "translation"}``
resources; keys nest). Translated by Reaction's community on Transifex.

Only what a buyer reads is kept: the core catalogue's storefront sections (``STOREFRONT``) and the
plugins' messages outside their back-office branches (a key path with a segment in ``BACKOFFICE``,
or a plugin in ``BACKOFFICE_PLUGINS``, is left out). Cleaning as bench/parallel_corpus.py (its
``clean``, placeholder marks, a key needs English and two of es/fr/ru, an English text seen twice
keeps its first key); i18next slots (``{{count}}``) are kept and marked ``"placeholder": true``.
Records: ``{"repo", "path", "commit", "license", "key", "lang", "text", "placeholder"?}``,
deterministic.

    python bench/reaction_parallel_corpus.py --mirrors FOLDER   # FOLDER/reactioncommerce+reaction[/repo]
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench")]

import parallel_corpus as pc  # noqa: E402

OUT = ROOT / "tests" / "data" / "parallel_reaction.jsonl.xz"
REACTION = {
    "repo": "reactioncommerce/reaction",
    "commit": "36d07754af9d2e0db4928aae387642231d09cd46",  # tag v1.16.0
    "license": "GPL-3.0",
}
CORE = "private/data/i18n/{lang}.json"
PLUGINS = (
    "core/accounts", "core/catalog", "core/checkout", "core/discounts", "core/email", "core/orders",
    "core/payments", "core/shipping", "core/ui", "included/discount-codes", "included/notifications",
    "included/payments-example", "included/payments-stripe", "included/product-detail-simple",
    "included/product-variant", "included/shipping-rates", "included/social", "included/ui-search",
)
PLUGIN = "imports/plugins/{plugin}/server/i18n/{lang}.json"
#: sections of the core catalogue a buyer reads (the others are the shop owner's editing tools)
STOREFRONT = {
    "languages", "currencies", "notifications", "header", "productDetail", "productVariant", "variantList",
    "cartDrawer", "cartSubTotals", "cartDrawerItems", "order", "orderShipping", "cartCheckout",
    "cartCompleted", "checkoutLogin", "addressBookGrid", "addressBookAdd", "addressBookReview",
    "addressBookEdit", "address", "checkoutProgressBar", "checkoutReview", "uom", "social", "search",
    "accountsUI", "error",
}
BACKOFFICE = {"admin", "dashboard", "settings", "logs", "mail", "config", "configure"}


def _flat(node, path: tuple[str, ...] = ()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _flat(value, path + (key,))
    elif isinstance(node, str):
        yield path, node


def _messages(repo: Path, path: str) -> dict[tuple[str, ...], str]:
    try:
        resources = json.loads(pc._git(repo, "show", f"{REACTION['commit']}:{path}"))
    except subprocess.CalledProcessError:  # the plugin has no catalogue in this language
        return {}
    return {key: text for resource in resources for key, text in _flat(resource.get("translation", {}))}


def _buyer_reads(key: tuple[str, ...], core: bool) -> bool:
    if core and (len(key) < 2 or key[1] not in STOREFRONT):
        return False
    return not any(part in BACKOFFICE or part.endswith("Settings") for part in key)


def reaction(folder: Path):
    """(key, {lang: (raw text, path)}) for the storefront messages, core catalogue first."""
    repo = pc._mirror(folder, REACTION["repo"])
    sources = [(CORE, True)] + [(PLUGIN.replace("{plugin}", plugin), False) for plugin in PLUGINS]
    for template, core in sources:
        paths = {lang: template.format(lang=lang) for lang in pc.LANGS}
        catalogues = {lang: _messages(repo, path) for lang, path in paths.items()}
        for key, english in catalogues["en"].items():
            if not _buyer_reads(key, core) or not english.strip():
                continue
            texts = {lang: (messages[key], paths[lang]) for lang, messages in catalogues.items()
                     if isinstance(messages.get(key), str) and messages[key].strip()}
            yield f"reaction:{'.'.join(key)}", texts


def main() -> int:
    return pc.one_source_main(__doc__, REACTION, reaction, OUT, "folder holding reactioncommerce+reaction[/repo]")


if __name__ == "__main__":
    raise SystemExit(main())
