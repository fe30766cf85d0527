"""The :class:`Pipeline`: language segments -> tokens -> recognizers -> merge -> link.

Every recognizer works on :func:`arfa.normalize.normalize` output and its spans are
mapped back to the caller's string before an :class:`~arfa.models.Entity` is built,
so ``doc.text[e.start:e.end] == e.text`` always holds.
"""

from __future__ import annotations

import datetime as dt
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from arfa import registry
from arfa.errors import PipelineConfigError, UnsupportedLanguageError
from arfa.kb.store import KBEntity, KnowledgeBase, load_default_kb, load_entities
from arfa.langid import detect, segments
from arfa.models import Document, Entity, Label, Sentence, Token
from arfa.normalize import normalize
from arfa.recognize.base import Candidate, Recognizer
from arfa.recognize.merge import merge
from arfa.tokenize.base import SUPPORTED, get_tokenizer, regex_tokens, split_sentences

__all__ = ["DEFAULT_RECOGNIZERS", "SUPPORTED_LANGS", "Pipeline", "extract"]

SUPPORTED_LANGS = SUPPORTED
DEFAULT_RECOGNIZERS: tuple[str, ...] = ("gazetteer", "dates", "crf")

ExtraEntities = str | Path | Sequence[Mapping[str, Any] | KBEntity] | None
Item = str | Mapping[str, Any]


def _check_lang(lang: object, *, allow_none: bool = True) -> str | None:
    if lang is None and allow_none:
        return None
    if not isinstance(lang, str) or lang not in SUPPORTED_LANGS:
        raise UnsupportedLanguageError(lang, SUPPORTED_LANGS)
    return lang


def _as_date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:  # the whole string: "2021-07-16junk" is an error, not 2021-07-16
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            raise ValueError(f"doc_date {value!r} is not an ISO date (YYYY-MM-DD)") from None
    raise TypeError(f"doc_date must be a date or an ISO string, not {type(value).__name__}")


@dataclass(frozen=True)
class _Config:
    """What a worker process needs to rebuild the same pipeline."""

    lang: str | None
    recognizers: tuple[str, ...]
    extra_entities: tuple[KBEntity, ...]
    link: bool


class Pipeline:
    """A reusable extractor: costly set-up once, then many documents.

    Args:
        lang: ``"ar"``, ``"fa"``, or ``None`` to detect the language of each
            sentence from the text.
        recognizers: registry names (see :func:`arfa.registry.available`) or
            objects following :class:`~arfa.recognize.base.Recognizer`.
        extra_entities: more knowledge-base entities, as a YAML file path or a
            list of mappings in the format of the package's own KB files.
        kb: a knowledge base to use instead of the built-in one.
        link: whether to link ORG/PER/LOC mentions to canonical entities.

    Raises:
        UnsupportedLanguageError: ``lang`` is not supported.
        PipelineConfigError: an unknown recognizer, or one lacking the language.
        KnowledgeBaseError: an invalid extra entity (the message names it).

    Examples:
        >>> nlp = Pipeline("ar")
        >>> doc = nlp("اجتمع وزراء خارجية منظمة شنغهاي للتعاون في طشقند.")
        >>> [(e.text, e.label.value, e.canonical) for e in doc.entities]
        [('منظمة شنغهاي للتعاون', 'ORG', 'Shanghai Cooperation Organisation'), ('طشقند', 'LOC', 'Tashkent')]
    """

    def __init__(
        self,
        lang: str | None = None,
        *,
        recognizers: Sequence[str | Recognizer] | None = None,
        extra_entities: ExtraEntities = None,
        kb: KnowledgeBase | None = None,
        link: bool = True,
    ) -> None:
        self.lang = _check_lang(lang)
        chosen = tuple(DEFAULT_RECOGNIZERS if recognizers is None else recognizers)
        if not chosen:
            raise PipelineConfigError("a pipeline needs at least one recognizer")
        extras = tuple(load_entities(extra_entities)) if extra_entities is not None else ()
        if kb is None:
            kb = load_default_kb()
            if extras:
                kb = KnowledgeBase(kb)
        if extras:
            kb.add(extras)
        self.kb = kb
        self.link = link
        self._chosen = chosen
        self._config = _Config(
            self.lang, tuple(r for r in chosen if isinstance(r, str)), extras, link
        )
        self._components: dict[str, list[Recognizer]] = {}
        self._lock = threading.Lock()
        for code in (self.lang,) if self.lang else ():
            self._recognizers(code)

    def __repr__(self) -> str:
        names = [r if isinstance(r, str) else r.name for r in self._chosen]
        return f"Pipeline(lang={self.lang!r}, recognizers={names!r}, kb={len(self.kb)} entities)"

    def _recognizers(self, lang: str) -> list[Recognizer]:
        built = self._components.get(lang)
        if built is not None:
            return built
        with self._lock:
            built = self._components.get(lang)
            if built is None:
                built = []
                for spec in self._chosen:
                    if isinstance(spec, str):
                        built.append(registry.create(spec, lang, self.kb))
                    elif isinstance(spec, Recognizer):
                        if lang not in spec.langs:
                            raise PipelineConfigError(f"recognizer {spec.name!r} does not support {lang!r}")
                        built.append(spec)
                    else:
                        raise PipelineConfigError(f"not a recognizer: {spec!r}")
                get_tokenizer(lang)
                self._components[lang] = built
        return built

    def __call__(
        self,
        text: str,
        *,
        lang: str | None = None,
        doc_date: dt.date | str | None = None,
        id: str | None = None,
    ) -> Document:
        """Process one text.

        Raises:
            TypeError: ``text`` is not a ``str``.
            UnsupportedLanguageError: ``lang`` is not supported.
        """
        if not isinstance(text, str):
            raise TypeError(f"arfa expects text as str, not {type(text).__name__}")
        code = _check_lang(lang) or self.lang
        date = _as_date(doc_date)
        if _blank(text):
            return Document(id=id, lang=code or "und", text=text, doc_date=date)
        if code is not None:
            parts = [(0, len(text), code)]
        else:
            parts = segments(text, split_sentences(text, ()))
        tokens: list[Token] = []
        sentences: list[Sentence] = []
        entities: list[Entity] = []
        for start, end, part_lang in parts:
            self._segment(text, start, end, part_lang, date, tokens, sentences, entities)
        doc_lang = code or detect(text)
        if self.link:
            entities = self._link(entities, doc_lang)
        return Document(id=id, lang=doc_lang, text=text, doc_date=date, entities=tuple(entities),
                        tokens=tuple(tokens), sentences=tuple(sentences))

    def _segment(
        self, text: str, start: int, end: int, lang: str, date: dt.date | None,
        tokens: list[Token], sentences: list[Sentence], entities: list[Entity],
    ) -> None:
        piece = text[start:end]
        if lang not in SUPPORTED_LANGS:
            tokens.extend(t.shifted(start) for t in regex_tokens(piece))
            sentences.extend(
                Sentence(start=s + start, end=e + start, text=text[s + start : e + start], lang="und")
                for s, e in split_sentences(piece, ())
            )
            return
        recognizers = self._recognizers(lang)
        tokenized = get_tokenizer(lang)(piece)
        tokens.extend(t.shifted(start) for t in tokenized.tokens)
        sentences.extend(
            Sentence(start=s.start + start, end=s.end + start, text=s.text, lang=lang)
            for s in tokenized.sentences
        )
        norm = normalize(piece)
        candidates: list[Candidate] = []
        for recognizer in recognizers:
            candidates.extend(recognizer(norm, tokenized.tokens, doc_date=date))
        for cand in merge(candidates):
            s, e = norm.span_to_orig(cand.start, cand.end)
            while s < e and piece[s].isspace():
                s += 1
            while e > s and piece[e - 1].isspace():
                e -= 1
            while e < len(piece) and _trails(piece[e]):
                e += 1  # marks and tatweel that normalize() dropped belong to the last letter
            if s == e:
                continue
            entities.append(Entity(
                start=s + start, end=e + start, text=piece[s:e], label=cand.label,
                value=cand.value, calendar=cand.calendar, score=round(cand.score, 4),
                source=cand.source, canonical_id=cand.kb_id,
            ))

    def _link(self, entities: list[Entity], lang: str) -> list[Entity]:
        from arfa.kb.link import Mention, link_mentions

        named = [e for e in entities if e.label is not Label.DATE]
        if not named:
            return entities
        mentions = [Mention(e.start, e.end, e.text, e.label, e.canonical_id) for e in named]
        links = iter(link_mentions(mentions, self.kb, lang))
        out: list[Entity] = []
        for entity in entities:
            if entity.label is Label.DATE:
                out.append(entity)
                continue
            linked = next(links)
            out.append(entity.model_copy(update={
                "canonical": linked.canonical, "wikidata": linked.wikidata,
                "canonical_id": linked.canonical_id,
            }))
        return out

    def pipe(
        self,
        texts: Iterable[Item],
        *,
        batch_size: int = 64,
        n_process: int = 1,
        doc_date: dt.date | str | None = None,
    ) -> Iterator[Document]:
        """Process a stream of texts lazily, in order.

        Each item is a ``str`` or a mapping with ``text`` and optionally ``id``,
        ``lang``, ``doc_date``. A document that fails yields a ``Document`` whose
        ``error`` says why (and has no entities); the others are unaffected.

        Args:
            texts: any iterable, consumed lazily.
            batch_size: documents per work unit sent to a worker process.
            n_process: worker processes; 1 runs in this process.
            doc_date: default document date for items that give none.
        """
        if batch_size < 1 or n_process < 1:
            raise ValueError("batch_size and n_process must be at least 1")
        if n_process == 1:
            for item in texts:
                yield self._safe(item, doc_date)
            return
        if len(self._config.recognizers) != len(self._chosen):
            raise PipelineConfigError("n_process > 1 needs recognizers given by name, so workers can rebuild them")
        from arfa.parallel import run_parallel

        yield from run_parallel(self._config, texts, batch_size, n_process, doc_date)

    def _safe(self, item: Item, doc_date: dt.date | str | None) -> Document:
        text: Any = item
        ident: Any = None
        try:
            lang: Any = None
            date: Any = doc_date
            if isinstance(item, Mapping):
                text, ident = item.get("text"), item.get("id")
                lang, date = item.get("lang"), item.get("doc_date", doc_date) or doc_date
                if ident is not None:
                    ident = str(ident)
            return self(text, lang=lang, doc_date=date, id=ident)
        except Exception as exc:  # one bad document never loses the batch
            return Document(id=ident, text=text if isinstance(text, str) else "",
                            error=f"{type(exc).__name__}: {exc}")


def _blank(text: str) -> bool:
    """Only whitespace and invisible format characters (ZWNJ, bidi marks, BOM)."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text)


def _trails(ch: str) -> bool:
    return ch == "\u0640" or unicodedata.category(ch) == "Mn"


_DEFAULTS: dict[str | None, Pipeline] = {}
_DEFAULTS_LOCK = threading.Lock()


def extract(text: str, lang: str | None = None, doc_date: dt.date | str | None = None) -> Document:
    """Find and link the entities of ``text`` with the built-in models.

    Builds one default :class:`Pipeline` per language on first use and reuses it.

    Examples:
        >>> doc = extract("عقدت منظمة الأمن والتعاون في أوروبا اجتماعها في فيينا", lang="ar")
        >>> [(e.text, e.canonical) for e in doc.entities]
        [('منظمة الأمن والتعاون في أوروبا', 'Organization for Security and Co-operation in Europe'), ('فيينا', 'Vienna')]
    """
    if not isinstance(text, str):
        raise TypeError(f"arfa expects text as str, not {type(text).__name__}")
    key = _check_lang(lang)
    nlp = _DEFAULTS.get(key)
    if nlp is None:
        with _DEFAULTS_LOCK:
            nlp = _DEFAULTS.get(key)
            if nlp is None:
                nlp = _DEFAULTS[key] = Pipeline(key)
    return nlp(text, doc_date=doc_date)
