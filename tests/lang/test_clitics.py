"""Every component that handles Arabic proclitics, over one table of cases.

A case is a proclitic sequence (none, و ف ب ك ل and their pairs) attached to a host
that starts with the article (``الأمم``) or to a bare host (``كازاخستان``). ``ل``
before the article drops its alef (``للأمم``), and the name then starts at the
second lam. Each component reads the case with its own host and lexicon:

* lexicon-free (tokenizer, unknown ids, CRF stems): split only before the article;
* confirmed by a lexicon (gazetteer KB, body heads, date vocabulary, linker
  variants, CRF trigger lists): split before any host the lexicon knows.

Words whose first letter only looks like a proclitic (لبنان, بغداد, فعالية) stay whole.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from arfa.dates.grammar import find_dates
from arfa.kb import unknown_id
from arfa.kb.link import clitic_variants
from arfa.kb.store import KBEntity, KnowledgeBase
from arfa.lang import ar
from arfa.normalize import fold, normalize
from arfa.recognize.base import Segment
from arfa.recognize.bodies import body_spans
from arfa.recognize.crf_features import arabic_stem, sentence_features
from arfa.recognize.document import apply_document_rules
from arfa.recognize.gazetteer import GazetteerRecognizer, units
from arfa.tokenize.ar import ArabicTokenizer
from arfa.train.datasets import glue_clitics

PREFIXES = ("", *ar.PROCLITICS)


@dataclass(frozen=True)
class Case:
    """A proclitic sequence on a host phrase."""

    prefix: str
    host: str

    @property
    def article(self) -> bool:
        return self.host.startswith("ال")

    @property
    def text(self) -> str:
        """The phrase as written: ``ل`` + ``الأمم`` is ``للأمم``."""
        if self.prefix.endswith("ل") and self.article:
            return self.prefix + self.host[1:]
        return self.prefix + self.host

    @property
    def offset(self) -> int:
        """Where the name starts in the written phrase."""
        return len(self.prefix)

    @property
    def first_word(self) -> str:
        return self.text.split()[0]

    def on(self, host: str) -> Case:
        """The same proclitic on another host of the same kind."""
        return Case(self.prefix, host)


def _cases(host: str) -> list[Case]:
    return [Case(prefix, host) for prefix in PREFIXES]


ARTICLE_HOST = "الأمم المتحدة"
BARE_HOST = "كازاخستان"
CASES = _cases(ARTICLE_HOST) + _cases(BARE_HOST)
IDS = [f"{c.prefix or '-'}+{'article' if c.article else 'bare'}" for c in CASES]
#: Words whose first letter is a proclitic letter but part of the word.
WHOLE = ["لبنان", "بغداد", "فعالية", "كازاخستان", "والي", "لله"]

KB = KnowledgeBase([
    KBEntity(id="org/un", label="ORG", name="United Nations", names={"ar": ("الأمم المتحدة",)}),
    KBEntity(id="org/cis", label="ORG", name="CIS", names={"ar": ("رابطة الدول المستقلة",)}),
    KBEntity(id="loc/kazakhstan", label="LOC", name="Kazakhstan", names={"ar": ("كازاخستان",)}),
    KBEntity(id="loc/lebanon", label="LOC", name="Lebanon", names={"ar": ("لبنان",)}),
    KBEntity(id="loc/baghdad", label="LOC", name="Baghdad", names={"ar": ("بغداد",)}),
    KBEntity(id="loc/aley", label="LOC", name="Aley", names={"ar": ("عالية",)}),
])


@pytest.fixture(scope="module")
def tokenizer() -> ArabicTokenizer:
    return ArabicTokenizer()


@pytest.fixture(scope="module")
def gazetteer() -> GazetteerRecognizer:
    return GazetteerRecognizer(KB, "ar")


def _gazetteer_starts(gazetteer: GazetteerRecognizer, text: str) -> list[int]:
    """Original start offsets of the gazetteer's KB matches in a one-segment document."""
    norm = normalize(text)
    cands = apply_document_rules([gazetteer(Segment(text, 0, norm, (), (), "ar"))])[0]
    return [norm.span_to_orig(c.start, c.end)[0] for c in cands if c.kb_id is not None]


# ---------------------------------------------------------------- lexicon-free


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_strip_proclitics(case: Case) -> None:
    offset, rest = ar.strip_proclitics(fold(case.first_word))
    if case.article:
        assert (offset, rest) == (case.offset, fold(case.host.split()[0]))
    else:
        assert (offset, rest) == (0, fold(case.first_word))


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_tokenizer(tokenizer: ArabicTokenizer, case: Case) -> None:
    tokens = [t.text for t in tokenizer(case.first_word).tokens]
    if case.article:
        assert tokens == [*case.prefix, case.first_word[case.offset:]]
    else:
        assert tokens == [case.first_word]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_unknown_id(case: Case) -> None:
    same = unknown_id(case.text, "ORG") == unknown_id(case.host, "ORG")
    assert same == (case.article or not case.prefix)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_crf_stem(case: Case) -> None:
    word = fold(case.first_word)
    if case.article:
        assert arabic_stem(word) == ar.strip_article(fold(case.host.split()[0]))
    else:
        assert arabic_stem(word) == word


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_datasets_glue(case: Case) -> None:
    """Corpora that split clitics off are glued back to the written word."""
    split = [(letter, "O") for letter in case.prefix] + [(case.first_word[case.offset:], "B-ORG")]
    assert glue_clitics(split) == [(case.first_word, "B-ORG")]


# ---------------------------------------------------------------- confirmed by a lexicon


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_gazetteer(gazetteer: GazetteerRecognizer, case: Case) -> None:
    assert _gazetteer_starts(gazetteer, f"قال {case.text} أمس") == [4 + case.offset]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_linker_variants(case: Case) -> None:
    key = fold(case.text)
    assert key == fold(case.host) or fold(case.host) in clitic_variants(key)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_body_heads(case: Case) -> None:
    body = case.on("المجلس" if case.article else "مجلس")
    text = fold(f"{body.text} التنفيذي لرابطة الدول المستقلة")
    seq = units(text)
    assert body_spans(seq, [(3, len(text))], "ar") == [(body.offset, len(text))]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_date_grammar(case: Case) -> None:
    date = case.on("العام الماضي" if case.article else "يوليو 2019")
    text = fold(date.text)
    assert [m.start for m in find_dates(text, "ar")] == [date.offset]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_crf_trigger_flags(case: Case) -> None:
    """A trigger list confirms a bare-stem reading: ورئيس is a title."""
    title = case.on("الرئيس" if case.article else "رئيس")
    assert "is_title" in sentence_features([title.text], "ar")[0]


# ---------------------------------------------------------------- words that stay whole


@pytest.mark.parametrize("word", WHOLE)
def test_whole_words(tokenizer: ArabicTokenizer, word: str) -> None:
    key = fold(word)
    assert ar.strip_proclitics(key) == (0, key)
    assert [t.text for t in tokenizer(word).tokens] == [word]
    assert arabic_stem(key) == key
    assert unknown_id(word, "LOC") != unknown_id(word[1:], "LOC")


@pytest.mark.parametrize(
    ("word", "starts"),
    [("لبنان", [4]), ("بغداد", [4]), ("كازاخستان", [4]), ("فعالية", [])],
)
def test_gazetteer_whole_words(gazetteer: GazetteerRecognizer, word: str, starts: list[int]) -> None:
    """The KB knows the whole word; an ordinary word is no proclitic + name (فعالية)."""
    assert _gazetteer_starts(gazetteer, f"قال {word} أمس") == starts


# ---------------------------------------------------------------- the faults of issue 9


def test_unknown_id_strips_bal() -> None:
    assert unknown_id("بالبنك الأهلي", "ORG") == unknown_id("البنك الأهلي", "ORG")


@pytest.mark.parametrize(("word", "offset"), [("وبمجلس", 2), ("كمجلس", 1), ("فكالمجلس", 2)])
def test_bodies_handle_wab_and_kaf(word: str, offset: int) -> None:
    text = fold(f"{word} رابطة الدول المستقلة")
    assert body_spans(units(text), [(1, len(text))], "ar") == [(offset, len(text))]


def test_date_grammar_handles_fak() -> None:
    assert [(m.start, m.end) for m in find_dates("فكالعام الماضي", "ar")] == [(2, 14)]


def test_arabic_stem_keeps_root_letters() -> None:
    assert arabic_stem("بغداد") == "بغداد"
