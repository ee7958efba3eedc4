"""Helpers for the LOC tests: real, fluent pages in four languages."""


def doc(lang: str, body: str) -> str:
    """A full HTML document; ``body`` starts on line 3."""
    return f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8"></head><body>\n{body}\n</body></html>\n'


EN = doc("en", """<h1>Smart Plug X1</h1>
<p>This smart plug turns any socket into a connected one and measures how much energy your devices use.</p>
<p>Schedule lamps, heaters and coffee makers from the app, or by voice with Alexa and Google Home.</p>
<table><tr><td>Rated power</td><td>3680 W</td></tr><tr><td>Connectivity</td><td>Wi-Fi 2.4 GHz, Bluetooth 5.3</td></tr><tr><td>Port</td><td>USB-C</td></tr></table>
<p>Price: $39.90</p>""")

ES = doc("es", """<h1>Enchufe inteligente X1</h1>
<p>Este enchufe inteligente convierte cualquier toma en una conectada y mide cuánta energía consumen tus aparatos.</p>
<p>Programa lámparas, calefactores y cafeteras desde la aplicación, o por voz con Alexa y Google Home.</p>
<table><tr><td>Potencia nominal</td><td>3680 W</td></tr><tr><td>Conectividad</td><td>Wi-Fi 2,4 GHz, Bluetooth 5.3</td></tr><tr><td>Puerto</td><td>USB-C</td></tr></table>
<p>Precio: 39,90 US$</p>""")

FR = doc("fr", """<h1>Prise connectée X1</h1>
<p>Cette prise connectée transforme n’importe quelle prise en prise intelligente et mesure la consommation de vos appareils.</p>
<p>Programmez lampes, radiateurs et cafetières depuis l’application, ou à la voix avec Alexa et Google Home.</p>
<table><tr><td>Puissance nominale</td><td>3680 W</td></tr><tr><td>Connectivité</td><td>Wi-Fi 2,4 GHz, Bluetooth 5.3, LED</td></tr><tr><td>Port</td><td>USB-C</td></tr></table>
<p>Prix\u00a0: 39,90\u00a0€</p>""")

RU = doc("ru", """<h1>Умная розетка X1</h1>
<p>Эта умная розетка превращает любую обычную розетку в подключённую и измеряет, сколько энергии потребляют ваши приборы.</p>
<p>Управляйте лампами, обогревателями и кофеварками из приложения или голосом через Alexa и Google Home.</p>
<table><tr><td>Номинальная мощность</td><td>3680 Вт</td></tr><tr><td>Связь</td><td>Wi-Fi 2,4 ГГц, Bluetooth 5.3</td></tr><tr><td>Разъём</td><td>USB-C</td></tr></table>
<p>Цена: 39,90 $</p>""")

PAGES = {"en": EN, "es": ES, "fr": FR, "ru": RU}
#: each page's last block: where a test puts the blocks it is about (the first on line 7)
PRICE_LINES = {"en": "<p>Price: $39.90</p>", "es": "<p>Precio: 39,90 US$</p>",
               "fr": "<p>Prix\u00a0: 39,90\u00a0€</p>", "ru": "<p>Цена: 39,90 $</p>"}


def with_blocks(lang: str, *texts: str) -> str:
    """The ``lang`` page with its price line replaced by a paragraph per text."""
    return PAGES[lang].replace(PRICE_LINES[lang], "".join(f"<p>{t}</p>" for t in texts))


TITLES = {
    "en": "Smart Plug X1 Wi-Fi with Energy Monitor, works with Alexa and Google Home",
    "es": "Enchufe inteligente X1 Wi-Fi con medidor de consumo, compatible con Alexa y Google Home",
    "fr": "Prise connectée X1 Wi-Fi avec mesure de consommation, compatible Alexa et Google Home",
    "ru": "Умная розетка X1 Wi-Fi с измерением энергопотребления, работает с Alexa и Google Home",
}


def full(bundle, **pages):
    """Four correct locales (titles and pages); keyword arguments replace a page's HTML."""
    bundle.data["title"] = dict(TITLES)
    for locale, html in {"en": EN, "es": ES, "fr": FR, "ru": RU, **pages}.items():
        bundle.page(locale, html)
    bundle.data["brand"] = {"name": "Voltia"}
    return bundle


def shown_to_accurate(monkeypatch) -> list[str]:
    """The texts the judge's accurate pass is asked about from now on, in order (a fresh judge: no
    verdict kept from another test)."""
    from listing_lint.langid import judge

    shown: list[str] = []
    accurate = judge.Judge._accurate

    def spy(self, text, digest, pair):
        shown.append(text)
        return accurate(self, text, digest, pair)

    monkeypatch.setattr(judge.Judge, "_accurate", spy)
    monkeypatch.setattr(judge, "_judges", {})
    return shown
