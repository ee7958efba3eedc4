"""Build small, real bundles on disk for rule tests, and lint them through the real engine.

    b = BundleBuilder(tmp_path)                  # a minimal valid listing
    b.data["title"]["es"] = "x" * 300
    b.page("es", "<p>Hola</p>")                  # writes detail/es.html and references it
    b.write()
    assert lint(tmp_path, select="LOC010") == [("listings/demo/listing.json", 7, "LOC010")]
"""

from __future__ import annotations

import copy
import io
import json
import os
from datetime import date
from pathlib import Path

from listing_lint.config import Config
from listing_lint.engine import make_settings, run

AS_OF = date(2026, 11, 25)

MINIMAL = {
    "schema_version": "1",
    "id": "demo",
    "category": "home-garden",
    "markets": ["EU"],
    "title": {},
    "detail_pages": {},
    "skus": [{"id": "D1", "model": "D1-EU", "price": {"amount": "39.90", "currency": "USD"}}],
    "media": [],
}


def png_bytes(width: int = 800, height: int = 800, color=(200, 120, 40), fmt: str = "PNG", **save) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, fmt, **save)
    return out.getvalue()


class BundleBuilder:
    def __init__(self, repo: Path, bundle_id: str = "demo", folder: str | None = None):
        self.repo = Path(repo)
        self.dir = self.repo / "listings" / (folder or bundle_id)
        self.data = copy.deepcopy(MINIMAL)
        self.data["id"] = bundle_id
        self.files: dict[str, bytes] = {}

    @property
    def rel(self) -> str:
        """The bundle folder relative to the repo, as findings show it when linting from the repo root."""
        return self.dir.relative_to(self.repo).as_posix()

    def file(self, rel: str, content: bytes | str) -> BundleBuilder:
        self.files[rel] = content.encode("utf-8") if isinstance(content, str) else content
        return self

    def page(self, locale: str, html: str, rel: str | None = None) -> BundleBuilder:
        rel = rel or f"detail/{locale}.html"
        self.data["detail_pages"][locale] = rel
        return self.file(rel, html)

    def image(self, rel: str, width: int = 800, height: int = 800, role: str = "scene", **item) -> BundleBuilder:
        fmt = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}[rel.rsplit(".", 1)[1].lower()]
        self.file(rel, png_bytes(width, height, fmt=fmt))
        self.data["media"].append({"kind": "image", "file": rel, "role": role, **item})
        return self

    def write(self, raw_manifest: str | bytes | None = None) -> Path:
        self.dir.mkdir(parents=True, exist_ok=True)
        for rel, content in self.files.items():
            path = self.dir / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        manifest = self.dir / "listing.json"
        if raw_manifest is None:
            manifest.write_text(json.dumps(self.data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        elif isinstance(raw_manifest, bytes):
            manifest.write_bytes(raw_manifest)
        else:
            manifest.write_text(raw_manifest, encoding="utf-8")
        return manifest

    def line_of(self, needle: str, rel: str = "listing.json") -> int:
        """1-based line of the first occurrence of ``needle`` in a written file (for exact assertions)."""
        text = (self.dir / rel).read_text(encoding="utf-8")
        return text[: text.index(needle)].count("\n") + 1


def run_lint(repo: Path, select: str | list[str] | None = None, as_of: date | None = AS_OF, paths=None, **config):
    """Lint ``repo`` from inside it, as a user would; returns the RunResult."""
    values = {k.replace("_", "-"): v for k, v in config.items()}
    if select is not None:
        values["select"] = [select] if isinstance(select, str) else list(select)
    values.setdefault("cache", False)
    cfg = Config(values=values, root=Path(repo))
    old = os.getcwd()
    os.chdir(repo)
    try:
        paths = paths or ["."]
        settings = make_settings(cfg, paths, Path(repo), as_of)
        return run(settings, paths)
    finally:
        os.chdir(old)


def lint(repo: Path, select=None, as_of: date | None = AS_OF, **config) -> list[tuple[str, int | None, str]]:
    """``[(path, line, code), ...]`` in output order: what most rule tests assert exactly."""
    return [(f.path, f.line, f.code) for f in run_lint(repo, select, as_of, **config).findings]


def findings(repo: Path, select=None, as_of: date | None = AS_OF, **config):
    return run_lint(repo, select, as_of, **config).findings
