"""LOC015 locale-spelling — a locale tag in listing.json is not in BCP 47 spelling.

What it checks: the locale keys of ``title``, ``detail_pages`` and media ``alt`` texts, and the
entries of ``locales``, are written as BCP 47 writes them: ``es-ES``, not ``es_ES``, ``ES-es`` or
``EN``. A tag written the same wrong way in several places (``EN`` in ``title``, ``detail_pages``,
every ``alt`` and ``locales``) is one finding, at its first place, naming how many others; so are
several tags written wrong the same way (``["EN", "ES", "FR", "RU"]``: capitals; ``es_ES`` and
``fr_FR``: underscores), unless renaming one would make two of a locale. Safe fix
(``--fix``): rewrite the tag everywhere (not where the corrected key is already there).
Why: the engine reads ``es_ES`` as ``es-ES``, but the marketplace API, translation tools and
other scripts reading the bundle do not; one spelling everywhere keeps ``es-ES`` and ``es_ES``
from becoming two locales.
Fails:
    listing.json /title/es removed
    listing.json /title/es_ES = "Enchufe inteligente con medidor de consumo"
Passes:
    listing.json /title/es removed
    listing.json /title/es-ES = "Enchufe inteligente con medidor de consumo"
"""

import json
from collections import Counter

from listing_lint.api import Fix, Severity
from listing_lint.bundle.model import normalize_locale
from listing_lint.bundle.positions import json_offsets, pointer
from listing_lint.finding import TextEdit

CODE, NAME, SEVERITY = "LOC015", "locale-spelling", Severity.WARNING
SOURCE = "https://www.rfc-editor.org/rfc/rfc5646 (BCP 47 §2.1.1: case conventions)"


def _spelled(tags) -> Counter:
    """How many tags of one object or list read as each locale (counted once: a set of the others
    per tag made 20,000 locales a 30-second rule)."""
    return Counter(normalize_locale(t) for t in tags if isinstance(t, str))


def _tags(bundle):
    """(pointer, tag, is a key, how many tags of its object or list read as each locale) of every
    locale tag listing.json writes."""
    for table in ("title", "detail_pages"):
        keys = bundle.dict_at(f"/{table}")
        spelled = _spelled(keys)
        for key in sorted(keys):
            yield pointer(table, key), key, True, spelled
    for i, item in enumerate(bundle.list_at("/media")):
        alt = item.get("alt") if isinstance(item, dict) else None
        if isinstance(alt, dict):
            spelled = _spelled(alt)
            for key in sorted(alt):
                yield pointer("media", i, "alt", key), key, True, spelled
    values = bundle.list_at("/locales")
    spelled = _spelled(values)
    for i, value in enumerate(values):
        if isinstance(value, str):
            yield pointer("locales", i), value, False, spelled


def _edit(bundle, offsets: dict, ptr: str, tag: str, good: str, is_key: bool, spelled: Counter) -> TextEdit | None:
    text = bundle.manifest.text
    if not text or bundle.manifest.path is None or spelled[good] > 1:
        return None  # another tag reads as the corrected one: renaming would make two of one locale
    found = offsets.get(ptr)
    if found is None:
        return None
    start = found[2] if is_key else found[0]
    token = json.dumps(tag, ensure_ascii=False)
    if start is None or text[start : start + len(token)] != token:
        return None  # written with escapes: left to the author
    return TextEdit(str(bundle.manifest.path), start, start + len(token), json.dumps(good, ensure_ascii=False))


def _start(offsets: dict, ptr: str, is_key: bool) -> int:
    """Where the tag at ``ptr`` is written: its key, or its value in ``locales``."""
    found = offsets.get(ptr)
    if found is None:
        return 0
    return found[2] if is_key and found[2] is not None else found[0]


def _habit(tag: str, good: str) -> str | None:
    """The way ``tag`` departs from ``good``, when it is one a writer repeats over tags (all capitals,
    an underscore for the hyphen), else None: ``["EN", "ES", "FR", "RU"]`` is one habit, not four."""
    if tag.replace("_", "-").lower() != good.lower():
        return None  # a three-letter code: each is its own rewrite
    if "_" in tag and tag.replace("_", "-") == good:
        return "underscore"
    if tag == tag.upper() and "_" not in tag:
        return "capitals"
    return None


def _listed(tags: list[str]) -> str:
    quoted = [json.dumps(t, ensure_ascii=False) for t in tags[:5]]
    if len(tags) > 5:
        return ", ".join(quoted) + f" and {len(tags) - 5:,} more"
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


WHY = {"capitals": "the language in lower case", "underscore": "a hyphen, not an underscore"}


def check(bundle, ctx):
    # one tag written the same wrong way in many places ("EN" in title, detail_pages, every alt and
    # locales) is one habit: one finding, at its first place, whose fix rewrites every place
    places: dict[str, list[tuple[str, bool, Counter]]] = {}
    for ptr, tag, is_key, spelled in _tags(bundle):
        if not tag.strip() or normalize_locale(tag) == tag or bundle.schema_rejects(ptr):
            continue  # a tag that is no locale at all ("xx_XX_1") is SCH002's: one root cause, one finding
        places.setdefault(tag, []).append((ptr, is_key, spelled))
    if not places:
        return
    offsets = json_offsets(bundle.manifest.text or "")
    # several tags written the same wrong way (["EN", "ES", "FR", "RU"], "es_ES" and "fr_FR") are one
    # habit too, unless renaming one would make two of a locale (that tag keeps its own finding)
    groups: dict[str, list[str]] = {}
    for tag, where in places.items():
        good = normalize_locale(tag)
        habit = _habit(tag, good)
        safe = all(spelled[good] <= 1 for _, _, spelled in where)
        groups.setdefault(habit if habit and safe else f"tag:{tag}", []).append(tag)
    for key, tags in groups.items():
        if len(tags) == 1:
            yield from _one(bundle, ctx, offsets, tags[0], places[tags[0]])
        else:
            yield _many(bundle, ctx, offsets, tags, places, key)


def _one(bundle, ctx, offsets, tag, where):
    good = normalize_locale(tag)
    where.sort(key=lambda place: _start(offsets, place[0], place[1]))
    edits = tuple(e for e in (_edit(bundle, offsets, ptr, tag, good, key, spelled) for ptr, key, spelled in where) if e)
    token, new = json.dumps(tag, ensure_ascii=False), json.dumps(good, ensure_ascii=False)
    others = len(where) - 1
    also = f" (here and in {others:,} other place{'s' if others != 1 else ''} of listing.json)" if others else ""
    fix = Fix(f"write {new} for {token}" + (f" in {len(edits):,} places" if len(edits) > 1 else ""), edits) if edits else None
    yield ctx.finding(where[0][0], f'locale "{tag}" is not BCP 47 spelling; write "{good}"{also}', fix=fix)


def _many(bundle, ctx, offsets, tags, places, habit):
    """One finding for several tags written the same wrong way, at the first place of any, fixing all."""
    where = sorted(((ptr, key, spelled, tag) for tag in tags for ptr, key, spelled in places[tag]),
                   key=lambda place: _start(offsets, place[0], place[1]))
    tags = list(dict.fromkeys(place[3] for place in where))  # in the order they are written
    goods = [normalize_locale(t) for t in tags]
    edits = tuple(e for e in (_edit(bundle, offsets, ptr, tag, normalize_locale(tag), key, spelled)
                              for ptr, key, spelled, tag in where) if e)
    others = len(where) - len(tags)
    also = f" (and in {others:,} other place{'s' if others != 1 else ''} of listing.json)" if others else ""
    fix = Fix(f"write {_listed(goods)} for {_listed(tags)}" + (f" in {len(edits):,} places" if len(edits) > 1 else ""),
              edits) if edits else None
    return ctx.finding(where[0][0], f"locales {_listed(tags)} are not BCP 47 spelling ({WHY[habit]}); "
                                    f"write {_listed(goods)}{also}", fix=fix)
