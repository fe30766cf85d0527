"""The :class:`Recognizer` protocol and the :class:`Candidate` it returns.

A recognizer looks at one language segment of a document, already folded by
:func:`arfa.normalize.normalize`, and proposes candidates whose offsets are in
*normalized* coordinates. The pipeline merges the candidates of every recognizer
(:mod:`arfa.recognize.merge`), maps them back to the original text and links them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from arfa.models import Label, Token
from arfa.normalize import NormalizedText

__all__ = ["SENTENCE_ENDS", "Candidate", "Recognizer", "iob_chunks", "tagged_chunks", "token_sentences"]

SENTENCE_ENDS = frozenset([".", "!", "?", "؟"])


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


def token_sentences(doc: NormalizedText, tokens: Sequence[Token]) -> Iterator[Sequence[Token]]:
    """Runs of tokens ended by ``.``, ``!``, ``?``, ``؟`` (kept) or by a line break.

    The unit that sequence taggers (CRF, stanza, BERT) label at a time.

    Examples:
        >>> from arfa.normalize import normalize
        >>> text = "a b .\\nc d"
        >>> toks = [Token(start=i, end=i + 1, text=text[i]) for i in (0, 2, 4, 6, 8)]
        >>> [[t.text for t in s] for s in token_sentences(normalize(text), toks)]
        [['a', 'b', '.'], ['c', 'd']]
    """
    start = 0
    for i, tok in enumerate(tokens):
        if i > start and "\n" in doc.original[tokens[i - 1].end : tok.start]:
            yield tokens[start:i]
            start = i
        if tok.text in SENTENCE_ENDS:
            yield tokens[start : i + 1]
            start = i + 1
    if start < len(tokens):
        yield tokens[start:]


def iob_chunks(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(first, last + 1, type)`` of each chunk of an IOB/IOB2 sequence, read as conlleval does.

    A chunk starts at ``B-X``, or at ``I-X`` after anything but ``B-X``/``I-X``.

    Examples:
        >>> iob_chunks(["I-PER", "I-PER", "B-LOC", "I-ORG", "O", "B-LOC", "B-LOC"])
        [(0, 2, 'PER'), (2, 3, 'LOC'), (3, 4, 'ORG'), (5, 6, 'LOC'), (6, 7, 'LOC')]
    """
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind and start >= 0
        if start >= 0 and not continues:
            out.append((start, i, kind))
            start, kind = -1, ""
        if prefix in ("B", "I") and label and not continues:
            start, kind = i, label
    return out


def tagged_chunks(
    doc: NormalizedText,
    tokens: Sequence[Token],
    tag: Callable[[list[str]], tuple[list[str], list[float]]],
) -> Iterator[tuple[int, int, str, float]]:
    """Tag each token sentence with ``tag`` (IOB labels and their probabilities) and yield
    its chunks as ``(start, end, type, score)``: normalized offsets, the raw chunk type
    and the lowest label probability of the chunk's tokens."""
    for sent in token_sentences(doc, tokens):
        labels, probs = tag([t.text for t in sent])
        for first, last, kind in iob_chunks(labels):
            start = doc.orig_to_norm(sent[first].start)
            end = doc.orig_to_norm(sent[last - 1].end)
            if start < end:
                yield start, end, kind, min(probs[first:last])
