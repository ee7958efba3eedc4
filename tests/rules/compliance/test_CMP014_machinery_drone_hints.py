"""Session 18, round 9: CMP014 names `machinery` for e-bikes, e-scooters and power tools and
`uas-class-label` for drones whose title names their class label, sold in the EU without the group; accessories,
manual tools, toys and type-approved vehicles are left alone."""

import pytest
from builder import findings, lint
from helpers_cmp import manifest

from listing_lint.rules.compliance._common import names_kind
from listing_lint.standards.registry import load_registry

MACHINES = [
    "Electric Bike for Adults 250W 36V 10.4Ah, 27.5\" Mountain E-Bike, 25 km/h",
    "Ebike 26 Inch Fat Tyre Electric Bicycle, Shimano 7 Speed",
    "Folding E-Bike 20\" City Pedelec with Removable Battery",
    "Electric Folding Bike 16 inch, 250 W Motor, EU Warehouse",
    "Electric Scooter 350W, 30 km Range, Foldable, App Control",
    "E-Scooter for Adults 10\" Pneumatic Tyres, Dual Brakes",
    "Electric Kick Scooter with Turn Signals, 25 km/h",
    "Cordless Drill 20V with 2 Batteries, 13 mm Chuck, 25+1 Torque",
    "21V Brushless Impact Driver 1/4\" Hex, 2 x 2.0Ah Batteries",
    "Angle Grinder 125 mm 900 W with Side Handle",
    "Cordless Circular Saw 165 mm, 18 V, Laser Guide",
    "Hammer Drill 850W SDS-Plus",
    "Electric Chainsaw 2000W, 40 cm Bar",
    "Robotic Lawn Mower with App, 600 m²",
    "Cordless Hedge Trimmer 20V, 51 cm Blade",
    "Battery Leaf Blower 40V",
    "Cordless Impact Wrench 1/2\" 400 Nm",
    "Electric Screwdriver Set, USB Rechargeable, 3.6 V",
]
NOT_MACHINES = [
    "E-Bike Battery 36V 13Ah Downtube, Compatible with Bafang",
    "Electric Bike Conversion Kit 26\" Front Wheel 250W",
    "Bike Lights for Electric Scooter, USB Rechargeable",
    "Phone Holder for E-Scooter and Bicycle Handlebar",
    "Drill Bits Set 100 pcs for Cordless Drill",
    "Circular Saw Blade 165 mm 24T",
    "Scooter Tyres 10 x 2.5 Pneumatic, Pair",
    "Kids Electric Scooter Toy 6 km/h with Lights",
    "Balance Bike for Kids 2-5 Years",
    "Manual Push Reel Lawn Mower 38 cm",
    "Hand Drill Manual Egg Beater Type",
    "Electric Toothbrush with 8 Heads",
    "Mobility Scooter 4-Wheel for Seniors",
    "E-Bike Charger 42V 2A for 36V Batteries",
    "Mountain Bike 29\" Aluminium Frame 21 Speed",
    "Electric Scooter Helmet with LED Light",
]
DRONES = [
    "Mini Drone with 4K Camera, C0 Class Label, 249 g",
    "C0 Drone 4K GPS Foldable, 3 Batteries",
    "GPS Drone C1 Certified, 4K Gimbal, 10 km Transmission",
    "Foldable Quadcopter, EU Class C0, Under 250 g",
]
NOT_DRONES = [
    "Drone with 4K Camera, USB-C Charging, 2 Batteries",
    "Drone Battery for DJI Mini 4 Pro (C0)",
    "Propeller Guard for DJI Mini 3 C0 Drone",
    "Toy Drone for Kids C0 Mode, Headless",
    "C10 Radio Controlled Quadcopter",
    "Drone Landing Pad 75 cm Waterproof",
]


def _hint(rule_id):
    (rule,) = [r for r in load_registry().rules_of("group_hints") if r.id == rule_id]
    return rule


@pytest.mark.parametrize("rule_id,names,near_misses", [
    ("eu-machinery-title", MACHINES, NOT_MACHINES), ("eu-uas-class-label-title", DRONES, NOT_DRONES)])
def test_every_title_names_the_kind_and_no_near_miss_does(rule_id, names, near_misses):
    rule = _hint(rule_id)
    assert [t for t in names if not names_kind(rule, t)] == []
    assert [t for t in near_misses if names_kind(rule, t)] == []


def _listing(bundle, title, groups=("battery",), markets=("EU",)):
    bundle.data.update(title={"en": title}, product_groups=list(groups), markets=list(markets))
    return bundle.write()


def test_an_e_bike_for_the_eu_without_machinery(bundle, tmp_path):
    _listing(bundle, MACHINES[0])
    assert lint(tmp_path, select="CMP014") == [(manifest(bundle), bundle.line_of('"en": "Electric Bike'), "CMP014")]
    (f,) = findings(tmp_path, select="CMP014")
    assert f.message.startswith("the title names a product the EU may count as `machinery`") and str(f.severity) == "info"


def test_a_class_labelled_drone_for_the_eu_without_its_group(bundle, tmp_path):
    _listing(bundle, DRONES[0], groups=("radio", "battery"))
    assert lint(tmp_path, select="CMP014") == [(manifest(bundle), bundle.line_of('"en": "Mini Drone'), "CMP014")]


@pytest.mark.parametrize("title,groups,markets", [
    (MACHINES[0], ("power-tool", "battery"), ("EU",)),       # the group by its alias
    (MACHINES[7], ("battery",), ("US",)),                    # not sold in the EU
    (DRONES[0], ("uas-class-label", "radio"), ("EU", "UK")),
])
def test_near_miss_group_named_or_not_for_the_eu(bundle, tmp_path, title, groups, markets):
    _listing(bundle, title, groups, markets)
    assert lint(tmp_path, select="CMP014") == []


def test_hostile_titles_are_read_quickly():
    import time

    for rule_id in ("eu-machinery-title", "eu-uas-class-label-title"):
        rule = _hint(rule_id)
        for title in ("electric " * 100_000, "C0 " * 100_000 + "x", "drone " * 100_000, "for " * 100_000 + "drill"):
            start = time.perf_counter()
            names_kind(rule, title)
            assert time.perf_counter() - start < 1.0
