"""Homographs and designations: which sense a knowledge-base match has in its context.

The second edition of the annotation guidelines decides a few names by their
neighbours; the gazetteer applies these rules to its matches (:func:`refine`):

* **Elliptic organizations.** A place name that is also a ``short`` alias of an
  organization (``شانگهای``/``شنغهاي`` for the SCO) is the organization right after an
  event noun (``اجلاس شانگهای``, ``قمة "شنغهاي"``) or a few words after a membership noun
  (``عضویت ایران در شانگهای``, ``کشورهای عضو شانگهای``); elsewhere it stays the city.
* **رئیس جمهوری X.** In Persian ``رئیس‌جمهوری قزاقستان`` (the president of Kazakhstan) the
  place is ``قزاقستان``; ``جمهوری`` belongs to the title unless the rest is no name of
  the country on its own (``جمهوری اسلامی ایران`` stays whole).
* **A given name that is also a place.** After a title (``آقای``, ``الرئيس``) a place
  name that begins a person's full name in the knowledge base (``نور سلطان`` of
  ``نور سلطان نزارباييف``, also the city's name) is that person.
* **Nationality adjectives inside an institution's name.** An organization followed by a
  nationality adjective takes it in (``هيئة الأمن الفيدرالية الروسية``); the longer name is
  another institution (``مجلس الأمن الروسي`` is not the UN Security Council), so it keeps a
  link only where the knowledge base lists the longer name. The adjectives are those of the
  knowledge base's ministries (``وزارة الخارجية الكازاخستانية`` gives ``الكازاخستانية`` and
  ``الكازاخستاني``).
* **Quoted names after a designation.** ``خبرگزاری «فارس»``, ``وكالة "تسنيم"``: the span is
  the quoted name only, linked to the outlet whose designation + name the knowledge base
  lists (an unknown outlet is still an ORG, without a link).

The words these rules look for are language data (:mod:`arfa.lang.ar`, :mod:`arfa.lang.fa`:
``ELLIPTIC_EVENTS``, ``ELLIPTIC_MEMBERSHIP``, ``PRESIDENT_WORDS``, ``OUTLET_HEADS``).

Examples:
    >>> from arfa.pipeline import Pipeline
    >>> nlp = Pipeline("fa", recognizers=["gazetteer"])
    >>> [(e.text, e.label.value) for e in nlp("عضویت ایران در شانگهای قطعی شد.").entities]
    [('ایران', 'LOC'), ('شانگهای', 'ORG')]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from arfa.kb.link import nationality_adjectives
from arfa.kb.store import KnowledgeBase
from arfa.lang import language
from arfa.lang.base import QUOTES
from arfa.models import Label
from arfa.normalize import NormalizedText
from arfa.recognize.base import Candidate

__all__ = ["refine", "QUOTES"]

_MEMBERSHIP_WINDOW = 3  # words back from a place name to a membership noun
_NAME_WORDS = 4  # longest quoted name after a designation

Unit = tuple[int, int, str]


def _with_adjective(ctx: _Context, cand: Candidate) -> Candidate | None:
    i = ctx.index(cand.end - 1)
    if ctx.seq[i][1] != cand.end or ctx.word(i + 1) not in ctx.kb.derived("nationality_adjectives", nationality_adjectives):
        return None
    end = ctx.seq[i + 1][1]
    links = [a for a in ctx.kb.lookup_key(ctx.doc.text[cand.start : end]) if a.label is Label.ORG]
    return replace(cand, end=end, kb_id=links[0].entity_id if links else None)


def _given_names(kb: KnowledgeBase) -> dict[str, str]:
    """Folded place aliases that begin a person's full name: key -> person id."""
    out: dict[str, str] = {}
    for alias in kb.aliases():
        if alias.label is not Label.PER or alias.kind == "short":
            continue
        words = alias.key.split()
        for n in range(1, len(words)):
            prefix = " ".join(words[:n])
            for key in (prefix, prefix.replace(" ", "")):
                if any(a.label is Label.LOC for a in kb.lookup_key(key)):
                    out.setdefault(key, alias.entity_id)
    return out


class _Context:
    def __init__(self, doc: NormalizedText, seq: Sequence[Unit], kb: KnowledgeBase, lang: str) -> None:
        self.doc, self.seq, self.kb = doc, seq, kb
        self.lang = language(lang)
        self.starts = [u[0] for u in seq]

    def index(self, offset: int) -> int:
        """The unit that holds normalized ``offset``."""
        return bisect_right(self.starts, offset) - 1

    def word(self, i: int) -> str:
        return self.seq[i][2] if 0 <= i < len(self.seq) else ""

    def prev_word(self, i: int) -> tuple[int, str]:
        """The unit before ``i``, quotation marks skipped."""
        j = i - 1
        while j >= 0 and self.seq[j][2] in QUOTES:
            j -= 1
        return j, self.word(j)


def _elliptic(ctx: _Context, cand: Candidate, key: str) -> Candidate | None:
    orgs = [a for a in ctx.kb.lookup_key(key) if a.label is Label.ORG and a.kind == "short"]
    if not orgs:
        return None
    i = ctx.index(cand.start)
    _, prev = ctx.prev_word(i)
    events = ctx.lang.ELLIPTIC_EVENTS
    members = ctx.lang.ELLIPTIC_MEMBERSHIP
    back = [ctx.word(j) for j in range(max(0, i - _MEMBERSHIP_WINDOW), i)]
    if prev in events or any(w in members for w in back):
        org = min(orgs, key=lambda a: (-a.prior, a.entity_id))
        return replace(cand, label=Label.ORG, kb_id=org.entity_id, needs=None)
    return None


def _president_of(ctx: _Context, cand: Candidate, key: str) -> Candidate | None:
    head, _, rest = key.partition(" ")
    words = ctx.lang.PRESIDENT_WORDS
    if not rest or head not in ctx.lang.REPUBLIC_WORDS:
        return None
    i = ctx.index(cand.start)
    if ctx.word(i - 1) not in words:
        return None
    if not any(a.entity_id == cand.kb_id for a in ctx.kb.lookup_key(rest)):
        return None  # جمهوری اسلامی ایران: the rest is no name on its own
    return replace(cand, start=ctx.seq[i + 1][0])


def _titled_person(ctx: _Context, cand: Candidate, key: str) -> Candidate | None:
    person = ctx.kb.derived("given_name_homographs", _given_names).get(key)
    if person is None:
        return None
    _, prev = ctx.prev_word(ctx.index(cand.start))
    if prev not in ctx.lang.TITLES:
        return None
    return replace(cand, label=Label.PER, kb_id=person, needs=None)


def _quoted(ctx: _Context) -> list[Candidate]:
    """ORG candidates for quoted names after an outlet designation."""
    heads = ctx.lang.OUTLET_HEADS
    out: list[Candidate] = []
    seq = ctx.seq
    for i, (_, _, word) in enumerate(seq[:-2]):
        if word not in heads or seq[i + 1][2] not in QUOTES:
            continue
        close = next((k for k in range(i + 3, min(len(seq), i + 3 + _NAME_WORDS)) if seq[k][2] in QUOTES), None)
        if close is None:
            continue
        name = " ".join(u[2] for u in seq[i + 2 : close])
        start, end = seq[i + 2][0], seq[close - 1][1]
        links = [a for a in ctx.kb.lookup_key(f"{word} {name}") if a.label is Label.ORG]
        links += [a for a in ctx.kb.lookup_key(name) if a.label is Label.ORG]
        kb_id = min(links, key=lambda a: (-a.prior, a.entity_id)).entity_id if links else None
        out.append(Candidate(start, end, Label.ORG, "gazetteer", score=0.95 if links else 0.8,
                             priority=10, kb_id=kb_id))
    return out


def refine(
    doc: NormalizedText, seq: Sequence[Unit], candidates: Sequence[Candidate], kb: KnowledgeBase, lang: str
) -> list[Candidate]:
    """The gazetteer's ``candidates`` with the senses their context gives them.

    Args:
        doc: the normalized segment.
        seq: its matching units (:func:`arfa.recognize.gazetteer.units`).
        candidates: the gazetteer's candidates of the segment.
        kb: the knowledge base they come from.
        lang: the segment's language.
    """
    ctx = _Context(doc, seq, kb, lang)
    quoted = _quoted(ctx)
    taken = [(q.start, q.end) for q in quoted]
    out: list[Candidate] = []
    for cand in candidates:
        if any(s <= cand.start and cand.end <= e for s, e in taken) and cand.label is not Label.ORG:
            continue  # the quoted outlet's name is no place: خبرگزاری «فارس»
        if cand.label is Label.ORG:
            cand = _with_adjective(ctx, cand) or cand
        elif cand.label is Label.LOC and cand.kb_id is not None:
            key = doc.text[cand.start : cand.end]
            cand = (
                _elliptic(ctx, cand, key)
                or _president_of(ctx, cand, key)
                or _titled_person(ctx, cand, key)
                or cand
            )
        out.append(cand)
    return sorted(out + quoted, key=lambda c: c.start)
