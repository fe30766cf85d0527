"""CRF features: one list per word, folding-invariant, context and clusters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arfa.normalize import fold
from arfa.recognize.crf import default_model_path, load_lexicon
from arfa.recognize.crf_features import _token_features, arabic_stem, sentence_features, word_shape
from arfa.recognize.crf_lexicon import Lexicon, lexicon_features

SENTENCE = ["قال", "الرئيس", "بوتين", "في", "موسكو"]


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_one_feature_list_per_word(lang: str) -> None:
    feats = sentence_features(SENTENCE, lang)
    assert len(feats) == len(SENTENCE)
    assert all("bias" in f and len(f) == len(set(f)) for f in feats)
    assert sentence_features([], lang) == []


def test_sentence_edges_are_marked() -> None:
    feats = sentence_features(SENTENCE, "ar")
    assert "BOS" in feats[0] and "EOS" not in feats[0]
    assert "EOS" in feats[-1] and "BOS" not in feats[-1]
    assert not {"BOS", "EOS"} & set(feats[2])
    assert sentence_features(["بوتين"], "ar")[0].count("BOS") == 1


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("الرَّئِيسُ", "الرئيس"),  # diacritics
        ("أحمد", "احمد"),  # alef with hamza
        ("مدرسة", "مدرسه"),  # teh marbuta
        ("كتاب", "کتاب"),  # Arabic and Persian kaf
    ],
)
def test_features_are_computed_on_folded_words(written: str, plain: str) -> None:
    for lang in ("ar", "fa"):
        assert sentence_features(["قال", written], lang) == sentence_features(["قال", plain], lang)


def test_neighbours_are_seen() -> None:
    middle = sentence_features(SENTENCE, "ar")[2]
    # neighbours are folded too: hamza on yeh is a plain yeh
    assert "-1:w=الرييس" in middle and "1:w=في" in middle and "2:w=موسكو" in middle and "-2:w=قال" in middle
    assert "-1|0=الرييس|بوتين" in middle and "0|+1=بوتين|في" in middle


def test_a_title_word_marks_its_neighbour() -> None:
    assert "-1:is_title" in sentence_features(SENTENCE, "ar")[2]
    assert "-1:is_title" not in sentence_features(["قال", "محمد", "بوتين"], "ar")[2]


def test_clusters_add_features_only_when_given() -> None:
    plain = sentence_features(SENTENCE, "ar")
    assert not any(f.startswith("0:c=") for f in plain[0])
    with_clusters = sentence_features(SENTENCE, "ar", {"بوتين": "7"})
    assert "0:c=7" in with_clusters[2] and "-1:c=7" in with_clusters[3] and "0:c=unk" in with_clusters[0]


@pytest.mark.parametrize(
    ("path", "expected"),
    [("7", {"0:c=7"}), ("3/17", {"0:c=3", "0:c=3/17"}), ("1/3/17", {"0:c=1", "0:c=1/3", "0:c=1/3/17"})],
)
def test_a_cluster_path_gives_one_feature_per_prefix(path: str, expected: set[str]) -> None:
    feats = sentence_features(SENTENCE, "ar", {"بوتين": path})[2]
    assert {f for f in feats if f.startswith("0:c=")} == expected


@pytest.mark.parametrize(
    ("word", "shape"),
    [("بغداد", "arab"), ("2019", "digit"), ("un", "latin"), ("،", "punct"), ("f16", "mixed"), ("ب2", "mixed")],
)
def test_word_shape(word: str, shape: str) -> None:
    assert word_shape(word) == shape


@pytest.mark.parametrize(
    ("word", "stem"),
    [("والاتحاد", "اتحاد"), ("للامم", "امم"), ("بغداد", "بغداد"), ("في", "في")],
)
def test_arabic_stem(word: str, stem: str) -> None:
    assert arabic_stem(word) == stem
    assert len(arabic_stem(word)) >= 2


def _per_occurrence(words: list[str], lang: str, lexicon: Lexicon | None = None) -> list[list[str]]:
    """The neighbour attributes built at every occurrence, as before they were cached per word."""
    folded = [fold(w) or "_" for w in words]
    infos = [_token_features(w, lang) for w in folded]
    lex = lexicon_features(folded, lexicon, lang) if lexicon is not None else None
    out = []
    for i in range(len(folded)):
        feats = list(infos[i][1])
        if lex is not None:
            feats.extend(lex[i])
            if i > 0:
                feats.extend("-1:" + f for f in lex[i - 1])
            if i + 1 < len(folded):
                feats.extend("+1:" + f for f in lex[i + 1])
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < len(folded):
                nstem, nfeats = infos[j]
                feats.append(f"{off}:w={folded[j]}")
                if abs(off) == 1:
                    feats += [f"{off}:stem={nstem}", f"{off}:{nfeats[2]}"]
                    feats += [f"{off}:{f}" for f in nfeats if f.startswith("is_")]
                    feats.append(f"{off}:s2={nstem[-2:]}")
            elif abs(off) == 1:
                feats.append("BOS" if off < 0 else "EOS")
        if i > 0:
            feats.append(f"-1|0={folded[i - 1]}|{folded[i]}")
        if i + 1 < len(folded):
            feats.append(f"0|+1={folded[i]}|{folded[i + 1]}")
        out.append(feats)
    return out


@pytest.mark.parametrize("lang", ["ar", "fa"])
@given(words=st.lists(st.sampled_from([*SENTENCE, "ورئيس", "لمدينة", "وزارة", "2019", "،", "UN", "سازمان‌ها"]),
                      max_size=9))
def test_cached_neighbour_attributes_are_the_same_in_the_same_order(lang: str, words: list[str]) -> None:
    assert sentence_features(words, lang) == _per_occurrence(words, lang)
    lexicon = load_lexicon(default_model_path(lang))
    if lexicon is not None:
        assert sentence_features(words, lang, lexicon=lexicon) == _per_occurrence(words, lang, lexicon)
