"""The name transliterator: its alphabets, a tiny trained model, the shipped table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arfa.errors import ModelLoadError, ModelNotFoundError
from arfa.kb.translit import (
    FORMAT,
    TABLE_ENV,
    Transliterator,
    load_transliterator,
    name_key,
    source_word,
    target_word,
    transliterate,
    unknown_entity,
)
from arfa.models import Label
from arfa.train.translit import Pair, align, build_table, english_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ولادیمیر", "ولاديمير"),  # Persian yeh folds to the Arabic one
        ("مليكة", "مليكه"),
        ("أنطونيو", "انطونيو"),
        ("بوتينُ", "بوتين"),
        ("Putin", ""),
    ],
)
def test_source_word(text: str, expected: str) -> None:
    assert source_word(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("António", "antonio"), ("Takht-Ravanchi", "takhtravanchi"), ("Sétif", "setif"), ("O'Brien", "obrien")],
)
def test_target_word(text: str, expected: str) -> None:
    assert target_word(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Vladimir Norov", "Wladimir Noruv", True),
        ("Mohammad Javad Zarif", "Mohamad Jawad Zareef", True),
        ("Ali Karimi", "Ali Karimov", False),
        ("Abu Bakr", "Abubakr", False),  # word boundaries count
    ],
)
def test_name_key(a: str, b: str, same: bool) -> None:
    assert (name_key(a) == name_key(b)) is same


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Aktau (city)", ["aktau"]), ("Tripoli, Lebanon", ["tripoli", "lebanon"]), ("Jean-Pierre", ["jean", "pierre"])],
)
def test_english_words(name: str, expected: list[str]) -> None:
    assert english_words(name) == expected


TINY = [("بابا", "baba"), ("بار", "bar"), ("راب", "rab"), ("ماما", "mama"), ("مار", "mar"), ("رام", "ram"),
        ("امارا", "amara"), ("بارام", "baram")]


@pytest.fixture(scope="module")
def tiny() -> Transliterator:
    """A model trained in the test on eight invented words."""
    table = build_table(align([Pair(s, t) for s, t in TINY], iterations=5), order=3, prune=0.0)
    return Transliterator(table)


@pytest.mark.parametrize(("src", "tgt"), TINY)
def test_tiny_model_reproduces_its_training_words(tiny: Transliterator, src: str, tgt: str) -> None:
    assert tiny.word(src) == tgt


def test_tiny_model_generalizes(tiny: Transliterator) -> None:
    assert tiny.word("مابا") == "maba"
    best = tiny.nbest("رامار", 3)
    assert best and best[0][0] == "ramar"
    assert [score for _, score in best] == sorted((score for _, score in best), reverse=True)


def test_lexicon_and_vocab_bonus() -> None:
    table = build_table(align([Pair(s, t) for s, t in TINY], iterations=5), order=3, prune=0.0)
    table["lexicon"] = {"بابا": "papa"}
    model = Transliterator(table)
    assert model.word("بابا") == "papa"
    assert model.name("بابا مار", Label.PER) == "Papa Mar"


@pytest.mark.parametrize(
    ("pair", "label"),
    [
        (("فلاديمير", "ولادیمیر"), Label.PER),
        (("محمد", "محمد"), Label.PER),
        (("أبوبكر أبوالمجد", "ابوبکر ابوالمجد"), Label.PER),
    ],
)
def test_arabic_and_persian_spellings_agree(pair: tuple[str, str], label: Label) -> None:
    ar, fa = pair
    assert transliterate(ar, label) == transliterate(fa, label)
    assert unknown_entity(ar, label) == unknown_entity(fa, label)


def test_annotation_guideline_example() -> None:
    assert transliterate("أبوبكر أبوالمجد", Label.PER) == "Abu Bakr Abu al-Majd"


@pytest.mark.parametrize(
    ("text", "label"),
    [("نورلان شاكييف", Label.PER), ("رجب بوي أحمدزاده", Label.PER), ("سغد", Label.LOC), ("وزارت امور خارجه", Label.ORG)],
)
def test_unknown_entities_get_an_english_name(text: str, label: Label) -> None:
    canonical, canonical_id = unknown_entity(text, label)
    assert canonical and canonical.isascii() and canonical[0].isupper()
    assert len(canonical.split()) == len(text.split())
    assert canonical_id.startswith(f"x/{label.lower()}/")


def test_no_letters_keeps_canonical_none() -> None:
    canonical, canonical_id = unknown_entity("١٢٣", Label.ORG)
    assert canonical is None and canonical_id.startswith("x/org/")


def test_shipped_table_is_well_formed() -> None:
    model = load_transliterator()
    assert model.order >= 2 and model.graphones[0] == ("", "")
    assert all(source_word(k) == k and v == target_word(v) for k, v in model.lexicon.items())
    assert all(w == target_word(w) for w in list(model.vocab)[:1000])


def test_missing_table_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="train_translit"):
        Transliterator.from_file(tmp_path / "absent.json")


@pytest.mark.parametrize("content", ['{"format": "other"}', "not json", json.dumps({"format": FORMAT})])
def test_bad_table_is_a_load_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "table.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelLoadError):
        Transliterator.from_file(path)


def test_table_env_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = build_table(align([Pair(s, t) for s, t in TINY], iterations=5), order=3, prune=0.0)
    path = tmp_path / "table.json"
    path.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv(TABLE_ENV, str(path))
    load_transliterator.cache_clear()
    try:
        assert load_transliterator().word("بار") == "bar"
    finally:
        monkeypatch.delenv(TABLE_ENV)
        load_transliterator.cache_clear()
