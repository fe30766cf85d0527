"""English names for Arabic- and Persian-script names the knowledge base lacks.

The model is a joint-sequence transliterator (Bisani & Ney 2008, "Joint-sequence
models for grapheme-to-phoneme conversion"). A name word is read as a sequence of
*graphones*, pairs of a source chunk (one or two letters of the folded word) and
the English letters it is written as (zero to four): ``ولادیمیر`` is
``و:v ل:la ا: د:di ي:mi ...``. An n-gram model over graphones scores a
segmentation, and a beam search finds the best English word. Training
(:mod:`arfa.train.translit`) aligns the name pairs of ``../shared/data/anetac`` and
of the knowledge base's own ar/fa/en triples by EM, counts graphone n-grams with
Witten-Bell smoothing, and writes one JSON table (package data,
``arfa/resources/translit/table.json``): no pickle, nothing executable.

Arabic and Persian spellings go through :func:`arfa.normalize.fold` first (``ی``/``ي``,
``ک``/``ك``, ``ة``/``ه``, the alef forms), so both scripts share one alphabet and the
Persian letters ``پ چ ژ گ`` keep their extra information. Beyond the model:

* an *exception lexicon* holds the training words whose English spelling the
  decoder does not reproduce (``فلاديمير`` and ``ولاديمير`` -> ``vladimir``);
* a candidate that is a known English name word (``vocab``) gets a bonus, so the
  Arabic and the Persian spelling of one name converge on the same word;
* ``ابو``/``عبد`` + ``ال`` compounds are split (``ابوالمجد`` -> ``Abu al-Majd``).

:func:`unknown_entity` gives an unknown mention its English ``canonical`` and a
``canonical_id`` derived from :func:`name_key` of that English name, so the Arabic and
Persian mentions of one person get the same id in every document.

The environment variable ``ARFA_TRANSLIT_TABLE`` points at another table file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from arfa.errors import ModelLoadError, ModelNotFoundError
from arfa.kb.graphones import BOUNDARY, FORMAT, GraphoneModel
from arfa.lang import ar
from arfa.models import Label
from arfa.normalize import fold

__all__ = [
    "BOUNDARY",
    "FORMAT",
    "TABLE_ENV",
    "Transliterator",
    "load_transliterator",
    "name_key",
    "source_word",
    "target_word",
    "transliterate",
    "unknown_entity",
]

#: environment variable naming a table file to use instead of the shipped one.
TABLE_ENV = "ARFA_TRANSLIT_TABLE"

_WORD_SEP = re.compile(r"[\s\-]+")
_REPEAT = re.compile(r"(.)\1+")
_PREFIXES = (("ابو", "Abu"), ("عبد", "Abd"))
_KEY_RULES = (("ph", "f"), ("kh", "x"), ("gh", "g"), ("ou", "u"), ("ee", "i"), ("oo", "u"),
              ("w", "v"), ("y", "i"), ("q", "k"), ("c", "k"), ("j", "g"), ("e", "a"), ("o", "u"))


def source_word(text: str) -> str:
    """The Arabic-script letters of ``fold(text)``: the model's input alphabet.

    Examples:
        >>> source_word("ولادیمیر") == source_word("ولاديمير")
        True
        >>> source_word("بوتينُ!")
        'بوتين'
    """
    return "".join(ar.LETTER_RE.findall(fold(text)))


def target_word(text: str) -> str:
    """``text`` as lower-case ASCII letters, accents removed: the model's output alphabet.

    Examples:
        >>> target_word("António")
        'antonio'
        >>> target_word("Takht-Ravanchi")
        'takhtravanchi'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed.lower() if "a" <= c <= "z")


def name_key(english: str, label: Label | str | None = None) -> str:
    """A spelling-tolerant key of an English name: what an unknown entity's id hashes.

    Letters that Arabic and Persian spellings of one name often render differently
    collapse (``w``/``v``, ``e``/``a``, ``o``/``u``, ``y``/``i``, ``j``/``g``, doubled
    letters), while the consonants and word boundaries stay. A person's name keeps
    only the first letter and the consonant classes of each word
    (:func:`arfa.kb.link.skeleton`): Persian spellings leave out the short vowels that
    Arabic ones write, and two people of the KB never share such a key. Place and
    organization names, often one short word, keep their vowels.

    Examples:
        >>> name_key("Vladimir Norov") == name_key("Wladimir Noruv")
        True
        >>> name_key("Abu Bakr al-Majd")
        'abu bakr al magd'
        >>> name_key("Masoud Pezeshkian", "PER") == name_key("Msaud Bezeshkian", "PER")
        True
        >>> name_key("Ali Karimi", "PER") == name_key("Ali Karimov", "PER")
        False
    """
    person = label is not None and str(label) == "PER"
    words = []
    for word in _WORD_SEP.split(english):
        key = target_word(word)
        for old, new in _KEY_RULES:
            key = key.replace(old, new)
        key = _REPEAT.sub(r"\1", key)
        if key and person:
            from arfa.kb.link import skeleton

            key = (skeleton(key[0]) or key[0]) + "." + skeleton(key[1:])
        if key:
            words.append(key)
    return " ".join(words)


class Transliterator(GraphoneModel):
    """A trained graphone model (:class:`~arfa.kb.graphones.GraphoneModel`) that names words and names.

    Args:
        table: the parsed JSON table (see :mod:`arfa.train.translit`).
        beam: hypotheses kept per source position.
        per_chunk: readings kept per source chunk, likeliest first.

    Raises:
        ModelLoadError: when the table does not have the expected format.
    """

    @classmethod
    def from_file(cls, path: Path | str) -> Transliterator:
        """Load a table file written by ``scripts/train_translit.py``.

        Raises:
            ModelNotFoundError: when the file does not exist.
            ModelLoadError: when it is not a valid table.
        """
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise ModelNotFoundError("transliteration table", str(path),
                                     "Run: python scripts/train_translit.py") from exc
        try:
            table = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ModelLoadError(f"{path}: not valid JSON: {exc}") from exc
        return cls(table)

    @lru_cache(maxsize=16384)  # noqa: B019 - one shared model, loaded once
    def word(self, word: str) -> str:
        """The English spelling (lower case) of one folded source word.

        Examples:
            >>> load_transliterator().word("")
            ''
        """
        if word in self.lexicon:
            return self.lexicon[word]
        best = self.nbest(word, 1 if word[:1] not in _INITIALS else _AGREEING)
        # a word-initial و or ي is a consonant, never silent: وليد is Walid, not Led
        agreeing = [spelling for spelling, _ in best if spelling[:1] in _INITIALS.get(word[:1], spelling[:1])]
        return agreeing[0] if agreeing else best[0][0] if best else ""

    def name(self, text: str, label: Label | str | None = None) -> str:
        """The English name of an Arabic- or Persian-script name, word by word.

        Latin-script words are kept; a word with no letters is dropped.

        Examples:
            >>> t = load_transliterator()
            >>> t.name("أبوبكر أبوالمجد", Label.PER)
            'Abu Bakr Abu al-Majd'
        """
        person = label is not None and str(label) == "PER"
        organization = label is not None and str(label) == "ORG"
        parts: list[str] = []
        for position, token in enumerate(fold(text).split()):
            src = source_word(token)
            if not src:
                latin = "".join(c for c in token if c.isalnum() or c in "-'.")
                if latin:
                    parts.append(latin)
                continue
            parts.append(self._display(src, person=person, first=position == 0, organization=organization))
        return _capitalize(" ".join(p for p in parts if p))

    def _display(self, src: str, *, person: bool, first: bool, organization: bool = False) -> str:
        if src in self.lexicon:
            return _capitalize(self.lexicon[src])
        for prefix, english in _PREFIXES:
            rest = src[len(prefix):]
            if src.startswith(prefix) and len(rest) >= 3 and (
                rest.startswith("ال") or (prefix == "ابو" and person and len(rest) <= 4)
            ):
                return f"{english} {self._display(rest, person=True, first=False)}"
        if (person and not first or organization) and src.startswith("ال") and len(src) >= 4:
            return "al-" + _capitalize(self.word(src[2:]))
        return _capitalize(self.word(src))


#: The English letters a name may start with where the source word starts with these.
_INITIALS = {"و": "wvou", "ي": "yie"}
#: How many spellings to look through for one that agrees.
_AGREEING = 5


def _capitalize(word: str) -> str:
    return word[:1].upper() + word[1:]


@cache
def load_transliterator() -> Transliterator:
    """The shipped transliteration model (or the table ``$ARFA_TRANSLIT_TABLE`` names), loaded once.

    Raises:
        ModelNotFoundError: when the table file is missing.
        ModelLoadError: when it cannot be parsed.
    """
    override = os.environ.get(TABLE_ENV)
    if override:
        return Transliterator.from_file(override)
    entry = resources.files("arfa.resources").joinpath("translit", "table.json")
    try:
        text = entry.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ModelNotFoundError("transliteration table", str(entry),
                                 "Run: python scripts/train_translit.py") from exc
    return Transliterator(json.loads(text))


def transliterate(text: str, label: Label | str | None = None) -> str:
    """The English name of an Arabic- or Persian-script name.

    Examples:
        >>> transliterate("ولادیمیر", "PER") == transliterate("فلاديمير", "PER")
        True
    """
    return load_transliterator().name(text, label)


def unknown_entity(text: str, label: Label | str) -> tuple[str | None, str]:
    """The English ``canonical`` and the ``canonical_id`` of an entity the KB lacks.

    The id hashes :func:`name_key` of the English name, so spellings that transliterate
    alike, in Arabic or Persian, in any document, share it. Proclitics before the
    article go as :func:`arfa.lang.ar.strip_proclitics` decides. A name with no
    letters keeps ``canonical`` ``None`` and gets an id from its folded text.

    Examples:
        >>> unknown_entity("والبنك الأهلي", "ORG") == unknown_entity("البنك الاهلي", "ORG")
        True
        >>> unknown_entity("بالبنك الأهلي", "ORG") == unknown_entity("البنك الاهلي", "ORG")
        True
        >>> unknown_entity("أبوبكر أبوالمجد", "PER")[1].startswith("x/per/")
        True
    """
    _, key = ar.strip_proclitics(fold(text))
    kind = str(label).lower()
    english = load_transliterator().name(key, label) if key else ""
    basis = name_key(english, label)
    if not basis:
        return None, f"x/{kind}/" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    return english, f"x/{kind}/" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:10]
