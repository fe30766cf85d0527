"""PER, ORG and LOC mentions from a local stanza NER model (``pip install 'arfa[stanza]'``).

Nothing here downloads anything. The model comes from one of two places:

* a stanza resources directory, laid out as ``stanza.download()`` leaves it
  (``resources.json`` and ``<lang>/ner/<package>.pt`` with its pretrain): the
  ``model_dir`` argument, else ``$STANZA_RESOURCES_DIR``, else ``~/stanza_resources``;
* an explicit ``ner_model_path`` (and usually ``pretrain_path``), for instance a
  model trained with ``python -m stanza.models.ner_tagger``.

The pipeline is built with ``download_method=None`` and
``processors="tokenize,ner"``, ``tokenize_pretokenized=True``: stanza tags arfa's
own tokens, grouped into the tokenizer's sentences,
and every entity's first and last token give the span, mapped to normalized
coordinates. stanza exposes no confidence, so every candidate scores 1.0.

See ``docs/backends.md`` for the directory layouts.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from arfa.errors import BackendUnavailableError, ModelLoadError, ModelNotFoundError, UnsupportedLanguageError
from arfa.models import Label
from arfa.recognize.base import Candidate, Segment

__all__ = ["ENV_RESOURCES_DIR", "LABEL_MAP", "StanzaRecognizer", "default_resources_dir"]

ENV_RESOURCES_DIR = "STANZA_RESOURCES_DIR"

LABEL_MAP: dict[str, Label] = {
    "PER": Label.PER,
    "PERS": Label.PER,
    "PERSON": Label.PER,
    "ORG": Label.ORG,
    "ORGANIZATION": Label.ORG,
    "LOC": Label.LOC,
    "LOCATION": Label.LOC,
    "GPE": Label.LOC,
    "FAC": Label.LOC,
}
"""stanza entity types (upper-cased) that arfa keeps; MISC, EVENT, PRO ... are dropped."""


def default_resources_dir() -> Path:
    """``$STANZA_RESOURCES_DIR``, else stanza's default ``~/stanza_resources``.

    Examples:
        >>> default_resources_dir().name == "stanza_resources" or ENV_RESOURCES_DIR in os.environ
        True
    """
    override = os.environ.get(ENV_RESOURCES_DIR)
    if override:
        return Path(override).expanduser()
    return Path.home() / "stanza_resources"


def _fix(lang: str, where: Path) -> str:
    return (
        "Download it on a machine with network access: "
        f"stanza.download({lang!r}, processors='tokenize,ner', model_dir={str(where)!r}) "
        f"and copy the directory here (or set ${ENV_RESOURCES_DIR}), "
        "or pass ner_model_path= and pretrain_path= to StanzaRecognizer."
    )


def _check_resources(lang: str, where: Path) -> None:
    """Fail early, with a useful message, when ``where`` holds no NER model for ``lang``."""
    what = f"stanza NER model for {lang!r}"
    resources_file = where / "resources.json"
    if not resources_file.is_file():
        raise ModelNotFoundError(what, str(resources_file), _fix(lang, where))
    try:
        resources = json.loads(resources_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ModelLoadError(f"cannot read stanza resources file {resources_file}: {exc}") from exc
    entry = resources.get(lang) if isinstance(resources, dict) else None
    seen = {lang}
    while isinstance(entry, dict) and isinstance(entry.get("alias"), str) and entry["alias"] not in seen:
        seen.add(entry["alias"])
        entry = resources.get(entry["alias"])
    if not isinstance(entry, dict) or "ner" not in entry:
        raise ModelNotFoundError(what, f"{resources_file} (no 'ner' entry for {lang!r})", _fix(lang, where))
    if not (where / lang / "ner").is_dir():
        raise ModelNotFoundError(what, str(where / lang / "ner"), _fix(lang, where))


def _import_stanza() -> Any:
    try:
        import stanza
    except ImportError as exc:
        raise BackendUnavailableError("stanza", "stanza") from exc
    return stanza


class StanzaRecognizer:
    """PER, ORG and LOC mentions proposed by a local stanza NER model.

    The model is loaded when the recognizer is built, so a missing or broken model
    fails at :class:`~arfa.pipeline.Pipeline` construction.

    Attributes:
        name: ``stanza``.
        langs: ``ar`` and ``fa``.
        lang: the language of this instance.
        model_dir: the stanza resources directory (``None`` with ``ner_model_path``).
        ner_model_path: the explicit NER model file, if one was given.
        pretrain_path: the explicit word-vector pretrain file, if one was given.

    Raises:
        UnsupportedLanguageError: ``lang`` is neither ``ar`` nor ``fa``.
        BackendUnavailableError: stanza is not installed.
        ModelNotFoundError: no model where it was looked for.
        ModelLoadError: a model file stanza (or torch) cannot read.
    """

    name = "stanza"
    langs = frozenset({"ar", "fa"})

    def __init__(
        self,
        lang: str,
        model_dir: str | Path | None = None,
        *,
        ner_model_path: str | Path | None = None,
        pretrain_path: str | Path | None = None,
    ) -> None:
        if lang not in self.langs:
            raise UnsupportedLanguageError(lang, sorted(self.langs))
        self.lang = lang
        self.ner_model_path = Path(ner_model_path) if ner_model_path is not None else None
        self.pretrain_path = Path(pretrain_path) if pretrain_path is not None else None
        if self.ner_model_path is None:
            self.model_dir: Path | None = (
                Path(model_dir) if model_dir is not None else default_resources_dir()
            )
        else:
            self.model_dir = None
        self._pipeline: Any = self._load()

    def _load(self) -> Any:
        stanza = _import_stanza()
        options: dict[str, Any] = {
            "processors": "tokenize,ner",
            "tokenize_pretokenized": True,
            "download_method": None,
            "use_gpu": False,
            "logging_level": "WARNING",
        }
        if self.ner_model_path is not None:
            for path in (self.ner_model_path, self.pretrain_path):
                if path is not None and not path.is_file():
                    raise ModelNotFoundError(
                        f"stanza model file {path.name!r}",
                        str(path),
                        _fix(self.lang, default_resources_dir()),
                    )
            options["ner_model_path"] = str(self.ner_model_path)
            if self.pretrain_path is not None:
                options["ner_pretrain_path"] = str(self.pretrain_path)
            # An empty resources.json makes stanza load exactly the files given, whatever
            # else a resources directory holds; it is read only while the pipeline is built.
            with tempfile.TemporaryDirectory(prefix="arfa-stanza-") as tmp:
                resources = Path(tmp) / "resources.json"
                resources.write_text("{}", encoding="utf-8")
                # stanza warns that it does not "know" the language: expected here.
                options.update(
                    allow_unknown_language=True, resources_filepath=str(resources), logging_level="ERROR"
                )
                return self._build(stanza, tmp, self.ner_model_path, options)
        assert self.model_dir is not None
        _check_resources(self.lang, self.model_dir)
        return self._build(stanza, str(self.model_dir), self.model_dir, options)

    def _build(self, stanza: Any, directory: str, shown: Path, options: dict[str, Any]) -> Any:
        """Call ``stanza.Pipeline``, turning its exceptions into arfa's."""
        try:
            return stanza.Pipeline(self.lang, dir=directory, **options)
        except FileNotFoundError as exc:
            raise ModelNotFoundError(
                f"stanza NER model for {self.lang!r}",
                str(getattr(exc, "filename", None) or shown),
                _fix(self.lang, self.model_dir or default_resources_dir()),
            ) from exc
        except Exception as exc:  # torch, pickle, zip and stanza errors alike
            raise ModelLoadError(f"cannot load stanza NER model from {shown}: {exc}") from exc

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[int, int, Label]]]:
        """Entities of pre-tokenized sentences as ``(first, last + 1, label)`` token indices.

        Args:
            sentences: each sentence as a list of token texts.

        Returns:
            For each sentence, its kept entities (types outside :data:`LABEL_MAP` are dropped).
        """
        if not sentences:
            return []
        result = self._pipeline([list(s) for s in sentences])
        out: list[list[tuple[int, int, Label]]] = []
        for sentence in result.sentences:
            spans: list[tuple[int, int, Label]] = []
            for ent in sentence.ents:
                label = LABEL_MAP.get(str(ent.type).upper())
                if label is None or not ent.tokens:
                    continue
                first = int(ent.tokens[0].id[0]) - 1
                last = int(ent.tokens[-1].id[-1])
                spans.append((first, last, label))
            out.append(spans)
        return out

    def __call__(self, segment: Segment) -> list[Candidate]:
        """Candidates in normalized coordinates of ``segment.norm``, tagging its sentences."""
        doc = segment.norm
        sentences = [[t for t in sent if t.text.strip()] for sent in segment.sentence_tokens()]
        sentences = [s for s in sentences if s]
        out: list[Candidate] = []
        for sent, spans in zip(sentences, self.tag([[t.text for t in s] for s in sentences])):
            for first, last, label in spans:
                if not 0 <= first < last <= len(sent):
                    continue
                start = doc.orig_to_norm(sent[first].start)
                end = doc.orig_to_norm(sent[last - 1].end)
                if start < end:
                    out.append(Candidate(start, end, label, self.name, priority=0))
        return out
