"""What the real-text gate tests share (tests/test_langid_realtext.py and its held-out, third,
fourth and fifth twins): a fixed-seed sample of a corpus linted through the real CLI by
bench/langid_realtext.py (40 wrong blocks per page, language and band; 120 correct blocks per page
and band), and a cell's rate."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
sys.path.insert(0, str(ROOT / "bench"))

import langid_realtext as bench  # noqa: E402


def sample_cells(corpus: Path | None = None) -> dict:
    """The measurement's cells for ``corpus`` (the tuning corpus by default)."""
    return bench.measure(per_cell=40, jobs=2, **({"corpus": corpus} if corpus else {}))["cells"]


def rate(cell) -> float:
    hits, n = cell
    assert n > 0
    return 100 * hits / n
