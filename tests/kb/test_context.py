"""Document-level linking rules: anaphoric generic heads, given names that look like places."""

from __future__ import annotations

import pytest

from arfa.kb import KnowledgeBase
from arfa.kb.context import anaphor_position, document_topic, is_given_name_place, resolve_anaphor
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
