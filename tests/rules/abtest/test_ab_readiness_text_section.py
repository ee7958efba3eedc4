"""--format text lists A/B hints in their own section per bundle; broken experiments stay with the errors."""

import io

from builder import run_lint

from listing_lint.reporters import text


def test_hints_get_a_section_per_bundle_and_errors_stay_in_the_main_list(bundle, tmp_path, experiment):
    bundle.data["detail_pages"] = {"en": "detail/en.html", "es": "detail/es.html", "fr": "detail/fr.html"}
    bundle.data["experiments"] = [experiment(variants=[{"id": "control"}, {"id": "b", "media": "media/gone.jpg"}])]
    bundle.write()
    out = io.StringIO()
    text.report(run_lint(tmp_path, select="ABT"), out)
    lines = out.getvalue().splitlines()
    section = lines.index("A/B readiness: demo")
    assert any(" ABT004 [error] " in line for line in lines[:section])
    hints = [line for line in lines[section + 1 :] if line.startswith("  ")]
    assert [h.split(": ")[1].split(" ")[0] for h in hints] == ["ABT001"]
    assert "fr detail page has no experiment" in hints[0]
