import pytest
from builder import findings, lint
from helpers_cmp import line_after, manifest


def test_grantee_code_with_a_one(plug, tmp_path):
    plug.data["certificates"][1]["fcc_id"] = "2A1BQ-SPX1"
    plug.write()
    assert lint(tmp_path, select="CMP007") == [(manifest(plug), line_after(plug, '"certificates"', '"fcc_id"'), "CMP007")]
    (f,) = findings(tmp_path, select="CMP007")
    assert "grantee code 2A1BQ contains 0 or 1" in f.message


@pytest.mark.parametrize("fcc_id", ["2ABCD-SPX1", "FCC ID: 2ABCDSPX1", "a3lsmx1", "Contains FCC ID: BCG-E2430A", "2ABCD SPX1"])
def test_near_miss_valid_ids(plug, tmp_path, fcc_id):
    plug.data["certificates"][1]["fcc_id"] = fcc_id
    plug.write()
    assert lint(tmp_path, select="CMP007") == []


@pytest.mark.parametrize("fcc_id,why", [("1ABCD-X", "never starts with 0 or 1"), ("2ABCD", "product code"),
                                         ("ABCDEFGHIJKLMNOPQR", "14"), ("2ABCD_X", "only A-Z")])
def test_malformed_ids_say_why(plug, tmp_path, fcc_id, why):
    plug.data["certificates"][1]["fcc_id"] = fcc_id
    plug.write()
    (f,) = findings(tmp_path, select="CMP007")
    assert why in f.message


def test_radio_product_for_the_us_without_an_fcc_id(plug, tmp_path):
    del plug.data["certificates"][1]["fcc_id"]
    plug.write()
    assert lint(tmp_path, select="CMP007") == [(manifest(plug), plug.line_of('"scheme": "FCC"'), "CMP007")]


def _receiver_with_an_sdoc(plug, groups):
    """The US SKU under a Part 15 Subpart B SDoC: FCC evidence without an FCC ID."""
    plug.data["product_groups"] = groups
    fcc = plug.data["certificates"][1]
    del fcc["fcc_id"]
    fcc["legislation"], fcc["standards"] = ["15B"], ["ANSI C63.4-2014"]


def test_near_miss_receive_only_radio_under_an_sdoc(plug, tmp_path):
    # an FM radio or a radio-controlled clock transmits nothing: an unintentional radiator under Part 15
    # Subpart B, whose SDoC carries no FCC ID; it was an error ("needs FCC certification ... FCC ID")
    _receiver_with_an_sdoc(plug, ["radio-receiver", "mains-powered"])
    plug.write()
    assert lint(tmp_path, select=["SCH009", "CMP001", "CMP007"]) == []  # a group the seller can now name


def test_a_transmitting_radio_under_an_sdoc_still_needs_its_fcc_id(plug, tmp_path):
    _receiver_with_an_sdoc(plug, ["radio", "mains-powered"])  # Bluetooth: an intentional radiator
    plug.write()
    assert lint(tmp_path, select="CMP007") == [(manifest(plug), plug.line_of('"scheme": "FCC"'), "CMP007")]


def test_a_receiver_for_the_us_without_any_fcc_evidence(plug, tmp_path):
    plug.data["product_groups"] = ["radio-receiver"]
    plug.data["certificates"] = [c for c in plug.data["certificates"] if c["scheme"] != "FCC"]
    plug.write()
    assert lint(tmp_path, select=["CMP001", "CMP007"]) == [(manifest(plug), line_after(plug, '"markets"', '"US"'), "CMP001")]
    (f,) = findings(tmp_path, select="CMP001")
    assert "Part 15 Subpart B" in f.message and str(f.severity) == "error"


def test_near_miss_a_wired_internet_connected_product_under_an_sdoc(plug, tmp_path):
    # an Ethernet hub talks to the internet over a cable: FCC evidence (an SDoC) but no radio, so no FCC ID
    _receiver_with_an_sdoc(plug, ["internet-connected", "mains-powered"])
    plug.write()
    assert lint(tmp_path, select="CMP007") == []


def _wireless_charger_under(plug, part):
    plug.data["product_groups"] = ["wireless-charger", "mains-powered"]
    fcc = plug.data["certificates"][1]
    del fcc["fcc_id"]
    fcc["legislation"] = [part]


def test_near_miss_a_wireless_charger_under_a_part_18_sdoc(plug, tmp_path):
    # consumer ISM equipment under Part 18 may be authorised by an SDoC, which has no FCC ID (KDB 680106)
    _wireless_charger_under(plug, "18")
    plug.write()
    assert lint(tmp_path, select="CMP007") == []


def test_a_wireless_charger_under_part_15c_still_needs_its_fcc_id(plug, tmp_path):
    _wireless_charger_under(plug, "15C")
    plug.write()
    assert lint(tmp_path, select="CMP007") == [(manifest(plug), plug.line_of('"scheme": "FCC"'), "CMP007")]
