"""SCH005 unsupported-version — ``schema_version`` is missing or not one this release reads.

What it checks: listing.json's ``schema_version`` is one of the bundle-format versions this
release of listing-lint reads (today: "1").
Why: a bundle written for a newer format may mean different things by the same fields; linting
it with old rules gives confident, wrong answers. Upgrade listing-lint instead. Such a bundle is
refused: no other rule runs on it (nor counts it among the store's bundles), so this is its only
finding.
Fails:
    listing.json /schema_version = "2"
Passes:
    listing.json /schema_version = "1"
"""

from listing_lint import SUPPORTED_SCHEMA_VERSIONS, __version__
from listing_lint.api import Severity

CODE, NAME, SEVERITY = "SCH005", "unsupported-version", Severity.ERROR
JUDGES_REFUSED = True  # the one rule that runs on a refused bundle (engine.lint_bundle)


def check(bundle, ctx):
    data = bundle.data
    if data is None or "schema_version" not in data:
        return  # SCH001 or SCH002 (required field) reports it
    version = data["schema_version"]
    if version not in SUPPORTED_SCHEMA_VERSIONS:
        readable = ", ".join(f'"{v}"' for v in SUPPORTED_SCHEMA_VERSIONS)
        yield ctx.finding(
            "/schema_version",
            f"schema_version {version!r} is not supported: listing-lint {__version__} reads {readable}; "
            "upgrade listing-lint or write the bundle in a supported version",
        )
