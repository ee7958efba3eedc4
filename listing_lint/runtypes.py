"""The run's value types: what a run is asked (``Settings``) and what it answers (``BundleResult``, ``RunResult``).

They sit below the engine, the cache, suppression and the workers, so that each of those imports
them one way: the engine is the only thing that runs; the cache only stores these values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from listing_lint import registry
from listing_lint.config import Config
from listing_lint.finding import Finding, Severity
from listing_lint.thresholds import Threshold, thresholds_for

if TYPE_CHECKING:
    from listing_lint.api import Rule
    from listing_lint.bundle.model import Bundle


@dataclass
class Settings:
    """Everything a worker needs to lint one bundle; plain and picklable."""

    config: Config
    cwd: Path
    root: Path
    as_of: date | None = None  # --as-of; None: each bundle's placed_on_market, else today
    today: date = field(default_factory=date.today)
    codes: tuple[str, ...] = ()  # the selected rule codes
    shard: tuple[int, int] | None = None  # --shard K/N: lint only that slice (see shard.py)

    @property
    def thresholds(self) -> dict[str, Threshold]:
        return thresholds_for(self.config.get("marketplace"), self.config.get("thresholds"))

    def rules(self) -> list[Rule]:
        table = registry.by_code()
        return [table[c] for c in self.codes]

    def as_of_for(self, bundle: Bundle | None) -> date:
        if self.as_of is not None:
            return self.as_of
        placed = bundle.placed_on_market if bundle is not None else None
        return placed or self.today


@dataclass
class BundleResult:
    manifest: str  # display path of the manifest
    bundle_id: str
    findings: list[Finding]
    files: int


@dataclass
class RunResult:
    findings: list[Finding]
    bundles: list[BundleResult]
    as_of: date
    elapsed: float
    settings: Settings
    extra: dict = field(default_factory=dict)  # reporters' and integrations' additions

    @property
    def files(self) -> int:
        return sum(b.files for b in self.bundles)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)
