"""SCH009: a product group outside the vocabulary is reported with the closest group; ids and aliases pass."""

from builder import BundleBuilder, findings, lint


def _bundle(tmp_path, groups):
    b = BundleBuilder(tmp_path)
    b.data["product_groups"] = groups
    b.write()
    return b


def test_misspelt_group_is_reported_at_its_line_with_did_you_mean(tmp_path):
    b = _bundle(tmp_path, ["radio", "eletric-toy"])
    assert lint(tmp_path, select="SCH009") == [("listings/demo/listing.json", b.line_of('"eletric-toy"'), "SCH009")]
    (f,) = findings(tmp_path, select="SCH009")
    assert "'eletric-toy' is not a product group" in f.message
    assert "did you mean 'electric-toy'?" in f.message
    assert str(f.severity) == "error"


def test_a_misspelt_alias_suggests_the_group_id_not_the_alias(tmp_path):
    _bundle(tmp_path, ["qi-chargr"])
    (f,) = findings(tmp_path, select="SCH009")
    assert "did you mean 'wireless-charger'?" in f.message


def test_nothing_close_gives_no_guess(tmp_path):
    _bundle(tmp_path, ["zzzz"])
    (f,) = findings(tmp_path, select="SCH009")
    assert "did you mean" not in f.message and "--groups" in f.message


def test_near_miss_ids_and_aliases_are_known(tmp_path):
    _bundle(tmp_path, ["toys", "electronic-toy", "mains-powered", "qi", "textile", "prop-65"])
    assert lint(tmp_path, select="SCH") == []


def test_near_miss_a_group_added_by_the_overlay_is_known(tmp_path):
    (tmp_path / "extra.yaml").write_text(
        "product_groups:\n  - {id: garden-tool, title: 'powered garden tools (machinery)', aliases: [garden-tools]}\n",
        encoding="utf-8",
    )
    _bundle(tmp_path, ["garden-tools"])
    assert lint(tmp_path, select="SCH009", standards_overlay="extra.yaml") == []


def test_refused_version_gets_no_group_finding(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["schema_version"] = "2"
    b.data["product_groups"] = ["nonsense"]
    b.write()
    assert lint(tmp_path, select="SCH009") == []
