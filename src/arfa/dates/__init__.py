"""Date recognition and normalization (re-exports only)."""

from __future__ import annotations

from arfa.dates.recognizer import DateRecognizer
from arfa.dates.resolve import DateExpr, DatePoint, resolve

__all__ = ["DateRecognizer", "DateExpr", "DatePoint", "resolve"]
