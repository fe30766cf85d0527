"""Span discipline for model chunks: proclitics and titles outside, coordination split."""

from __future__ import annotations

import pytest

from arfa.models import Label
from arfa.normalize import fold
from arfa.recognize.base import Candidate
from arfa.recognize.spans import discipline

KNOWN = {fold(n) for n in ("طهران", "بغداد", "غداد", "شي جين بينغ", "موسكو")}


def _run(text: str, chunk: str, label: Label) -> list[str]:
    lang = "fa" if any(ch in "پچژگی" for ch in text) else "ar"
    folded = fold(text)
    start = folded.index(fold(chunk))
    cand = Candidate(start, start + len(fold(chunk)), label, "crf", score=0.7)
    out = discipline(folded, [cand], lang, KNOWN.__contains__)
    for piece in out:
        assert piece.label is label and piece.score == 0.7 and piece.source == "crf"
    return [folded[c.start : c.end] for c in out]


@pytest.mark.parametrize(
    ("text", "chunk", "label", "expected"),
    [
        # titles outside, a person's title complement too
        ("قال السيد نوروف", "السيد نوروف", Label.PER, ["نوروف"]),
        ("التقى وزير الخارجية سيرغي لافروف", "وزير الخارجية سيرغي لافروف", Label.PER, ["سيرغي لافروف"]),
        ("وصل الرئيس بوتين", "الرئيس بوتين", Label.PER, ["بوتين"]),
        ("آقای روحانی گفت", "آقای روحانی", Label.PER, ["روحانی"]),
        # with a name list, a person's ordinary leading words go without a title too
        ("وقال للبرازيلي فريد", "للبرازيلي فريد", Label.PER, ["فريد"]),
        ("سلم الكرة للحارس هيلتون", "للحارس هيلتون", Label.PER, ["هيلتون"]),
        # ... but not an organization's or a place's
        ("زار الحارس هيلتون", "الحارس هيلتون", Label.ORG, ["الحارس هيلتون"]),
        # proclitics outside: before the article, لل, or when the rest is a known name
        ("رحب والاتحاد الأوروبي", "والاتحاد الأوروبي", Label.ORG, ["الاتحاد الاوروبي"]),
        ("قال للأمم المتحدة", "للأمم المتحدة", Label.ORG, ["لامم المتحده"]),
        ("سافر وطهران", "وطهران", Label.LOC, ["طهران"]),
        ("سافر إلى بغداد", "بغداد", Label.LOC, ["بغداد"]),
        # coordinated names split
        ("بوتين و شي جين بينغ", "بوتين و شي جين بينغ", Label.PER, ["بوتين", "شي جين بينغ"]),
        (
            "منظمة شنغهاي للتعاون ومنظمة معاهدة الأمن الجماعي",
            "منظمة شنغهاي للتعاون ومنظمة معاهدة الأمن الجماعي",
            Label.ORG,
            ["منظمه شنغهاي للتعاون", "منظمه معاهده الامن الجماعي"],
        ),
        ("سازمان ملل و سازمان همکاری", "سازمان ملل و سازمان همکاری", Label.ORG, ["سازمان ملل", "سازمان همکاری"]),
        ("موسكو وطهران", "موسكو وطهران", Label.LOC, ["موسكو", "طهران"]),
        # an organization's own و stays inside
        (
            "منظمة الأمن والتعاون في أوروبا",
            "منظمة الأمن والتعاون في أوروبا",
            Label.ORG,
            ["منظمه الامن والتعاون في اوروبا"],
        ),
        # a minister's portfolio after his title is the rest of a post, not an organization
        ("دیدار وزیر امور خارجه ازبکستان", "امور خارجه", Label.ORG, []),
        ("بازیکن نفت تهران گفت", "نفت تهران", Label.ORG, ["نفت تهران"]),
        ("سخنگوی وزارت امور خارجه گفت", "وزارت امور خارجه", Label.ORG, ["وزارت امور خارجه"]),
        # a bare common word is no entity
        ("أشاد للمنظمة", "للمنظمة", Label.ORG, []),
        ("وصل بمدينة", "بمدينة", Label.LOC, []),
    ],
)
def test_discipline(text: str, chunk: str, label: Label, expected: list[str]) -> None:
    assert _run(text, chunk, label) == [fold(e) for e in expected]


def test_no_name_list_is_lexicon_free() -> None:
    text = fold("سافر وطهران")
    cand = Candidate(5, 11, Label.LOC, "crf")
    assert [text[c.start : c.end] for c in discipline(text, [cand], "ar")] == ["وطهران"]


def test_without_a_name_list_an_ordinary_first_word_may_be_a_given_name() -> None:
    text = fold("وقال للبرازيلي فريد")
    start = text.index(fold("للبرازيلي"))
    cand = Candidate(start, len(text), Label.PER, "crf")
    assert [text[c.start : c.end] for c in discipline(text, [cand], "ar")] == [fold("لبرازيلي فريد")]


@pytest.mark.parametrize(
    ("text", "chunk", "label", "expected"),
    [
        # the chunk's own closing bracket stays; quotes never belong to a name
        ("گفت حضرت زینب (س) را", "حضرت زینب (س)", Label.PER, ["حضرت زینب (س)"]),
        ("منطقه « زبیدات » است", "« زبیدات »", Label.LOC, ["زبیدات"]),
        ("به گزارش “خاور” به نقل از", "“خاور”", Label.ORG, ["خاور"]),
        ("بین سازمان ملل و سازمان همکاری شانگهای” در", "سازمان همکاری شانگهای”", Label.ORG, ["سازمان همکاری شانگهای"]),
        # a word after a standalone و keeps its own first letter و
        ("وزارت صنعت و وزارت ارتباطات گفت", "وزارت صنعت و وزارت ارتباطات", Label.ORG, ["وزارت صنعت", "وزارت ارتباطات"]),
    ],
)
def test_edges(text: str, chunk: str, label: Label, expected: list[str]) -> None:
    assert _run(text, chunk, label) == [fold(e) for e in expected]
