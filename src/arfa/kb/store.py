"""The knowledge base: canonical entities and an alias index over their names.

Source files are YAML lists of entities (``arfa/resources/kb/*.yaml``), one mapping
per entity, validated by :class:`KBEntity` when loaded::

    - id: org/osce
      label: ORG
      name: Organization for Security and Co-operation in Europe
      wikidata: Q81299
      kind: intergovernmental organization
      names:
        ar: [منظمة الأمن والتعاون في أوروبا]
        fa: [سازمان امنیت و همکاری اروپا]
        en: [Organization for Security and Co-operation in Europe]
      acronyms: [OSCE, ОБСЕ]
      source: curated

Every name and acronym becomes an :class:`Alias` whose key is :func:`arfa.normalize.fold`
of it, so text and aliases are folded the same way.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from arfa.errors import KnowledgeBaseError
from arfa.kb.safe_yaml import describe, load_yaml_list
from arfa.models import Label
from arfa.normalize import fold

__all__ = ["Alias", "KBEntity", "KnowledgeBase", "alias_keys", "load_default_kb", "load_entities", "load_kb"]

_T = TypeVar("_T")

AliasKind = Literal["name", "acronym", "short"]
_ID = re.compile(r"^[a-z]+/[\w.\-]+$")
_LANGS = frozenset({"ar", "fa", "en", "ru"})


class KBEntity(BaseModel):
    """One canonical entity.

    Attributes:
        id: stable id, ``<type>/<slug>`` (``org/sco``, ``loc/dushanbe``).
        label: ORG, PER or LOC.
        name: English canonical name, as the English Wikipedia article titles it.
        wikidata: Wikidata QID where certain, else ``None``.
        kind: what it is (``intergovernmental organization``, ``body``, ``country``,
            ``city``, ``region``, ``person`` ...).
        parent: id of the organization a body belongs to, or a city's country.
        names: names and aliases per language (``ar``, ``fa``, ``en``, ``ru``).
        acronyms: acronyms in any script (``SCO``, ``ШОС``, ``سيكا``).
        short: short forms that only link inside a document that names the entity
            in full (a surname, ``المنظمة`` is never one).
        prior: how likely this entity is for an ambiguous alias, in ``(0, 1]``.
        source: where the names come from.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    label: Label
    name: str = Field(min_length=1)
    wikidata: str | None = Field(default=None, pattern=r"^Q[1-9]\d*$")
    kind: str = "unknown"
    parent: str | None = None
    names: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    acronyms: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    prior: float = Field(default=1.0, gt=0.0, le=1.0)
    source: str = "curated"

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(f"id {value!r} must look like 'org/sco' (lower-case type, slash, slug)")
        return value

    @field_validator("label")
    @classmethod
    def _not_date(cls, value: Label) -> Label:
        if value is Label.DATE:
            raise ValueError("the knowledge base holds ORG, PER and LOC entities, not DATE")
        return value

    @field_validator("names")
    @classmethod
    def _check_langs(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        unknown = set(value) - _LANGS
        if unknown:
            raise ValueError(f"unknown name languages {sorted(unknown)}; use {sorted(_LANGS)}")
        return value

    def all_names(self) -> Iterator[tuple[str, AliasKind]]:
        """Every surface form with its kind; the English canonical name included."""
        yield self.name, "name"
        for names in self.names.values():
            for name in names:
                yield name, "name"
        for acronym in self.acronyms:
            yield acronym, "acronym"
        for short in self.short:
            yield short, "short"


@dataclass(frozen=True, slots=True)
class Alias:
    """One entry of the alias index: a folded key pointing at an entity."""

    key: str
    entity_id: str
    label: Label
    kind: AliasKind
    prior: float


class KnowledgeBase:
    """Entities by id and an alias index by folded key; immutable once built.

    A later entity with an id already present replaces the earlier one. Derived
    indexes (the gazetteer trie, the linker's index) are built on first use and
    belong to this object, so :meth:`extended` never touches the original and
    :func:`load_default_kb` can share one instance between pipelines and threads.

    Args:
        entities: :class:`KBEntity` objects, or mappings validated as by
            :func:`load_entities` (a bad entry raises
            :class:`~arfa.errors.KnowledgeBaseError` naming it).

    Examples:
        >>> kb = KnowledgeBase([KBEntity(id="loc/vienna", label="LOC", name="Vienna",
        ...                              names={"ar": ("فيينا",)})])
        >>> [a.entity_id for a in kb.lookup("فيينا")]
        ['loc/vienna']
        >>> bigger = kb.extended([{"id": "loc/graz", "label": "LOC", "name": "Graz"}])
        >>> len(kb), len(bigger)
        (1, 2)
    """

    __slots__ = ("_aliases", "_derived", "_entities", "_lock")

    def __init__(self, entities: Iterable[KBEntity | Mapping[str, Any]] = ()) -> None:
        raw: list[Mapping[str, Any] | KBEntity] = list(entities)
        items = load_entities(raw) if any(not isinstance(i, KBEntity) for i in raw) else raw
        table: dict[str, KBEntity] = {}
        for entity in items:
            if not isinstance(entity, KBEntity):  # pragma: no cover - load_entities validated
                raise KnowledgeBaseError(f"not a KBEntity: {entity!r}")
            table[entity.id] = entity
        self._index(table, [alias_keys(entity) for entity in table.values()])

    @classmethod
    def from_folded(
        cls, entities: Sequence[KBEntity], keys: Sequence[Sequence[tuple[str, AliasKind]]]
    ) -> KnowledgeBase:
        """A knowledge base whose alias keys are already folded (:mod:`arfa.kb.compiled`).

        Args:
            entities: validated entities with distinct ids, in index order.
            keys: per entity, what :func:`alias_keys` gives for it.

        Raises:
            KnowledgeBaseError: ``keys`` does not pair with ``entities``, or an id repeats.
        """
        table = {entity.id: entity for entity in entities}
        if len(table) != len(entities) or len(keys) != len(entities):
            raise KnowledgeBaseError("folded keys must pair one-to-one with entities of distinct ids")
        kb = cls.__new__(cls)
        kb._index(table, keys)
        return kb

    def _index(self, table: dict[str, KBEntity], keys: Sequence[Sequence[tuple[str, AliasKind]]]) -> None:
        aliases: dict[str, list[Alias]] = defaultdict(list)
        for entity, entity_keys in zip(table.values(), keys):
            for key, kind in entity_keys:
                aliases[key].append(Alias(key, entity.id, entity.label, kind, entity.prior))
        self._entities: Mapping[str, KBEntity] = MappingProxyType(table)
        self._aliases: Mapping[str, tuple[Alias, ...]] = MappingProxyType(
            {key: tuple(sorted(found, key=_by_prior) if len(found) > 1 else found)
             for key, found in aliases.items()}
        )
        self._derived: dict[str, object] = {}
        self._lock = threading.RLock()  # a derived builder may use another derived structure

    def extended(self, entities: Iterable[KBEntity | Mapping[str, Any]]) -> KnowledgeBase:
        """A new knowledge base with ``entities`` added (same id: the new one wins).

        ``self`` is unchanged; the new one builds its own derived indexes.

        Raises:
            KnowledgeBaseError: an invalid entry (the message names it).
        """
        raw: list[Mapping[str, Any] | KBEntity] = list(entities)
        added = load_entities(raw) if any(not isinstance(i, KBEntity) for i in raw) else raw
        return KnowledgeBase([*self._entities.values(), *added])

    def __reduce__(self) -> tuple[Any, ...]:
        return (KnowledgeBase, (tuple(self._entities.values()),))

    def __len__(self) -> int:
        return len(self._entities)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entities

    def __iter__(self) -> Iterator[KBEntity]:
        return iter(self._entities.values())

    def get(self, entity_id: str) -> KBEntity | None:
        """The entity with ``entity_id``, or ``None``."""
        return self._entities.get(entity_id)

    def lookup(self, surface: str) -> list[Alias]:
        """Aliases whose key equals ``fold(surface)``, best prior first."""
        return self.lookup_key(fold(surface))

    def lookup_key(self, key: str) -> list[Alias]:
        """Aliases whose key equals the already folded ``key``, best prior first."""
        return list(self._aliases.get(key, ()))

    def derived(self, name: str, build: Callable[[KnowledgeBase], _T]) -> _T:
        """A structure computed from this KB (an index), built once per name (thread-safe)."""
        found = self._derived.get(name)
        if found is None:
            with self._lock:
                found = self._derived.get(name)
                if found is None:
                    found = self._derived[name] = build(self)
        return found  # type: ignore[return-value]

    def aliases(self) -> Iterator[Alias]:
        """Every alias of the index."""
        for entries in self._aliases.values():
            yield from entries


def _by_prior(alias: Alias) -> float:
    return -alias.prior


def alias_keys(entity: KBEntity) -> list[tuple[str, AliasKind]]:
    """The folded alias keys of ``entity`` with their kinds, without repeats, in name order.

    Examples:
        >>> alias_keys(KBEntity(id="loc/vienna", label="LOC", name="Vienna", names={"en": ("VIENNA",)}))
        [('vienna', 'name')]
    """
    out: list[tuple[str, AliasKind]] = []
    seen: set[tuple[str, str]] = set()
    for surface, kind in entity.all_names():
        key = fold(surface)
        if key and (key, kind) not in seen:
            seen.add((key, kind))
            out.append((key, kind))
    return out


def _read_yaml(path: Path | str, text: str) -> list[Mapping[str, Any]]:
    return load_yaml_list(str(path), text)


def load_entities(
    source: Path | str | Sequence[Mapping[str, Any] | KBEntity], *, origin: str | None = None
) -> list[KBEntity]:
    """Validate entities from a YAML file path or from mappings.

    Raises:
        KnowledgeBaseError: naming the file, the entry's index and id, and the problem.
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        try:
            raw: Sequence[Mapping[str, Any] | KBEntity] = _read_yaml(path, path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise KnowledgeBaseError(f"cannot read knowledge-base file {path}: {exc}") from exc
        origin = origin or str(path)
    else:
        raw = source
        origin = origin or "extra_entities"
    entities: list[KBEntity] = []
    for index, item in enumerate(raw):
        if isinstance(item, KBEntity):
            entities.append(item)
            continue
        try:
            entities.append(KBEntity.model_validate(item))
        except ValidationError as exc:
            ident = describe(item.get("id")) if isinstance(item, Mapping) else None
            problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise KnowledgeBaseError(f"{origin}: entry {index} (id={ident}) is invalid: {problems}") from exc
    return entities


def load_kb(paths: Iterable[Path | str]) -> KnowledgeBase:
    """A knowledge base from YAML files; later files override earlier ids.

    Raises:
        KnowledgeBaseError: for an unreadable file or an invalid entry.
    """
    entities: list[KBEntity] = []
    for path in paths:
        entities.extend(load_entities(path))
    return KnowledgeBase(entities)


@cache
def load_default_kb() -> KnowledgeBase:
    """The knowledge base shipped with arfa (every ``resources/kb/*.yaml``), loaded once.

    Sharing the one instance is safe because a :class:`KnowledgeBase` never changes:
    add entities with :meth:`KnowledgeBase.extended`, which returns a new one.

    Files load in name order; generated files are prefixed ``gen_`` so that the
    curated files, which come after them, override an entity with the same id.

    The KB comes from the compiled file (:mod:`arfa.kb.compiled`, regenerated by
    ``scripts/compile_kb.py``) when it matches the YAML byte for byte; otherwise a
    warning is logged and the YAML is read. YAML entries are trusted package data,
    so they are built with ``model_construct`` after a cheap shape check instead of
    full validation (``tests/kb`` validates them; the compiler validates fully).

    Examples:
        >>> load_default_kb().get("org/sco").name
        'Shanghai Cooperation Organisation'
    """
    from arfa.kb import compiled

    sources = compiled.default_sources()
    target = resources.files("arfa.resources").joinpath("kb", compiled.COMPILED_NAME)
    data = target.read_bytes() if target.is_file() else None
    kb = compiled.load_compiled(data, sources)
    return kb if kb is not None else _load_yaml_sources(sources)


def _load_yaml_sources(sources: Sequence[tuple[str, bytes]]) -> KnowledgeBase:
    """The knowledge base of ``(file name, bytes)`` YAML sources, in the order given."""
    entities: list[KBEntity] = []
    for file_name, data in sources:
        name = f"arfa/resources/kb/{file_name}"
        entities.extend(_construct(_read_yaml(name, data.decode("utf-8")), origin=name))
    return KnowledgeBase(entities)


def _construct(raw: Sequence[Mapping[str, Any]], origin: str) -> list[KBEntity]:
    """Build trusted entities fast; fall back to validation for anything unusual."""
    out: list[KBEntity] = []
    for item in raw:
        names = item.get("names") or {}
        if (
            not isinstance(item, Mapping)
            or not isinstance(item.get("id"), str)
            or item.get("label") not in ("ORG", "PER", "LOC")
            or not isinstance(names, Mapping)
            or not set(item) <= _FIELDS
        ):
            out.extend(load_entities([item], origin=origin))
            continue
        out.append(
            KBEntity.model_construct(
                id=item["id"],
                label=Label(item["label"]),
                name=str(item["name"]),
                wikidata=item.get("wikidata"),
                kind=item.get("kind", "unknown"),
                parent=item.get("parent"),
                names={lang: tuple(map(str, values)) for lang, values in names.items()},
                acronyms=tuple(map(str, item.get("acronyms") or ())),
                short=tuple(map(str, item.get("short") or ())),
                prior=float(item.get("prior", 1.0)),
                source=item.get("source", "curated"),
            )
        )
    return out


_FIELDS = frozenset(KBEntity.model_fields)
