"""Command line: parse options into a plain object, build the engine from it, hand the result to a reporter."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import click

from listing_lint import __version__, registry, reporters
from listing_lint.config import ConfigError, load_config
from listing_lint.engine import UsageError, make_settings, run
from listing_lint.finding import Severity

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-11-25") from None


def _codes(values: tuple[str, ...]) -> list[str] | None:
    if not values:
        return None
    return [c for v in values for c in v.replace(",", " ").split() if c]


def use_color(stream) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="listing-lint")
def main() -> None:
    """Lint marketplace listing bundles: schema, media, localization, conformity, premium readiness."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(sorted(reporters.REPORTERS)), default=None, help="Output format (default text).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file; the summary still goes to stderr.")
@click.option("--select", multiple=True, help="Rule codes, prefixes or names to run (replaces config).")
@click.option("--extend-select", multiple=True, help="Codes added to the selection.")
@click.option("--ignore", multiple=True, help="Codes, prefixes or names not to run.")
@click.option("--as-of", callback=_parse_date, help="Judge date-dependent rules at this date (default: each bundle's placed_on_market, else today).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None, help="Lowest severity that makes the exit code 1 (default error).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Explicit config file.")
def check(paths, fmt, output, select, extend_select, ignore, as_of, fail_on, exit_zero, config_path):
    """Lint the bundles found under PATHS (default: the current folder)."""
    cwd = Path.cwd()
    paths = list(paths) or ["."]
    try:
        start = Path(os.path.abspath(paths[0]))
        config = load_config(start, Path(config_path) if config_path else None)
        overrides = {"select": _codes(select), "ignore": None, "fail-on": fail_on, "format": fmt}
        config = config.with_overrides(**overrides)
        if ignore:
            config.values["ignore"] = config.get("ignore") + _codes(ignore)
        if extend_select:
            config.values["extend-select"] = config.get("extend-select") + _codes(extend_select)
        fmt = config.get("format")
        if fmt not in reporters.REPORTERS:
            raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(sorted(reporters.REPORTERS))}")
        settings = make_settings(config, paths, cwd, as_of)
        settings.thresholds  # validate threshold overrides before linting
        result = run(settings, paths)
    except (ConfigError, UsageError, ValueError) as exc:
        click.echo(f"listing-lint: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)

    report = reporters.get(fmt)
    if output:
        with open(output, "w", encoding="utf-8", newline="\n") as out:
            report(result, out, color=False)
        from listing_lint.reporters.text import summary_line

        click.echo(summary_line(result), err=True)
    else:
        report(result, sys.stdout, color=use_color(sys.stdout))
    threshold = Severity.parse(config.get("fail-on"))
    failed = any(f.severity >= threshold for f in result.findings)
    sys.exit(EXIT_FINDINGS if failed and not exit_zero else EXIT_OK)


@main.command()
@click.argument("code", required=False)
def rule(code):
    """List every rule, or explain one (CODE or name)."""
    from listing_lint.docs import rule_help, rule_table

    if code is None:
        click.echo(rule_table())
        return
    found = registry.lookup(code)
    if found is None:
        from listing_lint.config import closest

        click.echo(f"listing-lint: error: no rule {code!r}{closest(code.upper(), registry.by_code())}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(rule_help(found))


def entry() -> None:
    """Console-script entry: no traceback for the user, exit code 2 for an internal error."""
    try:
        main(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001
        if os.environ.get("LISTING_LINT_DEBUG"):
            raise
        click.echo(f"listing-lint: internal error: {type(exc).__name__}: {exc} (set LISTING_LINT_DEBUG=1 for details)", err=True)
        sys.exit(EXIT_USAGE)
