"""Recognizers: components that propose entity candidates on normalized text."""

from __future__ import annotations

from arfa.recognize.base import Candidate, Recognizer

__all__ = ["Candidate", "Recognizer"]
