"""Typed results: :class:`Document`, :class:`Entity`, :class:`Token`, :class:`Sentence`.

The fields of ``Document`` and ``Entity`` are those of the gold JSON Lines format
(``../shared/ANNOTATION.md``), so ``doc.to_json()`` is one gold line and a gold line
loads with ``Document.from_json()``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Mapping
from typing import Any, cast

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticSerializationError

from arfa._json import CODE_UNITS_KEY, CODE_UNITS_VALUE, loads_code_units
from arfa.spans import EMPTY_SENTENCES, EMPTY_TOKENS, SentenceList, TokenList

if sys.version_info >= (3, 11):
    from enum import StrEnum
else:  # pragma: no cover - Python 3.10
    from enum import Enum

    class StrEnum(str, Enum):
        """Backport of :class:`enum.StrEnum`."""


class Label(StrEnum):
    """Entity types of the annotation guidelines."""

    ORG = "ORG"
    PER = "PER"
    LOC = "LOC"
    DATE = "DATE"


_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SURROGATE_PAIR = re.compile(r"[\ud800-\udbff][\udc00-\udfff]")
_FROZEN = ConfigDict(frozen=True, extra="forbid")


class Span(BaseModel):
    """A half-open character range ``[start, end)`` of the original text."""

    model_config = _FROZEN

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"text {self.text!r} does not fit span {self.start}:{self.end}")
        return self


# immutable, and shared by every token (pydantic types it as a set; it only reads it)
_TOKEN_FIELDS = cast("set[str]", frozenset({"start", "end", "text"}))


class Token(Span):
    """A token of the original text."""

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Token:
        """``source[start:end]`` as a token.

        The text is sliced here, so it always fits the span and pydantic's validation
        is skipped: a long document has millions of tokens, and this halves their cost.

        Examples:
            >>> Token.of("في فيينا", 3, 8)
            Token(start=3, end=8, text='فيينا')
        """
        return cls.model_construct(_TOKEN_FIELDS, start=start, end=end, text=source[start:end])

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Token:
        """A copy; with ``update``, a new validated token (an update may break the span)."""
        if update:
            return Token.model_validate({**self.model_dump(), **update})
        return super().model_copy(deep=deep)

    def shifted(self, offset: int) -> Token:
        """The same token ``offset`` characters later."""
        if offset == 0:
            return self
        return Token.model_construct(_TOKEN_FIELDS, start=self.start + offset, end=self.end + offset,
                                     text=self.text)


class Sentence(Span):
    """A sentence of the original text, with the language it was processed as."""

    lang: str = "und"


class Entity(Span):
    """One entity mention.

    Attributes:
        label: ORG, PER, LOC or DATE.
        canonical: the entity's English name as its English Wikipedia article titles it.
        canonical_id: a stable id: the knowledge-base id, or, for an entity the
            knowledge base does not list, one derived from its English transliteration
            (``x/per/...``), shared by its Arabic and Persian spellings.
        wikidata: the Wikidata QID, where known.
        value: ISO 8601 value of a DATE (``None`` when it cannot be resolved).
        score: the recognizer's confidence in ``[0, 1]``.
        link_score: the linker's confidence in ``canonical`` in ``[0, 1]``; ``None``
            when the knowledge base has no entity for the mention.
        source: the component that found the mention (``gazetteer``, ``dates`` ...).
        calendar: for a DATE, the calendar it was written in (``gregorian``,
            ``persian``, ``islamic``).
    """

    label: Label
    canonical: str | None = None
    canonical_id: str | None = None
    wikidata: str | None = None
    value: str | None = None
    score: float | None = Field(default=None, ge=0.0, le=1.0)
    link_score: float | None = Field(default=None, ge=0.0, le=1.0)
    source: str | None = None
    calendar: str | None = None


_GOLD_FIELDS = ("id", "lang", "text", "doc_date", "entities")
_ALL_FIELDS = frozenset((*_GOLD_FIELDS, "tokens", "sentences", "error"))


class Document(BaseModel):
    """A processed text and what arfa found in it.

    ``to_json()`` writes the gold JSON Lines format, plus the tokens and sentences as
    offsets (``"tokens": [[start, end], ...]``, ``"sentences": [[start, end, lang], ...]``)
    and ``error`` when set, so ``Document.from_json(doc.to_json()) == doc``.
    ``to_json(spans=False)`` leaves them out. ``tokens`` and ``sentences`` are
    compact sequences (:class:`~arfa.spans.TokenList`, :class:`~arfa.spans.SentenceList`)
    that build each :class:`Token` or :class:`Sentence` when it is read; any sequence of
    tokens, mappings or offset pairs is accepted on construction.

    Examples:
        >>> doc = Document(id="d1", lang="ar", text="في فيينا", tokens=[(0, 2), (3, 8)])
        >>> doc.to_json()
        '{"id":"d1","lang":"ar","text":"في فيينا","doc_date":null,"entities":[],"tokens":[[0,2],[3,8]]}'
        >>> Document.from_json(doc.to_json()) == doc
        True
        >>> doc.tokens[1]
        Token(start=3, end=8, text='فيينا')
    """

    model_config = _FROZEN

    id: str | None = None
    lang: str = "und"
    text: str
    doc_date: dt.date | None = None
    entities: tuple[Entity, ...] = ()
    tokens: TokenList = Field(default=EMPTY_TOKENS, exclude=True)
    sentences: SentenceList = Field(default=EMPTY_SENTENCES, exclude=True)
    error: str | None = Field(default=None, exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _compact_spans(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        tokens, sentences = data.get("tokens"), data.get("sentences")
        if (tokens is None or isinstance(tokens, TokenList)) and (
            sentences is None or isinstance(sentences, SentenceList)
        ):
            return data
        text = data.get("text")
        if not isinstance(text, str):
            return data  # the text's own error is the one to report
        data = dict(data)
        if tokens is not None and not isinstance(tokens, TokenList):
            data["tokens"] = TokenList.of(text, tokens)
        if sentences is not None and not isinstance(sentences, SentenceList):
            data["sentences"] = SentenceList.of(text, sentences)
        return data

    @field_validator("doc_date", mode="before")
    @classmethod
    def _parse_date(cls, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return value.date()
        return value

    @model_validator(mode="after")
    def _spans_fit_text(self) -> Document:
        n = len(self.text)
        for span in self.entities:
            if span.end > n or self.text[span.start : span.end] != span.text:
                raise ValueError(
                    f"{type(span).__name__} {span.text!r} at {span.start}:{span.end} "
                    "does not match the document text"
                )
        self.tokens.check(self.text)
        self.sentences.check(self.text)
        return self

    def to_json(self, *, spans: bool = True) -> str:
        """One line of the gold JSON Lines format (no newline).

        Lone surrogates (which UTF-8 cannot encode) are written as ``\\udXXX``
        escapes, so the line is valid JSON and loads back to the same text. A high
        surrogate followed by a low one (two code units, which a JSON reader would
        join into one character) also marks the line ``"surrogates": "code_units"``
        so that :meth:`from_json` keeps them apart (:mod:`arfa._json`).

        Args:
            spans: also write ``tokens``, ``sentences`` (as offsets) and ``error``
                when the document has them, so that :meth:`from_json` restores it
                whole; ``False`` writes only the gold fields.
        """
        try:
            line = self.model_dump_json()
        except PydanticSerializationError:
            data = self.model_dump(mode="json")
            line = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            if _SURROGATE_PAIR.search(line):
                data[CODE_UNITS_KEY] = CODE_UNITS_VALUE
                line = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            line = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", line)
        if not spans:
            return line
        extra: list[str] = []
        if self.tokens:
            extra.append(f'"tokens":{json.dumps(self.tokens.offsets(), separators=(",", ":"))}')
        if self.sentences:
            rows = self.sentences.offsets_and_langs()
            extra.append(f'"sentences":{json.dumps(rows, ensure_ascii=False, separators=(",", ":"))}')
        if self.error is not None:
            extra.append(f'"error":{json.dumps(self.error)}')
        return line[:-1] + "".join("," + x for x in extra) + "}" if extra else line

    @classmethod
    def from_json(cls, line: str | bytes) -> Document:
        """Load one line of :meth:`to_json` or of the gold format; unknown top-level keys are ignored.

        Raises:
            ValueError: not JSON, nested too deeply, a number too long to read, or a
                document that fails validation.
        """
        try:
            data = json.loads(line)
            if isinstance(data, dict) and data.get(CODE_UNITS_KEY) == CODE_UNITS_VALUE:
                data = loads_code_units(line if isinstance(line, str) else line.decode("utf-8"))
        except RecursionError:
            raise ValueError("JSON nested too deeply to read") from None
        if not isinstance(data, dict):
            raise ValueError("a document line must be a JSON object")
        known = {k: v for k, v in data.items() if k in _ALL_FIELDS}
        return cls.model_validate(known)

    def _repr_html_(self) -> str:
        from arfa.display import render_html

        return render_html(self)

    def __str__(self) -> str:
        found = ", ".join(f"{e.text} ({e.label})" for e in self.entities)
        return f"Document(lang={self.lang}, {len(self.entities)} entities: {found})"

