"""The linker: map each ORG/PER/LOC mention to one knowledge-base entity.

:func:`link_mentions` links the mentions of one document, in stages, and stops at
the first stage that gives an answer:

1. the ``kb_id`` the recognizer proposed, when it exists and has the same label;
2. an exact alias, then the folded alias (:func:`arfa.normalize.fold`);
3. the folded alias without attached proclitics (و ف ب ل ك, ``لل`` -> ``ال``);
4. a transliteration variant: same consonant skeleton, or a rapidfuzz ratio above
   a threshold tuned by ``scripts/tune_fuzzy.py``, among aliases of the same label;
5. document coreference: a surname, short form or acronym that matches an entity
   another mention of the same document already linked;
6. cross-script matching of a name against the English names of the KB.

A mention none of these link gets ``entity_id=None`` (never a guess) and a stable
``canonical_id`` derived from its folded text, so that its variants cluster.

A *skeleton* keeps only the consonants of a name, grouped into classes that
transliterations of one foreign name share (غ/ج/گ/ژ for *g*, ق/ك/خ for *k*,
س/ص/ث for *s* ...). Arabic-script and Latin names map into the same alphabet, so
``غريمينغير``, ``جريمنغر`` and ``Greminger`` share one skeleton.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple, Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process

from arfa.kb.bodies import body_name, composed_id
from arfa.kb.context import (
    anaphor_position,
    document_country,
    document_topic,
    is_given_name_place,
    national_bodies,
    national_generic_name,
    resolve_anaphor,
)
from arfa.kb.store import Alias, KnowledgeBase
from arfa.kb.translit import unknown_entity
from arfa.lang import ar
from arfa.models import Label
from arfa.normalize import fold

__all__ = [
    "FUZZY_THRESHOLD",
    "SKELETON_MIN",
    "KBLinker",
    "Linked",
    "Linker",
    "Mention",
    "SCORES",
    "clitic_variants",
    "is_latin",
    "link_mentions",
    "skeleton",
    "unknown_id",
]

#: rapidfuzz ``ratio`` (0-100) a folded mention needs to match an alias of the same
#: label: the lowest threshold with no false positive among 20,000 different-entity
#: pairs in ``scripts/tune_fuzzy.py`` (figures in docs/kb.md).
FUZZY_THRESHOLD = 86.0
WORD_AGREEMENT = 65.0
"""The lowest word-to-word ratio at which two words are one word spelled two ways (:func:`_words_agree`)."""
JOINED_AGREEMENT = 95.0
"""The ratio of two names without their spaces above which they only join or split words differently."""
#: the fewest skeleton letters for a skeleton-only match.
SKELETON_MIN = 4
#: link confidences by stage (an exact alias shared by several entities scales by prior share).
SCORES: dict[str, float] = {
    "given": 1.0, "exact": 1.0, "clitic": 0.95, "skeleton": 0.8, "fuzzy": 0.9, "coref": 0.85,
    "anaphor": 0.75, "first_name": 0.7, "place_context": 0.9, "national": 0.7,
}


@dataclass(frozen=True, slots=True)
class Mention:
    """One ORG/PER/LOC mention to link.

    Attributes:
        start: original-text start offset.
        end: original-text end offset (exclusive).
        text: the original text slice.
        label: ORG, PER or LOC.
        kb_id: the id the recognizer proposed (an exact gazetteer alias), or ``None``.
    """

    start: int
    end: int
    text: str
    label: Label
    kb_id: str | None = None


class Linked(NamedTuple):
    """The linking result of one mention.

    ``score`` is the confidence of the link in ``[0, 1]`` (``None`` when nothing is
    linked); ``label`` is set only when document context overrides the mention's label
    (a one-word "place" that is a person's given name).
    """

    entity_id: str | None
    canonical: str | None
    wikidata: str | None
    canonical_id: str
    score: float | None = None
    label: Label | None = None


# ---------------------------------------------------------------- keys

_AR_CLASSES = {
    "ب": "b", "پ": "b",
    "ت": "t", "ط": "t",
    "ث": "s", "س": "s", "ص": "s",
    "ج": "g", "غ": "g", "گ": "g", "ژ": "g", "ڭ": "g",
    "ح": "h", "ه": "h",
    "خ": "k", "ق": "k", "ك": "k",
    "د": "d",
    "ذ": "z", "ز": "z", "ظ": "z", "ض": "z",
    "ر": "r",
    "ش": "S", "چ": "S",
    "ف": "f", "ڤ": "f", "ۋ": "f",
    "ل": "l", "م": "m", "ن": "n",
}
_LATIN_DIGRAPHS = (("shch", "S"), ("sch", "S"), ("sh", "S"), ("ch", "S"), ("zh", "g"), ("kh", "k"),
                   ("gh", "g"), ("th", "t"), ("ph", "f"), ("dj", "g"), ("ts", "s"), ("tch", "S"))
_LATIN_CLASSES = {
    "b": "b", "p": "b", "t": "t", "s": "s", "g": "g", "j": "g", "h": "h", "k": "k", "q": "k",
    "c": "k", "d": "d", "z": "z", "r": "r", "f": "f", "v": "f", "l": "l", "m": "m", "n": "n",
    "x": "ks", "S": "S",
}

def is_latin(text: str) -> bool:
    """Whether folded ``text`` has Latin letters and no Arabic-script ones (:func:`arfa.lang.ar.is_letter`).

    Examples:
        >>> is_latin("EU Reporter"), is_latin("الناتو")
        (True, False)
    """
    return ar.LETTER_RE.search(text) is None and _ASCII_LETTER.search(text) is not None


_ASCII_LETTER = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """The consonant skeleton of ``text``, in Arabic or Latin script.

    Examples:
        >>> skeleton("غريمينغير") == skeleton("جريمنغر") == skeleton("Greminger")
        True
        >>> skeleton("عبد الرحمنوف") == skeleton("عبدالرحمنوف")
        True
        >>> skeleton("Vershinin") == skeleton("فيرشينين")
        True
    """
    return _key_skeleton(fold(text))


def _key_skeleton(key: str) -> str:
    """:func:`skeleton` of an already folded ``key`` (the index skips folding 28,000 alias keys again)."""
    if is_latin(key):
        key = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
        key = key.lower()
        for digraph, repl in _LATIN_DIGRAPHS:
            key = key.replace(digraph, repl)
        chars = [_LATIN_CLASSES.get(c, "") for c in key]
    else:
        chars = [_AR_CLASSES.get(c, "") for c in key]
    out: list[str] = []
    for piece in "".join(chars):
        if not out or out[-1] != piece:
            out.append(piece)
    return "".join(out)


def clitic_variants(key: str) -> list[str]:
    """Folded ``key`` with attached Arabic proclitics removed, most plausible first.

    The readings of :func:`arfa.lang.ar.readings` that leave three letters or more
    (before the article first, then bare stems: the KB lookup confirms them), the
    article form of a span that starts at the second lam of ``لل``
    (``لأمم المتحدة`` -> ``الامم المتحده``), then each of these without the article.

    Examples:
        >>> clitic_variants("والاتحاد الاوروبي")[:1]
        ['الاتحاد الاوروبي']
        >>> "الامم المتحده" in clitic_variants("لامم المتحده")
        True
    """
    out: list[str] = []

    def push(candidate: str) -> None:
        if len(candidate.replace(" ", "")) >= 2 and candidate != key and candidate not in out:
            out.append(candidate)

    bare: list[str] = []
    for reading in ar.readings(key):
        if reading.offset and len(key) - reading.offset >= 3:
            if reading.plausibility >= ar.PLAUSIBLE:
                push(reading.rest)
            else:
                bare.append(reading.rest)
    restored = ar.article_form(key)
    if restored is not None:
        push(restored)
    for rest in bare:
        push(rest)
    for stem in [key, *out]:
        push(ar.strip_article(stem, min_stem=3))
    return out


# ---------------------------------------------------------------- index


@dataclass(slots=True)
class _LabelIndex:
    fuzzy_keys: list[str] = field(default_factory=list)
    fuzzy_ids: list[frozenset[str]] = field(default_factory=list)
    skeletons: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    shorts: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def _build_index(kb: KnowledgeBase) -> dict[Label, _LabelIndex]:
    index = {label: _LabelIndex() for label in (Label.ORG, Label.PER, Label.LOC)}
    by_key: dict[Label, dict[str, set[str]]] = {label: defaultdict(set) for label in index}
    for alias in kb.aliases():
        idx = index[alias.label]
        if alias.kind == "short":
            idx.shorts[alias.key].add(alias.entity_id)
            sk = _key_skeleton(alias.key)
            if len(sk) >= 3:
                idx.shorts[_SK + sk].add(alias.entity_id)
            continue
        # a name with a number links exactly or not at all: 'شانگهای ۵' (the Shanghai Five)
        # is one edit from 'شانگهای'
        if alias.kind == "name" and len(alias.key.replace(" ", "")) >= 4 and not any(
            c.isdigit() for c in alias.key
        ):
            by_key[alias.label][alias.key].add(alias.entity_id)
            sk = _key_skeleton(alias.key)
            if len(sk) >= SKELETON_MIN:
                idx.skeletons[sk].add(alias.entity_id)
    for label, keys in by_key.items():
        for key in sorted(keys):
            index[label].fuzzy_keys.append(key)
            index[label].fuzzy_ids.append(frozenset(keys[key]))
    return index


_SK = "\x00sk:"  # prefix of skeleton keys inside ``shorts``


# ---------------------------------------------------------------- stages


def _pick(aliases: Sequence[Alias], label: Label, kinds: tuple[str, ...] = ("name", "acronym")) -> str | None:
    """The entity the aliases agree on, by prior then kind; ``None`` on a tie."""
    best: dict[str, tuple[float, int]] = {}
    for alias in aliases:
        if alias.label is not label or alias.kind not in kinds:
            continue
        rank = (alias.prior, 1 if alias.kind == "name" else 0)
        if alias.entity_id not in best or rank > best[alias.entity_id]:
            best[alias.entity_id] = rank
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda item: item[1], reverse=True)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _exact(kb: KnowledgeBase, mention: Mention, key: str) -> tuple[str | None, float]:
    found = _pick(kb.lookup_key(key), mention.label)
    if found:
        return found, SCORES["exact"] * _share(kb, key, found)
    for variant in clitic_variants(key):
        found = _pick(kb.lookup_key(variant), mention.label)
        if found:
            return found, SCORES["clitic"] * _share(kb, variant, found)
    return None, 0.0


def _share(kb: KnowledgeBase, key: str, entity_id: str) -> float:
    """The chosen entity's share of the prior mass of the alias's same-label entities."""
    entity = kb.get(entity_id)
    priors: dict[str, float] = {}
    for alias in kb.lookup_key(key):
        if entity is not None and alias.label is entity.label:
            priors[alias.entity_id] = max(priors.get(alias.entity_id, 0.0), alias.prior)
    total = sum(priors.values())
    return priors.get(entity_id, 0.0) / total if total else 1.0


_MINISTRY = "وزاره الخارجيه "


def nationality_adjectives(kb: KnowledgeBase) -> frozenset[str]:
    """Folded Arabic nationality adjectives, from the names of the KB's foreign ministries
    (``وزارة الخارجية الكازاخستانية`` gives ``الكازاخستانيه`` and ``الكازاخستاني``).

    Use it through ``kb.derived("nationality_adjectives", nationality_adjectives)``.
    """
    out: set[str] = set()
    for alias in kb.aliases():
        if alias.label is Label.ORG and alias.key.startswith(_MINISTRY):
            adjective = alias.key[len(_MINISTRY) :]
            if " " not in adjective and adjective.startswith("ال") and adjective.endswith("يه"):
                out.update((adjective, adjective[:-1]))
    return frozenset(out)


def _national(kb: KnowledgeBase, mention: Mention, key: str) -> bool:
    """An ORG mention ending in a nationality adjective: a national institution, which a
    transliteration match must not take for another (مجلس الأمن الروسي is not مجلس الأمن)."""
    last = key.rsplit(" ", 1)[-1]
    return mention.label is Label.ORG and " " in key and last in kb.derived(
        "nationality_adjectives", nationality_adjectives)


def _unique(ids: set[str] | frozenset[str]) -> str | None:
    return next(iter(ids)) if len(ids) == 1 else None


def _skeleton_match(idx: _LabelIndex, key: str) -> tuple[bool, str | None]:
    """Whether a variant of ``key`` has a known skeleton, and the entity it names, if one."""
    for variant in [key, *clitic_variants(key)]:
        sk = skeleton(variant)
        if len(sk) >= SKELETON_MIN and sk in idx.skeletons:
            return True, _unique(idx.skeletons[sk])
    return False, None


def _needs_ratio(idx: _LabelIndex, key: str) -> bool:
    """Whether :func:`_fuzzy` compares ``key`` with every alias (no skeleton decided it)."""
    return len(key.replace(" ", "")) >= 5 and bool(idx.fuzzy_keys) and not _skeleton_match(idx, key)[0]


def _ratio_scores(
    index: dict[Label, _LabelIndex], queries: Sequence[tuple[Label, str]], threshold: float
) -> dict[tuple[Label, str], NDArray[np.float64]]:
    """For each ``(label, key)``, its rapidfuzz ratio to every alias of the label (0 below ``threshold``).

    One ``process.cdist`` per label and document instead of one ``extract`` per mention.
    """
    by_label: dict[Label, list[str]] = defaultdict(list)
    for label, key in queries:
        if key not in by_label[label]:
            by_label[label].append(key)
    out: dict[tuple[Label, str], NDArray[np.float64]] = {}
    for label, keys in by_label.items():
        matrix = process.cdist(keys, index[label].fuzzy_keys, scorer=fuzz.ratio, score_cutoff=threshold,
                               dtype=np.float64)
        for key, row in zip(keys, matrix):
            out[(label, key)] = row
    return out


_HITS = 5  # aliases compared after the ratio: the best five


def _extract_hits(idx: _LabelIndex, key: str, threshold: float) -> list[tuple[float, int]]:
    """``(ratio, alias position)`` of the best aliases for ``key``, by ``process.extract``."""
    found = process.extract(key, idx.fuzzy_keys, scorer=fuzz.ratio, score_cutoff=threshold, limit=_HITS)
    return [(score, pos) for _, score, pos in found]


def _score_hits(scores: NDArray[np.float64], threshold: float) -> list[tuple[float, int]]:
    """What :func:`_extract_hits` returns, read from a row of :func:`_ratio_scores`.

    ``extract`` orders its hits by score, then by position among the aliases.
    """
    above = np.flatnonzero(scores >= threshold)
    return sorted(((float(scores[p]), int(p)) for p in above), key=lambda hit: (-hit[0], hit[1]))[:_HITS]


def _words_agree(key: str, alias: str) -> bool:
    """Whether a fuzzy match between two names of several words is no word substitution.

    A spelling or transliteration variant changes letters inside words, joins or splits
    them, or drops a short function word or one extra word (``وزارت امور خارجه`` /
    ``وزارت خارجه``). A name in which one word of three letters or more stands where the
    other has a different one is another name, however close the letters of the whole
    (``دبیرخانه سازمان همکاری اسلامی`` is not the SCO's secretariat).

    Examples:
        >>> _words_agree("منظمه شانغهاي للتعاون", "منظمه شنغهاي للتعاون")
        True
        >>> _words_agree("وزارت امور خارجه اردن", "وزارت خارجه اردن")
        True
        >>> _words_agree("الهام علي يف", "الهام علييف")
        True
        >>> _words_agree("دبيرخانه سازمان همكاري اسلامي", "دبيرخانه سازمان همكاري شانگهاي")
        False
    """
    words, theirs = key.split(), alias.split()
    if len(words) < 2 and len(theirs) < 2:
        return True
    if fuzz.ratio(key.replace(" ", ""), alias.replace(" ", "")) >= JOINED_AGREEMENT:
        return True

    def unmatched(these: list[str], those: list[str]) -> bool:
        return any(len(w) >= 3 and max(fuzz.ratio(w, o) for o in those) < WORD_AGREEMENT for w in these)

    return not (unmatched(words, theirs) and unmatched(theirs, words))


def _fuzzy(
    idx: _LabelIndex, key: str, threshold: float, ratios: NDArray[np.float64] | None = None
) -> tuple[str | None, float]:
    """A skeleton match, else the aliases within one point of the best ratio (of the five best).

    ``ratios`` are those of ``key`` to ``idx.fuzzy_keys`` when :func:`_ratio_scores`
    computed them for the whole document; the same hits are then read from them.
    """
    matched, found = _skeleton_match(idx, key)
    if matched:
        return found, SCORES["skeleton"]
    if len(key.replace(" ", "")) < 5 or not idx.fuzzy_keys:
        return None, 0.0
    hits = _extract_hits(idx, key, threshold) if ratios is None else _score_hits(ratios, threshold)
    hits = [(score, pos) for score, pos in hits if _words_agree(key, idx.fuzzy_keys[pos])]
    if not hits:
        return None, 0.0
    top = hits[0][0]
    ids: set[str] = set()
    for score, pos in hits:
        if score >= top - 1.0:
            ids |= idx.fuzzy_ids[pos]
    return _unique(ids), SCORES["fuzzy"] * top / 100.0


def _fuzzy_all(
    index: dict[Label, _LabelIndex],
    mentions: Sequence[Mention],
    keys: Sequence[str],
    found: tuple[list[str | None], list[float]],
    todo: Sequence[int],
) -> None:
    """:func:`_fuzzy` for the mentions ``todo``, their ratios computed together (fills ``found``)."""
    ids, scores = found
    labels = {i: Label(mentions[i].label) for i in todo}
    ratios = _ratio_scores(index, [(labels[i], keys[i]) for i in todo if _needs_ratio(index[labels[i]], keys[i])],
                           FUZZY_THRESHOLD)
    for i in todo:
        ids[i], scores[i] = _fuzzy(index[labels[i]], keys[i], FUZZY_THRESHOLD, ratios.get((labels[i], keys[i])))


class _DocMentions:
    """The linked full mentions of one label in one document, indexed for coreference.

    Every proper word-tail of a linked mention (``نوروف`` of ``فلاديمير نوروف``) and
    its consonant skeleton point at the entity, so a short form is looked up in
    constant time instead of scanning the document's mentions.
    """

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.tails: dict[str, set[str]] = defaultdict(set)
        self.tail_skeletons: dict[str, set[str]] = defaultdict(set)
        self.firsts: dict[str, set[str]] = defaultdict(set)
        self.inner: dict[str, set[str]] = defaultdict(set)
        self._seen: set[tuple[str, str]] = set()

    def add(self, key: str, entity_id: str) -> None:
        if (key, entity_id) in self._seen:
            return
        self._seen.add((key, entity_id))
        self.ids.add(entity_id)
        words = key.split()
        if len(words) > 1:
            self.firsts[words[0]].add(entity_id)
        for i in range(1, len(words)):
            tail = " ".join(words[i:])
            self.tails[tail].add(entity_id)
            self.tail_skeletons[skeleton(tail)].add(entity_id)
            # the first part of a compound surname (باقری of علی باقری کنی)
            for j in range(i + 1, len(words)):
                self.inner[" ".join(words[i:j])].add(entity_id)


def _coref(idx: _LabelIndex, key: str, doc: _DocMentions) -> str | None:
    """Link a short form to an entity already linked in the same document."""
    keys = [key, *clitic_variants(key)]
    for variant in keys:
        for probe in (variant, _SK + skeleton(variant)):
            found = _unique(idx.shorts.get(probe, set()) & doc.ids)
            if found:
                return found
    return _token_match(keys, doc)


def _token_match(keys: list[str], doc: _DocMentions) -> str | None:
    """A surname that is the last word(s) of a full mention of the same document, else
    the first part of a compound surname in one (``باقری`` of ``علی باقری کنی``)."""
    ids: set[str] = set()
    for k in keys:
        ids |= doc.tails.get(k, set())
        sk = skeleton(k)
        if len(sk) >= 3:
            ids |= doc.tail_skeletons.get(sk, set())
    if not ids:
        for k in keys:
            ids |= doc.inner.get(k, set())
    return _unique(ids)


# ---------------------------------------------------------------- public


def unknown_id(text: str, label: Label | str) -> str:
    """A stable id for an entity the KB lacks, from its folded, clitic-free text.

    Proclitics go as :func:`arfa.lang.ar.strip_proclitics` decides (before the
    article, and ``لل``), the choice every component makes without a lexicon.

    Examples:
        >>> unknown_id("والبنك الأهلي", "ORG") == unknown_id("البنك الاهلي", "ORG")
        True
        >>> unknown_id("بالبنك الأهلي", "ORG") == unknown_id("البنك الاهلي", "ORG")
        True
        >>> unknown_id("فلان", "PER").startswith("x/per/")
        True
    """
    _, key = ar.strip_proclitics(fold(text))
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    return f"x/{str(label).lower()}/{digest}"


#: The longest unknown surname (in words) that shares the id of the full name it ends.
_MAX_TAIL_WORDS = 6


def link_mentions(mentions: Sequence[Mention], kb: KnowledgeBase, lang: str) -> list[Linked]:
    """Link the mentions of one document; the result has the same order and length.

    Args:
        mentions: the document's ORG/PER/LOC mentions.
        kb: the knowledge base (:func:`arfa.kb.load_default_kb`).
        lang: the document language (``ar`` or ``fa``); matching itself is
            language-independent.

    Examples:
        >>> from arfa.kb import load_default_kb
        >>> kb = load_default_kb()
        >>> found = link_mentions([Mention(0, 22, "منظمة شانغهاي للتعاون", Label.ORG, None),
        ...                        Mention(30, 35, "جوتيريش", Label.PER, None),
        ...                        Mention(40, 56, "أنطونيو غوتيريش", Label.PER, None)], kb, "ar")
        >>> [f.canonical for f in found]
        ['Shanghai Cooperation Organisation', 'António Guterres', 'António Guterres']
    """
    del lang  # the KB and the folding are shared by both languages
    index = kb.derived("link_index", _build_index)
    original = list(mentions)
    mentions = list(mentions)
    keys = [fold(m.text) for m in mentions]
    ids: list[str | None] = [None] * len(mentions)
    scores = [0.0] * len(mentions)
    # an anaphoric generic head waits for the document's topic (stage 7)
    anaphoric = [m.label is Label.ORG and anaphor_position(k) is not None for m, k in zip(mentions, keys)]
    for i, (mention, key) in enumerate(zip(mentions, keys)):
        given = kb.get(mention.kb_id) if mention.kb_id else None
        if anaphoric[i]:
            continue
        if given is not None and given.label is Label(mention.label):
            ids[i], scores[i] = given.id, SCORES["given"] * _share(kb, key, given.id)
        elif key:
            ids[i], scores[i] = _exact(kb, mention, key)
    _given_names_are_people(kb, mentions, keys, ids)
    _by_document_places(kb, mentions, keys, ids, scores)
    # transliteration variants of full names (several words, or not a PER)
    _fuzzy_all(index, mentions, keys, (ids, scores), [
        i for i, (mention, key) in enumerate(zip(mentions, keys))
        if ids[i] is None and key and not anaphoric[i] and (mention.label is not Label.PER or " " in key)
        and not _national(kb, mention, key)
    ])
    # short forms and surnames, against the full mentions of this document
    in_doc: dict[Label, _DocMentions] = defaultdict(_DocMentions)
    for mention, key, entity_id in zip(mentions, keys, ids):
        if entity_id is not None:
            in_doc[Label(mention.label)].add(key, entity_id)
    for i, (mention, key) in enumerate(zip(mentions, keys)):
        if ids[i] is None and key and not anaphoric[i]:
            label = Label(mention.label)
            ids[i] = _coref(index[label], key, in_doc[label])
            if ids[i] is not None:
                scores[i] = SCORES["coref"]
                in_doc[label].add(key, ids[i])  # type: ignore[arg-type]
    # romanized names against the English names (skeletons above are cross-script too)
    _fuzzy_all(index, mentions, keys, (ids, scores), [
        i for i, key in enumerate(keys) if ids[i] is None and key and is_latin(key)
    ])
    # a generic head with an anaphor names a body of the organization the document is about
    if any(anaphoric):
        topic = document_topic(kb, [e for e, m, a in zip(ids, mentions, anaphoric)
                                    if e is not None and m.label is Label.ORG and not a])
        for i, key in enumerate(keys):
            if anaphoric[i]:
                ids[i] = resolve_anaphor(kb, key, Label.ORG, topic)
                scores[i] = SCORES["anaphor"] if ids[i] else 0.0
    # a national institution without its country: that of the country the document is about
    _national_bodies(kb, mentions, keys, ids, scores)
    # a given name re-read as a person: the document's one person of that first name
    for i, (mention, key) in enumerate(zip(mentions, keys)):
        if ids[i] is None and mention is not original[i]:
            ids[i] = _unique(in_doc[Label.PER].firsts.get(key, set()))
            scores[i] = SCORES["first_name"] if ids[i] else 0.0
    # an unknown surname shares the id of the first unknown full name it ends
    unknown_tails: dict[tuple[str, str], Mention] = {}
    for mention, key, entity_id in zip(mentions, keys, ids):
        if entity_id is None:
            words = key.split()
            # a surname is a few words: bounding the tails keeps a runaway span linear
            for i in range(max(1, len(words) - _MAX_TAIL_WORDS), len(words)):
                unknown_tails.setdefault((str(mention.label), " ".join(words[i:])), mention)
    results = [_result(kb, mention, entity_id, key, unknown_tails, score, before.label)
               for mention, key, entity_id, score, before in zip(mentions, keys, ids, scores, original)]
    # spellings of one unknown name share its id; they also share the first one's English name
    names: dict[str, str | None] = {}
    for i, found in enumerate(results):
        if found.entity_id is None:
            first = names.setdefault(found.canonical_id, found.canonical)
            if first != found.canonical:
                results[i] = found._replace(canonical=first)
    return results


def _by_document_places(
    kb: KnowledgeBase, mentions: Sequence[Mention], keys: Sequence[str], ids: list[str | None], scores: list[float]
) -> None:
    """An alias several places share goes to the one in a country the document names.

    ``طرابلس`` in a document that names Lebanon is Tripoli, Lebanon, not the more
    likely Tripoli, Libya.
    """
    named = {e for e in ids if e is not None}
    if not named:
        return
    for i, (mention, key) in enumerate(zip(mentions, keys)):
        if ids[i] is None or mention.label is not Label.LOC or scores[i] >= 1.0:
            continue
        candidates = {a.entity_id for a in kb.lookup_key(key) if a.label is Label.LOC and a.kind == "name"}
        context = named - {ids[i]}
        fits = {c for c in candidates if (e := kb.get(c)) is not None and e.parent in context}
        if len(fits) == 1:
            ids[i] = fits.pop()
            scores[i] = SCORES["place_context"]


def _national_bodies(
    kb: KnowledgeBase, mentions: Sequence[Mention], keys: Sequence[str], ids: list[str | None], scores: list[float]
) -> None:
    """``وزارت امور خارجه`` alone: the ministry of the country the document is about."""
    pending = [i for i, m in enumerate(mentions) if ids[i] is None and m.label is Label.ORG and keys[i]]
    if not pending:
        return
    bodies = kb.derived("national_bodies", national_bodies)
    pending = [i for i in pending if keys[i] in bodies]
    if not pending:
        return
    counts = document_country(kb, [e for e, m in zip(ids, mentions) if e is not None and m.label is Label.LOC])
    for i in pending:
        ranked = [(c, n) for c, n in counts if c in bodies[keys[i]]]
        # the document must be about one country: named twice at least, more than any other
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            ids[i], scores[i] = bodies[keys[i]][ranked[0][0]], SCORES["national"]


def _given_names_are_people(
    kb: KnowledgeBase, mentions: list[Mention], keys: Sequence[str], ids: list[str | None]
) -> None:
    """Re-read one-word LOC mentions that are a person's given name as PER, unlinked."""
    firsts = {k.split()[0] for m, k in zip(mentions, keys) if m.label is Label.PER and " " in k}
    for i, (mention, key) in enumerate(zip(mentions, keys)):
        if mention.label is Label.LOC and key and is_given_name_place(kb, key, ids[i], firsts):
            mentions[i] = Mention(mention.start, mention.end, mention.text, Label.PER, None)
            ids[i] = None


def _result(
    kb: KnowledgeBase,
    mention: Mention,
    entity_id: str | None,
    key: str,
    unknown_tails: dict[tuple[str, str], Mention],
    score: float,
    label_before: Label,
) -> Linked:
    relabel = Label(mention.label) if Label(mention.label) is not Label(label_before) else None
    entity = kb.get(entity_id) if entity_id else None
    if entity is not None:
        return Linked(entity.id, entity.name, entity.wikidata, entity.id, round(score, 4), relabel)
    composed = body_name(kb, key) if Label(mention.label) is Label.ORG else None
    if composed is not None:  # a body of a known organization: SCO Council of Defence Ministers
        return Linked(None, composed[0], None, composed[1], None, relabel)
    generic = national_generic_name(kb, key) if Label(mention.label) is Label.ORG else None
    if generic is not None:  # وزارة الخارجية of a country the document does not make plain
        return Linked(None, generic, None, composed_id(generic), None, relabel)
    full = unknown_tails.get((str(mention.label), key)) or mention
    canonical, canonical_id = unknown_entity(full.text, full.label)
    return Linked(None, canonical, None, canonical_id, None, relabel)


# ---------------------------------------------------------------- component


@runtime_checkable
class Linker(Protocol):
    """What a linker provides (registered kind ``linker``, entry-point group ``arfa.linkers``).

    Attributes:
        name: the registry name.
    """

    name: str

    def __call__(self, mentions: Sequence[Mention], lang: str) -> list[Linked]:
        """Link the ORG/PER/LOC mentions of one whole document, in order."""
        ...


class KBLinker:
    """The built-in linker: :func:`link_mentions` over one knowledge base.

    Examples:
        >>> from arfa.kb import load_default_kb
        >>> [r.canonical for r in KBLinker(load_default_kb())([Mention(0, 5, "فيينا", Label.LOC)], "ar")]
        ['Vienna']
    """

    name = "kb"

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        kb.derived("link_index", _build_index)  # build the index now, not on the first document

    def __call__(self, mentions: Sequence[Mention], lang: str) -> list[Linked]:
        return link_mentions(mentions, self.kb, lang)
