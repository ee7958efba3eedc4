from builder import findings, lint


def batch(round_no, skus, units):
    return {"round": round_no, "skus": skus, "units_per_sku": units, "start": "2026-01-05"}


def test_too_few_rounds_too_many_skus_too_many_units(bundle, tmp_path):
    bundle.data["test_batches"] = [batch(1, ["A", "B"], 150), batch(1, ["C", "D"], 201), batch(2, ["A"], 100)]
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    text = (bundle.dir / "listing.json").read_text()
    first_skus = text[: text.index('"skus"', text.index('"test_batches"'))].count("\n") + 1
    assert lint(tmp_path, select="PRM012") == [
        (path, bundle.line_of('"test_batches"'), "PRM012"),
        (path, first_skus, "PRM012"),
        (path, bundle.line_of("201"), "PRM012"),
    ]
    messages = [f.message for f in findings(tmp_path, select="PRM012")]
    assert messages[0].startswith("2 test rounds before roll-out")
    assert messages[1].startswith("test round 1 tries 4 SKUs")


def test_near_miss_three_rounds_three_skus_200_units(bundle, tmp_path):
    bundle.data["test_batches"] = [batch(1, ["A"], 200), batch(2, ["A", "B"], 200), batch(3, ["A", "B", "C"], 200)]
    bundle.write()
    assert lint(tmp_path, select="PRM012") == []


def test_no_test_batches_declared_is_not_checked(bundle, tmp_path):
    bundle.write()
    assert lint(tmp_path, select="PRM012") == []
