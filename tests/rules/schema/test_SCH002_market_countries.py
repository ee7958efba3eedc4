"""A country's code where listing.json wants a market region (session 15, docs/decisions.md): the
message names the region the country is in (``data/market_countries.yaml``), not the nearest
spelling ("ES" was told "did you mean 'US'?", which would list the product in the wrong market)."""

import pytest
from builder import BundleBuilder, findings

MANIFEST = "listings/demo/listing.json"


@pytest.mark.parametrize("country, region", [("ES", "EU"), ("fr", "EU"), ("DEU", "EU"), ("EL", "EU"), ("GB", "UK"), ("USA", "US")])
def test_a_country_code_in_markets_is_told_its_region(tmp_path, country, region):
    b = BundleBuilder(tmp_path)
    b.data["markets"] = [country]
    b.write()
    found = findings(tmp_path, select="SCH002")
    assert [(f.path, f.line) for f in found] == [(MANIFEST, b.line_of(f'"{country}"'))], [f.message for f in found]
    assert found[0].message.endswith(f'got "{country}"; "{country}" is a country of the {region} market: write {region!r}')


@pytest.mark.parametrize("value, tail", [
    ("CH", 'got "CH"'),  # Switzerland is in no market listing.json has: no region, no guess
    ("eu", "got \"eu\"; did you mean 'EU'?"),  # the region in lower case stays a case fix
    ("USS", "got \"USS\"; did you mean 'US'?"),  # a misspelt region keeps its nearest spelling
])
def test_near_miss_other_values_keep_their_message(tmp_path, value, tail):
    b = BundleBuilder(tmp_path)
    b.data["markets"] = [value]
    b.write()
    found = findings(tmp_path, select="SCH002")
    assert len(found) == 1 and found[0].message.endswith(tail), [f.message for f in found]
