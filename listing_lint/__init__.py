"""listing-lint: a linter for cross-border marketplace listing bundles."""

import os as _os

__version__ = "0.1.0"

#: The bundle-format versions this release reads (``schema_version`` in listing.json).
SUPPORTED_SCHEMA_VERSIONS = ("1",)

# numpy's OpenBLAS splits a matrix product over its size threshold (the perceptual hash's, a batch of
# language scores) across one thread per core, and those threads spin while they wait: in a run
# that already lints in one worker per core they doubled the run's CPU time (issue 18, session 12).
# Read when numpy is first imported, so set here, before any module imports it; a user's own
# setting is kept.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    _os.environ.setdefault(_variable, "1")
del _variable
