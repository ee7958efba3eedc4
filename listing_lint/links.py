"""Where users are sent for help: the docs shipped with the package, ``listing-lint rule CODE``, and
the web only when the installed distribution names a home in ``[project.urls]``.

A link must resolve for the user who reads it. The wheel carries ``docs/`` as
``listing_lint/data/docs/`` (pyproject.toml ``force-include``; the rule reference in it is generated
from the rules' docstrings by ``scripts/gen_docs.py``); a source checkout has them in ``docs/``.
Web links come from the installed distribution's metadata (``Project-URL``): ``Documentation``
is the folder where ``docs/*.md`` are published (rule help: ``{Documentation}/rules-reference.md#loc003-…``),
``Homepage`` the project's home. With neither, no web link is printed at all.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "listing-lint"
_HERE = Path(__file__).resolve().parent
REFERENCE = "rules-reference.md"


@lru_cache(maxsize=1)
def project_urls() -> dict[str, str]:
    """``[project.urls]`` of the installed distribution, labels lower-cased; empty when not installed."""
    try:
        entries = metadata.metadata(DISTRIBUTION).get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return {}
    return urls_from_metadata(entries)


def urls_from_metadata(entries: list[str]) -> dict[str, str]:
    """``["Documentation, https://…"]`` (core metadata ``Project-URL``) → ``{"documentation": "https://…"}``."""
    out = {}
    for entry in entries:
        label, _, url = entry.partition(",")
        if url.strip().startswith("https://"):
            out[label.strip().lower()] = url.strip()
    return out


def home(urls: dict[str, str] | None = None) -> str | None:
    urls = project_urls() if urls is None else urls
    return urls.get("homepage") or urls.get("source") or urls.get("documentation")


def anchor(code: str, name: str = "") -> str:
    """The anchor of a rule's heading (``## LOC003 wrong-language-block``) as Markdown renderers make it."""
    return f"{code}-{name}".lower() if name else code.lower()


def rule_help_url(code: str, name: str = "", urls: dict[str, str] | None = None) -> str | None:
    """The rule's section of the published reference, or None when no ``Documentation`` URL is set."""
    urls = project_urls() if urls is None else urls
    docs = urls.get("documentation")
    return f"{docs.rstrip('/')}/{REFERENCE}#{anchor(code, name)}" if docs else None


def rule_help_command(code: str) -> str:
    """What always works where the tool is installed."""
    return f"listing-lint rule {code}"


def docs_dir() -> Path | None:
    """The shipped docs (``listing_lint/data/docs/`` in a wheel; ``docs/`` in a source checkout)."""
    for folder in (_HERE / "data" / "docs", _HERE.parent / "docs"):
        if (folder / REFERENCE).is_file():
            return folder
    return None


def shipped_doc(source: str) -> Path | None:
    """The installed file a ``docs/<name>.md`` citation names, or None (another kind of source, or not shipped)."""
    folder = docs_dir()
    if folder is None or not source.startswith("docs/"):
        return None
    name = source[len("docs/"):]
    path = folder / name
    return path if "/" not in name and path.is_file() else None
