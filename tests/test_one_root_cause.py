"""One root cause, one finding: a defect two rules could see is reported by the rule that owns it, once.

Each case changes the clean base bundle of the runnable rule examples (tests/rule_examples.py, which
lints clean with every rule) in one way, in the same notation, and lints it with every rule: the
defect gives exactly one finding, at the file and line of the value; its near miss gives none, or
only the finding the near miss is about. ``scripts/find_overlaps.py`` finds such cases.

Owners (docs/decisions.md, "One root cause, one finding"):
- an experiment variant's page or media that does not resolve: ABT004 (not SCH003/SCH004);
  an authorization letter's file: BRD003; every other path listing.json names: SCH003/SCH004;
- a relative ``<img src>``/``<a href>`` leaving the bundle: SCH004 (not MED010);
- a value the schema rejects: SCH002; rules that would read it (or conclude from its absence) are silent.
"""

from __future__ import annotations

import json

import pytest
from rule_examples import PRODUCT, Example, base_bundle, run_example

import media_factory as mf

ES = "listings/demo/detail/es.html"
LISTING = "listings/demo/listing.json"
STORE = "store.json"
ALT_ES = 'alt="Un enchufe inteligente sobre un escritorio"'
LETTER = '{"from": "Owner GmbH", "to": "Seller Ltd", "file": "certs/auth.pdf", "valid_until": "2028-12-31"}'
CERT = json.dumps(PRODUCT["certificates"])


@pytest.fixture(scope="module")
def base_repo(tmp_path_factory):
    repo = tmp_path_factory.mktemp("root-cause-base")
    photos = [mf.jpeg(mf.photo(seed=40 + i, shot=1 + i % 3, size=(800, 800))) for i in range(10)]
    video = mf.video(tmp_path_factory.mktemp("video") / "wide.mp4", 1280, 720).read_bytes()
    base_bundle(repo, photos, video)
    return repo


def outcome(case_id: str, lines: list[str], base, tmp_path) -> tuple[list, object]:
    example = Example(case_id, "Fails", 1, list(lines))
    found = run_example(example, base, tmp_path)
    return found, tmp_path / example.id


def line_of(repo, path: str, needle) -> int:
    """The line of a text that is once in the file; ``(text, n)``: n lines below it (an item of a list)."""
    needle, below = needle if isinstance(needle, tuple) else (needle, 0)
    text = (repo / path).read_text(encoding="utf-8")
    assert text.count(needle) == 1, f"{needle!r} is not once in {path}"
    return text[: text.index(needle)].count("\n") + 1 + below


#: (id, the defect in the notation, the one finding: code, path, a text on its line, words of its message)
ONE_FINDING = [
    ("variant-media-missing", ['listing.json /experiments/0/variants/1/media = "media/scene-dusk.jpg"'],
     "ABT004", LISTING, '"media/scene-dusk.jpg"', "which is not in the bundle"),
    ("variant-page-missing", ['listing.json /experiments/0/variants/1/page = "detail/es-b.html"'],
     "ABT004", LISTING, '"detail/es-b.html"', "uses page 'detail/es-b.html'"),
    ("variant-media-url", ['listing.json /experiments/0/variants/1/media = "https://cdn.example.com/dusk.jpg"'],
     "ABT004", LISTING, '"https://cdn.example.com/dusk.jpg"', "'https://cdn.example.com/dusk.jpg'"),
    ("variant-media-outside", ['listing.json /experiments/0/variants/1/media = "../dusk.jpg"'],
     "ABT004", LISTING, '"../dusk.jpg"', "which leaves the bundle"),
    ("media-url", ["media/scene-07.jpg removed", 'listing.json /media/8/file = "https://cdn.example.com/scene-07.jpg"'],
     "SCH003", LISTING, '"https://cdn.example.com/scene-07.jpg"', "media file https://cdn.example.com/scene-07.jpg is a URL"),
    ("media-dot-slash-missing", ["media/scene-07.jpg removed", 'listing.json /media/8/file = "./media/scene-07.jpg"'],
     "SCH003", LISTING, '"./media/scene-07.jpg"', "media file ./media/scene-07.jpg does not exist"),
    ("letter-missing", [f'listing.json /brand = {{"name": "Voltra", "authorization": [{LETTER}]}}'],
     "BRD003", LISTING, '"file": "certs/auth.pdf"', "file 'certs/auth.pdf', which is not in the bundle"),
    ("letter-outside", [f'listing.json /brand = {{"name": "Voltra", "authorization": [{LETTER.replace("certs/auth.pdf", "../auth.pdf")}]}}'],
     "BRD003", LISTING, '"file": "../auth.pdf"', "which leaves the bundle"),
    ("media-renamed", ["media/scene-07.jpg renamed to media/scene-7.jpg"],
     "SCH003", LISTING, '"media/scene-07.jpg"', "media file media/scene-07.jpg does not exist"),
    ("certificate-outside", ['listing.json /certificates/0/file = "../ce.pdf"'],
     "SCH004", LISTING, '"../ce.pdf"', "which leaves the bundle"),
    ("page-img-outside", [f'detail/es.html: <img src="../../outside.jpg" {ALT_ES}>'],
     "SCH004", ES, "outside.jpg", "img src='../../outside.jpg': which leaves the bundle"),
    ("page-img-absolute", [f'detail/es.html: <img src="/etc/plug.jpg" {ALT_ES}>'],
     "SCH004", ES, "/etc/plug.jpg", "an absolute path"),
    ("page-link-outside", ['detail/es.html: <p>Ver <a href="../../guide.html">la guía</a>.</p>'],
     "SCH004", ES, "guide.html", "a href='../../guide.html'"),
    ("page-img-missing", [f'detail/es.html: <img src="../media/nope.jpg" {ALT_ES}>'],
     "MED010", ES, "nope.jpg", "image ../media/nope.jpg is missing"),
    ("scheme-invalid", ['listing.json /certificates/0/scheme = "XX"'],
     "SCH002", LISTING, '"scheme": "XX"', "must be one of"),
    ("standards-not-a-list", ['listing.json /certificates/0/standards = "EN 62368-1:2014+A11:2017"'],
     "SCH002", LISTING, '"standards": "EN 62368-1', "must be a list"),
    ("models-not-a-list", ['listing.json /certificates/0/models = "D1-EU"'],
     "SCH002", LISTING, '"models": "D1-EU"', "must be a list"),
    ("responsible-market-invalid", ['listing.json /responsible_person/0/market = "XX"'],
     "SCH002", LISTING, '"market": "XX"', "must be one of EU, UK, US"),
    ("media-role-invalid", ['listing.json /media/3/role = "hero"'],
     "SCH002", LISTING, '"role": "hero"', "must be one of"),
    ("alt-not-an-object", ['listing.json /media/3/alt = "A smart plug"'],
     "SCH002", LISTING, '"alt": "A smart plug"', "must be an object"),
    ("locale-invalid", ['listing.json /locales = ["en", "es", "fr", "ru", "xx_XX_1"]'],
     "SCH002", LISTING, '"xx_XX_1"', "must be a locale tag"),
    ("return-rate-percent", ["listing.json /metrics/return_rate = 5"],
     "SCH002", LISTING, '"return_rate": 5', "rates are fractions"),
    ("store-return-rate-percent", ["store.json /metrics/return_rate = 5"],
     "SCH002", STORE, '"return_rate": 5', "rates are fractions"),
    ("warehouse-kind-invalid", ['listing.json /fulfillment = {"warehouses": [{"market": "EU", "kind": "nearby", "handling_days": 2}]}'],
     "SCH002", LISTING, '"kind": "nearby"', "must be one of local, cross-border"),
    ("warehouse-market-invalid", ['listing.json /fulfillment = {"warehouses": [{"market": "DE", "kind": "local", "handling_days": 2}]}'],
     "SCH002", LISTING, '"market": "DE"', "must be one of EU, UK, US"),
    ("test-round-string", ['listing.json /test_batches = [{"round": "1", "skus": ["D1-EU"], "units_per_sku": 150}]'],
     "SCH002", LISTING, '"round": "1"', "must be a whole number"),
    ("trademark-class-zero", ['listing.json /brand = {"name": "Voltra", "trademark": {"mark": "R", "office": "EUIPO", "number": "018765432", "classes": [0]}}'],
     "SCH002", LISTING, ('"classes": [', 1), "must be at least 1"),
    # a broken document is MED005's, not also CMP013's "cannot read"
    ("certificate-empty", ["certs/ce.pdf: empty file"], "MED005", LISTING, '"file": "certs/ce.pdf"', "is empty (0 bytes)"),
    ("certificate-web-page", ["certs/ce.pdf = <html><body>Session expired</body></html>"],
     "MED005", LISTING, '"file": "certs/ce.pdf"', "is HTML, not a PDF"),
    # a misspelt field is one mistake: the unknown key names the field meant, which is not also "missing"
    ("field-misspelt", ["listing.json /title removed", 'listing.json /titel = {"en": "Smart plug"}'],
     "SCH002", LISTING, '"titel"', "unknown field `titel`; did you mean 'title'?"),
    ("field-zero-width-space", ["listing.json /title removed", 'listing.json /title\u200b = {"en": "Smart plug"}'],
     "SCH002", LISTING, '"title\u200b"', "`title` with U+200B (zero width space) in its name; delete the invisible character"),
    ("locale-iso-639-2", ["listing.json /detail_pages/es removed", 'listing.json /detail_pages/spa = "detail/es.html"'],
     "LOC015", LISTING, '"spa"', 'locale "spa" is not BCP 47 spelling; write "es"'),
    # session 13: listing.json as people write it
    ("markets-lower-case", ['listing.json /markets = ["eu"]', 'listing.json /skus/0/markets = ["EU"]'],
     "SCH002", LISTING, '"eu"', "did you mean 'EU'?"),
    ("title-null", ["listing.json /title/es = null"], "SCH002", LISTING, '"es": null', "must be a string, got null"),
    ("schema-version-null", ["listing.json /schema_version = null"],
     "SCH005", LISTING, '"schema_version": null', 'not a version: write "schema_version": "1"'),
    ("main-video-kind-misspelt", ['listing.json /media/0/kind = "vidoe"'], "SCH002", LISTING, '"vidoe"', "must be one of image, video"),
    ("poster-under-another-name", ["listing.json /media/0/poster removed", 'listing.json /media/0/thumbnail = "media/poster.jpg"'],
     "SCH002", LISTING, '"thumbnail"', "unknown field `thumbnail`"),
    ("page-path-without-extension", ['listing.json /detail_pages/es = "detail/es"'],
     "SCH002", LISTING, '"detail/es"', "a path to an .html file"),
    ("certificates-misspelt", ["listing.json /certificates removed", f'listing.json /certificate = {CERT}'],
     "SCH002", LISTING, '"certificate"', "did you mean 'certificates'?"),
    # session 14: listing.json, round 2
    ("locales-upper-case", ['listing.json /locales = ["EN", "ES", "FR", "RU"]'],
     "LOC015", LISTING, '"EN"', 'locales "EN", "ES", "FR" and "RU" are not BCP 47 spelling (the language in lower case)'),
    ("page-path-empty", ['listing.json /detail_pages/es = ""'],
     "SCH002", LISTING, '"es": ""', 'got ""; did you mean "detail/es.html"?'),
    # a SKU pasted twice repeats its id and its model: one finding
    ("sku-pasted", ['listing.json /skus/- = {"id": "D1", "model": "D1-EU", "price": {"amount": "44.90", "currency": "USD"}}'],
     "SCH006", LISTING, ('"skus": [', 10), "skus[1] repeats skus[0] (id 'D1', model 'D1-EU')"),
]


@pytest.mark.parametrize("case_id, lines, code, path, needle, words", ONE_FINDING, ids=[c[0] for c in ONE_FINDING])
def test_one_defect_one_finding(case_id, lines, code, path, needle, words, base_repo, tmp_path):
    found, repo = outcome(case_id, lines, base_repo, tmp_path)
    line = line_of(repo, path, needle)
    assert [(f.code, f.path, f.line) for f in found] == [(code, path, line)], [f"{f.code} {f.path}:{f.line} {f.message}" for f in found]
    assert words in found[0].message
    assert "https:/c" not in found[0].message  # the path as written, not collapsed by normalisation


#: near misses: the same places, right; or the rule that was silenced still speaking where the schema is content
NEAR_MISSES = [
    ("variant-media-present", ['listing.json /experiments/0/variants/1/media = "media/scene-03.jpg"'], []),
    ("letter-present", ["certs/auth.pdf: scanned pdf", f'listing.json /brand = {{"name": "Voltra", "authorization": [{LETTER}]}}'], []),
    ("page-img-in-bundle", [f'detail/es.html: <img src="../media/scene-02.jpg" {ALT_ES}>'], []),
    ("page-link-marketplace", ['detail/es.html: <p>Ver <a href="https://www.aliexpress.com/store/1">la tienda</a>.</p>'], []),
    ("locales-valid", ['listing.json /locales = ["en", "es", "fr", "ru"]'], []),
    ("locale-upper-case-is-a-locale", ['listing.json /locales = ["en", "es", "FR", "ru"]'], [("LOC015", '"FR"')]),
    # a renamed file is the missing one's; a second new file beside it is still an orphan
    ("renamed-and-a-real-orphan", ["media/scene-07.jpg renamed to media/scene-7.jpg", "media/scene-10.jpg: photo 800x800"],
     [("SCH003", '"media/scene-07.jpg"'), ("SCH007", "listings/demo/media/scene-10.jpg", None)]),
    # the guards are narrow: a schema error elsewhere leaves the rule's own finding in place
    ("no-ce-and-other-schema-error", ['listing.json /certificates/0/scheme = "UKCA"', "listing.json /metrics/return_rate = 5"],
     [("CMP001", ('"markets": [', 1)), ("SCH002", '"return_rate": 5')]),
    ("role-detail-and-bad-alt-elsewhere", ['listing.json /media/3/role = "detail"', 'listing.json /media/4/alt = "A smart plug"'],
     [("MED001", '"media": ['), ("SCH002", '"alt": "A smart plug"')]),
    # a misspelt copy beside the right field: only the unknown key, nothing missing
    ("field-misspelt-beside-right-one", ['listing.json /titel = {"en": "Smart plug"}'], [("SCH002", '"titel"')]),
    ("two-fields-misspelt", ["listing.json /title removed", 'listing.json /titel = {"en": "Smart plug"}',
                             "listing.json /markets removed", 'listing.json /markts = ["EU"]'],
     [("SCH002", '"titel"'), ("SCH002", '"markts"')]),
    ("return-rate-over-limit", ["listing.json /metrics/return_rate = 0.05"], [("PRM002", '"return_rate": 0.05')]),
    # session 13: the markets checked again once the list is valid; a null title's key absent is LOC001's
    ("sku-market-not-declared", ['listing.json /markets = ["EU"]', 'listing.json /skus/0/markets = ["UK"]'],
     [("SCH008", '"UK"')]),
    ("title-removed", ["listing.json /title/es removed"], [("LOC001", '"title": {')]),
    ("trademark-class-35", ['listing.json /brand = {"name": "Voltra", "trademark": {"mark": "R", "office": "EUIPO", "number": "018765432", "classes": [35]}}'],
     [("BRD004", '"classes": [')]),
]


@pytest.mark.parametrize("case_id, lines, expected", NEAR_MISSES, ids=[c[0] for c in NEAR_MISSES])
def test_near_miss(case_id, lines, expected, base_repo, tmp_path):
    found, repo = outcome(case_id, lines, base_repo, tmp_path)
    want = sorted((e[0], LISTING, line_of(repo, LISTING, e[1])) if len(e) == 2 else e for e in expected)
    assert sorted((f.code, f.path, f.line) for f in found) == want, [f"{f.code} {f.path}:{f.line} {f.message}" for f in found]
