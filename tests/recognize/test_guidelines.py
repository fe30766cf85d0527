"""The ORG/LOC rules and homographs of the second edition of the annotation guidelines.

One table per rule: positive cases ``(lang, sentence, span, label, canonical)`` must be
found (``canonical=None``: any), negative cases ``(lang, sentence, span, label)`` must not.
The pipeline runs the knowledge-base and date recognizers only, so what is tested is the
rules, not a statistical model's guesses. The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from arfa.pipeline import Pipeline

Pos = tuple[str, str, str, str, "str | None"]
Neg = tuple[str, str, str, str]

RULES: dict[str, tuple[list[Pos], list[Neg]]] = {
    "bodies with التابع لـ and در": (
        [
            ("ar", "أعلن المركز الإقليمي التابع للأمم المتحدة عن مؤتمر.", "المركز الإقليمي التابع للأمم المتحدة", "ORG", None),
            ("ar", "قالت اللجنة التابعة لمنظمة الأمن والتعاون في أوروبا إن.", "اللجنة التابعة لمنظمة الأمن والتعاون في أوروبا", "ORG", None),
            ("fa", "نمایندگی سازمان ملل در کابل بیانیه داد.", "نمایندگی سازمان ملل در کابل", "ORG", None),
            ("ar", "افتتح مكتب منظمة الأمن والتعاون في أوروبا في أستانا.", "مكتب منظمة الأمن والتعاون في أوروبا في أستانا", "ORG", None),
            ("fa", "دبیرخانه سازمان همکاری شانگهای بیانیه داد.", "دبیرخانه سازمان همکاری شانگهای", "ORG", "SCO Secretariat"),
        ],
        [
            ("fa", "نمایندگی سازمان ملل در کابل بیانیه داد.", "کابل", "LOC"),
            ("fa", "سازمان ملل در کابل بیانیه داد.", "سازمان ملل در کابل", "ORG"),
            ("ar", "أعلن المركز الإقليمي التابع للأمم المتحدة عن مؤتمر.", "لأمم المتحدة", "ORG"),
            # a council's meeting place is not part of its name; an office's seat is
            (
                "ar",
                "اجتماع مجلس وزراء خارجية رابطة الدول المستقلة في بيشكيك.",
                "مجلس وزراء خارجية رابطة الدول المستقلة في بيشكيك",
                "ORG",
            ),
        ],
    ),
    "coordinated bodies": (
        [
            (
                "ar",
                "اجتمع مجلس وزراء الخارجية ومجلس وزراء الدفاع لمنظمة معاهدة الأمن الجماعي.",
                "مجلس وزراء الخارجية",
                "ORG",
                None,
            ),
            (
                "ar",
                "اجتمع مجلس وزراء الخارجية ومجلس وزراء الدفاع لمنظمة معاهدة الأمن الجماعي.",
                "مجلس وزراء الدفاع لمنظمة معاهدة الأمن الجماعي",
                "ORG",
                None,
            ),
            (
                "ar",
                "أعلن المركز الإقليمي التابع للأمم المتحدة ومكتب منظمة الأمن والتعاون في أوروبا في أستانا.",
                "مكتب منظمة الأمن والتعاون في أوروبا في أستانا",
                "ORG",
                None,
            ),
            ("ar", "بحسب وكالة الأناضول وقناة الجزيرة.", "قناة الجزيرة", "ORG", "Al Jazeera"),
        ],
        [
            (
                "ar",
                "أعلن المركز الإقليمي التابع للأمم المتحدة ومكتب منظمة الأمن والتعاون في أوروبا في أستانا.",
                "المركز الإقليمي التابع للأمم المتحدة ومكتب منظمة الأمن والتعاون في أوروبا في أستانا",
                "ORG",
            ),
            ("ar", "بحسب وكالة الأناضول وقناة الجزيرة.", "وكالة الأناضول وقناة الجزيرة", "ORG"),
            ("fa", "شورای وزیران دفاع، خارجه و کشور سازمان پیمان امنیت جمعی.", "خارجه", "ORG"),
        ],
    ),
    "events, posts, programmes, treaties and facilities left out": (
        [
            ("fa", "اجلاس شانگهای در دوشنبه برگزار شد.", "شانگهای", "ORG", "Shanghai Cooperation Organisation"),
            ("ar", "شارك في قمة منظمة شنغهاي للتعاون.", "منظمة شنغهاي للتعاون", "ORG", None),
            ("ar", "قال الأمين العام للأمم المتحدة إن.", "لأمم المتحدة", "ORG", "United Nations"),
            ("fa", "مجمع گفت‌وگوی تهران برگزار شد.", "تهران", "LOC", "Tehran"),
        ],
        [
            ("fa", "اجلاس شانگهای در دوشنبه برگزار شد.", "اجلاس شانگهای", "ORG"),
            ("ar", "شارك في قمة منظمة شنغهاي للتعاون.", "قمة منظمة شنغهاي للتعاون", "ORG"),
            ("ar", "قال الأمين العام للأمم المتحدة إن.", "الأمين العام للأمم المتحدة", "ORG"),
            ("fa", "مجمع گفت‌وگوی تهران برگزار شد.", "مجمع گفت‌وگوی تهران", "ORG"),
            ("ar", "وقعت الدول على معاهدة الأمن الجماعي عام 1992.", "معاهدة الأمن الجماعي", "ORG"),
            ("fa", "سران در کاخ کرملین دیدار کردند.", "کاخ کرملین", "LOC"),
        ],
    ),
    "official country names and رئیس جمهور X": (
        [
            ("ar", "التقى رئيس جمهورية طاجيكستان بالوفد.", "جمهورية طاجيكستان", "LOC", "Tajikistan"),
            ("ar", "وصل ممثل روسيا الاتحادية إلى فيينا.", "روسيا الاتحادية", "LOC", "Russia"),
            ("fa", "سفیر جمهوری اسلامی ایران گفت.", "جمهوری اسلامی ایران", "LOC", "Iran"),
            ("fa", "رئیس جمهور تاجیکستان وارد شد.", "تاجیکستان", "LOC", "Tajikistan"),
            ("fa", "رئیس‌جمهوری قزاقستان وارد شد.", "قزاقستان", "LOC", "Kazakhstan"),
            ("fa", "روسای جمهور ازبکستان و قرقیزستان دیدار کردند.", "ازبکستان", "LOC", "Uzbekistan"),
        ],
        [
            ("fa", "رئیس‌جمهوری قزاقستان وارد شد.", "جمهوری قزاقستان", "LOC"),
            ("ar", "التقى رئيس جمهورية طاجيكستان بالوفد.", "طاجيكستان", "LOC"),
        ],
    ),
    "nationality adjectives inside institution names": (
        [
            ("ar", "أعلنت هيئة الأمن الفيدرالية الروسية اعتقال خلية.", "هيئة الأمن الفيدرالية الروسية", "ORG", None),
            ("ar", "قالت القيادة المركزية الأمريكية في بيان.", "القيادة المركزية الأمريكية", "ORG", None),
            ("ar", "أعلنت وزارة الخارجية الكازاخستانية ذلك.", "وزارة الخارجية الكازاخستانية", "ORG", None),
            ("ar", "اجتمع مجلس الأمن الروسي أمس.", "مجلس الأمن الروسي", "ORG", None),
        ],
        [
            ("ar", "أعلنت هيئة الأمن الفيدرالية الروسية اعتقال خلية.", "هيئة الأمن الفيدرالية", "ORG"),
            ("ar", "قال الوزير الكازاخستاني إن.", "الكازاخستاني", "LOC"),
            ("ar", "اجتمع مجلس الأمن الروسي أمس.", "مجلس الأمن", "ORG"),
        ],
    ),
    "outlets, social networks and armed groups": (
        [
            ("fa", "به گزارش خبرگزاری فارس، وزیر گفت.", "خبرگزاری فارس", "ORG", "Fars News Agency"),
            ("fa", "طالبان در توییتر اعلام کرد.", "طالبان", "ORG", "Taliban"),
            ("fa", "طالبان در توییتر اعلام کرد.", "توییتر", "ORG", "Twitter"),
            ("ar", "تبنى تنظيم داعش الهجوم.", "تنظيم داعش", "ORG", "Islamic State"),
            ("ar", "نفت حركة طالبان ذلك.", "حركة طالبان", "ORG", "Taliban"),
            ("ar", "دوشانبي (خاور) - وصل الوفد.", "خاور", "ORG", "Khovar"),
            ("fa", "به گزارش خبرگزاری «ایرنا»، وزیر گفت.", "ایرنا", "ORG", "Islamic Republic News Agency"),
            ("fa", "به گزارش خبرگزاری «فارس»، وزیر گفت.", "فارس", "ORG", "Fars News Agency"),
            ("ar", "نقلت وكالة \"تسنيم\" عن مصدر.", "تسنيم", "ORG", "Tasnim News Agency"),
        ],
        [
            ("fa", "به گزارش خبرگزاری «فارس»، وزیر گفت.", "خبرگزاری «فارس»", "ORG"),
            ("ar", "في القاعدة العسكرية الروسية.", "القاعدة", "ORG"),
            ("ar", "في شبه الجزيرة العربية.", "الجزيرة", "ORG"),
            ("fa", "استان فارس در جنوب است.", "فارس", "ORG"),
        ],
    ),
    "Shanghai: the city or the SCO": (
        [
            ("fa", "عضویت ایران در شانگهای قطعی شد.", "شانگهای", "ORG", "Shanghai Cooperation Organisation"),
            ("ar", "انعقدت قمة \"شنغهاي\" في سمرقند.", "شنغهاي", "ORG", "Shanghai Cooperation Organisation"),
            ("fa", "کشورهای عضو شانگهای توافق کردند.", "شانگهای", "ORG", "Shanghai Cooperation Organisation"),
            ("fa", "شانگهای ۵ در سال ۱۹۹۶ تشکیل شد.", "شانگهای ۵", "ORG", "Shanghai Five"),
            ("ar", "وصل الوفد إلى مدينة شنغهاي الصينية.", "شنغهاي", "LOC", "Shanghai"),
            ("fa", "بندر شانگهای بزرگ‌ترین بندر جهان است.", "شانگهای", "LOC", "Shanghai"),
        ],
        [
            ("ar", "وصل الوفد إلى مدينة شنغهاي الصينية.", "شنغهاي", "ORG"),
            ("fa", "عضویت ایران در شانگهای قطعی شد.", "شانگهای", "LOC"),
            ("fa", "نشست در شانگهای برگزار شد.", "شانگهای", "ORG"),
        ],
    ),
    "دوشنبه: Monday or Dushanbe": (
        [
            ("fa", "وزیر دوشنبه گذشته به دوشنبه رفت.", "دوشنبه گذشته", "DATE", None),
            ("fa", "وزیر دوشنبه گذشته به دوشنبه رفت.", "دوشنبه", "LOC", "Dushanbe"),
            ("fa", "نشست در دوشنبه برگزار شد و وزیر دوشنبه به تهران بازگشت.", "دوشنبه", "DATE", None),
            ("fa", "صبح دوشنبه هیئت وارد دوشنبه شد.", "دوشنبه", "DATE", None),
        ],
        [
            ("fa", "وزیر دوشنبه گذشته به دوشنبه رفت.", "دوشنبه گذشته", "LOC"),
            ("fa", "نشست سران در دوشنبه برگزار شد.", "دوشنبه", "DATE"),
        ],
    ),
    "آستانه: Astana or the eve": (
        [
            ("fa", "وزیر به آستانه رفت.", "آستانه", "LOC", "Astana"),
            ("fa", "نشست در آستانه برگزار شد.", "آستانه", "LOC", "Astana"),
        ],
        [
            ("fa", "در آستانه اجلاس سران گفت.", "آستانه", "LOC"),
            ("fa", "صبر مردم به آستانه تحمل رسید.", "آستانه", "LOC"),
        ],
    ),
    "نور سلطان: the person or the city": (
        [
            ("fa", "نورسلطان نظربایف گفت.", "نورسلطان نظربایف", "PER", "Nursultan Nazarbayev"),
            ("fa", "نشست در نور سلطان برگزار شد.", "نور سلطان", "LOC", "Astana"),
            ("fa", "آقای نور سلطان در سخنرانی گفت.", "نور سلطان", "PER", "Nursultan Nazarbayev"),
            ("ar", "وصل الوفد إلى نور سلطان.", "نور سلطان", "LOC", "Astana"),
        ],
        [
            ("fa", "آقای نور سلطان در سخنرانی گفت.", "نور سلطان", "LOC"),
            ("fa", "نشست در نور سلطان برگزار شد.", "نور سلطان", "PER"),
        ],
    ),
}

POSITIVES = [(rule, *case) for rule, (pos, _) in RULES.items() for case in pos]
NEGATIVES = [(rule, *case) for rule, (_, neg) in RULES.items() for case in neg]


@pytest.fixture(scope="module")
def pipelines() -> dict[str, Pipeline]:
    return {lang: Pipeline(lang, recognizers=["gazetteer", "dates"]) for lang in ("ar", "fa")}


def _found(nlp: Pipeline, text: str) -> list[tuple[str, str, str | None]]:
    return [(e.text, e.label.value, e.canonical) for e in nlp(text, doc_date="2021-07-16").entities]


@pytest.mark.parametrize(("rule", "lang", "text", "span", "label", "canonical"), POSITIVES)
def test_positive(
    pipelines: dict[str, Pipeline], rule: str, lang: str, text: str, span: str, label: str, canonical: str | None
) -> None:
    assert span in text
    found = _found(pipelines[lang], text)
    assert any(s == span and lab == label and canonical in (None, c) for s, lab, c in found), (rule, found)


@pytest.mark.parametrize(("rule", "lang", "text", "span", "label"), NEGATIVES)
def test_negative(pipelines: dict[str, Pipeline], rule: str, lang: str, text: str, span: str, label: str) -> None:
    assert span in text
    found = _found(pipelines[lang], text)
    assert not any(s == span and lab == label for s, lab, _ in found), (rule, found)


@pytest.mark.parametrize("rule", sorted(RULES))
def test_every_rule_has_both_kinds(rule: str) -> None:
    positives, negatives = RULES[rule]
    assert len(positives) >= 2 and len(negatives) >= 2
