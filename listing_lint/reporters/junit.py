"""``--format junit``: JUnit XML for CI test-report views.

One ``testsuite`` per bundle (store-level findings in a suite named ``store``), one ``testcase``
per rule that ran on it. A rule with findings at or above ``fail-on`` fails, and its
``failure`` lists every finding of that rule, one per line; findings below ``fail-on`` are
listed in the test case's ``system-out`` and do not fail it.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from listing_lint.finding import Severity
from listing_lint.reporters._common import rule_for
from listing_lint.reporters.text import OLD_COMMAND, escape, format_finding

STORE_SUITE = "store"


def _rules_that_ran(result) -> tuple[list[str], list[str]]:
    """(bundle rule codes, store rule codes) of the selected rules."""
    bundle_codes, store_codes = [], []
    for code in result.settings.codes:
        rule = rule_for(code)
        if rule is None:
            continue
        if rule.check is not None:
            bundle_codes.append(code)
        if rule.check_repo is not None:
            store_codes.append(code)
    return bundle_codes, store_codes


def _suite(name: str, codes: list[str], findings: list, threshold: Severity, elapsed: float) -> ET.Element:
    by_code: dict[str, list] = {}
    for f in findings:
        by_code.setdefault(f.code, []).append(f)
    codes = sorted(set(codes) | set(by_code))
    suite = ET.Element("testsuite", name=name, tests=str(len(codes)), time=f"{elapsed:.3f}")
    failures = 0
    for code in codes:
        rule = rule_for(code)
        case = ET.SubElement(suite, "testcase", classname=name, name=f"{code} {rule.name if rule else by_code[code][0].rule}")
        items = by_code.get(code, [])
        failing = [f for f in items if f.severity >= threshold]
        passing = [f for f in items if f.severity < threshold]
        if failing:
            failures += 1
            worst = max(f.severity for f in failing)
            failure = ET.SubElement(case, "failure", message=f"{len(failing)} finding(s) at or above {threshold}", type=str(worst))
            failure.text = "\n".join(format_finding(f, False) for f in failing)
        if passing:
            ET.SubElement(case, "system-out").text = "\n".join(format_finding(f, False) for f in passing)
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    return suite


def document(result) -> ET.Element:
    threshold = Severity.parse(result.settings.config.get("fail-on"))
    bundle_codes, store_codes = _rules_that_ran(result)
    per_bundle: dict[str | None, list] = {}
    for f in result.findings:
        per_bundle.setdefault(f.bundle, []).append(f)
    root = ET.Element("testsuites", name="listing-lint")
    share = result.elapsed / max(1, len(result.bundles))
    for b in sorted(result.bundles, key=lambda b: b.manifest):
        # an id is the seller's text: control characters are not allowed in XML 1.0 even escaped
        root.append(_suite(escape(b.bundle_id), bundle_codes, per_bundle.pop(b.bundle_id, []), threshold, share))
    store_findings = [f for key, items in sorted(per_bundle.items(), key=lambda kv: kv[0] or "") for f in items]
    if store_findings or (store_codes and result.bundles):
        root.append(_suite(STORE_SUITE, store_codes, store_findings, threshold, 0.0))
    for attr in ("tests", "failures", "errors"):
        root.set(attr, str(sum(int(s.get(attr)) for s in root)))
    return root


def report(result, out, color: bool = False) -> None:
    root = document(result)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    # "##[" (text.OLD_COMMAND) can only be in text or an attribute value, where &#91; is the same "["
    out.write(ET.tostring(root, encoding="unicode").replace(OLD_COMMAND, "##&#91;"))
    out.write("\n")
