"""The loaded bundle: listing.json with positions, its pages, media and every path it names."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterator

from listing_lint import jsonstrict
from listing_lint.bundle.files import DEFAULT_MAX_TEXT_BYTES, SourceFile
from listing_lint.bundle.page import Page
from listing_lint.bundle.paths import Resolved, is_url, resolve_in
from listing_lint.bundle.positions import JsonSourceMap, pointer, walk
from listing_lint.finding import Span

MANIFEST = "listing.json"
SINGLE_SUFFIX = ".listing.json"
MAX_JSON_DEPTH = 200


@dataclass(frozen=True)
class JsonProblem:
    message: str
    line: int
    column: int


def display_path(path: Path, cwd: Path) -> str:
    """A path as findings show it: relative to the working directory when under it, posix slashes."""
    try:
        return path.relative_to(cwd).as_posix()
    except ValueError:
        rel = os.path.relpath(path, cwd)
        return Path(rel).as_posix() if not rel.startswith("..") else path.as_posix()


def below_cwd(path: Path, cwd: Path) -> str | None:
    """``path`` relative to the working directory when it is below it (``display_path``'s first
    way), else None."""
    try:
        return path.relative_to(cwd).as_posix()
    except ValueError:
        return None


def display_below(root: Path, top: str | None, rel: str, cwd: Path) -> str:
    """``display_path(root / rel, cwd)`` for a normal relative ``rel`` (no ``..``, as
    ``paths.resolve_in`` makes them), given ``top = below_cwd(root, cwd)``: joined as text when the
    root is below the working directory, without pathlib's parsing (a fifth of the cost of a
    bundle's references, issue 18). Otherwise (the working directory inside the bundle, or
    elsewhere) the long way."""
    if top is None:
        return display_path(root / rel, cwd)
    return rel if top == "." else top + "/" + rel


def _depth_exceeds(text: str, limit: int) -> tuple[int, int] | None:
    """Offset of the first bracket nested deeper than ``limit`` (strings skipped), else None."""
    depth = 0
    in_string = escaped = False
    for i, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return i, depth
        elif ch in "]}":
            depth -= 1
    return None


def _constant_offset(text: str, name: str) -> int:
    """Where the first ``name`` token outside a string is (the tokenizer of positions.py)."""
    from listing_lint.bundle.positions import tokens

    return next((start for start, token in tokens(text) if token == name), 0)


def parse_json(file: SourceFile) -> tuple[Any, JsonProblem | None, bool]:
    """Parse a JSON file; on failure say what and where (1-based line and column). The third item
    says whether some object gives a key twice (``duplicate_keys`` finds which, only then)."""
    value, problem = _parse_json(file, repeated := [])
    return value, problem, bool(repeated)


def _repeats(repeated: list):
    """An ``object_pairs_hook`` that builds the dict as json does and notes a key given twice (the
    last wins, as without it). Measured: 0.20 -> 0.25 ms to parse a 13 KB listing.json."""

    def hook(pairs):
        made = dict(pairs)
        if len(made) != len(pairs):
            repeated.append(True)
        return made

    return hook


def _parse_json(file: SourceFile, repeated: list) -> tuple[Any, JsonProblem | None]:
    if file.too_large:
        return None, JsonProblem(f"file is {file.size:,} bytes, over the {file.max_text_bytes:,}-byte limit", 1, 1)
    if file.decode_problem:
        p = file.decode_problem
        return None, JsonProblem(p.message, p.line, p.column)
    text = file.text or ""
    if text.count("[") + text.count("{") > MAX_JSON_DEPTH:
        deep = _depth_exceeds(text, MAX_JSON_DEPTH)
        if deep:
            line, column = file.lines.position(deep[0])
            return None, JsonProblem(f"JSON nested deeper than {MAX_JSON_DEPTH} levels", line, column)
    try:
        return jsonstrict.loads(text, _repeats(repeated)), None
    except jsonstrict.NotJsonNumber as exc:
        line, column = file.lines.position(_constant_offset(text, exc.name))
        return None, JsonProblem(f"invalid JSON: {exc}; write a number or null", line, column)
    except json.JSONDecodeError as exc:
        from listing_lint.bundle.jsonerrors import explain

        message, offset = explain(text, exc.msg, exc.pos)
        line, column = file.lines.position(offset)
        return None, JsonProblem(f"invalid JSON: {message}", line, column)
    except ValueError as exc:  # an integer of more than 4,300 digits (sys.get_int_max_str_digits)
        return None, JsonProblem(f"invalid JSON: {str(exc).split(';')[0]}", 1, 1)
    except RecursionError:
        return None, JsonProblem(f"JSON nested deeper than {MAX_JSON_DEPTH} levels", 1, 1)


#: keys given twice that a file's findings name; past this a hostile file (100,000 of them) is cut
#: short, and the report shows at most ``max-findings-per-rule`` anyway
MAX_DUPLICATE_KEYS = 1000


def repeated_keys(file: SourceFile) -> list[tuple[str, str, list[int]]]:
    from listing_lint.bundle.positions import duplicate_keys

    return duplicate_keys(file.text or "", MAX_DUPLICATE_KEYS)


@dataclass(frozen=True)
class Reference:
    """A path listing.json names (page, media, poster, certificate, trademark, letter, variant asset)."""

    pointer: str
    kind: str  # "page" | "media" | "poster" | "certificate" | "trademark" | "authorization" | "variant-page" | "variant-media"
    resolved: Resolved

    @property
    def ref(self) -> str:
        return self.resolved.ref


@dataclass(frozen=True)
class MediaItem:
    index: int
    pointer: str  # "/media/3"
    kind: str  # image | video
    file: str  # as written
    role: str  # cover | scene | detail | size-chart
    placement: str  # gallery | description
    alt: dict[str, str]
    poster: str | None


_UNSEEN, _MISSING = object(), object()


class Bundle:
    """A listing bundle: a folder with ``listing.json``, or a single ``*.listing.json`` file."""

    def __init__(self, manifest_path: Path, cwd: Path, max_text_bytes: int = DEFAULT_MAX_TEXT_BYTES):
        self.manifest_path = manifest_path
        self.single_file = manifest_path.name != MANIFEST
        self.cwd = cwd
        self.max_text_bytes = max_text_bytes
        base = manifest_path.name
        self.manifest = SourceFile(manifest_path, base, display_path(manifest_path, cwd), max_text_bytes)
        self._files: dict[str, SourceFile] = {base: self.manifest}
        self._resolved: dict[tuple[str, str], Resolved] = {}  # resolving stats every folder on the way
        self._located: dict = {}  # each path below the root as the file system told it (resolve_in)
        self._lstats: dict[str, object] = {}  # the lstat of each path below the root resolving met (paths.resolve_in)
        self._got: dict[str, Any] = {}  # JSON pointer -> value (or _MISSING); the data never changes

    def __repr__(self) -> str:
        return f"Bundle({self.id!r})"

    @cached_property
    def root(self) -> Path:
        """The bundle folder, symlinks resolved (computed when a reference is resolved: store-level rules
        read 1,000 manifests and resolve nothing)."""
        return Path(os.path.realpath(self.manifest_path.parent))

    # -- listing.json ---------------------------------------------------------------------
    @cached_property
    def _parsed(self) -> tuple[Any, JsonProblem | None, bool]:
        return parse_json(self.manifest)

    @property
    def data(self) -> dict | None:
        """The parsed listing.json when it is a JSON object, else None (SCH001/SCH002 report why)."""
        value = self._parsed[0]
        return value if isinstance(value, dict) else None

    @property
    def refused(self) -> bool:
        """listing.json declares a ``schema_version`` this release does not read (SCH005): no rule but
        the refusal judges it, since the same fields may mean something else in another version."""
        data = self.data
        if data is None or "schema_version" not in data:
            return False
        declared = declared_version(data["schema_version"])
        return declared is not None and declared not in _supported()

    @property
    def json_problem(self) -> JsonProblem | None:
        return self._parsed[1]

    @cached_property
    def duplicate_keys(self) -> list[tuple[str, str, list[int]]]:
        """Keys given twice in one object of listing.json (``positions.duplicate_keys``): SCH001's."""
        return repeated_keys(self.manifest) if self._parsed[2] else []

    @property
    def id(self) -> str:
        """The declared ``id``, or a name from the path when there is none."""
        data = self.data
        if data and isinstance(data.get("id"), str) and data["id"]:
            return data["id"]
        name = self.manifest_path.name
        return self.manifest_path.parent.name if name == MANIFEST else name[: -len(SINGLE_SUFFIX)]

    def get(self, ptr: str, default: Any = None) -> Any:
        """The value at a JSON pointer in listing.json, or ``default``."""
        found = self._got.get(ptr, _UNSEEN)  # rules ask for the same pointers again and again
        if found is _UNSEEN:
            found = self._got[ptr] = self._walk(ptr)
        return default if found is _MISSING else found

    def _walk(self, ptr: str) -> Any:
        return _MISSING if self.data is None else walk(self.data, ptr, _MISSING)

    def list_at(self, ptr: str) -> list:
        value = self.get(ptr)
        return value if isinstance(value, list) else []

    def dict_at(self, ptr: str) -> dict:
        value = self.get(ptr)
        return value if isinstance(value, dict) else {}

    @cached_property
    def _schema_rejected(self) -> frozenset[str]:
        from listing_lint.schema import rejected_pointers

        data = self.data
        if data is None or self.refused:
            return frozenset()
        rejected = rejected_pointers("listing.schema.json", data)
        if self.duplicate_keys:  # a key given twice (SCH001): which value was meant is unknown, like a rejected one's
            from listing_lint.bundle.positions import escape_pointer_token

            rejected = rejected | {f"{ptr}/{escape_pointer_token(key)}" for ptr, key, _ in self.duplicate_keys}
        return rejected

    @property
    def rejected_pointers(self) -> frozenset[str]:
        """The JSON pointers of the values the schema rejects (``schema.rejected_pointers``)."""
        return self._schema_rejected

    def schema_rejects(self, ptr: str) -> bool:
        """Whether the schema rejects the value at ``ptr``, a value it is part of, or a value inside it.

        SCH002 reports each rejected value; a rule that would conclude something from it stays silent
        (one root cause, one finding). A key given twice in one object (SCH001's) counts as rejected:
        the value meant is unknown. Only computed when a rule asks; a valid listing costs one fast check.
        """
        from listing_lint.schema import rejects

        return rejects(self._schema_rejected, ptr)

    def schema_rejects_itself(self, ptr: str) -> bool:
        """Whether the schema rejects the value at ``ptr`` itself (its type or form), not only a list
        or object it is part of (a repeated item rejects the whole list, not each item)."""
        return ptr in self._schema_rejected

    @cached_property
    def source_map(self) -> JsonSourceMap:
        return JsonSourceMap(self.manifest.text or "", self.manifest.lines)

    def span(self, ptr: str, key: bool = False) -> Span:
        """The span of the value (or member, with ``key``) at a JSON pointer of listing.json."""
        if self.data is None:
            return Span(self.manifest.display, 1, 1, 1, 1)
        line, col, end_line, end_col = (self.source_map.key_span if key else self.source_map.value_span)(ptr)
        return Span(self.manifest.display, line, col, end_line, end_col)

    # -- declared facts -------------------------------------------------------------------
    @property
    def markets(self) -> list[str]:
        """The markets listed that the schema knows: an unknown one (``"DE"``) is SCH002's finding,
        and no rule should judge the listing for it a second time (one root cause, one finding)."""
        known = known_markets()
        return [m for m in self.list_at("/markets") if isinstance(m, str) and m in known]

    @property
    def product_groups(self) -> list[str]:
        return [g for g in self.list_at("/product_groups") if isinstance(g, str)]

    @property
    def placed_on_market(self) -> date | None:
        value = self.get("/placed_on_market")
        try:
            return date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None

    @property
    def locales(self) -> list[str] | None:
        """Declared locales, normalised (``es_ES`` -> ``es-ES``), or None when not declared."""
        values = self.get("/locales")
        if not isinstance(values, list):
            return None
        # a tag the schema rejects ("xx_XX_1") is SCH002's, not a locale every page, title and alt text must have
        return [normalize_locale(v) for i, v in enumerate(values) if isinstance(v, str) and not self.schema_rejects_itself(f"/locales/{i}")]

    # -- files ----------------------------------------------------------------------------
    def resolve(self, ref: str, base: str = "", url: bool = False) -> Resolved:
        """Resolve a path written in the bundle (relative to the bundle file ``base``); ``url``: a
        relative URL a page names, percent-escapes and all (``paths.resolve_in``)."""
        key = (ref, base, url)
        if key not in self._resolved:
            self._resolved[key] = resolve_in(self.root, ref, base, self._located, self._lstats, url)
        return self._resolved[key]

    def file(self, ref: str, base: str = "") -> SourceFile | None:
        """The bundle file a reference names, or None when it is missing or leaves the bundle."""
        resolved = self.resolve(ref, base)
        if not resolved.ok:
            return None
        return self._file(resolved)

    @cached_property
    def _root_below_cwd(self) -> str | None:
        return below_cwd(self.root, self.cwd)

    def _file(self, resolved: Resolved) -> SourceFile:
        assert resolved.rel is not None and resolved.path is not None
        if resolved.rel not in self._files:
            file = self._files[resolved.rel] = SourceFile(
                resolved.path, resolved.rel, display_below(self.root, self._root_below_cwd, resolved.rel, self.cwd), self.max_text_bytes
            )
            known = self._lstats.get(str(resolved.path))
            if isinstance(known, os.stat_result):  # resolving took it: the file need not be statted again
                file.__dict__["_lstat"] = known
        return self._files[resolved.rel]

    @cached_property
    def references(self) -> list[Reference]:
        """Every path listing.json names, resolved once, in document order."""
        refs: list[Reference] = []

        def add(ptr: str, kind: str) -> None:
            value = self.get(ptr)
            if isinstance(value, str):
                refs.append(Reference(ptr, kind, self.resolve(value)))

        for locale, page in self.dict_at("/detail_pages").items():
            if isinstance(page, str):
                add(pointer("detail_pages", locale), "page")
        for i, item in enumerate(self.list_at("/media")):
            add(pointer("media", i, "file"), "media")
            add(pointer("media", i, "poster"), "poster")
        for i, _ in enumerate(self.list_at("/certificates")):
            add(pointer("certificates", i, "file"), "certificate")
        add("/brand/trademark/file", "trademark")
        for i, _ in enumerate(self.list_at("/brand/authorization")):
            add(pointer("brand", "authorization", i, "file"), "authorization")
        for e, exp in enumerate(self.list_at("/experiments")):
            variants = exp.get("variants") if isinstance(exp, dict) else None
            for v, _ in enumerate(variants if isinstance(variants, list) else []):
                add(pointer("experiments", e, "variants", v, "page"), "variant-page")
                add(pointer("experiments", e, "variants", v, "media"), "variant-media")
        return refs

    def walk_files(self) -> Iterator[str]:
        """Every regular file under a folder bundle (posix, relative, sorted); none for single-file bundles."""
        if self.single_file:
            return
        root = str(self.root)
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            folder = os.path.relpath(dirpath, root).replace(os.sep, "/")
            prefix = "" if folder == "." else folder + "/"
            for name in sorted(filenames):
                if not name.startswith("."):
                    yield prefix + name

    # -- pages and media -----------------------------------------------------------------
    @cached_property
    def pages(self) -> dict[str, Page]:
        """Detail pages by declared locale key (as written), skipping those that cannot be read."""
        pages: dict[str, Page] = {}
        first: dict[str, Page] = {}  # by file: the pages of one file share its parse (100,000 keys, one file)
        for locale, value in self.dict_at("/detail_pages").items():
            ptr = pointer("detail_pages", locale)
            if isinstance(value, str):
                file = self.file(value)
                if file is not None:
                    pages[locale] = Page(self, normalize_locale(locale), ptr, file, None, parsed_by=first.get(file.rel))
                    first.setdefault(file.rel, pages[locale])
            elif isinstance(value, dict) and isinstance(value.get("html"), str):
                pages[locale] = Page(self, normalize_locale(locale), ptr + "/html", None, value["html"])
        return pages

    @cached_property
    def page_files(self) -> list[Page]:
        """One detail page per file (the first key naming it) and every inline page: for the rules
        on the file itself (SCH001, SCH004, SCH007), which reported a file's problem once per key
        naming it and read it once per key (100,000 keys naming one page: 100,000 findings): the
        pages that share no other page's parse."""
        return [page for page in self.pages.values() if page.parsed_by is None]

    @cached_property
    def locale_pages(self) -> dict[str, Page]:
        """The detail pages under a key that is a locale tag: the rules that read a page as its
        locale's (language, typography, numbers, ``<html lang>``) skip a key like "english", which
        SCH002 reports (it was also "the english page is 100% English"). The rules on the file itself
        (SCH001, SCH004, media, CMP001) still read ``pages``."""
        from listing_lint.schema.files import is_locale_key

        return {key: page for key, page in self.pages.items() if is_locale_key(key)}

    def page(self, ref: str, base: str = "") -> Page | None:
        """A page that is not one of the detail pages (e.g. an experiment variant's page)."""
        file = self.file(ref, base)
        return Page(self, "", "", file, None) if file else None

    @cached_property
    def media(self) -> list[MediaItem]:
        items: list[MediaItem] = []
        for i, item in enumerate(self.list_at("/media")):
            if not isinstance(item, dict) or not isinstance(item.get("file"), str):
                continue
            alt = item.get("alt") if isinstance(item.get("alt"), dict) else {}
            items.append(
                MediaItem(
                    index=i,
                    pointer=pointer("media", i),
                    kind=str(item.get("kind", "")),
                    file=item["file"],
                    role=str(item.get("role", "")),
                    placement=str(item.get("placement", "gallery")),
                    alt={normalize_locale(k): v for k, v in alt.items() if isinstance(v, str)},
                    poster=item.get("poster") if isinstance(item.get("poster"), str) else None,
                )
            )
        return items


def _supported() -> tuple[str, ...]:
    from listing_lint import SUPPORTED_SCHEMA_VERSIONS

    return SUPPORTED_SCHEMA_VERSIONS


def declared_version(value: Any) -> str | None:
    """The version a ``schema_version`` value declares: a string as written, a number as its text
    (``2`` declares version "2"; ``1`` is version "1" in the wrong type); None for a value that is no
    version at all (``null``, ``true``, a list or object: a template left unfilled, read like a missing
    version, not refused)."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


@lru_cache(maxsize=4096)
def normalize_locale(tag: str) -> str:
    """BCP 47 spelling of a locale tag: ``es_ES`` -> ``es-ES``, ``EN`` -> ``en``."""
    parts = tag.strip().replace("_", "-").split("-")
    if not parts or not parts[0]:
        return tag
    language = parts[0].lower()
    out = [_shortest_codes().get(language, language) if len(language) == 3 else language]
    for part in parts[1:]:
        out.append(part.upper() if len(part) == 2 else part.title() if len(part) == 4 else part)
    return "-".join(out)


@lru_cache(maxsize=1)
def _shortest_codes() -> dict[str, str]:
    """ISO 639-2/3 codes that have an ISO 639-1 code, to it (``spa`` -> ``es``, ``fre`` -> ``fr``):
    BCP 47 takes the shortest code (RFC 5646 §2.2.1), and a locale written ``spa`` is the ``es``
    locale (CLDR's language aliases, shipped with Babel; loaded on the first three-letter code)."""
    from babel.core import get_global

    return {k: v for k, v in get_global("language_aliases").items()
            if len(k) == 3 and k.isalpha() and len(v) == 2 and v.isalpha()}


@lru_cache(maxsize=1)
def known_markets() -> frozenset[str]:
    """The markets listing.schema.json allows (``markets.items.enum``)."""
    from listing_lint.schema.files import schema_document

    return frozenset(schema_document("listing.schema.json")["properties"]["markets"]["items"]["enum"])


@lru_cache(maxsize=4096)
def base_language(tag: str) -> str:
    return normalize_locale(tag).split("-")[0]


def checked_locales(declared: list[str] | None, required: list[str]) -> list[str]:
    """The locales a bundle must have: its declared ``locales`` and the ``required-locales`` config,
    both (a bundle cannot opt out of what the project requires). A required ``es`` is left out
    when the bundle declares a region of it (``es-ES`` serves it)."""
    out = list(dict.fromkeys(normalize_locale(x) for x in (declared or [])))
    for locale in (normalize_locale(x) for x in required):
        served = "-" not in locale and any(base_language(d) == locale for d in out)
        if locale not in out and not served:
            out.append(locale)
    return out
