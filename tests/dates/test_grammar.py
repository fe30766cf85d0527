"""The grammar tries a date only where one can start, and finds what trying everywhere finds."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from arfa.dates.grammar import _Parser, find_dates
from arfa.normalize import normalize

ROOT = Path(__file__).parents[2]
DATA = ROOT.parent / "shared" / "data"


def _texts() -> Iterator[tuple[str, str]]:
    for name in ("news.jsonl", "news_heldout.jsonl"):
        for line in (Path(__file__).parent / "data" / name).read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            yield doc["lang"], doc["text"]
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        yield ("fa" if path.name.startswith("003") else "ar"), path.read_text(encoding="utf-8")


def _everywhere(monkeypatch: pytest.MonkeyPatch, text: str, lang: str) -> list[tuple[int, int, object]]:
    with monkeypatch.context() as m:
        m.setattr(_Parser, "can_start", lambda self, i: True)
        return [(d.start, d.end, d.expr) for d in find_dates(text, lang)]


@pytest.mark.parametrize(("lang", "word", "starts"), [
    ("ar", "يوليو", True),
    ("ar", "ويوليو", True),  # with a proclitic
    ("ar", "وقال", False),
    ("ar", "الاتحاد", False),
    ("fa", "مهرماه", True),  # a month with ماه attached
    ("fa", "امروز", True),
    ("fa", "سازمان", False),
])
def test_can_start(lang: str, word: str, starts: bool) -> None:
    parser = _Parser(normalize(word).text, lang)
    assert parser.can_start(0) is starts


def test_numbers_can_start() -> None:
    parser = _Parser("قال 2019 قال 16.07.2021", "ar")
    assert [parser.can_start(i) for i in range(len(parser.toks))] == [False, True, False, True]


def test_same_dates_as_trying_every_token(monkeypatch: pytest.MonkeyPatch) -> None:
    found = 0
    for lang, text in _texts():
        folded = normalize(text).text
        expected = _everywhere(monkeypatch, folded, lang)
        assert [(d.start, d.end, d.expr) for d in find_dates(folded, lang)] == expected, text[:60]
        found += len(expected)
    assert found > 50


@pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data is not beside the repository")
@pytest.mark.parametrize(("lang", "path", "sep"), [
    ("ar", "anercorp-full/test.txt", " "),
    ("fa", "peyma-split/test.txt", "|"),
])
def test_same_dates_on_news_corpora(monkeypatch: pytest.MonkeyPatch, lang: str, path: str, sep: str) -> None:
    lines = (DATA / path).read_text(encoding="utf-8").splitlines()
    text = normalize(" ".join(line.rpartition(sep)[0] or "\n" for line in lines)).text
    expected = _everywhere(monkeypatch, text, lang)
    assert [(d.start, d.end, d.expr) for d in find_dates(text, lang)] == expected
    assert len(expected) > 50
