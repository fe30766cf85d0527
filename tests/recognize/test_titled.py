"""Persons named after a title and its complement (arfa.recognize.titled)."""

from __future__ import annotations

import pytest

from arfa.kb.store import load_default_kb
from arfa.models import Label
from arfa.normalize import fold
from arfa.recognize.base import Candidate
from arfa.recognize.titled import people_after_titles, place_and_org_words


def _found(text: str, lang: str, known: tuple[tuple[str, Label], ...] = ()) -> list[str]:
    folded = fold(text)
    merged = []
    for name, label in known:
        start = folded.index(fold(name))
        merged.append(Candidate(start, start + len(fold(name)), label, "gazetteer", priority=10, kb_id="x"))
    out = people_after_titles(folded, merged, lang, load_default_kb())
    for cand in out:
        assert cand.label is Label.PER and cand.source == "titles" and cand.priority == 0
    return [folded[c.start : c.end] for c in out]


@pytest.mark.parametrize(
    ("text", "lang", "known", "expected"),
    [
        # title, definite complement, name
        ("التقى وزير الدفاع الأوزبكي بخودير قربانوف نظيره", "ar", (), ["بخودير قربانوف"]),
        # title, complement, organization and place already found, name
        (
            "ناقش الممثل الخاص للأمين العام للأمم المتحدة لآسيا الوسطى كاحا إمناذه الوضع",
            "ar",
            (("لأمم المتحدة", Label.ORG), ("آسيا الوسطى", Label.LOC)),
            ["كاحا إمناذه"],
        ),
        (
            "رئیس کمیته امنیت ملی قرقیزستان کامچیبک تاشیف روز سه شنبه",
            "fa",
            (("کمیته امنیت ملی قرقیزستان", Label.ORG),),
            ["کامچیبک تاشیف"],
        ),
        # a minister's portfolio completes the title; a place found is stepped over
        ("معاون وزیر خارجه روسیه آندری رودنکو گفت", "fa", (("روسیه", Label.LOC),), ["آندری رودنکو"]),
        # a name already found ends the frame
        ("قال وزير الخارجية سيرغي لافروف", "ar", (("سيرغي لافروف", Label.PER),), []),
        # one unknown word after a title is as often a verb as a name
        ("الأمين العام للأمم المتحدة يشيد بمستوى التعاون", "ar", (("لأمم المتحدة", Label.ORG),), []),
        # a pronoun suffix is no name; a word of a KB organization's name is none either
        ("لصالح وزير خارجيتها وتجارتها السابق", "ar", (), []),
        ("دیدار وزیر امور خارجه ترکمنستان", "fa", (), []),
        # a break word ends the frame
        ("مراسم خانم همت از آرامستان شاهرضا به طرف", "fa", (), []),
        # punctuation ends it too
        ("قال الرئيس، بخودير قربانوف", "ar", (), []),
        # four unknown words in a row are no name
        ("قال الوزير زيكو ميكو تيكو ليكو الآن", "ar", (), []),
        # a name in apposition right before a title, after punctuation, a break word or the start
        ("کاها ایمنادزه رئیس مرکز منطقه‌ای گفت", "fa", (), ["کاها ایمنادزه"]),
        ("به گزارش ایرنا، اسماعیل بقائی سخنگوی وزارت", "fa", (("ایرنا", Label.ORG),), ["اسماعیل بقائی"]),
        ("وقال إيمانغالي تاسماغامبيتوف، الأمين العام للمنظمة، إن", "ar", (), ["إيمانغالي تاسماغامبيتوف"]),
        # ... not when an ordinary word or more name-like words run on before them
        ("در این دیدار رئیس مرکز گفت", "fa", (), []),
        ("زيكو ميكو تيكو ليكو رئيس الوفد", "ar", (), []),
        # ... nor across anything but a comma
        ("کاها ایمنادزه: رئیس مرکز", "fa", (), []),
    ],
)
def test_people_after_titles(
    text: str, lang: str, known: tuple[tuple[str, Label], ...], expected: list[str]
) -> None:
    assert _found(text, lang, known) == [fold(e) for e in expected]


def test_place_and_org_words_leave_out_words_of_person_names() -> None:
    words = place_and_org_words(load_default_kb())
    assert fold("امور") in words
    assert fold("خان") not in words  # a word of people's names too
