from builder import findings, lint
from media_factory import premium

PAGE = """<!doctype html>
<html lang="en">
<head><style>p { color: red }</style></head>
<body>
<pre>Size: 10 x 5 cm</pre>
<div style="position:absolute; top:0">Badge</div>
<p style="background: url(https://x.example/bg.png)">Text</p>
<script>alert(1)</script>
<p style="color:#333; text-align:center; font-weight:bold">Simple styles stay.</p>
<table><tr><td>Size</td><td>10 x 5 cm</td></tr></table>
</body>
</html>
"""


def test_stripped_elements_and_complex_styles_with_their_lines(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    bundle.page("en", PAGE)
    bundle.write()
    path = f"{bundle.rel}/detail/en.html"
    assert lint(tmp_path, select="MED012") == [(path, line, "MED012") for line in (3, 5, 6, 7, 8)]
    messages = [f.message for f in findings(tmp_path, select="MED012")]
    assert messages[1] == "<pre> is removed by the marketplace with its content: use <p> or a <table>"
    assert messages[2].startswith("style attribute uses 'position'")


def test_near_miss_simple_styles_and_tables(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    bundle.page("en", '<p style="color:#333; text-align:center">Plug</p>\n<table><tr><td>10 cm</td></tr></table>')
    bundle.write()
    assert lint(tmp_path, select="MED012") == []
