from __future__ import annotations

from pathlib import Path

import pytest

from arfa.langid import detect
from arfa.pipeline import Pipeline

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("عقد اجتماع منظمة شنغهاي للتعاون في فيينا", "ar"),
        ("وزارة الخارجية الكازاخستانية", "ar"),
        ("جلسه شورای وزیران خارجه در دوشنبه برگزار شد", "fa"),
        ("سازمان همکاری شانگهای", "fa"),
        ("The OSCE met in Vienna.", "und"),
        ("2019-07-10 12:00", "und"),
        ("", "und"),
    ],
)
def test_detect(text: str, lang: str) -> None:
    assert detect(text) == lang


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seeds(path: Path) -> None:
    expected = "fa" if path.name.startswith("003") else "ar"
    assert detect(path.read_text(encoding="utf-8")) == expected


def _presentation_forms(text: str) -> str:
    """``text`` with each letter replaced by its isolated presentation form (same length)."""
    import unicodedata

    table: dict[str, str] = {}
    for cp in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFD)]:
        ch = chr(cp)
        if "ISOLATED" in unicodedata.name(ch, "") and len(unicodedata.normalize("NFKC", ch)) == 1:
            table.setdefault(unicodedata.normalize("NFKC", ch), ch)
    return "".join(table.get(ch, ch) for ch in text)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seeds_in_presentation_forms(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    shown = _presentation_forms(text)
    assert shown != text and len(shown) == len(text)
    assert detect(shown) == detect(text)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_presentation_forms_give_the_same_entities(path: Path, nlp: Pipeline) -> None:
    text = path.read_text(encoding="utf-8")
    plain, shown = nlp(text), nlp(_presentation_forms(text))
    assert shown.lang == plain.lang
    key = [(e.start, e.end, e.label, e.canonical, e.value) for e in plain.entities]
    assert [(e.start, e.end, e.label, e.canonical, e.value) for e in shown.entities] == key
    assert key  # the seeds have entities
