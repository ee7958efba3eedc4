"""listing-lint: a linter for cross-border marketplace listing bundles."""

__version__ = "0.1.0"

#: The bundle-format versions this release reads (``schema_version`` in listing.json).
SUPPORTED_SCHEMA_VERSIONS = ("1",)
