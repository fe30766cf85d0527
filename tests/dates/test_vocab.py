"""Data integrity: the shipped vocabulary equals what ``scripts/build_date_vocab.py`` writes."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from _scripts import load_script
from arfa.dates.vocab import load_vocab
from arfa.normalize import fold

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_date_vocab.py"
SHIPPED = ROOT / "src" / "arfa" / "resources" / "dates" / "vocab.json"


def _script() -> ModuleType:
    return load_script(SCRIPT.stem)


def test_shipped_file_is_generated() -> None:
    script = _script()
    if not script.DEFAULT_CLDR.is_dir():
        pytest.skip(f"CLDR data not found at {script.DEFAULT_CLDR}")
    assert SHIPPED.read_text(encoding="utf-8") == script.render(script.DEFAULT_CLDR), (
        "vocab.json is stale: run python scripts/build_date_vocab.py"
    )


@pytest.mark.parametrize(
    ("lang", "word", "calendar", "month"),
    [
        ("ar", "يناير", "gregorian", 1),
        ("ar", "كانون الثاني", "gregorian", 1),
        ("ar", "جانفي", "gregorian", 1),
        ("ar", "تموز", "gregorian", 7),
        ("ar", "جويلية", "gregorian", 7),
        ("ar", "غشت", "gregorian", 8),
        ("ar", "آب", "gregorian", 8),
        ("ar", "يونيه", "gregorian", 6),
        ("ar", "ذو الحجة", "islamic", 12),
        ("fa", "ژانویه", "gregorian", 1),
        ("fa", "ژوئیه", "gregorian", 7),
        ("fa", "ژوییه", "gregorian", 7),
        ("fa", "اوت", "gregorian", 8),
        ("fa", "سپتامبر", "gregorian", 9),
        ("fa", "فروردین", "persian", 1),
        ("fa", "اسفند", "persian", 12),
        ("fa", "حمل", "persian", 1),
        ("fa", "حوت", "persian", 12),
        ("fa", "محرم", "islamic", 1),
    ],
)
def test_month_names(lang: str, word: str, calendar: str, month: int) -> None:
    entries = load_vocab(lang).lookup(tuple(fold(word).split()))
    assert any(e.kind == "month" and e.calendar == calendar and e.value == month for e in entries)


def test_unknown_language() -> None:
    with pytest.raises(ValueError):
        load_vocab("en")
