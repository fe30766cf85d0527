from __future__ import annotations

import multiprocessing
import pickle
import threading
import types
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import arfa
from arfa.errors import KnowledgeBaseError, PipelineConfigError, UnsupportedLanguageError
from arfa.kb.link import Mention
from arfa.kb.store import load_default_kb
from arfa.models import Document, Label
from arfa.pipeline import Pipeline

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
MIXED = "عقد اجتماع منظمة شنغهاي للتعاون في فيينا.\nجلسه سازمان همکاری شانگهای در تاشکند برگزار شد.\n"


def check_offsets(doc: Document) -> None:
    for span in (*doc.entities, *doc.tokens, *doc.sentences):
        assert doc.text[span.start : span.end] == span.text
    ends = [e.end for e in doc.entities]
    starts = [e.start for e in doc.entities]
    assert all(a <= b for a, b in zip(ends, starts[1:])), "entities overlap or are unsorted"


def test_extract_arabic() -> None:
    doc = arfa.extract("عقد منتدى في فيينا برئاسة طاجيكستان والاتحاد الأوروبي", lang="ar")
    got = [(e.text, e.label, e.canonical) for e in doc.entities]
    assert ("فيينا", Label.LOC, "Vienna") in got
    assert ("الاتحاد الأوروبي", Label.ORG, "European Union") in got
    check_offsets(doc)


def test_extract_persian() -> None:
    doc = arfa.extract("نشست سازمان همکاری شانگهای در دوشنبه", lang="fa")
    assert doc.lang == "fa"
    assert [e.canonical for e in doc.entities][0] == "Shanghai Cooperation Organisation"


@pytest.mark.parametrize("bad", [None, b"bytes", 42, ["list"]])
def test_non_str_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        arfa.extract(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   ", "\n\t \u200c"])
def test_empty_text_gives_empty_document(text: str) -> None:
    doc = arfa.extract(text)
    assert doc.text == text and doc.entities == () and doc.lang == "und"


def test_unsupported_language_lists_supported() -> None:
    with pytest.raises(UnsupportedLanguageError, match="'ar', 'fa'"):
        Pipeline("de")
    with pytest.raises(ValueError):
        arfa.extract("x", lang="en")


def test_detects_language_per_sentence(nlp: Pipeline) -> None:
    doc = nlp(MIXED)
    langs = {s.lang for s in doc.sentences}
    assert langs == {"ar", "fa"}
    canon = [e.canonical for e in doc.entities]
    assert canon.count("Shanghai Cooperation Organisation") == 2
    check_offsets(doc)


def test_neither_language_is_und(nlp: Pipeline) -> None:
    doc = nlp("The OSCE met in Vienna on Monday.")
    assert doc.lang == "und" and doc.entities == ()
    check_offsets(doc)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seeds_offsets(nlp: Pipeline, path: Path) -> None:
    doc = nlp(path.read_text(encoding="utf-8"))
    assert len(doc.entities) > 20
    check_offsets(doc)


def test_pipe_is_lazy_and_ordered(ar_nlp: Pipeline) -> None:
    consumed = []

    def source():  # type: ignore[no-untyped-def]
        for i in range(5):
            consumed.append(i)
            yield {"id": f"d{i}", "text": f"وصل الوفد {i} إلى فيينا"}

    stream = ar_nlp.pipe(source())
    assert isinstance(stream, types.GeneratorType)
    first = next(stream)
    assert first.id == "d0" and consumed == [0]
    rest = list(stream)
    assert [d.id for d in rest] == ["d1", "d2", "d3", "d4"]


def test_pipe_keeps_going_after_a_bad_document(ar_nlp: Pipeline) -> None:
    items = ["في فيينا", {"id": "bad", "text": None}, {"id": "x", "text": "في طشقند", "doc_date": "nope"},
             "في بيشكيك"]
    docs = list(ar_nlp.pipe(items))  # type: ignore[arg-type]
    assert [d.error is None for d in docs] == [True, False, False, True]
    assert "TypeError" in (docs[1].error or "") and docs[1].id == "bad"
    assert "doc_date" in (docs[2].error or "")
    assert docs[3].entities[0].canonical == "Bishkek"


def test_pipe_in_two_processes_matches_one(ar_nlp: Pipeline) -> None:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] + ["", "في فيينا"]
    serial = list(Pipeline().pipe(texts))
    parallel = list(Pipeline().pipe(texts, n_process=2, batch_size=2))
    assert [d.model_dump() for d in parallel] == [d.model_dump() for d in serial]
    assert [d.tokens for d in parallel] == [d.tokens for d in serial]


def test_threads_give_serial_results(nlp: Pipeline) -> None:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] * 2
    expected = [nlp(t).to_json() for t in texts]
    results: dict[int, str] = {}

    def work(i: int) -> None:
        results[i] = arfa.extract(texts[i]).to_json()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [results[i] for i in range(8)] == expected[:8]


def test_deterministic_json(nlp: Pipeline) -> None:
    text = SEEDS[0].read_text(encoding="utf-8")
    assert nlp(text).to_json() == Pipeline()(text).to_json()


def test_extra_entities_extend_the_kb() -> None:
    nlp = Pipeline("ar", extra_entities=[{
        "id": "org/example-council", "label": "ORG", "name": "Example Council",
        "names": {"ar": ["مجلس المثال الإقليمي"]},
    }])
    doc = nlp("اجتمع مجلس المثال الإقليمي اليوم")  # اليوم ("today") is a DATE
    orgs = [(e.text, e.canonical_id) for e in doc.entities if e.label.value == "ORG"]
    assert orgs == [("مجلس المثال الإقليمي", "org/example-council")]
    # the built-in pipeline is not changed by it
    doc = arfa.extract("اجتمع مجلس المثال الإقليمي اليوم", lang="ar")
    assert [e.label.value for e in doc.entities] == ["DATE"]


def test_bad_extra_entity_is_named() -> None:
    with pytest.raises(KnowledgeBaseError, match="entry 1 .*org/bad"):
        Pipeline("ar", extra_entities=[
            {"id": "org/ok", "label": "ORG", "name": "OK"},
            {"id": "org/bad", "label": "DATE", "name": "Bad"},
        ])


def test_unknown_recognizer() -> None:
    with pytest.raises(PipelineConfigError, match="unknown recognizer 'nope'"):
        Pipeline("ar", recognizers=["nope"])


def test_dataframe(ar_nlp: Pipeline) -> None:
    pd = pytest.importorskip("pandas")
    frame = arfa.to_pandas([ar_nlp("في فيينا وطشقند", id="a")])
    assert isinstance(frame, pd.DataFrame)
    assert list(frame["canonical"]) == ["Vienna", "Tashkent"] and list(frame["doc_id"]) == ["a", "a"]


# ---------------------------------------------------------------- document rules across segments

GUTERRES_FA = "دبیرکل سازمان ملل آنتونیو گوترش در نیویورک سخنرانی کرد."
GUTERRES_AR = "وقال غوتيريش إن المنظمة ستواصل عملها."


@pytest.mark.parametrize("recognizers", [["gazetteer"], None])
@pytest.mark.parametrize("order", ["fa-ar", "ar-fa"])
def test_surname_links_across_language_segments(recognizers: list[str] | None, order: str) -> None:
    text = "\n".join([GUTERRES_FA, GUTERRES_AR] if order == "fa-ar" else [GUTERRES_AR, GUTERRES_FA])
    doc = Pipeline(recognizers=recognizers)(text)
    assert {s.lang for s in doc.sentences} == {"ar", "fa"}
    surname = [e for e in doc.entities if e.text == "غوتيريش"]
    assert [(e.source, e.canonical_id) for e in surname] == [("gazetteer", "per/antonio-guterres")]
    check_offsets(doc)


def test_surname_alone_is_still_not_a_gazetteer_match() -> None:
    assert Pipeline(recognizers=["gazetteer"])(GUTERRES_AR).entities == ()


# ---------------------------------------------------------------- construction


def test_missing_model_dir_fails_at_construction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARFA_MODEL_DIR", "/nonexistent")
    with pytest.raises(arfa.ModelNotFoundError, match="/nonexistent"):
        arfa.Pipeline("ar")
    with pytest.raises(arfa.ModelNotFoundError):
        arfa.Pipeline()  # both languages are loaded up front


@pytest.mark.parametrize("lang", [None, "ar", "fa"])
def test_unknown_recognizer_fails_at_construction(lang: str | None) -> None:
    with pytest.raises(PipelineConfigError, match="no_such_recognizer"):
        Pipeline(lang, recognizers=["no_such_recognizer"])


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"tokenizers": {"ar": "no_such_tokenizer"}}, "unknown tokenizer"),
        ({"linker": "no_such_linker"}, "unknown linker"),
        ({"tokenizers": {"ar": 42}}, "not a tokenizer"),
        ({"linker": object()}, "not a linker"),
    ],
)
def test_unknown_components_fail_at_construction(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(PipelineConfigError, match=match):
        Pipeline("ar", recognizers=["dates"], **kwargs)


def test_a_language_asked_for_per_call_is_built_then() -> None:
    nlp = Pipeline("ar", recognizers=["dates"])
    assert set(nlp._components) == {"ar"}
    assert [e.value for e in nlp("۲۵ مهر ۱۴۰۰", lang="fa").entities] == ["2021-10-17"]
    with pytest.raises(PipelineConfigError, match="'arabic-only' does not support 'fa'"):
        Pipeline("ar", recognizers=["dates", _ArabicOnly()], link=False)("x", lang="fa")


class _ArabicOnly:
    name = "arabic-only"
    langs = frozenset({"ar"})

    def __call__(self, segment: Any) -> list[Any]:
        return []


class _OldStyle:
    """A third-party recognizer written for the arfa 0.1 call."""

    name = "old"
    langs = frozenset({"ar"})

    def __call__(self, doc: Any, tokens: Any, *, doc_date: Any = None) -> list[Any]:
        from arfa.recognize.base import Candidate

        at = doc.text.find("اكمي")
        return [Candidate(at, at + 4, Label.ORG, self.name)] if at >= 0 else []


def test_old_style_recognizer_is_adapted() -> None:
    with pytest.warns(DeprecationWarning, match="old"):
        nlp = Pipeline("ar", recognizers=[_OldStyle()], link=False)
    assert [(e.text, e.source) for e in nlp("شركة أكمي").entities] == [("أكمي", "old")]


# ---------------------------------------------------------------- knowledge-base isolation

EXTRA_A = [{"id": "org/alpha-council", "label": "ORG", "name": "Zorbex Council", "names": {"ar": ["مجلس زوربكس"]}}]
EXTRA_B = [{"id": "org/beta-council", "label": "ORG", "name": "Quillando Council", "names": {"ar": ["مجلس كويلاندو"]}}]
BOTH = "اجتمع مجلس زوربكس ثم مجلس كويلاندو"


def _ids(nlp: Pipeline, text: str = BOTH) -> set[str | None]:
    return {e.canonical_id for e in nlp(text).entities if e.link_score is not None}  # KB links only


def test_extras_never_leak_between_pipelines() -> None:
    default = load_default_kb()
    size = len(default)
    a = Pipeline("ar", kb=default, extra_entities=EXTRA_A)
    b = Pipeline("ar", kb=default, extra_entities=EXTRA_B)
    assert _ids(a) == {"org/alpha-council"} and _ids(b) == {"org/beta-council"}
    # the linker, given the other pipeline's id, does not know it either
    mention = [Mention(0, 13, "مجلس كويلاندو", Label.ORG, "org/beta-council")]
    assert a._linker is not None and a._linker(mention, "ar")[0].entity_id is None
    assert len(default) == size and "org/alpha-council" not in default and a.kb is not default
    assert "org/alpha-council" not in load_default_kb()
    assert _ids(Pipeline("ar")) == set()
    assert not any(e.link_score is not None for e in arfa.extract(BOTH, lang="ar").entities)


def test_extras_never_leak_between_threads() -> None:
    pipes = {"a": Pipeline("ar", extra_entities=EXTRA_A), "b": Pipeline("ar", extra_entities=EXTRA_B)}
    expected = {"a": {"org/alpha-council"}, "b": {"org/beta-council"}}
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda key: (key, _ids(pipes[key])), ["a", "b"] * 8))
    assert all(ids == expected[key] for key, ids in got)


# ---------------------------------------------------------------- API contracts


def test_call_converts_id_like_pipe(ar_nlp: Pipeline) -> None:
    assert ar_nlp("في فيينا", id=5).id == "5"  # type: ignore[arg-type]
    assert next(ar_nlp.pipe([{"id": 5, "text": "في فيينا"}])).id == "5"


@pytest.mark.parametrize("texts", ["a string", b"bytes", 42])
def test_pipe_rejects_a_single_text(ar_nlp: Pipeline, texts: Any) -> None:
    with pytest.raises(TypeError, match="iterable of texts"):
        ar_nlp.pipe(texts)


def test_pickles_by_configuration() -> None:
    nlp = Pipeline("ar", recognizers=["gazetteer", "dates"], extra_entities=EXTRA_A)
    copy = pickle.loads(pickle.dumps(nlp))
    assert copy is not nlp and repr(copy) == repr(nlp)
    assert copy(BOTH).to_json() == nlp(BOTH).to_json()
    assert _ids(copy) == {"org/alpha-council"}


def test_pipeline_goes_to_a_spawn_pool() -> None:
    nlp = Pipeline("ar", recognizers=["gazetteer", "dates"], extra_entities=EXTRA_A)
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=ctx) as pool:
        # the pipeline itself is the callable sent: a function of this test module would
        # not import in a spawned child (tests/ is not a package on its path)
        assert pool.submit(nlp, BOTH).result().to_json() == nlp(BOTH).to_json()


@pytest.mark.parametrize("lang", ["ar", "fa", None])
def test_entities_never_overlap_where_one_character_expands(lang: str | None) -> None:
    # ﷺ normalizes to four words, so spans apart in normalized text can meet in the original
    text = "ﷺ ﷺ والاتحاد"
    doc = arfa.extract(text, lang=lang)
    for a, b in zip(doc.entities, doc.entities[1:]):
        assert a.end <= b.start
    for e in doc.entities:
        assert text[e.start : e.end] == e.text


@pytest.mark.parametrize(("flag", "expected"), [(True, ["init", "ar"]), (False, [])])
def test_loaded_objects_are_frozen_once_per_stage(
    monkeypatch: pytest.MonkeyPatch, flag: bool, expected: list[str]
) -> None:
    """gc.freeze() after construction and after the first document of a language, never per document."""
    import gc

    import arfa.pipeline as pipeline_module

    stage = ["init"]
    calls: list[str] = []
    monkeypatch.setattr(pipeline_module, "FREEZE_LOADED", flag)
    monkeypatch.setattr(gc, "freeze", lambda: calls.append(stage[0]))
    nlp = Pipeline("ar", recognizers=["gazetteer"])
    stage[0] = "ar"
    for _ in range(3):
        nlp("وصل الوفد إلى فيينا")
    assert calls == expected
