"""Recognizers: components that propose entity candidates on one language segment."""

from __future__ import annotations

from arfa.recognize.base import Candidate, Recognizer, Segment
from arfa.recognize.document import apply_document_rules

__all__ = ["Candidate", "Recognizer", "Segment", "apply_document_rules"]
