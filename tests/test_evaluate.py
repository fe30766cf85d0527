from __future__ import annotations

from pathlib import Path

from arfa.evaluate import evaluate, snap
from arfa.models import Document, Entity


def doc(text: str, ents: list[tuple[int, int, str, str | None]], id: str = "d") -> Document:
    return Document(id=id, text=text, entities=[
        Entity(start=s, end=e, text=text[s:e], label=lab, canonical=can) for s, e, lab, can in ents
    ])


def test_snap_keeps_zwnj_inside_words() -> None:
    text = "سازمان\u200cهای ملل"
    assert snap(text, 0, 6) == (0, 10)


def test_clitic_difference_is_not_an_error() -> None:
    text = "والاتحاد الأوروبي"
    gold = doc(text, [(1, 17, "ORG", "European Union")])
    pred = doc(text, [(0, 17, "ORG", "European Union")])
    report = evaluate([gold], {"d": pred})
    assert report.micro.f1 == 1.0 and report.canonical_accuracy == 1.0


def test_missing_word_and_wrong_label_cost() -> None:
    text = "منظمة شنغهاي للتعاون في فيينا"
    gold = doc(text, [(0, 20, "ORG", "SCO"), (24, 29, "LOC", "Vienna")])
    pred = doc(text, [(0, 12, "ORG", "SCO"), (24, 29, "ORG", "Vienna")])
    report = evaluate([gold], {"d": pred})
    assert report.micro.tp == 0 and report.micro.fp == 2 and report.micro.fn == 2


def test_wrong_canonical_counts_against_accuracy() -> None:
    text = "في فيينا"
    report = evaluate([doc(text, [(3, 8, "LOC", "Vienna")])], {"d": doc(text, [(3, 8, "LOC", "Venice")])})
    assert report.micro.f1 == 1.0 and report.canonical_accuracy == 0.0


def test_missing_prediction_is_reported() -> None:
    report = evaluate([doc("في فيينا", [(3, 8, "LOC", "Vienna")])], {})
    assert report.micro.fn == 1 and report.errors


def test_gold_against_itself_is_perfect(gold_path: Path) -> None:
    gold = [Document.from_json(line) for line in gold_path.read_text(encoding="utf-8").splitlines()]
    report = evaluate(gold, {g.id or "": g for g in gold})
    assert report.micro.f1 == 1.0 and report.canonical_accuracy == 1.0 and report.value_accuracy == 1.0
    assert report.micro.tp == 252
