from builder import lint

from loc_pages import FR, full


def test_chinese_left_in_french_page(bundle, tmp_path):
    fr = FR.replace("<h1>Prise connectée X1</h1>", "<h1>Prise connectée X1 智能插座</h1>")
    full(bundle, fr=fr)
    bundle.write()
    assert lint(tmp_path, select="LOC006") == [("listings/demo/detail/fr.html", 3, "LOC006")]


def test_placeholder_is_not_reported_twice_and_marked_quotation_passes(bundle, tmp_path):
    fr = FR.replace("<h1>Prise connectée X1</h1>", '<h1>Prise {关键词} X1</h1>\n<p>Le nom chinois <span lang="zh">智能插座</span> signifie prise intelligente.</p>')
    full(bundle, fr=fr)
    bundle.write()
    assert lint(tmp_path, select="LOC006") == []
