"""Knowledge base of canonical entities and the linker that maps mentions to them."""

from __future__ import annotations

from arfa.kb.link import Linked, Mention, link_mentions, unknown_id
from arfa.kb.store import Alias, KBEntity, KnowledgeBase, load_default_kb, load_entities, load_kb

__all__ = [
    "Alias",
    "KBEntity",
    "KnowledgeBase",
    "Linked",
    "Mention",
    "link_mentions",
    "load_default_kb",
    "load_entities",
    "load_kb",
    "unknown_id",
]
