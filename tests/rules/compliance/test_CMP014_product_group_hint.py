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


# ---- personal protective equipment (session 17) ---------------------------------------------------
#: titles as sellers write them for sunglasses and sports helmets (PPE, Regulation (EU) 2016/425)
PPE = [
    "Voltra Polarized Sunglasses for Men and Women, UV400 Protection, Category 3 Lenses, Retro Square Frame",
    "Kids Bike Helmet, Adjustable Toddler Helmet for Ages 3-8, Cycling Skating Scooter, 50-54 cm",
    "Oversized Cat Eye Sunglasses Women UV400",
    "Sports Sunglasses for Cycling Running, Polarised, TR90 Frame",
    "Clip On Sunglasses for Prescription Glasses, Flip Up",
    "Adult Bicycle Helmet with Rear LED Light, Adjustable 57-62 cm, CE EN 1078",
    "MTB Helmet with Visor, Mountain Bike Helmet for Men",
    "Ski Helmet Snowboard Helmet for Adults, Ventilated, EN 1077",
    "Skateboard Helmet Multi-Sport for Kids and Youth",
    "Helmet for Cycling and Scooter Riding, Adults, Matt Black",
    "Equestrian Riding Helmet VG1 Approved",
    "Road Cycling Helmet Lightweight In-Mold 250 g",
    "Aviator Sunglasses Gold Frame Green Lens",
    "Children's Sunglasses Flexible Frame Age 3-10 UV400",
    "Sun Glasses Retro Round Metal Frame",
    "Climbing Helmet Lightweight, EN 12492",
    "Smart Bike Helmet with Bluetooth Speakers and Turn Signals",
    "Folding Sunglasses with Case, Polarized",
    "Toddler Bike Helmet Dinosaur Design, Ages 1-3",
    "E-Scooter Helmet for Adults, Urban Commuter, with Magnetic Buckle",
]
#: near misses: motorcycle helmets (UN ECE R22, outside the Regulation), accessories named after the
#: product, toys and costumes, glasses that are no sunglasses, other cycling goods
NOT_PPE = [
    "Motorcycle Helmet Full Face ECE 22.06 Approved",
    "Motorbike Helmet Bluetooth Headset Intercom",
    "Dirt Bike Helmet Youth Off-Road",
    "Helmet Mount for GoPro Hero 12, Curved Adhesive",
    "Bike Helmet Light Rechargeable USB, Front and Rear",
    "Sunglasses Case Hard Shell Zipper, Black",
    "Sunglasses Strap Retainer Cord, 6 pcs",
    "Replacement Lenses for Oakley Holbrook Sunglasses",
    "Helmet Bag with Fleece Lining for Motorcycle Helmets",
    "Wall Hanger for Bike Helmets and Jackets, 4 Hooks",
    "Hard Case Compatible with Ray-Ban Sunglasses",
    "Sunglasses Display Stand Rotating 16 Pairs",
    "Helmet Stickers Reflective 20 pcs",
    "Doll Sunglasses 10 Pairs for 18 Inch Dolls",
    "Kids Costume Knight Helmet Plastic",
    "Reading Glasses 3 Pack, Blue Light Blocking",
    "Glasses Cleaning Kit, Spray and Cloth",
    "Bike Lock with Cable 1.8 m",
    "Cycling Jersey Men Short Sleeve",
    "LED Strip Lights 5m RGB 5050 with Remote, Bluetooth App Control",
]


def test_every_ppe_title_names_the_kind_and_no_near_miss_does():
    (rule,) = [r for r in load_registry().rules_of("group_hints") if r.id == "eu-ppe-title"]
    assert [t for t in PPE if not names_kind(rule, t)] == []
    assert [t for t in NOT_PPE if names_kind(rule, t)] == []


def test_sunglasses_for_the_eu_without_ppe(bundle, tmp_path):
    bundle.data.update(title={"en": PPE[0]}, product_groups=[], markets=["EU", "UK"])
    bundle.write()
    assert lint(tmp_path, select="CMP014") == [(manifest(bundle), bundle.line_of('"en": "Voltra Polarized'), "CMP014")]
    (f,) = findings(tmp_path, select="CMP014")
    assert f.message.startswith("the title names a product the EU may count as `ppe`")
    assert "add `ppe` to `product_groups`" in f.message and str(f.severity) == "info"


@pytest.mark.parametrize("groups,markets", [(["ppe"], ["EU"]), (["personal-protective-equipment"], ["EU"]), ([], ["US"])])
def test_near_miss_ppe_already_named_or_not_sold_in_the_eu(bundle, tmp_path, groups, markets):
    bundle.data.update(title={"en": PPE[1]}, product_groups=groups, markets=markets)
    bundle.write()
    assert lint(tmp_path, select="CMP014") == []
