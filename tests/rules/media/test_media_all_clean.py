"""The bundle every MED test starts from passes every MED rule: near misses mean something."""

from builder import lint
from media_factory import premium


def test_premium_bundle_is_clean(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    bundle.write()
    assert lint(tmp_path, select="MED") == []
