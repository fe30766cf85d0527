"""Composed canonical names for bodies the KB does not list (arfa.kb.bodies)."""

from __future__ import annotations

import pytest

from arfa.kb import KnowledgeBase, Mention, link_mentions
from arfa.kb.bodies import body_name
from arfa.models import Label
from arfa.normalize import fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مجلس وزراء خارجية رابطة الدول المستقلة", "CIS Council of Foreign Ministers"),
        ("الأمانة العامة لمنظمة معاهدة الأمن الجماعي", "CSTO Secretariat"),
        ("مركز مكافحة الإرهاب التابع لرابطة الدول المستقلة", "CIS Anti-Terrorism Centre"),
        ("شورای وزیران دفاع کشورهای عضو سازمان همکاری شانگهای", "SCO Council of Defence Ministers"),
        ("دبیرخانه سازمان همکاری اسلامی", "OIC Secretariat"),
        # an office and the place it sits in; a council meeting in a place is still the council
        ("مكتب برنامج منظمة الأمن والتعاون في أوروبا في دوشنبه", "OSCE Programme Office in Dushanbe"),
        ("دفتر سازمان همکاری شانگهای در پکن", "SCO Office in Beijing"),
        ("مجلس وزراء خارجية منظمة الأمن والتعاون في أوروبا", "OSCE Council of Foreign Ministers"),
        ("ستاد مشترک سازمان پیمان امنیت جمعی", "CSTO Joint Staff"),
        ("مجلس الأمن الجماعي لمنظمة معاهدة الأمن الجماعي", "CSTO Collective Security Council"),
        # a trailing place the KB does not know: no seat, no body
        ("مكتب برنامج منظمة الأمن والتعاون في أوروبا في مدينة وهمية", None),
        # a head the table does not know, or no known organization: nothing composed
        ("لجنة الصداقة لمنظمة شنغهاي للتعاون", None),
        ("مجلس وزراء خارجية الجامعة الوهمية", None),
    ],
)
def test_body_name(kb: KnowledgeBase, text: str, expected: str | None) -> None:
    found = body_name(kb, fold(text))
    assert (found[0] if found else None) == expected


def test_one_body_one_id_across_languages(kb: KnowledgeBase) -> None:
    ar = body_name(kb, fold("مجلس وزراء الدفاع لمنظمة شنغهاي للتعاون"))
    fa = body_name(kb, fold("شورای وزیران دفاع سازمان همکاری شانگهای"))
    assert ar is not None and ar == fa
    assert ar[1].startswith("x/org/")


def test_the_linker_names_an_unlisted_body(kb: KnowledgeBase) -> None:
    text = "الأمانة العامة لمنظمة معاهدة الأمن الجماعي"
    [found] = link_mentions([Mention(0, len(text), text, Label.ORG, None)], kb, "ar")
    assert found.entity_id is None and found.canonical == "CSTO Secretariat"
