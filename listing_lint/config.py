"""Configuration: ``[tool.listing-lint]`` in pyproject.toml or ``listing-lint.toml``, found by walking up.

Every key is declared once in ``KEYS`` with its type and default; an unknown key is an error that
names the closest valid one. Thresholds are validated against the threshold tables in ``data/``.
"""

from __future__ import annotations

import difflib
import math
import os
import stat
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from listing_lint import jsonstrict, tomlread


class ConfigError(Exception):
    """Unreadable or invalid configuration: exit code 2."""


def _str_list(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("a list of strings")
    return list(value)


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("a string")
    return value


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TypeError("a whole number")
    return value


def _int_in(low: int, high: int, unit: str = "") -> Callable[[Any], int]:
    """A whole number from ``low`` to ``high``: ``rule-timeout = 100000000000`` would disable the
    time budget it sets (and overflow the timer), ``max-text-bytes`` near 2**63 the size caps."""
    def parse(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise TypeError(f"a whole number from {low:,} to {high:,}{unit}")
        return value

    return parse


def _detector(value: Any) -> str:
    from listing_lint.langid.base import BACKENDS

    if not isinstance(value, str) or value.strip().lower() not in BACKENDS:
        raise TypeError(f"one of {', '.join(sorted(BACKENDS))}")
    return value


@lru_cache(maxsize=None)
def marketplaces() -> tuple[str, ...]:
    """The shipped marketplaces (``data/marketplaces/<name>.yaml``), by the names a config gives them."""
    return tuple(sorted(p.stem for p in (Path(__file__).parent / "data" / "marketplaces").glob("*.yaml")))


def _marketplace(value: Any) -> str:
    """A shipped marketplace: the name becomes ``data/marketplaces/<name>.yaml``, and
    "../../home/x/secret" must not name a file outside the package."""
    if not isinstance(value, str) or value not in marketplaces():
        raise TypeError(f"one of {', '.join(marketplaces())}")
    return value


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("true or false")
    return value


def _table(value: Any) -> dict:
    if not isinstance(value, dict):
        raise TypeError("a table")
    return value


#: per-path-ignores entries, and characters in one glob (Linux's PATH_MAX: no longer path exists to
#: match). Every entry is checked against every rule and matched against every path with findings:
#: 100,000 entries cost 4.5 s and 249 MB a run; a glob of 300,000 characters 14 s. Real configs
#: hold tens of entries; a folder's ``**`` covers what a generated entry per bundle would
MAX_PATH_IGNORES = 10_000
MAX_GLOB_CHARS = 4096


def _path_ignores(value: Any) -> dict[str, list[str]]:
    table = _table(value)
    if len(table) > MAX_PATH_IGNORES:
        raise TypeError(f"a table of at most {MAX_PATH_IGNORES:,} globs (it has {len(table):,}): ignore whole folders with **")
    long = next((str(k) for k in table if len(str(k)) > MAX_GLOB_CHARS), None)
    if long is not None:
        raise TypeError(f"globs of at most {MAX_GLOB_CHARS:,} characters ({shorten(long)!r} has {len(long):,})")
    return {str(k): _str_list(v) for k, v in table.items()}


def _wordlists(value: Any) -> dict[str, list[str] | str]:
    """locale (or "all") -> a list of words, or the name of a file of them: ``es = 1`` was taken and
    then read as no list at all, so the words a team meant to keep out of titles were never looked for."""
    table = _table(value)
    for k, v in table.items():
        if not (isinstance(v, str) and v.strip()) and not (isinstance(v, list) and all(isinstance(w, str) for w in v)):
            raise TypeError(f"lists of words or names of files of words ({shorten(str(k))!r} is neither)")
    return table


def _numbers(value: Any) -> dict[str, float]:
    table = _table(value)
    out = {}
    for k, v in table.items():
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0:
            raise TypeError(f"finite numbers, not negative ({shorten(str(k))!r} is {shorten(repr(v))})")
        out[str(k)] = v
    return out


def _terms_or_file(value: Any) -> list[str] | str:
    if isinstance(value, str):
        if not value.strip():
            raise TypeError("a list of terms or the name of a file of terms")
        return value  # a file name, read by read_config_file (it knows the project folder)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("a list of terms or the name of a file of terms")
    return _terms(value, "keep-terms")


def _severity(value: Any) -> str:
    if value not in ("error", "warning", "info"):
        raise TypeError('"error", "warning" or "info"')
    return value


@dataclass(frozen=True)
class Key:
    parse: Callable[[Any], Any]
    default: Any
    help: str


#: Every configuration key. Families add theirs here, next to the others, with a one-line help.
KEYS: dict[str, Key] = {
    "select": Key(_str_list, ["ALL"], "rule codes, prefixes or names to run"),
    "extend-select": Key(_str_list, [], "codes added to select"),
    "ignore": Key(_str_list, [], "codes, prefixes or names not to run"),
    "per-path-ignores": Key(_path_ignores, {}, "glob (relative to the config's folder) -> codes ignored there"),
    "fail-on": Key(_severity, "error", "lowest severity that makes the exit code 1"),
    "format": Key(_str, "text", "output format"),
    "required-locales": Key(_str_list, ["en", "es", "fr", "ru"], "locales every listing must have (a bundle's own `locales` add to them)"),
    "marketplace": Key(_marketplace, "aliexpress", "marketplace whose limits apply (data/marketplaces/<name>.yaml)"),
    "language-detector": Key(_detector, "lingua", "lingua, langdetect or py3langid"),
    "standards-overlay": Key(_str, "", "YAML file adding or overriding standards-registry entries"),
    "image-hosts": Key(_str_list, [], "extra hosts detail-page images may come from"),
    "link-domains": Key(_str_list, [], "extra domains detail-page links may point to"),
    "wordlists": Key(_wordlists, {}, "locale -> extra words for LOC014 (list or file path)"),
    "keep-terms": Key(_terms_or_file, [], "terms that stay untranslated (product lines, trademarks), or a file of them"),
    "currency-rates": Key(_numbers, {}, "currency -> US$ per unit, for average-price rules"),
    "ab-exempt-locales": Key(_str_list, ["en"], "locales whose detail page needs no A/B test of its own (ABT001)"),
    "thresholds": Key(_numbers, {}, "threshold name -> number (see `listing-lint rule` docs)"),
    "jobs": Key(_int_in(0, 512), 0, "worker processes (0: one per core)"),
    "cache": Key(_bool, True, "use the on-disk cache"),
    "max-text-bytes": Key(_int_in(1, 1 << 30, " bytes"), 5 * 1024 * 1024, "largest JSON/HTML file read, in bytes"),
    "max-media-bytes": Key(_int_in(1, 4 << 30, " bytes"), 200 * 1024 * 1024, "largest media or certificate file read, in bytes"),
    "rule-timeout": Key(_int_in(1, 3600, " seconds"), 30, "seconds one rule may spend on one bundle before it becomes LNT003"),
    "max-findings-per-rule": Key(_int_in(0, 1_000_000), 50,
                                 "findings of one rule in one file a report shows; the rest become one \"… and K more\" (0: all)"),
}


@dataclass
class Config:
    values: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None  # the file it came from, if any
    root: Path | None = None  # the folder globs and relative paths are read from

    def get(self, key: str) -> Any:
        if key in self.values:
            return self.values[key]
        default = KEYS[key].default
        return list(default) if isinstance(default, list) else dict(default) if isinstance(default, dict) else default

    def with_overrides(self, **overrides: Any) -> Config:
        values = dict(self.values)
        for key, value in overrides.items():
            if value is not None:
                values[key.replace("_", "-")] = value
        return Config(values, self.path, self.root)


def shorten(text: str, limit: int = 60) -> str:
    """A value as an error message quotes it: a config can hold a key or a code of megabytes."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def closest(word: str, choices) -> str:
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return f"; did you mean {match[0]!r}?" if match else ""


def parse_table(table: dict[str, Any], where: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, raw in table.items():
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key {shorten(key)!r}{closest(key, KEYS)}")
        try:
            values[key] = KEYS[key].parse(raw)
        except TypeError as exc:
            raise ConfigError(f"{where}: {key} must be {exc}") from None
    return values


#: a file the config names (a glossary) is read whole; this keeps a mistake from reading gigabytes
MAX_NAMED_FILE_BYTES = 1024 * 1024
MAX_TERMS = 10_000
MAX_TERM_CHARS = 200


def _confined(root: Path, name: str, what: str) -> Path:
    """Where ``name`` (relative to ``root``) leads once symlinks are resolved: an existing path
    inside ``root``; else a ConfigError."""
    base = root.resolve()
    try:
        path = (base / name).resolve(strict=True)
    except (OSError, RuntimeError):
        raise ConfigError(f"{what}: {name!r} does not exist (relative to {base})") from None
    if path != base and base not in path.parents:
        raise ConfigError(f"{what}: {name!r} is outside the project folder {base}; name a file inside it")
    return path


def _read_confined(root: Path, name: str, what: str) -> bytes:
    """The bytes of a file the config names: a regular file inside ``root`` (the config's folder,
    symlinks resolved) of at most ``MAX_NAMED_FILE_BYTES``; anything else is a ConfigError (exit 2).

    A config is part of the repo a pull request can change: ``wordlists = {en = "/dev/zero"}``
    would hang the run, ``"../../home/runner/.ssh/id_rsa"`` would read a secret."""
    path = _confined(root, name, what)
    try:
        return jsonstrict.read_bytes(path, MAX_NAMED_FILE_BYTES)
    except jsonstrict.NotAFile as exc:
        raise ConfigError(f"{what}: {name!r} {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{what}: cannot read {name!r}: {exc.strerror}") from None


def read_project_file(root: Path, name: str, what: str) -> str:
    """The UTF-8 text of a file the config names (``_read_confined``)."""
    raw = _read_confined(root, name, what)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{what}: {name!r} is not UTF-8 (byte {exc.start})") from None


def _terms(lines: list[str], where: str) -> list[str]:
    """Glossary terms: one a line or list item, blank lines and ``#`` comments skipped."""
    out = [t.strip() for t in lines if t.strip() and not t.lstrip().startswith("#")]
    if len(out) > MAX_TERMS:
        raise ConfigError(f"{where}: {len(out)} terms; the limit is {MAX_TERMS}")
    long = next((t for t in out if len(t) > MAX_TERM_CHARS), None)
    if long is not None:
        raise ConfigError(f"{where}: the term {long[:40]!r}... is longer than {MAX_TERM_CHARS} characters")
    return list(dict.fromkeys(out))


def _read_named_files(values: dict[str, Any], root: Path, where: str) -> None:
    """Replace a config value that names a file by the file's content (the cache keys on it)."""
    name = values.get("keep-terms")
    if isinstance(name, str):
        text = read_project_file(root, name, "keep-terms")
        values["keep-terms"] = _terms(text.splitlines(), f"{where}: keep-terms file {name}")


def _toml_error(exc: Exception) -> str:
    if isinstance(exc, tomlread.KeyTooLong):  # valid TOML, refused for what parsing it costs
        return str(exc)
    return "invalid TOML: " + ("arrays or tables nested too deeply" if isinstance(exc, RecursionError) else str(exc))


#: a config file is read only up to this size: a committed pyproject.toml can be a symlink to a
#: file of gigabytes (or a FIFO, which would block the run), and no config comes near it
MAX_CONFIG_BYTES = 16 * 1024 * 1024


def _config_bytes(path: Path) -> bytes:
    """The bytes of a config file (a regular file of at most ``MAX_CONFIG_BYTES``); ConfigError else."""
    try:
        return jsonstrict.read_bytes(path, MAX_CONFIG_BYTES)
    except jsonstrict.NotAFile as exc:
        raise ConfigError(f"config {path} {exc}") from None
    except OSError as exc:
        raise ConfigError(f"cannot read config {path}: {exc.strerror}") from None


def read_config_file(path: Path) -> Config:
    raw = _config_bytes(path)
    try:
        doc = tomlread.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as exc:  # TOMLDecodeError is a ValueError; so is an integer too long to read
        raise ConfigError(f"{path}: {_toml_error(exc)}") from None
    if path.name == "pyproject.toml":
        table = doc.get("tool", {}).get("listing-lint", {})
        where = f"{path} [tool.listing-lint]"
    else:
        table = doc
        where = str(path)
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table")
    values = parse_table(table, where)
    _read_named_files(values, path.parent, where)
    return Config(values, path, path.parent)


def _not_a_file(path: Path) -> bool:
    """Whether ``path`` is there (a link counts, even to nothing) but is no regular file: a FIFO,
    a device, a folder, a dangling link."""
    return os.path.lexists(path) and not path.is_file()


def find_config_file(start: Path) -> Path | None:
    start = start if start.is_dir() else start.parent
    for folder in (start, *start.parents):
        candidate = folder / "listing-lint.toml"
        if candidate.is_file():
            return candidate
        if _not_a_file(candidate):  # skipped, the run went on with another folder's config or none
            raise ConfigError(f"config {candidate} is not a regular file; make it one, or remove it")
        pyproject = folder / "pyproject.toml"
        if _not_a_file(pyproject):  # as a pyproject.toml too large to read: it may be ours, and is unreadable
            raise ConfigError(f"config {pyproject} is not a regular file; make it one, or remove it")
        if pyproject.is_file():
            try:
                raw = jsonstrict.read_bytes(pyproject, MAX_CONFIG_BYTES)
            except jsonstrict.NotAFile as exc:  # a symlink to a file of gigabytes, swapped for a FIFO...
                raise ConfigError(f"config {pyproject} {exc}") from None
            except OSError:  # unreadable: not ours to judge (a parent folder's file), as before
                continue
            try:
                if "listing-lint" in tomlread.loads(raw.decode("utf-8")).get("tool", {}):
                    return pyproject
            except (ValueError, RecursionError) as exc:  # UnicodeDecodeError and TOMLDecodeError are ValueErrors
                # broken, and meant for us: say so (as for listing-lint.toml) rather than lint with defaults
                if b"listing-lint" in raw:
                    raise ConfigError(f"{pyproject}: {_toml_error(exc)}") from None
                continue
    return None


def named_file(config: Config, value: str, key: str) -> Path:
    """The file a config value names (relative to the config's folder, else the working directory):
    a regular file inside the project of at most ``MAX_NAMED_FILE_BYTES`` (``_confined``); else a
    ConfigError (exit 2)."""
    path = _confined(Path(config.root) if config.root else Path.cwd(), value, key)
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise ConfigError(f"{key}: {value!r} is not a regular file")
    if st.st_size > MAX_NAMED_FILE_BYTES:
        raise ConfigError(f"{key}: {value!r} is {st.st_size:,} bytes, over the {MAX_NAMED_FILE_BYTES:,}-byte limit")
    return path


def read_named_file(config: Config, value: str, key: str) -> bytes:
    """The content of a config-named file (``_read_confined``; relative to the config's folder,
    else the working directory)."""
    return _read_confined(Path(config.root) if config.root else Path.cwd(), value, key)


def named_files(config: Config) -> list[tuple[str, str]]:
    """(config key, value) of every file the config names."""
    out = [("standards-overlay", config.get("standards-overlay"))] if config.get("standards-overlay") else []
    for locale, value in sorted((config.get("wordlists") or {}).items()):
        if isinstance(value, str) and value.strip():
            out.append((f"wordlists.{locale}", value))
    return out


def files_named_in(path: Path) -> list[Path]:
    """The files a config file names (``standards-overlay``, a ``wordlists`` file, a ``keep-terms``
    file) as written, relative to its folder, not checked: the language server watches them, also
    while they are missing or the config is broken. Nothing is raised; an unreadable config names none."""
    try:
        doc = tomlread.loads(_config_bytes(path).decode("utf-8"))
    except (ConfigError, ValueError, RecursionError):
        return []
    tool = doc.get("tool")
    table = (tool.get("listing-lint") if isinstance(tool, dict) else None) if path.name == "pyproject.toml" else doc
    if not isinstance(table, dict):
        return []
    wordlists = table.get("wordlists")
    names = [table.get("standards-overlay"), table.get("keep-terms")]
    names += list(wordlists.values()) if isinstance(wordlists, dict) else []
    return [Path(os.path.normpath(path.parent / name)) for name in names if isinstance(name, str) and name.strip()]


def check_named_files(config: Config) -> None:
    """Every file the config names is acceptable (``named_file``); else ConfigError."""
    for key, value in named_files(config):
        named_file(config, value, key)


def load_config(start: Path, explicit: Path | None = None) -> Config:
    if explicit is not None:
        if _not_a_file(explicit):
            raise ConfigError(f"config file {explicit} is not a regular file")
        if not explicit.is_file():
            raise ConfigError(f"config file {explicit} does not exist")
        return read_config_file(explicit)
    found = find_config_file(start)
    if found is None:
        return Config(root=None)
    return read_config_file(found)
