"""Turn a jsonschema ``ValidationError`` into a pointer and one plain sentence (cfn-lint's idea)."""

from __future__ import annotations

import difflib
import json
import math
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from listing_lint.bundle.positions import pointer
from listing_lint.config import closest, shorten
from listing_lint.schema.files import locale_pattern
from listing_lint.schema.hints import amount_hint, currency_hint, date_hint, list_hint

TYPE_WORDS = {
    "string": "a string",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "an object",
    "null": "null",
}


def name(key) -> str:
    """A key as messages quote it: shortened as ``show`` shortens values (a key can be megabytes), its
    invisible characters written as escapes (``title\\u200b``)."""
    return shorten(_escaped(str(key)))


def dotted(path) -> str:
    """``skus[2].price.amount`` from a jsonschema path deque."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{name(part)}" if out else name(part))
    return out or "the document"


def show(value: Any, limit: int = 60) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        text = "a number too large to represent"
        return text
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return shorten(_escaped(text), limit)  # "EU\u200b", not "EU" followed by nothing to see


def type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null"


def _same(item):
    """A key equal for items JSON Schema calls equal (1 and 1.0; not true and 1; objects by content)."""
    if isinstance(item, bool) or item is None:
        return ("literal", item)
    if isinstance(item, (int, float, str)):
        return item
    return ("json", json.dumps(item, sort_keys=True, default=str))


def _first_repeat(items: list):
    """The first item equal to an earlier one, with a set (a list made 50,000 items an 11 s message)."""
    seen = set()
    for item in items:
        try:
            key = _same(item)
        except (ValueError, RecursionError):
            continue  # a value json cannot write (too deep): not named
        if key in seen:
            return item
        seen.add(key)
    return None


#: characters a key can hold unseen (pasted from a spreadsheet or a web page): zero-width, no-break, BOM
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00a0\u202f\u2007\u00ad"
#: letters of other scripts drawn like Latin ones (Unicode's confusables.txt, the Cyrillic and Greek
#: letters of a Russian or Greek keyboard layout that look like a Latin letter): a key typed with the
#: layout switched (``mаrkets`` with Cyrillic а) looks right and is another name
LOOK_ALIKES = dict(zip(
    "аеорсухіјѕԁԛԝАВЕКМНОРСТХІЈЅУɡοαΑΒΕΖΗΙΚΜΝΟΡΤΥΧν",
    "aeopcyxijsdqwABEKMHOPCTXIJSYgoaABEZHIKMNOPTYXv",
))


def _escaped(text: str) -> str:
    """``text`` with its invisible characters (``INVISIBLE``) written as escapes: ``title\\u200b``."""
    if not any(ch in text for ch in INVISIBLE):
        return text
    return "".join(f"\\u{ord(ch):04x}" if ch in INVISIBLE else ch for ch in text)


def _bare(key: str) -> str:
    """``key`` without invisible characters or surrounding space, full-width and look-alike letters
    read as the Latin letters they look like (NFKC; ``LOOK_ALIKES`` among Latin letters only)."""
    out = unicodedata.normalize("NFKC", key.strip())
    for ch in INVISIBLE:
        out = out.replace(ch, "")
    if not any("a" <= ch.lower() <= "z" for ch in out):
        return out.strip()  # a word of another script ("рынки"), not Latin letters typed on another layout
    return "".join(LOOK_ALIKES.get(ch, ch) for ch in out).strip()


def hidden(text: str) -> str:
    """The characters of ``text`` that make it another name than it looks: "U+200B (zero width space)",
    "Cyrillic а (U+0430) for Latin a"; empty when there are none."""
    out = []
    for ch in dict.fromkeys(text):
        if ch in INVISIBLE or (ch.isspace() and ch != " "):
            out.append(f"U+{ord(ch):04X} ({unicodedata.name(ch, 'an invisible character').lower()})")
        elif ch in LOOK_ALIKES:
            script = unicodedata.name(ch, "").split(" ")[0].capitalize()
            out.append(f"{script} {ch} (U+{ord(ch):04X}) for Latin {LOOK_ALIKES[ch]}")
        elif ch != unicodedata.normalize("NFKC", ch) and unicodedata.normalize("NFKC", ch).isascii():
            out.append(f"full-width {ch} (U+{ord(ch):04X}) for {unicodedata.normalize('NFKC', ch)}")
    return ", ".join(out)


def remedy(text: str, meant: str = "it") -> str:
    """What to do about ``hidden(text)``: delete invisible characters, retype look-alike letters."""
    if all(ch in INVISIBLE or ch.isspace() or (ch not in LOOK_ALIKES and unicodedata.normalize("NFKC", ch) == ch) for ch in text):
        return "delete the invisible character"
    return f"retype {meant}" if meant == "it" else f"retype it as {meant}"


@lru_cache(maxsize=1)
def _translations() -> dict[str, tuple[str, str]]:
    """Field names in other languages, case-folded: ``{"mercados": ("Spanish", "markets")}``."""
    import yaml

    names = {"es": "Spanish", "fr": "French", "ru": "Russian", "de": "German"}
    data = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "field_names.yaml").read_text(encoding="utf-8"))
    return {word.casefold(): (names[lang], field) for lang, words in data.items() for word, field in words.items()}


def translated(key, allowed) -> tuple[str, str] | None:
    """``(language, field)`` when ``key`` is the word for an allowed field in another language."""
    if not isinstance(key, str):
        return None
    found = _translations().get(_bare(key).casefold())
    return found if found and found[1] in allowed else None


def meant_field(key, allowed) -> str | None:
    """The allowed field an unknown key is a misspelling of: the same name without invisible
    characters or spaces (``title\u200b``), with look-alike letters (``mаrkets``) or in other
    letter case (``Title``, ``MARKETS``); the field it translates (``mercados``); else the closest
    name (``titel``), else None."""
    if not isinstance(key, str):
        return None
    bare = _bare(key)
    if bare in allowed:
        return bare
    folded = {a.casefold(): a for a in allowed}
    if bare.casefold() in folded:
        return folded[bare.casefold()]
    found = translated(key, allowed)
    if found:
        return found[1]
    match = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.5)
    return match[0] if match else None


@lru_cache(maxsize=1)
def _market_countries() -> dict[str, str]:
    import yaml

    table = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "market_countries.yaml").read_text(encoding="utf-8"))
    return {code: region for region, codes in table.items() for code in codes}


def market_of(value, options: list[str]) -> str | None:
    """The market region among ``options`` a country code ``value`` is in ("ES" -> "EU"), if any."""
    if not isinstance(value, str) or len(value) > 3:
        return None
    region = _market_countries().get(value.strip().upper())
    return region if region in options and region != value else None


#: an object's unknown fields described one by one (with the field each was meant to be), in sorted order;
#: the rest are counted. 100,000 unknown top-level keys took difflib 30 s (the rule's budget) for 50
#: findings shown; a listing someone wrote has a handful. The same bound as a long list's (``LONG_LIST``)
DESCRIBED_FIELDS = 1_000


def unknown_fields(value: dict, allowed) -> tuple[list[tuple[str, str | None]], int]:
    """The first ``DESCRIBED_FIELDS`` keys of ``value`` not in ``allowed`` (sorted), each with the field it
    was meant to be (``meant_field``), and how many unknown keys there are in all."""
    extras = sorted(k for k in value if k not in allowed)
    return [(k, meant_field(k, allowed)) for k in extras[:DESCRIBED_FIELDS]], len(extras)


#: the languages whose names a locale key may be written as ("english", "Español", "русский"): in
#: English, in the page languages and in its own (CLDR, through Babel)
NAMING_LANGUAGES = ("en", "es", "fr", "ru")


@lru_cache(maxsize=1)
def _display_names() -> dict[str, str]:
    """Languages' names in ``NAMING_LANGUAGES`` -> two-letter code (four locales' data: about 40 ms)."""
    from babel import Locale

    names: dict[str, str] = {}
    for shown_in in NAMING_LANGUAGES:
        for code, lang_name in Locale.parse(shown_in).languages.items():
            if len(code) == 2 and code.isalpha():
                names.setdefault(_folded(lang_name), code)
    return names


@lru_cache(maxsize=1)
def _own_names() -> dict[str, str]:
    """Each of those languages' name in itself -> its code. Every language's locale data is read (about
    0.8 s), so only for a key no display name matches."""
    from babel import Locale

    names: dict[str, str] = {}
    for code in sorted(set(_display_names().values())):
        try:
            own = Locale.parse(code).get_language_name(code)
        except Exception:  # noqa: BLE001 - a code CLDR has no locale data for: no own name
            continue
        if own:
            names.setdefault(_folded(own), code)
    return names


def _folded(text: str) -> str:
    """Lower case without accents ("Español" and "espanol" alike)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def language_named(key) -> str | None:
    """The two-letter code of the language ``key`` names ("english" -> "en", "Español" -> "es"), if any."""
    if not isinstance(key, str) or len(key) > 40:
        return None
    folded = _folded(_bare(key).strip())
    return _display_names().get(folded) or _own_names().get(folded)


def case_twin(value, options) -> str | None:
    """The option ``value`` is in other letter case (or with look-alike or invisible characters), if any."""
    if not isinstance(value, str) or not isinstance(options, list):
        return None
    bare = _bare(value).casefold()
    same = [o for o in options if isinstance(o, str) and o.casefold() == bare]
    return same[0] if same else None


def describe_all(error) -> list[tuple[str, bool, str]]:
    """``describe`` for each field: a missing required field and an unknown field each get their own
    sentence (jsonschema gives one error for all of an object's missing, or unknown, fields)."""
    value = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "required" and isinstance(value, dict):
        where = dotted(error.absolute_path)
        ptr = pointer(*error.absolute_path)
        missing = [f for f in error.validator_value if f not in value]
        return [(ptr, False, f"`{where}` is missing the required field `{f}`") for f in missing] or [describe(error)]
    if error.validator == "additionalProperties" and isinstance(value, dict):
        allowed = sorted((schema.get("properties") or {}).keys())
        if allowed:
            where = dotted(error.absolute_path)
            out = []
            described, unknown = unknown_fields(value, allowed)
            for extra, meant in described:
                language = translated(extra, allowed)
                if meant is not None and meant == _bare(extra) and hidden(extra):
                    what = hidden(extra)
                    text = f"`{where}` has the field `{name(extra)}`: `{meant}` with {what} in its name; {remedy(extra, f'`{meant}`')}"
                elif meant is not None and meant.casefold() == _bare(extra).casefold():
                    text = f"`{where}` has an unknown field `{name(extra)}`: field names are lower case; write `{meant}`"
                elif language:
                    text = f"`{where}` has an unknown field `{name(extra)}`: {language[0]} for `{language[1]}`; field names are English: write `{language[1]}`"
                else:
                    text = f"`{where}` has an unknown field `{name(extra)}`" + (f"; did you mean {meant!r}?" if meant else "")
                out.append((pointer(*error.absolute_path, extra), True, text))
            if unknown > len(described):
                ptr, at_key, text = out[0]
                out[0] = (ptr, at_key, text + f"; `{where}` has {unknown:,} unknown fields: the first {len(described):,} were "
                                              f"described one by one, and {unknown - len(described):,} more are unknown too (fix these and lint again)")
            return out or [describe(error)]
    return [describe(error)]


def describe(error) -> tuple[str, bool, str]:
    """``(json_pointer, point_at_key, message)`` for one validation error."""
    where = dotted(error.absolute_path)
    ptr = pointer(*error.absolute_path)
    kw = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    hint = schema.get("description")
    value = error.instance

    if "propertyNames" in error.schema_path:  # jsonschema validates each key as the instance
        wanted = hint or "an allowed name"
        named = language_named(value) if schema.get("pattern") == locale_pattern() else None
        tail = f"; it names the language {named!r}: write {named!r}" if named else ""
        at = (pointer(*error.absolute_path, value), True) if isinstance(value, str) else (ptr, False)  # on the key's line
        return *at, f"`{where}` has the key {show(value)}, which is not {wanted}{tail}"
    if kw == "type":
        expected = error.validator_value
        names = [TYPE_WORDS.get(t, t) for t in (expected if isinstance(expected, list) else [expected])]
        wanted = hint if hint and isinstance(value, (int, float)) and not isinstance(value, bool) else " or ".join(names)
        return ptr, False, f"`{where}` must be {wanted}, got {show(value)}{list_hint(value, expected)}"
    if kw == "required":
        missing = [name for name in error.validator_value if isinstance(value, dict) and name not in value]
        field = missing[0] if missing else error.message
        return ptr, False, f"`{where}` is missing the required field `{field}`"
    if kw == "additionalProperties":
        allowed = sorted((schema.get("properties") or {}).keys())
        extras = sorted(k for k in value if k not in allowed) if isinstance(value, dict) and allowed else []
        if extras:
            extra = extras[0]
            return pointer(*error.absolute_path, extra), True, f"`{where}` has an unknown field `{name(extra)}`{closest(extra, allowed)}"
        return ptr, False, f"`{where}` is not allowed here"
    if kw == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        options_text = [str(o) for o in error.validator_value]
        twin = case_twin(value, error.validator_value)
        # "ce", "eu": the option in other letter case (difflib compares case-sensitively and finds none);
        # "ЕU" (Cyrillic Е), "EU\u200b": the option with a letter or character that is not what it looks
        region = market_of(value, options_text)
        near = (f"; did you mean {twin!r}?" if twin else f"; {show(value)} is a country of the {region} market: write {region!r}"
                if region else closest(value, options_text) if isinstance(value, str) else "")
        if twin and hidden(value):
            near = f"; it is {twin!r} with {hidden(value)}: {remedy(value)}"
        return ptr, False, f"`{where}` must be one of {options}; got {show(value)}{near}"
    if kw == "const":
        return ptr, False, f"`{where}` must be {show(error.validator_value)}, got {show(value)}"
    if kw in ("pattern", "format", "anyOf", "oneOf"):
        wanted = hint or (f"a {error.validator_value}" if kw == "format" else "in the documented form")
        extra = ""
        if isinstance(value, str) and schema.get("format") == "date":
            extra = date_hint(value)
        elif isinstance(value, str) and error.absolute_path and error.absolute_path[-1] == "amount":
            extra = amount_hint(value)
        elif isinstance(value, str) and error.absolute_path and error.absolute_path[-1] == "currency":
            extra = currency_hint(value)
        return ptr, False, f"`{where}` must be {wanted}, got {show(value)}{extra}"
    if kw in ("minimum", "exclusiveMinimum"):
        word = "at least" if kw == "minimum" else "more than"
        return ptr, False, f"`{where}` must be {word} {error.validator_value}, got {show(value)}"
    if kw in ("maximum", "exclusiveMaximum"):
        word = "at most" if kw == "maximum" else "less than"
        extra = " (rates are fractions: 3.8% is 0.038)" if error.validator_value == 1 else ""
        return ptr, False, f"`{where}` must be {word} {error.validator_value}{extra}, got {show(value)}"
    if kw == "minItems":
        n = error.validator_value
        return ptr, False, f"`{where}` must have at least {n} item{'s' if n != 1 else ''}"
    if kw == "uniqueItems":
        dupe = _first_repeat(value) if isinstance(value, list) else None
        return ptr, False, f"`{where}` lists {show(dupe)} more than once"
    if kw == "minLength":
        return ptr, False, f"`{where}` must not be empty"
    return ptr, False, f"`{where}`: {error.message}"

