"""The compiled knowledge base: the YAML sources as one gzip'd JSON file, ready to load.

The YAML files under ``arfa/resources/kb/`` stay the human-edited truth. Parsing
7,500 entities of YAML and folding their 28,000 names costs seconds, so
``scripts/compile_kb.py`` writes them, validated and with every alias key already
folded, to :data:`COMPILED_NAME` beside them, and :func:`arfa.kb.load_default_kb`
reads that instead.

The file records what it was built from:

* ``sources``: the SHA-256 of every YAML file. When one differs (or a file was
  added or removed) the compiled file is stale: the loader logs a warning naming
  the files and reads the YAML, so an edit is never silently ignored.
* ``fold``: the SHA-256 of ``arfa/normalize.py``, which defines
  :func:`arfa.normalize.fold`. When it differs, the entities are still used but
  their alias keys are folded again at load time (with a warning).

The format is plain data (no pickle): ``{"format", "sources", "fold", "fields",
"entities": [[value per field] ...], "keys": [[[key, kind] ...] per entity]}``,
entities in the order the loader would build them (later ids replacing earlier
ones in place).

Examples:
    >>> sources = [("a.yaml", b"- {id: loc/vienna, label: LOC, name: Vienna}")]
    >>> payload = compile_sources(sources)
    >>> payload["entities"][0][:3], payload["keys"][0]
    (['loc/vienna', 'LOC', 'Vienna'], [['vienna', 'name']])
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, cast

from arfa.errors import KnowledgeBaseError
from arfa.kb.store import AliasKind, KBEntity, KnowledgeBase, _read_yaml, alias_keys, load_entities
from arfa.models import Label

__all__ = [
    "COMPILED_NAME",
    "FORMAT",
    "compile_sources",
    "default_sources",
    "dump",
    "fold_digest",
    "load_compiled",
    "read_payload",
    "source_digests",
    "stale_reason",
    "write",
]

logger = logging.getLogger(__name__)

#: The compiled file's name inside ``arfa/resources/kb/``.
COMPILED_NAME = "compiled.json.gz"
#: The payload layout version; a file of another version is treated as stale.
FORMAT = 1
_FIELDS = ("id", "label", "name", "wikidata", "kind", "parent", "names", "acronyms", "short", "prior",
           "source")

Sources = Sequence[tuple[str, bytes]]
_LABELS = {label.value: label for label in Label}  # a dict lookup, not an Enum call, per entity


def default_sources() -> list[tuple[str, bytes]]:
    """``(file name, bytes)`` of every shipped ``resources/kb/*.yaml``, in load (name) order."""
    folder = resources.files("arfa.resources").joinpath("kb")
    entries = sorted((e for e in folder.iterdir() if e.name.endswith(".yaml")), key=lambda e: e.name)
    return [(entry.name, entry.read_bytes()) for entry in entries]


def source_digests(sources: Sources) -> dict[str, str]:
    """The SHA-256 of each source file, by name."""
    return {name: hashlib.sha256(data).hexdigest() for name, data in sources}


def fold_digest() -> str:
    """The SHA-256 of the module that defines :func:`arfa.normalize.fold` ('' if unreadable)."""
    try:
        return hashlib.sha256(resources.files("arfa").joinpath("normalize.py").read_bytes()).hexdigest()
    except OSError:  # pragma: no cover - a source-less install: keys are folded again
        return ""


def compile_sources(sources: Sources) -> dict[str, Any]:
    """The compiled payload of YAML ``sources``, every entity fully validated.

    Raises:
        KnowledgeBaseError: invalid YAML or an invalid entry (naming file and entry).
    """
    table: dict[str, KBEntity] = {}
    for name, data in sources:
        origin = f"arfa/resources/kb/{name}"
        for entity in load_entities(_read_yaml(origin, data.decode("utf-8")), origin=origin):
            table[entity.id] = entity
    entities = list(table.values())
    return {
        "format": FORMAT,
        "sources": source_digests(sources),
        "fold": fold_digest(),
        "fields": list(_FIELDS),
        "entities": [_row(entity) for entity in entities],
        "keys": [[[key, kind] for key, kind in alias_keys(entity)] for entity in entities],
    }


def _row(entity: KBEntity) -> list[Any]:
    data = entity.model_dump(mode="json")
    data["names"] = {lang: list(values) for lang, values in entity.names.items()}
    return [data[name] for name in _FIELDS]


def dump(payload: Mapping[str, Any]) -> bytes:
    """The bytes of the compiled file: compact UTF-8 JSON, gzip'd without a time stamp."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def read_payload(data: bytes) -> dict[str, Any]:
    """The payload of compiled-file bytes.

    Raises:
        KnowledgeBaseError: not a gzip'd JSON object.
    """
    try:
        payload = json.loads(gzip.decompress(data).decode("utf-8"))
    except (OSError, EOFError, UnicodeDecodeError, ValueError) as exc:
        raise KnowledgeBaseError(f"compiled knowledge base is unreadable: {exc}") from exc
    if not isinstance(payload, dict):
        raise KnowledgeBaseError("compiled knowledge base is not a JSON object")
    return payload


def stale_reason(payload: Mapping[str, Any], sources: Sources) -> str | None:
    """Why ``payload`` does not match ``sources`` (``None``: it does)."""
    if payload.get("format") != FORMAT or payload.get("fields") != list(_FIELDS):
        return f"format {payload.get('format')!r}, expected {FORMAT}"
    built: Mapping[str, str] = payload.get("sources") or {}
    now = source_digests(sources)
    changed = sorted(n for n in now.keys() | built.keys() if now.get(n) != built.get(n))
    if changed:
        return "YAML changed since it was compiled: " + ", ".join(changed)
    return None


def load_compiled(data: bytes | None, sources: Sources) -> KnowledgeBase | None:
    """The knowledge base in compiled-file bytes, or ``None`` (with a warning) when stale.

    Args:
        data: the compiled file's bytes, or ``None`` when it is missing.
        sources: the YAML files it must match, as :func:`default_sources` gives them.
    """
    fix = "run `python scripts/compile_kb.py`; reading the YAML instead"
    if data is None:
        logger.warning("compiled knowledge base %s is missing: %s", COMPILED_NAME, fix)
        return None
    try:
        payload = read_payload(data)
    except KnowledgeBaseError as exc:
        logger.warning("%s: %s", exc, fix)
        return None
    reason = stale_reason(payload, sources)
    if reason is not None:
        logger.warning("compiled knowledge base %s is stale (%s): %s", COMPILED_NAME, reason, fix)
        return None
    entities = [_entity(row) for row in payload["entities"]]
    if payload.get("fold") != fold_digest():
        logger.warning("compiled knowledge base %s was folded by another arfa/normalize.py; "
                       "folding its aliases again (run `python scripts/compile_kb.py`)", COMPILED_NAME)
        return KnowledgeBase(entities)
    # [key, kind] pairs unpack like tuples: no need to convert 28,000 of them
    keys = cast("list[list[tuple[str, AliasKind]]]", payload["keys"])
    return KnowledgeBase.from_folded(entities, keys)


def _entity(row: Sequence[Any]) -> KBEntity:
    (id_, label, name, wikidata, kind, parent, names, acronyms, short, prior, source) = row
    return KBEntity.model_construct(
        id=id_, label=_LABELS[label], name=name, wikidata=wikidata, kind=kind, parent=parent,
        names={lang: tuple(values) for lang, values in names.items()}, acronyms=tuple(acronyms),
        short=tuple(short), prior=prior, source=source,
    )


def write(sources: Iterable[tuple[str, bytes]] | None = None, path: Path | None = None) -> Path:
    """Compile ``sources`` (default: the shipped YAML) and write the file; return its path."""
    target = path if path is not None else Path(str(resources.files("arfa.resources").joinpath("kb")))
    if target.is_dir():
        target = target / COMPILED_NAME
    payload = compile_sources(list(sources) if sources is not None else default_sources())
    target.write_bytes(dump(payload))
    return target
