from builder import BundleBuilder, findings, lint


def priced(repo, bundle_id, *prices):
    b = BundleBuilder(repo, bundle_id)
    b.data["skus"] = [
        {"id": f"{bundle_id}-{n}", "model": f"M{n}", "price": {"amount": amount, "currency": cur}, "core": core}
        for n, (amount, cur, core) in enumerate(prices)
    ]
    b.write()
    return b


def test_average_core_price_under_35(tmp_path, store):
    priced(tmp_path, "lamp", ("29.90", "USD", True), ("99.00", "USD", False))
    priced(tmp_path, "plug", ("34.90", "USD", True))
    store.write({})
    assert lint(tmp_path, select="PRM007") == [("store.json", 1, "PRM007")]
    [f] = findings(tmp_path, select="PRM007")
    assert f.message.startswith("the 2 core SKUs average US$32.40, under the premium line of US$35")


def test_near_miss_exactly_35(tmp_path, store):
    priced(tmp_path, "lamp", ("30.00", "USD", True), ("40.00", "USD", True), ("5.00", "USD", False))
    store.write({})
    assert lint(tmp_path, select="PRM007") == []


def test_other_currencies_use_the_shipped_rates(tmp_path, store):
    # ECB 2025-02-28: 1 EUR = 1.0411 USD, so EUR 33.00 = US$34.36
    priced(tmp_path, "lamp", ("33.00", "EUR", True))
    store.write({})
    [f] = findings(tmp_path, select="PRM007")
    assert "US$34.36 (converted at European Central Bank" in f.message


def test_configured_rates_win(tmp_path, store):
    priced(tmp_path, "lamp", ("33.00", "EUR", True))
    store.write({})
    assert lint(tmp_path, select="PRM007", currency_rates={"EUR": 1.0607}) == []  # 33 x 1.0607 = 35.0031 -> 35.00


def test_a_currency_without_rate_is_asked_for_not_guessed(tmp_path, store):
    priced(tmp_path, "lamp", ("3000.00", "RUB", True))
    store.write({})
    [f] = findings(tmp_path, select="PRM007")
    assert str(f.severity) == "info" and "RUB, which has no exchange rate" in f.message
    assert lint(tmp_path, select="PRM007", currency_rates={"RUB": 0.0125}) == []  # US$37.50


def test_no_core_skus_or_no_store_json_stays_silent(tmp_path, store):
    priced(tmp_path, "lamp", ("9.90", "USD", False))
    store.write({})
    assert lint(tmp_path, select="PRM007") == []
    store.path.unlink()
    priced(tmp_path, "plug", ("9.90", "USD", True))
    assert lint(tmp_path, select="PRM007") == []
