import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from builder import BundleBuilder  # noqa: E402


@pytest.fixture
def bundle(tmp_path):
    """A minimal valid bundle in ``tmp_path/listings/demo`` (call ``.write()`` after changing it)."""
    return BundleBuilder(tmp_path)
