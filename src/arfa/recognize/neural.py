"""The ``neural`` recognizer: a character-CNN BiLSTM-CRF per language (torch, optional).

The models are trained by ``arfa train neural`` (:mod:`arfa.train.neural`) on the same
corpora as the CRF and ship in ``arfa/resources/models/`` as ``neural-<lang>.safetensors``
(the weights, no pickle) and ``neural-<lang>.json`` (vocabularies, sizes, and the file
name of the name list the model was trained with). ``ARFA_MODEL_DIR`` points arfa at
another folder, as for the CRF. torch and safetensors are needed only here: the
``neural`` extra (``pip install 'arfa[neural]'``); without them the recognizer raises
:class:`~arfa.errors.BackendUnavailableError` when it is built.

Candidates are made as the CRF's are (:class:`arfa.recognize.crf.CRFRecognizer`):
each sentence is tagged (Viterbi), a chunk's score is the lowest posterior probability
of its tokens' labels, chunks under ``threshold`` or without an Arabic-script letter
are dropped, and :func:`arfa.recognize.spans.discipline` applies.

Examples:
    >>> from arfa.recognize.base import Segment
    >>> seg = Segment.from_text("قال الرئيس فلاديمير بوتين في موسكو .", "ar")
    >>> [(seg.norm.text[c.start:c.end], c.label.value) for c in NeuralRecognizer("ar")(seg)]
    [('فلاديمير بوتين', 'PER'), ('موسكو', 'LOC')]
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arfa.errors import BackendUnavailableError, ModelLoadError, ModelNotFoundError, UnsupportedLanguageError
from arfa.normalize import fold
from arfa.recognize.base import Candidate, Segment, tagged_chunks
from arfa.recognize.crf import DEFAULT_THRESHOLD, chunk_candidates, model_file
from arfa.recognize.crf_features import arabic_stem
from arfa.recognize.crf_lexicon import Lexicon, lexicon_features

if TYPE_CHECKING:
    from arfa.recognize.neural_net import Tagger

__all__ = [
    "ENV_THREADS",
    "FORMAT",
    "MAX_CHARS",
    "NeuralModel",
    "NeuralRecognizer",
    "THREADS",
    "Vocab",
    "default_model_path",
    "load_model",
    "word_key",
]

FORMAT = 1
"""Version of the ``neural-<lang>.json`` layout; a model of another version is refused."""
MAX_CHARS = 20
"""Letters of a word the character CNN reads (the first ones)."""
THREADS = 1
"""torch threads per tagging call (``$ARFA_TORCH_THREADS`` overrides it)."""
ENV_THREADS = "ARFA_TORCH_THREADS"
_DIGITS = re.compile(r"[0-9]")


def word_key(word: str) -> str:
    """The vocabulary key of a word: folded, every digit ``0``.

    Examples:
        >>> word_key("الأمم"), word_key("2019")
        ('الامم', '0000')
    """
    return _DIGITS.sub("0", fold(word))


@dataclass(frozen=True)
class Vocab:
    """The lookup tables of a model: words, characters, name-list tags, labels.

    Index 0 of every table is padding and index 1 the unknown entry.

    Attributes:
        lang: the model's language.
        labels: IOB2 labels, index order.
        words: word key → index.
        chars: character → index.
        lex_tags: name-list tag (``g1=PER``, ``g=B-ORG|g1=LOC``) → index; empty: none used.
    """

    lang: str
    labels: tuple[str, ...]
    words: dict[str, int]
    chars: dict[str, int]
    lex_tags: dict[str, int]

    def word_id(self, key: str) -> int:
        """Index of a word key; an unknown Arabic word is looked up by its stem (``والاتحاد`` → ``اتحاد``)."""
        idx = self.words.get(key)
        if idx is None and self.lang == "ar":
            idx = self.words.get(arabic_stem(key))
        return 1 if idx is None else idx

    def encode(
        self, words: Sequence[str], lexicon: Lexicon | None
    ) -> tuple[list[int], list[list[int]], list[int]]:
        """Word, character and name-list tag indices of one sentence's words."""
        keys = [word_key(w) for w in words]
        word_ids = [self.word_id(k) for k in keys]
        char_ids = [[self.chars.get(c, 1) for c in k[:MAX_CHARS]] or [1] for k in keys]
        if lexicon is not None and self.lex_tags:
            feats = lexicon_features([fold(w) for w in words], lexicon, self.lang)
            lex_ids = [self.lex_tags.get("|".join(sorted(f)), 1) for f in feats]
        else:
            lex_ids = [1] * len(words)
        return word_ids, char_ids, lex_ids


def default_model_path(lang: str) -> Path:
    """Where the weights of ``lang`` are looked for: ``$ARFA_MODEL_DIR`` or the package data."""
    return model_file(f"neural-{lang}.safetensors")


@dataclass(frozen=True)
class NeuralModel:
    """A loaded model: the network (in eval mode), its vocabularies and its name list.

    ``threads`` is the number of torch threads tagging uses (set around each call and
    restored after it): :data:`THREADS`, or ``$ARFA_TORCH_THREADS``.
    """

    net: Tagger
    vocab: Vocab
    lexicon: Lexicon | None
    meta: dict[str, Any]
    threads: int = field(default_factory=lambda: int(os.environ.get(ENV_THREADS) or THREADS))

    def tag_batch(self, sentences: Sequence[Sequence[str]]) -> list[tuple[list[str], list[float]]]:
        """IOB2 labels of each sentence and each label's posterior probability."""
        import torch

        from arfa.recognize.neural_net import pad_batch

        out: list[tuple[list[str], list[float]]] = [([], []) for _ in sentences]
        todo = [i for i, s in enumerate(sentences) if s]
        if not todo:
            return out
        encoded = [self.vocab.encode(sentences[i], self.lexicon) for i in todo]
        # a batch of a few sentences gains nothing from parallel threads, and OpenMP's
        # spinning threads cost many times the work on a busy machine: one thread here
        before = torch.get_num_threads()
        if before != self.threads:
            torch.set_num_threads(self.threads)
        try:
            with torch.inference_mode():
                words, chars, lex, mask = pad_batch(encoded)
                emissions = self.net.emissions(words, chars, lex, mask)
                paths = self.net.crf.decode(emissions, mask)
                probs = self.net.crf.marginals(emissions, mask)
        finally:
            if before != self.threads:
                torch.set_num_threads(before)
        for row, (i, path) in enumerate(zip(todo, paths, strict=True)):
            labels = [self.vocab.labels[j] for j in path]
            out[i] = (labels, [float(probs[row, t, j]) for t, j in enumerate(path)])
        return out


def _require_backend() -> None:
    try:
        import safetensors  # noqa: F401
        import torch  # noqa: F401
    except ImportError as exc:
        raise BackendUnavailableError("neural", "neural") from exc


@cache
def load_model(path: Path) -> NeuralModel:
    """Load ``neural-<lang>.safetensors`` and the ``.json`` beside it (cached per path).

    Raises:
        BackendUnavailableError: torch or safetensors is not installed.
        ModelNotFoundError: no weights or no JSON at ``path``.
        ModelLoadError: a file that cannot be read as such a model.
    """
    _require_backend()
    meta_path = path.with_suffix(".json")
    for needed in (path, meta_path):
        if not needed.is_file():
            lang = path.stem.removeprefix("neural-")
            raise ModelNotFoundError(
                f"neural model file {needed.name!r}",
                str(needed.parent),
                "Install arfa with its models, unset ARFA_MODEL_DIR, or retrain it: "
                f"arfa train neural --lang {lang} --out {path}",
            )
    from safetensors.torch import load_file

    from arfa.recognize.neural_net import NetConfig, Tagger

    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT:
            raise ValueError(f"format {meta.get('format')!r}, expected {FORMAT}")
        vocab = Vocab(
            meta["lang"],
            tuple(meta["labels"]),
            {w: i for i, w in enumerate(meta["words"])},
            {c: i for i, c in enumerate(meta["chars"])},
            {t: i for i, t in enumerate(meta["lex_tags"])},
        )
        net = Tagger(NetConfig(**meta["net"]), vocab.labels)
        net.load_state_dict(load_file(str(path)))
    except Exception as exc:  # JSON, key, shape and safetensors header errors alike
        raise ModelLoadError(f"cannot load neural model {path}: {exc}") from exc
    net.eval()
    lexicon: Lexicon | None = None
    if meta.get("names"):
        names = path.with_name(meta["names"])
        try:
            lexicon = Lexicon.read(names)
        except (OSError, UnicodeDecodeError) as exc:
            raise ModelLoadError(f"cannot load the name list {names} of {path}: {exc}") from exc
    return NeuralModel(net, vocab, lexicon, meta)


class NeuralRecognizer:
    """PER, ORG and LOC mentions proposed by arfa's BiLSTM-CRF model.

    Attributes:
        name: ``neural``.
        langs: the languages a model ships for.
        lang: the language of this instance.
        model_path: the weights it loaded.
        threshold: spans scoring below it are dropped.
        discipline: whether chunks go through :func:`arfa.recognize.spans.discipline`.

    Raises:
        UnsupportedLanguageError: ``lang`` is neither ``ar`` nor ``fa``.
        BackendUnavailableError: torch or safetensors is not installed.
        ModelNotFoundError: no model at ``model_path``.
        ModelLoadError: the files are not a valid model.
    """

    name = "neural"
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
        self.model = load_model(self.model_path)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.lang, self.model_path, self.threshold, self.discipline))

    def tag(self, words: Sequence[str]) -> tuple[list[str], list[float]]:
        """IOB2 labels of ``words`` (one sentence) and each label's posterior probability."""
        return self.model.tag_batch([list(words)])[0]

    def __call__(self, segment: Segment) -> list[Candidate]:
        """Candidates in normalized coordinates of ``segment.norm``, one sentence at a time."""
        # tag every sentence of the segment in one batch, then read them back in order
        sentences = [[t.text for t in sent] for sent in segment.sentence_tokens()]
        tagged = iter(self.model.tag_batch(sentences))
        lexicon = self.model.lexicon
        return chunk_candidates(segment, tagged_chunks(segment, lambda _words: next(tagged)), source=self.name,
                                lang=self.lang, threshold=self.threshold,
                                known=lexicon.__contains__ if lexicon is not None else None,
                                disciplined=self.discipline)


def _rebuild(lang: str, model_path: Path, threshold: float, discipline: bool) -> NeuralRecognizer:
    return NeuralRecognizer(lang, model_path, threshold=threshold, discipline=discipline)
