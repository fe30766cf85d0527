"""The :class:`Recognizer` protocol and the :class:`Candidate` it returns.

A recognizer looks at one language segment of a document, already folded by
:func:`arfa.normalize.normalize`, and proposes candidates whose offsets are in
*normalized* coordinates. The pipeline merges the candidates of every recognizer
(:mod:`arfa.recognize.merge`), maps them back to the original text and links them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from arfa.models import Label, Token
from arfa.normalize import NormalizedText

__all__ = ["Candidate", "Recognizer"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed entity, in normalized coordinates.

    Attributes:
        start: first normalized character of the mention.
        end: one past its last normalized character.
        label: the entity type.
        source: name of the recognizer that proposed it.
        score: confidence in ``[0, 1]``.
        priority: breaks ties between overlapping candidates of equal length
            (higher wins); gazetteer matches outrank statistical guesses.
        kb_id: knowledge-base id when the recognizer already knows the entity.
        value: ISO 8601 value for DATE candidates.
        calendar: the calendar a DATE was written in (``gregorian``, ``persian``,
            ``islamic``), or ``None``.
    """

    start: int
    end: int
    label: Label
    source: str
    score: float = 1.0
    priority: int = 0
    kb_id: str | None = None
    value: str | None = None
    calendar: str | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"empty or negative candidate span {self.start}:{self.end}")


@runtime_checkable
class Recognizer(Protocol):
    """What every recognizer provides.

    Attributes:
        name: the registry name, also written to ``Entity.source``.
        langs: language codes the recognizer supports.
    """

    name: str
    langs: frozenset[str]

    def __call__(
        self, doc: NormalizedText, tokens: Sequence[Token], *, doc_date: dt.date | None = None
    ) -> list[Candidate]:
        """Propose candidates for ``doc``.

        Args:
            doc: the folded segment, with its map back to the original text.
            tokens: the segment's tokens, in *original* coordinates of ``doc.original``.
            doc_date: the document's date, for deictic dates (``أمس``, ``سال گذشته``).
        """
        ...
