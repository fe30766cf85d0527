"""The :class:`Recognizer` protocol, the :class:`Segment` it reads and the :class:`Candidate` it returns.

A recognizer looks at one language :class:`Segment` of a document: its original
text, the same text folded by :func:`arfa.normalize.normalize`, the tokenizer's
tokens and sentences, the language and the document date. It proposes candidates
whose offsets are in *normalized* coordinates of the segment. A recognizer reports
what it sees locally; a candidate that is only valid if the document names its
entity elsewhere says so in :attr:`Candidate.needs`, and
:func:`arfa.recognize.document.apply_document_rules` decides once for the whole
document. The pipeline then merges the candidates of every recognizer
(:mod:`arfa.recognize.merge`), maps them back to the original text and links them.
"""

from __future__ import annotations

import datetime as dt
import inspect
import warnings
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal, Protocol, runtime_checkable

from arfa.errors import PipelineConfigError
from arfa.models import Label, Sentence, Token
from arfa.normalize import NormalizedText, normalize

if TYPE_CHECKING:
    from arfa.tokenize.base import Tokenizer

__all__ = [
    "NEEDS_CONFIRMATION",
    "NEEDS_FULL_NAME",
    "SENTENCE_ENDS",
    "Candidate",
    "Recognizer",
    "Segment",
    "adapt_recognizer",
    "iob_chunks",
    "tagged_chunks",
    "token_sentences",
]

SENTENCE_ENDS = frozenset([".", "!", "?", "؟"])

Need = Literal["full_name", "confirmation"]
NEEDS_FULL_NAME: Final = "full_name"
"""A short form (a surname): kept only if the document names the entity in full."""
NEEDS_CONFIRMATION: Final = "confirmation"
"""A gated one-word alias without local cue: kept only if the entity is confirmed elsewhere."""


@dataclass(frozen=True, slots=True)
class Segment:
    """One language segment of a document, as every recognizer sees it.

    Attributes:
        text: the original text of the segment (a slice of the document).
        offset: where ``text`` starts in the document.
        norm: ``text`` folded by :func:`arfa.normalize.normalize`, with its offset map.
        tokens: the tokenizer's tokens, in offsets of ``text``.
        sentences: the tokenizer's sentences, in offsets of ``text``; sequence
            taggers label one sentence at a time.
        lang: the segment's language code.
        doc_date: the document date, for deictic dates (``أمس``, ``سال گذشته``).

    Examples:
        >>> seg = Segment.from_text("عقد في فيينا. ثم عاد", "ar")
        >>> [s.text for s in seg.sentences], [t.text for t in seg.tokens][:3]
        (['عقد في فيينا.', 'ثم عاد'], ['عقد', 'في', 'فيينا'])
    """

    text: str
    offset: int
    norm: NormalizedText
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    lang: str
    doc_date: dt.date | None = None

    @classmethod
    def from_text(
        cls,
        text: str,
        lang: str,
        *,
        doc_date: dt.date | None = None,
        offset: int = 0,
        tokenizer: Tokenizer | None = None,
    ) -> Segment:
        """Tokenize and normalize ``text`` (with the registered tokenizer of ``lang`` by default)."""
        if tokenizer is None:
            from arfa.tokenize.base import get_tokenizer

            tokenizer = get_tokenizer(lang)
        tokenized = tokenizer(text)
        return cls(text, offset, normalize(text), tokenized.tokens, tokenized.sentences, lang, doc_date)

    def sentence_tokens(self) -> Iterator[tuple[Token, ...]]:
        """The tokens of each sentence, in order (tokens outside every sentence are skipped).

        Falls back to :func:`token_sentences` when the segment carries no sentences.
        """
        if not self.sentences:
            yield from (tuple(s) for s in token_sentences(self.norm, self.tokens))
            return
        starts = [t.start for t in self.tokens]
        for sent in self.sentences:
            first = bisect_left(starts, sent.start)
            last = first
            while last < len(self.tokens) and self.tokens[last].end <= sent.end:
                last += 1
            if last > first:
                yield self.tokens[first:last]


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
        needs: ``None`` for a candidate valid on its own; :data:`NEEDS_FULL_NAME`
            or :data:`NEEDS_CONFIRMATION` for one that depends on the rest of the
            document (``kb_id`` is then required); see
            :mod:`arfa.recognize.document`.
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
    needs: Need | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"empty or negative candidate span {self.start}:{self.end}")
        if self.needs is not None and self.kb_id is None:
            raise ValueError(f"a candidate that needs {self.needs!r} must name its kb_id")


@runtime_checkable
class Recognizer(Protocol):
    """What every recognizer provides.

    Attributes:
        name: the registry name, also written to ``Entity.source``.
        langs: language codes the recognizer supports.
    """

    name: str
    langs: frozenset[str]

    def __call__(self, segment: Segment) -> list[Candidate]:
        """Propose candidates for ``segment``, in normalized coordinates of ``segment.norm``."""
        ...


class _LegacyRecognizer:
    """Wraps a recognizer written for arfa 0.1's ``(doc, tokens, *, doc_date)`` call."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name: str = inner.name
        self.langs: frozenset[str] = frozenset(inner.langs)

    def __call__(self, segment: Segment) -> list[Candidate]:
        return list(self.inner(segment.norm, segment.tokens, doc_date=segment.doc_date))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_LegacyRecognizer, (self.inner,))


def adapt_recognizer(obj: object) -> Recognizer:
    """``obj`` as a :class:`Recognizer`: a legacy ``(doc, tokens, *, doc_date)`` one is wrapped.

    Raises:
        PipelineConfigError: ``obj`` lacks ``name``/``langs`` or is not callable
            with a segment (or the legacy arguments).
    """
    if not isinstance(obj, Recognizer):
        raise PipelineConfigError(f"not a recognizer (needs name, langs and __call__(segment)): {obj!r}")
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):  # builtins without a signature: trust the protocol
        return obj
    params = [
        p for p in signature.parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    if any(p.kind is p.VAR_POSITIONAL for p in signature.parameters.values()):
        return obj  # (*args) takes a segment as well
    if len(params) >= 2 and params[0].name != "segment":
        warnings.warn(
            f"recognizer {obj.name!r} uses the old (doc, tokens, *, doc_date) call; "
            "arfa wraps it, but it should take one Segment",
            DeprecationWarning,
            stacklevel=3,
        )
        return _LegacyRecognizer(obj)
    if not params:
        raise PipelineConfigError(f"recognizer {obj.name!r} must take one Segment argument")
    return obj


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
    segment: Segment,
    tag: Callable[[list[str]], tuple[list[str], list[float]]],
) -> Iterator[tuple[int, int, str, float]]:
    """Tag each sentence of ``segment`` with ``tag`` (IOB labels and their probabilities) and
    yield its chunks as ``(start, end, type, score)``: normalized offsets, the raw chunk type
    and the lowest label probability of the chunk's tokens."""
    doc = segment.norm
    for sent in segment.sentence_tokens():
        labels, probs = tag([t.text for t in sent])
        for first, last, kind in iob_chunks(labels):
            start = doc.orig_to_norm(sent[first].start)
            end = doc.orig_to_norm(sent[last - 1].end)
            if start < end:
                yield start, end, kind, min(probs[first:last])
