"""Long documents in pieces: same entities, tokens and sentences as in one piece."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arfa.pipeline
from arfa.chunking import chunk_parts
from arfa.pipeline import Pipeline

SENTENCES = st.lists(st.sampled_from(["وصل الوفد إلى طشقند.", "ثم عاد!", "قالت الأمم المتحدة؟", "\n\n", "x"]),
                     max_size=30)


@given(pieces=SENTENCES, limit=st.integers(min_value=1, max_value=80))
def test_pieces_are_ordered_inside_their_part(pieces: list[str], limit: int) -> None:
    text = " ".join(pieces)
    parts = [(0, len(text), "ar")] if text.strip() else []
    chunks = chunk_parts(text, parts, limit)
    for (_, e1, _), (s2, _, _) in zip(chunks, chunks[1:]):
        assert e1 <= s2
    assert all(0 <= s < e <= len(text) and lang == "ar" for s, e, lang in chunks)
    covered = {i for s, e, _ in chunks for i in range(s, e)}
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())  # only whitespace left out


@pytest.mark.parametrize("lang", ["ar", None])
def test_pieces_change_nothing(monkeypatch: pytest.MonkeyPatch, lang: str | None) -> None:
    text = " ".join(["وصل وزير الخارجية إلى طشقند يوم 3 مارس 2021 للقاء منظمة شنغهاي للتعاون.",
                     "هیئت ایرانی روز دوشنبه به مسکو رفت.", "قالت الأمم المتحدة إن الوفد غادر فيينا."] * 20)
    nlp = Pipeline(lang)
    whole = nlp(text)
    original = arfa.pipeline.chunk_parts
    monkeypatch.setattr(arfa.pipeline, "chunk_parts", lambda t, parts: original(t, parts, 300))
    pieces = nlp(text)
    assert len(pieces.entities) > 20
    assert pieces == whole


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("aa bb cc", 5, [(0, 5), (6, 8)]),        # one long sentence: cut at whitespace
    ("aaaaaaaa", 5, [(0, 8)]),                # no whitespace: stays whole
    ("aa. bb. cc.", 4, [(0, 3), (4, 7), (8, 11)]),
])
def test_long_sentences_are_cut_at_whitespace(text: str, limit: int, expected: list[tuple[int, int]]) -> None:
    assert [(s, e) for s, e, _ in chunk_parts(text, [(0, len(text), "ar")], limit)] == expected
