import os
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
# CLI runs use the on-disk cache by default: keep the tests' entries out of the user's cache folder
os.environ.setdefault("LISTING_LINT_CACHE_DIR", tempfile.mkdtemp(prefix="listing-lint-test-cache-"))


def _compile_first_pass_model() -> None:
    """Compile the language judge's first-pass model into the suite's cache folder once, as a
    user's first cached run does: the suite's hundreds of ``--no-cache`` CLI runs then map it
    instead of each decompressing it (0.5-1 s a run on a slow machine; CI took 13 of its 15 minutes).
    Tests of building and rebuilding it use folders of their own."""
    from listing_lint import memo
    from listing_lint.langid.py3langid import compact_model

    memo.configure(Path(os.environ["LISTING_LINT_CACHE_DIR"]))
    try:
        compact_model()
    finally:
        memo.configure(None)


_compile_first_pass_model()

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
