"""The linker's stages, one at a time."""

from __future__ import annotations

import pytest

from arfa.kb import KBEntity, KnowledgeBase, Mention, link_mentions, unknown_id
from arfa.kb.link import clitic_variants, skeleton
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


def test_ambiguous_alias_returns_none() -> None:
    kb = KnowledgeBase([
        KBEntity(id="per/a", label=Label.PER, name="Ali Karimov", names={"en": ("A. Karimov",)}),
        KBEntity(id="per/b", label=Label.PER, name="Anvar Karimov", names={"en": ("A. Karimov",)}),
    ])
    assert link_mentions([m("A. Karimov", Label.PER)], kb, "ar")[0].entity_id is None


def test_unknown_entities_cluster() -> None:
    kb = KnowledgeBase()
    found = link_mentions([m("الشركة الوطنية"), m("والشركة الوطنيه"), m("زيد عمرو", Label.PER), m("عمرو", Label.PER)], kb, "ar")
    assert found[0].canonical_id == found[1].canonical_id == unknown_id("الشركة الوطنية", "ORG")
    assert found[2].canonical_id == found[3].canonical_id
    assert all(f.entity_id is None and f.canonical is None for f in found)


def test_keys() -> None:
    assert skeleton("بورئان") == skeleton("بريان")
    assert "الامم المتحده" in clitic_variants("للامم المتحده")
