"""The CRF recognizer with the shipped models, and its loading errors."""

from __future__ import annotations

import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from arfa.errors import BackendUnavailableError, ModelLoadError, ModelNotFoundError, UnsupportedLanguageError
from arfa.models import Label, Token
from arfa.normalize import normalize
from arfa.recognize.base import Recognizer, Segment
from arfa.recognize.base import token_sentences as split_sentences
from arfa.recognize.crf import CRFRecognizer, default_model_path, load_tagger, model_attributes
from arfa.recognize.crf_features import sentence_features

pytest.importorskip("pycrfsuite")
pytestmark = pytest.mark.model


def _tokens(text: str) -> list[Token]:
    return [Token(start=m.start(), end=m.end(), text=m.group()) for m in re.finditer(r"\w+|[^\w\s]", text)]


def _segment(text: str, lang: str = "ar") -> Segment:
    """A segment with plain-pattern tokens and no tokenizer sentences (the fallback rule splits)."""
    return Segment(text, 0, normalize(text), tuple(_tokens(text)), (), lang)


@pytest.fixture(scope="module")
def ar() -> CRFRecognizer:
    return CRFRecognizer("ar")


@pytest.fixture(scope="module")
def fa() -> CRFRecognizer:
    return CRFRecognizer("fa")


def _found(rec: CRFRecognizer, text: str) -> set[tuple[str, Label]]:
    doc = normalize(text)
    cands = rec(_segment(text, rec.lang))
    for c in cands:
        assert c.source == "crf" and c.priority == 0 and 0.0 <= c.score <= 1.0
        assert c.label in (Label.PER, Label.ORG, Label.LOC)
    return {(doc.text[c.start : c.end], c.label) for c in cands}


def test_protocol(ar: CRFRecognizer) -> None:
    assert isinstance(ar, Recognizer)
    assert ar.name == "crf" and ar.langs == frozenset({"ar", "fa"})


def test_arabic_sentence(ar: CRFRecognizer) -> None:
    found = _found(
        ar, "وصل الرئيس بوتين إلى موسكو أمس . قال بان كي مون في نيويورك إن منظمة الصحة العالمية ستساعد"
    )
    assert ("بوتين", Label.PER) in found
    assert ("موسكو", Label.LOC) in found
    assert ("بان كي مون", Label.PER) in found
    assert ("منظمه الصحه العالميه", Label.ORG) in found


def test_persian_sentence(fa: CRFRecognizer) -> None:
    found = _found(fa, "حسن روحانی رئیس‌جمهور ایران در تهران با دبیرکل سازمان ملل متحد دیدار کرد.")
    assert ("تهران", Label.LOC) in found
    assert ("سازمان ملل متحد", Label.ORG) in found


def test_offsets_are_normalized_coordinates(ar: CRFRecognizer) -> None:
    text = "وصلَ الرئيسُ بوتين إلى مُوسْكو ."
    doc = normalize(text)
    for c in ar(_segment(text)):
        s, e = doc.span_to_orig(c.start, c.end)
        assert normalize(text[s:e]).text == doc.text[c.start : c.end]


def test_threshold_drops_spans() -> None:
    text = "قال الرئيس الروسي فلاديمير بوتين في موسكو ."
    assert CRFRecognizer("ar", threshold=1.01)(_segment(text)) == []


def test_sentence_split() -> None:
    text = "a b . c ؟ d\ne"
    doc = normalize(text)
    assert [[t.text for t in s] for s in split_sentences(doc, _tokens(text))] == [
        ["a", "b", "."],
        ["c", "؟"],
        ["d"],
        ["e"],
    ]


def test_empty_input(fa: CRFRecognizer) -> None:
    assert fa(_segment("", "fa")) == []


def test_unsupported_language() -> None:
    with pytest.raises(UnsupportedLanguageError):
        CRFRecognizer("de")


def test_missing_file_fails_at_construction(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="arfa train crf --lang ar"):
        CRFRecognizer("ar", tmp_path / "crf-ar.crfsuite")


@pytest.mark.parametrize("kind", ["garbage", "truncated", "empty"])
def test_corrupt_file(tmp_path: Path, kind: str) -> None:
    good = default_model_path("ar").read_bytes()
    data = {"garbage": b"not a model at all " * 20, "truncated": good[: len(good) // 2], "empty": b""}[kind]
    path = tmp_path / f"{kind}.crfsuite"
    path.write_bytes(data)
    with pytest.raises(ModelLoadError, match=str(path.name)):
        CRFRecognizer("ar", path)


def test_missing_package(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "pycrfsuite", None)
    with pytest.raises(BackendUnavailableError, match=r"arfa\[crf\]"):
        load_tagger(tmp_path / "other.crfsuite")


def test_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ARFA_MODEL_DIR", str(tmp_path))
    assert default_model_path("fa") == tmp_path / "crf-fa.crfsuite"


THREAD_TEXTS = [
    ("ar", "وصل الرئيس بوتين إلى موسكو أمس . قال بان كي مون في نيويورك إن منظمة الصحة العالمية ستساعد"),
    ("fa", "حسن روحانی رئیس‌جمهور ایران در تهران با دبیرکل سازمان ملل متحد دیدار کرد."),
    ("ar", "التقى وزير الخارجية سيرغي لافروف نظيره في طشقند ."),
    ("fa", "نشست سران در شهر سمرقند با حضور رئیس‌جمهور ازبکستان برگزار شد."),
]


def test_threads_over_both_languages_equal_serial(ar: CRFRecognizer, fa: CRFRecognizer) -> None:
    recs = {"ar": ar, "fa": fa}
    jobs = THREAD_TEXTS * 6
    serial = [recs[lang](_segment(text, lang)) for lang, text in jobs]
    with ThreadPoolExecutor(8) as pool:
        threaded = list(pool.map(lambda job: recs[job[0]](_segment(job[1], job[0])), jobs))
    assert threaded == serial
    assert all(serial)  # every text has candidates, so equality compares something


def test_each_model_has_its_own_lock(ar: CRFRecognizer, fa: CRFRecognizer) -> None:
    assert ar._lock is not fa._lock
    assert ar._lock is CRFRecognizer("ar")._lock  # one lock per shared tagger


def _seed_sentences(lang: str) -> list[list[str]]:
    seeds = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))
    out = []
    for path in seeds:
        if path.name.startswith("003") == (lang == "fa"):
            seg = Segment.from_text(path.read_text(encoding="utf-8"), lang)
            out += [[t.text for t in sent] for sent in seg.sentence_tokens()]
    return out


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_known_attributes_give_the_same_tags_and_marginals(lang: str) -> None:
    """Attributes the model lacks are left out before crfsuite: nothing it computes changes."""
    rec = CRFRecognizer(lang)
    tagger = rec._tagger
    known = model_attributes(rec.model_path)
    assert "bias" in known and len(known) > 10_000
    dropped = 0
    for words in _seed_sentences(lang):
        full = sentence_features(words, lang, rec._clusters, rec._lexicon)
        kept = sentence_features(words, lang, rec._clusters, rec._lexicon, known=known)
        assert kept == [[f for f in feats if f in known] for feats in full]
        dropped += sum(map(len, full)) - sum(map(len, kept))
        results = []
        for feats in (full, kept):
            tagger.set(feats)
            labels = tagger.tag()
            results.append((labels, [tagger.marginal(y, i) for i, y in enumerate(labels)]))
        assert results[0] == results[1]
    assert dropped > 100

