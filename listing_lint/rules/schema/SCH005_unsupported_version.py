"""SCH005 unsupported-version — ``schema_version`` is missing or not one this release reads.

What it checks: listing.json's ``schema_version`` is one of the bundle-format versions this
release of listing-lint reads (today: "1"), written as a string. A version written as a number
(``1``) is asked to be quoted; a value that is no version (``null``, ``true``) is asked to be one.
Neither is refused: such a bundle is linted like one without a version.
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
    from listing_lint.bundle.model import declared_version
    from listing_lint.schema.messages import show

    data = bundle.data
    if data is None or "schema_version" not in data:
        return  # SCH001 or SCH002 (required field) reports it
    version = data["schema_version"]
    if version in SUPPORTED_SCHEMA_VERSIONS:
        return
    readable = ", ".join(f'"{v}"' for v in SUPPORTED_SCHEMA_VERSIONS)
    declared = declared_version(version)
    if declared is None:  # null, true, a list: no version at all; linted as version 1, like a missing one
        message = f"schema_version is {show(version)}, not a version: write \"schema_version\": {readable}"
    elif declared in SUPPORTED_SCHEMA_VERSIONS:  # 1 for "1": the version meant, in the wrong type
        message = f"schema_version must be a string: write \"{declared}\" in double quotes, not {show(version)}"
    else:
        message = (
            f"schema_version {show(version)} is not supported: listing-lint {__version__} reads {readable}; "
            "upgrade listing-lint or write the bundle in a supported version"
        )
    yield ctx.finding("/schema_version", message)
