from __future__ import annotations

from pathlib import Path

import pytest

from arfa.langid import detect

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
