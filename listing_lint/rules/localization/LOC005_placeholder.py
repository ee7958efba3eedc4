"""LOC005 placeholder — an unfilled template placeholder or leftover in buyer-visible text.

What it checks: page blocks, titles and alt texts for template tokens in any script
(``{关键词}``, ``{keyword}``, ``{{name}}``, ``${x}``, ``%s``, ``%(name)s``), brackets that name a
template's slot (``[PRODUCT NAME]``, ``[Your Brand]``, ``[NOMBRE DEL PRODUCTO]``, ``[PAYPAL_ORDER_ID]``:
every word one of the slot words in ``data/placeholder_words.yaml``, or a snake_case identifier;
not a lower-case identifier glued to a Latin letter or digit before it, which makes it code's index,
``S[first_layer_temperature]``;
a seller's own bracketed label such as ``[LONG BATTERY LIFE] Up to 40 hours`` is not one, nor is
a label followed by its value: after a colon, a number after a bracket that names one, or a list
of them, ``[Size] 500 ml [Hair type] All hair types``, also one per item of a ``<ul>``, or an
attribute's label alone with its short value in a paragraph or list item, ``[Color] Black``),
``TODO``/``TBD``/``FIXME`` and lorem ipsum. On
Spanish and Portuguese pages a bare ``TODO`` is the word "all" ("TODO INCLUIDO"); only ``TODO:``
counts there. Lorem ipsum is reported here only, not as a language (LOC003).
Why: a listing tool's template that was never filled in tells the buyer the page was generated
and never read; the marketplace shows it verbatim.
Fails:
    detail/es.html: <p>El mejor {关键词} para tu hogar.</p>
Passes:
    detail/es.html: <p>Ahorra un 20 % en la factura de la luz [1].</p>

    detail/en.html: <p>[LONG BATTERY LIFE] Up to 40 hours on one charge.</p>

    detail/en.html: <p>[Size] 500 ml [Hair type] All hair types</p>

    detail/en.html: <p>[Color] Black</p>
"""

import re
from functools import lru_cache
from pathlib import Path

from listing_lint.api import Severity
from listing_lint.bundle.model import base_language
from listing_lint.l10n.pages import texts
from listing_lint.l10n.verdicts import LOREM

CODE, NAME, SEVERITY = "LOC005", "placeholder", Severity.ERROR

PLACEHOLDERS = re.compile(
    r"\{\{[^{}]{1,60}\}\}"  # {{name}}
    r"|\$\{[^{}]{1,60}\}"  # ${x}
    r"|\{(?=[^{}]*[^\W\d_])[^{}\s][^{}]{0,40}\}"  # {keyword} {关键词} {product_name}, not {1}
    r"|(?<![\w%])%(?:\([\w]+\))?[sd](?![\w])"  # %s %d %(name)s
    r"|\[(?:(?<![A-Za-z0-9]\[)|(?![a-z][a-z0-9_]*\]))[^\W\d_][^\[\]\n]{0,60}\]"  # [PRODUCT NAME], [Your Brand]: a
    # slot if its words say so (below); a lower-case identifier glued to ASCII code before it is code's index,
    # "M109 S[first_layer_temperature]", but "适用于[型号]" (no spaces in Chinese) and "para[MODELO]" are slots
    r"|\b(?:TODO|TBD|FIXME|XXX+)\b"
)
#: "TODO" is a word in Spanish and Portuguese ("TODO INCLUIDO"): there only ``TODO:``/``TODO(`` is a marker
TODO_IS_A_WORD = frozenset({"es", "pt", "gl", "ca"})
TODO_MARKER = re.compile(r"^TODO\s*[:(]")


DATA = Path(__file__).resolve().parents[2] / "data" / "placeholder_words.yaml"
#: a slot named like a variable: words joined by underscores ("PAYPAL_ORDER_ID"); a part with a
#: digit makes it a code ("[FURN_8220] Four Person Desk" names the product's internal reference)
_SNAKE_CASE = re.compile(r"[^\W\d_]+(?:_[^\W\d_]+)+")
_SLOT_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@lru_cache(maxsize=1)
def _slot_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(nouns, glue, template, numeric, attribute) of every language: a slot's words, case-folded."""
    from listing_lint.thresholds import load_yaml

    data = load_yaml(DATA) or {}
    return tuple(frozenset(str(w).casefold() for words in (data.get(part) or {}).values() for w in words)
                 for part in ("nouns", "glue", "template", "numeric", "attribute"))


def _words(token: str) -> list[str]:
    return [w.casefold() for w in _SLOT_WORD.findall(token[1:-1])]


def _not_a_slot(token: str) -> bool:
    """A bracketed label, footnote or aside (``[LONG BATTERY LIFE]``, ``[1]``, ``[ver tabla]``),
    not a template's slot (``[PRODUCT NAME]``, ``[Your Brand]``, ``[PAYPAL_ORDER_ID]``)."""
    if not token.startswith("["):
        return False
    if _SNAKE_CASE.fullmatch(token[1:-1].strip()):
        return False
    nouns, glue, template, _, _ = _slot_words()
    words = _words(token)
    return not words or not any(w in nouns for w in words) or not all(w in nouns or w in glue or w in template for w in words)


#: what may part a label from its value: spaces, then a colon ("[Size]: 500 ml", "[Taille] : 38")
_COLON = re.compile(r"[ \t\u00a0\u202f]{0,8}[:：]")
_VALUE = re.compile(r"[^\W_]")  # a letter or digit: a value, not punctuation ("[Brand] - [Product]")


def _scan(text: str, brackets: list[re.Match]) -> tuple[set[int], bool]:
    """(where the brackets that are labels on their own start, whether ``text`` is a list of labels
    and values: it starts with a bracket, each bracket has its value, none is a template's)."""
    _, _, template, numeric, _ = _slot_words()
    labels: set[int] = set()
    listed = not text[:brackets[0].start()].strip() if brackets else False  # a list starts with a label
    for i, m in enumerate(brackets):
        words = _words(m.group())
        after = text[m.end():brackets[i + 1].start() if i + 1 < len(brackets) else len(text)]
        beside = _VALUE.search(after) is None or (i > 0 and not text[brackets[i - 1].end():m.start()].strip())
        if beside or any(w in template for w in words) or _SNAKE_CASE.fullmatch(m.group()[1:-1].strip()):
            listed = False  # "[Brand] [Product Name]", "[Your Brand]": a template's
            continue
        colon = _COLON.match(after) is not None
        digit = after.lstrip()[:1].isdigit() and any(w in numeric for w in words)
        if colon or digit or _not_a_slot(m.group()):
            labels.add(m.start())
    return labels, listed


#: the value after an attribute's label: one to three words (a number, "100%", "Rojo / Azul"
#: inside) and at most a closing mark after them; no sentence ("[Color] Black" is a label,
#: "[Color] Running Shoes for Men" a title's template)
_SHORT_VALUE = re.compile(r"[^\W_][\w%.,'’/&+-]*(?:[ \t\u00a0]+[\w%.,'’/&+-]+){0,2}")
SHORT_VALUE_CHARS = 60


def _attribute_label(text: str, bracket: re.Match) -> bool:
    """``text`` is one bracket naming an attribute (``attribute`` words, glue beside them) and its
    short value (``_SHORT_VALUE``, at most ``SHORT_VALUE_CHARS``): "[Color] Black", "[Material] 100% cotton"."""
    value = text[bracket.end():].strip(" \t\u00a0")
    if len(value) > SHORT_VALUE_CHARS:
        return False
    _, glue, _, _, attribute = _slot_words()
    words = _words(bracket.group())
    return (any(w in attribute for w in words) and all(w in attribute or w in glue for w in words)
            and _SHORT_VALUE.fullmatch(value[:-1] if value[-1:] in ".!" else value) is not None)


def _labels(text: str, matches: list[re.Match], listed_items: bool = False, lone_label: bool = False) -> set[int]:
    """Where the brackets of ``matches`` that are a seller's labels followed by their values start
    (``placeholder_words.yaml``: "[Size] 500 ml [Hair type] All hair types", "[Color]: Black");
    ``listed_items``: the text is an item of a list whose items are labels and values (``_label_lists``);
    ``lone_label``: the text is a paragraph or list item (not a title or heading), where one
    attribute's label and its short value may stand alone ("[Color] Black")."""
    brackets = [m for m in matches if m.group().startswith("[")]
    labels, listed = _scan(text, brackets)
    if listed and ((len(brackets) > 1 and labels) or listed_items):
        labels |= {m.start() for m in brackets}  # a list of labels and values: each of its brackets
    if lone_label and listed and len(brackets) == 1 and _attribute_label(text.strip(), brackets[0]):
        labels.add(brackets[0].start())
    return labels


def _opens(text: str) -> tuple[bool, bool]:
    """(``text`` opens with a bracket followed by its value, that bracket is a label on its own)."""
    if "[" not in text:
        return False, False
    brackets = [m for m in PLACEHOLDERS.finditer(text) if m.group().startswith("[")]
    if not brackets or text[:brackets[0].start()].strip():
        return False, False
    labels, listed = _scan(text, brackets)
    return listed, brackets[0].start() in labels or (listed and len(brackets) > 1 and bool(labels))


def _label_lists(items) -> set[int]:
    """The ``id`` of each list item that stands in a list of labels and values: two or more items of
    one ``<ul>``/``<ol>`` open with a bracket followed by its value and one of those brackets is a
    label on its own ("<li>[Size] 500 ml</li><li>[Color] Black</li>": the colour is a label too)."""
    lists: dict = {}  # keyed by the list element itself (a kept lxml proxy: the same node, the same key)
    for item in items:
        element = getattr(item.at, "element", None)
        if item.kind == "li" and element is not None and "[" in item.text:
            lists.setdefault(element.getparent(), []).append(item)
    out: set[int] = set()
    for members in lists.values():
        opened = [(item, *_opens(item.text)) for item in members]
        valued = [item for item, value, _ in opened if value]
        if len(valued) > 1 and any(label for _, value, label in opened if value):
            out.update(id(item) for item in valued)
    return out


def _is_word(m: re.Match, text: str, language: str) -> bool:
    return m.group() == "TODO" and language in TODO_IS_A_WORD and not TODO_MARKER.match(text[m.start():])


#: every match of ``PLACEHOLDERS`` holds one of these (it is case-sensitive): text without any of
#: them, most copy, is not searched (issue 18: the search was 10 µs per text)
MARKS = ("{", "$", "%", "[", "TODO", "TBD", "FIXME", "XXX")


def _slots(text: str, language: str, listed_items: bool = False, lone_label: bool = False):
    """The matches of ``PLACEHOLDERS`` in ``text`` that are placeholders (not labels or words)."""
    if not any(mark in text for mark in MARKS):
        return
    found = list(PLACEHOLDERS.finditer(text))
    slots = [m for m in found if not _not_a_slot(m.group()) and not _is_word(m, text, language)]
    labels = _labels(text, found, listed_items, lone_label) if any(m.group().startswith("[") for m in slots) else ()
    for m in slots:
        if m.start() not in labels:
            yield m


def placeholders(text: str, language: str = "", listed_items: bool = False, lone_label: bool = False) -> list[str]:
    found = [m.group() for m in _slots(text, language, listed_items, lone_label)]
    if "lorem" in text.lower():  # LOREM ignores case; no other letter folds to l, o, r, e or m
        found += [m.group() for m in LOREM.finditer(text)]
    return found


def without_placeholders(text: str, language: str = "") -> str:
    """``text`` with what this rule reports blanked out (LOC006 does not report it twice)."""
    parts, last = [], 0
    for m in _slots(text, language):
        parts += [text[last:m.start()], " "]
        last = m.end()
    return "".join(parts) + text[last:] if parts else text


#: where a lone attribute's label with its value is the seller's ("[Color] Black"): a paragraph, a
#: list item or a table cell; a title or heading is where a template's slot stands
BODY_KINDS = frozenset({"p", "li", "td", "th", "dd"})


def check(bundle, ctx):
    items = texts(bundle)
    label_lists = _label_lists(items)
    for item in items:
        found = placeholders(item.text, base_language(item.locale), id(item) in label_lists, item.kind in BODY_KINDS)
        if found:
            shown = ", ".join(dict.fromkeys(found))
            yield ctx.finding(item.at, f"unfilled placeholder {shown} in the {item.locale} {item.where}; write the real text")
