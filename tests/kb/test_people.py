"""Curated people (`people.yaml`): size, shape, spellings that resolve, no clash with places and orgs."""

from __future__ import annotations

import pytest

from arfa.kb import KBEntity, KnowledgeBase
from arfa.models import Label
from arfa.normalize import fold


def _people(kb: KnowledgeBase) -> list[KBEntity]:
    return [e for e in kb if e.label is Label.PER]


def test_at_least_400_people(kb: KnowledgeBase) -> None:
    assert len(_people(kb)) >= 400


def test_ids_unique_and_slugged(kb: KnowledgeBase) -> None:
    ids = [e.id for e in _people(kb)]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("per/") and i == i.lower() for i in ids)


def test_every_curated_person_has_arabic_and_persian_names(kb: KnowledgeBase) -> None:
    # generated people (gen_leaders.yaml) carry only the names their source gives
    curated = [e for e in _people(kb) if e.source.startswith("curated")]
    missing = [e.id for e in curated if not e.names.get("ar") or not e.names.get("fa")]
    # a seed person named only in an Arabic seed article, kept as the seed has it
    assert missing in ([], ["per/abu-bakr-abu-al-majd"])


def test_new_people_do_not_clash_with_places_or_orgs(kb: KnowledgeBase) -> None:
    other = {a.key for a in kb.aliases() if a.label is not Label.PER}
    clashes = [
        (e.id, surface)
        for e in _people(kb)
        if e.source.startswith("curated (news") or "leaders_names" in e.source
        for surface, _ in e.all_names()
        if fold(surface) in other
    ]
    assert not clashes


SAMPLE = [
    ("per/kassym-jomart-tokayev", "قاسم جومارت توكاييف", "قاسم ژومارت توکایف"),
    ("per/vladimir-putin", "فلاديمير بوتين", "ولادیمیر پوتین"),
    ("per/xi-jinping", "شي جين بينغ", "شی جین‌پینگ"),
    ("per/sergey-lavrov", "سيرغي لافروف", "سرگئی لاوروف"),
    ("per/wang-yi", "وانغ يي", "وانگ یی"),
    ("per/narendra-modi", "ناريندرا مودي", "نارندرا مودی"),
    ("per/mohammad-javad-zarif", "محمد جواد ظريف", "محمدجواد ظریف"),
    ("per/abbas-araghchi", "عباس عراقجي", "عباس عراقچی"),
    ("per/ali-khamenei", "علي خامنئي", "علی خامنه‌ای"),
    ("per/recep-tayyip-erdogan", "رجب طيب أردوغان", "رجب طیب اردوغان"),
    ("per/ilham-aliyev", "إلهام علييف", "الهام علی‌اف"),
    ("per/nikol-pashinyan", "نيكول باشينيان", "نیکول پاشینیان"),
    ("per/alexander-lukashenko", "ألكسندر لوكاشينكو", "الکساندر لوکاشنکو"),
    ("per/sadyr-japarov", "صادر جباروف", "صدر جپاروف"),
    ("per/gurbanguly-berdimuhamedow", "قربان قولي بردي محمدوف", "قربانقلی بردی‌محمداف"),
    ("per/hamid-karzai", "حامد كرزاي", "حامد کرزی"),
    ("per/amir-khan-muttaqi", "أمير خان متقي", "امیرخان متقی"),
    ("per/donald-trump", "دونالد ترامب", "دونالد ترامپ"),
    ("per/josep-borrell", "جوزيب بوريل", "جوزپ بورل"),
    ("per/jens-stoltenberg", "ينس ستولتنبرغ", "ینس استولتنبرگ"),
    ("per/rafael-grossi", "رافائيل غروسي", "رافائل گروسی"),
    ("per/ahmed-aboul-gheit", "أحمد أبو الغيط", "احمد ابوالغیط"),
    ("per/mohammed-bin-salman", "محمد بن سلمان", "محمد بن سلمان"),
    ("per/abdel-fattah-el-sisi", "عبد الفتاح السيسي", "عبدالفتاح السیسی"),
    # generated office holders with the spellings of scripts/data/leaders_names.tsv
    ("per/amir-hatami", "أمير حاتمي", "امیر حاتمی"),
    ("per/murat-bektanov", "مراد بكتانوف", "مراد بکتانوف"),
    ("per/viktor-khrenin", "فيكتور خرينين", "ویکتور خرنین"),
    ("per/han-zheng", "هان تشنغ", "هان ژنگ"),
    ("per/suren-papikyan", "سورين بابيكيان", "سورن پاپیکیان"),
    # a curated person merged with their generated duplicate answers to both English spellings
    ("per/mukhtar-tileuberdi", "مختار تلئوبردي", "مختار تلئوبردی"),
]


@pytest.mark.parametrize(("entity_id", "arabic", "persian"), SAMPLE, ids=[s[0] for s in SAMPLE])
def test_arabic_and_persian_spellings_resolve(kb: KnowledgeBase, entity_id: str, arabic: str, persian: str) -> None:
    assert entity_id in kb
    for surface in (arabic, persian):
        people = [a.entity_id for a in kb.lookup(surface) if a.label is Label.PER]
        assert people and people[0] == entity_id, (surface, people)
