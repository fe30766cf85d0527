"""The :class:`Pipeline`: language segments -> tokens -> recognizers -> document rules -> merge -> link.

Every recognizer works on :func:`arfa.normalize.normalize` output and its spans are
mapped back to the caller's string before an :class:`~arfa.models.Entity` is built,
so ``doc.text[e.start:e.end] == e.text`` always holds.
"""

from __future__ import annotations

import datetime as dt
import gc
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arfa import registry
from arfa.chunking import chunk_parts
from arfa.errors import PipelineConfigError, UnsupportedLanguageError
from arfa.kb.store import KBEntity, KnowledgeBase, load_default_kb, load_entities
from arfa.langid import detect, segments
from arfa.models import Document, Entity, Label
from arfa.normalize import normalize
from arfa.recognize.base import Candidate, Recognizer, Segment, adapt_recognizer
from arfa.recognize.document import apply_document_rules, repeated_surnames
from arfa.recognize.merge import merge
from arfa.recognize.titled import people_after_titles
from arfa.spans import SpanBuilder
from arfa.tokenize.base import SUPPORTED, Tokenizer, get_tokenizer, regex_tokens, split_sentences

__all__ = ["DEFAULT_RECOGNIZERS", "MODELS", "SUPPORTED_LANGS", "Pipeline", "extract"]

SUPPORTED_LANGS = SUPPORTED
DEFAULT_RECOGNIZERS: tuple[str, ...] = ("gazetteer", "dates", "crf")
MODELS: dict[str, tuple[str, ...]] = {
    "default": DEFAULT_RECOGNIZERS,
    "accurate": ("gazetteer", "dates", "crf", "neural"),
}
"""The recognizer chains ``Pipeline(model=...)`` names: ``accurate`` adds the BiLSTM-CRF
to the CRF, their chunks competing in the merge (the ``neural`` extra; the best chain on
every dev part, and slower: docs/models.md)."""

TITLE_FRAMES = True
"""Whether a name right after a title and its complement is a person where nothing else
was found (:mod:`arfa.recognize.titled`); ``False`` turns the rule off for comparison."""

SURNAMES = True
"""Whether a person's surname is found again where it recurs in the document
(:func:`arfa.recognize.document.repeated_surnames`); ``False`` turns the rule off."""

FREEZE_LOADED = True
"""Whether a pipeline moves what is alive once it is loaded into the garbage collector's
permanent generation (:func:`gc.freeze`): after construction, and after the first
document of each language (hazm and camel-tools load then). Each full collection
otherwise walks the 430,000-odd container objects of the loaded knowledge base, models
and libraries again, for nothing: they live as long as the pipeline. Frozen objects are
still freed when nothing refers to them; only reference cycles among them wait for
:func:`gc.unfreeze`. ``False`` leaves the collector as it is."""

if TYPE_CHECKING:
    from arfa.kb.link import Linker

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
    """Everything a pipeline is built from: what pickling sends and a worker rebuilds."""

    lang: str | None
    recognizers: tuple[str | Recognizer, ...]
    extra_entities: tuple[KBEntity, ...]
    kb: KnowledgeBase | None  # None: the built-in knowledge base
    link: bool
    tokenizers: tuple[tuple[str, str | Tokenizer], ...] = ()
    linker: str | Linker = "kb"


def _rebuild(config: _Config) -> Pipeline:
    """A pipeline from its configuration (how a pickled pipeline is restored)."""
    return Pipeline._from_config(config)


class Pipeline:
    """A reusable extractor: costly set-up once, then many documents.

    Every component is built and loaded here, for both languages when ``lang`` is
    ``None``, so a bad set-up (an unknown name, a missing model, a component that
    lacks a language) raises at construction, never on the first document.

    A pipeline never changes the knowledge base it is given: ``extra_entities``
    go into a new one (:meth:`~arfa.kb.store.KnowledgeBase.extended`), so other
    pipelines and :func:`extract` do not see them. A pipeline pickles by its
    configuration and is rebuilt on unpickling (for spawn-start process pools).

    Args:
        lang: ``"ar"``, ``"fa"``, or ``None`` to detect the language of each
            sentence from the text.
        recognizers: registry names (see :func:`arfa.registry.available`) or
            objects following :class:`~arfa.recognize.base.Recognizer`.
        extra_entities: more knowledge-base entities, as a YAML file path or a
            list of mappings in the format of the package's own KB files.
        kb: a knowledge base to use instead of the built-in one.
        link: whether to link ORG/PER/LOC mentions to canonical entities.
        tokenizers: per language, a registered tokenizer name or a
            :class:`~arfa.tokenize.base.Tokenizer` instead of the built-in one.
        linker: a registered linker name or a :class:`~arfa.kb.link.Linker`.
        model: the built-in recognizer chain when ``recognizers`` is not given
            (:data:`MODELS`): ``"default"`` (gazetteer, dates, CRF) or ``"accurate"``
            (the CRF and the BiLSTM-CRF together; needs ``pip install 'arfa[neural]'``).

    Raises:
        UnsupportedLanguageError: ``lang`` is not supported.
        PipelineConfigError: an unknown component, or one lacking a language the
            pipeline serves.
        ModelNotFoundError: a model a component needs is not where it looked.
        ModelLoadError: a model file that cannot be loaded.
        BackendUnavailableError: a component's optional package is not installed.
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
        tokenizers: Mapping[str, str | Tokenizer] | None = None,
        linker: str | Linker = "kb",
        model: str = "default",
    ) -> None:
        self.lang = _check_lang(lang)
        if model not in MODELS:
            raise PipelineConfigError(f"unknown model {model!r}; models: {', '.join(MODELS)}")
        if recognizers is not None and model != "default":
            raise PipelineConfigError("pass either recognizers= or model=, not both")
        chosen = tuple(MODELS[model] if recognizers is None else recognizers)
        if not chosen:
            raise PipelineConfigError("a pipeline needs at least one recognizer")
        extras = tuple(load_entities(extra_entities)) if extra_entities is not None else ()
        base = kb if kb is not None else load_default_kb()
        self.kb = base.extended(extras) if extras else base
        self.link = link
        self._chosen = chosen
        # the built-in KB travels as None: a worker loads its own instead of a pickled copy
        self._config = _Config(self.lang, chosen, extras, None if kb is load_default_kb() else kb, link,
                               tuple(sorted((tokenizers or {}).items())), linker)
        self._lock = threading.Lock()
        self._tokenizers: dict[str, Tokenizer] = {}
        self._components: dict[str, list[Recognizer]] = {}
        for code in (self.lang,) if self.lang else SUPPORTED_LANGS:
            self._build_language(code)
        self._linker = self._build_linker(linker) if link else None
        self._unfrozen = set(SUPPORTED_LANGS)  # languages whose first document may load more
        _freeze()

    @classmethod
    def _from_config(cls, config: _Config) -> Pipeline:
        return cls(config.lang, recognizers=config.recognizers,
                   extra_entities=list(config.extra_entities) or None, kb=config.kb, link=config.link,
                   tokenizers=dict(config.tokenizers), linker=config.linker)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self._config,))

    def __repr__(self) -> str:
        names = [r if isinstance(r, str) else r.name for r in self._chosen]
        return f"Pipeline(lang={self.lang!r}, recognizers={names!r}, kb={len(self.kb)} entities)"

    def _build_language(self, lang: str) -> list[Recognizer]:
        """Build the tokenizer and recognizers of ``lang`` (once; thread-safe)."""
        with self._lock:
            built = self._components.get(lang)
            if built is None:
                spec = dict(self._config.tokenizers).get(lang, lang)
                self._tokenizers[lang] = self._build_tokenizer(lang, spec)
                built = self._components[lang] = self._build_recognizers(lang)
        return built

    def _build_tokenizer(self, lang: str, spec: str | Tokenizer) -> Tokenizer:
        if isinstance(spec, str):
            if spec == lang:
                return get_tokenizer(lang)  # the shared built-in (or plug-in) tokenizer
            built: Tokenizer = registry.create(spec, registry.Context(lang, self.kb), kind="tokenizer")
            return built
        if not isinstance(spec, Tokenizer):
            raise PipelineConfigError(f"not a tokenizer: {spec!r}")
        return spec

    def _build_recognizers(self, lang: str) -> list[Recognizer]:
        built: list[Recognizer] = []
        ctx = registry.Context(lang, self.kb)
        for spec in self._chosen:
            if isinstance(spec, str):
                try:
                    built.append(registry.create(spec, ctx))
                except PipelineConfigError as exc:
                    if self.lang is None and "does not support" in str(exc):
                        raise PipelineConfigError(
                            f"{exc}; with lang=None a pipeline serves both 'ar' and 'fa': "
                            "pass lang= for a single-language pipeline") from exc
                    raise
                continue
            recognizer = adapt_recognizer(spec)
            if lang not in recognizer.langs:
                raise PipelineConfigError(f"recognizer {recognizer.name!r} does not support {lang!r}")
            built.append(recognizer)
        return built

    def _build_linker(self, spec: str | Linker) -> Linker:
        from arfa.kb.link import Linker

        if isinstance(spec, str):
            built: Linker = registry.create(spec, registry.Context(None, self.kb), kind="linker")
            return built
        if not isinstance(spec, Linker):
            raise PipelineConfigError(f"not a linker: {spec!r}")
        return spec

    def __call__(
        self,
        text: str,
        *,
        lang: str | None = None,
        doc_date: dt.date | str | None = None,
        id: str | int | None = None,
    ) -> Document:
        """Process one text.

        Args:
            text: the document.
            lang: its language, overriding the pipeline's.
            doc_date: the document date, for deictic dates.
            id: the document id; a non-``str`` id is converted with ``str()``, as
                :meth:`pipe` does.

        Raises:
            TypeError: ``text`` is not a ``str``.
            UnsupportedLanguageError: ``lang`` is not supported.
            PipelineConfigError: a component of this pipeline lacks ``lang`` (when the
                pipeline was built for the other language).
        """
        if not isinstance(text, str):
            raise TypeError(f"arfa expects text as str, not {type(text).__name__}")
        ident = None if id is None else id if isinstance(id, str) else str(id)
        code = _check_lang(lang) or self.lang
        if code is not None and code not in self._components:
            self._build_language(code)  # a language asked for per call, as in a JSONL item
        date = _as_date(doc_date)
        if _blank(text):
            return Document(id=ident, lang=code or "und", text=text, doc_date=date)
        if code is not None:
            parts = [(0, len(text), code)]
        else:
            parts = segments(text, split_sentences(text, ()))
        tokens, sentences = SpanBuilder(), SpanBuilder()
        read: list[Segment] = []
        found: list[list[Candidate]] = []
        for start, end, part_lang in chunk_parts(text, parts):  # long parts in pieces: bounded memory
            segment = self._read(text, start, end, part_lang, date, tokens, sentences)
            if segment is not None:
                found.append([c for r in self._components[segment.lang] for c in r(segment)])
                read.append(replace(segment, tokens=(), sentences=()))  # mapping back needs text and norm
        entities: list[Entity] = []
        for segment, merged in zip(read, resolve(read, apply_document_rules(found), self.kb)):
            entities.extend(_entities(segment, merged))
        doc_lang = code or detect(text)
        if self._linker is not None:
            entities = self._link(entities, doc_lang)
        if doc_lang in self._unfrozen:  # the first document of a language loaded its tokenizer's backend
            self._unfrozen.discard(doc_lang)
            _freeze()
        return Document(id=ident, lang=doc_lang, text=text, doc_date=date, entities=tuple(entities),
                        tokens=tokens.tokens(text), sentences=sentences.sentences(text))

    def _read(
        self, text: str, start: int, end: int, lang: str, date: dt.date | None,
        tokens: SpanBuilder, sentences: SpanBuilder,
    ) -> Segment | None:
        """Tokenize one language segment; the :class:`Segment` recognizers see, if supported."""
        piece = text[start:end]
        if lang not in self._components:
            tokens.add(regex_tokens(piece), start)
            for s, e in split_sentences(piece, ()):
                sentences.append(s + start, e + start, "und")
            return None
        tokenized = self._tokenizers[lang](piece)
        tokens.add(tokenized.tokens, start)
        sentences.add(tokenized.sentences, start, lang)
        return Segment(piece, start, normalize(piece), tokenized.tokens, tokenized.sentences, lang, date)

    def _link(self, entities: list[Entity], lang: str) -> list[Entity]:
        from arfa.kb.link import Mention

        assert self._linker is not None
        named = [e for e in entities if e.label is not Label.DATE]
        if not named:
            return entities
        mentions = [Mention(e.start, e.end, e.text, e.label, e.canonical_id) for e in named]
        links = iter(self._linker(mentions, lang))
        out: list[Entity] = []
        for entity in entities:
            if entity.label is Label.DATE:
                out.append(entity)
                continue
            linked = next(links)
            out.append(entity.model_copy(update={
                "canonical": linked.canonical, "wikidata": linked.wikidata,
                "canonical_id": linked.canonical_id, "link_score": linked.score,
                "label": linked.label or entity.label,
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
        ``lang``, ``doc_date``. An item without an id gets its position in the
        stream (``"0"``, ``"1"`` ...) as its id. A document that fails yields a
        ``Document`` whose ``error`` says why (and has no entities); the others
        are unaffected. If
        ``texts`` itself raises, the documents read before are yielded first, then
        the error propagates, whatever ``n_process``.

        Args:
            texts: any iterable of items (not one ``str``), consumed lazily.
            batch_size: documents per work unit.
            n_process: processes at work, this one included: 1 runs here only; more
                starts ``n_process - 1`` workers, and this process takes a batch
                whenever it would otherwise wait. On Linux the workers are forked and
                share the loaded pipeline (see :mod:`arfa.parallel`).
            doc_date: default document date for items that give none.

        Raises:
            TypeError: ``texts`` is a single ``str`` or ``bytes``, or not iterable.
            ValueError: ``batch_size`` or ``n_process`` below 1.
        """
        if isinstance(texts, (str, bytes, bytearray)):
            raise TypeError(f"pipe() takes an iterable of texts, not one {type(texts).__name__}; "
                            "call the pipeline on a single text")
        if not isinstance(texts, Iterable):
            raise TypeError(f"pipe() takes an iterable of texts, not {type(texts).__name__}")
        if batch_size < 1 or n_process < 1:
            raise ValueError("batch_size and n_process must be at least 1")
        items = (_positioned(i, item) for i, item in enumerate(texts))
        if n_process == 1:
            return (self._safe(item, doc_date) for item in items)
        from arfa.parallel import run_parallel

        return run_parallel(self, items, batch_size, n_process, doc_date)

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


def resolve(
    segments: Sequence[Segment], candidates: Sequence[Sequence[Candidate]], kb: KnowledgeBase
) -> list[list[Candidate]]:
    """Each segment's candidates after the merge and the rules that follow it.

    The merge (:func:`arfa.recognize.merge.merge`), then, where :data:`TITLE_FRAMES`, the
    persons named after a title, then, where :data:`SURNAMES`, the surnames found again
    across the whole document. ``candidates`` are those the document rules kept.
    """
    groups: list[list[Candidate]] = []
    for segment, found in zip(segments, candidates):
        merged = merge(found, segment.norm.text)
        if TITLE_FRAMES:
            people = people_after_titles(segment.norm.text, merged, segment.lang, kb)
            if people:
                merged = merge([*merged, *people])
        groups.append(merged)
    if SURNAMES:
        groups = repeated_surnames([s.norm.text for s in segments], groups, [s.lang for s in segments])
    return groups


def _entities(segment: Segment, candidates: Sequence[Candidate]) -> Iterator[Entity]:
    """Entities of merged candidates, mapped from normalized to document offsets.

    Candidates that do not overlap in normalized text can overlap once mapped back, where
    one original character became several (``ﷺ``); the later of two such entities is left
    out, so entities never overlap.
    """
    piece, start, norm = segment.text, segment.offset, segment.norm
    last_end = 0
    for cand in candidates:
        s, e = norm.span_to_orig(cand.start, cand.end)
        while s < e and piece[s].isspace():
            s += 1
        while e > s and piece[e - 1].isspace():
            e -= 1
        while e < len(piece) and _trails(piece[e]):
            e += 1  # marks and tatweel that normalize() dropped belong to the last letter
        if s == e or s < last_end:
            continue
        last_end = e
        yield Entity(
            start=s + start, end=e + start, text=piece[s:e], label=cand.label,
            value=cand.value, calendar=cand.calendar, score=round(cand.score, 4),
            source=cand.source, canonical_id=cand.kb_id,
        )


def _freeze() -> None:
    """:func:`gc.freeze` where :data:`FREEZE_LOADED` says so."""
    if FREEZE_LOADED:
        gc.freeze()


def _positioned(index: int, item: Any) -> Any:
    """``item`` as a mapping whose id defaults to its position in the stream."""
    if isinstance(item, Mapping):
        return item if item.get("id") is not None else {**item, "id": str(index)}
    return {"text": item, "id": str(index)}


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
