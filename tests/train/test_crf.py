"""Training a CRF end to end: a tiny model in tmp_path, reloaded and used for tagging."""

from __future__ import annotations

from pathlib import Path

import pytest

from arfa.models import Label
from arfa.recognize.base import Segment
from arfa.recognize.crf import CRFRecognizer
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
