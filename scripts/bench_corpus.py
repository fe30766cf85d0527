"""The varied news text that the speed scripts time: ``from bench_corpus import load_corpus``.

Speed is measured on news text of many documents, not on one seed article repeated
(a repeated text keeps every word cache warm and flatters the pipeline):

* Arabic: the ANERcorp test text (``anercorp-full/test.txt``, 918 sentences), then,
  past its ~0.25 MB, the rest of ANERcorp (``train.txt``) in corpus order. Timing a
  text is not training on it; nothing here feeds a model, a threshold or the KB.
* Persian: the PEYMA test split (``peyma-split/test.txt``), then the NSURL-2019 test
  articles (``nsurl2019-peyma/test/tokens/*.txt``, one article per file).

The corpora ship tokenized, one token per line: a sentence is its tokens joined by
spaces, and a document is consecutive sentences joined by newlines, about
:data:`DOC_CHARS` characters each (an NSURL article is one document as it is).
Used by ``bench_pipeline.py`` and ``check_output_identical.py``; the scripts directory
is on ``sys.path`` when they run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DEFAULT_DATA", "DOC_CHARS", "Doc", "load_corpus"]

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
DOC_CHARS = 3000
"""Target size of a document built from sentences (an NSURL test article averages 3.5k)."""


@dataclass(frozen=True)
class Doc:
    """One benchmark document."""

    id: str
    lang: str
    text: str


def _sentences(path: Path, sep: str) -> Iterator[list[str]]:
    """Token lists of a one-token-per-line file with blank lines between sentences.

    ``sep`` splits the tag off (``" "``, ``"|"``, ``"\\t"``); the last separator
    wins, so a token may contain the separator. An empty ``sep`` means no tag.
    """
    sentence: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip("\r\n")
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        token = line.rpartition(sep)[0] if sep else line
        token = token.strip()
        if token:
            sentence.append(token)
    if sentence:
        yield sentence


def _grouped(prefix: str, lang: str, sentences: Iterator[list[str]]) -> Iterator[Doc]:
    """Consecutive sentences gathered into documents of about :data:`DOC_CHARS` characters."""
    lines: list[str] = []
    size = n = 0
    for tokens in sentences:
        line = " ".join(tokens)
        lines.append(line)
        size += len(line) + 1
        if size >= DOC_CHARS:
            yield Doc(f"{prefix}-{n}", lang, "\n".join(lines))
            n += 1
            lines, size = [], 0
    if lines:
        yield Doc(f"{prefix}-{n}", lang, "\n".join(lines))


def _natural_key(path: Path) -> list[object]:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", path.stem)]


def _sources(lang: str, data: Path) -> Iterator[Doc]:
    if lang == "ar":
        yield from _grouped("anercorp-test", lang, _sentences(data / "anercorp-full" / "test.txt", " "))
        yield from _grouped("anercorp-train", lang, _sentences(data / "anercorp-full" / "train.txt", " "))
    elif lang == "fa":
        yield from _grouped("peyma-test", lang, _sentences(data / "peyma-split" / "test.txt", "|"))
        for path in sorted((data / "nsurl2019-peyma" / "test" / "tokens").glob("*.txt"), key=_natural_key):
            lines = [" ".join(s) for s in _sentences(path, "")]
            if lines:
                yield Doc(f"nsurl-test-{path.stem}", lang, "\n".join(lines))
    else:
        raise ValueError(f"no benchmark corpus for {lang!r}")


def load_corpus(lang: str, mb: float, data: Path = DEFAULT_DATA) -> list[Doc]:
    """Documents of ``lang`` up to ``mb`` megabytes of UTF-8 (``mb <= 0``: all of them).

    Raises:
        FileNotFoundError: the shared data folder lacks a corpus.
    """
    limit = mb * 1_000_000
    docs: list[Doc] = []
    size = 0
    for doc in _sources(lang, data):
        if limit > 0 and size >= limit:
            break
        docs.append(doc)
        size += len(doc.text.encode("utf-8"))
    return docs
