"""One compliant bundle per product kind of issue 17, to break one fact at a time.

Each ``make_<kind>(builder)`` fills a BundleBuilder with a listing whose evidence is complete at
``builder.AS_OF`` (2026-11-25): no CMP001/CMP003/CMP008 finding. Tests change one thing and
expect one finding (or none, for a near miss).
"""

import copy

from pdf_writer import certificate_pdf

EU_UK_REPS = [
    {"market": "EU", "name": "Example EU Rep B.V.", "address": "Voorbeeldstraat 10, Amsterdam", "email": "eu@example.com"},
    {"market": "UK", "name": "Example UK Rep Ltd", "address": "1 Example Street, London", "email": "uk@example.com"},
]
PROP65 = (
    "<p>WARNING: This product can expose you to chemicals including lead, which is known to the State of "
    "California to cause cancer. For more information go to www.P65Warnings.ca.gov.</p>"
)


def _sku(model, markets=None, **extra):
    sku = {"id": model, "model": model, "price": {"amount": "24.90", "currency": "USD"}, **extra}
    if markets:
        sku["markets"] = markets
    return sku


def _fill(b, *, groups, markets, skus, certs, page="<p>A product.</p>", **extra):
    b.data.update(
        {
            "category": "home-garden",
            "product_groups": groups,
            "markets": markets,
            "placed_on_market": "2026-03-01",
            "skus": skus,
            "certificates": copy.deepcopy(certs),
            "responsible_person": copy.deepcopy(EU_UK_REPS),
            **extra,
        }
    )
    b.page("en", f"<!doctype html><html lang=en><body>{page}</body></html>")
    for cert in b.data["certificates"]:
        b.file(cert["file"], certificate_pdf(cert))
    return b


def make_toy(b):
    """A battery-free electric toy car (mains adaptor sold apart) for the EU, UK and US."""
    return _fill(
        b,
        groups=["electric-toy"],
        markets=["EU", "UK", "US"],
        skus=[_sku("T1-EU", ["EU", "UK"]), _sku("T1-US", ["US"])],
        certs=[
            {
                "scheme": "CE", "legislation": ["TSD", "EMC", "RoHS"],
                "standards": ["EN 71-1:2014+A1:2018", "EN 71-2:2020", "EN 71-3:2019+A1:2021",
                              "EN IEC 62115:2020+A11:2020", "EN IEC 63000:2018"],
                "issued": "2026-01-10", "models": ["T1-EU"], "file": "certs/ce.pdf",
            },
            {
                "scheme": "CPC", "standards": ["ASTM F963-23", "16 CFR 1250"],
                "issued": "2026-01-12", "models": ["T1-US"], "file": "certs/cpc.pdf",
            },
        ],
    )


MAINS_CE = {
    "scheme": "CE", "legislation": ["LVD", "EMC", "RoHS"],
    "standards": ["EN 62368-1:2014+A11:2017", "EN 55032:2015+A11:2020", "EN 55035:2017+A11:2020", "EN IEC 63000:2018"],
    "issued": "2026-01-10", "file": "certs/ce.pdf",
}


def make_plug_in(b):
    """A plug-in night light with a type C plug for the EU and a BS 1363 plug for the UK."""
    return _fill(
        b,
        groups=["mains-powered", "mains-plug"],
        markets=["EU", "UK"],
        skus=[_sku("N1-EU", ["EU"], plug_type="C"), _sku("N1-UK", ["UK"], plug_type="G")],
        certs=[{**MAINS_CE, "models": ["N1-EU", "N1-UK"]}],
    )


def make_battery(b):
    """A rechargeable bike light with a user-replaceable Li-ion cell, for the EU."""
    return _fill(
        b,
        groups=["battery"],
        markets=["EU"],
        skus=[_sku("B1")],
        certs=[{
            "scheme": "CE", "legislation": ["EMC", "RoHS", "BATT"],
            "standards": ["EN 55032:2015+A11:2020", "EN 55035:2017+A11:2020", "EN IEC 63000:2018"],
            "issued": "2026-01-10", "models": ["B1"], "file": "certs/ce.pdf",
        }],
        battery={"category": "portable", "chemistry": "Li-ion", "capacity_wh": 7.4, "removable": True, "collection_symbol": True},
    )


def make_lamp(b):
    """A mains LED bulb (E27) for the EU, with its energy class on the page."""
    return _fill(
        b,
        groups=["light-source", "mains-powered"],
        markets=["EU"],
        skus=[_sku("L1")],
        certs=[{
            "scheme": "CE", "legislation": ["LVD", "EMC", "RoHS", "ECODESIGN"],
            "standards": ["EN 62560:2012", "EN 62471:2008", "EN 62493:2015", "EN IEC 55015:2019+A11:2020", "EN IEC 63000:2018"],
            "issued": "2026-01-10", "models": ["L1"], "file": "certs/ce.pdf",
        }],
        page="<h2>Specifications</h2><p>Energy class: F (EPREL 123456)</p>",
    )


def make_appliance(b):
    """An electric kettle with a microcontroller, for the EU and US."""
    return _fill(
        b,
        groups=["household-appliance", "mains-powered"],
        markets=["EU", "US"],
        skus=[_sku("K1-EU", ["EU"]), _sku("K1-US", ["US"])],
        certs=[
            {
                "scheme": "CE", "legislation": ["LVD", "EMC", "RoHS"],
                "standards": ["EN IEC 60335-1:2023", "EN 60335-2-15:2016", "EN 62233:2008",
                              "EN IEC 55014-1:2021", "EN IEC 55014-2:2021", "EN IEC 63000:2018"],
                "issued": "2026-01-10", "models": ["K1-EU"], "file": "certs/ce.pdf",
            },
            {
                "scheme": "FCC", "legislation": ["15B"], "standards": ["ANSI C63.4-2014"],
                "issued": "2026-01-12", "models": ["K1-US"], "file": "certs/fcc.pdf",
            },
        ],
    )


def make_qi_charger(b):
    """A USB-powered Qi charging pad for the EU and US."""
    return _fill(
        b,
        groups=["wireless-charger"],
        markets=["EU", "US"],
        skus=[_sku("Q1-EU", ["EU"]), _sku("Q1-US", ["US"])],
        certs=[
            {
                "scheme": "CE", "legislation": ["RED", "RoHS"],
                "standards": ["EN 62368-1:2014+A11:2017", "ETSI EN 303 417 V1.1.1", "EN IEC 63000:2018"],
                "issued": "2026-01-10", "models": ["Q1-EU"], "file": "certs/ce.pdf",
            },
            {
                "scheme": "FCC", "legislation": ["18"], "standards": ["47 CFR Part 18"],
                "issued": "2026-01-12", "models": ["Q1-US"], "fcc_id": "2ABCD-QI1", "file": "certs/fcc.pdf",
            },
        ],
    )


def make_power_supply(b):
    """A 12 V wall adapter for the EU and US."""
    return _fill(
        b,
        groups=["external-power-supply"],
        markets=["EU", "US"],
        skus=[_sku("P1-EU", ["EU"]), _sku("P1-US", ["US"])],
        certs=[
            {**MAINS_CE, "legislation": ["LVD", "EMC", "RoHS", "ECODESIGN"], "models": ["P1-EU"]},
            {"scheme": "FCC", "legislation": ["15B"], "standards": ["ANSI C63.4-2014"],
             "issued": "2026-01-12", "models": ["P1-US"], "file": "certs/fcc.pdf"},
            {"scheme": "DOE", "standards": ["10 CFR 430.32(w)"], "issued": "2026-01-15", "models": ["P1-US"], "file": "certs/doe.pdf"},
        ],
    )


def make_h7_bulb(b):
    """An H7 LED replacement headlamp bulb for the EU and US."""
    return _fill(
        b,
        groups=["vehicle-lighting"],
        markets=["EU", "US"],
        skus=[_sku("H7-EU", ["EU"]), _sku("H7-US", ["US"])],
        certs=[{
            "scheme": "E-mark", "standards": ["UN R37", "UN R10"], "number": "E4 37R-06 1234",
            "issued": "2026-01-10", "models": ["H7-EU"], "file": "certs/emark.pdf",
        }],
        page="<p>DOT compliant: meets FMVSS 108.</p>",
        category="auto-moto-parts",
    )


def make_garment(b):
    """A cotton T-shirt for the EU, UK and US."""
    return _fill(
        b,
        groups=["textile"],
        markets=["EU", "UK", "US"],
        skus=[_sku("S1")],
        certs=[],
        fibre_composition=[{"fibre": "cotton", "percent": 95}, {"fibre": "elastane", "percent": 5}],
    )


def make_prop65(b):
    """A garden hose with lead in its brass fittings, sold in the US with the Prop 65 warning."""
    return _fill(b, groups=["prop65"], markets=["US"], skus=[_sku("G1")], certs=[], page=PROP65)


def make_cable(b):
    """A 60 W USB-C to USB-C cable, 1 m, with no electronics of its own, for the EU, UK and US (session 17)."""
    return _fill(
        b,
        groups=["passive-cable"],
        markets=["EU", "UK", "US"],
        skus=[_sku("C60-1M")],
        certs=[{
            "scheme": "CE", "legislation": ["RoHS"], "standards": ["EN IEC 63000:2018"],
            "issued": "2026-01-10", "models": ["C60-1M"], "file": "certs/ce.pdf",
        }],
        category="consumer-electronics-accessories",
    )


def make_qi_earbuds(b):
    """Bluetooth earbuds whose case charges on a Qi pad, for the EU, UK and US (session 17)."""
    return _fill(
        b,
        groups=["radio", "wearable", "personal-data", "wireless-charging-receiver"],
        markets=["EU", "UK", "US"],
        skus=[_sku("A7-EU", ["EU", "UK"]), _sku("A7-US", ["US"])],
        certs=[
            {
                "scheme": "CE", "legislation": ["RED", "RED-DA", "RoHS", "BATT"],
                "standards": ["EN 62368-1:2014+A11:2017", "ETSI EN 300 328 V2.2.2", "ETSI EN 301 489-17 V3.3.1",
                              "ETSI EN 303 417 V1.1.1", "EN 18031-2:2024", "EN IEC 63000:2018"],
                "issued": "2026-01-10", "models": ["A7-EU"], "file": "certs/ce.pdf",
            },
            {
                "scheme": "FCC", "legislation": ["15C"], "standards": ["ANSI C63.10-2020"],
                "issued": "2026-01-12", "models": ["A7-US"], "fcc_id": "2ABCD-A7", "file": "certs/fcc.pdf",
            },
            {"scheme": "PSTI", "legislation": ["PSTI"], "issued": "2026-01-15", "models": ["A7-EU"], "file": "certs/psti.pdf"},
        ],
        category="consumer-electronics-accessories",
        battery={"category": "portable", "chemistry": "Li-ion", "capacity_wh": 1.85, "removable": False, "collection_symbol": True},
    )


def make_sunglasses(b):
    """Category 3 sunglasses (PPE category I) for the EU and UK (session 17)."""
    return _fill(
        b,
        groups=["ppe"],
        markets=["EU", "UK"],
        skus=[_sku("SG3")],
        certs=[{
            "scheme": "CE", "legislation": ["PPE"], "standards": ["EN ISO 12312-1:2013+A1:2015"],
            "issued": "2026-01-10", "models": ["SG3"], "file": "certs/ce.pdf",
        }],
        category="other",
    )



def make_water_bottle(b):
    """An insulated steel bottle with a polypropylene lid for the EU, UK and US (session 17, round 7): no CE,
    a supplier's declaration of compliance for the lid (Regulation (EU) No 10/2011; 21 CFR 177.1520)."""
    return _fill(
        b,
        groups=["food-contact-plastic"],
        markets=["EU", "UK", "US"],
        skus=[_sku("WB500")],
        certs=[{
            "scheme": "FCM", "standards": ["EN 1186-1:2002", "EN 13130-1:2004", "21 CFR 177.1520"],
            "issued": "2026-01-10", "models": ["WB500"], "file": "certs/doc.pdf",
        }],
        category="home-garden",
    )


def _us_cpc(b, groups, model, standards):
    return _fill(
        b, groups=groups, markets=["US"], skus=[_sku(model)],
        certs=[{"scheme": "CPC", "standards": standards, "issued": "2026-01-12", "models": [model], "file": "certs/cpc.pdf"}],
        category="other",
    )


def make_kids_helmet(b):
    """A children's bicycle helmet for the US with its CPC (session 17, round 7)."""
    return _us_cpc(b, ["bicycle-helmet", "childrens-product"], "KH2", ["16 CFR 1203", "CPSIA Section 101 Total Lead Content"])


def make_pacifier(b):
    """A silicone pacifier for the US with its CPC (session 17, round 7)."""
    return _us_cpc(b, ["pacifier"], "PC1", ["16 CFR 1511", "CPSIA Section 101 Total Lead Content"])


KINDS = {
    "toy": make_toy, "plug-in": make_plug_in, "battery": make_battery, "lamp": make_lamp,
    "appliance": make_appliance, "qi-charger": make_qi_charger, "power-supply": make_power_supply,
    "h7-bulb": make_h7_bulb, "garment": make_garment, "prop65": make_prop65,
    "cable": make_cable, "qi-earbuds": make_qi_earbuds, "sunglasses": make_sunglasses,
    "water-bottle": make_water_bottle, "kids-helmet": make_kids_helmet, "pacifier": make_pacifier,
}
