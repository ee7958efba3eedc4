"""Helpers for the integration tests: real listing repos on disk, and the real CLI to run on them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from builder import BundleBuilder, png_bytes

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / "tests" / "artifacts"

TITLES = {
    "en": "Solaris S3 solar garden light, warm white, set of six",
    "es": "Luz solar de jardín Solaris S3, blanco cálido, juego de seis",
    "fr": "Lampe solaire de jardin Solaris S3, blanc chaud, lot de six",
    "ru": "Садовый солнечный светильник Solaris S3, тёплый белый, набор из шести",
}
PAGES = {
    "en": "The light charges in the sun during the day and switches itself on when night falls over the garden.",
    "es": "La luz se carga con el sol durante el día y se enciende sola cuando cae la noche sobre el jardín.",
    "fr": "La lampe se recharge au soleil pendant la journée et s'allume toute seule quand la nuit tombe sur le jardin.",
    "ru": "Светильник заряжается от солнца днём и сам включается, когда на сад опускается ночь.",
}
ENGLISH_PARAGRAPH = "This solar light is easy to install and works with any garden path you already have at home."
#: the rule families the repos below are clean for (a seller's config can select families too)
CLEAN_FOR = ["SCH", "LOC"]


def page_html(locale: str, *paragraphs: str) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in (PAGES[locale], *paragraphs))
    return f'<!DOCTYPE html>\n<html lang="{locale}">\n<head><meta charset="utf-8"></head>\n<body>\n{body}\n</body>\n</html>\n'


def localized_bundle(repo: Path, bundle_id: str) -> BundleBuilder:
    """A bundle with a title and a page in each of en/es/fr/ru, in the right language."""
    b = BundleBuilder(repo, bundle_id)
    b.data["locales"] = ["en", "es", "fr", "ru"]
    for locale in ("en", "es", "fr", "ru"):
        b.data["title"][locale] = TITLES[locale]
        b.page(locale, page_html(locale))
    return b


def write_config(repo: Path, select=CLEAN_FOR) -> None:
    codes = ", ".join(f'"{c}"' for c in select)
    (repo / "pyproject.toml").write_text(f"[tool.listing-lint]\nselect = [{codes}]\n", encoding="utf-8")


def cli(args: list[str], cwd: Path, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    """Run the real command line (``python -m listing_lint``) in ``cwd``."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR")}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "listing_lint", *args], cwd=cwd, env=full_env, capture_output=True, text=True, **kwargs
    )


def make_clean_repo(repo: Path) -> Path:
    """Two bundles that are clean for ``CLEAN_FOR``, a store.json and a config selecting those families."""
    for bundle_id in ("solar-light-s3", "garden-hose-20m"):
        localized_bundle(repo, bundle_id).write()
    (repo / "store.json").write_text('{"seller": {"legal_name": "Example Trading Co."}}\n', encoding="utf-8")
    write_config(repo)
    return repo


def make_messy_repo(repo: Path) -> Path:
    """A repo with findings of several kinds: two on one line, one on a file without lines, errors and warnings."""
    make_clean_repo(repo)
    b = localized_bundle(repo, "solar-light-s3")
    del b.data["title"]["fr"], b.data["title"]["ru"]  # two LOC001 findings on the same line
    b.page("es", page_html("es", ENGLISH_PARAGRAPH, "Charge it for eight hours before the first use, then leave it outside."))
    b.data["media"].append({"kind": "image", "file": "media/missing-1.jpg", "role": "scene"})
    b.file("media/unused.png", png_bytes(40, 40))  # referenced by nothing: a finding on a file without lines
    b.write()
    return repo
