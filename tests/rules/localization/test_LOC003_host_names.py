"""LOC003 on a site named by its host name without "https://" or "www." (session 15: mozilla.org's
Russian product pages send the buyer "на сайте addons.mozilla.org", and its words "addons mozilla
org" were French 0.69 there). A host name is an address, no language, like a URL; a sentence in
another language around it is still found. Both ways, exact lines."""

from builder import lint

from loc_pages import full, with_blocks

HOST = "help.plugcloud.net"


def test_a_host_name_in_a_sentence_or_alone_is_no_language(bundle, tmp_path):
    full(bundle, ru=with_blocks("ru", f"Приложение и инструкцию можно скачать на сайте {HOST}.", HOST),
         es=with_blocks("es", f"Descarga la aplicación en {HOST}.", HOST))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


def test_near_miss_a_sentence_in_another_language_around_a_host_is_found(bundle, tmp_path):
    full(bundle, ru=with_blocks("ru", f"Download the app and its manual at {HOST} before you start."))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == [("listings/demo/detail/ru.html", 7, "LOC003")]
