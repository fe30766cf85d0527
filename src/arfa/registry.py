"""Name -> factory registries of every pluggable component kind.

Three kinds of component are registered, each with its entry-point group for
third-party packages:

============  ======================  =============================================
kind          entry-point group       a factory builds
============  ======================  =============================================
recognizer    ``arfa.recognizers``    a :class:`~arfa.recognize.base.Recognizer` for ``ctx.lang``
tokenizer     ``arfa.tokenizers``     a :class:`~arfa.tokenize.base.Tokenizer` for ``ctx.lang``
linker        ``arfa.linkers``        a :class:`~arfa.kb.link.Linker` over ``ctx.kb``
============  ======================  =============================================

A factory takes one :class:`Context` and reads from it what it needs (the language,
the knowledge base). The built-in tokenizers are registered under their language
code (``ar``, ``fa``), the built-in linker as ``kb``. For compatibility, a
recognizer factory with the arfa 0.1 signature ``factory(lang, kb)`` still works.

Examples:
    >>> from arfa import registry
    >>> registry.available("tokenizer"), registry.available("linker")
    (['ar', 'fa'], ['kb'])
    >>> @registry.register("shout", kind="recognizer")
    ... def _shout(ctx: registry.Context) -> object: ...
    >>> "shout" in registry.available()
    True
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any, Literal

from arfa.errors import PipelineConfigError, UnsupportedLanguageError

if TYPE_CHECKING:
    from arfa.kb.link import Linker
    from arfa.kb.store import KnowledgeBase
    from arfa.recognize.base import Recognizer
    from arfa.tokenize.base import Tokenizer

__all__ = ["ENTRY_POINT_GROUPS", "KINDS", "Context", "Factory", "Kind", "available", "create", "register"]

Kind = Literal["recognizer", "tokenizer", "linker"]
KINDS: tuple[Kind, ...] = ("recognizer", "tokenizer", "linker")
ENTRY_POINT_GROUPS: dict[Kind, str] = {
    "recognizer": "arfa.recognizers",
    "tokenizer": "arfa.tokenizers",
    "linker": "arfa.linkers",
}


@dataclass(frozen=True)
class Context:
    """What a factory may use to build its component.

    Attributes:
        lang: the language the component serves (``None`` for a linker, which
            serves the whole document).
        knowledge_base: the pipeline's knowledge base; ``None`` means the built-in
            one, loaded only if a factory asks for :attr:`kb`.
    """

    lang: str | None = None
    knowledge_base: KnowledgeBase | None = None

    @property
    def kb(self) -> KnowledgeBase:
        """The pipeline's knowledge base (the built-in one when none was given)."""
        if self.knowledge_base is None:
            from arfa.kb.store import load_default_kb

            return load_default_kb()
        return self.knowledge_base


Factory = Callable[[Context], Any]
_FACTORIES: dict[Kind, dict[str, Factory]] = {kind: {} for kind in KINDS}
_LOADED: set[Kind] = set()
_LOCK = threading.Lock()


def _check_kind(kind: str) -> Kind:
    if kind not in KINDS:
        raise PipelineConfigError(f"unknown component kind {kind!r}; kinds: {', '.join(KINDS)}")
    return kind


def register(name: str, *, kind: Kind = "recognizer") -> Callable[[Factory], Factory]:
    """Decorator that registers a factory of ``kind`` under ``name`` (a later one replaces it)."""
    _check_kind(kind)

    def wrap(factory: Factory) -> Factory:
        _FACTORIES[kind][name] = factory
        return factory

    return wrap


def _load_entry_points(kind: Kind) -> None:
    if kind in _LOADED:
        return
    with _LOCK:
        if kind in _LOADED:
            return
        for ep in entry_points(group=ENTRY_POINT_GROUPS[kind]):
            if ep.name not in _FACTORIES[kind]:
                try:
                    _FACTORIES[kind][ep.name] = ep.load()
                except Exception as exc:  # a broken plug-in must not hide the others
                    _FACTORIES[kind][ep.name] = _broken(kind, ep.name, exc)
        _LOADED.add(kind)


def _broken(kind: Kind, name: str, exc: Exception) -> Factory:
    def fail(ctx: Context) -> Any:
        raise PipelineConfigError(f"the {kind} plug-in {name!r} failed to load: {exc}") from exc

    return fail


def available(kind: Kind = "recognizer") -> list[str]:
    """Names of every registered component of ``kind``."""
    _load_entry_points(_check_kind(kind))
    return sorted(_FACTORIES[kind])


def create(name: str, ctx: Context, *, kind: Kind = "recognizer") -> Any:
    """Build the component ``name`` of ``kind`` for ``ctx``.

    Raises:
        PipelineConfigError: an unknown name, or a component lacking ``ctx.lang``.
        ModelNotFoundError, ModelLoadError, BackendUnavailableError: what the
            factory raises while loading its model.
    """
    _load_entry_points(_check_kind(kind))
    factory = _FACTORIES[kind].get(name)
    if factory is None:
        raise PipelineConfigError(f"unknown {kind} {name!r}; available: {', '.join(available(kind))}")
    try:
        component = _call(factory, ctx)
    except UnsupportedLanguageError as exc:
        raise PipelineConfigError(f"{kind} {name!r} does not support language {ctx.lang!r}") from exc
    if kind == "recognizer":
        from arfa.recognize.base import adapt_recognizer

        component = adapt_recognizer(component)
        if ctx.lang not in component.langs:
            raise PipelineConfigError(f"recognizer {name!r} does not support language {ctx.lang!r}")
    return component


def _call(factory: Factory, ctx: Context) -> Any:
    """Call ``factory(ctx)``, or ``factory(lang, kb)`` for an arfa 0.1 recognizer factory."""
    try:
        params = [
            p for p in inspect.signature(factory).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty
        ]
    except (TypeError, ValueError):
        params = []
    if len(params) == 2:
        return factory(ctx.lang, ctx.kb)  # type: ignore[call-arg, arg-type]
    return factory(ctx)


# ---------------------------------------------------------------- built-in recognizers


@register("gazetteer")
def _gazetteer(ctx: Context) -> Recognizer:
    from arfa.recognize.gazetteer import GazetteerRecognizer

    return GazetteerRecognizer(ctx.kb, ctx.lang or "ar")


@register("dates")
def _dates(ctx: Context) -> Recognizer:
    from arfa.dates import DateRecognizer

    return DateRecognizer(ctx.lang or "")


@register("crf")
def _crf(ctx: Context) -> Recognizer:
    from arfa.recognize.crf import CRFRecognizer

    return CRFRecognizer(ctx.lang or "")


@register("neural")
def _neural(ctx: Context) -> Recognizer:
    from arfa.recognize.neural import NeuralRecognizer

    return NeuralRecognizer(ctx.lang or "")


@register("stanza")
def _stanza(ctx: Context) -> Recognizer:
    from arfa.recognize.stanza_ner import StanzaRecognizer

    return StanzaRecognizer(ctx.lang or "")


@register("camel")
def _camel(ctx: Context) -> Recognizer:
    from arfa.recognize.camel_ner import CamelRecognizer

    return CamelRecognizer(ctx.lang or "")


# ---------------------------------------------------------------- built-in tokenizers


@register("ar", kind="tokenizer")
def _ar_tokenizer(ctx: Context) -> Tokenizer:
    from arfa.tokenize.ar import ArabicTokenizer

    return ArabicTokenizer()


@register("fa", kind="tokenizer")
def _fa_tokenizer(ctx: Context) -> Tokenizer:
    from arfa.tokenize.fa import PersianTokenizer

    return PersianTokenizer()


# ---------------------------------------------------------------- built-in linker


@register("kb", kind="linker")
def _kb_linker(ctx: Context) -> Linker:
    from arfa.kb.link import KBLinker

    return KBLinker(ctx.kb)
