"""Build listing_lint/data/iso3166_names.json: the ISO 3166-1 country names (short, official and
common names) in English and their translations in the other page languages, from the Debian
iso-codes data that pycountry ships (pycountry is only needed to run this script).

    pip install pycountry==24.6.1 && python scripts/iso_country_names.py

Shops often list countries by their ISO names ("Bonaire, Sint Eustatius and Saba", "Congo, The
Democratic Republic of the", "Korea, Republic of"), which CLDR, the source of
``l10n.cldr.territory_names``, writes otherwise ("Caribbean Netherlands"). Names carry no language:
a text that is only names is not judged (docs/langid.md).
"""

from __future__ import annotations

import gettext
import json
from pathlib import Path

LANGUAGES = ("en", "es", "fr", "ru")
OUT = Path(__file__).resolve().parent.parent / "listing_lint" / "data" / "iso3166_names.json"


def main() -> int:
    import pycountry

    english = sorted({name for c in pycountry.countries
                      for name in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)) if name})
    names = {"en": english}
    for lang in LANGUAGES[1:]:
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        # only the names the catalogue translates (a missing translation would give the English)
        names[lang] = sorted({catalogue.gettext(n) for n in english if n in catalogue._catalog})
    doc = {
        "source": f"ISO 3166-1 names from Debian iso-codes as shipped in pycountry {pycountry.__version__} "
                  "(https://salsa.debian.org/iso-codes-team/iso-codes), translations from its iso3166-1 catalogues",
        "licence": "LGPL-2.1-or-later (iso-codes)",
        "confidence": "official (ISO 3166-1 English short names; translations by the iso-codes translators)",
        "names": names,
    }
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print({lang: len(v) for lang, v in names.items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
