"""A finding's anchor (what a baseline knows it by) is digested once per block, not once per
finding: 20,000 LOC009 findings in one 1 MB paragraph each hashed the whole paragraph (8 of a
run's 15 s, session 11's hostile check)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "rules" / "localization"))

from builder import BundleBuilder, run_lint  # noqa: E402
from loc_pages import FR, full  # noqa: E402

from listing_lint import api  # noqa: E402


def test_many_findings_in_one_block_share_one_digest(tmp_path):
    paragraph = "<p>" + "".join(f"Prix\u00a0: {n}.{n % 1000:03d} $US. " for n in range(1, 2001)) + "</p>"
    full(BundleBuilder(tmp_path), fr=FR.replace("<p>Prix\u00a0: 39,90\u00a0€</p>", paragraph)).write()
    api._digest.cache_clear()
    result = run_lint(tmp_path, select="LOC009", jobs=1, max_findings_per_rule=0)
    assert len([f for f in result.findings if f.code == "LOC009"]) == 2000
    assert len({f.anchor for f in result.findings}) == 1
    assert api._digest.cache_info().misses <= 2  # the paragraph once (and the LOC009 pass is one rule)
