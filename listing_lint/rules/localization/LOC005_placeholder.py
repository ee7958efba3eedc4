"""LOC005 placeholder — an unfilled template placeholder or leftover in buyer-visible text.

What it checks: page blocks, titles and alt texts for template tokens in any script
(``{关键词}``, ``{keyword}``, ``{{name}}``, ``${x}``, ``%s``, ``%(name)s``), bracketed capitals
(``[PRODUCT NAME]``, ``[NOMBRE DEL PRODUCTO]``), ``TODO``/``TBD``/``FIXME`` and lorem ipsum. On
Spanish and Portuguese pages a bare ``TODO`` is the word "all" ("TODO INCLUIDO"); only ``TODO:``
counts there. Lorem ipsum is reported here only, not as a language (LOC003).
Why: a listing tool's template that was never filled in tells the buyer the page was generated
and never read; the marketplace shows it verbatim.
Fails:
    detail/es.html: <p>El mejor {关键词} para tu hogar.</p>
Passes:
    detail/es.html: <p>Ahorra un 20 % en la factura de la luz [1].</p>
"""

import re

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
    # [PRODUCT NAME], [NOMBRE DEL PRODUCTO] (capitals: below); an underscore before the first space
    # belongs to the first word only, so no two quantifiers compete for it (quadratic on "[a_a_a_...")
    r"|\[[^\W\d_][^\W\d ]*(?: [^\W\d_]+(?:[ _][^\W\d_]+)*)?\]"
    r"|\b(?:TODO|TBD|FIXME|XXX+)\b"
)
#: "TODO" is a word in Spanish and Portuguese ("TODO INCLUIDO"): there only ``TODO:``/``TODO(`` is a marker
TODO_IS_A_WORD = frozenset({"es", "pt", "gl", "ca"})
TODO_MARKER = re.compile(r"^TODO\s*[:(]")


def _lowercase_brackets(token: str) -> bool:
    """``[1]``, ``[ver nota]``: brackets are placeholders only in capitals, 4 letters or more."""
    if not token.startswith("["):
        return False
    letters = [c for c in token if c.isalpha()]
    return len(letters) < 4 or not all(c.isupper() for c in letters)


def _is_word(m: re.Match, text: str, language: str) -> bool:
    return m.group() == "TODO" and language in TODO_IS_A_WORD and not TODO_MARKER.match(text[m.start():])


#: every match of ``PLACEHOLDERS`` holds one of these (it is case-sensitive): text without any of
#: them, most copy, is not searched (issue 18: the search was 10 µs per text)
MARKS = ("{", "$", "%", "[", "TODO", "TBD", "FIXME", "XXX")


def placeholders(text: str, language: str = "") -> list[str]:
    found = [
        m.group()
        for m in PLACEHOLDERS.finditer(text)
        if not _lowercase_brackets(m.group()) and not _is_word(m, text, language)
    ] if any(mark in text for mark in MARKS) else []
    if "lorem" in text.lower():  # LOREM ignores case; no other letter folds to l, o, r, e or m
        found += [m.group() for m in LOREM.finditer(text)]
    return found


def check(bundle, ctx):
    for item in texts(bundle):
        found = placeholders(item.text, base_language(item.locale))
        if found:
            shown = ", ".join(dict.fromkeys(found))
            yield ctx.finding(item.at, f"unfilled placeholder {shown} in the {item.locale} {item.where}; write the real text")
