from __future__ import annotations

import pytest

from arfa.kb.store import KBEntity, KnowledgeBase
from arfa.normalize import normalize
from arfa.recognize.base import NEEDS_FULL_NAME, Candidate, Segment
from arfa.recognize.document import apply_document_rules
from arfa.recognize.gazetteer import GazetteerRecognizer

KB = KnowledgeBase([
    KBEntity(id="org/un", label="ORG", name="United Nations",
             names={"ar": ("الأمم المتحدة",), "fa": ("سازمان ملل",)}, acronyms=("UN",)),
    KBEntity(id="org/eu", label="ORG", name="European Union",
             names={"ar": ("الاتحاد الأوروبي",)}, acronyms=("EU",)),
    KBEntity(id="loc/tajikistan", label="LOC", name="Tajikistan", names={"ar": ("طاجيكستان",)}),
    KBEntity(id="loc/lebanon", label="LOC", name="Lebanon", names={"ar": ("لبنان",)}),
    KBEntity(id="loc/vigo", label="LOC", name="Vigo", names={"fa": ("وگو",)}),
    KBEntity(id="per/norov", label="PER", name="Vladimir Norov",
             names={"ar": ("فلاديمير نوروف",)}, short=("نوروف",)),
])


def local(text: str, lang: str = "ar") -> list[Candidate]:
    """What the gazetteer reports for one segment, before the document rules."""
    return GazetteerRecognizer(KB, lang)(Segment(text, 0, normalize(text), (), (), lang))


def found(text: str, lang: str = "ar") -> list[tuple[str, str | None]]:
    """Matches of a one-segment document, after the document rules."""
    norm = normalize(text)
    out = []
    for cand in apply_document_rules([local(text, lang)])[0]:
        s, e = norm.span_to_orig(cand.start, cand.end)
        out.append((text[s:e], cand.kb_id))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("والاتحاد الأوروبي", [("الاتحاد الأوروبي", "org/eu")]),
        ("بالأمم المتحدة", [("الأمم المتحدة", "org/un")]),
        ("للأمم المتحدة", [("لأمم المتحدة", "org/un")]),  # li + al-: span after the first lam
        ("للاتحاد الأوروبي", [("لاتحاد الأوروبي", "org/eu")]),
        ("وطاجيكستان", [("طاجيكستان", "loc/tajikistan")]),
        ("لبنان", [("لبنان", "loc/lebanon")]),  # not ل + بنان
        ("الأُمَمُ المُتَّحِدَة", [("الأُمَمُ المُتَّحِدَة", "org/un")]),  # diacritics
        ("(EU)", [("EU", "org/eu")]),
        ("eu", []),  # a Latin acronym must be upper-case
        ("سازمان ملل", [("سازمان ملل", "org/un")]),
        # a match never starts after a ZWNJ, inside a Persian word (گفت‌وگو is not Vigo)
        ("گفت\u200cوگو کردند", []),
        ("سفر به وگو", [("وگو", "loc/vigo")]),
        ("سازمان\u200cملل", [("سازمان\u200cملل", "org/un")]),
    ],
)
def test_matches(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_short_form_needs_the_full_name_in_the_document() -> None:
    assert [(c.kb_id, c.needs) for c in local("قال نوروف")] == [("per/norov", NEEDS_FULL_NAME)]
    assert found("قال نوروف") == []
    assert found("السيد فلاديمير نوروف. وقال نوروف") == [
        ("فلاديمير نوروف", "per/norov"), ("نوروف", "per/norov"),
    ]


def test_persian_has_no_clitic_stripping() -> None:
    assert found("وطاجيكستان", lang="fa") == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fa", "نشست در دوشنبه برگزار شد", ["Dushanbe"]),
        ("fa", "نشست در دوشنبه برگزار شد و نشست دوشنبه موفق بود", ["Dushanbe", "Dushanbe"]),  # confirmed once
        ("fa", "جلسه روز دوشنبه برگزار شد", []),  # Monday
        ("fa", "جلسه دوشنبه برگزار شد", []),  # no cue: Monday
        ("fa", "در دوشنبه 12 ژوئیه", []),  # a date follows: Monday
        ("fa", "در آستانه اجلاس سران", []),  # idiom: on the eve of
        ("fa", "نشست سران در آستانه برگزار شد", ["Astana"]),  # in Astana: a verb follows
        ("fa", "در آستانه سفر رئیس جمهور", []),  # idiom: on the eve of the trip
        ("fa", "وزیر به آستانه سفر کرد", ["Astana"]),  # travelled to Astana
        ("ar", "وفقا للاستراتيجية الجديدة", []),  # El Jadida is not "new"
        ("ar", "بأنه خلال القمة", []),
        ("ar", "تعزيز فعالية الاتصالات", []),  # not ف + عالية (Aley)
        ("ar", "عقد الاجتماع في دوشنبه", ["Dushanbe"]),
        ("ar", "مشروع جديد في مدينة أكتاو", ["Aktau"]),  # مدينة is the head noun, not Medina
    ],
)
def test_homographs_by_context(lang: str, text: str, expected: list[str]) -> None:
    from arfa.pipeline import Pipeline

    doc = Pipeline(lang, recognizers=["gazetteer"])(text)
    assert [e.canonical for e in doc.entities if e.label.value == "LOC"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a national ministry without its country: an ORG guess at the model's priority
        ("قالت وزارة الخارجية إن الوفد غادر", [("وزارة الخارجية", 0)]),
        ("ولوزارة الخارجية دور", [("وزارة الخارجية", 0)]),  # proclitics outside
        ("به گفته وزارت امور خارجه، وزیر رفت", [("وزارت امور خارجه", 0)]),
        # the name goes on with a definite word: no guess
        ("قالت وزارة الخارجية والمغتربين إن", []),
    ],
)
def test_national_bodies_without_their_country(text: str, expected: list[tuple[str, int]]) -> None:
    from arfa.kb import load_default_kb

    lang = "fa" if "وزارت" in text else "ar"
    norm = normalize(text)
    found = []
    for cand in GazetteerRecognizer(load_default_kb(), lang)(Segment(text, 0, norm, (), (), lang)):
        if cand.label.value == "ORG" and cand.kb_id is None:
            s, e = norm.span_to_orig(cand.start, cand.end)
            found.append((text[s:e], cand.priority))
    assert found == expected
