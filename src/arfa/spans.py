"""Compact token and sentence storage: offsets in arrays, models built on access.

A 10 MB document has about two million tokens; as pydantic objects they cost about
390 bytes each. :class:`TokenList` keeps only two ``array('q')`` of offsets (16 bytes
a token) and the document's text, and builds a :class:`~arfa.models.Token` each time
one is read, the way spaCy's ``Doc`` keeps a C array of ``TokenC`` and makes ``Token``
views on access. :class:`SentenceList` does the same for sentences.

Both are immutable :class:`~collections.abc.Sequence` objects: they index, slice,
iterate, compare equal to a tuple of the same models and pickle compactly.

Examples:
    >>> tokens = TokenList("في فيينا", [0, 3], [2, 8])
    >>> [t.text for t in tokens]
    ['في', 'فيينا']
    >>> tokens[-1]
    Token(start=3, end=8, text='فيينا')
    >>> tokens == (tokens[0], tokens[1])
    True
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

from pydantic_core import core_schema

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue

    from arfa.models import Sentence, Token

__all__ = ["SentenceList", "SpanBuilder", "TokenList"]


def _offsets(values: Iterable[int]) -> array[int]:
    return values if isinstance(values, array) and values.typecode == "q" else array("q", values)


class _SpanList:
    """Shared storage of :class:`TokenList` and :class:`SentenceList`."""

    __slots__ = ("_ends", "_starts", "text")

    def __init__(self, text: str, starts: Iterable[int], ends: Iterable[int]) -> None:
        self.text = text
        self._starts = _offsets(starts)
        self._ends = _offsets(ends)
        if len(self._starts) != len(self._ends):
            raise ValueError("starts and ends differ in length")

    def __len__(self) -> int:
        return len(self._starts)

    def offsets(self) -> list[tuple[int, int]]:
        """``(start, end)`` of every span."""
        return list(zip(self._starts, self._ends))

    def _index(self, i: int) -> int:
        n = len(self._starts)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("span index out of range")
        return i

    def _same_offsets(self, other: _SpanList) -> bool:
        return self._starts == other._starts and self._ends == other._ends

    def check(self, text: str) -> None:
        """Raise ``ValueError`` unless every span slices ``text`` as it slices its own."""
        if self.text is not text and self.text != text:
            if any(self.text[s:e] != text[s:e] for s, e in zip(self._starts, self._ends)):
                raise ValueError(f"{type(self).__name__} does not match the document text")
        n = len(text)
        for s, e in zip(self._starts, self._ends):
            if not 0 <= s <= e <= n:
                raise ValueError(f"span {s}:{e} does not fit a text of {n} characters")

    __hash__ = None  # type: ignore[assignment]

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": "array", "items": {"type": "array", "items": {"type": ["integer", "string"]}}}


class TokenList(_SpanList, Sequence["Token"]):
    """The tokens of a text, stored as offsets; each access builds a :class:`~arfa.models.Token`.

    Args:
        text: the text the offsets index.
        starts: start offset of each token.
        ends: end offset of each token.
    """

    __slots__ = ()

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> TokenList: ...

    def __getitem__(self, i: int | slice) -> Token | TokenList:
        from arfa.models import Token

        if isinstance(i, slice):
            return TokenList(self.text, self._starts[i], self._ends[i])
        i = self._index(i)
        return Token.of(self.text, self._starts[i], self._ends[i])

    def __iter__(self) -> Iterator[Token]:
        from arfa.models import Token

        text = self.text
        for s, e in zip(self._starts, self._ends):
            yield Token.of(text, s, e)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TokenList):
            if self.text is other.text or self.text == other.text:
                return self._same_offsets(other)
        elif not isinstance(other, (tuple, list)):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    def __repr__(self) -> str:
        shown = ", ".join(repr(t) for t in self[:3])
        more = ", ..." if len(self) > 3 else ""
        return f"TokenList([{shown}{more}], n={len(self)})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (TokenList, (self.text, self._starts, self._ends))

    @classmethod
    def of(cls, text: str, tokens: Iterable[Any]) -> TokenList:
        """A list from :class:`~arfa.models.Token` objects, mappings or ``(start, end)`` pairs."""
        builder = SpanBuilder()
        for t in tokens:
            if isinstance(t, (tuple, list)):
                builder.append(int(t[0]), int(t[1]))
            elif isinstance(t, dict):
                builder.append(int(t["start"]), int(t["end"]))
                if "text" in t and text[t["start"] : t["end"]] != t["text"]:
                    raise ValueError(f"Token {t['text']!r} does not match the document text")
            else:
                builder.append(t.start, t.end)
                if text[t.start : t.end] != t.text:
                    raise ValueError(f"Token {t.text!r} does not match the document text")
        return builder.tokens(text)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.is_instance_schema(
            cls, serialization=core_schema.plain_serializer_function_ser_schema(lambda v: v.offsets())
        )


class SentenceList(_SpanList, Sequence["Sentence"]):
    """The sentences of a text, stored as offsets and language codes.

    Args:
        text: the text the offsets index.
        starts: start offset of each sentence.
        ends: end offset of each sentence.
        langs: the language each sentence was processed as.
    """

    __slots__ = ("_langs",)

    def __init__(self, text: str, starts: Iterable[int], ends: Iterable[int], langs: Iterable[str]) -> None:
        super().__init__(text, starts, ends)
        self._langs = tuple(langs)
        if len(self._langs) != len(self._starts):
            raise ValueError("one language per sentence is needed")

    @overload
    def __getitem__(self, i: int) -> Sentence: ...

    @overload
    def __getitem__(self, i: slice) -> SentenceList: ...

    def __getitem__(self, i: int | slice) -> Sentence | SentenceList:
        if isinstance(i, slice):
            return SentenceList(self.text, self._starts[i], self._ends[i], self._langs[i])
        i = self._index(i)
        return self._make(self._starts[i], self._ends[i], self._langs[i])

    def _make(self, s: int, e: int, lang: str) -> Sentence:
        from arfa.models import Sentence

        return Sentence.model_construct(start=s, end=e, text=self.text[s:e], lang=lang)

    def __iter__(self) -> Iterator[Sentence]:
        for s, e, lang in zip(self._starts, self._ends, self._langs):
            yield self._make(s, e, lang)

    def offsets_and_langs(self) -> list[tuple[int, int, str]]:
        """``(start, end, lang)`` of every sentence."""
        return list(zip(self._starts, self._ends, self._langs))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SentenceList):
            if self.text is other.text or self.text == other.text:
                return self._same_offsets(other) and self._langs == other._langs
        elif not isinstance(other, (tuple, list)):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    def __repr__(self) -> str:
        shown = ", ".join(repr(s) for s in self[:2])
        more = ", ..." if len(self) > 2 else ""
        return f"SentenceList([{shown}{more}], n={len(self)})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (SentenceList, (self.text, self._starts, self._ends, self._langs))

    @classmethod
    def of(cls, text: str, sentences: Iterable[Any]) -> SentenceList:
        """A list from :class:`~arfa.models.Sentence` objects, mappings or ``(start, end, lang)``."""
        builder = SpanBuilder()
        for s in sentences:
            if isinstance(s, (tuple, list)):
                start, end = int(s[0]), int(s[1])
                lang = str(s[2]) if len(s) > 2 else "und"
            elif isinstance(s, dict):
                start, end, lang = int(s["start"]), int(s["end"]), str(s.get("lang", "und"))
                if "text" in s and text[start:end] != s["text"]:
                    raise ValueError(f"Sentence {s['text']!r} does not match the document text")
            else:
                start, end, lang = s.start, s.end, s.lang
                if text[start:end] != s.text:
                    raise ValueError(f"Sentence {s.text!r} does not match the document text")
            builder.append(start, end, lang)
        return builder.sentences(text)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.is_instance_schema(
            cls, serialization=core_schema.plain_serializer_function_ser_schema(
                lambda v: [list(x) for x in v.offsets_and_langs()])
        )


class SpanBuilder:
    """Collects offsets (and languages) while a document is processed.

    Examples:
        >>> b = SpanBuilder()
        >>> b.append(0, 2)
        >>> b.append(3, 8)
        >>> b.tokens("في فيينا")[1].text
        'فيينا'
    """

    __slots__ = ("_ends", "_langs", "_starts")

    def __init__(self) -> None:
        self._starts: array[int] = array("q")
        self._ends: array[int] = array("q")
        self._langs: list[str] = []

    def __len__(self) -> int:
        return len(self._starts)

    def append(self, start: int, end: int, lang: str | None = None) -> None:
        """Add one span (with a language for sentences)."""
        self._starts.append(start)
        self._ends.append(end)
        if lang is not None:
            self._langs.append(lang)

    def add(self, spans: Sequence[Any], offset: int = 0, lang: str | None = None) -> None:
        """Add objects with ``start``/``end`` moved ``offset`` characters later.

        ``lang`` is the language of them all, for sentences; tokens need none.
        """
        self._starts.extend(s.start + offset for s in spans)
        self._ends.extend(s.end + offset for s in spans)
        if lang is not None:
            self._langs.extend([lang] * len(spans))

    def tokens(self, text: str) -> TokenList:
        """The collected spans as tokens of ``text``."""
        return TokenList(text, self._starts, self._ends)

    def sentences(self, text: str) -> SentenceList:
        """The collected spans as sentences of ``text`` (each added with a language)."""
        return SentenceList(text, self._starts, self._ends, self._langs)


EMPTY_TOKENS = TokenList("", (), ())
EMPTY_SENTENCES = SentenceList("", (), (), ())
