"""Shared fixtures of the knowledge-base tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from arfa.kb import KnowledgeBase, load_default_kb

SHARED = Path(__file__).parents[2].parent / "shared"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The shipped knowledge base."""
    return load_default_kb()
