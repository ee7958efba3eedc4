"""The rule registry: built-in rules and plugins, all through the ``listing_lint.rules`` entry points.

An entry point names a rule module, a package of rule modules (walked recursively), or a
callable returning rule modules. Rule code is never loaded from the linted repository.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from importlib.metadata import entry_points
from types import ModuleType

from listing_lint.api import Rule, rule_from_module

GROUP = "listing_lint.rules"
BUILTIN = "listing_lint.rules"


class RegistryError(Exception):
    pass


def _modules_of(obj) -> list[ModuleType]:
    if isinstance(obj, ModuleType):
        if hasattr(obj, "CODE"):
            return [obj]
        if hasattr(obj, "__path__"):
            found = []
            for info in pkgutil.walk_packages(obj.__path__, obj.__name__ + "."):
                module = importlib.import_module(info.name)
                if hasattr(module, "CODE"):
                    found.append(module)
            return found
        return []
    if callable(obj):
        return [m for item in obj() for m in _modules_of(item)]
    return []


def _sources() -> list[tuple[str, object]]:
    sources: list[tuple[str, object]] = [("listing-lint", importlib.import_module(BUILTIN))]
    for ep in sorted(entry_points(group=GROUP), key=lambda e: e.name):
        if ep.value == BUILTIN:
            continue  # the built-ins' own entry point: already loaded above, even from a source tree
        try:
            sources.append((ep.name, ep.load()))
        except Exception as exc:  # a broken plugin must not take the built-ins down with it
            raise RegistryError(f"plugin {ep.name!r} ({ep.value}) failed to load: {exc}") from exc
    return sources


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    rules: dict[str, Rule] = {}
    names: dict[str, str] = {}
    for plugin, obj in _sources():
        for module in _modules_of(obj):
            rule = rule_from_module(module, plugin)
            if rule.code in rules:
                raise RegistryError(f"rule code {rule.code} is defined twice ({rules[rule.code].module}, {rule.module})")
            if rule.name in names:
                raise RegistryError(f"rule name {rule.name} is used by {names[rule.name]} and {rule.code}")
            rules[rule.code] = rule
            names[rule.name] = rule.code
    return tuple(sorted(rules.values(), key=lambda r: r.code))


def by_code() -> dict[str, Rule]:
    return {r.code: r for r in all_rules()}


def by_name() -> dict[str, Rule]:
    return {r.name: r for r in all_rules()}


def lookup(code_or_name: str) -> Rule | None:
    key = code_or_name.strip()
    return by_code().get(key.upper()) or by_name().get(key.lower())
