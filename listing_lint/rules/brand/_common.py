"""What the BRD rules share: the brand record read defensively, and company names compared loosely."""

from __future__ import annotations

import re
import unicodedata

#: legal-form words written several ways; compared in their long form
_FORMS = {
    "ltd": "limited", "co": "company", "corp": "corporation", "inc": "incorporated", "intl": "international",
    "mfg": "manufacturing", "tech": "technology", "technologies": "technology",
}


def company_key(name: str) -> str:
    """``Shenzhen Foo Tech Co., Ltd.`` = ``SHENZHEN FOO TECHNOLOGY COMPANY LIMITED``; ``B.V.`` = ``BV``."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("&", " and ")
    words = re.findall(r"[^\W_]+", text)
    return "".join(_FORMS.get(w, w) for w in words if w != "the")  # no spaces: "B.V." = "BV", "S.A." = "SA"


def letters(bundle) -> list[tuple[int, dict]]:
    """Authorization letters with string ``from`` and ``to``, with their index."""
    return [
        (i, raw)
        for i, raw in enumerate(bundle.list_at("/brand/authorization"))
        if isinstance(raw, dict) and isinstance(raw.get("from"), str) and isinstance(raw.get("to"), str)
    ]


def brand_name(bundle) -> str | None:
    name = bundle.get("/brand/name")
    return name.strip() if isinstance(name, str) and name.strip() else None
