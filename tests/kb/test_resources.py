"""Generated breadth files of the knowledge base: in sync with their scripts, and sound data."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from _scripts import load_script
from arfa.kb import KnowledgeBase
from arfa.kb.store import load_entities
from arfa.lang import ar as lang_ar
from arfa.lang import fa as lang_fa
from arfa.models import Label
from arfa.normalize import fold

from .conftest import SHARED

ROOT = Path(__file__).parents[2]
KB_DIR = ROOT / "src/arfa/resources/kb"


def _script(name: str) -> ModuleType:
    return load_script(name)


@pytest.mark.skipif(not (SHARED / "data/anetac").is_dir(), reason="../shared is absent")
@pytest.mark.parametrize(("script", "target"), [
    ("build_kb_admin1", "gen_admin1.yaml"),
    ("build_kb_people", "gen_leaders.yaml"),
])
def test_generated_file_matches_its_script(script: str, target: str) -> None:
    text = _script(script).build()
    assert (KB_DIR / target).read_text(encoding="utf-8") == text, f"{target} is stale: run scripts/{script}.py"


def test_a_person_qid_names_one_person(kb: KnowledgeBase) -> None:
    counts = Counter(e.wikidata for e in kb if e.label is Label.PER and e.wikidata)
    assert [q for q, n in counts.items() if n > 1] == []


def test_every_row_of_the_spellings_table_reaches_its_person(kb: KnowledgeBase) -> None:
    by_qid = {e.wikidata: e for e in kb if e.label is Label.PER and e.wikidata}
    spellings = _script("build_kb_people")._spellings()
    assert len(spellings) >= 100
    missing = [(qid, lang, name) for qid, local in spellings.items() for lang, names in local.items()
               for name in names if qid not in by_qid or name not in by_qid[qid].names.get(lang, ())]
    assert missing == []


def test_every_generated_leader_has_a_qid_and_a_source() -> None:
    leaders = load_entities(KB_DIR / "gen_leaders.yaml")
    assert len(leaders) >= 1000
    assert all(e.wikidata and e.source.startswith("Wikidata") for e in leaders)


@pytest.mark.parametrize(("entity_id", "spelling"), [
    ("loc/sughd-province", "سغد"),
    ("loc/tehran-province", "استان تهران"),
    ("loc/gharbia-governorate", "محافظة الغربية"),
    ("loc/khatlon-province", "ختلان"),
])
def test_division_spellings_resolve(kb: KnowledgeBase, entity_id: str, spelling: str) -> None:
    assert entity_id in {a.entity_id for a in kb.lookup(spelling)}


@pytest.mark.parametrize("spelling", ["طهران", "تهران", "الغربية", "الشمال", "فارس", "درعا"])
def test_a_bare_city_name_or_word_is_not_a_division(kb: KnowledgeBase, spelling: str) -> None:
    divisions = {e.id for e in load_entities(KB_DIR / "gen_admin1.yaml")}
    assert not divisions & {a.entity_id for a in kb.lookup(spelling)}


def test_no_division_alias_is_an_ordinary_word() -> None:
    common = lang_ar.common_words() | lang_fa.common_words()
    words = [(e.id, n) for e in load_entities(KB_DIR / "gen_admin1.yaml")
             for lang in ("ar", "fa") for n in e.names.get(lang, ()) if fold(n) in common]
    assert words == []


def test_region_orgs_file_matches_its_script() -> None:
    text = _script("build_kb_orgs").build()
    assert (KB_DIR / "gen_orgs_region.yaml").read_text(encoding="utf-8") == text, (
        "gen_orgs_region.yaml is stale: run scripts/build_kb_orgs.py")


@pytest.mark.parametrize(("entity_id", "spelling"), [
    ("org/ilna", "ایلنا"),
    ("org/kuna", "وكالة الأنباء الكويتية"),
    ("org/irgc", "الحرس الثوري"),
    ("org/irgc", "سپاه پاسداران انقلاب اسلامی"),
    ("org/mois", "وزارت اطلاعات"),
    ("org/crrf-csto", "القوات الجماعية للانتشار السريع"),
    ("org/jaish-ul-adl", "جیش‌العدل"),
    ("org/tip", "الحزب الإسلامي التركستاني"),
    ("org/tiktok", "تيك توك"),
    ("org/gknb-kg", "ГКНБ Кыргызстана"),
    ("org/mod-russia", "وزارة الدفاع الروسية"),
    ("org/moi-iran", "وزارت کشور ایران"),
    ("org/moi-afghanistan", "وزارت امور داخله افغانستان"),
    ("org/unami", "یونامی"),
    ("org/united-nations-relief-and-works-agency-for-palestine-refugees-in-the-near-ea", "الأونروا"),
])
def test_region_org_spellings_resolve(kb: KnowledgeBase, entity_id: str, spelling: str) -> None:
    assert entity_id in {a.entity_id for a in kb.lookup(spelling)}


@pytest.mark.parametrize("word", ["الجزيرة", "العربية", "القاعدة", "مهر", "فارس", "سپاه", "بسیج", "الشرق", "ایران"])
def test_an_ordinary_word_is_no_region_org_name(kb: KnowledgeBase, word: str) -> None:
    region = {e.id for e in load_entities(KB_DIR / "gen_orgs_region.yaml")}
    assert not region & {a.entity_id for a in kb.lookup(word)}


def test_no_region_org_alias_is_an_ordinary_word() -> None:
    common = lang_ar.common_words() | lang_fa.common_words()
    words = [(e.id, n) for e in load_entities(KB_DIR / "gen_orgs_region.yaml")
             for lang in ("ar", "fa") for n in e.names.get(lang, ()) if fold(n) in common]
    assert words == []
