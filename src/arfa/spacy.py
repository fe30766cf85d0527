"""arfa as a spaCy pipeline component (``pip install 'arfa[spacy]'``).

``nlp.add_pipe("arfa")`` fills ``doc.ents`` with arfa's entities, so displaCy and
spaCy-based code work unchanged. Each entity span carries:

- ``ent.label_``: ``ORG``, ``PER``, ``LOC`` or ``DATE``;
- ``ent.kb_id_``: arfa's canonical id (``""`` when there is none);
- ``ent._.canonical``, ``ent._.wikidata``, ``ent._.value`` (ISO 8601 for dates).

spaCy's tokenizer does not split Arabic proclitics (``والاتحاد`` is one token), while
arfa's entity may start after ``و``. With ``split_tokens`` (the default) the component
splits such tokens at the entity's edges, so every ``ent.text`` is exactly arfa's
entity; without it the span grows to whole tokens. The component is registered
through the ``spacy_factories`` entry point, and also when this module is imported.

Examples:
    >>> import spacy
    >>> nlp = spacy.blank("ar")
    >>> _ = nlp.add_pipe("arfa")
    >>> doc = nlp("وصل الوفد إلى طشقند والقاهرة")
    >>> [(e.text, e.label_, e._.canonical) for e in doc.ents]
    [('طشقند', 'LOC', 'Tashkent'), ('القاهرة', 'LOC', 'Cairo')]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from arfa.pipeline import SUPPORTED_LANGS, Pipeline

__all__ = ["ArfaComponent", "make_component"]

_EXTENSIONS = ("canonical", "wikidata", "value")


class ArfaComponent:
    """The spaCy component: runs an arfa :class:`~arfa.Pipeline` on ``doc.text``.

    Args:
        nlp: the spaCy pipeline it belongs to (its ``lang`` is the default language).
        name: the component's name.
        lang: ``"ar"``, ``"fa"``, or ``None`` for ``nlp.lang`` when arfa supports it,
            detection otherwise.
        recognizers: arfa registry names; ``None`` for the default chain.
        link: whether to link mentions to the knowledge base.
        split_tokens: split spaCy tokens at entity edges (see the module notes).
    """

    def __init__(self, nlp: Any, name: str = "arfa", *, lang: str | None = None,
                 recognizers: Sequence[str] | None = None, link: bool = True,
                 split_tokens: bool = True) -> None:
        from spacy.tokens import Span

        for attr in _EXTENSIONS:
            if not Span.has_extension(attr):
                Span.set_extension(attr, default=None)
        if lang is None and nlp.lang in SUPPORTED_LANGS:
            lang = nlp.lang
        self.name = name
        self.split_tokens = split_tokens
        self.pipeline = Pipeline(lang, recognizers=recognizers, link=link)

    def __call__(self, doc: Any) -> Any:
        from spacy.util import filter_spans

        result = self.pipeline(doc.text)
        if self.split_tokens:
            _split_at(doc, {i for e in result.entities for i in (e.start, e.end)})
        spans = []
        for e in result.entities:
            span = doc.char_span(e.start, e.end, label=e.label.value, kb_id=e.canonical_id or "")
            if span is None:
                span = doc.char_span(e.start, e.end, label=e.label.value, kb_id=e.canonical_id or "",
                                     alignment_mode="expand")
            if span is None:
                continue
            span._.canonical, span._.wikidata, span._.value = e.canonical, e.wikidata, e.value
            spans.append(span)
        doc.ents = filter_spans(spans)
        return doc


def _split_at(doc: Any, cuts: set[int]) -> None:
    """Split every token of ``doc`` that one of the character offsets ``cuts`` falls inside."""
    plans = []
    for token in doc:
        inner = sorted(c - token.idx for c in cuts if token.idx < c < token.idx + len(token.text))
        if inner:
            edges = [0, *inner, len(token.text)]
            plans.append((token, [token.text[a:b] for a, b in zip(edges, edges[1:])]))
    if not plans:
        return
    with doc.retokenize() as retokenizer:
        for token, orths in plans:
            retokenizer.split(token, orths, heads=[(token, 0)] * len(orths))


def make_component(nlp: Any, name: str, lang: str | None, recognizers: list[str] | None, link: bool,
                   split_tokens: bool) -> ArfaComponent:
    """The ``arfa`` factory that spaCy calls for ``nlp.add_pipe("arfa")``."""
    return ArfaComponent(nlp, name, lang=lang, recognizers=recognizers, link=link, split_tokens=split_tokens)


def _register() -> None:
    try:
        from spacy.language import Language
    except ImportError:  # the module stays importable (and its docs testable) without spaCy
        return
    if not Language.has_factory("arfa"):
        Language.factory(
            "arfa",
            default_config={"lang": None, "recognizers": None, "link": True, "split_tokens": True},
            func=make_component,
        )


_register()
