"""Build the CRF's name list (``names-<lang>.tsv``) from the knowledge base and name lists.

Sources, each folded with :func:`arfa.normalize.fold`:

* the knowledge base shipped with arfa: every name of every entity in ``lang``;
* ANERGazet (Arabic only): locations, organizations, person name parts;
* ANETAC (both languages: Persian writes foreign names much as Arabic does): one-word
  names with their class, noisy, so only words of three letters or more that are not
  ordinary words (``resources/common/<lang>.txt``) and have a single class.

Test text never enters these lists (they are dictionaries, not corpora).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Collection, Iterator
from pathlib import Path

from arfa.lang.base import language
from arfa.normalize import fold
from arfa.recognize.crf_lexicon import Lexicon

__all__ = ["LEXICON_SOURCES", "build_lexicon"]

logger = logging.getLogger(__name__)

#: The shipped models' name lists. Persian with ``("kb", "anetac")`` scored the same dev F1
#: (72.97) as without a list, so the shipped Persian model has none (docs/models.md).
LEXICON_SOURCES: dict[str, tuple[str, ...]] = {"ar": ("kb", "anergazet", "anetac"), "fa": ()}
_ANETAC = {"PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}
_GAZET = {"AlignedLocGazetteer.txt": "LOC", "AlignedOrgGazetteer.txt": "ORG", "AlignedPersGazetteer.txt": "PER"}


def _kb(lang: str) -> Iterator[tuple[str, str]]:
    from arfa.kb.store import load_default_kb

    for entity in load_default_kb():
        for name in entity.names.get(lang, ()):
            yield entity.label.value, fold(name)


def _anergazet(data: Path) -> Iterator[tuple[str, str]]:
    for file, label in _GAZET.items():
        for line in (data / "anergazet" / file).read_text(encoding="utf-8").splitlines():
            name = fold(line.strip())
            if name and not name.startswith(("===", "***")):
                yield label, name


def _anetac(data: Path, lang: str) -> Iterator[tuple[str, str]]:
    classes: dict[str, set[str]] = defaultdict(set)
    for line in (data / "anetac" / "EN-AR_Named-entities.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) == 3 and parts[0] in _ANETAC:
            classes[fold(parts[2])].add(_ANETAC[parts[0]])
    common = language(lang).common_words()
    for word, labels in classes.items():
        if len(labels) == 1 and len(word) >= 3 and word not in common:
            yield next(iter(labels)), word


def build_lexicon(lang: str, data: Path, sources: Collection[str] | None = None) -> Lexicon:
    """The name list of ``lang`` from ``sources`` (default :data:`LEXICON_SOURCES`)."""
    chosen = LEXICON_SOURCES[lang] if sources is None else tuple(sources)
    entries: list[tuple[str, str]] = []
    if "kb" in chosen:
        entries += _kb(lang)
    if "anergazet" in chosen:
        entries += _anergazet(data)
    if "anetac" in chosen:
        entries += _anetac(data, lang)
    lex = Lexicon.from_entries((label, name) for label, name in entries if name)
    logger.info("%s name list: %d names from %s", lang, len(lex.names), chosen)
    return lex
