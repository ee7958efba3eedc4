from builder import BundleBuilder, findings, lint


def core_skus(repo, bundle_id, count):
    b = BundleBuilder(repo, bundle_id)
    b.data["skus"] = [
        {"id": f"{bundle_id}-{n}", "model": f"M{n}", "price": {"amount": "39.90", "currency": "USD"}, "core": True}
        for n in range(count)
    ]
    b.write()
    return b


def test_six_core_skus_across_listings(tmp_path, store):
    core_skus(tmp_path, "lamp", 4)
    core_skus(tmp_path, "plug", 2)
    store.write({"seller": {"legal_name": "Example"}})
    assert lint(tmp_path, select="PRM006") == [("store.json", 1, "PRM006")]
    [f] = findings(tmp_path, select="PRM006")
    assert f.message.startswith("the store has 6 core SKUs (lamp-0 (lamp)")
    assert "at most 5" in f.message


def test_near_miss_exactly_five(tmp_path, store):
    core_skus(tmp_path, "lamp", 3)
    b = core_skus(tmp_path, "plug", 2)
    b.data["skus"].append({"id": "plug-x", "model": "MX", "price": {"amount": "9.90", "currency": "USD"}, "core": False})
    b.write()
    store.write({})
    assert lint(tmp_path, select="PRM006") == []


def test_without_store_json_the_repo_is_not_a_store(tmp_path):
    core_skus(tmp_path, "lamp", 9)
    assert lint(tmp_path, select="PRM006") == []
