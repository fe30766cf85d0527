from __future__ import annotations

import threading
import types
from pathlib import Path

import pytest

import arfa
from arfa.errors import KnowledgeBaseError, PipelineConfigError, UnsupportedLanguageError
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
    doc = nlp("اجتمع مجلس المثال الإقليمي اليوم")
    assert [(e.text, e.canonical_id) for e in doc.entities] == [("مجلس المثال الإقليمي", "org/example-council")]
    # the built-in pipeline is not changed by it
    assert arfa.extract("اجتمع مجلس المثال الإقليمي اليوم", lang="ar").entities == ()


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
