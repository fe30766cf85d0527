"""Name-list features of the CRF: longest match, B/I position, proclitic readings."""

from __future__ import annotations

from pathlib import Path

import pytest

from arfa.normalize import fold
from arfa.recognize.crf_features import sentence_features
from arfa.recognize.crf_lexicon import MAX_WORDS, Lexicon, lexicon_features

LINES = [
    "LOC\tموسكو",
    "PER\tموسكو",
    "ORG\tمنظمه شنغهاي للتعاون",
    "ORG\tمنظمه شنغهاي",
    "ORG\tالامم المتحده",
    "PER\tبوتين",
    "XYZ\tignored",
    "LOC\t" + " ".join(["a"] * (MAX_WORDS + 1)),
]


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.from_lines(LINES)


@pytest.mark.parametrize(
    ("words", "lang", "expected"),
    [
        (["موسكو"], "ar", [["g1=LOC", "g1=PER"]]),
        (["منظمه", "شنغهاي", "للتعاون", "و"], "ar", [["g=B-ORG"], ["g=I-ORG"], ["g=I-ORG"], []]),
        (["منظمه", "شنغهاي", "قالت"], "ar", [["g=B-ORG"], ["g=I-ORG"], []]),
        (["للامم", "المتحده"], "ar", [["g=B-ORG"], ["g=I-ORG"]]),
        (["وبوتين"], "ar", [["g1=PER"]]),
        (["وبوتين"], "fa", [[]]),
        (["منظمه"], "ar", [[]]),
        ([], "ar", []),
    ],
)
def test_features(lex: Lexicon, words: list[str], lang: str, expected: list[list[str]]) -> None:
    assert lexicon_features(words, lex, lang) == expected


def test_unknown_labels_and_long_names_are_skipped(lex: Lexicon) -> None:
    assert "ignored" not in lex
    assert all(len(name) <= MAX_WORDS for name in lex.names)
    assert "منظمه شنغهاي" in lex and "منظمه" not in lex


def test_file_round_trip(lex: Lexicon, tmp_path: Path) -> None:
    path = tmp_path / "names-ar.tsv"
    path.write_text("\n".join(lex.lines()) + "\n", encoding="utf-8")
    again = Lexicon.read(path)
    assert again.names == lex.names and again.prefixes == lex.prefixes


def test_sentence_features_see_the_neighbours_names(lex: Lexicon) -> None:
    words = ["قال", "بوتين", "في", "موسكو"]
    feats = sentence_features(words, "ar", lexicon=lex)
    assert "g1=PER" in feats[1] and "+1:g1=PER" in feats[0] and "-1:g1=PER" in feats[2]
    assert sentence_features(words, "ar") == [
        [f for f in row if "g1=" not in f and "g=" not in f] for row in feats
    ]
    assert fold("بوتين") == "بوتين"
