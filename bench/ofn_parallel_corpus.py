"""Build a parallel shop corpus with neighbour languages (tests/data/parallel_ofn.jsonl.xz): the SAME
storefront messages of the Open Food Network in en, es, fr and ru, aligned by key, plus the same
keys in Catalan, Portuguese and Ukrainian, for the language rules' false alarms on correct pages and
their finds on seeded defects, a neighbour's real translation pasted onto the page among them
(bench/seeded_realtext.py; docs/decisions.md, "Session 18: the language rules on a seventeenth
real-text source").

Source, used by no earlier corpus: the Open Food Network (``openfoodfoundation/openfoodnetwork``,
AGPL-3.0), the marketplace where farms and food hubs sell to shoppers, whose Rails catalogues
``config/locales/<lang>.yml`` are translated by its community on Transifex. Only what a buyer (or a
producer signing up) reads is kept: a key path with a segment in ``BACKOFFICE`` (the admin screens,
reports, the API, webhooks, model and date machinery) is left out.

Cleaning as bench/parallel_corpus.py (its ``clean``, placeholder marks, a key needs English and two
of es/fr/ru, an English text seen twice keeps its first key); Rails slots (``%{name}``) are kept and
marked ``"placeholder": true``. The neighbour languages (``NEIGHBOURS``) are written for the keys
kept, when the catalogue has the key. Records: ``{"repo", "path", "commit", "license", "key",
"lang", "text", "placeholder"?}``, deterministic.

    python bench/ofn_parallel_corpus.py --mirrors FOLDER   # FOLDER/openfoodfoundation+openfoodnetwork[/repo]
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench")]

import parallel_corpus as pc  # noqa: E402

OUT = ROOT / "tests" / "data" / "parallel_ofn.jsonl.xz"
OFN = {
    "repo": "openfoodfoundation/openfoodnetwork",
    "commit": "d4f0a99e2aec1a02b720baac2b341a2d4da86745",  # master, 2026-08-07
    "license": "AGPL-3.0",
}
PATH = "config/locales/{lang}.yml"
#: languages a seller pastes by mistake onto a page of its neighbour: Catalan and Portuguese onto
#: the Spanish page, Ukrainian onto the Russian one
NEIGHBOURS = ("ca", "pt", "uk")
#: key segments of the shop owner's and the developer's text
BACKOFFICE = {
    "admin", "api", "report_job", "report_mailer", "reports", "webhook_endpoints", "activerecord",
    "activemodel", "models", "inflections", "datetime", "time", "date", "number", "state_names",
    "validators", "connect_app", "webhook_endpoint_form", "vine_voucher_validator_service", "vine_voucher_redeemer_service",
}


def _flat(node, path: tuple[str, ...] = ()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _flat(value, path + (str(key),))
    elif isinstance(node, str):
        yield path, node


def _catalogue(repo: Path, lang: str) -> dict[tuple[str, ...], str]:
    root = yaml.safe_load(pc._git(repo, "show", f"{OFN['commit']}:{PATH.format(lang=lang)}"))
    return dict(_flat(root.get(lang, {})))


def ofn(folder: Path, langs: tuple[str, ...] = pc.LANGS):
    """(key, {lang: (raw text, path)}) for the buyer's messages of ``langs``, in English order."""
    repo = pc._mirror(folder, OFN["repo"])
    catalogues = {lang: _catalogue(repo, lang) for lang in langs}
    for key, english in catalogues["en"].items():
        if any(part in BACKOFFICE for part in key) or not english.strip():
            continue
        texts = {lang: (messages[key], PATH.format(lang=lang)) for lang, messages in catalogues.items()
                 if messages.get(key, "").strip()}
        yield f"ofn:{'.'.join(key)}", texts


def main() -> int:
    return pc.one_source_main(__doc__, OFN, ofn, OUT, "folder holding openfoodfoundation+openfoodnetwork[/repo]", NEIGHBOURS)


if __name__ == "__main__":
    raise SystemExit(main())
