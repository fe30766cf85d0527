"""The name transliterator: its alphabets, a tiny trained model, the shipped table."""

from __future__ import annotations

import json
import math
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
from arfa.normalize import fold
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


# ---------------------------------------------------------------- the search against its plain form


def _plain_nbest(model: Transliterator, word: str, n: int) -> list[tuple[str, float]]:
    """The beam search as first written: :meth:`Transliterator.logprob` per step, no caches."""
    if not word:
        return []
    beams: list[dict[tuple[int, ...], tuple[float, str]]] = [{} for _ in range(len(word) + 1)]
    beams[0][(0,) * (model.order - 1)] = (0.0, "")
    for i in range(len(word)):
        kept = sorted(beams[i].items(), key=lambda item: -item[1][0])[: model.beam]
        for history, (score, out) in kept:
            for length in range(1, len(word) - i + 1):
                for gid in model._by_source.get(word[i : i + length], ()):
                    new_score = score + model.logprob(history, gid)
                    state = (*history[1:], gid) if history else ()
                    target = beams[i + length]
                    if state not in target or target[state][0] < new_score:
                        target[state] = (new_score, out + model.graphones[gid][1])
    totals: dict[str, float] = {}
    for history, (score, out) in beams[-1].items():
        final = score + model.logprob(history, 0)
        if out in model.vocab:
            final += model.vocab_bonus
        if model.lm_weight:
            final += model.lm_weight * _plain_letter_logprob(model, out)
        prev = totals.get(out)
        totals[out] = final if prev is None else max(prev, final) + math.log1p(math.exp(-abs(prev - final)))
    return sorted(totals.items(), key=lambda item: -item[1])[:n]


def _plain_letter_logprob(model: Transliterator, word: str) -> float:
    """The letter model's score summed letter by letter, no caches."""
    order = model._char_order
    seq = "^" * (order - 1) + word + "^"
    total = 0.0
    for k in range(order - 1, len(seq)):
        history, char = seq[k - order + 1 : k], seq[k]
        penalty = 0.0
        for start in range(len(history) + 1):
            context = history[start:]
            found = model._char.get(context + char)
            if found is not None:
                total += penalty + found
                break
            penalty += model._char_bow.get(context, 0.0) if context else 0.0
        else:
            total += penalty + model._char_floor
    return total


@pytest.mark.parametrize("order", [1, 2, 3, 4])
@pytest.mark.parametrize("word", ["رامار", "بابارام", "مابا", "ر", "بببب"])
def test_search_equals_its_plain_form_at_every_order(order: int, word: str) -> None:
    table = build_table(align([Pair(s, t) for s, t in TINY], iterations=5), order=order, prune=0.0,
                        words=[(t, 1.0) for _, t in TINY])
    table["lm_weight"] = 0.5
    model = Transliterator(table, beam=3)  # a narrow beam: pruning and its ties count
    assert model.nbest(word, 20) == _plain_nbest(model, word, 20)


@pytest.mark.parametrize(
    "word",
    ["ولاديمير", "بزشكيان", "شاكييف", "احمدزاده", "گلستان", "تاشكند", "ابوالمجد", "كريستيانو", "ژانویه"],
)
def test_shipped_search_equals_its_plain_form(word: str) -> None:
    """Same spellings and the very same float scores, cold caches or warm."""
    model = load_transliterator()
    src = source_word(word)
    assert model.nbest(src, 8) == _plain_nbest(model, src, 8)
    assert model.nbest(src, 8) == _plain_nbest(model, src, 8)  # now from the caches


@pytest.mark.parametrize("length", [0, 1, 5, 64, 65, 300])
def test_letter_logprob_equals_the_letter_by_letter_sum(length: int) -> None:
    model = load_transliterator()
    word = ("vladimirpezeshkian" * 20)[:length]
    assert model.letter_logprob(word) == _plain_letter_logprob(model, word)


@pytest.mark.parametrize("method", ["_readings", "_letter_term", "word"])
def test_search_caches_are_bounded(method: str) -> None:
    maxsize = getattr(Transliterator, method).cache_parameters()["maxsize"]
    assert maxsize is not None and 0 < maxsize <= 65536


@pytest.mark.parametrize("word", ["وليد", "وزارت", "وحيد", "يوسف", "ياسين"])
def test_an_initial_waw_or_yeh_is_never_silent(word: str) -> None:
    spelling = load_transliterator().word(source_word(fold(word)))
    assert spelling[:1] in ("wvou" if word.startswith("و") else "yie")
