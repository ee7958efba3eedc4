"""Compliant bundles to break one fact at a time (each test changes one thing and expects one finding)."""

import copy

import pytest
from pdf_writer import certificate_pdf

PLUG_CERTS = [
    {
        "scheme": "CE",
        "legislation": ["RED", "RED-DA", "RoHS"],
        "standards": ["EN 62368-1:2014+A11:2017", "ETSI EN 300 328 V2.2.2", "ETSI EN 301 489-17 V3.3.1",
                      "EN 18031-1:2024", "EN IEC 63000:2018"],
        "issued": "2026-01-20",
        "models": ["X1-EU", "X1-UK"],
        "file": "certs/ce.pdf",
    },
    {
        "scheme": "FCC",
        "legislation": ["15B", "15C"],
        "standards": ["ANSI C63.10-2020", "ANSI C63.4-2014", "47 CFR Part 15 Subpart C"],
        "issued": "2026-01-28",
        "models": ["X1-US"],
        "fcc_id": "2ABCD-SPX1",
        "file": "certs/fcc.pdf",
    },
    {"scheme": "PSTI", "legislation": ["PSTI"], "issued": "2026-01-15", "models": ["X1-UK"], "file": "certs/psti.pdf"},
]
RESPONSIBLE = [
    {"market": "EU", "name": "Example EU Rep B.V.", "address": "Voorbeeldstraat 10, Amsterdam", "email": "eu@example.com"},
    {"market": "UK", "name": "Example UK Rep Ltd", "address": "1 Example Street, London", "email": "uk@example.com"},
]


@pytest.fixture
def plug(bundle):
    """A Wi-Fi smart plug for the EU, UK and US, placed 2026-02-01, with complete evidence (no CMP finding)."""
    bundle.data.update(
        {
            "category": "consumer-electronics-accessories",
            "product_groups": ["radio", "internet-connected", "mains-powered"],
            "markets": ["EU", "UK", "US"],
            "placed_on_market": "2026-02-01",
            "skus": [
                {"id": "X1-EU", "model": "X1-EU", "price": {"amount": "19.90", "currency": "USD"}, "markets": ["EU"]},
                {"id": "X1-UK", "model": "X1-UK", "price": {"amount": "19.90", "currency": "USD"}, "markets": ["UK"]},
                {"id": "X1-US", "model": "X1-US", "price": {"amount": "19.90", "currency": "USD"}, "markets": ["US"]},
            ],
            "certificates": copy.deepcopy(PLUG_CERTS),
            "responsible_person": copy.deepcopy(RESPONSIBLE),
        }
    )
    for cert in bundle.data["certificates"]:
        bundle.file(cert["file"], certificate_pdf(cert))
    return bundle


@pytest.fixture
def light(bundle):
    """A battery-powered solar LED path light for the EU and UK with a CE (EMC/RoHS/BATT) certificate."""
    bundle.data.update(
        {
            "category": "home-garden",
            "product_groups": ["battery", "led-lighting"],
            "markets": ["EU", "UK"],
            "placed_on_market": "2026-03-01",
            "skus": [{"id": "S3", "model": "S3-EU", "price": {"amount": "39.90", "currency": "USD"}}],
            "certificates": [
                {
                    "scheme": "CE",
                    "legislation": ["EMC", "RoHS", "BATT"],
                    "standards": ["EN IEC 55015:2019+A11:2020", "EN 61547:2009", "EN IEC 63000:2018"],
                    "issued": "2026-02-18",
                    "models": ["S3-EU"],
                    "file": "certs/ce.pdf",
                }
            ],
            "responsible_person": copy.deepcopy(RESPONSIBLE),
        }
    )
    bundle.file("certs/ce.pdf", certificate_pdf(bundle.data["certificates"][0]))
    return bundle
