"""Helpers of the workers/cache/shard/merge tests: a small generated repo, and linting it through the machinery."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402  (bench/generate.py: the benchmark repo's generator)

from builder import AS_OF, BundleBuilder  # noqa: E402

from listing_lint.config import Config  # noqa: E402
from listing_lint.engine import make_settings, run  # noqa: E402
from listing_lint.parallel import lint_bundles, make_mapper  # noqa: E402

BUNDLES = 10


def add_defects(repo: Path) -> None:
    """Bundles that make findings of several kinds, so comparisons compare something."""
    broken = BundleBuilder(repo, "broken-json")
    broken.write('{"schema_version": "1", "id": ')
    missing = BundleBuilder(repo, "missing-files")
    missing.page("en", "<p>Hello there, a page with a missing picture.</p>")
    missing.data["media"].append({"kind": "image", "file": "media/nowhere.jpg", "role": "cover"})
    missing.write()
    # the same id as generated bundle 3: SCH006 (a store-level rule) reports it across shards
    twin = BundleBuilder(repo, "p00003-usb-c-charger", folder="zz-twin")
    twin.write()
    single = repo / "listings" / "garden-hose.listing.json"
    doc = json.loads(generate.bundle(2, 1)[1]["listing.json"])
    doc["id"] = "garden-hose"
    doc["detail_pages"] = {"en": {"html": "<p>Hose reel for twenty metres of hose.</p>"}}
    doc["media"] = []
    doc.pop("certificates")
    doc["brand"] = {"name": "Gardeno"}
    single.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def run_repo(repo: Path, jobs: int = 1, cache: bool = False, fn=None, as_of=AS_OF, shard=None, paths=None, **config):
    """Lint ``repo`` from inside it through the workers/cache machinery; returns the RunResult."""
    values = {k.replace("_", "-"): v for k, v in config.items()}
    values["cache"] = cache
    cfg = Config(values=values, root=repo)
    old = os.getcwd()
    os.chdir(repo)
    try:
        paths = paths or ["."]
        settings = make_settings(cfg, paths, repo, as_of)
        settings.shard = shard
        mapper = make_mapper(jobs)
        if fn is not None:
            mapper = lambda _fn, manifests, s: lint_bundles(fn, manifests, s, jobs)  # noqa: E731
        return run(settings, paths, mapper)
    finally:
        os.chdir(old)


def rows(result) -> list[tuple]:
    """Everything a finding says, anchors included, in output order."""
    return [(*f.to_dict().values(), f.anchor) for f in result.findings]
