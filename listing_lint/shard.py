"""``--shard K/N``: deterministic slices of the bundles, so a CI matrix of N jobs lints a catalogue once.

A bundle's shard depends only on its own path relative to the project root (its folder, or the
``*.listing.json`` file), hashed with SHA-256 and placed by jump consistent hashing (Lamping and
Veach, 2014). So:

* every machine computes the same slices, whatever the order files are listed in;
* adding or removing a bundle never moves another one;
* going from N to N+1 shards moves only about 1/(N+1) of the bundles (their cached results
  on each CI runner stay useful).

The path, not the declared ``id``, is the key: finding the ids would mean parsing every
listing.json of the catalogue in every job, and an id may be missing, invalid or duplicated (which
is exactly what SCH002/SCH006 report).

Store-level rules (``check_repo``: duplicate ids, store-wide premium figures) look at every bundle;
they run in shard 1 only, over the whole catalogue, so ``listing-lint merge`` of all N reports
equals one unsharded run.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

#: ASCII digits only: ``\d`` and ``int()`` also read "٣/٤" (Arabic-Indic) and fullwidth digits
SHARD = re.compile(r"^\s*([0-9]{1,9})\s*/\s*([0-9]{1,9})\s*$", re.ASCII)
STORE_SHARD = 1  # the shard that also runs the store-level rules


def parse_shard(text: str) -> tuple[int, int]:
    """``"2/4"`` -> ``(2, 4)``; ValueError with a plain message otherwise."""
    m = SHARD.match(text or "")
    if not m:
        raise ValueError(f"--shard takes K/N in ASCII digits, like 2/4 (shard 2 of 4); got {text!r}")
    index, count = int(m.group(1)), int(m.group(2))
    if count < 1 or not 1 <= index <= count:
        raise ValueError(f"--shard {text}: K must be between 1 and N, and N at least 1")
    return index, count


def jump_hash(key: int, buckets: int) -> int:
    """Jump consistent hash: a bucket in [0, buckets) for a 64-bit key."""
    b, j = -1, 0
    while j < buckets:
        b = j
        key = (key * 2862933555777941757 + 1) & 0xFFFFFFFFFFFFFFFF
        j = int((b + 1) * ((1 << 31) / ((key >> 33) + 1)))
    return b


def bundle_key(manifest: Path, root: Path) -> str:
    """The bundle's identity for sharding: its folder (or single file), relative to the project root."""
    target = manifest.parent if manifest.name == "listing.json" else manifest
    try:
        rel = target.relative_to(root)
    except ValueError:
        rel = Path(os.path.relpath(target, root))
    return rel.as_posix()


def shard_of(manifest: Path, root: Path, count: int) -> int:
    """The 1-based shard of a bundle among ``count``."""
    digest = hashlib.sha256(bundle_key(manifest, root).encode("utf-8")).digest()
    return jump_hash(int.from_bytes(digest[:8], "big"), count) + 1


def select(manifests: list[Path], root: Path, shard: tuple[int, int]) -> list[Path]:
    index, count = shard
    return [m for m in manifests if shard_of(m, root, count) == index]


def runs_store_rules(shard: tuple[int, int] | None) -> bool:
    return shard is None or shard[0] == STORE_SHARD
