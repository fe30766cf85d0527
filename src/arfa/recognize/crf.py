"""The built-in statistical recognizer: a linear-chain CRF per language (python-crfsuite).

The models are trained by ``arfa train crf`` (:mod:`arfa.train.crf`) on the corpora
listed in ``docs/models.md`` and ship as crfsuite binary files in
``arfa/resources/models/`` (``crf-ar.crfsuite``, ``crf-fa.crfsuite``). The
environment variable ``ARFA_MODEL_DIR`` points arfa at another folder.

Each sentence of the :class:`~arfa.recognize.base.Segment` (the tokenizer's) is tagged
with the Viterbi path; every PER, ORG or LOC chunk becomes a :class:`Candidate`
whose score is the lowest marginal probability of its tokens' labels (an upper
bound on the probability of the whole span). Spans scoring under ``threshold``
are dropped.

Examples:
    >>> from arfa.recognize.base import Segment
    >>> seg = Segment.from_text("قال الرئيس فلاديمير بوتين في موسكو .", "ar")
    >>> [(seg.norm.text[c.start:c.end], c.label.value) for c in CRFRecognizer("ar")(seg)]
    [('فلاديمير بوتين', 'PER'), ('موسكو', 'LOC')]
"""

from __future__ import annotations

import os
import re
import struct
import threading
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arfa.errors import BackendUnavailableError, ModelLoadError, ModelNotFoundError, UnsupportedLanguageError
from arfa.lang import ar
from arfa.models import Label
from arfa.recognize.base import Candidate, Segment, tagged_chunks
from arfa.recognize.crf_features import sentence_features
from arfa.recognize.crf_lexicon import Lexicon
from arfa.recognize.spans import discipline

if TYPE_CHECKING:
    import pycrfsuite

__all__ = [
    "CLUSTER_PATH",
    "DEFAULT_THRESHOLD",
    "ENV_MODEL_DIR",
    "CRFRecognizer",
    "chunk_candidates",
    "default_model_path",
    "load_clusters",
    "load_lexicon",
    "load_tagger",
    "model_file",
    "model_attributes",
    "tagger_lock",
]

DEFAULT_THRESHOLD = 0.4
"""Spans whose score is below this are dropped (best dev F1 for both languages)."""

ENV_MODEL_DIR = "ARFA_MODEL_DIR"
_LABELS = {"PER": Label.PER, "ORG": Label.ORG, "LOC": Label.LOC}
_HEADER = struct.Struct("<4sI4s9I")  # crfsuite's crf1dm header
CLUSTER_PATH = re.compile(r"[0-9]+(?:/[0-9]+)*")
"""A cluster path in ``clusters-<lang>.tsv``: cluster ids coarse to fine (``3/17``)."""


def default_model_path(lang: str) -> Path:
    """Where the model of ``lang`` is looked for: ``$ARFA_MODEL_DIR`` or the package data."""
    return model_file(f"crf-{lang}.crfsuite")


def model_file(name: str) -> Path:
    """Where the shipped model file ``name`` is looked for: ``$ARFA_MODEL_DIR`` or the package data."""
    override = os.environ.get(ENV_MODEL_DIR)
    if override:
        return Path(override) / name
    return Path(str(files("arfa.resources.models").joinpath(name)))


def chunk_candidates(
    segment: Segment,
    chunks: Iterable[tuple[int, int, str, float]],
    *,
    source: str,
    lang: str,
    threshold: float,
    known: Callable[[str], bool] | None = None,
    disciplined: bool = True,
) -> list[Candidate]:
    """A sequence tagger's chunks (:func:`~arfa.recognize.base.tagged_chunks`) as candidates.

    PER, ORG and LOC chunks scoring at least ``threshold`` that hold an Arabic-script
    letter (the models were trained on Arabic-script text only: their guesses on Latin
    words are noise), then, where ``disciplined``, :func:`arfa.recognize.spans.discipline`
    with the name list's membership test ``known``.
    """
    doc = segment.norm
    out = [
        Candidate(start, end, _LABELS[kind], source=source, score=score, priority=0)
        for start, end, kind, score in chunks
        if kind in _LABELS and score >= threshold and ar.LETTER_RE.search(doc.text, start, end)
    ]
    return discipline(doc.text, out, lang, known) if disciplined else out


def _check_model_bytes(data: bytes, path: Path) -> None:
    """Reject files crfsuite would misread (it does not check sizes itself)."""
    if len(data) < _HEADER.size:
        raise ModelLoadError(f"CRF model {path} is truncated ({len(data)} bytes)")
    magic, size, kind, *rest = _HEADER.unpack_from(data)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ModelLoadError(f"{path} is not a crfsuite model file (bad magic {magic!r})")
    if size != len(data) or any(off > len(data) for off in rest[4:]):
        raise ModelLoadError(f"CRF model {path} is truncated or corrupt ({len(data)} of {size} bytes)")


@cache
def load_tagger(path: Path) -> pycrfsuite.Tagger:
    """Open a crfsuite model once per path (cached; pair it with :func:`tagger_lock`).

    Raises:
        BackendUnavailableError: python-crfsuite is not installed.
        ModelNotFoundError: no file at ``path``.
        ModelLoadError: the file is not a valid crfsuite model.
    """
    try:
        import pycrfsuite
    except ImportError as exc:
        raise BackendUnavailableError("crf", "crf") from exc
    if not path.is_file():
        raise ModelNotFoundError(
            f"CRF model {path.name!r}",
            str(path.parent),
            "Reinstall arfa, unset ARFA_MODEL_DIR, or retrain it: "
            f"arfa train crf --lang {path.stem.removeprefix('crf-')} --out {path}",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ModelLoadError(f"cannot read CRF model {path}: {exc}") from exc
    _check_model_bytes(data, path)
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(path))  # crfsuite reads the file into its own buffer
    except Exception as exc:  # crfsuite raises ValueError or IOError
        raise ModelLoadError(f"cannot load CRF model {path}: {exc}") from exc
    return tagger


_CQDB = struct.Struct("<4sIIIII")  # a constant-quark database header: id, size, flag, byte order, backward array


@cache
def model_attributes(path: Path) -> frozenset[str]:
    """The attribute names the crfsuite model at ``path`` knows (its attribute dictionary).

    Read from the file's CQDB string table, as crfsuite itself reads it; an attribute
    outside it has no weight, and crfsuite skips it when tagging.

    Raises:
        ModelLoadError: the file has no readable attribute dictionary.
    """
    data = path.read_bytes()
    _check_model_bytes(data, path)
    *_, n_attrs, _, _, base, _, _ = _HEADER.unpack_from(data)
    try:
        magic, _, _, _, bwd_size, bwd_offset = _CQDB.unpack_from(data, base)
        if magic != b"CQDB":
            raise ValueError(f"bad attribute dictionary magic {magic!r}")
        names: list[str] = []
        for offset in struct.unpack_from(f"<{bwd_size}I", data, base + bwd_offset):
            if offset:
                _, size = struct.unpack_from("<iI", data, base + offset)
                start = base + offset + 8
                names.append(data[start : start + size - 1].decode("utf-8"))
    except (struct.error, ValueError, UnicodeDecodeError) as exc:
        raise ModelLoadError(f"cannot read the attributes of CRF model {path}: {exc}") from exc
    if len(names) != n_attrs:
        raise ModelLoadError(f"CRF model {path} lists {len(names)} attributes, its header {n_attrs}")
    return frozenset(names)


@cache
def tagger_lock(path: Path) -> threading.Lock:
    """The lock of the shared tagger of ``path``: one model's tagging never waits for another's."""
    return threading.Lock()


@cache
def load_clusters(model: Path) -> dict[str, str] | None:
    """The word-cluster table stored next to ``model`` (``clusters-<lang>.tsv``), if any.

    Each line is ``word<TAB>cluster path`` (see :mod:`arfa.train.clusters`).
    """
    path = model.with_name(model.name.replace("crf-", "clusters-").replace(".crfsuite", ".tsv"))
    if not path.is_file():
        return None
    table: dict[str, str] = {}
    try:
        for line in path.read_text(encoding="utf-8").splitlines():
            word, _, cid = line.rpartition("\t")
            if not word or not CLUSTER_PATH.fullmatch(cid):
                raise ValueError(f"bad line {line!r}")
            table[word] = cid
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ModelLoadError(f"cannot load word clusters {path}: {exc}") from exc
    return table


@cache
def load_lexicon(model: Path) -> Lexicon | None:
    """The name list stored next to ``model`` (``names-<lang>.tsv``), if any."""
    path = model.with_name(model.name.replace("crf-", "names-").replace(".crfsuite", ".tsv"))
    if not path.is_file():
        return None
    try:
        return Lexicon.read(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelLoadError(f"cannot load name list {path}: {exc}") from exc


class CRFRecognizer:
    """PER, ORG and LOC mentions proposed by arfa's own CRF model.

    The model is loaded when the recognizer is built, so a missing or broken model
    fails at :class:`~arfa.pipeline.Pipeline` construction.

    Attributes:
        name: ``crf``.
        langs: the languages a model ships for.
        lang: the language of this instance.
        model_path: the crfsuite file it loaded.
        threshold: spans scoring below it are dropped.
        discipline: whether chunks go through :func:`arfa.recognize.spans.discipline`
            (proclitics and titles outside, coordinated names split, no bare common word).

    Raises:
        UnsupportedLanguageError: ``lang`` is neither ``ar`` nor ``fa``.
        BackendUnavailableError: python-crfsuite is not installed.
        ModelNotFoundError: no model file at ``model_path``.
        ModelLoadError: the file is not a valid crfsuite model.
    """

    name = "crf"
    langs = frozenset({"ar", "fa"})

    def __init__(
        self,
        lang: str,
        model_path: Path | None = None,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        discipline: bool = True,
    ) -> None:
        if lang not in self.langs:
            raise UnsupportedLanguageError(lang, sorted(self.langs))
        self.lang = lang
        self.model_path = Path(model_path) if model_path is not None else default_model_path(lang)
        self.threshold = threshold
        self.discipline = discipline
        self.load()

    def load(self) -> None:
        """Load the model, its word clusters and name list (cached per path; raises the loading errors)."""
        self._tagger: Any = load_tagger(self.model_path)
        self._lock = tagger_lock(self.model_path)
        self._clusters = load_clusters(self.model_path)
        self._lexicon = load_lexicon(self.model_path)
        self._known = model_attributes(self.model_path)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.lang, self.model_path, self.threshold, self.discipline))

    def tag(self, words: Sequence[str]) -> tuple[list[str], list[float]]:
        """IOB2 labels of ``words`` (one sentence) and each label's marginal probability."""
        if not words:
            return [], []
        tagger = self._tagger
        features = sentence_features(words, self.lang, self._clusters, self._lexicon, known=self._known)
        # a crfsuite Tagger holds the current sequence between set(), tag() and
        # marginal(): one sentence at a time per model (the other language's model
        # has its own lock and runs meanwhile)
        with self._lock:
            tagger.set(features)
            labels: list[str] = list(tagger.tag())
            probs = [float(tagger.marginal(label, i)) for i, label in enumerate(labels)]
        return labels, probs

    def __call__(self, segment: Segment) -> list[Candidate]:
        """Candidates in normalized coordinates of ``segment.norm``, one sentence at a time."""
        known = self._lexicon.__contains__ if self._lexicon is not None else None
        return chunk_candidates(segment, tagged_chunks(segment, self.tag), source=self.name, lang=self.lang,
                                threshold=self.threshold, known=known, disciplined=self.discipline)


def _rebuild(lang: str, model_path: Path, threshold: float, discipline: bool = True) -> CRFRecognizer:
    return CRFRecognizer(lang, model_path, threshold=threshold, discipline=discipline)

