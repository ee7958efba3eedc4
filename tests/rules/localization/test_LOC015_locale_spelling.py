import json

from builder import findings, lint

from loc_pages import full


def _line(bundle, needle: str) -> int:
    return 1 + next(i for i, line in enumerate((bundle.dir / "listing.json").read_text(encoding="utf-8").splitlines()) if needle in line)


def _fixed(bundle, result) -> dict:
    text = (bundle.dir / "listing.json").read_text(encoding="utf-8")
    for e in sorted((e for f in result for e in f.fix.edits), key=lambda e: -e.start):
        text = text[: e.start] + e.new + text[e.end:]
    return json.loads(text)


def test_underscore_keys_and_locales_entries_are_found_and_fixed(bundle, tmp_path):
    full(bundle)
    bundle.data["title"]["es_ES"] = bundle.data["title"].pop("es")
    bundle.data["detail_pages"]["es_ES"] = bundle.data["detail_pages"].pop("es")
    bundle.data["locales"] = ["EN", "es_ES", "fr", "ru"]
    bundle.write()
    result = findings(tmp_path, select="LOC015")
    title = _line(bundle, '"es_ES": "Enchufe')
    # es_ES in title, detail_pages and locales is one habit: one finding at its first place, fixed everywhere
    assert [(f.path, f.line, f.code) for f in result] == [
        ("listings/demo/listing.json", title, "LOC015"),
        ("listings/demo/listing.json", _line(bundle, '"EN"'), "LOC015"),
    ]
    assert result[0].message == 'locale "es_ES" is not BCP 47 spelling; write "es-ES" (here and in 2 other places of listing.json)'
    assert result[1].message == 'locale "EN" is not BCP 47 spelling; write "en"'
    assert len(result[0].fix.edits) == 3 and result[0].fix.description == 'write "es-ES" for "es_ES" in 3 places'
    data = _fixed(bundle, result)
    assert "es-ES" in data["title"] and "es-ES" in data["detail_pages"] and data["locales"] == ["en", "es-ES", "fr", "ru"]


def test_bcp47_spellings_pass(bundle, tmp_path):
    full(bundle)
    bundle.data["title"]["es-ES"] = bundle.data["title"].pop("es")
    bundle.data["title"]["zh-Hant"] = "智能插座"
    bundle.data["locales"] = ["en", "es-ES", "fr", "ru", "zh-Hant"]
    bundle.write()
    assert lint(tmp_path, select="LOC015") == []


def test_no_fix_when_the_corrected_key_already_exists(bundle, tmp_path):
    full(bundle)
    bundle.data["title"]["es_ES"] = "Enchufe inteligente X1"
    bundle.data["title"]["es-ES"] = "Enchufe inteligente X1"
    bundle.write()
    (f,) = findings(tmp_path, select="LOC015")
    assert f.fix is None


def test_one_tag_written_the_same_wrong_way_everywhere_is_one_finding(bundle, tmp_path):
    full(bundle)
    bundle.data["title"]["EN"] = bundle.data["title"].pop("en")
    bundle.data["detail_pages"]["EN"] = bundle.data["detail_pages"].pop("en")
    bundle.data["media"] = [{"kind": "image", "role": "scene", "file": f"media/{i}.jpg", "alt": {"EN": "A plug"}} for i in range(3)]
    bundle.data["locales"] = ["EN", "es", "fr", "ru"]
    bundle.write()
    [f] = findings(tmp_path, select="LOC015")
    assert f.line == _line(bundle, '"EN"') and f.message.endswith("write \"en\" (here and in 5 other places of listing.json)")
    data = _fixed(bundle, [f])
    assert "en" in data["title"] and "en" in data["detail_pages"] and data["locales"][0] == "en"
    assert all(list(m["alt"]) == ["en"] for m in data["media"])


def test_near_miss_an_unsafe_place_keeps_its_spelling_and_the_others_are_fixed(bundle, tmp_path):
    full(bundle)
    bundle.data["title"]["es_ES"] = "Enchufe inteligente X1"
    bundle.data["title"]["es-ES"] = "Enchufe inteligente X1"  # renaming here would make two es-ES titles
    bundle.data["locales"] = ["en", "es_ES", "fr", "ru"]
    bundle.write()
    [f] = findings(tmp_path, select="LOC015")
    assert len(f.fix.edits) == 1 and _fixed(bundle, [f])["locales"][1] == "es-ES"


def test_tags_all_in_capitals_are_one_habit_one_finding_fixing_all(bundle, tmp_path):
    """Session 14: ``["EN", "ES", "FR", "RU"]`` was four findings for one mistake."""
    full(bundle)
    bundle.data["locales"] = ["EN", "ES", "FR", "RU"]
    bundle.write()
    [f] = findings(tmp_path, select="LOC015")
    assert (f.path, f.line) == ("listings/demo/listing.json", _line(bundle, '"EN"'))
    assert f.message == ('locales "EN", "ES", "FR" and "RU" are not BCP 47 spelling (the language in lower case); '
                         'write "en", "es", "fr" and "ru"')
    assert f.fix.description == 'write "en", "es", "fr" and "ru" for "EN", "ES", "FR" and "RU" in 4 places'
    assert _fixed(bundle, [f])["locales"] == ["en", "es", "fr", "ru"]


def test_tags_with_underscores_are_one_habit_across_title_and_locales(bundle, tmp_path):
    full(bundle)
    bundle.data["title"]["es_ES"] = bundle.data["title"].pop("es")
    bundle.data["locales"] = ["en", "es_ES", "fr_FR", "ru"]
    bundle.write()
    [f] = findings(tmp_path, select="LOC015")
    assert f.line == _line(bundle, '"es_ES": "Enchufe')
    assert f.message == ('locales "es_ES" and "fr_FR" are not BCP 47 spelling (a hyphen, not an underscore); '
                         'write "es-ES" and "fr-FR" (and in 1 other place of listing.json)')
    data = _fixed(bundle, [f])
    assert "es-ES" in data["title"] and data["locales"] == ["en", "es-ES", "fr-FR", "ru"]


def test_near_miss_tags_wrong_in_different_ways_stay_apart(bundle, tmp_path):
    full(bundle)
    bundle.data["locales"] = ["Es", "FR", "en", "ru"]  # "Es" is no habit shared with "FR"
    bundle.write()
    result = findings(tmp_path, select="LOC015")
    assert [(f.line, f.message) for f in result] == [
        (_line(bundle, '"Es"'), 'locale "Es" is not BCP 47 spelling; write "es"'),
        (_line(bundle, '"FR"'), 'locale "FR" is not BCP 47 spelling; write "fr"'),
    ]
