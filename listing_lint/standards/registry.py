"""The standards registry: standard editions and market rules, with their dates, source and confidence.

``data/standards.yaml`` holds one entry per standard edition and market; ``data/market_rules.yaml``
what each product group needs in each market and from when; ``data/product_groups.yaml`` the
vocabulary of product groups (ids, aliases, the groups each implies). A user's overlay file (config key
``standards-overlay``) adds entries or overrides them: a standard by (ref, market), a market rule
by id. Every fact is judged at a date: ``entry.state(day)``, ``rule.applies(groups, day)``.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from listing_lint.standards.refparse import RefError, StandardRef, parse_ref

DATA = Path(__file__).parent / "data"
CONFIDENCES = ("confirmed", "secondary", "single-source", "unconfirmed")
STATUSES = ("current", "superseded", "never-cited", "withdrawn")
#: the product group ``battery.included: false`` stands for (data/product_groups.yaml)
NOT_INCLUDED = "batteries-not-included"
RULE_KINDS = ("evidence", "required_standards", "legislation", "responsible_person", "psti", "milestones", "conformity_assessment",
              "group_hints")


class RegistryDataError(ValueError):
    """The registry or an overlay file is unreadable or invalid; the message names file and entry."""


@dataclass(frozen=True)
class State:
    """What an entry is at a date. ``kind``: current, not-yet, ended, never-cited, unknown (superseded
    at an unknown date, judged before its successor existed)."""

    kind: str
    since: date | None = None  # ended: the day presumption ended (None: not known); not-yet: the citation date
    until: date | None = None  # current: the day presumption will end, when known


@dataclass(frozen=True)
class Entry:
    ref: StandardRef
    text: str  # the ref as written in the data file
    market: str
    legislation: tuple[str, ...]
    groups: tuple[str, ...]
    status: str
    source: str
    confidence: str
    cited: date | None = None
    ended: date | None = None
    replaced_on: date | None = None
    replaced_by: str | None = None
    any_amendments: bool = False
    used_with: tuple[str, ...] = ()
    basis: str = ""
    note: str = ""
    referenced_elsewhere: str = ""  # e.g. clauses referenced under the general product safety rules
    checked: date | None = None  # the day the fact was last checked against its source
    successor_year: int | None = None  # the year of ``replaced_by``'s edition, when it names one
    origin: str = "registry"  # "registry" or the overlay's path

    def state(self, day: date) -> State:
        if self.status == "never-cited":
            return State("never-cited")
        if self.cited and day < self.cited:
            return State("not-yet", since=self.cited)
        if self.status == "current":
            return State("current")
        if self.ended is not None:
            return State("ended", since=self.ended) if day >= self.ended else State("current", until=self.ended)
        if self.replaced_on is not None and day < self.replaced_on:
            return State("current")
        if self.replaced_on is None and self.successor_year and day.year < self.successor_year:
            return State("unknown")  # its successor did not exist yet; whether it was cited then is not recorded
        return State("ended")

    def matches(self, ref: StandardRef) -> int:
        """How well this entry names the cited edition: 0 not at all; higher is more specific."""
        if ref.family != self.ref.family or ref.year != self.ref.year or ref.version != self.ref.version:
            return 0
        if self.any_amendments:
            return 1
        mine, cited = self.ref.real_amendments, ref.real_amendments
        if not mine <= cited:
            return 0
        return 10 + len(mine) + (100 if mine == cited else 0)


@dataclass(frozen=True)
class MarketRule:
    kind: str  # evidence | required_standards | legislation | responsible_person | psti | milestones | group_hints
    id: str
    data: dict = field(hash=False, compare=False)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    @property
    def markets(self) -> tuple[str, ...]:
        if "markets" in self.data:
            return tuple(self.data["markets"])
        return (self.data["market"],) if "market" in self.data else ()

    @property
    def confidence(self) -> str:
        return self.data.get("confidence", "unconfirmed")

    @property
    def source(self) -> str:
        return self.data.get("source", "")

    def in_force(self, day: date) -> bool:
        start, end = self.data.get("from"), self.data.get("until")
        return (start is None or day >= start) and (end is None or day <= end)

    def covers(self, groups: list[str] | set[str]) -> bool:
        groups = set(groups)
        if groups & set(self.data.get("groups_none") or ()):
            return False
        if "groups_all" in self.data:
            return set(self.data["groups_all"]) <= groups
        wanted = self.data.get("groups_any")
        if wanted is None:
            return False
        return not wanted or bool(groups & set(wanted))


@dataclass(frozen=True)
class Group:
    """One product group of the vocabulary: its id, what it means, other names for it, what it implies."""

    id: str
    title: str
    aliases: tuple[str, ...] = ()
    implies: tuple[str, ...] = ()
    origin: str = "registry"


@dataclass(frozen=True)
class Match:
    entry: Entry
    exact: bool  # the cited amendments are exactly the entry's
    via_eu: bool = False  # a UK citation judged by the EU entry (UK designation not established)


class Registry:
    def __init__(self, entries: list[Entry], rules: list[MarketRule], groups: list[Group] | None = None):
        self.entries = entries
        self.rules = rules
        self.groups = list(groups or ())
        self._group_names = {alias: g.id for g in self.groups for alias in g.aliases}
        self._group_names.update({g.id: g.id for g in self.groups})
        self._by_family: dict[tuple[str, str], list[Entry]] = {}
        for entry in entries:
            self._by_family.setdefault((entry.market, entry.ref.family), []).append(entry)

    def group_id(self, name: str) -> str | None:
        """The group id a listing's ``product_groups`` value names (an id or an alias), or None."""
        return self._group_names.get(name)

    def group_names(self) -> list[str]:
        """Every id and alias a listing may write."""
        return sorted(self._group_names)

    def resolve_groups(self, names) -> set[str]:
        """The group ids the names stand for, with every group they imply; unknown names are dropped."""
        implies = {g.id: g.implies for g in self.groups}
        todo = [gid for gid in map(self.group_id, names) if gid]
        out: set[str] = set()
        while todo:
            gid = todo.pop()
            if gid not in out:
                out.add(gid)
                todo.extend(implies.get(gid, ()))
        return out

    def listing_groups(self, names, battery_included: Any = None) -> set[str]:
        """The groups a listing is in: its ``product_groups`` resolved, and ``batteries-not-included``
        when ``battery.included`` is false ("batteries not included"), as writing that group does.
        The CMP rules and ``listing-lint standards --listing`` both ask this, so they agree."""
        names = [n for n in names if isinstance(n, str)]
        if battery_included is False:
            names.append(NOT_INCLUDED)
        return self.resolve_groups(names)

    def rules_of(self, kind: str) -> list[MarketRule]:
        return [r for r in self.rules if r.kind == kind]

    def editions(self, family: str, market: str) -> list[Entry]:
        return list(self._by_family.get((market, family), []))

    def lookup(self, ref: StandardRef, market: str) -> Match | None:
        """The entry that names the cited edition in ``market`` (UK falls back to the EU entry)."""
        best = self._best(ref, market)
        if best is not None:
            return best
        if market == "UK":
            eu = self._best(ref, "EU")
            if eu is not None:
                lowered = replace(eu.entry, confidence="unconfirmed", market="UK")
                return Match(lowered, eu.exact, via_eu=True)
        return None

    def _best(self, ref: StandardRef, market: str) -> Match | None:
        scored = [(e.matches(ref), i, e) for i, e in enumerate(self._by_family.get((market, ref.family), []))]
        scored = [s for s in scored if s[0]]
        if not scored:
            return None
        score, _, entry = max(scored, key=lambda s: (s[0], -s[1]))
        return Match(entry, score >= 100 or entry.any_amendments)

    def knows_family(self, family: str) -> bool:
        return any(fam == family for _, fam in self._by_family)

    def current_editions(self, family: str, market: str, day: date) -> list[Entry]:
        return [e for e in self.editions(family, market) if e.state(day).kind == "current"]


# -- loading ---------------------------------------------------------------------------------
def _load_yaml(path: Path) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 7x faster on the shipped registry
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader
    except OSError as exc:
        raise RegistryDataError(f"cannot read {path}: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise RegistryDataError(f"{path}: invalid YAML: {exc}") from None


#: Nodes an overlay may hold once its aliases are expanded: a file of a few kilobytes can otherwise
#: alias its way to billions (the "billion laughs"), which validating or merging then walks.
MAX_OVERLAY_NODES = 100_000
MAX_OVERLAY_BYTES = 1024 * 1024


def load_overlay_yaml(path: Path) -> Any:
    """A user's overlay, parsed safely: size-capped, and refused when aliases expand it beyond
    ``MAX_OVERLAY_NODES`` or it nests too deep for the parser."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_OVERLAY_BYTES + 1)
        if len(data) > MAX_OVERLAY_BYTES:
            raise RegistryDataError(f"standards overlay {path}: over the {MAX_OVERLAY_BYTES:,}-byte limit")
        doc = yaml.load(data, Loader=loader)  # noqa: S506 - a safe loader; aliases share one object
    except OSError as exc:
        raise RegistryDataError(f"cannot read {path}: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise RegistryDataError(f"{path}: invalid YAML: {exc}") from None
    except RecursionError:
        raise RegistryDataError(f"standards overlay {path}: nested too deep") from None
    if _expanded_size(doc, MAX_OVERLAY_NODES) > MAX_OVERLAY_NODES:
        raise RegistryDataError(
            f"standards overlay {path}: its aliases expand to more than {MAX_OVERLAY_NODES:,} values; "
            "write the entries out instead of aliasing them"
        )
    return doc


def _expanded_size(doc: Any, limit: int) -> int:
    """How many values ``doc`` holds with every alias expanded, counted in time linear in the
    distinct objects (an alias is the same object again, so its size is remembered by id)."""
    sizes: dict[int, int] = {}
    stack: list[tuple[Any, bool]] = [(doc, False)]
    while stack:
        node, done = stack.pop()
        if not isinstance(node, (dict, list)) or (id(node) in sizes and not done):
            continue
        children = [*node.keys(), *node.values()] if isinstance(node, dict) else node
        if done:
            total = 1 + sum(sizes.get(id(c), 1) if isinstance(c, (dict, list)) else 1 for c in children)
            sizes[id(node)] = min(total, limit + 1)
            continue
        if id(node) in sizes:
            continue
        sizes[id(node)] = limit + 1  # a cycle (a recursive alias) counts as too large
        stack.append((node, True))
        stack.extend((c, False) for c in children if isinstance(c, (dict, list)) and id(c) not in sizes)
    return sizes.get(id(doc), 1)


def _as_date(value: Any, where: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise RegistryDataError(f"{where}: {value!r} is not a date like 2024-12-13") from None


def make_entry(raw: dict, origin: str, where: str) -> Entry:
    missing = [k for k in ("ref", "market", "status", "source", "confidence") if not raw.get(k)]
    if missing:
        raise RegistryDataError(f"{where}: missing {', '.join(missing)} (a new entry needs every field; one that overrides a shipped entry needs only ref and market)")
    if raw["confidence"] not in CONFIDENCES:
        raise RegistryDataError(f"{where}: confidence {raw['confidence']!r} is not one of {', '.join(CONFIDENCES)}")
    if raw["status"] not in STATUSES:
        raise RegistryDataError(f"{where}: status {raw['status']!r} is not one of {', '.join(STATUSES)}")
    try:
        ref = parse_ref(str(raw["ref"]))
    except RefError as exc:
        raise RegistryDataError(f"{where}: cannot read ref {raw['ref']!r}: {exc}") from None
    ended = _as_date(raw.get("ended"), where)
    if raw["status"] in ("superseded", "withdrawn") and ended is None and raw["confidence"] != "unconfirmed":
        raise RegistryDataError(f"{where}: a {raw['status']} entry needs the date presumption ended (`ended`)")
    return Entry(
        ref=ref,
        text=str(raw["ref"]),
        market=str(raw["market"]),
        legislation=tuple(raw.get("legislation") or ()),
        groups=tuple(raw.get("groups") or ()),
        status=raw["status"],
        source=str(raw["source"]),
        confidence=raw["confidence"],
        cited=_as_date(raw.get("cited"), where),
        ended=ended,
        replaced_on=_as_date(raw.get("replaced_on"), where),
        replaced_by=raw.get("replaced_by"),
        any_amendments=raw.get("amendments", "exact") == "any",
        used_with=tuple(raw.get("used_with") or ()),
        basis=str(raw.get("basis") or ""),
        note=str(raw.get("note") or ""),
        referenced_elsewhere=str(raw.get("referenced_elsewhere") or ""),
        checked=_as_date(raw.get("checked"), where),
        successor_year=_year_of(raw.get("replaced_by")),
        origin=origin,
    )


def _year_of(ref: Any) -> int | None:
    try:
        year = parse_ref(str(ref)).year if ref else None
    except RefError:
        return None
    return int(str(year)[:4]) if year else None


def _entry_key(raw: dict) -> tuple[str, str]:
    try:
        return parse_ref(str(raw.get("ref"))).canonical, str(raw.get("market"))
    except RefError:
        return str(raw.get("ref")), str(raw.get("market"))


def _merge_by(base: list[dict], extra: list[dict], key) -> list[dict]:
    """Overlay items replace fields of the base item with the same key; new items are appended."""
    out = [dict(item) for item in base]
    index = {key(item): i for i, item in enumerate(out)}
    for item in extra:
        k = key(item)
        if k in index:
            out[index[k]] = {**out[index[k]], **item}
        else:
            index[k] = len(out)
            out.append(dict(item))
    return out


def _validate_overlay(doc: Any, path: Path) -> dict:
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise RegistryDataError(f"standards overlay {path}: expected a mapping with `standards:` and/or market-rule lists")
    schema = json.loads((DATA / "overlay.schema.json").read_text(encoding="utf-8"))
    import jsonschema

    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(_jsonable(doc)), key=lambda e: list(e.path))
    if errors:
        err = errors[0]
        where = "/".join(str(p) for p in err.path) or "(top)"
        raise RegistryDataError(f"standards overlay {path}: at {where}: {err.message}")
    return doc


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _rules_from(doc: dict, where: str) -> list[MarketRule]:
    rules = []
    for kind in RULE_KINDS:
        for i, raw in enumerate(doc.get(kind) or []):
            rid = raw.get("id") or f"{kind}-{i}"
            data = {k: (_as_date(v, f"{where} {kind}/{rid}") if k in ("from", "until", "date", "checked") else v) for k, v in raw.items()}
            patterns = [(key, data[key]) for key in ("page_text", "title_text", "title_unless") if key in data]
            by_language = data.get("page_text_by_language")
            if isinstance(by_language, dict):
                patterns += [(f"page_text_by_language/{lang}", text) for lang, text in by_language.items()]
            for key, text in patterns:
                try:
                    re.compile(str(text))
                except re.error as exc:
                    raise RegistryDataError(f"{where} {kind}/{rid}: {key} is not a regular expression: {exc}") from None
            rules.append(MarketRule(kind, rid, data))
    return rules


def _groups_from(raw_groups: list[tuple[dict, str]]) -> list[Group]:
    groups = [
        Group(str(raw["id"]), str(raw.get("title") or raw["id"]), tuple(raw.get("aliases") or ()), tuple(raw.get("implies") or ()), origin)
        for raw, origin in raw_groups
    ]
    owner: dict[str, str] = {}
    for group in groups:
        for name in (group.id, *group.aliases):
            if owner.setdefault(name, group.id) != group.id:
                raise RegistryDataError(f"{group.origin}: product group name {name!r} is used by both {owner[name]!r} and {group.id!r}")
    ids = set(owner.values())
    for group in groups:
        unknown = [g for g in group.implies if g not in ids]
        if unknown:
            raise RegistryDataError(f"{group.origin}: product group {group.id!r} implies unknown group(s) {', '.join(unknown)}")
    return groups


@lru_cache(maxsize=8)
def _load(overlay: str | None, stamp: float) -> Registry:
    base = _load_yaml(DATA / "standards.yaml") or {}
    rules_doc = _load_yaml(DATA / "market_rules.yaml") or {}
    products_doc = _load_yaml(DATA / "product_rules.yaml") or {}  # issue 17's product kinds, same format
    for kind in RULE_KINDS:
        rules_doc[kind] = [*(rules_doc.get(kind) or []), *(products_doc.get(kind) or [])]
    raw_groups = [(item, "product_groups.yaml") for item in (_load_yaml(DATA / "product_groups.yaml") or {}).get("groups") or []]
    raw_entries = [(item, "registry") for item in base.get("standards") or []]
    if overlay:
        path = Path(overlay)
        extra = _validate_overlay(load_overlay_yaml(path), path)
        merged = _merge_by([e for e, _ in raw_entries], extra.get("standards") or [], _entry_key)
        overlaid = {_entry_key(item) for item in extra.get("standards") or []}
        raw_entries = [(item, overlay if _entry_key(item) in overlaid else "registry") for item in merged]
        for kind in RULE_KINDS:
            if extra.get(kind):
                rules_doc[kind] = _merge_by(rules_doc.get(kind) or [], extra[kind], lambda r: r.get("id"))
        if extra.get("product_groups"):
            added = {g.get("id") for g in extra["product_groups"]}
            merged_groups = _merge_by([g for g, _ in raw_groups], extra["product_groups"], lambda g: g.get("id"))
            raw_groups = [(g, overlay if g.get("id") in added else "product_groups.yaml") for g in merged_groups]
    entries = [make_entry(raw, origin, f"{origin}: standards entry {raw.get('ref')!r} ({raw.get('market')})") for raw, origin in raw_entries]
    return Registry(entries, _rules_from(rules_doc, "market_rules.yaml"), _groups_from(raw_groups))


def load_registry(overlay: str | os.PathLike | None = None) -> Registry:
    """The shipped registry with ``overlay`` (a YAML path) applied; cached while the file is unchanged."""
    if not overlay:
        return _load(None, 0.0)
    path = os.path.abspath(overlay)
    try:
        stamp = os.stat(path).st_mtime
    except OSError:
        raise RegistryDataError(f"standards-overlay file {overlay} does not exist") from None
    return _load(path, stamp)


def overlay_path(config) -> str | None:
    """The configured overlay, relative to the config file's folder (else the working directory):
    a regular file inside the project, size-capped (``config.named_file``; RegistryDataError if not)."""
    from listing_lint.config import ConfigError, named_file

    value = config.get("standards-overlay")
    if not value:
        return None
    try:
        return str(named_file(config, value, "standards-overlay"))
    except ConfigError as exc:
        raise RegistryDataError(str(exc)) from None


def registry_for(ctx) -> Registry:
    """The registry a rule judges with (the configured overlay applied); memoised per run."""
    memo = ctx.cache
    if "standards.registry" not in memo:
        memo["standards.registry"] = load_registry(overlay_path(ctx.config))
    return memo["standards.registry"]
