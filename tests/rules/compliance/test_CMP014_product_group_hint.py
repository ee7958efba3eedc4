"""CMP014: an LED strip sold in the EU without `light-source` gets a note; accessories named after
the strip, products with a strip in them, and strips already in the group do not."""

import pytest
from builder import findings, lint
from helpers_cmp import manifest

from listing_lint.rules.compliance.CMP014_product_group_hint import names_kind
from listing_lint.standards.registry import load_registry

#: titles as sellers write them for LED strips (each a light source if it gives 60 lm or more)
STRIPS = [
    "LED Strip Lights 5m RGB 5050 with Remote, Bluetooth App Control",
    "Smart LED Strip Lights 10m, RGBIC Wi-Fi Colour Changing, Works with Alexa",
    "COB LED Strip 24V 5m Warm White 3000K, 480 LEDs/m, CRI 90+",
    "LED Light Strip 2m USB Powered TV Backlight for 40-60 inch TVs",
    "LED Tape Light 12V 5m Cool White 6000K IP65 Waterproof",
    "5M 300LEDs SMD 2835 LED Strip Flexible Tape Light",
    "Neon LED Strip 5m Silicone Flexible Rope Light 12V",
    "LED Strips for Bedroom 15m Music Sync Colour Changing",
    "Under Cabinet LED Strip Light Kit, Dimmable, Plug-in",
    "Smart Lightstrip Plus 2m Base Kit, White and Colour LED",
    "RGBW LED Strip Light 24V 10m with Power Supply and Controller",
    "USB LED Strip Lights for TV 3m, 5V, Remote Control",
    "LED Ribbon Light 5m Warm White Dimmable",
    "Self-adhesive LED Tape 2835 60 LEDs/m 12V 5m Reel",
    "Battery Operated LED Strip Lights, Motion Sensor, 1m",
    "Car Interior LED Strip Lights 4pcs 48 LEDs Music Sync",
    "RGB Strip Lights 20m LED, Bluetooth App",
    "LED Neon Rope Strip Light 5m Pink, Flexible Sign Light",
    "Outdoor LED Strip 230V 10m IP67, Plug and Play",
    "WiFi LED Strip Lights Compatible Alexa Google Home 5m",
    "LEDs Strip 10M RGB 2 Rolls of 5M Music Sync",
    "Gaming Room LED Strip Lights 30m, 1800 LEDs",
]
#: near misses: accessories named after the strip, products with a strip in them, other LED products
NOT_STRIPS = [
    "LED Desk Fan USB 3-Speed Quiet Table Fan",
    "Mechanical Gaming Keyboard with RGB LED Strip Side Lighting",
    "LED Strip Controller Wi-Fi RGB 12-24V, Alexa compatible",
    "RGB LED Strip Controller with 44 Key IR Remote",
    "Aluminium Channel for LED Strip, 10 x 1m, with Diffuser",
    "LED Strip Connectors 4 Pin 10mm Solderless, 20 pcs",
    "12V 5A Power Supply for LED Strip, 60W Adapter",
    "LED Strip Clips Mounting Brackets 100 pcs",
    "Gaming Mouse Pad XXL with LED Strip Edge",
    "ARGB Case Fan 3-Pack 120mm, LED Strip Hub Included",
    "Replacement Remote for LED Strip Lights 24 Key",
    "LED Strip Amplifier RGB Signal Repeater 12V",
    "Extension Cable for LED Strip 5m 4-pin",
    "Desk Lamp with LED Strip Light Bar, Touch Dimmer",
    "Monitor Light Bar LED, USB Screen Lamp",
    "LED Strip Diffuser Cover Silicone 5m",
    "Soldering Iron Kit for LED Strips",
    "Bathroom Mirror with LED Strip Lighting 60x80",
    "LED Strip Light Driver 24V 100W Constant Voltage",
    "LED Strip Profile Aluminium U-Shape 2m",
    "Dimmer Switch for LED Strip Lights",
    "Wireless Gaming Headset RGB LED strip earcups",
    "Striped Cotton T-Shirt with LED Badge",
    "Strip of LEDs for Keyboard Backlight, Spare Part",
    "LED Bike Light Set, Front and Rear, USB Rechargeable",
    "Power Strip 4 Outlets with LED Indicator",
    "LED Headlamp Rechargeable 1200 Lumen",
    "Weather Strip Door Seal, 5m, with LED Torch",
    "LED Strip End Caps 50 pcs",
    "Bluetooth Speaker with RGB LED Light Strip",
]
TITLE = "LED Strip Lights 5m RGB 5050 with Remote, Bluetooth App Control"


def _hint():
    (rule,) = [r for r in load_registry().rules_of("group_hints") if r.id == "eu-led-strip-light-source"]
    return rule


def test_every_strip_title_names_the_kind_and_no_near_miss_does():
    rule = _hint()
    assert [t for t in STRIPS if not names_kind(rule, t)] == []
    assert [t for t in NOT_STRIPS if names_kind(rule, t)] == []


def _strip(bundle, title=TITLE, groups=("led-lighting", "radio"), markets=("EU",)):
    bundle.data.update(title={"en": title}, product_groups=list(groups), markets=list(markets))
    bundle.write()
    return bundle


def test_led_strip_for_the_eu_without_light_source(bundle, tmp_path):
    _strip(bundle)
    assert lint(tmp_path, select="CMP014") == [(manifest(bundle), bundle.line_of('"en": "LED Strip'), "CMP014")]
    (f,) = findings(tmp_path, select="CMP014")
    assert str(f.severity) == "info"
    assert f.message.startswith("the title names a product the EU may count as `light-source`")
    assert "2019/2020 Art. 2(1)(c)" in f.message and "add `light-source` to `product_groups`" in f.message


def test_a_british_english_title_is_read_too(bundle, tmp_path):
    bundle.data["title"] = {"en-GB": "LED Tape Light 12V 5m Cool White 6000K IP65 Waterproof"}
    bundle.data.update(product_groups=["led-lighting"], markets=["EU", "UK"])
    bundle.write()
    assert lint(tmp_path, select="CMP014") == [(manifest(bundle), bundle.line_of('"en-GB"'), "CMP014")]


@pytest.mark.parametrize("groups", [["light-source"], ["led-bulb", "radio"]])
def test_near_miss_the_strip_is_a_light_source_already(bundle, tmp_path, groups):
    _strip(bundle, groups=groups)
    assert lint(tmp_path, select="CMP014") == []


def test_near_miss_a_strip_controller_sold_alone(bundle, tmp_path):
    _strip(bundle, title="LED Strip Controller Wi-Fi RGB 12-24V, Alexa compatible")
    assert lint(tmp_path, select="CMP014") == []


def test_near_miss_not_sold_in_the_eu(bundle, tmp_path):
    _strip(bundle, markets=["US"])
    assert lint(tmp_path, select="CMP014") == []


def test_near_miss_an_unknown_group_is_sch009s_alone(bundle, tmp_path):
    _strip(bundle, groups=["led-strip"])
    assert lint(tmp_path, select=["SCH009", "CMP014"]) == [(manifest(bundle), bundle.line_of('"led-strip"'), "SCH009")]


def test_near_miss_only_english_titles_are_read(bundle, tmp_path):
    _strip(bundle)
    bundle.data["title"] = {"es": "Tira LED 5 m RGB con mando (LED strip)"}
    bundle.write()
    assert lint(tmp_path, select="CMP014") == []
