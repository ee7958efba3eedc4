from datetime import date

from builder import findings, lint
from helpers_cmp import line_after, manifest

from listing_lint.rules.compliance._common import names_kind


def _no_psti(plug):
    plug.data["certificates"] = [c for c in plug.data["certificates"] if c["scheme"] != "PSTI"]


def test_connectable_product_in_the_uk_without_psti_statement(plug, tmp_path):
    _no_psti(plug)
    plug.write()
    assert lint(tmp_path, select="CMP012") == [(manifest(plug), line_after(plug, '"markets"', '"UK"'), "CMP012")]
    (f,) = findings(tmp_path, select="CMP012")
    assert "2024-04-29" in f.message and str(f.severity) == "error"


def test_near_miss_before_the_psti_regime(plug, tmp_path):
    _no_psti(plug)
    plug.write()
    assert lint(tmp_path, select="CMP012", as_of=date(2024, 4, 28)) == []


def test_network_connectable_radio_without_internet_warns(plug, tmp_path):
    _no_psti(plug)
    plug.data["product_groups"] = ["radio", "wearable"]  # Bluetooth earbuds paired with a phone
    plug.write()
    assert lint(tmp_path, select="CMP012") == [(manifest(plug), line_after(plug, '"markets"', '"UK"'), "CMP012")]
    (f,) = findings(tmp_path, select="CMP012")
    assert str(f.severity) == "warning"
    assert f.message.startswith("no PSTI statement of compliance for this radio product in the UK: PSTI Act 2022 s. 4-5")


def test_near_miss_product_that_connects_to_nothing(plug, tmp_path):
    _no_psti(plug)
    plug.data["product_groups"] = ["mains-powered"]
    plug.write()
    assert lint(tmp_path, select="CMP012") == []


def test_near_miss_wireless_charger_is_not_judged(plug, tmp_path):
    _no_psti(plug)
    plug.data["product_groups"] = ["radio", "wireless-charger", "mains-powered"]
    plug.write()
    assert lint(tmp_path, select="CMP012") == []


def test_near_miss_receive_only_radio_sends_no_data(plug, tmp_path):
    # a radio-controlled wall clock takes the DCF77/MSF time signal and transmits nothing: it cannot send
    # data, so it is no network-connectable product (PSTI Act 2022 s. 5); it was warned as one
    _no_psti(plug)
    plug.data["product_groups"] = ["radio-receiver"]
    plug.write()
    assert lint(tmp_path, select=["SCH009", "CMP012"]) == []  # a group the seller can now name


def test_a_receiver_that_is_internet_connected_still_needs_the_statement(plug, tmp_path):
    _no_psti(plug)
    plug.data["product_groups"] = ["receive-only", "internet-connected"]  # an internet radio
    plug.write()
    assert lint(tmp_path, select="CMP012") == [(manifest(plug), line_after(plug, '"markets"', '"UK"'), "CMP012")]
    (f,) = findings(tmp_path, select="CMP012")
    assert str(f.severity) == "error"


def test_near_miss_a_toy_paired_only_with_its_own_remote(plug, tmp_path):
    # an RC car and its 2.4 GHz transmitter connect to no internet-connectable product (PSTI Act 2022
    # s. 5(3)-(4)); it was warned with no group to say so
    _no_psti(plug)
    plug.data["product_groups"] = ["electric-toy", "radio-own-remote"]
    plug.write()
    assert lint(tmp_path, select=["SCH009", "CMP012"]) == []


def test_a_toy_a_phone_app_controls_still_warns(plug, tmp_path):
    _no_psti(plug)
    plug.data["product_groups"] = ["electric-toy", "bluetooth"]  # driven from a phone app
    plug.write()
    assert lint(tmp_path, select="CMP012") == [(manifest(plug), line_after(plug, '"markets"', '"UK"'), "CMP012")]
    plug.data["product_groups"] = ["electric-toy", "radio-own-remote", "internet-connected"]
    plug.write()
    (f,) = findings(tmp_path, select="CMP012")
    assert str(f.severity) == "error"


def test_a_misspelt_certificates_list_is_the_schema_finding_alone(plug, tmp_path):
    plug.data["certificate"] = plug.data.pop("certificates")
    plug.write()
    assert lint(tmp_path, select=["CMP", "SCH002"]) == [(manifest(plug), plug.line_of('"certificate"'), "SCH002")]


def test_a_psti_scheme_in_lower_case_is_the_schema_finding_alone(plug, tmp_path):
    for cert in plug.data["certificates"]:
        if cert["scheme"] == "PSTI":
            cert["scheme"] = "psti"
            cert.pop("legislation", None)
    plug.write()
    assert lint(tmp_path, select=["CMP012", "SCH002"]) == [(manifest(plug), plug.line_of('"psti"'), "SCH002")]


def test_the_radio_warning_names_the_group_for_a_product_paired_only_with_its_own(plug, tmp_path):
    """Session 16 audit: a kids' PMR446 walkie-talkie pair was warned with no way to say it talks only to
    its own handsets; the warning names `radio-own-remote`, and the group silences it."""
    _no_psti(plug)
    plug.data["product_groups"] = ["radio", "electric-toy"]
    plug.write()
    (f,) = findings(tmp_path, select="CMP012")
    assert "(a pair of walkie-talkies, an RC car)" in f.message and "mark it `radio-own-remote`" in f.message
    plug.data["product_groups"] = ["radio-own-remote", "electric-toy"]
    plug.write()
    assert lint(tmp_path, select="CMP012") == []


def test_earbuds_charged_on_a_qi_pad_are_not_a_charger(plug, tmp_path):
    """Session 17 audit: earbuds whose case charges on a Qi pad could only be tagged with the charger's
    group (`qi`, `wireless-charging`), which PSTI does not judge; `wireless-charging-receiver` keeps them
    network-connectable (Bluetooth to a phone), and a charging pad stays silent."""
    _no_psti(plug)
    plug.data["product_groups"] = ["radio", "wearable", "wireless-charging-receiver"]
    plug.write()
    assert lint(tmp_path, select=["SCH009", "CMP012"]) == [(manifest(plug), line_after(plug, '"markets"', '"UK"'), "CMP012")]
    (f,) = findings(tmp_path, select="CMP012")
    assert str(f.severity) == "warning"
    plug.data["product_groups"] = ["wireless-charger", "mains-powered"]
    plug.write()
    assert lint(tmp_path, select=["SCH009", "CMP012"]) == []


def test_worn_product_tagged_as_a_qi_charger_is_judged_and_told_the_receiver_group(plug, tmp_path):
    """Session 17 round 7: earbuds tagged `qi` (the pad's alias) escaped the network-connectable check
    silently; a worn product is no charging pad, so it is warned and pointed to the receiver group."""
    _no_psti(plug)
    plug.data["product_groups"] = ["qi", "wearable"]
    plug.write()
    assert lint(tmp_path, select=["SCH009", "CMP012"]) == [(manifest(plug), line_after(plug, '"markets"', '"UK"'), "CMP012")]
    (f,) = findings(tmp_path, select="CMP012")
    assert str(f.severity) == "warning" and "`wireless-charging-receiver`" in f.message
    assert f.message.startswith("no PSTI statement of compliance for this wearable+wireless-charger product in the UK")


def test_near_miss_a_qi_pad_or_a_worn_qi_product_with_its_statement_stays_silent(plug, tmp_path):
    _no_psti(plug)
    plug.data["product_groups"] = ["qi", "mains-powered"]  # the pad itself, not worn
    plug.write()
    assert lint(tmp_path, select=["SCH009", "CMP012"]) == []
    plug.data["product_groups"] = ["qi", "wearable", "radio-own-remote"]  # paired only with its own base
    plug.write()
    assert lint(tmp_path, select=["SCH009", "CMP012"]) == []
    plug.data["product_groups"] = ["qi", "wearable"]
    plug.data["certificates"].append(
        {"scheme": "PSTI", "legislation": ["PSTI"], "issued": "2026-01-15", "models": ["D1-EU"], "file": "certs/psti.pdf"})
    plug.file("certs/psti.pdf", b"%PDF-1.4 statement")
    plug.write()
    assert lint(tmp_path, select="CMP012") == []


# Session 18 (round 8): Qi earbuds tagged `qi` (the pad's alias) without `wearable` were never judged: the
# groups cannot tell them from the pad, the English title can (market_rules.yaml uk-psti-qi-earbuds).
QI_EARBUDS = [
    "Wireless Earbuds Bluetooth 5.3 Headphones with Qi Wireless Charging Case, IPX7",
    "TWS Bluetooth Earphones, 40H Playtime, Qi Wireless Charging",
    "Noise Cancelling Headphones, Over-Ear, Bluetooth 5.2, Qi Charging",
    "Gaming Headset with Wireless Charging, 2.4G and Bluetooth",
    "Sport Ear Buds with Earhooks, Wireless Charger Case, 48h",
    "Open-Ear Headphones, Bone Conduction, Qi Wireless Charging Case",
    "In-Ear Monitors Bluetooth, Qi Compatible Charging Box",
    "ANC Earbuds, Wireless Charging Case, App Control",
]
# pads, docks and stands named after what they charge or hold, parts and cases, and hearing aids (medical
# devices, excepted by the 2023 Regulations, Schedule 3)
NOT_QI_EARBUDS = [
    "Wireless Charger Pad 15W for Earbuds and Phones",
    "3 in 1 Wireless Charging Station for iPhone, Apple Watch, AirPods",
    "Headphone Stand with Wireless Charger, RGB",
    "Qi Wireless Charging Case Replacement for AirPods Pro",
    "Silicone Case Cover for Galaxy Buds, Qi Compatible, for Earbuds",
    "Earbuds Charging Case Replacement, Wireless Charging",
    "Rechargeable Hearing Aids with Qi Charging Case, In-Ear",
    "Magnetic Wireless Charging Dock for Headphones",
    "Power Bank 10000mAh with Wireless Charging for Earphones",
    "Earbud Tips Memory Foam, 3 Pairs",
    "Wireless Charging Pad Compatible with Sony Headphones",
    "Headphones Hanger Hook under Desk, Qi Charger",
]


def _qi_earbuds_rule():
    from listing_lint.standards.registry import load_registry

    return {rule.id: rule for rule in load_registry().rules_of("psti")}["uk-psti-qi-earbuds"]


def test_earbuds_tagged_qi_without_wearable_are_judged_by_their_title(plug, tmp_path):
    _no_psti(plug)
    plug.data["product_groups"] = ["bluetooth", "qi"]
    plug.data["title"]["en"] = QI_EARBUDS[0]
    plug.write()
    assert lint(tmp_path, select=["SCH009", "CMP012"]) == [(manifest(plug), line_after(plug, '"markets"', '"UK"'), "CMP012")]
    (f,) = findings(tmp_path, select="CMP012")
    assert str(f.severity) == "warning"
    assert "the title names wireless earbuds or headphones" in f.message and "`wireless-charging-receiver`" in f.message


def test_near_miss_a_qi_pad_titled_after_what_it_charges_stays_silent(plug, tmp_path):
    _no_psti(plug)
    plug.data["product_groups"] = ["wireless", "qi", "mains-powered"]
    plug.data["title"]["en"] = NOT_QI_EARBUDS[0]
    plug.write()
    assert lint(tmp_path, select=["SCH009", "CMP012"]) == []
    plug.data["title"]["en"] = QI_EARBUDS[0]  # earbuds with their statement
    plug.data["certificates"].append(
        {"scheme": "PSTI", "legislation": ["PSTI"], "issued": "2026-01-15", "models": ["X1-UK"], "file": "certs/psti.pdf"})
    plug.file("certs/psti.pdf", b"%PDF-1.4 statement")
    plug.write()
    assert lint(tmp_path, select="CMP012") == []


def test_earbuds_tagged_qi_and_wearable_are_one_finding(plug, tmp_path):
    _no_psti(plug)
    plug.data["product_groups"] = ["qi", "wearable"]
    plug.data["title"]["en"] = QI_EARBUDS[0]
    plug.write()
    (f,) = findings(tmp_path, select="CMP012")
    assert f.message.startswith("no PSTI statement of compliance for this wearable+wireless-charger product in the UK")


def test_the_earbuds_title_pattern_on_titles_as_sellers_write_them():
    rule = _qi_earbuds_rule()
    assert [t for t in QI_EARBUDS if not names_kind(rule, t)] == []
    assert [t for t in NOT_QI_EARBUDS if names_kind(rule, t)] == []
