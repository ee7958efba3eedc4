"""Standard references as sellers and labs write them, read into one normalised identity.

    >>> parse_ref("BS EN 62368-1:2014 + A11:2017").canonical
    'EN 62368-1:2014+A11:2017'
    >>> parse_ref("ETSI EN 300 328 V2.2.2 (2019-07)").canonical
    'ETSI EN 300 328 V2.2.2'

A reference has a body (``EN``, ``IEC``, ``ISO``, ``CISPR``, ``ANSI``, ``UL``, or a national body's
own standard such as ``BS 1363-1``), a number and
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
    r"|^(?:UN\s*/?\s*ECE|UNECE|UN|ECE)[\s-]*(?:REG(?:ULATION)?\.?\s*(?:NO\.?)?\s*)?R?\s*\d+\b|^\d+\s*CFR\b|^FMVSS\b"
    # US product-safety acts as a Children's Product Certificate cites them (CPSC's list of citations
    # for its element 2) and CPSC test methods: "CPSIA Section 101", "Sec. 108 of the CPSIA", "FHSA",
    # "15 U.S.C. 2063", "CPSC-CH-E1001-08.3"
    r"|^(?:CPSIA|CPSA|CPSC|FHSA|PUB(?:LIC)?\.?\s*L(?:AW)?\.?\s*(?:NO\.?\s*)?\d+-\d+)\b|^SEC(?:TION|\.)?\s*\d+\w*\s+OF\s+(?:THE\s+)?(?:CPSIA|CPSA|FHSA|CONSUMER)\b"
    r"|^\d+\s*U\.?\s*S\.?\s*C\.?(?:\s|\d|$)"
    # a CFR part as CPCs print it: "16 C.F.R. Part 1203", or after the rule's title, "Safety Standard for
    # Bicycle Helmets, 16 CFR 1203" (bounded: the title is at most 120 characters)
    r"|^\d+\s*C\.\s*F\.\s*R\.|^[^\d]{0,120}?\b\d+\s*C\.?\s*F\.?\s*R\.?\s*(?:PARTS?\s*|§+\s*)?\d+(?:\.\d+)*\s*$",
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
#: a national body's own standard, numbered by it: "BS 1363-1:2016+A1:2018" (the UK plug), "DIN 5035-3"
_NATIONAL_OWN_RX = re.compile("(" + "|".join(re.escape(n) for n in sorted(NATIONAL, key=len, reverse=True)) + r")\s(?=\d)")


def _split_body(text: str) -> tuple[str | None, str, str]:
    """(national prefix, body, rest). A national body's own standard (not an EN it republishes) has
    that body as its body: ``BS 1363-1`` is British, and no European Norm."""
    national = None
    m = _NATIONAL_RX.match(text)
    if m:
        national, text = m[1], text[m.end():]
    else:
        own = _NATIONAL_OWN_RX.match(text)
        if own:
            return None, own[1], text[own.end():].strip()
    m = _BODY_RX.match(text)
    if not m:
        raise RefError("it does not start with a standards body (EN, EN IEC, IEC, ISO, ETSI EN, ANSI, BS…)")
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


#: a line longer than this, or with more separators, is not split (a standards list entry is a few
#: dozen characters with two or three; the split parses each piece, so its work grows with the pieces
#: times their length)
SPLIT_MAX_CHARS = 300
SPLIT_MAX_SEPARATORS = 12
_SEPARATOR = re.compile(r"\s*([/,;&])\s*")
#: a piece that only changes the part: "-2:2020", "-3:2019+A1:2021", "-17 V3.2.4", or "2" in "EN 71-1/2/3"
_CONTINUATION = re.compile(r"^(-?)(\d{1,3}(?:-\d{1,3})*)((?:[:+ ].*)?)$")
#: a rule part naming the standard it makes mandatory: "16 CFR 1250 (ASTM F963-23)"
_REGULATION_NAMING = re.compile(r"^([^()]+?)\s*\((.+)\)$")


def split_refs(text: str) -> tuple[str, ...]:
    """The references one standards-list entry names, as labs print several on one line; ``(text,)``
    when it names one or cannot be read as several.

        >>> split_refs("EN 71-1:2014+A1:2018 / -2:2020 / -3:2019+A1:2021")
        ('EN 71-1:2014+A1:2018', 'EN 71-2:2020', 'EN 71-3:2019+A1:2021')
        >>> split_refs("EN 71-1/-2/-3")
        ('EN 71-1', 'EN 71-2', 'EN 71-3')
        >>> split_refs("16 CFR 1250 (ASTM F963-23)")
        ('16 CFR 1250', 'ASTM F963-23')
        >>> split_refs("EN 62368-1:2014/A11:2017")
        ('EN 62368-1:2014/A11:2017',)

    A piece after ``/``, ``,``, ``;`` or ``&`` starts a new reference when it starts with a standards
    body and what came before is a whole reference, or when it names only another part of the same
    standard (``-2:2020``; ``2`` in ``EN 71-1/2/3``); anything else (an amendment ``A11:2017``, the
    ``IEC`` of ``ISO/IEC``) stays with what came before. Every piece must read as a reference, or the
    entry is left whole (CMP009 then says it cannot be read)."""
    if not isinstance(text, str) or len(text) > SPLIT_MAX_CHARS:
        return (text,)
    cleaned = _clean(text)
    m = _REGULATION_NAMING.match(cleaned)
    if m and is_regulation(m[1]) and not is_regulation(m[2]):
        inner = split_refs(m[2])
        if all(_reads(piece) for piece in inner):
            return (m[1], *inner)
        return (text,)
    tokens = _SEPARATOR.split(cleaned)  # piece, separator, piece, ...
    if len(tokens) == 1 or len(tokens) > 2 * SPLIT_MAX_SEPARATORS + 1:
        return (text,)
    pieces: list[str] = [tokens[0]]
    stem = _stem(tokens[0])  # "EN 71" of "EN 71-1:2014", for "-2:2020"
    for sep, token in zip(tokens[1::2], tokens[2::2]):
        whole = _reads(pieces[-1])
        cont = _CONTINUATION.match(token)
        if whole and stem and cont and (cont[1] or not cont[3] or cont[3].startswith(":")):
            pieces.append(f"{stem}-{cont[2]}{cont[3]}")
            continue
        if whole and _starts_reference(token) and _reads(token):
            pieces.append(token)
            stem = _stem(token)
            continue
        pieces[-1] += sep + token
    if len(pieces) == 1 or not all(_reads(piece) for piece in pieces):
        return (text,)
    return tuple(pieces)


def _starts_reference(token: str) -> bool:
    """Whether a piece after a separator starts with a standards body or names a rule part."""
    return bool(_BODY_RX.match(token) or _NATIONAL_RX.match(token) or _NATIONAL_OWN_RX.match(token)) or is_regulation(token)


def _reads(piece: str) -> bool:
    return is_regulation(piece) or not isinstance(try_parse(piece), RefError)


def _stem(piece: str) -> str | None:
    """What comes before the part of a reference with one: ``EN 71`` of ``EN 71-1:2014``."""
    ref = try_parse(piece)
    if isinstance(ref, RefError) or not ref.part:
        return None
    m = re.match(r"^(.*?\d)-" + re.escape(ref.part) + r"(?![\d])", piece)
    return m[1] if m else None


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
