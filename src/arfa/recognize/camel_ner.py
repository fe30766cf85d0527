"""PER, ORG and LOC mentions from a local CAMeL Tools NER model (Arabic only).

camel-tools' NER component, ``camel_tools.ner.NERecognizer(model_path)``, is a BERT
token-classification model directory (``config.json`` with ``id2label``, weights,
``vocab.txt``) tagged with IOB labels ``B-PERS``, ``I-ORG``, ``B-LOC``, ``B-MISC``,
``O`` ... This module loads the *same directory* with transformers'
``BertForTokenClassification`` and ``BertTokenizer`` (``local_files_only=True``) and
decodes it the way ``NERecognizer.predict`` does: each word is split into word
pieces, the label of its first piece is the word's label, and sentences longer than
254 pieces are cut into segments at word boundaries.

Why not call ``NERecognizer`` itself: importing ``camel_tools.ner`` imports
``camel_tools.data``, which creates ``~/.camel_tools`` unconditionally and, unless
``$CAMELTOOLS_DATA/catalogue.json`` exists, downloads the catalogue at import time
(a ``DownloaderError`` offline). Loading the directory directly needs neither, so
this module never imports ``camel_tools`` at all.

The model directory is ``model_dir`` when it holds a ``config.json``, else
``<data root>/data/ner/arabert`` where the data root is ``model_dir``, else
``$CAMELTOOLS_DATA``, else ``~/.camel_tools`` (what ``camel_data -i ner-arabert``
installs). Labels: PERS/PER -> PER, ORG -> ORG, LOC -> LOC; MISC is dropped. A
candidate's score is the lowest probability among its words' labels.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from arfa.errors import BackendUnavailableError, ModelLoadError, ModelNotFoundError, UnsupportedLanguageError
from arfa.models import Label
from arfa.recognize.base import Candidate, Segment, iob_chunks, tagged_chunks

__all__ = ["CAMEL_NER_SUBDIR", "ENV_DATA_DIR", "LABEL_MAP", "CamelRecognizer", "decode_iob", "find_model_dir"]

ENV_DATA_DIR = "CAMELTOOLS_DATA"
CAMEL_NER_SUBDIR = Path("data", "ner", "arabert")
"""Where camel-tools' catalogue installs its default NER model, under the data root."""

MAX_PIECES = 254
"""Word pieces per segment: camel-tools' ``max_seq_length`` 256 less [CLS] and [SEP]."""

LABEL_MAP: dict[str, Label] = {"PERS": Label.PER, "PER": Label.PER, "ORG": Label.ORG, "LOC": Label.LOC}
"""IOB types arfa keeps; MISC (and anything else) is dropped."""


def find_model_dir(model_dir: str | Path | None = None) -> Path:
    """The directory holding the NER model's ``config.json``.

    Raises:
        ModelNotFoundError: none of the candidate directories holds a model.

    Examples:
        >>> find_model_dir("/nonexistent/camel")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        arfa.errors.ModelNotFoundError: camel-tools NER model (config.json) not found (searched /nonexistent/camel and ...
    """
    if model_dir is not None:
        root = Path(model_dir).expanduser()
        tried = [root, root / CAMEL_NER_SUBDIR]
    else:
        env = os.environ.get(ENV_DATA_DIR)
        root = Path(env).expanduser() if env else Path.home() / ".camel_tools"
        tried = [root / CAMEL_NER_SUBDIR]
    for path in tried:
        if (path / "config.json").is_file():
            return path
    raise ModelNotFoundError(
        "camel-tools NER model (config.json)",
        " and ".join(str(p) for p in tried),
        "On a machine with network access run `camel_data -i ner-arabert` and copy its data "
        f"directory here (point ${ENV_DATA_DIR} at it), or pass model_dir= a BERT "
        "token-classification directory (config.json, weights, vocab.txt).",
    )


def decode_iob(labels: Sequence[str]) -> list[tuple[int, int, Label]]:
    """Spans ``(first, last + 1, label)`` of kept types in an IOB (or IOB2) label sequence.

    An ``I-`` label that does not continue a span of its type starts one.

    Examples:
        >>> decode_iob(["B-PERS", "I-PERS", "O", "B-LOC", "B-MISC", "I-ORG"])
        [(0, 2, <Label.PER: 'PER'>), (3, 4, <Label.LOC: 'LOC'>), (5, 6, <Label.ORG: 'ORG'>)]
    """
    return [(s, e, LABEL_MAP[kind]) for s, e, kind in iob_chunks(labels) if kind in LABEL_MAP]


def _import_backend() -> tuple[Any, Any]:
    """torch and transformers, imported only when a recognizer is built."""
    try:
        torch = importlib.import_module("torch")
        transformers = importlib.import_module("transformers")
    except ImportError as exc:
        raise BackendUnavailableError("camel", "camel") from exc
    return torch, transformers


class CamelRecognizer:
    """PER, ORG and LOC mentions proposed by a camel-tools (BERT) NER model.

    The model is loaded when the recognizer is built.

    Attributes:
        name: ``camel``.
        langs: ``ar``.
        lang: the language of this instance.
        model_path: the model directory that was loaded.
        labels: the model's ``id2label``, as a list.

    Raises:
        UnsupportedLanguageError: ``lang`` is not ``ar``.
        BackendUnavailableError: torch or transformers is not installed.
        ModelNotFoundError: no ``config.json`` where the model was looked for.
        ModelLoadError: a model directory transformers cannot load.
    """

    name = "camel"
    langs = frozenset({"ar"})

    def __init__(self, lang: str = "ar", model_dir: str | Path | None = None) -> None:
        if lang not in self.langs:
            raise UnsupportedLanguageError(lang, sorted(self.langs))
        self.lang = lang
        self._torch, transformers = _import_backend()
        self.model_path = find_model_dir(model_dir)
        try:
            self._tokenizer: Any = transformers.BertTokenizer.from_pretrained(
                str(self.model_path), local_files_only=True
            )
            self._model: Any = transformers.BertForTokenClassification.from_pretrained(
                str(self.model_path), local_files_only=True
            )
            id2label = self._model.config.id2label
            self.labels: list[str] = [str(id2label[i]) for i in range(len(id2label))]
        except Exception as exc:  # OSError, ValueError, JSON, pickle and torch errors alike
            raise ModelLoadError(f"cannot load camel-tools NER model from {self.model_path}: {exc}") from exc
        self._model.eval()

    def _segments(self, words: Sequence[str]) -> list[tuple[list[int], list[int]]]:
        """Piece ids of each segment and, per piece, its word index (-1 after a word's first)."""
        segments: list[tuple[list[int], list[int]]] = []
        ids: list[int] = []
        owners: list[int] = []
        for w, word in enumerate(words):
            pieces = self._tokenizer.tokenize(word)[:MAX_PIECES]
            if not pieces:
                continue
            if len(ids) + len(pieces) > MAX_PIECES:
                segments.append((ids, owners))
                ids, owners = [], []
            ids.extend(self._tokenizer.convert_tokens_to_ids(pieces))
            owners.extend([w] + [-1] * (len(pieces) - 1))
        if ids:
            segments.append((ids, owners))
        return segments

    def tag(self, words: Sequence[str]) -> tuple[list[str], list[float]]:
        """IOB labels of one sentence's words and each label's probability.

        Words the tokenizer turns into no word piece are labelled ``O``.
        """
        labels = ["O"] * len(words)
        probs = [1.0] * len(words)
        segments = self._segments(words)
        if not segments:
            return labels, probs
        torch = self._torch
        cls, sep, pad = (
            self._tokenizer.cls_token_id,
            self._tokenizer.sep_token_id,
            self._tokenizer.pad_token_id,
        )
        width = max(len(ids) for ids, _ in segments) + 2
        batch = [[cls, *ids, sep] + [pad] * (width - len(ids) - 2) for ids, _ in segments]
        mask = [[1] * (len(ids) + 2) + [0] * (width - len(ids) - 2) for ids, _ in segments]
        with torch.no_grad():
            logits = self._model(
                input_ids=torch.tensor(batch),
                attention_mask=torch.tensor(mask),
                token_type_ids=torch.zeros((len(batch), width), dtype=torch.long),
            ).logits
        best_prob, best = torch.softmax(logits, dim=-1).max(dim=-1)
        for row, (_, owners) in enumerate(segments):
            for j, w in enumerate(owners):
                if w >= 0:
                    labels[w] = self.labels[int(best[row, j + 1])]
                    probs[w] = float(best_prob[row, j + 1])
        return labels, probs

    def __call__(self, segment: Segment) -> list[Candidate]:
        """Candidates in normalized coordinates of ``segment.norm``, one sentence at a time."""
        return [
            Candidate(start, end, LABEL_MAP[kind], self.name, score=score, priority=0)
            for start, end, kind, score in tagged_chunks(segment, self.tag)
            if kind in LABEL_MAP
        ]
