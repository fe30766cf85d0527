"""The linker's stages, one at a time."""

from __future__ import annotations

import pytest

from arfa.kb import KBEntity, KnowledgeBase, Mention, link_mentions
from arfa.kb.link import (
    FUZZY_THRESHOLD,
    _build_index,
    _extract_hits,
    _ratio_scores,
    _score_hits,
    clitic_variants,
    skeleton,
)
from arfa.models import Label


def m(text: str, label: Label = Label.ORG, kb_id: str | None = None) -> Mention:
    return Mention(0, len(text), text, label, kb_id)


def test_same_length_and_order(kb: KnowledgeBase) -> None:
    mentions = [m("الناتو"), m("فيينا", Label.LOC), m("لا شيء هنا", Label.PER)]
    found = link_mentions(mentions, kb, "ar")
    assert [f.entity_id for f in found] == ["org/nato", "loc/vienna", None]
    assert link_mentions([], kb, "ar") == []


def test_given_kb_id_is_kept_when_consistent(kb: KnowledgeBase) -> None:
    assert link_mentions([m("شانگهای", Label.ORG, "org/sco")], kb, "fa")[0].entity_id == "org/sco"
    # a kb_id with the wrong label is ignored
    assert link_mentions([m("شانگهای", Label.LOC, "org/sco")], kb, "fa")[0].entity_id == "loc/shanghai"


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("لأمم المتحدة", Label.ORG, "org/un"),
        ("لاتحاد الأوروبي", Label.ORG, "org/eu"),
        ("والاتحاد الأوروبي", Label.ORG, "org/eu"),
        ("لجمعية العامة للأمم المتحدة", Label.ORG, "org/unga"),
        ("بالأمم المتحدة", Label.ORG, "org/un"),
        ("وكازاخستان", Label.LOC, "loc/kazakhstan"),
    ],
)
def test_clitics(kb: KnowledgeBase, text: str, label: Label, expected: str) -> None:
    assert link_mentions([m(text, label)], kb, "ar")[0].entity_id == expected


def test_label_restricts_candidates(kb: KnowledgeBase) -> None:
    found = link_mentions([m("شانگهای", Label.LOC)], kb, "fa")[0]
    assert found.canonical == "Shanghai"


def test_surname_needs_the_full_name_in_the_document(kb: KnowledgeBase) -> None:
    alone = link_mentions([m("نوروف", Label.PER)], kb, "ar")
    assert alone[0].entity_id is None
    both = link_mentions([m("نوروف", Label.PER), m("فلاديمير نوروف", Label.PER)], kb, "ar")
    assert [f.canonical for f in both] == ["Vladimir Norov", "Vladimir Norov"]
    variant = link_mentions([m("توماس جريمنغر", Label.PER), m("غريمينغير", Label.PER)], kb, "ar")
    assert [f.entity_id for f in variant] == ["per/thomas-greminger"] * 2


def test_first_part_of_a_compound_surname_joins_the_full_name() -> None:
    kb = KnowledgeBase([
        KBEntity(id="per/bagheri", label=Label.PER, name="Ali Bagheri Kani", names={"fa": ("علی باقری کنی",)}),
        KBEntity(id="per/other", label=Label.PER, name="Reza Kani", names={"fa": ("رضا کنی",)}),
        KBEntity(id="per/lankarani", label=Label.PER, name="Hassan Bagheri Lankarani",
                 names={"fa": ("حسن باقری لنکرانی",)}),
    ])
    found = link_mentions([m("علی باقری کنی", Label.PER), m("باقری", Label.PER), m("کنی", Label.PER)], kb, "fa")
    assert [f.entity_id for f in found] == ["per/bagheri", "per/bagheri", "per/bagheri"]
    # two full names holding the word: no guess
    found = link_mentions([m("علی باقری کنی", Label.PER), m("حسن باقری لنکرانی", Label.PER), m("باقری", Label.PER)],
                          kb, "fa")
    assert found[2].entity_id is None


def test_ambiguous_alias_returns_none() -> None:
    kb = KnowledgeBase([
        KBEntity(id="per/a", label=Label.PER, name="Ali Karimov", names={"en": ("A. Karimov",)}),
        KBEntity(id="per/b", label=Label.PER, name="Anvar Karimov", names={"en": ("A. Karimov",)}),
    ])
    assert link_mentions([m("A. Karimov", Label.PER)], kb, "ar")[0].entity_id is None


def test_unknown_entities_cluster() -> None:
    kb = KnowledgeBase()
    found = link_mentions([m("الشركة الوطنية"), m("والشركة الوطنيه"), m("زيد عمرو", Label.PER), m("عمرو", Label.PER)], kb, "ar")
    assert found[0].canonical_id == found[1].canonical_id
    assert found[0].canonical == found[1].canonical
    assert found[2].canonical_id == found[3].canonical_id  # the surname joins the full name
    assert found[2].canonical == found[3].canonical
    assert all(f.entity_id is None and f.canonical and f.score is None for f in found)
    assert all(f.canonical_id.startswith(("x/org/", "x/per/")) for f in found)


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        # label agreement: one alias, an organization (a short form) and a city
        ([("سازمان همکاری شانگهای", Label.ORG), ("شانگهای", Label.ORG)], ["org/sco"] * 2),
        ([("شانگهای", Label.ORG)], [None]),
        ([("شانگهای", Label.LOC)], ["loc/shanghai"]),
        # the higher prior wins without context ...
        ([("طرابلس", Label.LOC)], ["loc/tripoli-libya"]),
        ([("عمان", Label.LOC)], ["loc/oman"]),
        # ... and the country the document names wins with it
        ([("طرابلس", Label.LOC), ("لبنان", Label.LOC)], ["loc/tripoli-lebanon", "loc/lebanon"]),
        ([("گورگان", Label.LOC), ("ایران", Label.LOC)], ["loc/gorgan", "loc/iran"]),
        # a generic head with an anaphor: the body of the document's organization, or nothing
        ([("منظمة شانغهاي للتعاون", Label.ORG), ("مجلس وزراء خارجية المنظمة", Label.ORG)],
         ["org/sco", "org/sco-cfm"]),
        ([("منظمة الأمن والتعاون في أوروبا", Label.ORG), ("مجلس وزراء خارجية المنظمة", Label.ORG)],
         ["org/osce", "org/osce-ministerial-council"]),
        ([("مجلس وزراء خارجية المنظمة", Label.ORG)], [None]),
        ([("الأمم المتحدة", Label.ORG), ("مجلس وزراء خارجية المنظمة", Label.ORG)], ["org/un", None]),
        # a given name alone is a person: the document's Vladimir, or an unknown person
        ([("فلاديمير بوتين", Label.PER), ("فلاديمير", Label.LOC)], ["per/vladimir-putin"] * 2),
        ([("فلاديمير", Label.LOC)], [None]),
        # a surname needs its full name in the document
        ([("نوروف", Label.PER)], [None]),
        # a name that differs by a whole word is another name, however close the letters
        ([("دبیرخانه سازمان همکاری اسلامی", Label.ORG)], [None]),
        ([("شورای وزیران دفاع کشورهای عضو سازمان همکاری شانگهای", Label.ORG)], [None]),
        # ... while a spelling variant of every word still links
        ([("منظمة شانغهاي للتعاون", Label.ORG)], ["org/sco"]),
    ],
)
def test_ambiguous_aliases(kb: KnowledgeBase, mentions: list[tuple[str, Label]], expected: list[str | None]) -> None:
    found = link_mentions([m(text, label) for text, label in mentions], kb, "ar")
    assert [f.entity_id for f in found] == expected
    for f in found:
        assert (f.score is None) == (f.entity_id is None)
        assert f.score is None or 0.0 < f.score <= 1.0


def test_given_name_is_relabelled(kb: KnowledgeBase) -> None:
    found = link_mentions([m("فلاديمير", Label.LOC), m("موسكو", Label.LOC)], kb, "ar")
    assert [f.label for f in found] == [Label.PER, None]
    assert found[0].canonical == "Vladimir" and found[1].canonical == "Moscow"


def test_ambiguous_link_is_less_confident(kb: KnowledgeBase) -> None:
    plain, shared = link_mentions([m("فيينا", Label.LOC), m("طرابلس", Label.LOC)], kb, "ar")
    assert plain.score == 1.0
    assert shared.score is not None and shared.score < plain.score


def test_keys() -> None:
    assert skeleton("بورئان") == skeleton("بريان")
    assert "الامم المتحده" in clitic_variants("للامم المتحده")


@pytest.mark.parametrize(
    ("ar", "fa"),
    [("مسعود بزشكيان", "مسعود پزشکیان"), ("نورلان شاكييف", "نورلان شاکیف"), ("عباس عراقجي", "عباس عراقچی"),
     ("رجب بوي أحمدزاده", "رجب بوی احمدزاده")],
)
def test_one_unknown_id_one_name_in_a_document(ar: str, fa: str) -> None:
    found = link_mentions([m(ar, Label.PER), m(fa, Label.PER), m(ar.split()[-1], Label.PER)], KnowledgeBase(), "ar")
    by_id: dict[str, set[str | None]] = {}
    for f in found:
        by_id.setdefault(f.canonical_id, set()).add(f.canonical)
    assert all(len(names) == 1 for names in by_id.values())
    assert found[2].canonical_id == found[0].canonical_id  # the surname joins its full name


@pytest.mark.parametrize("label", [Label.ORG, Label.PER, Label.LOC])
def test_one_ratio_matrix_gives_the_hits_of_extract(kb: KnowledgeBase, label: Label) -> None:
    """The document's ``cdist`` row yields the hits ``process.extract`` gives, in its order."""
    index = kb.derived("link_index", _build_index)
    idx = index[label]
    step = max(1, len(idx.fuzzy_keys) // 150)
    # near misses of real aliases (a letter changed, dropped or doubled): many hits, many ties
    keys = [v for k in idx.fuzzy_keys[::step] for v in (k[:-1] + "ن", k[1:], k + k[-1])]
    scores = _ratio_scores(index, [(label, k) for k in keys], FUZZY_THRESHOLD)
    compared = 0
    for key in keys:
        expected = _extract_hits(idx, key, FUZZY_THRESHOLD)
        assert _score_hits(scores[(label, key)], FUZZY_THRESHOLD) == expected, key
        compared += bool(expected)
    assert compared > len(keys) // 3
