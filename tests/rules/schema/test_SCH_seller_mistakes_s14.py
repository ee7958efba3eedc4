"""listing.json as sellers write it, round 2 (session 14, docs/decisions.md): each mistake is one
finding, at its line, that says what to write; each near miss stays as it was."""

import json

import pytest
from builder import BundleBuilder, findings, lint, png_bytes

MANIFEST = "listings/demo/listing.json"


def _one(tmp_path, b, needle, select="SCH"):
    found = findings(tmp_path, select=select)
    assert [(f.path, f.line) for f in found] == [(MANIFEST, b.line_of(needle))], [f.message for f in found]
    return found[0].message


# -- keys ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("key, words", [
    ("MARKETS", "`MARKETS`: field names are lower case; write `markets`"),
    ("Markets", "`Markets`: field names are lower case; write `markets`"),
    ("mercados", "`mercados`: Spanish for `markets`; field names are English: write `markets`"),
    ("рынки", "`рынки`: Russian for `markets`; field names are English: write `markets`"),
    ("m\u0430rkets", "`markets` with Cyrillic \u0430 (U+0430) for Latin a in its name; retype it as `markets`"),
    ("\uff4darkets", "`markets` with full-width \uff4d (U+FF4D) for m in its name; retype it as `markets`"),
    ("markets\u00a0", "`markets` with U+00A0 (no-break space) in its name; delete the invisible character"),
])
def test_a_key_that_is_markets_in_disguise_is_one_finding_naming_it(tmp_path, key, words):
    b = BundleBuilder(tmp_path)
    b.data[key] = b.data.pop("markets")
    b.write()
    message = _one(tmp_path, b, json.dumps(key, ensure_ascii=False))  # not also "missing the required field"
    assert words in message


def test_near_miss_a_key_close_in_letters_keeps_its_did_you_mean(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["markts"] = b.data.pop("markets")
    b.write()
    assert "unknown field `markts`; did you mean 'markets'?" in _one(tmp_path, b, '"markts"')


def test_near_miss_an_unknown_key_in_another_language_for_no_field_stays_unknown(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["notas"] = "para el equipo"
    b.write()
    message = _one(tmp_path, b, '"notas"')
    assert message.startswith("`the document` has an unknown field `notas`") and "Spanish" not in message


# -- values -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("amount, words", [
    ("44,90", '; write "44.90"'),
    ("€44.90", '; write "44.90" (the currency goes in `currency`)'),
    ("44.90 USD", '; write "44.90" (the currency goes in `currency`)'),
    ("44,90\u00a0€", 'got "44,90\\u00a0€"; write "44.90" (the currency goes in `currency`)'),
    ("1,244.90", '; write "1244.90"'),
    ("1 244,90", '; write "1244.90"'),
])
def test_a_price_as_shops_print_it_says_what_to_write(tmp_path, amount, words):
    b = BundleBuilder(tmp_path)
    b.data["skus"][0]["price"]["amount"] = amount
    b.write()
    message = _one(tmp_path, b, '"amount"')
    assert message.startswith('`skus[0].price.amount` must be a decimal string above zero like "39.90", got ')
    assert message.endswith(words)


@pytest.mark.parametrize("amount", ["1,244", "0.00", "12.5.3", "about 40"])
def test_near_miss_a_price_with_no_one_reading_gets_no_guess(tmp_path, amount):
    b = BundleBuilder(tmp_path)
    b.data["skus"][0]["price"]["amount"] = amount
    b.write()
    assert _one(tmp_path, b, '"amount"').endswith(f"got {json.dumps(amount)}")


@pytest.mark.parametrize("value, words", [
    ("2026-1-20", '; write "2026-01-20"'),
    ("2026-02-30", ": February 2026 has no day 30"),
    ("2026-02-01T00:00:00Z", '; write the date alone: "2026-02-01"'),
    ("01/02/2026", '; write "2026-02-01" if it is 1 February, "2026-01-02" if it is 2 January (year-month-day)'),
    ("25/12/2026", '; write "2026-12-25" (year-month-day)'),
    ("1 févr. 2026", "; write the year, month and day as digits (year-month-day)"),
])
def test_a_date_in_a_local_form_says_what_to_write(tmp_path, value, words):
    b = BundleBuilder(tmp_path)
    b.data["placed_on_market"] = value
    b.write()
    message = _one(tmp_path, b, '"placed_on_market"')  # the format and the pattern both reject it: one finding
    assert message == f'`placed_on_market` must be a date like "2026-03-01", got {json.dumps(value, ensure_ascii=False)}{words}'


def test_near_miss_a_date_as_the_format_writes_it_passes(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["placed_on_market"] = "2026-02-28"
    b.write()
    assert lint(tmp_path, select="SCH") == []


@pytest.mark.parametrize("value, words", [("usd", '; write "USD"'), ("€", '; write "EUR"'), ("$", '; write "USD" if it is US dollars')])
def test_a_currency_as_a_sign_or_in_lower_case_says_the_code(tmp_path, value, words):
    b = BundleBuilder(tmp_path)
    b.data["skus"][0]["price"]["currency"] = value
    b.write()
    assert _one(tmp_path, b, '"currency"').endswith(words)


@pytest.mark.parametrize("value, words", [
    ("EU, UK", '`markets` must be a list, got "EU, UK"; write ["EU", "UK"]'),
    ("EU", '`markets` must be a list, got "EU"; write ["EU"]'),
])
def test_a_list_written_as_one_string_says_the_list(tmp_path, value, words):
    b = BundleBuilder(tmp_path)
    b.data["markets"] = value
    b.write()
    assert _one(tmp_path, b, '"markets"', select="SCH002") == words


def test_a_lone_sku_object_where_the_list_goes_is_asked_into_a_list(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["skus"] = b.data["skus"][0]
    b.write()
    assert _one(tmp_path, b, '"skus"', select="SCH002").endswith("; put it in a list: [{…}]")


@pytest.mark.parametrize("value, words", [
    ("EU\u200b", "got \"EU\\u200b\"; it is 'EU' with U+200B (zero width space): delete the invisible character"),
    ("\u0415U", "got \"\u0415U\"; it is 'EU' with Cyrillic \u0415 (U+0415) for Latin E: retype it"),
])
def test_a_market_with_a_hidden_or_look_alike_letter_says_which(tmp_path, value, words):
    b = BundleBuilder(tmp_path)
    b.data["markets"] = [value]
    b.data["skus"][0].pop("markets", None)
    b.write()
    assert _one(tmp_path, b, json.dumps(value, ensure_ascii=False), select="SCH002").endswith(words)


def test_near_miss_a_key_in_cyrillic_that_translates_no_field_is_not_read_as_latin(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["серия"] = "X1"  # серия: no field; its с, е are not "Latin letters typed on another layout"
    b.write()
    message = _one(tmp_path, b, '"серия"')
    assert message.startswith("`the document` has an unknown field `серия`") and "U+" not in message


def test_near_miss_a_market_in_lower_case_keeps_its_did_you_mean(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["markets"] = ["eu"]
    b.write()
    assert _one(tmp_path, b, '"eu"', select="SCH002").endswith("got \"eu\"; did you mean 'EU'?")


def test_values_of_one_list_in_other_letter_case_are_one_finding(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["certificates"] = [{"scheme": "CE", "legislation": ["red", "rohs", "emc"], "issued": "2026-01-10",
                               "models": [b.data["skus"][0]["model"]], "file": "certs/ce.pdf"}]
    b.file("certs/ce.pdf", b"%PDF-1.4\n")
    b.write()
    message = _one(tmp_path, b, '"red"', select="SCH002")
    assert message.endswith("got \"red\"; did you mean 'RED'?; likewise \"rohs\" → 'RoHS', \"emc\" → 'EMC'")


def test_near_miss_values_of_one_list_wrong_in_other_ways_stay_apart(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["markets"] = ["eu", "MARS"]
    b.write()
    assert lint(tmp_path, select="SCH002") == [(MANIFEST, b.line_of('"eu"'), "SCH002"), (MANIFEST, b.line_of('"MARS"'), "SCH002")]


# -- the document -------------------------------------------------------------------------------------
def test_a_listing_wrapped_in_an_object_is_one_finding(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data = {"listing": b.data}
    b.write()
    message = _one(tmp_path, b, '"listing"')
    assert message.startswith("`listing` holds the listing (`schema_version`, `id`, `category`, …): its fields belong at the top level")


def test_near_miss_an_unknown_object_beside_the_fields_is_an_unknown_field(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["notes"] = {"id": "x", "title": "draft"}  # the listing's fields are all there
    b.write()
    assert "unknown field `notes`" in _one(tmp_path, b, '"notes"')


def test_a_listing_in_a_list_is_asked_out_of_it(tmp_path):
    b = BundleBuilder(tmp_path)
    b.write()
    manifest = b.dir / "listing.json"
    manifest.write_text("[\n" + manifest.read_text(encoding="utf-8") + "]\n", encoding="utf-8")
    [f] = findings(tmp_path)
    assert (f.code, f.line) == ("SCH001", 1)
    assert f.message.endswith("; it holds a list ([…]) around one: delete the [ and ]")


def test_a_bundle_kept_inside_the_bundle_is_one_finding_at_its_listing_json(tmp_path):
    b = BundleBuilder(tmp_path)
    b.write()
    (b.dir / "v2" / "media").mkdir(parents=True)
    (b.dir / "v2" / "listing.json").write_bytes((b.dir / "listing.json").read_bytes())
    for i in range(3):
        (b.dir / "v2" / "media" / f"scene-{i}.jpg").write_bytes(png_bytes(fmt="JPEG"))
    assert lint(tmp_path, select="SCH") == [("listings/demo/v2/listing.json", None, "SCH007")]
    [f] = findings(tmp_path, select="SCH007")
    assert f.message.startswith("v2/ is a bundle inside this bundle")


def test_near_miss_a_json_file_of_another_name_in_a_subfolder_is_no_bundle(tmp_path):
    b = BundleBuilder(tmp_path)
    b.write()
    (b.dir / "notes").mkdir()
    (b.dir / "notes" / "listing-draft.json").write_text("{}", encoding="utf-8")
    (b.dir / "notes" / "scene.jpg").write_bytes(png_bytes(fmt="JPEG"))
    assert lint(tmp_path, select="SCH") == [("listings/demo/notes/scene.jpg", None, "SCH007")]


# -- hostile sizes: every new reading is linear (1 MB each; measured 0.02-1.4 s) -------------------------
MB = 1_000_000
HOSTILE = {
    "key-look-alikes": lambda d: d.__setitem__("m\u0430" * (MB // 2), 1),
    "key-zero-width": lambda d: d.__setitem__("markets" + "\u200b" * MB, ["EU"]),
    "market-zero-width": lambda d: d.__setitem__("markets", ["EU" + "\u200b" * MB]),
    "amount-commas": lambda d: d["skus"][0]["price"].__setitem__("amount", "1," * (MB // 2)),
    "amount-spaces": lambda d: d["skus"][0]["price"].__setitem__("amount", " " * MB + "€"),
    "date-slashes": lambda d: d.__setitem__("placed_on_market", "1/" * (MB // 2)),
    "markets-commas": lambda d: d.__setitem__("markets", "EU," * (MB // 3)),
    "currency-signs": lambda d: d["skus"][0]["price"].__setitem__("currency", "$" * MB),
}


@pytest.mark.parametrize("case", list(HOSTILE), ids=list(HOSTILE))
def test_a_megabyte_of_each_new_reading_is_one_finding_in_linear_time(tmp_path, case):
    import time

    b = BundleBuilder(tmp_path)
    HOSTILE[case](b.data)
    b.write()
    start = time.process_time()
    found = findings(tmp_path, select=["SCH", "LOC015"])
    took = time.process_time() - start
    assert [f.code for f in found] == ["SCH002"] and len(found[0].message) < 2_000
    assert took < 10, f"{took:.1f} s"
