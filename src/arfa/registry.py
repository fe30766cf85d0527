"""Name -> factory registry of recognizers.

Built-in recognizers register here with :func:`register`; third-party packages
add theirs through the ``arfa.recognizers`` entry-point group, whose objects are
factories with the signature ``factory(lang: str, kb: KnowledgeBase) -> Recognizer``.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import TYPE_CHECKING

from arfa.errors import PipelineConfigError

if TYPE_CHECKING:
    from arfa.kb.store import KnowledgeBase
    from arfa.recognize.base import Recognizer

__all__ = ["Factory", "available", "create", "register"]

Factory = Callable[[str, "KnowledgeBase"], "Recognizer"]
_FACTORIES: dict[str, Factory] = {}
_ENTRY_POINTS_LOADED = False


def register(name: str) -> Callable[[Factory], Factory]:
    """Decorator that registers a recognizer factory under ``name``."""

    def wrap(factory: Factory) -> Factory:
        _FACTORIES[name] = factory
        return factory

    return wrap


def _load_entry_points() -> None:
    global _ENTRY_POINTS_LOADED
    if _ENTRY_POINTS_LOADED:
        return
    _ENTRY_POINTS_LOADED = True
    for ep in entry_points(group="arfa.recognizers"):
        _FACTORIES.setdefault(ep.name, ep.load())


def available() -> list[str]:
    """Names of every registered recognizer."""
    _load_entry_points()
    return sorted(_FACTORIES)


def create(name: str, lang: str, kb: KnowledgeBase) -> Recognizer:
    """Build the recognizer ``name`` for ``lang``.

    Raises:
        PipelineConfigError: for an unknown name or a language the recognizer lacks.
    """
    _load_entry_points()
    factory = _FACTORIES.get(name)
    if factory is None:
        raise PipelineConfigError(f"unknown recognizer {name!r}; available: {', '.join(available())}")
    recognizer = factory(lang, kb)
    if lang not in recognizer.langs:
        raise PipelineConfigError(f"recognizer {name!r} does not support language {lang!r}")
    return recognizer


@register("gazetteer")
def _gazetteer(lang: str, kb: KnowledgeBase) -> Recognizer:
    from arfa.recognize.gazetteer import GazetteerRecognizer

    return GazetteerRecognizer(kb, lang)


@register("dates")
def _dates(lang: str, kb: KnowledgeBase) -> Recognizer:
    from arfa.dates import DateRecognizer

    return DateRecognizer(lang)


@register("crf")
def _crf(lang: str, kb: KnowledgeBase) -> Recognizer:
    from arfa.recognize.crf import CRFRecognizer

    return CRFRecognizer(lang)


@register("stanza")
def _stanza(lang: str, kb: KnowledgeBase) -> Recognizer:
    from arfa.recognize.stanza_ner import StanzaRecognizer

    return StanzaRecognizer(lang)


@register("camel")
def _camel(lang: str, kb: KnowledgeBase) -> Recognizer:
    from arfa.recognize.camel_ner import CamelRecognizer

    return CamelRecognizer(lang)
