"""Find pile-ons: one defect in a bundle that more than one finding reports ("one root cause, one finding").

Applies, to the clean base bundle of the runnable rule examples (tests/rule_examples.py), every rule's
``Fails:`` example and a set of single-defect mutations (``MUTATIONS`` below, in the same notation),
lints each with every rule, and prints every case that reports more than one finding, grouped by place
(file and line), so a reader can tell a pile-on (two findings, one cause) from two real defects.

    .venv/bin/python scripts/find_overlaps.py                 # all families but LOC
    .venv/bin/python scripts/find_overlaps.py --family MED    # one family's examples, and every mutation
    .venv/bin/python scripts/find_overlaps.py --only-mutations

Exit status 1 when a case has more than one finding, 0 otherwise. It is a tool for audits, not a test:
tests/test_rule_examples.py (KNOWN_OVERLAPS) and the rules' own tests pin the outcome.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

import media_factory as mf  # noqa: E402
from rule_examples import Example, base_bundle, examples_of, run_example  # noqa: E402

from listing_lint import registry  # noqa: E402

#: one defect each, in the notation of docs/rule-examples.md
MUTATIONS: dict[str, list[str]] = {
    "market-invalid": ['listing.json /markets = ["DE"]'],
    "placed-on-market-not-a-date": ['listing.json /placed_on_market = "2026-13-01"'],
    "placed-on-market-number": ["listing.json /placed_on_market = 20260201"],
    "issued-not-a-date": ['listing.json /certificates/0/issued = "yesterday"'],
    "issued-long-ago": ['listing.json /certificates/0/issued = "2015-01-20"'],
    "expires-past": ['listing.json /certificates/0/expires = "2026-06-01"'],
    "expires-not-a-date": ['listing.json /certificates/0/expires = "soon"'],
    "certificate-removed": ["certs/ce.pdf removed"],
    "certificate-empty": ["certs/ce.pdf: empty file"],
    "certificate-outside": ['listing.json /certificates/0/file = "../ce.pdf"'],
    "certificate-file-number": ["listing.json /certificates/0/file = 3"],
    "scheme-invalid": ['listing.json /certificates/0/scheme = "XX"'],
    "legislation-invalid": ['listing.json /certificates/0/legislation/0 = "REDD"'],
    "legislation-not-a-list": ['listing.json /certificates/0/legislation = "RED"'],
    "standards-not-a-list": ['listing.json /certificates/0/standards = "EN 62368-1:2014+A11:2017"'],
    "models-not-a-list": ['listing.json /certificates/0/models = "D1-EU"'],
    "product-group-invalid": ['listing.json /product_groups/0 = "radios"'],
    "category-invalid": ['listing.json /category = 7'],
    "responsible-market-invalid": ['listing.json /responsible_person/0/market = "XX"'],
    "responsible-email-number": ["listing.json /responsible_person/0/email = 5"],
    "cover-removed": ["media/cover.jpg removed"],
    "cover-truncated": ["media/cover.jpg: truncated photo"],
    "cover-empty": ["media/cover.jpg: empty file"],
    "cover-png-bytes": ["media/cover.jpg: png bytes"],
    "scene-removed": ["media/scene-03.jpg removed"],
    "video-removed": ["media/main.mp4 removed"],
    "video-empty": ["media/main.mp4: empty file"],
    "poster-removed": ["media/poster.jpg removed"],
    "media-outside": ["media/scene-07.jpg removed", 'listing.json /media/8/file = "../scene-07.jpg"'],
    "media-absolute": ["media/scene-07.jpg removed", 'listing.json /media/8/file = "/tmp/scene-07.jpg"'],
    "media-url": ["media/scene-07.jpg removed", 'listing.json /media/8/file = "https://cdn.example.com/scene-07.jpg"'],
    "media-kind-invalid": ['listing.json /media/1/kind = "picture"'],
    "media-role-invalid": ['listing.json /media/3/role = "hero"'],
    "media-placement-invalid": ['listing.json /media/3/placement = "footer"'],
    "media-file-number": ["listing.json /media/3/file = 3"],
    "alt-not-an-object": ['listing.json /media/3/alt = "A smart plug"'],
    "page-removed": ["detail/fr.html removed"],
    "page-outside": ["detail/fr.html removed", 'listing.json /detail_pages/fr = "../fr.html"'],
    "page-img-outside": ['detail/es.html: <img src="../../outside.jpg" alt="Un enchufe inteligente sobre un escritorio">'],
    "page-img-absolute": ['detail/es.html: <img src="/etc/plug.jpg" alt="Un enchufe inteligente sobre un escritorio">'],
    "page-img-missing": ['detail/es.html: <img src="../media/nope.jpg" alt="Un enchufe inteligente sobre un escritorio">'],
    "page-link-outside": ['detail/es.html: <p>Ver <a href="../../other.html">la guía</a>.</p>'],
    "variant-media-missing": ['listing.json /experiments/0/variants/1/media = "media/scene-dusk.jpg"'],
    "variant-media-url": ['listing.json /experiments/0/variants/1/media = "https://cdn.example.com/dusk.jpg"'],
    "variant-media-outside": ['listing.json /experiments/0/variants/1/media = "../dusk.jpg"'],
    "variant-page-missing": ['listing.json /experiments/0/variants/1/page = "detail/es-b.html"'],
    "variant-media-number": ["listing.json /experiments/0/variants/1/media = 3"],
    "experiment-locale-invalid": ['listing.json /experiments/0/locale = "xx-hero"'],
    "experiment-status-invalid": ['listing.json /experiments/0/status = "done"'],
    "experiment-split-invalid": ["listing.json /experiments/0/traffic_split = [50]"],
    "experiment-split-strings": ['listing.json /experiments/0/traffic_split = ["50", "50"]'],
    "experiment-variants-not-a-list": ['listing.json /experiments/0/variants = "control"'],
    "experiment-id-duplicate": ['listing.json /experiments/1/id = "es-hero"'],
    "schema-version-unknown": ['listing.json /schema_version = "9"'],
    "title-not-an-object": ['listing.json /title = "Smart plug"'],
    "json-broken": ['listing.json = {"id": "demo",'],
    "media-renamed": ["media/scene-07.jpg renamed to media/scene-7.jpg"],
    "trademark-file-missing": ['listing.json /brand = {"name": "Voltra", "trademark": {"mark": "R", "office": "EUIPO", "number": "018765432", "classes": [9], "file": "certs/tm.pdf"}}'],
    "trademark-mark-invalid": ['listing.json /brand = {"name": "Voltra", "trademark": {"mark": "®", "office": "EUIPO", "number": "018765432", "classes": [9]}}'],
    "trademark-classes-strings": ['listing.json /brand = {"name": "Voltra", "trademark": {"mark": "R", "office": "EUIPO", "number": "018765432", "classes": ["9"]}}'],
    "trademark-class-zero": ['listing.json /brand = {"name": "Voltra", "trademark": {"mark": "R", "office": "EUIPO", "number": "018765432", "classes": [0]}}'],
    "authorization-file-missing": ['listing.json /brand = {"name": "Voltra", "authorization": [{"from": "Owner GmbH", "to": "Seller Ltd", "file": "certs/auth.pdf", "valid_until": "2028-12-31"}]}'],
    "authorization-until-not-a-date": ["certs/auth.pdf: pdf \"Authorization\"", 'listing.json /brand = {"name": "Voltra", "authorization": [{"from": "Owner GmbH", "to": "Seller Ltd", "file": "certs/auth.pdf", "valid_until": "31/12/2028"}]}'],
    "authorization-to-number": ["certs/auth.pdf: pdf \"Authorization\"", 'listing.json /brand = {"name": "Voltra", "authorization": [{"from": "Owner GmbH", "to": 5, "file": "certs/auth.pdf"}]}'],
    "return-rate-percent": ["listing.json /metrics/return_rate = 5"],
    "return-rate-string": ['listing.json /metrics/return_rate = "0.05"'],
    "dispute-rate-negative": ["listing.json /metrics/dispute_rate = -0.1"],
    "health-score-string": ['listing.json /metrics/health_score = "76"'],
    "health-score-over": ["listing.json /metrics/health_score = 176"],
    "dsr-over": ["store.json /metrics/dsr = 7.5"],
    "dsr-string": ['store.json /metrics/dsr = "4.9"'],
    "warehouse-market-invalid": ['listing.json /fulfillment = {"warehouses": [{"market": "DE", "kind": "local", "handling_days": 2}]}'],
    "warehouse-kind-invalid": ['listing.json /fulfillment = {"warehouses": [{"market": "EU", "kind": "nearby", "handling_days": 2}]}'],
    "warehouse-days-string": ['listing.json /fulfillment = {"warehouses": [{"market": "EU", "kind": "local", "handling_days": "2"}]}'],
    "sku-price-number": ["listing.json /skus/0/price/amount = 29.9"],
    "sku-currency-invalid": ['listing.json /skus/0/price/currency = "EURO"'],
    "sku-core-string": ['listing.json /skus/0/core = "yes"'],
    "test-batches-round-string": ['listing.json /test_batches = [{"round": "1", "skus": ["D1-EU"], "units_per_sku": 150}]'],
    "selection-score-string": ['listing.json /selection = {"blue_ocean_score": "90", "competition_heat": 40}'],
    "seller-licence-not-a-date": ['store.json /seller = {"license_registered": "June 2020", "serious_violations_12m": 0}'],
    "experiment-started-not-a-date": ['listing.json /experiments/0/status = "running"', 'listing.json /experiments/0/started = "last week"'],
    "experiment-locale-unknown": ['listing.json /experiments/0/locale = "de"'],
    "locales-invalid": ['listing.json /locales = ["en", "es", "fr", "ru", "xx_XX_1"]'],
}


def cases(families: set[str], only_mutations: bool) -> list[tuple[str, list[str], str | None]]:
    out = []
    if not only_mutations:
        for rule in registry.all_rules():
            if rule.code[:3] not in families or rule.code == "LNT003":
                continue
            for example in examples_of(rule):
                if example.kind == "Fails":
                    out.append((example.id, example.lines, rule.code))
    out += [(f"mutation:{name}", lines, None) for name, lines in MUTATIONS.items()]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--family", action="append", help="rule families whose Fails examples run (default: all but LOC)")
    parser.add_argument("--only-mutations", action="store_true")
    parser.add_argument("-k", help="only cases whose id contains this text")
    args = parser.parse_args(argv)
    families = set(args.family or ["SCH", "MED", "CMP", "BRD", "PRM", "ABT", "LNT"])
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        base = work / "base"
        base.mkdir()
        photos = [mf.jpeg(mf.photo(seed=40 + i, shot=1 + i % 3, size=(800, 800))) for i in range(10)]
        video = mf.video(work / "wide.mp4", 1280, 720).read_bytes()
        base_bundle(base, photos, video)
        piled = 0
        silent: list[str] = []
        for n, (case_id, lines, owner) in enumerate(cases(families, args.only_mutations)):
            if args.k and args.k not in case_id:
                continue
            example = Example(case_id.replace(":", "-"), "Fails", n, list(lines))
            findings = run_example(example, base, work / "runs")
            if not findings:
                silent.append(case_id)  # a defect nothing reports: a gap, not a pile-on (shown at the end)
            if len(findings) <= 1:
                continue
            piled += 1
            print(f"== {case_id}: {len(findings)} findings" + (f" (the example is {owner}'s)" if owner else ""))
            for line in lines:
                print(f"   | {line}")
            for f in findings:
                print(f"   {f.code} {f.path}:{f.line}:{f.column} {f.message}")
        print(f"{piled} case(s) with more than one finding")
        if silent:
            print(f"{len(silent)} case(s) with no finding at all: {', '.join(silent)}")
    return 1 if piled else 0


if __name__ == "__main__":
    sys.exit(main())
