"""Document-level linking rules: anaphoric generic heads, national bodies, given names that look like places."""

from __future__ import annotations

import pytest

from arfa.kb import KBEntity, KnowledgeBase, Mention, link_mentions
from arfa.kb.context import (
    anaphor_position,
    document_topic,
    is_given_name_place,
    national_bodies,
    national_generic_name,
    resolve_anaphor,
)
from arfa.models import Label
from arfa.normalize import fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مجلس وزراء خارجية المنظمة", 3),
        ("المجلس الوزاري للمنظمة", 2),
        ("شورای وزیران امور خارجه سازمان", 4),
        ("منظمة شانغهاي للتعاون", None),
        ("المنظمة", None),  # a bare anaphor is not a generic head
        ("سازمان همکاری شانگهای", None),
    ],
)
def test_anaphor_position(text: str, expected: int | None) -> None:
    assert anaphor_position(fold(text)) == expected


@pytest.mark.parametrize(
    ("linked", "expected"),
    [
        (["org/sco-cfm", "org/sco", "org/un"], "org/sco"),  # a body counts for its parent
        (["org/osce", "org/sco", "org/osce-ministerial-council"], "org/osce"),
        (["org/un", "org/sco"], "org/un"),  # a tie goes to the first mentioned
        ([], None),
    ],
)
def test_document_topic(kb: KnowledgeBase, linked: list[str], expected: str | None) -> None:
    assert document_topic(kb, linked) == expected


@pytest.mark.parametrize(
    ("text", "topic", "expected"),
    [
        ("مجلس وزراء خارجية المنظمة", "org/sco", "org/sco-cfm"),
        ("مجلس وزراء خارجية المنظمة", "org/osce", "org/osce-ministerial-council"),
        ("المجلس الوزاري للمنظمة", "org/osce", "org/osce-ministerial-council"),
        ("مجلس وزراء خارجية المنظمة", None, None),
        ("مجلس وزراء خارجية المنظمة", "org/un", None),  # never another organization's body
        ("شورای وزیران امور خارجه سازمان", "org/sco", "org/sco-cfm"),
        ("شورای وزیران امور خارجه سازمان", "org/osce", None),
    ],
)
def test_resolve_anaphor(kb: KnowledgeBase, text: str, topic: str | None, expected: str | None) -> None:
    assert resolve_anaphor(kb, fold(text), Label.ORG, topic) == expected


@pytest.mark.parametrize(
    ("text", "place", "doc_first_names", "expected"),
    [
        ("فلاديمير", "loc/vladimir", set(), True),  # several KB people are called Vladimir
        ("ولادیمیر", "loc/vladimir", set(), True),
        ("فلاديمير", None, set(), True),
        ("نورسلطان", "loc/astana", {"نورسلطان"}, False),  # a capital stays a place
        ("موسكو", "loc/moscow", set(), False),
        ("طهران", "loc/tehran", {"طهران"}, False),
    ],
)
def test_given_name_place(
    kb: KnowledgeBase, text: str, place: str | None, doc_first_names: set[str], expected: bool
) -> None:
    assert is_given_name_place(kb, fold(text), place, {fold(n) for n in doc_first_names}) is expected


def _national_kb() -> KnowledgeBase:
    def country(slug: str, ar: str, fa: str) -> KBEntity:
        return KBEntity(id=f"loc/{slug}", label="LOC", name=slug.title(), kind="country", names={"ar": (ar,), "fa": (fa,)})

    def mfa(slug: str, ar: str, fa: str) -> KBEntity:
        return KBEntity(id=f"org/mfa-{slug}", label="ORG", name=f"MFA ({slug})", kind="ministry", parent=f"loc/{slug}",
                        names={"ar": (ar,), "fa": (fa,)})

    return KnowledgeBase([
        country("iran", "إيران", "ایران"), country("russia", "روسيا", "روسیه"),
        KBEntity(id="loc/tehran", label="LOC", name="Tehran", kind="city", parent="loc/iran", names={"fa": ("تهران",)}),
        mfa("iran", "وزارة الخارجية الإيرانية", "وزارت امور خارجه ایران"),
        mfa("russia", "وزارة الخارجية الروسية", "وزارت امور خارجه روسیه"),
        # only one country's: a fragment, never a generic name
        KBEntity(id="org/guard", label="ORG", name="Guard", parent="loc/iran", names={"fa": ("سپاه پاسداران ایران",)}),
    ])


def test_national_bodies_are_the_names_countries_share() -> None:
    bodies = national_bodies(_national_kb())
    assert bodies == {
        "وزارت امور خارجه": {"loc/iran": "org/mfa-iran", "loc/russia": "org/mfa-russia"},
        "وزاره الخارجيه": {"loc/iran": "org/mfa-iran", "loc/russia": "org/mfa-russia"},
    }


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        # the country the document's places name most (a city counts for its country)
        ([("روسیه", Label.LOC), ("تهران", Label.LOC), ("ایران", Label.LOC), ("وزارت امور خارجه", Label.ORG)],
         "org/mfa-iran"),
        # a tie, or a country named once: no guess
        ([("روسیه", Label.LOC), ("ایران", Label.LOC), ("تهران", Label.LOC), ("روسیه", Label.LOC),
          ("وزارت امور خارجه", Label.ORG)], None),
        ([("ایران", Label.LOC), ("وزارت امور خارجه", Label.ORG)], None),
        # no country named: no guess
        ([("وزارت امور خارجه", Label.ORG)], None),
    ],
)
def test_a_national_body_without_its_country_is_the_documents(
    mentions: list[tuple[str, Label]], expected: str | None
) -> None:
    found = link_mentions([Mention(0, len(t), t, label, None) for t, label in mentions], _national_kb(), "fa")
    assert found[-1].entity_id == expected
    if expected is not None:
        assert found[-1].score is not None and found[-1].score < 1.0


def test_an_unresolved_national_body_gets_its_generic_english_name() -> None:
    kb = _national_kb()
    assert national_generic_name(kb, fold("وزارت امور خارجه")) == "MFA"
    assert national_generic_name(kb, fold("سپاه پاسداران")) is None
    [found] = link_mentions([Mention(0, 16, "وزارت امور خارجه", Label.ORG, None)], kb, "fa")
    assert (found.entity_id, found.canonical, found.canonical_id) == (None, "MFA", "x/org/mfa")
