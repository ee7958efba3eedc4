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


@pytest.fixture(autouse=True)
def _fresh_memo():
    """Content-keyed answers are kept per process (listing_lint.memo); a test that changes how an answer
    is computed (a lowered bomb limit, a patched probe) must not get another test's answer."""
    from listing_lint import memo

    memo.clear_memory()
    yield
    memo.configure(None)
