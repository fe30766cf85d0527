"""The ``neural`` recognizer: a tiny model trained here, saved, loaded; offsets; loading errors."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from arfa.errors import BackendUnavailableError, ModelLoadError, ModelNotFoundError, PipelineConfigError
from arfa.models import Label
from arfa.pipeline import MODELS, Pipeline
from arfa.recognize.base import Segment
from arfa.recognize.crf_lexicon import Lexicon
from arfa.recognize.neural import NeuralRecognizer, default_model_path, load_model

torch = pytest.importorskip("torch")
pytest.importorskip("safetensors")

from arfa.train.neural import DEFAULTS, build_vocab, save_model, tag_sentences, train_net  # noqa: E402

PEOPLE = ["بوتين", "لافروف", "غوتيريش", "ميرزيوييف"]
PLACES = ["موسكو", "طشقند", "بكين", "فيينا"]
#: Synthetic sentences: "قال X في Y ." with X a person and Y a place.
SENTENCES = [
    [("قال", "O"), (p, "B-PER"), ("في", "O"), (c, "B-LOC"), (".", "O")] for p in PEOPLE for c in PLACES
] + [[("وصل", "O"), ("الرئيس", "O"), ("فلاديمير", "B-PER"), (p, "I-PER"), ("إلى", "O"), (c, "B-LOC")]
     for p, c in zip(PEOPLE, PLACES, strict=True)]
TINY = dict(DEFAULTS, word_dim=8, char_dim=8, char_filters=8, lex_dim=4, hidden=16, dropout=0.0,
            lr=0.05, max_epochs=25, patience=25, batch_size=4, word_dropout=0.0)


@pytest.fixture(scope="module")
def model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny Arabic model trained in a few seconds, with a one-place name list."""
    lexicon = Lexicon.from_lines(["LOC\tموسكو"])
    vocab = build_vocab("ar", SENTENCES, [], lexicon, 100)
    net, _ = train_net(vocab, SENTENCES, SENTENCES, lexicon, vectors=None, seed=0, settings=TINY)
    folder = tmp_path_factory.mktemp("neural")
    (folder / "names-ar.tsv").write_text("LOC\tموسكو\n", encoding="utf-8")
    out = folder / "neural-ar.safetensors"
    save_model(net, vocab, out, "names-ar.tsv", {})
    return out


def test_round_trip_identical(model_path: Path, tmp_path: Path) -> None:
    """A copy of the files, loaded afresh, tags exactly as the first load (labels and probabilities)."""
    copy = tmp_path / model_path.name
    for path in (model_path, model_path.with_suffix(".json"), model_path.with_name("names-ar.tsv")):
        shutil.copyfile(path, tmp_path / path.name)
    first, second = load_model(model_path), load_model(copy)
    assert first is not second
    words = [[t for t, _ in s] for s in SENTENCES]
    assert first.tag_batch(words) == second.tag_batch(words)
    assert second.lexicon is not None and ("موسكو",) in second.lexicon.names


def test_learns_the_training_sentences(model_path: Path) -> None:
    model = load_model(model_path)
    assert tag_sentences(model, SENTENCES) == [[tag for _, tag in s] for s in SENTENCES]


def test_batch_equals_one_by_one(model_path: Path) -> None:
    """Padding in a batch changes nothing: every sentence tags as it does alone."""
    model = load_model(model_path)
    words = [[t for t, _ in s] for s in SENTENCES[::3]]
    together = model.tag_batch(words)
    for sentence, tagged in zip(words, together, strict=True):
        labels, probs = model.tag_batch([sentence])[0]
        assert labels == tagged[0]
        assert probs == pytest.approx(tagged[1], abs=1e-5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال بوتين في موسكو .", {("بوتين", Label.PER), ("موسكو", Label.LOC)}),
        # diacritics and tatweel shift the normalized offsets: entities still slice the original
        ("قالَ بوتيــن في مُوسكو .", {("بوتيــن", Label.PER), ("مُوسكو", Label.LOC)}),
        ("وصل  الرئيس فلاديمير لافروف إلى بكين", {("فلاديمير لافروف", Label.PER), ("بكين", Label.LOC)}),
    ],
)
def test_offsets_in_the_original_text(model_path: Path, text: str, expected: set[tuple[str, Label]]) -> None:
    rec = NeuralRecognizer("ar", model_path)
    nlp = Pipeline("ar", recognizers=[rec], link=False)
    doc = nlp(text)
    for e in doc.entities:
        assert text[e.start : e.end] == e.text
        assert e.source == "neural"
    assert {(e.text, e.label) for e in doc.entities} == expected


def test_candidates_in_normalized_coordinates(model_path: Path) -> None:
    seg = Segment.from_text("قالَ بوتين في موسكو . وصل الرئيس فلاديمير غوتيريش إلى فيينا", "ar")
    cands = NeuralRecognizer("ar", model_path)(seg)
    assert cands, "the tiny model finds its training names"
    for c in cands:
        assert c.source == "neural" and c.priority == 0 and 0.0 <= c.score <= 1.0
        assert seg.norm.text[c.start : c.end].strip() == seg.norm.text[c.start : c.end]


def test_threshold_drops_every_chunk(model_path: Path) -> None:
    seg = Segment.from_text("قال بوتين في موسكو .", "ar")
    assert NeuralRecognizer("ar", model_path, threshold=1.01)(seg) == []


def test_pickles_by_path(model_path: Path) -> None:
    import pickle

    rec = NeuralRecognizer("ar", model_path, threshold=0.3)
    again = pickle.loads(pickle.dumps(rec))
    assert (again.model_path, again.threshold, again.model) == (rec.model_path, 0.3, rec.model)


def test_missing_torch_raises_backend_error(model_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_model.cache_clear()
    monkeypatch.setitem(sys.modules, "torch", None)  # import torch now raises ImportError
    with pytest.raises(BackendUnavailableError, match=r"arfa\[neural\]"):
        NeuralRecognizer("ar", model_path)
    load_model.cache_clear()


def test_missing_model_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="arfa train neural --lang fa"):
        NeuralRecognizer("fa", tmp_path / "neural-fa.safetensors")


@pytest.mark.parametrize("damage", ["json", "weights", "format"])
def test_corrupt_model_raises_load_error(model_path: Path, tmp_path: Path, damage: str) -> None:
    weights, meta = tmp_path / "neural-ar.safetensors", tmp_path / "neural-ar.json"
    shutil.copyfile(model_path, weights)
    shutil.copyfile(model_path.with_suffix(".json"), meta)
    if damage == "json":
        meta.write_text("{not json", encoding="utf-8")
    elif damage == "weights":
        weights.write_bytes(weights.read_bytes()[:100])
    else:
        data = json.loads(meta.read_text(encoding="utf-8"))
        meta.write_text(json.dumps({**data, "format": 99}), encoding="utf-8")
    with pytest.raises(ModelLoadError, match="neural-ar.safetensors"):
        load_model(weights)


def test_pipeline_model_option() -> None:
    assert MODELS["accurate"] == ("gazetteer", "dates", "crf", "neural")
    with pytest.raises(PipelineConfigError, match="unknown model"):
        Pipeline("ar", model="fastest")
    with pytest.raises(PipelineConfigError, match="not both"):
        Pipeline("ar", recognizers=["gazetteer"], model="accurate")


@pytest.mark.model
@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ar", "قال الرئيس فلاديمير بوتين في موسكو .", {("فلاديمير بوتين", Label.PER), ("موسكو", Label.LOC)}),
        ("fa", "ولادیمیر پوتین در مسکو گفت .", {("ولادیمیر پوتین", Label.PER), ("مسکو", Label.LOC)}),
    ],
)
def test_shipped_models(lang: str, text: str, expected: set[tuple[str, Label]]) -> None:
    if not default_model_path(lang).is_file():
        pytest.skip("no shipped neural model")
    doc = Pipeline(lang, model="accurate", link=False)(text)
    assert {(e.text, e.label) for e in doc.entities if e.label is not Label.DATE} == expected
