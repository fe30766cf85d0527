"""One entity, written in Arabic, Persian, English and as an acronym, links to one id.

Each row also has spellings that are *not* aliases of the KB (checked by
``test_variant_is_not_literal``), so that fuzzy and skeleton matching are exercised.
"""

from __future__ import annotations

import pytest

from arfa.kb import KnowledgeBase, Mention, link_mentions
from arfa.models import Label

# entity id, label, variants; the variants after "|" are not literally in the KB
TABLE: list[tuple[str, Label, list[str], list[str]]] = [
    ("org/sco", Label.ORG, ["منظمة شنغهاي للتعاون", "سازمان همکاری شانگهای", "Shanghai Cooperation Organisation", "SCO", "ШОС"],
     ["منظمة شنقهاي للتعاون", "سازمان همکاری شانکهای"]),
    ("org/un", Label.ORG, ["الأمم المتحدة", "سازمان ملل متحد", "United Nations", "UN", "ООН"], ["للأمم المتحدة", "وللأمم المتحدة"]),
    ("org/osce", Label.ORG, ["منظمة الأمن والتعاون في أوروبا", "سازمان امنیت و همکاری اروپا", "OSCE", "ОБСЕ"],
     ["منظمة الامن و التعاون في اوروبا", "سازمان امنیت وهمکاری اروپا"]),
    ("org/csto", Label.ORG, ["منظمة معاهدة الأمن الجماعي", "سازمان پیمان امنیت جمعی", "CSTO", "ОДКБ"], ["منظمة معاهدة الأمن الجماعية"]),
    ("org/cis", Label.ORG, ["رابطة الدول المستقلة", "کشورهای مستقل مشترک‌المنافع", "CIS", "СНГ"], ["ورابطة الدول المستقله"]),
    ("org/eaeu", Label.ORG, ["الاتحاد الاقتصادي الأوراسي", "اتحادیه اقتصادی اوراسیا", "EAEU", "ЕАЭС"], ["الاتحاد الاقتصادي الأورآسيوي"]),
    ("org/cica", Label.ORG, ["مؤتمر التفاعل وإجراءات بناء الثقة في آسيا", "کنفرانس تعامل و اعتمادسازی در آسیا", "CICA", "سيكا"],
     ["مؤتمر التفاعل و إجراءات بناء الثقة في آسيا"]),
    ("org/eco", Label.ORG, ["منظمة التعاون الاقتصادي", "سازمان همکاری اقتصادی", "ECO", "اکو"], ["سازمان همکاریهای اقتصادی"]),
    ("org/oic", Label.ORG, ["منظمة التعاون الإسلامي", "سازمان همکاری اسلامی", "OIC", "ОИС"], ["بمنظمة التعاون الاسلامي"]),
    ("org/arab-league", Label.ORG, ["جامعة الدول العربية", "اتحادیه عرب", "Arab League", "League of Arab States"], ["وجامعة الدول العربيه"]),
    ("org/gcc", Label.ORG, ["مجلس التعاون الخليجي", "شورای همکاری خلیج فارس", "GCC", "Gulf Cooperation Council"], ["ومجلس التعاون الخليجى"]),
    ("org/nato", Label.ORG, ["حلف شمال الأطلسي", "ناتو", "NATO", "НАТО"], ["وحلف الناتو", "لحلف الناتو"]),
    ("org/eu", Label.ORG, ["الاتحاد الأوروبي", "اتحادیه اروپا", "European Union", "EU"], ["فالاتحاد الأوروبي", "والإتحاد الاوروبى"]),
    ("org/asean", Label.ORG, ["رابطة دول جنوب شرق آسيا", "آسه‌آن", "ASEAN", "АСЕАН"], ["ورابطة دول جنوب شرق اسيا"]),
    ("org/brics", Label.ORG, ["بريكس", "بریکس", "BRICS", "БРИКС"], ["ومجموعة بريكس"]),
    ("org/g20", Label.ORG, ["مجموعة العشرين", "گروه بیست", "G20", "Group of Twenty"], ["ومجموعة العشرين"]),
    ("org/iaea", Label.ORG, ["الوكالة الدولية للطاقة الذرية", "آژانس بین‌المللی انرژی اتمی", "IAEA", "МАГАТЭ"],
     ["للوكالة الدولية للطاقة الذرية"]),
    ("org/interpol", Label.ORG, ["الإنتربول", "اینترپل", "Interpol", "ICPO"], ["والانتربول"]),
    ("org/unsc", Label.ORG, ["مجلس الأمن الدولي", "شورای امنیت سازمان ملل", "UN Security Council", "UNSC"], ["لمجلس الأمن الدولي"]),
    ("org/sco-rats", Label.ORG, ["الهيكل الإقليمي لمكافحة الإرهاب", "ساختار منطقه‌ای ضد تروریستی", "Regional Anti-Terrorist Structure", "RATS", "РАТС"],
     ["والهيكل الإقليمي لمكافحة الإرهاب"]),
    ("org/who", Label.ORG, ["منظمة الصحة العالمية", "سازمان جهانی بهداشت", "World Health Organization", "WHO"], ["لمنظمة الصحة العالمية"]),
    ("org/imf", Label.ORG, ["صندوق النقد الدولي", "صندوق بین‌المللی پول", "International Monetary Fund", "IMF"], ["وصندوق النقد الدولى"]),
    ("loc/kazakhstan", Label.LOC, ["كازاخستان", "قزاقستان", "Kazakhstan", "Республика Казахстан"], ["وكازاخستان", "كازخستان"]),
    ("loc/tajikistan", Label.LOC, ["طاجيكستان", "تاجیکستان", "Tajikistan", "جمهوری تاجیکستان"], ["وطاجيكستان", "طاجيكيستان"]),
    ("loc/uzbekistan", Label.LOC, ["أوزبكستان", "ازبکستان", "Uzbekistan", "Республика Узбекистан"], ["بأوزبكستان", "اوزبیکستان"]),
    ("loc/kyrgyzstan", Label.LOC, ["قرغيزستان", "قرقیزستان", "Kyrgyzstan", "Киргизия"], ["وقيرغيزستان", "قيرغيزيستان"]),
    ("loc/turkmenistan", Label.LOC, ["تركمانستان", "ترکمنستان", "Turkmenistan", "Туркменистан"], ["وتركمانستان"]),
    ("loc/russia", Label.LOC, ["روسيا", "روسیه", "Russia", "Россия"], ["وروسيا", "روسيه الاتحادية"]),
    ("loc/united-states", Label.LOC, ["الولايات المتحدة", "ایالات متحده آمریکا", "United States", "USA"], ["والولايات المتحدة الامريكيه"]),
    ("loc/astana", Label.LOC, ["أستانا", "آستانه", "Astana", "Nur-Sultan"], ["بأستانا", "وأستانة"]),
    ("loc/dushanbe", Label.LOC, ["دوشنبه", "دوشنبه", "Dushanbe", "Душанбе"], ["بدوشنبه"]),
    ("loc/tashkent", Label.LOC, ["طشقند", "تاشکند", "Tashkent", "Ташкент"], ["وطشقند", "طاشكند"]),
    ("loc/vienna", Label.LOC, ["فيينا", "وین", "Vienna", "Вена"], ["بفيينا", "وفيينا"]),
    ("loc/central-asia", Label.LOC, ["آسيا الوسطى", "آسیای مرکزی", "Central Asia", "Центральная Азия"], ["وآسيا الوسطى", "لآسيا الوسطى"]),
    ("loc/middle-east", Label.LOC, ["الشرق الأوسط", "خاورمیانه", "Middle East", "Ближний Восток"], ["والشرق الاوسط"]),
    ("per/antonio-guterres", Label.PER, ["أنطونيو غوتيريش", "آنتونیو گوترش", "António Guterres", "Antonio Guterres"],
     ["أنطونيو غوتيرش", "انطونيو جوتيرش"]),
    ("per/kairat-abdrakhmanov", Label.PER, ["خيرت عبد الرحمنوف", "خیرت عبدالرحمانوف", "Kairat Abdrakhmanov", "Кайрат Абдрахманов"],
     ["قايرات عبد الرحمانوف", "كايرات عبد الرحمانوف"]),
    ("per/thomas-greminger", Label.PER, ["توماس جريمنغر", "توماس گرمینگر", "Thomas Greminger", "Томас Гремингер"],
     ["توماس غريمنجر", "توماس جريمينجر"]),
    ("per/sergey-vershinin", Label.PER, ["سيرغي فيرشينين", "سرگئی ورشینین", "Sergey Vershinin", "Сергей Вершинин"],
     ["سيرجي فرشينين", "Sergey Vershinine"]),
    ("per/shavkat-mirziyoyev", Label.PER, ["شوكت ميرضيائيف", "شوکت میرضیایف", "Shavkat Mirziyoyev", "Шавкат Мирзиёев"],
     ["شوكت ميرزيائيف", "شوکت میرضیایوف"]),
]

CASES = [(ident, label, text) for ident, label, known, extra in TABLE for text in [*known, *extra]]


@pytest.mark.parametrize(("entity_id", "label", "text"), CASES)
def test_variant_links_to_entity(kb: KnowledgeBase, entity_id: str, label: Label, text: str) -> None:
    [found] = link_mentions([Mention(0, len(text), text, label, None)], kb, "ar")
    assert found.entity_id == entity_id, text
    assert found.canonical_id == entity_id


def test_table_is_large_enough() -> None:
    assert len(TABLE) >= 30
    assert all(len(known) + len(extra) >= 4 and extra for _, _, known, extra in TABLE)


@pytest.mark.parametrize(("entity_id", "label", "text"), [(i, lab, t) for i, lab, _, ex in TABLE for t in ex])
def test_variant_is_not_literal(kb: KnowledgeBase, entity_id: str, label: Label, text: str) -> None:
    """The extra spellings are not KB aliases: the linker had to work for them."""
    assert entity_id not in {alias.entity_id for alias in kb.lookup(text)}
