"""Document-level rules that keep the linker from guessing.

Two kinds of mention need the rest of the document before they can link:

* A generic head ending in an *anaphor* (``مجلس وزراء خارجية المنظمة`` "the
  Organization's Council of Foreign Ministers", ``شورای وزیران امور خارجه سازمان``)
  names a body of whatever organization the document is about. Such a mention
  links only through the document's *topic*, the organization its mentions name
  most often (a body's mention counts for its parent): the anaphor is replaced by
  each name of the topic and the result is looked up exactly. A body of another
  organization that happens to carry the same generic alias is never chosen.
* A national institution named without its country (``وزارت امور خارجه``, ``وزارة
  الخارجية``) is that institution of the country the document is about: the country its
  places name most often, twice at least and more often than any other (a city counts
  for its country); otherwise it links nothing. The generic names come from the KB's own
  national names (``وزارت امور خارجه ایران`` without ``ایران``, ``وزارة الخارجية
  الإيرانية`` without the adjective).
* A one-word LOC mention that is a person's given name (``فلاديمير``) is a person,
  not the small city of the same name, when the document names a person with that
  first name or when several people of the KB carry it. Large places are kept
  (``نورسلطان`` is Astana, prior >= ``PLACE_PRIOR_KEEP``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from arfa.kb.store import KnowledgeBase
from arfa.lang import ar, fa
from arfa.models import Label
from arfa.normalize import fold

__all__ = [
    "ANAPHORS",
    "PLACE_PRIOR_KEEP",
    "GIVEN_NAME_MIN",
    "anaphor_position",
    "document_country",
    "document_topic",
    "given_names",
    "is_given_name_place",
    "national_bodies",
    "national_generic_name",
    "resolve_anaphor",
]

#: folded words that stand for "the organization" already named (Arabic, Persian).
ANAPHORS: frozenset[str] = ar.ANAPHORS | fa.ANAPHORS
_COUNTRY_SUFFIX = re.compile(r" \([^()]*\)$")  # Ministry of Defence (Russia)
#: a place with at least this prior (a capital, a large city) is never re-read as a name.
PLACE_PRIOR_KEEP = 0.75
#: a word that starts this many KB people's names is a given name even if the document names none.
GIVEN_NAME_MIN = 2


def anaphor_position(key: str) -> int | None:
    """The index of the anaphoric last word of a folded ORG mention of two words or more.

    Examples:
        >>> anaphor_position("مجلس وزراء خارجيه المنظمه")
        3
        >>> anaphor_position("منظمه شانغهاي للتعاون") is None
        True
    """
    words = key.split()
    if len(words) >= 2 and words[-1] in ANAPHORS:
        return len(words) - 1
    return None


def document_topic(kb: KnowledgeBase, linked_orgs: Sequence[str]) -> str | None:
    """The organization a document is about: the top-level ORG its mentions name most.

    A body's mention counts for its parent organization. A tie goes to the one
    mentioned first.

    Examples:
        >>> from arfa.kb import load_default_kb
        >>> document_topic(load_default_kb(), ["org/sco-cfm", "org/sco", "org/un"])
        'org/sco'
    """
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for position, entity_id in enumerate(linked_orgs):
        entity = kb.get(entity_id)
        if entity is None:
            continue
        parent = kb.get(entity.parent) if entity.parent else None
        top = parent.id if parent is not None and parent.label is Label.ORG else entity.id
        counts[top] += 1
        first.setdefault(top, position)
    if not counts:
        return None
    return min(counts, key=lambda e: (-counts[e], first[e]))


def national_bodies(kb: KnowledgeBase) -> dict[str, dict[str, str]]:
    """Generic folded names of national institutions: ``{generic: {country id: entity id}}``.

    An ORG whose parent is a country and one of whose names ends with one of that
    country's names (``وزارت امور خارجه ایران``), or with an adjective word after the
    institution's head (``وزارة الخارجية الإيرانية``), gives the rest as a generic name;
    a generic name of two words at least, that two countries' institutions or more share
    and that no word of a country's name ends. Use it through
    ``kb.derived("national_bodies", national_bodies)``.

    Examples:
        >>> from arfa.kb import load_default_kb
        >>> bodies = load_default_kb().derived("national_bodies", national_bodies)
        >>> bodies["وزارت امور خارجه"]["loc/iran"], bodies["وزاره الخارجيه"]["loc/russia"]
        ('org/mfa-iran', 'org/mfa-russia')
    """
    countries = [e for e in kb if e.label is Label.LOC and e.kind == "country"]
    # a word of a country's name never ends a generic name (``وزارة خارجية المملكة``)
    country_words = {w for c in countries for names in c.names.values() for n in names for w in fold(n).split()}
    country_words |= {"في", "دوله"}
    out: dict[str, dict[str, str]] = {}
    for entity in kb:
        country = kb.get(entity.parent) if entity.parent else None
        if entity.label is not Label.ORG or country is None or country.kind != "country":
            continue
        places = {fold(n) for names in country.names.values() for n in names}
        generics: set[str] = set()
        for lang in ("ar", "fa"):
            for name in entity.names.get(lang, ()):
                key = fold(name)
                generics.update(key[: -len(place) - 1] for place in places if key.endswith(" " + place))
                words = key.split()
                if lang == "ar" and len(words) >= 3 and words[-1].startswith("ال") and words[-1].endswith("يه"):
                    generics.add(" ".join(words[:-1]))
        for generic in generics:
            words = generic.split()
            if len(words) >= 2 and words[-1] not in country_words:
                out.setdefault(generic, {}).setdefault(country.id, entity.id)
    # a name that only one country's institution gives is a fragment, not a generic name
    return {generic: by_country for generic, by_country in out.items() if len(by_country) >= 2}


def national_generic_name(kb: KnowledgeBase, key: str) -> str | None:
    """The English name of a national institution named without its country, when the
    document does not tell which country's (``وزارة الخارجية`` -> ``Ministry of Foreign
    Affairs``): the KB names of that institution without the country, the most common.

    Examples:
        >>> from arfa.kb import load_default_kb
        >>> national_generic_name(load_default_kb(), "وزارت امور خارجه")
        'Ministry of Foreign Affairs'
    """
    by_country = kb.derived("national_bodies", national_bodies).get(key)
    if not by_country:
        return None
    names: Counter[str] = Counter()
    for entity_id in by_country.values():
        entity = kb.get(entity_id)
        if entity is not None:
            names[_COUNTRY_SUFFIX.sub("", entity.name)] += 1
    return names.most_common(1)[0][0] if names else None


def document_country(kb: KnowledgeBase, linked_places: Sequence[str]) -> list[tuple[str, int]]:
    """The countries a document's places name, with how often, most often first (a place
    counts for its country; ties in order of first mention).

    Examples:
        >>> from arfa.kb import load_default_kb
        >>> document_country(load_default_kb(), ["loc/russia", "loc/tehran", "loc/iran"])
        [('loc/iran', 2), ('loc/russia', 1)]
    """
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for position, entity_id in enumerate(linked_places):
        entity = kb.get(entity_id)
        while entity is not None and entity.kind != "country":
            entity = kb.get(entity.parent) if entity.parent else None
        if entity is not None:
            counts[entity.id] += 1
            first.setdefault(entity.id, position)
    return sorted(counts.items(), key=lambda item: (-item[1], first[item[0]]))


def _substitutions(anaphor: str, name: str) -> list[str]:
    """The folded ``name`` in the place of ``anaphor``, keeping an attached ``ل``/``ب``."""
    if anaphor[:2] in ("لل", "بال"):
        lead = anaphor[0]
        return [lead + ("ل" + name[2:] if lead == "ل" else name) if name.startswith("ال") else lead + name]
    return [name]


def resolve_anaphor(kb: KnowledgeBase, key: str, label: Label, topic: str | None) -> str | None:
    """The entity an anaphoric mention names in a document about ``topic``, or ``None``.

    Examples:
        >>> from arfa.kb import load_default_kb
        >>> kb = load_default_kb()
        >>> resolve_anaphor(kb, "مجلس وزراء خارجيه المنظمه", Label.ORG, "org/sco")
        'org/sco-cfm'
        >>> resolve_anaphor(kb, "مجلس وزراء خارجيه المنظمه", Label.ORG, None) is None
        True
    """
    position = anaphor_position(key)
    topic_entity = kb.get(topic) if topic else None
    if position is None or topic_entity is None:
        return None
    words = key.split()
    head, anaphor = " ".join(words[:position]), words[position]
    found: set[str] = set()
    for name in {fold(n) for names in topic_entity.names.values() for n in names}:
        for filled in _substitutions(anaphor, name):
            for alias in kb.lookup_key(f"{head} {filled}"):
                if alias.label is label and alias.kind == "name":
                    found.add(alias.entity_id)
    if len(found) == 1:
        return found.pop()
    # the generic alias itself, when it belongs to a body of the topic
    own = {a.entity_id for a in kb.lookup_key(key) if a.label is label}
    mine = {e for e in own if (ent := kb.get(e)) is not None and ent.parent == topic_entity.id}
    return mine.pop() if len(mine) == 1 else None


def given_names(kb: KnowledgeBase) -> Counter[str]:
    """How many KB people's Arabic or Persian names start with each folded word."""
    counts: Counter[str] = Counter()
    for entity in kb:
        if entity.label is not Label.PER:
            continue
        firsts = set()
        for lang in ("ar", "fa"):
            for name in entity.names.get(lang, ()):
                words = fold(name).split()
                if len(words) > 1:
                    firsts.add(words[0])
        counts.update(firsts)
    return counts


def is_given_name_place(kb: KnowledgeBase, key: str, place_id: str | None, doc_first_names: set[str]) -> bool:
    """Whether a one-word LOC mention ``key`` is rather a person's given name.

    Examples:
        >>> from arfa.kb import load_default_kb
        >>> kb = load_default_kb()
        >>> is_given_name_place(kb, "فلاديمير", "loc/vladimir", set())
        True
        >>> is_given_name_place(kb, "نورسلطان", "loc/astana", {"نورسلطان"})
        False
    """
    if " " in key:
        return False
    place = kb.get(place_id) if place_id else None
    if place is not None and (place.kind not in ("city", "unknown") or place.prior >= PLACE_PRIOR_KEEP):
        return False
    if key in doc_first_names:
        return True
    return kb.derived("given_names", given_names).get(key, 0) >= GIVEN_NAME_MIN
