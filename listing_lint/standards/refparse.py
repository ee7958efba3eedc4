"""Standard references as sellers and labs write them, read into one normalised identity.

    >>> parse_ref("BS EN 62368-1:2014 + A11:2017").canonical
    'EN 62368-1:2014+A11:2017'
    >>> parse_ref("ETSI EN 300 328 V2.2.2 (2019-07)").canonical
    'ETSI EN 300 328 V2.2.2'

A reference has a body (``EN``, ``IEC``, ``ISO``, ``CISPR``, ``ANSI``, ``UL``…), a number and
part (``62368`` / ``1``), an edition year, amendments (``A11:2017``), and for ETSI standards a
version (``V2.2.2``). A national adoption (``BS EN``, ``DIN EN``) is the same European Norm;
``EN IEC 62368-1`` is an EN too; ``IEC 62368-1`` is not (an IEC edition gives no presumption
in the EU). ``ETSI EN 300 328`` and ``EN 300 328`` are the same standard.

Regulation references that appear in standards lists but are not standards (``47 CFR Part 15
Subpart C``, ``FCC Part 15.247``, ``KDB 558074``, ``RSS-247``, ``ICES-003``) parse as
``regulation`` and are never judged against the registry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

#: national standards bodies that republish European Norms with their prefix
NATIONAL = (
    "BS", "DIN", "NF", "UNE", "UNI", "SS", "SN", "OVE", "ÖVE", "NEN", "DS", "SFS", "PN", "CSN", "ČSN",
    "I.S.", "IS", "EVS", "LST", "SIST", "STN", "MSZ", "ELOT", "ΕΛΟΤ", "NBN", "ILNAS", "IST", "NS", "HRN", "BDS",
    "SR", "CYS", "MSA", "LVS", "VDE",
)
#: bodies a reference may start with (longest first when matching)
BODIES = ("EN IEC", "EN ISO/IEC", "EN ISO", "ETSI EN", "ETSI TS", "EN", "IEC", "ISO/IEC", "ISO", "CISPR", "ANSI", "UL", "IEEE", "ASTM")

_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"})
_REGULATION = re.compile(
    r"^(?:47\s*CFR|CFR\s*47|FCC|KDB|RSS|ICES|PART\s*15|FCC\s*PART|FCC\s*RULES?|ISED|IC\s+RSS)\b|^15\.\d+"
    # an EU act or one of its articles: "RED Art. 3(3)(d)", "Directive 2014/53/EU", "Art. 3.3(e)", "2014/53/EU"
    r"|^(?:RED|LVD|EMCD?|ROHS|R&TTE|DIRECTIVE|REGULATION|DELEGATED|IMPLEMENTING|ART(?:ICLE)?)\b|^\d{4}/\d+/E[UC]\b"
    # UN ECE vehicle regulations (UN R128, ECE R37, UNECE Regulation No. 10), US CFR parts, FMVSS
    r"|^(?:UN\s*/?\s*ECE|UNECE|UN|ECE)[\s-]*(?:REG(?:ULATION)?\.?\s*(?:NO\.?)?\s*)?R?\s*\d+\b|^\d+\s*CFR\b|^FMVSS\b",
    re.I,
)
_AMENDMENT = re.compile(r"^(?P<kind>A|AC|IS)(?P<num>\d{0,3})(?::?(?P<year>(?:19|20)\d\d))?(?:-\d\d)?$")


class RefError(ValueError):
    """A reference that cannot be read; the message says what was expected."""


@dataclass(frozen=True)
class Amendment:
    name: str  # "A11", "A1", "AC" (corrigendum), "IS1" (interpretation sheet)
    year: int | None = None

    def __str__(self) -> str:
        return f"{self.name}:{self.year}" if self.year else self.name

    @property
    def is_corrigendum(self) -> bool:
        return self.name.startswith(("AC", "IS"))


@dataclass(frozen=True)
class StandardRef:
    """One standard edition as cited. ``family`` groups editions of one standard across years."""

    body: str  # EN, IEC, ISO, CISPR, ANSI, UL, IEEE, ETSI TS; "EN" for every European Norm incl. ETSI EN
    number: str  # "62368", "300 328", "C63.10"
    part: str | None = None  # "1", "17", "3-2"
    year: int | None = None
    amendments: tuple[Amendment, ...] = ()
    version: str | None = None  # ETSI: "2.2.2"
    origin: str = ""  # "IEC" in "EN IEC", "ISO" in "EN ISO"; display only
    national: str | None = None  # "BS" in "BS EN …"
    text: str = field(default="", compare=False)  # as written

    @property
    def etsi(self) -> bool:
        return self.body == "EN" and bool(re.match(r"^\d{3} \d{3}$", self.number))

    @property
    def family(self) -> str:
        """``EN 62368-1``, ``ETSI EN 300 328``, ``IEC 62368-1``, ``ANSI C63.10``: the standard without its edition."""
        head = "ETSI EN" if self.etsi else self.body
        return f"{head} {self.number}" + (f"-{self.part}" if self.part else "")

    @property
    def real_amendments(self) -> frozenset[str]:
        """Amendment names that change the edition (corrigenda and interpretation sheets do not)."""
        return frozenset(a.name for a in self.amendments if not a.is_corrigendum)

    @property
    def edition(self) -> str:
        """The edition without amendments: ``EN 62368-1:2014``, ``ETSI EN 300 328 V2.2.2``, ``ANSI C63.10-2020``."""
        if self.version:
            return f"{self.family} V{self.version}"
        if self.year is None:
            return self.family
        if self.body == "ASTM":  # ASTM designations print two-digit years: F963-23
            return f"{self.family}-{self.year % 100:02d}"
        sep = "-" if self.body in ("ANSI", "IEEE", "UL") else ":"
        return f"{self.family}{sep}{self.year}"

    @property
    def canonical(self) -> str:
        origin = f"EN {self.origin} " if self.body == "EN" and self.origin and not self.etsi else None
        edition = self.edition if origin is None else origin + self.edition[len("EN "):]
        return edition + "".join(f"+{a}" for a in self.amendments if not a.is_corrigendum)

    def __str__(self) -> str:
        return self.canonical


def _clean(text: str) -> str:
    text = text.translate(_DASHES).replace("\u00a0", " ").replace("\u202f", " ").upper().strip()
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s*([:+/&,])\s*", r"\1", text)
    text = re.sub(r"\s*-\s*(?=\d)", "-", text)  # "62368 - 1" -> "62368-1"
    return text


_NATIONAL_RX = re.compile(
    "(" + "|".join(re.escape(n) for n in sorted(NATIONAL, key=len, reverse=True)) + r")\s?(?=EN(?:\b|\d))"
)
_BODY_RX = re.compile("(" + "|".join(b.replace(" ", r"\s?") for b in BODIES) + r")(?=[\s\d]|[A-Z]\d)")


def _split_body(text: str) -> tuple[str | None, str, str]:
    """(national prefix, body, rest)."""
    national = None
    m = _NATIONAL_RX.match(text)
    if m:
        national, text = m[1], text[m.end():]
    m = _BODY_RX.match(text)
    if not m:
        raise RefError("it does not start with a standards body (EN, EN IEC, IEC, ISO, ETSI EN, ANSI…)")
    body = next(b for b in BODIES if re.fullmatch(b.replace(" ", r"\s?"), m[1]))
    return national, body, text[m.end():].strip()


def _split_amendments(tail: str) -> tuple[str, list[str]]:
    parts = re.split(r"[+/&,]|\bAND\b|\s(?=A\d|AC\b|AC:)", tail)
    return parts[0].strip(), [p.strip() for p in parts[1:] if p.strip()]


def _amendments(raw: list[str]) -> tuple[Amendment, ...]:
    out = []
    for item in raw:
        item = item.replace(" ", "")
        m = _AMENDMENT.match(item)
        if not m:
            raise RefError(f"{item!r} is not an amendment like A11:2017")
        out.append(Amendment(m["kind"] + m["num"], int(m["year"]) if m["year"] else None))
    return tuple(out)


def _etsi(number: str, rest: str) -> tuple[str, str | None, str | None, str]:
    """ETSI EN 300 328 V2.2.2 (2019-07) / EN 301 489-17 V3.2.4 / EN 301489-17."""
    m = re.match(r"^(\d{3})\s?(\d{3})(?:-(\d+(?:-\d+)*))?\s*(?:V\s?(\d+(?:\.\d+){1,3}))?\s*(.*)$", number + rest)
    if not m:
        raise RefError("an ETSI number looks like 300 328 or 301 489-17")
    return f"{m[1]} {m[2]}", m[3], m[4], m[5]


def _numbered(body: str, rest: str) -> tuple[str, str | None, int | None, str]:
    if body == "ASTM":  # ASTM F963-23: a letter, a number, a two- or four-digit year
        m = re.match(r"^([A-Z]\d+)(?:-(\d{4}|\d{2})(?![\d]))?([A-Z]\d?)?(.*)$", rest)
        if not m:
            raise RefError("an ASTM designation looks like F963-23")
        year = int(m[2]) if m[2] else None
        if year is not None and year < 100:
            year += 2000 if year < 50 else 1900
        return m[1], None, year, m[4]
    if body in ("ANSI", "IEEE", "UL"):
        m = re.match(r"^([A-Z]?\d+(?:\.\d+)*[A-Z]?)(?:-((?:19|20)\d\d))?(.*)$", rest)
        if not m:
            raise RefError(f"an {body} number looks like C63.10-2020")
        return m[1], None, int(m[2]) if m[2] else None, m[3]
    m = re.match(r"^(\d{2,6})((?:-\d+[A-Z]?)*)(?::((?:19|20)\d\d))?(.*)$", rest)
    if not m:
        raise RefError(f"expected a number after {body}, like {body} 62368-1:2014")
    part = m[2][1:] if m[2] else None
    return m[1], part, int(m[3]) if m[3] else None, m[4]


#: the clauses or sections of a standard a report or certificate names after the edition
#: ("ASTM F963-23 Sections 4.3.5.1(2), 4.3.5.2", "EN 71-3:2019+A1:2021 clause 7", "§ 4.3.5"): what was
#: tested, not which edition; a Children's Product Certificate lists the ASTM F963 sections it certifies
_CLAUSES = re.compile(r"[,;:]?\s*(?:\b(?:SECTIONS?|SECT?\.?|CLAUSES?|CL\.)\s*(?=\d)|§+\s*(?=\d)).*$")


def _drop_suffix(tail: str) -> str:
    """A trailing date in parentheses, ``(2019-07)``, an edition note ``(ED. 3)`` or the clauses tested
    (``SECTIONS 4.3.5.1``) carry no identity."""
    tail = re.sub(r"\s*\([^)]*\)\s*$", "", tail)
    return _CLAUSES.sub("", tail).strip()


def parse_ref(text: str) -> StandardRef:
    """Read one reference; raises ``RefError`` saying what is wrong."""
    if not isinstance(text, str) or not text.strip():
        raise RefError("the reference is empty")
    cleaned = _clean(text)
    national, body, rest = _split_body(cleaned)
    origin = ""
    if body in ("EN IEC", "EN ISO", "EN ISO/IEC"):
        origin, body = body[3:], "EN"
    elif body == "ETSI EN":
        body = "EN"
    if body == "EN" and re.match(r"^3\d{2}\s?\d{3}", rest):
        number, part, version, tail = _etsi("", rest)
        year = None
    else:
        number, part, year, tail = _numbered(body, rest)
        version = None
        vm = re.match(r"^\s*V\s?(\d+(?:\.\d+){1,3})(.*)$", tail)
        if vm:
            version, tail = vm[1], vm[2]
    tail = _drop_suffix(tail)
    head, amendments = _split_amendments(tail) if tail else ("", [])
    if head and _AMENDMENT.match(head.replace(" ", "")):  # "EN 62368-1:2014 A11:2017"
        head, amendments = "", [head, *amendments]
    if head:
        raise RefError(f"unexpected {head!r} after {body} {number}" + (f"-{part}" if part else ""))
    return StandardRef(body, number, part, year, _amendments(amendments), version, origin, national, text)


def is_regulation(text: str) -> bool:
    """A rule-part, guidance or legal reference (``47 CFR Part 15``, ``KDB 558074``, ``RED Art. 3(3)(d)``),
    not a standard edition."""
    return bool(_REGULATION.match(_clean(text)))


@lru_cache(maxsize=1024)  # catalogues cite the same few dozen editions in every bundle (issue 18, session 9)
def _parsed(text: str) -> StandardRef | str:
    """``parse_ref``'s answer, or its error's message (an exception is not kept: it holds its frames)."""
    try:
        return parse_ref(text)
    except RefError as exc:
        return str(exc)


def try_parse(text: str) -> StandardRef | RefError:
    if not isinstance(text, str):
        return RefError("the reference is empty")
    found = _parsed(text)
    return RefError(found) if isinstance(found, str) else found
