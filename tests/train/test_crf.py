"""Training a CRF end to end: a tiny model in tmp_path, reloaded and used for tagging."""

from __future__ import annotations

from pathlib import Path

import pytest

from arfa.errors import ModelLoadError
from arfa.models import Label
from arfa.recognize.base import Segment
from arfa.recognize.crf import CRFRecognizer, load_clusters, load_lexicon, model_attributes
from arfa.recognize.crf_lexicon import Lexicon
from arfa.train.corpora import TaggedSentence
from arfa.train.crf import tag_sentences, train_model

pytest.importorskip("pycrfsuite")

SENTENCES: list[TaggedSentence] = [
    [("زار", "O"), ("زوربان", "B-PER"), ("مدينة", "O"), ("دارمون", "B-LOC"), (".", "O")],
    [("قال", "O"), ("زوربان", "B-PER"), ("كيلمو", "I-PER"), ("في", "O"), ("دارمون", "B-LOC"), (".", "O")],
    [("وصل", "O"), ("ميرتا", "B-PER"), ("إلى", "O"), ("بوريك", "B-LOC"), (".", "O")],
    [("اجتمع", "O"), ("ميرتا", "B-PER"), ("مع", "O"), ("زوربان", "B-PER"), ("في", "O"), ("بوريك", "B-LOC")],
    [("غادر", "O"), ("الوفد", "O"), ("دارمون", "B-LOC"), ("أمس", "O"), (".", "O")],
] * 3


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("crf") / "crf-ar.crfsuite"
    return train_model(SENTENCES, "ar", out, c1=0.0, c2=0.01, max_iterations=100, min_freq=0)


def test_training_writes_a_model(model: Path) -> None:
    assert model.is_file() and model.read_bytes()[:4] == b"lCRF"


def test_the_model_learns_its_training_tags(model: Path) -> None:
    gold = [[tag for _, tag in s] for s in SENTENCES[:5]]
    assert tag_sentences(model, SENTENCES[:5], "ar") == gold


def test_the_recognizer_reloads_and_tags(model: Path) -> None:
    rec = CRFRecognizer("ar", model, threshold=0.0)
    segment = Segment.from_text("قال زوربان كيلمو في دارمون .", "ar")
    found = {(segment.norm.text[c.start : c.end], c.label) for c in rec(segment)}
    assert found == {("زوربان كيلمو", Label.PER), ("دارمون", Label.LOC)}


def test_training_is_deterministic(model: Path, tmp_path: Path) -> None:
    again = train_model(SENTENCES, "ar", tmp_path / "crf-ar.crfsuite", c1=0.0, c2=0.01, max_iterations=100, min_freq=0)
    assert again.read_bytes() == model.read_bytes()


def test_a_name_list_travels_with_its_model(tmp_path: Path) -> None:
    lexicon = Lexicon.from_entries([("PER", "زوربان"), ("LOC", "دارمون"), ("LOC", "تالوسا")])
    out = train_model(
        SENTENCES, "ar", tmp_path / "crf-ar.crfsuite", c1=0.0, c2=0.01, max_iterations=100, min_freq=0, lexicon=lexicon
    )
    (tmp_path / "names-ar.tsv").write_text("\n".join(lexicon.lines()) + "\n", encoding="utf-8")
    assert load_lexicon(out) is not None and load_lexicon(out).names == lexicon.names  # type: ignore[union-attr]
    gold = [[tag for _, tag in s] for s in SENTENCES[:5]]
    assert tag_sentences(out, SENTENCES[:5], "ar", lexicon=lexicon) == gold
    rec = CRFRecognizer("ar", out, threshold=0.0)
    segment = Segment.from_text("قال زوربان كيلمو في دارمون .", "ar")
    found = {(segment.norm.text[c.start : c.end], c.label) for c in rec(segment)}
    assert found == {("زوربان كيلمو", Label.PER), ("دارمون", Label.LOC)}


def test_a_cluster_table_travels_with_its_model(tmp_path: Path) -> None:
    clusters = {"زوربان": "0/3", "ميرتا": "0/3", "دارمون": "1/5", "بوريك": "1/5"}
    out = train_model(
        SENTENCES, "ar", tmp_path / "crf-ar.crfsuite", c1=0.0, c2=0.01, max_iterations=100, min_freq=0,
        clusters=clusters,
    )
    (tmp_path / "clusters-ar.tsv").write_text("".join(f"{w}\t{c}\n" for w, c in clusters.items()), encoding="utf-8")
    assert load_clusters(out) == clusters
    assert {"0:c=0", "0:c=0/3"} <= model_attributes(out)
    rec = CRFRecognizer("ar", out, threshold=0.0)
    segment = Segment.from_text("قال زوربان كيلمو في دارمون .", "ar")
    found = {(segment.norm.text[c.start : c.end], c.label) for c in rec(segment)}
    assert found == {("زوربان كيلمو", Label.PER), ("دارمون", Label.LOC)}


@pytest.mark.parametrize("line", ["زوربان\tx", "زوربان\t3/", "\t3", "زوربان\t3//4"])
def test_a_bad_cluster_table_is_a_load_error(tmp_path: Path, line: str) -> None:
    (tmp_path / "clusters-ar.tsv").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ModelLoadError, match="clusters-ar.tsv"):
        load_clusters(tmp_path / "crf-ar.crfsuite")
