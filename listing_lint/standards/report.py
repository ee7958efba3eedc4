"""``listing-lint standards``: the registry for a market at a date, for sellers to check before a lab test.

For each market: the editions that give presumption now, those that will stop, those that
ended (with the date and what to cite instead), those never cited, those cited from a later
date, and the market rules and milestones in force and coming.
"""

from __future__ import annotations

from datetime import date

from listing_lint.standards.registry import Entry, MarketRule, Registry

MARKETS = ("EU", "UK", "US")
TAG = {"confirmed": "C", "secondary": "S", "single-source": "1", "unconfirmed": "U"}
LEGEND = "confidence: C confirmed, S secondary, 1 single source, U unconfirmed (only C raises errors)"


def _name(entry: Entry) -> str:
    return entry.text + (" (any amendments)" if entry.any_amendments else "")


def _line(entry: Entry, detail: str) -> str:
    legislation = ",".join(entry.legislation) or "-"
    return f"  {_name(entry):<42} {legislation:<9} {TAG[entry.confidence]}  {detail}".rstrip()


def _standards(registry: Registry, market: str, day: date, groups: set[str] | None = None) -> list[str]:
    buckets: dict[str, list[str]] = {k: [] for k in ("current", "ending", "ended", "unknown", "never", "coming")}
    mine = (e for e in registry.entries if e.market == market and (groups is None or set(e.groups) & groups))
    for entry in sorted(mine, key=lambda e: e.text):
        state = entry.state(day)
        instead = f"; cite {entry.replaced_by}" if entry.replaced_by else ""
        if state.kind == "current" and state.until:
            buckets["ending"].append(_line(entry, f"presumption ends {state.until}{instead}"))
        elif state.kind == "current":
            buckets["current"].append(_line(entry, entry.basis))
        elif state.kind == "ended":
            when = f"ended {state.since}" if state.since else "replaced (end date not established)"
            buckets["ended"].append(_line(entry, when + instead))
        elif state.kind == "unknown":
            buckets["unknown"].append(_line(entry, f"not established at this date (replaced later by {entry.replaced_by})"))
        elif state.kind == "never-cited":
            buckets["never"].append(_line(entry, "never cited in the OJ: evidence only" + instead))
        else:
            buckets["coming"].append(_line(entry, f"cited from {state.since}"))
    titles = {
        "current": "current (presumption of conformity)",
        "ending": "still current, ending",
        "ended": "ended (no presumption at this date)",
        "unknown": "status not established (superseded later, date unknown)",
        "never": "never cited",
        "coming": "coming (cited from a later date)",
    }
    out = []
    for key, lines in buckets.items():
        if lines:
            out += [f"{market} standards — {titles[key]}:", *lines, ""]
    return out


def _rule_line(rule: MarketRule) -> str:
    start, end = rule.get("from"), rule.get("until")
    span = f"{start or '…'} – {end or '…'}" if start or end else "always"
    joiner = " + " if rule.get("groups_all") else " | "
    groups = list(rule.get("groups_all") or rule.get("groups_any") or ["every product"])
    groups = groups if len(groups) <= 3 else [*groups[:3], f"{len(groups) - 3} more"]
    legislation = rule.get("legislation")  # a law (conformity_assessment) or the laws a certificate must be under
    law = "/".join(legislation) if isinstance(legislation, list) else legislation
    what = (
        rule.get("standard") or rule.get("requires") or (law if rule.kind != "evidence" else None)
        or " or ".join(rule.get("schemes") or ())
        or (f"skus/{rule.get('sku_field')}" if rule.get("sku_field") else (rule.get("field") or "")[1:])
        or ("page text" if rule.get("page_text") else "")
    )
    return f"  {rule.kind:<18} {joiner.join(groups):<45} {what:<14} {span:<25} {TAG.get(rule.confidence, 'U')}  {rule.get('why', '')}".rstrip()


def _rules(registry: Registry, market: str, day: date, groups: set[str] | None = None) -> list[str]:
    now, coming, past = [], [], []
    for rule in registry.rules:
        if market not in rule.markets or rule.kind == "milestones" or (groups is not None and not rule.covers(groups)):
            continue
        start, end = rule.get("from"), rule.get("until")
        target = coming if start and day < start else past if end and day > end else now
        target.append(_rule_line(rule))
    for rule in sorted(registry.rules_of("milestones"), key=lambda r: r.get("date")):
        # a milestone names groups_any/groups_none like the rules do: the Batteries Regulation's dates
        # concern no product sold without its batteries, as CMP001's battery rules do not
        if market in rule.markets and (groups is None or rule.covers(groups)):
            line = f"  {rule.get('date')}  {TAG.get(rule.confidence, 'U')}  {rule.get('what')}"
            (coming if rule.get("date") > day else past).append(line)
    out = []
    for title, lines in (("in force", now), ("coming", coming), ("past", past)):
        if lines:
            out += [f"{market} requirements — {title}:", *lines, ""]
    return out


def render(
    registry: Registry, market: str | None, day: date, groups: list[str] | None = None, *,
    resolved: set[str] | None = None, markets: list[str] | None = None,
) -> str:
    """The registry at ``day``; with ``groups`` (names) or ``resolved`` (ids, implied ones included),
    only what applies to a product in those groups; ``markets`` narrows the markets shown."""
    markets = [market] if market else list(markets or MARKETS)
    wanted = resolved if resolved is not None else (registry.resolve_groups(groups) if groups else None)
    scope = f" for {'+'.join(sorted(wanted))}" if wanted else ""
    out = [f"Standards registry as of {day}{scope} ({LEGEND})", ""]
    for m in markets:
        out += _standards(registry, m, day, wanted) + _rules(registry, m, day, wanted)
    return "\n".join(out).rstrip() + "\n"


def render_groups(registry: Registry) -> str:
    """The product-group vocabulary: ids, what each means, its aliases and the groups it implies."""
    out = ["Product groups (write the id or an alias in listing.json `product_groups`)", ""]
    for group in sorted(registry.groups, key=lambda g: g.id):
        out.append(f"  {group.id:<22} {group.title}")
        if group.aliases:
            out.append(f"  {'':<22} aliases: {', '.join(group.aliases)}")
        if group.implies:
            out.append(f"  {'':<22} implies: {', '.join(group.implies)}")
    return "\n".join(out) + "\n"


def unknown_groups(registry: Registry, groups: list[str]) -> list[str]:
    """A usage error per name that is neither a group id nor an alias, with the closest id."""
    import difflib

    errors = []
    for name in groups:
        if registry.group_id(name) is None:
            near = difflib.get_close_matches(name.lower(), registry.group_names(), n=1, cutoff=0.6)
            hint = f"; did you mean {registry.group_id(near[0])!r}?" if near else ""
            errors.append(f"unknown product group {name!r}{hint} (`listing-lint standards --groups` lists them)")
    return errors


def read_listing(path: str, max_text_bytes: int) -> dict:
    """The facts of a listing.json that decide what applies to it: its groups, ``battery.included``
    and markets. Raises ValueError with a plain sentence when the file is no listing.

    Read and parsed as ``check`` reads a bundle's listing.json (``bundle.model.parse_json``): the same
    encodings, nesting limit, size limit and JSON (``NaN`` refused), so both commands take the same files."""
    from pathlib import Path

    from listing_lint.bundle.files import SourceFile
    from listing_lint.bundle.model import parse_json

    file = SourceFile(Path(path).absolute(), Path(path).name, path, max_text_bytes)
    if not file.is_regular:  # a FIFO or device is never opened: it would block
        raise ValueError(f"cannot read {path} as a listing.json: not a readable regular file")
    data, problem, _ = parse_json(file)
    if problem is not None:
        raise ValueError(f"cannot read {path} as a listing.json: {problem.message} (line {problem.line}, column {problem.column}); "
                         "`listing-lint check` says the same")
    if not isinstance(data, dict):
        raise ValueError(f"{path} is no listing.json object")
    battery = data.get("battery")
    groups = data.get("product_groups")
    markets = data.get("markets")
    return {
        "groups": [g for g in groups if isinstance(g, str)] if isinstance(groups, list) else [],
        "battery_included": battery.get("included") if isinstance(battery, dict) else None,
        "markets": [m for m in markets if m in MARKETS] if isinstance(markets, list) else [],
    }


def standards_command(
    market: str | None, as_of: date | None, config_path: str | None, groups: list[str] | None = None, list_groups: bool = False,
    listing: str | None = None,
) -> int:
    """Print the registry (or its group vocabulary); returns the exit code (2 for an unreadable
    config, overlay or listing, or an unknown group). With ``listing``, what applies to that listing:
    its groups (``battery.included: false`` as ``batteries-not-included``, as the CMP rules read it,
    plus any ``groups``) in its markets (unless ``market`` is given)."""
    import os
    from pathlib import Path

    import click

    from listing_lint.config import ConfigError, load_config
    from listing_lint.standards.registry import RegistryDataError, load_registry, overlay_path

    try:
        config = load_config(Path(os.getcwd()), Path(config_path) if config_path else None)
        registry = load_registry(overlay_path(config))
    except (ConfigError, RegistryDataError) as exc:
        from listing_lint.reporters.text import escape

        click.echo(f"listing-lint: error: {escape(str(exc))}", err=True)
        return 2
    if list_groups:
        click.echo(render_groups(registry), nl=False)
        return 0
    errors = unknown_groups(registry, groups or [])
    facts = None
    if listing:
        try:
            facts = read_listing(listing, config.get("max-text-bytes"))
        except ValueError as exc:
            errors.append(str(exc))
    from listing_lint.reporters.text import escape

    for error in errors:  # names a path and groups the user wrote: escaped like every finding
        click.echo(f"listing-lint: error: {escape(error)}", err=True)
    if errors:
        return 2
    day = as_of or date.today()
    if facts is None:
        click.echo(render(registry, market, day, groups), nl=False)
        return 0
    wanted = registry.listing_groups([*facts["groups"], *(groups or [])], facts["battery_included"])
    click.echo(render(registry, market, day, resolved=wanted, markets=facts["markets"] or None), nl=False)
    return 0
