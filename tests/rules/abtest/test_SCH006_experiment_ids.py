"""SCH006 on experiments: ids key results and reports, so they repeat neither across experiments nor across variants."""

from builder import findings, lint


def test_two_experiments_with_one_id(bundle, tmp_path, experiment, nth_line):
    bundle.data["experiments"] = [experiment(), experiment(element="title", status="done")]
    bundle.write()
    assert lint(tmp_path, select="SCH006") == [(f"{bundle.rel}/listing.json", nth_line('"id": "es-hero"', 2), "SCH006")]
    [f] = findings(tmp_path, select="SCH006")
    assert "experiment id 'es-hero' repeats experiments[0]" in f.message


def test_two_variants_with_one_id(bundle, tmp_path, experiment, nth_line):
    bundle.data["experiments"] = [experiment(variants=[{"id": "control"}, {"id": "control"}])]
    bundle.write()
    assert lint(tmp_path, select="SCH006") == [(f"{bundle.rel}/listing.json", nth_line('"id": "control"', 2), "SCH006")]


def test_near_miss_same_variant_ids_in_two_experiments(bundle, tmp_path, experiment):
    """Variant ids are per experiment: every experiment may have its own "control"."""
    bundle.data["experiments"] = [experiment(), experiment(id="es-title", element="title")]
    bundle.write()
    assert lint(tmp_path, select="SCH006") == []
