"""Session 14's audit (docs/decisions.md, "Session 14: listing.json, round 2"): seller-style listing.json
mistakes applied one at a time to the clean base bundle of the rule examples (tests/rule_examples.py, which
lints clean with every rule); each is linted with every rule and its findings counted. The goal: one
finding per mistake, none for a harmless variation.

    python bench/listing_mistakes.py [WORKDIR] [CASE-REGEX ...]      (about 10 s after the base is built)
"""
import json, re, shutil, sys, time
from pathlib import Path
import os
import tempfile
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
import media_factory as mf
from rule_examples import Example, Applied, base_bundle
from builder import run_lint

WORK = Path(sys.argv[1]) if len(sys.argv) > 1 and "/" in sys.argv[1] else Path(tempfile.gettempdir()) / "listing-mistakes"
BASE = WORK / "base"
if not BASE.exists():
    photos = [mf.jpeg(mf.photo(seed=40 + i, shot=1 + i % 3, size=(800, 800))) for i in range(10)]
    WORK.mkdir(parents=True, exist_ok=True)
    video = mf.video(WORK / "wide.mp4", 1280, 720).read_bytes()
    base_bundle(BASE, photos, video)

def text_edit(fn):
    return ("text", fn)
def bytes_edit(fn):
    return ("bytes", fn)

def sub(old, new, count=1):
    def f(t):
        assert old in t, old
        return t.replace(old, new, count)
    return text_edit(f)

# (id, kind: "mistake"|"harmless", steps) ; step: notation string or ("text"/"bytes", fn)
CASES = [
 ("price-comma-decimal", "mistake", ['listing.json /skus/0/price/amount = "44,90"']),
 ("price-euro-symbol", "mistake", ['listing.json /skus/0/price/amount = "€44.90"']),
 ("price-with-code", "mistake", ['listing.json /skus/0/price/amount = "44.90 USD"']),
 ("price-dollar", "mistake", ['listing.json /skus/0/price/amount = "$44.90"']),
 ("price-thousands", "mistake", ['listing.json /skus/0/price/amount = "1,244.90"']),
 ("currency-symbol", "mistake", ['listing.json /skus/0/price/currency = "$"']),
 ("currency-lower", "mistake", ['listing.json /skus/0/price/currency = "usd"']),
 ("price-as-string", "mistake", ['listing.json /skus/0/price = "44.90 USD"']),
 ("date-slashes", "mistake", ['listing.json /placed_on_market = "01/02/2026"']),
 ("date-french", "mistake", ['listing.json /placed_on_market = "1 févr. 2026"']),
 ("date-unpadded", "mistake", ['listing.json /certificates/0/issued = "2026-1-20"']),
 ("date-time", "mistake", ['listing.json /placed_on_market = "2026-02-01T00:00:00Z"']),
 ("date-impossible", "mistake", ['listing.json /certificates/0/issued = "2026-02-30"']),
 ("key-Title", "mistake", ["listing.json /title removed", 'listing.json /Title = ' + json.dumps({"en": "Smart plug with energy monitor", "es": "Enchufe inteligente con medidor de consumo", "fr": "Prise connectée avec mesure de consommation", "ru": "Умная розетка с измерением потребления"}, ensure_ascii=False)]),
 ("key-MARKETS", "mistake", ["listing.json /markets removed", 'listing.json /MARKETS = ["EU"]']),
 ("key-spanish-mercados", "mistake", ["listing.json /markets removed", 'listing.json /mercados = ["EU"]']),
 ("key-cyrillic-a", "mistake", ["listing.json /markets removed", 'listing.json /m\u0430rkets = ["EU"]']),
 ("key-fullwidth", "mistake", ["listing.json /markets removed", 'listing.json /\uff4darkets = ["EU"]']),
 ("markets-string", "mistake", ['listing.json /markets = "EU"']),
 ("markets-comma-string", "mistake", ['listing.json /markets = "EU, UK"', 'listing.json /skus/0/markets = ["EU"]']),
 ("locales-comma-string", "mistake", ['listing.json /locales = "en,es,fr,ru"']),
 ("title-list", "mistake", ['listing.json /title = ["Smart plug with energy monitor"]']),
 ("skus-object", "mistake", ['listing.json /skus = {"id": "D1", "model": "D1-EU", "price": {"amount": "44.90", "currency": "USD"}}']),
 ("huge-int", "mistake", ['listing.json /metrics = {"daily_visitors": {"es": 100000000000000000000000000000}}']),
 ("nan", "mistake", [sub('"placed_on_market"', '"metrics": {"ctr": NaN},\n  "placed_on_market"')]),
 ("infinity", "mistake", [sub('"placed_on_market"', '"metrics": {"return_rate": Infinity},\n  "placed_on_market"')]),
 ("market-mixed-case-sku", "mistake", ['listing.json /skus/0/markets = ["Eu"]']),
 ("market-GB", "mistake", ['listing.json /markets = ["EU", "GB"]']),
 ("sku-missing-price", "mistake", ["listing.json /skus/0/price removed"]),
 ("sku-missing-currency", "mistake", ["listing.json /skus/0/price/currency removed"]),
 ("zwsp-in-value-market", "mistake", ['listing.json /markets = ["EU\u200b"]']),
 ("zwsp-in-id", "mistake", ['listing.json /id = "demo\u200b"']),
 ("trailing-space-category", "mistake", ['listing.json /category = "consumer-electronics-accessories "']),
 ("category-capitalised", "mistake", ['listing.json /category = "Consumer-Electronics-Accessories"']),
 ("core-yes", "mistake", ['listing.json /skus/0/core = "yes"']),
 ("legislation-lower", "mistake", ['listing.json /certificates/0/legislation = ["red", "red-da", "rohs"]']),
 ("id-uppercase", "mistake", ['listing.json /id = "Demo-Plug"']),
 ("document-array", "mistake", [text_edit(lambda t: "[\n" + t.rstrip() + "\n]\n")]),
 ("document-wrapped", "mistake", [text_edit(lambda t: '{"listing": ' + t.rstrip() + "}\n")]),
 ("two-documents", "mistake", [text_edit(lambda t: t + t)]),
 ("utf16-bom", "mistake", [bytes_edit(lambda b: b.decode("utf-8").encode("utf-16"))]),
 ("latin1", "mistake", [bytes_edit(lambda b: b.decode("utf-8").encode("latin-1", "replace"))]),
 ("empty-page-path", "mistake", ['listing.json /detail_pages/fr = ""']),
 ("page-path-slash", "mistake", ['listing.json /detail_pages/fr = "/detail/fr.html"']),
 ("nested-bundle", "mistake", [("copy", "listing.json", "old/listing.json")]),
 ("locales-upper", "mistake", ['listing.json /locales = ["EN", "ES", "FR", "RU"]']),
 ("title-empty-string", "mistake", ['listing.json /title/fr = ""']),
 ("markets-duplicate", "mistake", ['listing.json /markets = ["EU", "EU"]']),
 ("amount-zero", "mistake", ['listing.json /skus/0/price/amount = "0.00"']),
 ("nbsp-in-amount", "mistake", ['listing.json /skus/0/price/amount = "44,90\u00a0€"']),
 ("media-kind-upper", "mistake", ['listing.json /media/1/kind = "Image"']),
 ("alt-list", "mistake", ['listing.json /media/1/alt = ["A smart plug on a wooden desk next to a reading lamp"]']),
 ("market-cyrillic-E", "mistake", ['listing.json /markets = ["ЕU"]']),
 ("key-nbsp-trailing", "mistake", [sub('"markets"', '"markets\u00a0"')]),
 ("nested-bundle-whole", "mistake", [("copytree", "", "v2")]),
 # harmless
 ("ok-minified", "harmless", [text_edit(lambda t: json.dumps(json.loads(t), ensure_ascii=False, separators=(",", ":")))]),
 ("ok-tabs", "harmless", [text_edit(lambda t: json.dumps(json.loads(t), ensure_ascii=False, indent="\t") + "\n")]),
 ("ok-ascii-escapes", "harmless", [text_edit(lambda t: json.dumps(json.loads(t), ensure_ascii=True, indent=2))]),
 ("ok-key-order", "harmless", [text_edit(lambda t: json.dumps(dict(reversed(list(json.loads(t).items()))), ensure_ascii=False, indent=2))]),
 ("ok-no-final-newline", "harmless", [text_edit(lambda t: t.rstrip())]),
 ("ok-amount-no-decimals", "harmless", ['listing.json /skus/0/price/amount = "45"']),
 ("ok-sorted-keys", "harmless", [text_edit(lambda t: json.dumps(json.loads(t), ensure_ascii=False, indent=4, sort_keys=True))]),
]

def run_case(case_id, steps, work):
    repo = work / case_id
    if repo.exists(): shutil.rmtree(repo)
    shutil.copytree(BASE, repo)
    ex = Example(case_id, "Fails", 1, [])
    ap = Applied(repo, ex)
    lj = repo / "listings/demo/listing.json"
    for step in steps:
        if isinstance(step, str):
            ap.apply(step)
        elif step[0] == "text":
            lj.write_text(step[1](lj.read_text(encoding="utf-8")), encoding="utf-8")
        elif step[0] == "bytes":
            lj.write_bytes(step[1](lj.read_bytes()))
        elif step[0] == "copytree":
            src = repo / "listings/demo"; tmp = work / (case_id + "-tmp")
            if tmp.exists(): shutil.rmtree(tmp)
            shutil.copytree(src, tmp); shutil.copytree(tmp, src / step[2]); shutil.rmtree(tmp)
        elif step[0] == "copy":
            dst = repo / "listings/demo" / step[2]; dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(repo / "listings/demo" / step[1], dst)
    return run_lint(repo, select=None, as_of=ex.as_of).findings

if __name__ == "__main__":
    work = WORK / "cases"; work.mkdir(exist_ok=True)
    only = [a for a in sys.argv[1:] if "/" not in a]
    out = {}
    for case_id, kind, steps in CASES:
        if only and not any(re.search(o, case_id) for o in only): continue
        t = time.time()
        found = run_case(case_id, steps, work)
        out[case_id] = [(f.code, f.path.split("/")[-1], f.line, f.message) for f in found]
        print(f"== {case_id} [{kind}] {len(found)} ({time.time()-t:.1f}s)")
        for f in found:
            print(f"   {f.code} {f.path}:{f.line} {f.message[:230]}")
    json.dump(out, open(WORK / "result.json", "w"), indent=1, ensure_ascii=False)
    print(f"{sum(len(v) for v in out.values())} findings over {len(out)} cases; written to {WORK / 'result.json'}")
