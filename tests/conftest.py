import os
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
# CLI runs use the on-disk cache by default: keep the tests' entries out of the user's cache folder
os.environ.setdefault("LISTING_LINT_CACHE_DIR", tempfile.mkdtemp(prefix="listing-lint-test-cache-"))

from builder import BundleBuilder  # noqa: E402


@pytest.fixture
def bundle(tmp_path):
    """A minimal valid bundle in ``tmp_path/listings/demo`` (call ``.write()`` after changing it)."""
    return BundleBuilder(tmp_path)
