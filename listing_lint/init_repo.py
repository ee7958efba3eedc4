"""``listing-lint init [DIR]``: a starter listing repository in the documented shape.

It writes ``store.json``, one bundle (``listings/<id>/listing.json`` and the four locale pages
en/es/fr/ru), a ``pyproject.toml`` with a ``[tool.listing-lint]`` section, the glossary it names
(``keep-terms.txt``: terms kept untranslated, empty but for comments) and a
``.pre-commit-config.yaml``. The bundle is deliberately empty where only the seller knows the
answer (titles, page text, media, certificates, the 0.00 price): linting it lists exactly those
gaps, so a first commit through the hook fails until they are filled in.
Existing files are never overwritten.
"""

from __future__ import annotations

import re
from pathlib import Path

from listing_lint import __version__, links

LOCALES = ("en", "es", "fr", "ru")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")
TEMPLATES = Path(__file__).parent / "data" / "init"


class InitError(Exception):
    """A bad id, or files that already exist: exit code 2."""


def _template(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _fill(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def plan(directory: Path, bundle_id: str) -> dict[Path, str]:
    """Every file ``init`` would write, with its content."""
    if not ID_PATTERN.match(bundle_id):
        raise InitError(f"bundle id {bundle_id!r} must be a slug like \"smart-plug-x1\" (lowercase letters, digits, dashes)")
    model = bundle_id.upper()[:20].strip("-") or "MODEL-1"
    # the published hook when the distribution names its repository; else a local hook (nothing to fetch)
    urls = links.project_urls()
    hook_repo = urls.get("source") or urls.get("homepage")
    hooks = "pre-commit-config.yaml" if hook_repo else "pre-commit-config-local.yaml"
    values = {
        "bundle_id": bundle_id,
        "sku_id": f"{model}-1",
        "model": model,
        "legal_name": "Your Company Ltd.",
        "hook_repo": hook_repo or "",
        "version": __version__,
    }
    bundle = directory / "listings" / bundle_id
    files = {
        directory / "store.json": _fill(_template("store.json"), values),
        directory / "pyproject.toml": _template("pyproject.toml"),
        directory / "keep-terms.txt": _template("keep-terms.txt"),
        directory / ".pre-commit-config.yaml": _fill(_template(hooks), values),
        bundle / "listing.json": _fill(_template("listing.json"), values),
    }
    for locale in LOCALES:
        files[bundle / "detail" / f"{locale}.html"] = _template(f"detail/{locale}.html")
    return files


def write_starter(directory: Path, bundle_id: str = "my-product") -> list[Path]:
    """Write the starter files; refuse (writing nothing) if any of them exists."""
    files = plan(directory, bundle_id)
    existing = [p for p in files if p.exists()]
    if existing:
        names = ", ".join(str(p) for p in existing[:5])
        raise InitError(f"not overwriting existing files: {names}; run init in an empty folder or pick another --id")
    for path, content in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", newline="\n")
    return list(files)
