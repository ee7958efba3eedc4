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


def test_chinese_paragraph_is_reported_once(bundle, tmp_path):
    # judged Chinese as a whole: LOC006 quotes it, LOC003 stays silent (one finding per root cause)
    fr = FR.replace("<p>Prix\u00a0: 39,90\u00a0€</p>", "<p>这款智能插座可以将任何插座变成联网插座，并测量您的设备消耗了多少能源。</p>")
    full(bundle, fr=fr)
    bundle.write()
    assert lint(tmp_path, select=["LOC003", "LOC006"]) == [("listings/demo/detail/fr.html", 7, "LOC006")]
