import json

from builder import findings, lint

from loc_pages import full


def _line(bundle, needle: str) -> int:
    return 1 + next(i for i, line in enumerate((bundle.dir / "listing.json").read_text(encoding="utf-8").splitlines()) if needle in line)


def _fixed(bundle, result) -> dict:
    text = (bundle.dir / "listing.json").read_text(encoding="utf-8")
    for f in sorted(result, key=lambda f: -f.fix.edits[0].start):
        e = f.fix.edits[0]
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
    page = _line(bundle, '"es_ES": "detail/es.html"')
    assert [(f.path, f.line, f.code) for f in result] == [
        ("listings/demo/listing.json", title, "LOC015"),
        ("listings/demo/listing.json", page, "LOC015"),
        ("listings/demo/listing.json", _line(bundle, '"EN"'), "LOC015"),
        ("listings/demo/listing.json", _line(bundle, '"es_ES",'), "LOC015"),
    ]
    assert result[0].message == 'locale "es_ES" is not BCP 47 spelling; write "es-ES"'
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
