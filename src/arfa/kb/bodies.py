"""Canonical names for the bodies of known organizations that the KB does not list.

The guidelines make a body one ORG span with its parent inside and give it the English
name of the body, in the style of ``SCO Council of Foreign Ministers`` or ``CSTO Council
of Defence Ministers``. The KB lists the bodies that news names most; for another one
(``مجلس وزراء خارجية رابطة الدول المستقلة``, ``شورای وزیران دفاع کشورهای عضو سازمان
همکاری شانگهای``) the name is composed here: the longest tail of the mention that is a
KB organization is the parent, what comes before it (less the linking words
``التابع لـ``, ``کشورهای عضو`` ...) is looked up in the body names of
``arfa.lang.<lang>.BODY_NAMES``, and the result is ``<parent's short name> <body>``:
``CIS Council of Foreign Ministers``. An office followed by ``في``/``در`` and a known place
gets the place too (``OSCE Programme Office in Dushanbe``). A head the table does not know
gives nothing, so the linker falls back to its transliteration.
"""

from __future__ import annotations

import re
from functools import cache

from arfa.kb.store import KnowledgeBase
from arfa.lang import ar, fa
from arfa.models import Label

__all__ = ["body_name", "composed_id"]

_SLUG = re.compile(r"[^a-z0-9]+")
_LATIN_ACRONYM = re.compile(r"[A-Z]{2,6}")


@cache
def _names() -> dict[str, str]:
    return {**ar.BODY_NAMES, **fa.BODY_NAMES}


@cache
def _links() -> tuple[str, ...]:
    return tuple(sorted(ar.BODY_LINKS | fa.BODY_LINKS, key=len, reverse=True))


def _short(kb: KnowledgeBase, entity_id: str) -> str | None:
    entity = kb.get(entity_id)
    if entity is None:
        return None
    latin = [a for a in entity.acronyms if _LATIN_ACRONYM.fullmatch(a)]
    return latin[0] if latin else entity.name


def _parent(kb: KnowledgeBase, words: list[str]) -> tuple[int, str] | None:
    """``(index of its first word, entity id)`` of the longest tail of ``words`` naming a KB organization."""
    from arfa.kb.link import clitic_variants  # the linker's own clitic rules

    for i in range(1, len(words)):
        tail = " ".join(words[i:])
        for variant in (tail, *clitic_variants(tail)):
            found = [a for a in kb.lookup_key(variant) if a.label is Label.ORG]
            if found:
                best = max(found, key=lambda a: a.prior)
                entity = kb.get(best.entity_id)
                if entity is not None and entity.parent is None:
                    return i, entity.id
    return None


@cache
def _place_words() -> frozenset[str]:
    return ar.PLACE_PREPOSITIONS | fa.PLACE_PREPOSITIONS


def _seat(kb: KnowledgeBase, words: list[str]) -> tuple[int, str] | None:
    """``(index of the preposition, place name)`` of a trailing ``في``/``در`` + known place."""
    for i in range(len(words) - 2, 0, -1):
        if words[i] in _place_words():
            places = [a for a in kb.lookup_key(" ".join(words[i + 1 :])) if a.label is Label.LOC]
            if places:
                place = kb.get(max(places, key=lambda a: a.prior).entity_id)
                return (i, place.name) if place is not None else None
            return None
    return None


def body_name(kb: KnowledgeBase, key: str) -> tuple[str, str] | None:
    """``(canonical name, canonical id)`` of the body a folded ORG mention ``key`` names, or ``None``.

    Examples:
        >>> from arfa.kb import load_default_kb
        >>> from arfa.normalize import fold
        >>> body_name(load_default_kb(), fold("مجلس وزراء خارجية رابطة الدول المستقلة"))
        ('CIS Council of Foreign Ministers', 'x/org/cis-council-of-foreign-ministers')
        >>> body_name(load_default_kb(), fold("مكتب برنامج منظمة الأمن والتعاون في أوروبا في دوشنبه"))[0]
        'OSCE Programme Office in Dushanbe'
    """
    words = key.split()
    found = _compose(kb, words, None)
    if found is None:  # مكتب برنامج ... في دوشنبه: an office and the place it sits in
        seat = _seat(kb, words)
        if seat is not None:
            found = _compose(kb, words[: seat[0]], seat[1])
    return found


def _compose(kb: KnowledgeBase, words: list[str], seat: str | None) -> tuple[str, str] | None:
    """The body's name from its head and its parent (and the place it sits in), or ``None``."""
    found = _parent(kb, words)
    if found is None:
        return None
    at, parent_id = found
    head = " ".join(words[:at])
    for link in _links():
        if head.endswith(" " + link):
            head = head[: -len(link) - 1]
            break
    english = _names().get(head)
    short = _short(kb, parent_id)
    if english is None or short is None:
        return None
    name = f"{short} {english}" + (f" in {seat}" if seat is not None else "")
    return name, composed_id(name)


def composed_id(name: str) -> str:
    """The ``canonical_id`` of an organization arfa names itself (``x/org/<slug>``).

    Examples:
        >>> composed_id("CIS Council of Foreign Ministers")
        'x/org/cis-council-of-foreign-ministers'
    """
    return "x/org/" + _SLUG.sub("-", name.lower()).strip("-")
