"""The types a JSON file the command line reads (a report to merge, a baseline) must have where
listing-lint reads it, checked before it is read.

A shape is a type (an integer is no bool), a tuple of the strings allowed, an object of such keys
(absent unless ``Required``; a scalar may be null), a one-item list (an array of such items) or a
``Checked`` shape with a test of its own. Such files are written by hand as easily as by the tool:
a string for a line, a list for a path or a rule without id crashed the merge (TypeError or
KeyError: "internal error", no file named), and a baseline's list for a path was quoted as
``['a']``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable


class ShapeError(ValueError):
    """The first place (``findings[3].line``) where a document is not of its shape."""


@dataclass(frozen=True)
class Required:
    shape: Any


@dataclass(frozen=True)
class Checked:
    """A shape, then a test of the value it admitted (``holds``), failing with ``is {words}``."""

    shape: Any
    holds: Callable[[Any], bool]
    words: str


TYPE_NAMES = {dict: "an object", list: "an array", str: "a string", int: "a whole number", bool: "true or false"}


def check(value: Any, shape: Any, where: str = "") -> None:
    """ShapeError naming the first place where ``value`` is not of ``shape``."""
    if isinstance(shape, Checked):
        check(value, shape.shape, where)
        if not shape.holds(value):
            raise ShapeError(f"{where or 'the document'} is {shape.words}")
    elif isinstance(shape, dict):
        _expect(value, dict, where)
        for key, inner in shape.items():
            _check_field(value, key, inner, f"{where}.{key}" if where else key)
    elif isinstance(shape, list):
        _expect(value, list, where)
        for i, item in enumerate(value):
            check(item, shape[0], f"{where}[{i}]")
    elif isinstance(shape, tuple):
        if not isinstance(value, str) or value not in shape:
            raise ShapeError(f"{where} is none of {', '.join(shape)}")
    else:
        _expect(value, shape, where)


def _check_field(obj: dict, key: str, shape: Any, where: str) -> None:
    if isinstance(shape, Required):
        if obj.get(key) is None:
            raise ShapeError(f"{where} is missing")
        shape = shape.shape
    elif key not in obj or (obj[key] is None and not _container(shape)):
        return
    check(obj[key], shape, where)


def _container(shape: Any) -> bool:
    """Whether ``shape`` is an object's or an array's (null is no such value: refused, not absent)."""
    return isinstance(shape.shape if isinstance(shape, Checked) else shape, (dict, list))


def _expect(value: Any, kind: type, where: str) -> None:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ShapeError(f"{where or 'the document'} is not {TYPE_NAMES[kind]}")
