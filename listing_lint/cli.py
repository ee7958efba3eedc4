"""Command line: parse options into a plain object, build the engine from it, hand the result to a reporter."""

from __future__ import annotations

import gc
import io
import os
import sys
from datetime import date
from pathlib import Path

import click

from listing_lint import __version__, registry, reporters
from listing_lint.config import ConfigError, load_config
from listing_lint.engine import UsageError, make_settings, run, validate_settings
from listing_lint.finding import Severity
from listing_lint.reporters.text import escape
from listing_lint.safewrite import UnsafeTarget, check_target, write_atomic

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-11-25") from None


class AsciiCount(click.ParamType):
    """A whole number of at most 9 ASCII digits: click's int (Python's ``int()``) also reads "٣"
    (Arabic-Indic), "３" (fullwidth) and other Unicode digits, which no shell user means."""

    name = "integer"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        text = str(value).strip()
        if not (text.isascii() and text.isdigit()):
            self.fail(f"{value!r} is not a whole number in ASCII digits (0-9)", param, ctx)
        if len(text) > 9:
            self.fail(f"{value!r} is too large", param, ctx)
        return int(text)


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


class NoFileNamedAsAnOption(click.Command):
    """``check`` refuses an argument that starts with "-" and also names a file or folder here.

    pre-commit runs ``listing-lint check <hook args> <changed files>`` with no ``--`` before the
    files (its maintainers leave that to each hook): a pull request adding a file named
    ``--baseline=bl.html`` (it matches the hook's ``files``) beside a baseline saved as ``bl.html``
    hid every finding that baseline listed, exit 0; ``--config=x.html`` or ``-ox.html`` steered the
    run the same way. Taking such a name for a path instead would let a file named like one of the
    hook's own args (``--fail-on=warning``) drop that option. Either reading can be a trap, so the
    run stops (exit 2) and says so; ``./NAME`` or anything after ``--`` is a path as always."""

    def parse_args(self, ctx, args):
        for arg in args:
            if arg == "--":
                break
            if arg.startswith("-") and arg != "-" and os.path.lexists(arg):
                raise click.UsageError(f"{escape(arg, quote=True)} is both an option and a file here; rename the file, "
                                       f"or write ./{escape(arg)} to lint it", ctx)
        return super().parse_args(ctx, args)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="listing-lint")
def main() -> None:
    """Lint marketplace listing bundles: schema, media, localization, conformity, premium readiness."""


@main.command(cls=NoFileNamedAsAnOption)
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
@click.option("--jobs", "-j", type=AsciiCount(), default=None, help="Worker processes (default: one per core; 0 too).")
@click.option("--no-cache", is_flag=True, help="Ignore the on-disk cache of bundle results.")
@click.option("--shard", "shard_spec", metavar="K/N", help="Lint only the K-th of N deterministic slices of the bundles (CI matrices).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), help="Hide the findings recorded in this baseline file; list entries that no longer match.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record this run's findings in a baseline file (and exit 0).")
@click.option("--changed-since", metavar="REF", help="Lint only bundles with files changed since this git ref.")
@click.option("--fix", is_flag=True, help="Apply the safe fixes rules offer, print what changed, report what remains.")
@click.option("--diff", is_flag=True, help="Print what --fix would change as a patch (git apply takes it), write nothing; exit 1 if anything would change.")
@click.option("--statistics", is_flag=True, help="Print one line per rule code (count, severity, name) instead of the findings.")
def check(paths, fmt, output, select, extend_select, ignore, as_of, fail_on, exit_zero, config_path, jobs, no_cache, shard_spec,
          baseline_path, write_baseline, changed_since, fix, diff, statistics):
    """Lint the bundles found under PATHS (default: the current folder)."""
    cwd = Path.cwd()
    paths = list(paths) or ["."]
    try:
        _refuse_combinations(fmt, fix=fix, diff=diff, statistics=statistics, write_baseline=write_baseline)
        config = _config(paths, config_path, select, extend_select, ignore, fail_on, fmt, jobs, no_cache, output)
        settings = make_settings(config, paths, cwd, as_of)
        validate_settings(settings)
        _check_targets(settings, output=output, write_baseline=write_baseline)
        if shard_spec:
            from listing_lint.shard import parse_shard

            settings.shard = parse_shard(shard_spec)
        from listing_lint import baseline, fixer, flood, progress
        from listing_lint.parallel import cores, make_mapper

        jobs = config.get("jobs")
        if jobs > cores():  # measured: --jobs 64 on 2 CPUs took 5x as long (every worker loads its models)
            click.echo(f"listing-lint: warning: --jobs {jobs} is more than the {cores()} CPUs this process may use; "
                       f"using {cores()} (0 means one per CPU)", err=True)
            jobs = cores()
        mapper = progress.maybe(make_mapper(jobs))  # and never more workers than bundles to lint (parallel.py)
        if changed_since is not None and not changed_since.strip():  # `--changed-since "$BASE"`, $BASE unset
            click.echo("listing-lint: warning: --changed-since was given an empty ref (an unset CI variable?); "
                       "linting every bundle", err=True)
        elif changed_since:
            from listing_lint.gitchanges import paths_to_lint

            paths = paths_to_lint(changed_since, paths, cwd, settings.root)
        result = run(settings, paths, mapper)
        for skipped in result.extra.get("skipped", ()):
            click.echo(f"listing-lint: warning: skipped {escape(skipped, quote=True)}: it leads through a symlink, "
                       "and links are not followed (as when walking folders)", err=True)
        if fix:
            result, fixed = fixer.fix_and_relint(result, lambda: run(settings, paths, mapper))
            for line in fixed.lines():
                click.echo(line, err=True)
        elif diff:
            dry = fixer.DryRun()
            _, fixed = fixer.fix_and_relint(result, lambda: run(settings, paths, mapper, dry.buffers()), dry)
            for line in fixed.lines(dry=True):
                click.echo(line, err=True)
        for line in baseline.process(result, baseline_path, write_baseline):
            click.echo(line, err=True)
        if not statistics:  # statistics count every finding, not the per-rule lines shown
            flood.cap_result(result, config.get(flood.KEY))  # what is shown; the baseline and fixes saw all
    except (ConfigError, UsageError, UnsafeTarget, ValueError) as exc:
        click.echo(f"listing-lint: error: {escape(str(exc))}", err=True)
        sys.exit(EXIT_USAGE)

    if diff:
        sys.exit(_emit_patch(dry, cwd, output, exit_zero))
    _emit(result, config.get("format"), output, statistics)
    threshold = Severity.parse(config.get("fail-on"))
    failed = any(f.severity >= threshold for f in result.findings)
    sys.exit(EXIT_FINDINGS if failed and not exit_zero else EXIT_OK)


def _config(paths, config_path, select, extend_select, ignore, fail_on, fmt, jobs, no_cache, output):
    """The config file's values with the command line's on top (the command line wins)."""
    config = load_config(Path(os.path.abspath(paths[0])), Path(config_path) if config_path else None)
    overrides = {"select": _codes(select), "fail-on": fail_on, "format": fmt, "jobs": jobs}
    if no_cache:
        overrides["cache"] = False
    config = config.with_overrides(**overrides)
    if ignore:
        config.values["ignore"] = config.get("ignore") + _codes(ignore)
    if extend_select:
        config.values["extend-select"] = config.get("extend-select") + _codes(extend_select)
    if fmt is None and "format" not in config.values and not output and os.environ.get("GITHUB_ACTIONS") == "true":
        config.values["format"] = "github"  # annotations in Actions without asking, as yamllint does
    if config.get("format") not in reporters.REPORTERS:
        raise UsageError(f"unknown format {config.get('format')!r}; use one of {', '.join(sorted(reporters.REPORTERS))}")
    return config


def _refuse_combinations(fmt: str | None, **flags) -> None:
    """Options that cannot go together: ``--diff`` prints a patch and writes nothing (not with
    ``--fix``, a report format, ``--statistics`` or ``--write-baseline``); ``--statistics`` is text or JSON
    (a format the config or ``GITHUB_ACTIONS`` chose gives way to text: the command line asked for a table)."""
    if flags["diff"]:
        clash = [name for name in ("fix", "statistics", "write_baseline") if flags[name]] + (["format"] if fmt else [])
        if clash:
            option = "--" + clash[0].replace("_", "-")
            raise UsageError(f"--diff prints the patch --fix would apply and writes nothing; it does not go with {option}")
    if flags["statistics"] and fmt not in (None, "text", "json"):
        raise UsageError(f"--statistics prints text or json, not {fmt}")


def _check_targets(settings, **targets: str | None) -> None:
    """Refuse, before linting, to write a report or baseline through a symlink in the repo."""
    for option, target in targets.items():
        if target:
            check_target(target, [Path(settings.root), Path(settings.cwd)], "--" + option.replace("_", "-"))


def _emit_patch(dry, cwd: Path, output: str | None, exit_zero: bool) -> int:
    """Write the patch ``--fix`` would apply (see patch.py for what reaches a terminal); the exit code."""
    from listing_lint import patch
    from listing_lint.fixer import display

    made = patch.make_patch([(display(path, cwd), before, after) for path, before, after in dry.changes()])
    if output:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        write_atomic(output, made)
    elif hasattr(sys.stdout, "isatty") and sys.stdout.isatty():
        shown, escaped = patch.for_terminal(made)
        sys.stdout.reconfigure(errors="backslashreplace")
        sys.stdout.write(shown)
        sys.stdout.flush()
        if escaped:
            click.echo(f"listing-lint: {escaped} line{'s' if escaped != 1 else ''} of the patch shown with control characters "
                       "escaped; redirect it (> fix.patch, or --output) for the exact patch", err=True)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(patch.for_actions(made) if os.environ.get("GITHUB_ACTIONS") == "true" else made)
        sys.stdout.buffer.flush()
    return EXIT_FINDINGS if made and not exit_zero else EXIT_OK


def _emit(result, fmt: str, output: str | None, statistics: bool = False) -> None:
    """Write the report (or ``--statistics``) to stdout, or to ``output`` with the summary line on stderr."""
    if statistics:
        from listing_lint.reporters.statistics import REPORTERS as STATISTICS

        report = STATISTICS.get(fmt, STATISTICS["text"])  # a config's or GitHub's format: --statistics asked for text
    else:
        report = reporters.get(fmt)
    if output:
        Path(output).parent.mkdir(parents=True, exist_ok=True)  # CI steps write to reports/… folders
        out = io.StringIO(newline="\n")
        report(result, out, color=False)
        # backslashreplace: a file name that is not UTF-8 (surrogateescape) must not crash a report
        write_atomic(output, out.getvalue().encode("utf-8", errors="backslashreplace"))
        from listing_lint.reporters.text import summary_line

        click.echo(summary_line(result), err=True)
        return
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    report(result, sys.stdout, color=use_color(sys.stdout))


@main.command()
@click.argument("code", required=False)
def rule(code):
    """List every rule, or those of a family (LOC), or explain one (CODE or name)."""
    from listing_lint.docs import rule_help, rule_table

    if code is None:
        click.echo(rule_table())
        return
    found = registry.lookup(code)
    family = rule_table(code.strip()) if found is None and code.strip().isalpha() else ""
    if family:
        click.echo(family)
        return
    if found is None:
        from listing_lint.config import closest

        click.echo(f"listing-lint: error: no rule {code!r}{closest(code.upper(), registry.by_code())}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(rule_help(found, installed=True))


@main.command()
@click.option("--market", type=click.Choice(["EU", "UK", "US"], case_sensitive=False), help="Only this market (default: all).")
@click.option("--as-of", callback=_parse_date, help="The date to show the registry at (default: today).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Explicit config file (its standards-overlay applies).")
@click.option("--group", "groups", multiple=True, help="Only what applies to a product in this group (repeatable; an id or an alias).")
@click.option("--groups", "list_groups", is_flag=True, help="List the product groups, their aliases and what they imply.")
@click.option("--listing", type=click.Path(dir_okay=False), help="Only what applies to this listing.json: its product groups and battery.included, in its markets.")
def standards(market, as_of, config_path, groups, list_groups, listing):
    """Show the standards registry as of a date: current, ending, ended, never cited, coming."""
    from listing_lint.standards.report import standards_command

    sys.exit(standards_command(market.upper() if market else None, as_of, config_path, list(groups), list_groups, listing))


@main.command()
@click.argument("reports", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the merged report to a file.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="error", help="Lowest severity that makes the exit code 1.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
def merge(reports, output, fail_on, exit_zero):
    """Combine the JSON or SARIF reports of `check --shard K/N` runs into one report."""
    from listing_lint import merge as merging

    try:
        kind, doc = merging.merge([merging.load(Path(p)) for p in reports])
        if output:
            check_target(output, [Path.cwd()], "--output")
    except (merging.MergeError, UnsafeTarget) as exc:
        click.echo(f"listing-lint: error: {escape(str(exc))}", err=True)
        sys.exit(EXIT_USAGE)
    if output:
        out = io.StringIO(newline="\n")
        merging.dump(doc, out)
        write_atomic(output, out.getvalue().encode("utf-8", errors="backslashreplace"))
    else:
        merging.dump(doc, sys.stdout)
    threshold = Severity.parse(fail_on)
    failed = any(Severity.parse(s) >= threshold for s in merging.severities(kind, doc))
    sys.exit(EXIT_FINDINGS if failed and not exit_zero else EXIT_OK)


@main.command()
def server():
    """Run the language server for editors (LSP over stdin/stdout; see docs/editors.md)."""
    from listing_lint.lsp.server import serve

    serve()


@main.command()
@click.argument("directory", required=False, default=".", type=click.Path(file_okay=False))
@click.option("--id", "bundle_id", default="my-product", show_default=True, help="The id (and folder name) of the starter bundle.")
def init(directory, bundle_id):
    """Write a starter listing repo in DIRECTORY: store.json, one bundle, config, pre-commit."""
    from listing_lint.init_repo import InitError, write_starter

    try:
        written = write_starter(Path(directory), bundle_id)
    except InitError as exc:
        click.echo(f"listing-lint: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"Next: fill in what `listing-lint check {directory}` reports (the starter is meant to fail until "
               "then); `git init` and `pre-commit install` there to lint every commit with the listing-lint on your PATH.")


def entry() -> None:
    """Console-script entry: no traceback for the user, exit code 2 for an internal error."""
    try:
        main(standalone_mode=True)
    except SystemExit:
        # Everything the run made is freed as the process exits: nothing for the collector to find.
        # Frozen, the interpreter's last collection does not walk it (word lists, the registry,
        # parsed data files): 0.04-0.07 s of a 0.4 s pre-commit run (issue 18). Nor does it close
        # what only that collection would close: the memo's SQLite connection (a reference cycle)
        # is closed first, so its write-ahead log is folded in and removed
        memo = sys.modules.get("listing_lint.memo")
        try:
            if memo is not None:
                memo.close()
        except Exception:  # noqa: BLE001 - the cache is a cache: the run's exit code stands
            pass
        gc.freeze()
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001
        if os.environ.get("LISTING_LINT_DEBUG"):
            raise
        click.echo(f"listing-lint: internal error: {type(exc).__name__}: {escape(str(exc))} (set LISTING_LINT_DEBUG=1 for details)", err=True)
        sys.exit(EXIT_USAGE)
