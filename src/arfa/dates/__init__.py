"""Date recognition and normalization (re-exports only; the recognizer is loaded lazily).

Examples:
    >>> from arfa.dates import DatePoint, DateExpr, resolve
    >>> resolve(DateExpr(DatePoint(year=2019, month=7, day=10)))
    '2019-07-10'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Eager: light, and the function ``resolve`` must shadow the submodule of the same name.
from arfa.dates.resolve import DateExpr, DatePoint, resolve

if TYPE_CHECKING:
    from arfa.dates.recognizer import DateRecognizer

__all__ = ["DateRecognizer", "DateExpr", "DatePoint", "resolve"]

_WHERE = {"DateRecognizer": "arfa.dates.recognizer"}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'arfa.dates' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
