"""Every text rule on real, correctly translated parallel text (session 11; docs/parallel-realtext.md):
the same storefront messages, and product copy with numbers, on the en/es/fr/ru pages of a bundle,
linted through the CLI by bench/text_rules_realtext.py. What must stay silent on correct text, and
the false classes this session fixed, kept fixed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import text_rules_realtext as bench  # noqa: E402

DATA = ROOT / "tests" / "data"
#: rules that no correct storefront text may set off (the sample has no placeholder-marked key)
SILENT = {"LOC002", "LOC004", "LOC005", "LOC006", "LOC008", "LOC010", "LOC011", "LOC015", "MED010", "MED012"}


@pytest.fixture(scope="module")
def storefront():
    return bench.measure(per_bundle=25, jobs=2, with_placeholders=False, corpus=DATA / "parallel_shops.jsonl.xz")["findings"]


@pytest.fixture(scope="module")
def products():
    return bench.measure(per_bundle=25, jobs=2, with_placeholders=False, corpus=DATA / "parallel_products.jsonl.xz")["findings"]


def test_rules_that_correct_storefront_text_never_sets_off(storefront):
    assert [f for f in storefront if f["code"] in SILENT] == []


def test_a_character_reference_is_no_french_semicolon(storefront):
    semicolons = [f for f in storefront if f["code"] == "LOC012" and 'before ";"' in f["message"]]
    assert [f for f in semicolons if "&" in (f["text"] or "")] == []


def test_each_spanish_mark_reported_lacks_its_opening_mark(storefront):
    spanish = [f for f in storefront if f["code"] == "LOC012" and f["locale"] == "es" and "Spanish opens" in f["message"]]
    assert spanish, "the corpus holds real missing marks: the rule must still find them"
    for f in spanish:
        text = f["text"]
        assert text.count("¿") < text.count("?") or text.count("¡") < text.count("!"), text


def test_addresses_are_no_language_and_prices_are_read_every_way(storefront, products):
    both = storefront + products
    assert [f for f in both if f["code"] in ("LOC002", "LOC003") and "Blvd" in (f["text"] or "")] == []
    assert [f for f in products if f["code"] == "LOC005" and "[FURN_" in f["message"]] == []
    assert len([f for f in products if f["code"] == "LOC008"]) <= 4  # docs/parallel-realtext.md: three true, "$15k"


def test_the_shuup_corpus_is_new_aligned_text_with_its_provenance():
    # session 13's source (docs/parallel-realtext.md, "Shuup"): one repository at a pinned commit, its
    # licence on every record, four languages aligned by key, and none of its English in the Odoo /
    # Vue Storefront corpus but the few labels every shop has
    import shop_corpus

    records = shop_corpus.read(DATA / "parallel_shuup.jsonl.xz")
    assert {(r["repo"], r["commit"], r["license"]) for r in records} == {
        ("shuup/shuup", "25f78cfe370109b9885b903e503faac295c7b7f2", "OSL-3.0")}
    keys = {r["key"] for r in records if r["lang"] == "en"}
    assert len(keys) == 767 and {r["lang"] for r in records} == {"en", "es", "fr", "ru"}
    assert all(r["key"] in keys for r in records)
    earlier = {r["text"] for r in shop_corpus.read(DATA / "parallel_shops.jsonl.xz") if r["lang"] == "en"}
    english = [r["text"] for r in records if r["lang"] == "en"]
    assert sum(t in earlier for t in english) < 0.1 * len(english)


@pytest.fixture(scope="module")
def smooth():
    return bench.measure(per_bundle=25, jobs=2, with_placeholders=False, corpus=DATA / "parallel_smooth.jsonl.xz")["findings"]


def test_the_open_food_facts_corpus_is_new_aligned_text_with_its_provenance():
    # session 14's source (docs/parallel-realtext.md, "Open Food Facts"): the app's Flutter catalogues
    # at a pinned commit, Apache-2.0, four languages aligned by key, and few of its English strings
    # in the earlier parallel corpora
    import shop_corpus

    records = shop_corpus.read(DATA / "parallel_smooth.jsonl.xz")
    assert {(r["repo"], r["commit"], r["license"]) for r in records} == {
        ("openfoodfacts/smooth-app", "3fde3e6f9386074ac14d14b8fced4792bb4ff0df", "Apache-2.0")}
    keys = {r["key"] for r in records if r["lang"] == "en"}
    assert len(keys) == 854 and {r["lang"] for r in records} == {"en", "es", "fr", "ru"}
    earlier = {r["text"] for name in ("parallel_shops", "parallel_shuup", "parallel_products")
               for r in shop_corpus.read(DATA / f"{name}.jsonl.xz") if r["lang"] == "en"}
    english = [r["text"] for r in records if r["lang"] == "en"]
    assert sum(t in earlier for t in english) < 0.1 * len(english)


def test_open_food_facts_findings_are_pinned(smooth):
    # docs/parallel-realtext.md, "Open Food Facts": every finding read; the app's Crowdin catalogues
    # hold English where a string was never translated (ru 322 of 854), which LOC002/LOC003/LOC007 find
    counts = {}
    for f in smooth:
        counts[f["code"]] = counts.get(f["code"], 0) + 1
    # session 17: "Reset password" on en kept; session 18 (Tasmota): "Contributor prices" and "Top price
    # contributors", English unchanged on the Spanish page, found (182 -> 184)
    assert counts == {"LOC002": 11, "LOC003": 184, "LOC007": 6, "LOC012": 36}
    # the classes session 14 fixed stay fixed: a Latin label's name with its letter on the Russian
    # page, a list of packer codes with one word
    fixed = [f for f in smooth if f["code"] in ("LOC003", "LOC007")
             and any(s in (f["text"] or "") for s in ("Nutri-Score A", "Eco-Score B", "RECOLTANT"))]
    assert fixed == []


@pytest.fixture(scope="module")
def mozilla():
    return bench.measure(per_bundle=25, jobs=2, with_placeholders=False, corpus=DATA / "parallel_mozilla.jsonl.xz")["findings"]


def test_the_mozilla_corpus_is_new_aligned_text_with_its_provenance():
    # session 15's source (docs/parallel-realtext.md, "Session 15"): mozilla.org's product pages in
    # Fluent at a pinned commit, MPL-2.0, four languages aligned by message, few English strings seen before
    import shop_corpus

    records = shop_corpus.read(DATA / "parallel_mozilla.jsonl.xz")
    assert {(r["repo"], r["commit"], r["license"]) for r in records} == {
        ("mozilla-l10n/www-l10n", "442e139499cbf67e31cf7155ea4bdd4a69cfd87e", "MPL-2.0")}
    keys = {r["key"] for r in records if r["lang"] == "en"}
    assert len(keys) == 1450 and {r["lang"] for r in records} == {"en", "es", "fr", "ru"}
    earlier = {r["text"] for name in ("parallel_shops", "parallel_shuup", "parallel_products", "parallel_smooth")
               for r in shop_corpus.read(DATA / f"{name}.jsonl.xz") if r["lang"] == "en"}
    english = [r["text"] for r in records if r["lang"] == "en"]
    assert sum(t in earlier for t in english) < 0.03 * len(english)


def test_mozilla_findings_are_pinned(mozilla):
    # every finding read (docs/parallel-realtext.md, "Session 15"); the bench declares no brand, so
    # most LOC003 findings are mozilla.org's product names ("Firefox Developer Edition") a seller
    # declares as keep-terms; a site named by its host ("addons.mozilla.org") is no language
    counts = {}
    for f in mozilla:
        counts[f["code"]] = counts.get(f["code"], 0) + 1
    # session 17: a comma list of browser names in a Russian paragraph ("Firefox, Google Chrome,
    # Microsoft Edge, Safari": "German left in it") is names one by one: 60 -> 57
    assert counts == {"LOC001": 6, "LOC003": 57, "LOC007": 2, "LOC012": 3}
    assert not [f for f in mozilla if "addons.mozilla.org" in (f["text"] or "")]
    # session 16: a name the English page lets through as German or Italian is no copy on the others
    assert not [f for f in mozilla if f["text"] in ("Thunderbird", "Mozilla Monitor")]


def test_the_app_store_corpus_is_new_aligned_text_with_its_provenance():
    # session 16's source (docs/decisions.md, "Session 16: the language rules on a fourteenth
    # real-text source"): six apps' App Store listings at pinned commits, each record naming its
    # licence, four languages aligned by line, no English line seen in the earlier parallel corpora
    import shop_corpus

    records = shop_corpus.read(DATA / "parallel_appstore.jsonl.xz")
    assert {r["repo"] for r in records} == {
        "BlueWallet/BlueWallet", "Automattic/pocket-casts-ios", "Automattic/simplenote-ios",
        "woocommerce/woocommerce-ios", "inaturalist/iNaturalistReactNative", "OnionBrowser/OnionBrowser"}
    assert all(len(r["commit"]) == 40 and r["license"] for r in records)
    keys = {r["key"] for r in records if r["lang"] == "en"}
    assert len(keys) == 152 and {r["lang"] for r in records} == {"en", "es", "fr", "ru"}
    earlier = {r["text"] for name in ("parallel_shops", "parallel_shuup", "parallel_products", "parallel_smooth",
                                      "parallel_mozilla")
               for r in shop_corpus.read(DATA / f"{name}.jsonl.xz") if r["lang"] == "en"}
    assert len([r["text"] for r in records if r["lang"] == "en" and r["text"] in earlier]) <= 2  # "Features"…


def test_app_store_findings_are_pinned(tmp_path):
    # every finding read (docs/decisions.md, "Session 16"), linted in-process (the judge's models are
    # loaded once per test run, a CLI run loads them again): iNaturalist's es/fr/ru listing is
    # English never translated (TRUE), "Replace-By-Fee (RBF)" is BlueWallet's feature kept in
    # English; the names no list holds ("Slide Over, Split View", "The New York Times, The
    # Guardian…") and "Simple notes, todos and memos" (Portuguese 0.87) stay false; a name the
    # English page lets through as another language is no untranslated copy ("Onion Browser")
    import shop_corpus
    from builder import run_lint

    keys = bench.aligned(shop_corpus.read(DATA / "parallel_appstore.jsonl.xz"), with_placeholders=False)
    where = bench.layout(keys, tmp_path, per_bundle=25)
    found = run_lint(tmp_path, select=["LOC", "MED010", "MED012"], paths=["listings"],
                     max_findings_per_rule=0).findings
    counts = {}
    for f in found:
        counts[f.code] = counts.get(f.code, 0) + 1
    assert counts == {"LOC003": 33, "LOC012": 3}  # session 17: "Simple notes, todos and memos" (page, title) kept
    texts = [where.get((f.path, f.line), ("", "", ""))[2] for f in found]
    assert "Onion Browser" not in texts
    assert sum("iNaturalist" in t or t.startswith("•") or t == "Discover nature around you" for t in texts) >= 20


def test_the_reaction_corpus_is_new_aligned_text_with_its_provenance():
    # session 17's source (docs/decisions.md, "Session 17: the language rules on a fifteenth
    # real-text source"): Reaction Commerce 1.16.0's storefront catalogues at a pinned commit,
    # GPL-3.0, four languages aligned by key; what the earlier parallel corpora also hold is the
    # labels every shop has ("Add to cart", "Sign in", "Email is required."), none over 30 characters
    import shop_corpus

    records = shop_corpus.read(DATA / "parallel_reaction.jsonl.xz")
    assert {(r["repo"], r["commit"], r["license"]) for r in records} == {
        ("reactioncommerce/reaction", "36d07754af9d2e0db4928aae387642231d09cd46", "GPL-3.0")}
    keys = {r["key"] for r in records if r["lang"] == "en"}
    assert len(keys) == 426 and {r["lang"] for r in records} == {"en", "es", "fr", "ru"}
    earlier = {r["text"] for name in ("parallel_shops", "parallel_shuup", "parallel_products", "parallel_smooth",
                                      "parallel_mozilla", "parallel_appstore")
               for r in shop_corpus.read(DATA / f"{name}.jsonl.xz") if r["lang"] == "en"}
    seen = [r["text"] for r in records if r["lang"] == "en" and r["text"] in earlier]
    assert len(seen) < 0.2 * len(keys) and all(len(t) <= 30 for t in seen)


def test_reaction_correct_pages_and_seeded_defects():
    # every finding and every miss read (docs/decisions.md, "Session 17"), in process, two rounds
    # of seeded_realtext.py's defects (96: English left on es/fr/ru, Spanish on fr, French on es,
    # a template slot left in). On correct pages: LOC012 true by the contract (a regular space
    # before "!" and "?" in French, straight quotes in Russian), LOC003 false on short labels
    # ("Invitation sent" French on the English page and its title, "Generar etiqueta" Catalan,
    # "прикладная" Ukrainian; "Reset password" and "Set password" kept since session 17's second
    # witness, docs/langid.md); no page is called another language (the Spanish page of
    # order and cart labels was "100% Portuguese" before session 17)
    import seeded_realtext

    result = seeded_realtext.measure(DATA / "parallel_reaction.jsonl.xz", rounds=2)
    counts = {}
    for a in result["alarms"]:
        counts[a["code"]] = counts.get(a["code"], 0) + 1
    assert counts == {"LOC001": 8, "LOC003": 4, "LOC012": 9}
    outcomes = [d["outcome"] for d in result["defects"]]
    assert len(outcomes) == 96 and outcomes.count("piled") == 0 and outcomes.count("found") >= 95


def test_the_kde_corpus_is_new_aligned_long_copy_with_its_provenance():
    # session 17's long-form source (docs/decisions.md, "Session 17: the language rules on long-form
    # product copy"): KDE applications' AppStream descriptions, CC0-1.0, each repository at a
    # pinned commit, every key in all four languages
    import kde_parallel_corpus
    import shop_corpus

    records = shop_corpus.read(DATA / "parallel_kde.jsonl.xz")
    assert {(r["repo"], r["commit"]) for r in records} <= set(kde_parallel_corpus.SOURCES)
    assert {r["license"] for r in records} == {"CC0-1.0"} and {r["lang"] for r in records} == {"en", "es", "fr", "ru"}
    english = [r["text"] for r in records if r["lang"] == "en"]
    assert len(english) == 169 and len(records) == 4 * 169
    assert sum(len(t) >= 100 for t in english) == 36  # paragraphs; the rest are feature-list items


def test_kde_correct_pages_and_seeded_defects():
    # in process, two rounds of seeded_realtext.py's defects on the long copy. On correct pages only
    # LOC003's short list items (docs/decisions.md): "Auto indentation" French, "Encolado de
    # torrents" Catalan, "Ogg/Vorbis (*.ogg)" German; the format names with file patterns and the
    # Russian paragraph listing formats by name stay silent since session 17
    import seeded_realtext

    result = seeded_realtext.measure(DATA / "parallel_kde.jsonl.xz", rounds=2)
    assert {(a["code"], a["locale"]) for a in result["alarms"]} == {("LOC003", "en"), ("LOC003", "es"), ("LOC003", "fr")}
    assert len(result["alarms"]) == 7 and not any(a["locale"] == "ru" for a in result["alarms"])
    outcomes = [d["outcome"] for d in result["defects"]]
    assert len(outcomes) == 42 and outcomes.count("piled") == 0 and outcomes.count("found") >= 41


def test_the_ofn_corpus_is_new_aligned_shop_text_with_neighbours_and_its_provenance():
    # session 18's source (docs/decisions.md, "Session 18: the language rules on a seventeenth
    # real-text source"): the Open Food Network's Rails catalogues at a pinned commit, AGPL-3.0, the
    # four page languages aligned by key plus Catalan, Portuguese and Ukrainian for the same keys
    # (the neighbours bench/seeded_realtext.py pastes onto the es and ru pages); what earlier
    # corpora also hold is the labels every shop has, none over 30 characters
    import ofn_parallel_corpus
    import shop_corpus

    records = shop_corpus.read(DATA / "parallel_ofn.jsonl.xz")
    assert {(r["repo"], r["commit"], r["license"]) for r in records} == {
        (ofn_parallel_corpus.OFN["repo"], ofn_parallel_corpus.OFN["commit"], "AGPL-3.0")}
    english = {r["text"] for r in records if r["lang"] == "en"}
    assert len(english) == 1750 and {r["lang"] for r in records} == {"en", "es", "fr", "ru", "ca", "pt", "uk"}
    later = ("parallel_ofn.jsonl.xz", "parallel_tasmota.jsonl.xz")  # itself, and the corpora built after it
    earlier = {r["text"] for path in DATA.glob("parallel_*.jsonl.xz") if path.name not in later
               for r in shop_corpus.read(path) if r["lang"] == "en"}
    seen = english & earlier
    assert len(seen) < 0.1 * len(english) and all(len(t) <= 30 for t in seen)


def test_ofn_correct_pages_and_seeded_defects_with_neighbour_languages():
    # in process, one round of seeded_realtext.py's defects, the neighbour kinds among them
    # (Catalan and Portuguese on the Spanish page, Ukrainian on the Russian one). On correct pages
    # (docs/decisions.md, session 18): LOC003 on short labels ("política de cookies" Catalan, "URL de
    # Facebook" German, "Mobile logo" French, example addresses "e.g. Gràcia" Catalan) and on the
    # brand "Open Food Network Local" left in a Russian paragraph; LOC005 on the catalogue's own
    # "(TODO: …)" labels; LOC012 true by the contract; "/producers" is silent since session 18
    import seeded_realtext

    result = seeded_realtext.measure(DATA / "parallel_ofn.jsonl.xz", rounds=1)
    counts = {}
    for a in result["alarms"]:
        counts[a["code"]] = counts.get(a["code"], 0) + 1
    # session 18 (Tasmota): "Logo smartphone (SVG)" and "(75x26)" on the French page, German 0.71,
    # silent since a label's words' language replaces the fast pass's rival (24 -> 22)
    assert counts == {"LOC001": 18, "LOC003": 22, "LOC005": 6, "LOC012": 85}
    assert not any("/producers" == a["text"] for a in result["alarms"])
    kinds = {d["kind"] for d in result["defects"]}
    assert {"catalan-on-es", "portuguese-on-es", "ukrainian-on-ru"} <= kinds and "bulgarian-on-ru" not in kinds
    outcomes = [d["outcome"] for d in result["defects"]]
    assert len(outcomes) == 179 and outcomes.count("piled") <= 1 and outcomes.count("found") >= 171


def test_the_tasmota_corpus_is_new_aligned_device_text_with_russians_neighbours_and_its_provenance():
    # session 18's Russian source (docs/decisions.md, "Session 18: the language rules on Russian
    # device copy"): Tasmota's smart-plug firmware strings at upstream's v13.2.0 commit, GPL-3.0, the
    # four page languages aligned by key plus Ukrainian and Bulgarian (Russian's neighbours) and
    # Catalan and Portuguese; English fallbacks the catalogue left untranslated are not in it
    import shop_corpus
    import tasmota_parallel_corpus

    records = shop_corpus.read(DATA / "parallel_tasmota.jsonl.xz")
    assert {(r["repo"], r["commit"], r["license"]) for r in records} == {
        (tasmota_parallel_corpus.TASMOTA["repo"], tasmota_parallel_corpus.TASMOTA["commit"], "GPL-3.0")}
    english = {r["key"]: r["text"] for r in records if r["lang"] == "en"}
    assert len(english) == 571 and {r["lang"] for r in records} == {"en", "es", "fr", "ru", "uk", "bg", "ca", "pt"}
    assert not any(r["text"] == english[r["key"]] for r in records if r["lang"] != "en")
    earlier = {r["text"] for path in DATA.glob("parallel_*.jsonl.xz") if path.name != "parallel_tasmota.jsonl.xz"
               for r in shop_corpus.read(path) if r["lang"] == "en"}
    seen = set(english.values()) & earlier
    assert len(seen) < 0.2 * len(english) and all(len(t) <= 30 for t in seen)


def test_tasmota_correct_pages_and_seeded_defects_with_ukrainian_and_bulgarian():
    # in process, one round of seeded_realtext.py's defects, Ukrainian and Bulgarian pasted onto the
    # Russian page among them. On correct pages (docs/decisions.md, session 18): LOC003 on short
    # labels ("Маска подсети", "Сила сигнала" Bulgarian, whose words lean Bulgarian too; "Group Topic
    # MQTT" English on the Spanish page) and on the catalogue's own English on its Russian page
    # ("Energy Total-In"); LOC012 true by the contract
    import seeded_realtext

    result = seeded_realtext.measure(DATA / "parallel_tasmota.jsonl.xz", rounds=1)
    counts = {}
    for a in result["alarms"]:
        counts[a["code"]] = counts.get(a["code"], 0) + 1
    assert counts == {"LOC001": 22, "LOC003": 24, "LOC012": 5}
    assert [a for a in result["alarms"] if a["locale"] == "ru" and a["code"] != "LOC003"] == []
    kinds = {d["kind"] for d in result["defects"]}
    assert {"ukrainian-on-ru", "bulgarian-on-ru", "catalan-on-es", "portuguese-on-es"} <= kinds
    outcomes = [d["outcome"] for d in result["defects"]]
    assert len(outcomes) == 43 and outcomes.count("piled") <= 1 and outcomes.count("found") >= 38
