"""The component registries: kinds, names, plug-ins, errors."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from arfa import registry
from arfa.errors import PipelineConfigError
from arfa.kb.link import KBLinker, Linker
from arfa.kb.store import KBEntity, KnowledgeBase
from arfa.models import Label
from arfa.pipeline import Pipeline
from arfa.recognize.base import Candidate, Recognizer, Segment
from arfa.tokenize.base import Tokenized, Tokenizer, get_tokenizer, regex_tokens

TINY = KnowledgeBase([KBEntity(id="loc/vienna", label=Label.LOC, name="Vienna", names={"ar": ("فيينا",)})])


@pytest.fixture
def clean_registry() -> Iterator[None]:
    """Undo registrations a test makes."""
    saved = {kind: dict(table) for kind, table in registry._FACTORIES.items()}
    yield
    for kind, table in saved.items():
        registry._FACTORIES[kind].clear()
        registry._FACTORIES[kind].update(table)


@pytest.mark.parametrize(
    ("kind", "names"),
    [
        ("recognizer", {"gazetteer", "dates", "crf", "stanza", "camel"}),
        ("tokenizer", {"ar", "fa"}),
        ("linker", {"kb"}),
    ],
)
def test_builtins_are_registered(kind: registry.Kind, names: set[str]) -> None:
    assert names <= set(registry.available(kind))


@pytest.mark.parametrize(
    ("name", "kind", "lang", "protocol"),
    [
        ("gazetteer", "recognizer", "ar", Recognizer),
        ("dates", "recognizer", "fa", Recognizer),
        ("ar", "tokenizer", "ar", Tokenizer),
        ("fa", "tokenizer", "fa", Tokenizer),
        ("kb", "linker", None, Linker),
    ],
)
def test_create_builds_what_the_protocol_says(
    name: str, kind: registry.Kind, lang: str | None, protocol: type
) -> None:
    built = registry.create(name, registry.Context(lang, TINY), kind=kind)
    assert isinstance(built, protocol)


def test_factories_get_the_context_kb() -> None:
    linker = registry.create("kb", registry.Context(None, TINY), kind="linker")
    assert isinstance(linker, KBLinker) and linker.kb is TINY


@pytest.mark.parametrize(
    ("name", "kind", "lang", "match"),
    [
        ("no_such_recognizer", "recognizer", "ar", "unknown recognizer 'no_such_recognizer'; available: "),
        ("de", "tokenizer", "de", "unknown tokenizer 'de'"),
        ("nope", "linker", None, "unknown linker 'nope'"),
        ("camel", "recognizer", "fa", "recognizer 'camel' does not support language 'fa'"),
    ],
)
def test_errors_name_the_component(name: str, kind: registry.Kind, lang: str | None, match: str) -> None:
    with pytest.raises(PipelineConfigError, match=match):
        registry.create(name, registry.Context(lang, TINY), kind=kind)


def test_unknown_kind() -> None:
    with pytest.raises(PipelineConfigError, match="unknown component kind 'parser'"):
        registry.available("parser")  # type: ignore[arg-type]


class _Upper:
    """A tokenizer plug-in: the built-in word pattern, one sentence."""

    lang = "ar"

    def __call__(self, text: str) -> Tokenized:
        return Tokenized(tuple(regex_tokens(text)), ())


class _Everything:
    """A recognizer plug-in that calls every token an ORG."""

    name = "everything"
    langs = frozenset({"ar", "fa"})

    def __call__(self, segment: Segment) -> list[Candidate]:
        norm = segment.norm
        return [Candidate(norm.orig_to_norm(t.start), norm.orig_to_norm(t.end), Label.ORG, self.name)
                for t in segment.tokens[:1]]


def test_plugins_by_name_in_a_pipeline(clean_registry: None) -> None:
    registry.register("plain", kind="tokenizer")(lambda ctx: _Upper())
    registry.register("everything")(lambda ctx: _Everything())
    nlp = Pipeline("ar", recognizers=["everything"], tokenizers={"ar": "plain"}, link=False)
    doc = nlp("وصل الوفد")
    assert [(e.text, e.source) for e in doc.entities] == [("وصل", "everything")]
    assert doc.sentences == ()  # the plug-in tokenizer gives none


def test_an_old_two_argument_factory_still_works(clean_registry: None) -> None:
    seen: list[tuple[Any, Any]] = []

    def old_factory(lang: str, kb: KnowledgeBase) -> _Everything:
        seen.append((lang, kb))
        return _Everything()

    registry.register("old")(old_factory)
    registry.create("old", registry.Context("fa", TINY))
    assert seen == [("fa", TINY)]


def test_entry_point_plugins_are_loaded(monkeypatch: pytest.MonkeyPatch, clean_registry: None) -> None:
    class _EP:
        def __init__(self, name: str, obj: Any) -> None:
            self.name, self._obj = name, obj

        def load(self) -> Any:
            if isinstance(self._obj, Exception):
                raise self._obj
            return self._obj

    groups = {
        "arfa.tokenizers": [_EP("plain-ep", lambda ctx: _Upper())],
        "arfa.linkers": [_EP("broken", ImportError("no module named 'missing'"))],
    }
    monkeypatch.setattr(registry, "entry_points", lambda group: groups.get(group, []))
    monkeypatch.setattr(registry, "_LOADED", set())
    assert "plain-ep" in registry.available("tokenizer")
    assert isinstance(registry.create("plain-ep", registry.Context("ar"), kind="tokenizer"), _Upper)
    with pytest.raises(PipelineConfigError, match="'broken' failed to load: no module named 'missing'"):
        registry.create("broken", registry.Context(None, TINY), kind="linker")


def test_get_tokenizer_is_shared_and_registered() -> None:
    assert get_tokenizer("ar") is get_tokenizer("ar")
    assert get_tokenizer("fa").lang == "fa"
