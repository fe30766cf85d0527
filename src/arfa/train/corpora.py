"""Readers for the NER corpora in ``shared/data``, each mapped to PER/ORG/LOC in IOB2.

Every reader returns a list of sentences; a sentence is a list of ``(token, tag)``
pairs whose tags are ``O`` or ``B-``/``I-`` + ``PER``/``ORG``/``LOC``. Classes
outside those three become ``O``. An ``I-`` tag that does not continue a chunk of
the same type is turned into ``B-`` (conlleval's reading of IOB1 leftovers).

The class tables below are the documented mapping (see ``docs/models.md``).

Examples:
    >>> to_bio(["B_PER", "I_PER", "O", "I-ORG", "B-DAT"], PEYMA_MAP)
    ['B-PER', 'I-PER', 'O', 'B-ORG', 'O']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

__all__ = [
    "ANERCORP_MAP",
    "AQMAR_MAP",
    "ARMAN_MAP",
    "NEWSFANE_MAP",
    "PARSTWINER_MAP",
    "PEYMA_MAP",
    "WIKIANN_MAP",
    "WOJOOD_MAP",
    "TaggedSentence",
    "parse_columns",
    "read_anercorp",
    "read_aqmar",
    "read_arman",
    "read_newsfane",
    "read_nsurl_test",
    "read_nsurl_train",
    "read_parstwiner",
    "read_peyma",
    "read_wikiann",
    "read_wojood",
    "to_bio",
]

TaggedSentence = list[tuple[str, str]]

#: NewsFANE fine classes (Alotaibi & Lee 2014, ACE-derived two-level taxonomy) → arfa.
#: PER and GPE/LOC fine classes map to PER and LOC; ORG fine classes to ORG.
#: ``Group`` (nationalities, peoples: الصينيون) is O, as nationalities are not
#: entities in arfa's guidelines. FAC (Building-Grounds, Airport, Path,
#: Subarea-Facility, Plant), VEH (Land, Air, Water), WEA and PRO (Book, Movie,
#: Software ...) are O: arfa's LOC is geographic only.
NEWSFANE_MAP: dict[str, str] = {
    **dict.fromkeys(
        [
            "Politician",
            "Athlete",
            "Artist",
            "Other_PER",
            "Religious_PER",
            "Scientist",
            "Businessperson",
            "Lawyer",
            "Engineer",
            "Police",
        ],
        "PER",
    ),
    **dict.fromkeys(
        [
            "Government",
            "Non-Governmental",
            "Media",
            "Sports",
            "Commercial",
            "Educational",
            "Religious_ORG",
            "Medical-Science",
            "Entertainment",
        ],
        "ORG",
    ),
    **dict.fromkeys(
        [
            "Nation",
            "Population-Center",
            "State-or-Province",
            "GPE-Cluster",
            "Continent",
            "County-or-District",
            "Water-Body",
            "Land-Region-Natural",
            "Celestial",
        ],
        "LOC",
    ),
}
ANERCORP_MAP: dict[str, str] = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC"}
AQMAR_MAP: dict[str, str] = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "-ORG": "ORG"}
WOJOOD_MAP: dict[str, str] = {"PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
#: Arman: ``fac`` (airports, stadiums, buildings) is O, like NewsFANE's FAC and like
#: Arman's own ``loc``, which excludes facilities; ``pro`` and ``event`` are O.
ARMAN_MAP: dict[str, str] = {"pers": "PER", "org": "ORG", "loc": "LOC"}
PEYMA_MAP: dict[str, str] = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
#: ParsTwiNER: EVE, POG (political groups, dynasties) and NAT (nationalities) are O.
PARSTWINER_MAP: dict[str, str] = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}

#: WikiANN / PAN-X (silver, from Wikipedia links): already PER, ORG, LOC in IOB2.
WIKIANN_MAP: dict[str, str] = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}

_TAG = re.compile(r"^O?([BI])[-_](.+?)$")
_NSURL_TAG = re.compile(r"^O?([BI])[-_](PER|ORG|LOC|DAT|TIM|MON|PCT)O?$")
_DROP_CHARS = str.maketrans("", "", "\u200e\ufeff\r")


def to_bio(raw: Sequence[str], mapping: Mapping[str, str]) -> list[str]:
    """Map raw tags to arfa's IOB2 tags; unknown classes and malformed tags become ``O``."""
    out: list[str] = []
    prev = "O"
    for tag in raw:
        m = _TAG.match(tag.strip())
        label = mapping.get(m.group(2)) if m else None
        if m is None or label is None:
            new = "O"
        elif m.group(1) == "I" and prev[2:] == label:
            new = "I-" + label
        else:
            new = "B-" + label
        out.append(new)
        prev = new
    return out


def parse_columns(
    lines: Iterable[str], *, sep: str | None = None, last_pipe: bool = False
) -> Iterator[list[tuple[str, list[str]]]]:
    """Split column-format lines into sentences of ``(token, [tag, ...])``.

    Args:
        lines: the file's lines; blank lines end sentences.
        sep: column separator (``None``: any whitespace).
        last_pipe: ``token|TAG`` lines split on the last ``|`` (PEYMA).

    Lines without a token (NSURL 600K noise) are skipped.

    Examples:
        >>> list(parse_columns(["a|b|O", "x|B_PER", "", "y|O"], last_pipe=True))
        [[('a|b', ['O']), ('x', ['B_PER'])], [('y', ['O'])]]
    """
    sent: list[tuple[str, list[str]]] = []
    for raw in lines:
        line = raw.translate(_DROP_CHARS).rstrip("\n")
        if not line.strip():
            if sent:
                yield sent
            sent = []
            continue
        if last_pipe:
            token, _, tag = line.rpartition("|")
            parts = [token, tag]
        elif sep is None:
            parts = line.split()
        else:
            parts = line.split(sep)
        token = parts[0].strip()
        if not token or len(parts) < 2:
            continue
        sent.append((token, [p.strip() for p in parts[1:]]))
    if sent:
        yield sent


def _read(path: Path, mapping: Mapping[str, str], **kwargs: object) -> list[TaggedSentence]:
    with path.open(encoding="utf-8-sig") as f:
        sents = list(parse_columns(f, **kwargs))  # type: ignore[arg-type]
    return [
        list(zip([t for t, _ in s], to_bio([tags[0] for _, tags in s], mapping), strict=True)) for s in sents
    ]


def read_newsfane(path: Path) -> list[TaggedSentence]:
    """NewsFANE Gold: ``token<TAB>tag``, BOM, CRLF, U+200E marks stripped."""
    return _read(path, NEWSFANE_MAP, sep="\t")


def read_anercorp(path: Path) -> list[TaggedSentence]:
    """ANERcorp (CAMeL split): ``token TAG``; PERS → PER, MISC → O."""
    return _read(path, ANERCORP_MAP)


def read_aqmar(directory: Path) -> list[TaggedSentence]:
    """AQMAR: every ``*.txt`` article, sorted by name; MIS* and typos → O."""
    out: list[TaggedSentence] = []
    for path in sorted(directory.glob("*.txt")):
        out.extend(_read(path, AQMAR_MAP))
    return out


def read_wojood(path: Path) -> list[TaggedSentence]:
    """Wojood (nested): the first, outermost tag column only."""
    return _read(path, WOJOOD_MAP)


def read_arman(path: Path) -> list[TaggedSentence]:
    """Arman: ``token TAG`` with lower-case pers/org/loc/fac/pro/event."""
    return _read(path, ARMAN_MAP)


def read_peyma(path: Path) -> list[TaggedSentence]:
    """PEYMA (ParsTwiNER's split): ``token|TAG``, split on the last ``|``."""
    return _read(path, PEYMA_MAP, last_pipe=True)


def read_parstwiner(path: Path) -> list[TaggedSentence]:
    """ParsTwiNER: ``token<TAB>tag``; EVE, POG, NAT → O."""
    return _read(path, PARSTWINER_MAP, sep="\t")


def read_wikiann(path: Path) -> list[TaggedSentence]:
    """WikiANN (XTREME's PAN-X copy): ``token<TAB>tag``; a chunk's stray brackets and quotes
    at its edges (``(`` ``)`` ``''``) are moved outside it, as arfa's spans exclude them."""
    return [_trim_punct(s) for s in _read(path, WIKIANN_MAP, sep="\t")]


_EDGE_PUNCT = frozenset("()[]«»\"'،,:;-–")


def _trim_punct(sent: TaggedSentence) -> TaggedSentence:
    tags = [tag for _, tag in sent]
    toks = [tok for tok, _ in sent]
    i = 0
    while i < len(tags):
        if tags[i] == "O":
            i += 1
            continue
        j = i + 1
        while j < len(tags) and tags[j].startswith("I-"):
            j += 1
        label = tags[i][2:]
        first, last = i, j
        while first < last and all(c in _EDGE_PUNCT for c in toks[first]):
            first += 1
        while last > first and all(c in _EDGE_PUNCT for c in toks[last - 1]):
            last -= 1
        for k in range(i, j):
            tags[k] = "O" if not first <= k < last else ("B-" if k == first else "I-") + label
        i = j
    return list(zip(toks, tags, strict=True))


def _clean_nsurl(tag: str) -> str:
    m = _NSURL_TAG.match(tag.strip())
    return f"{m.group(1)}-{m.group(2)}" if m else "O"


def read_nsurl_train(directory: Path) -> list[TaggedSentence]:
    """NSURL-2019 training part (``train/600K`` or ``train/300K``): ``token<TAB>tag`` files.

    Stray labels such as ``B-ORGO`` or ``OB-ORG`` are repaired, tag-only lines dropped.
    """
    out: list[TaggedSentence] = []
    for path in sorted(p for p in directory.iterdir() if p.is_file()):
        with path.open(encoding="utf-8-sig") as f:
            for s in parse_columns(f, sep="\t"):
                tags = to_bio([_clean_nsurl(t[0]) for _, t in s], PEYMA_MAP)
                out.append(list(zip([tok for tok, _ in s], tags, strict=True)))
    return out


def read_nsurl_test(directory: Path) -> list[TaggedSentence]:
    """NSURL-2019 test: ``tokens/<id>.txt`` and ``gold/<id>.gold``, line-aligned."""
    out: list[TaggedSentence] = []
    for tok_path in sorted((directory / "tokens").glob("*.txt")):
        gold_path = directory / "gold" / (tok_path.stem + ".gold")
        toks = tok_path.read_text(encoding="utf-8-sig").translate(_DROP_CHARS).split("\n")
        golds = gold_path.read_text(encoding="utf-8-sig").translate(_DROP_CHARS).split("\n")
        if len(toks) != len(golds):
            raise ValueError(f"{tok_path} and {gold_path} are not line-aligned")
        lines = [f"{t}\t{g}" if t.strip() else "" for t, g in zip(toks, golds, strict=True)]
        for s in parse_columns(lines, sep="\t"):
            tags = to_bio([_clean_nsurl(t[0]) for _, t in s], PEYMA_MAP)
            out.append(list(zip([tok for tok, _ in s], tags, strict=True)))
    return out
