"""CMP001: a US children's product other than a toy needs a Children's Product Certificate (session 14).

CPSA s. 14(a)(2) (CPSIA s. 102) and 16 CFR part 1110: a product designed or intended primarily for
children 12 or younger (16 CFR 1200.2) is certified in a CPC from third-party tests. `childrens-product`
says so (error); `childcare` alone may be a carer's device (a baby monitor), so it only informs.
Both ways: adult products and non-US markets stay silent."""

from builder import findings, lint
from helpers_cmp import line_after, manifest
from product_kinds import _fill, _sku

CPC = {"scheme": "CPC", "standards": ["16 CFR 1227", "CPSIA Section 101 (lead content)", "16 CFR 1303"],
       "issued": "2026-02-02", "models": ["S1-US"], "file": "certs/cpc.pdf"}


def make_stroller(b, groups=("childrens-product",), markets=("EU", "US"), certs=(CPC,)):
    """A baby stroller (a durable infant product, 16 CFR 1227): no electricity, so the US asks only the CPC."""
    skus = [_sku("S1-EU", ["EU"]), _sku("S1-US", ["US"])]
    skus = [s for s in skus if set(s["markets"]) & set(markets)]
    return _fill(b, groups=list(groups), markets=list(markets), skus=skus, certs=list(certs))


def test_us_stroller_without_a_cpc_is_an_error(bundle, tmp_path):
    make_stroller(bundle, certs=()).write()
    assert lint(tmp_path, select="CMP001") == [(manifest(bundle), line_after(bundle, '"markets"', '"US"'), "CMP001")]
    (f,) = findings(tmp_path, select="CMP001")
    assert "Children's Product Certificate (CPC)" in f.message and "16 CFR part 1110" in f.message
    assert str(f.severity) == "error" and "part-1110" in f.source


def test_near_miss_us_stroller_with_its_cpc(bundle, tmp_path):
    make_stroller(bundle).write()
    assert lint(tmp_path, select="CMP001") == []


def test_near_miss_the_same_stroller_sold_only_in_the_eu(bundle, tmp_path):
    make_stroller(bundle, markets=("EU",), certs=()).write()
    assert lint(tmp_path, select="CMP001") == []


def test_near_miss_an_adult_product_needs_no_cpc(bundle, tmp_path):
    # a folding shopping trolley: no group, no CPC asked, in the US or anywhere
    make_stroller(bundle, groups=(), certs=()).write()
    assert lint(tmp_path, select="CMP001") == []


def test_a_childcare_product_without_a_cpc_informs(bundle, tmp_path):
    # a baby bottle tagged only `childcare`: whether children use it is not in the group
    make_stroller(bundle, groups=("childcare",), certs=()).write()
    assert lint(tmp_path, select="CMP001") == [(manifest(bundle), line_after(bundle, '"markets"', '"US"'), "CMP001")]
    (f,) = findings(tmp_path, select="CMP001")
    assert str(f.severity) == "info" and "baby monitor" in f.message


def test_childcare_and_childrens_product_is_one_error(bundle, tmp_path):
    make_stroller(bundle, groups=("childcare", "childrens-product"), certs=()).write()
    (f,) = findings(tmp_path, select="CMP001")
    assert str(f.severity) == "error"


def test_an_alias_reads_as_the_group(bundle, tmp_path):
    make_stroller(bundle, groups=("durable-infant-product",), certs=()).write()
    assert lint(tmp_path, select=["CMP001", "SCH009"]) == [(manifest(bundle), line_after(bundle, '"markets"', '"US"'), "CMP001")]
