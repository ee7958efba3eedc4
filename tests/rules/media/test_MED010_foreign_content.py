from builder import findings, lint
from media_factory import premium

PAGE = """<!doctype html>
<html lang="en">
<body>
<p>Smart plug.</p>
<img src="https://i.imgur.com/plug.jpg" alt="Plug">
<img src="../media/missing.jpg" alt="Plug">
<p>Also on <a href="https://www.amazon.com/dp/B0X">Amazon</a>.</p>
<p><a href="https://www.aliexpress.com@evil.example/">store</a></p>
<img src="../media/scene-06.jpg" alt="Plug">
<img src="https://ae01.alicdn.com/kf/S1.jpg" srcset="//ae-pic-a1.aliexpress-media.com/kf/S1.jpg 2x" alt="Plug">
<p><a href="https://www.aliexpress.com/store/1">Our store</a> <a href="#specs">specs</a> <a name="specs">Specs</a></p>
</body>
</html>
"""


def test_foreign_images_missing_files_and_foreign_links(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    bundle.page("en", PAGE)
    bundle.write()
    path = f"{bundle.rel}/detail/en.html"
    assert lint(tmp_path, select="MED010") == [(path, 5, "MED010"), (path, 6, "MED010"), (path, 7, "MED010"), (path, 8, "MED010")]
    messages = [f.message for f in findings(tmp_path, select="MED010")]
    assert messages[0].startswith("image https://i.imgur.com/plug.jpg is not on the marketplace's image hosts")
    assert messages[1].startswith("image ../media/missing.jpg is missing")
    assert messages[2].startswith("link to https://www.amazon.com/dp/B0X is removed by the marketplace")


def test_near_miss_configured_image_host(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    bundle.page("en", '<p>Plug</p><img src="https://cdn.example-shop.com/a.jpg" alt="Plug">\n<a href="https://shop.example.com/x">x</a>')
    bundle.write()
    assert lint(tmp_path, select="MED010", image_hosts=["example-shop.com"], link_domains=["shop.example.com"]) == []
