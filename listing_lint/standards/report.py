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


def _standards(registry: Registry, market: str, day: date) -> list[str]:
    buckets: dict[str, list[str]] = {k: [] for k in ("current", "ending", "ended", "unknown", "never", "coming")}
    for entry in sorted((e for e in registry.entries if e.market == market), key=lambda e: e.text):
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
    what = rule.get("standard") or rule.get("requires") or rule.get("legislation") or " or ".join(rule.get("schemes") or ())
    return f"  {rule.kind:<18} {joiner.join(groups):<45} {what:<14} {span:<25} {TAG.get(rule.confidence, 'U')}  {rule.get('why', '')}".rstrip()


def _rules(registry: Registry, market: str, day: date) -> list[str]:
    now, coming, past = [], [], []
    for rule in registry.rules:
        if market not in rule.markets or rule.kind == "milestones":
            continue
        start, end = rule.get("from"), rule.get("until")
        target = coming if start and day < start else past if end and day > end else now
        target.append(_rule_line(rule))
    for rule in sorted(registry.rules_of("milestones"), key=lambda r: r.get("date")):
        if market in rule.markets:
            line = f"  {rule.get('date')}  {TAG.get(rule.confidence, 'U')}  {rule.get('what')}"
            (coming if rule.get("date") > day else past).append(line)
    out = []
    for title, lines in (("in force", now), ("coming", coming), ("past", past)):
        if lines:
            out += [f"{market} requirements — {title}:", *lines, ""]
    return out


def render(registry: Registry, market: str | None, day: date) -> str:
    markets = [market] if market else list(MARKETS)
    out = [f"Standards registry as of {day} ({LEGEND})", ""]
    for m in markets:
        out += _standards(registry, m, day) + _rules(registry, m, day)
    return "\n".join(out).rstrip() + "\n"


def standards_command(market: str | None, as_of: date | None, config_path: str | None) -> int:
    """Print the registry; returns the exit code (2 for an unreadable config or overlay)."""
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
    click.echo(render(registry, market, as_of or date.today()), nl=False)
    return 0
