"""Reading inputs and writing results: text files, directories, stdin, JSON Lines.

Inputs are read lazily, one document at a time. A problem with one input (an
unreadable path, bytes that are not UTF-8, a malformed JSONL line) becomes an
:class:`InputProblem` in the stream; the inputs around it are still read.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from arfa.errors import InputError, InputFormatError
from arfa.models import Document

__all__ = ["FORMATS", "InputProblem", "atomic_output", "iter_inputs", "read_jsonl", "write_docs"]

FORMATS = ("jsonl", "conll", "tsv", "html")


@dataclass(frozen=True, slots=True)
class InputProblem:
    """An input that could not be read; ``where`` names the file (and line)."""

    where: str
    error: InputError


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 (byte {exc.start})") from exc


def read_jsonl(lines: Iterable[str], where: str) -> Iterator[dict[str, Any] | InputProblem]:
    """Records of a JSONL stream: ``{"id", "text"[, "lang", "doc_date"]}`` per line.

    Blank lines are skipped; extra keys (a gold file's ``entities``) are ignored.
    """
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        place = f"{where}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(place, InputFormatError(f"{place}: not valid JSON: {exc.msg}"))
            continue
        if not isinstance(record, dict):
            yield InputProblem(place, InputFormatError(f"{place}: expected a JSON object"))
            continue
        if not isinstance(record.get("text"), str):
            yield InputProblem(place, InputFormatError(f"{place}: missing or non-string 'text' field"))
            continue
        out = {k: record[k] for k in ("text", "lang", "doc_date") if record.get(k) is not None}
        out["id"] = str(record["id"]) if record.get("id") is not None else f"{Path(where).stem}:{number}"
        yield out


def _read_jsonl_path(path: Path) -> Iterator[dict[str, Any] | InputProblem]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputProblem(str(path), InputError(f"{path}: cannot read: {exc.strerror or exc}"))
        return
    with handle:
        for number, raw in enumerate(handle, 1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                place = f"{path}:{number}"
                yield InputProblem(place, InputError(f"{place}: not valid UTF-8 (byte {exc.start})"))
                continue
            for item in read_jsonl([line], str(path)):
                if isinstance(item, InputProblem):
                    item = InputProblem(f"{path}:{number}", InputFormatError(
                        str(item.error).replace(f"{path}:1:", f"{path}:{number}:", 1)))
                elif item["id"] == f"{path.stem}:1":
                    item["id"] = f"{path.stem}:{number}"
                yield item


def iter_inputs(inputs: Iterable[str], stdin: IO[str] | None = None) -> Iterator[dict[str, Any] | InputProblem]:
    """Documents from paths: ``.txt`` files, ``.jsonl`` files, directories, ``-`` for stdin."""
    for name in inputs:
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin
            try:
                text = stream.read()
            except UnicodeDecodeError as exc:
                yield InputProblem("<stdin>", InputError(f"<stdin>: not valid UTF-8 (byte {exc.start})"))
                continue
            yield {"id": "stdin", "text": text}
            continue
        path = Path(name)
        if path.is_dir():
            children = sorted(p for p in path.iterdir() if p.suffix in (".txt", ".jsonl") and p.is_file())
            yield from iter_inputs([str(p) for p in children], stdin)
        elif path.suffix == ".jsonl":
            yield from _read_jsonl_path(path)
        else:
            try:
                yield {"id": path.stem, "text": _read_text(path)}
            except InputError as exc:
                yield InputProblem(str(path), exc)


def _conll(doc: Document) -> Iterator[str]:
    yield f"# id = {doc.id or ''}"
    tags: dict[int, str] = {}
    for e in doc.entities:
        first = True
        for t in doc.tokens:
            if t.start < e.end and e.start < t.end:
                tags[t.start] = f"{'B' if first else 'I'}-{e.label.value}"
                first = False
    sentences = doc.sentences or ()
    si = 0
    for t in doc.tokens:
        while si < len(sentences) and sentences[si].end <= t.start:
            si += 1
            yield ""
        yield f"{t.text}\t{t.start}\t{t.end}\t{tags.get(t.start, 'O')}"
    yield ""


def _tsv_field(value: object) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\n", " ")


def write_docs(docs: Iterable[Document], out: IO[str], fmt: str = "jsonl") -> int:
    """Write ``docs`` to ``out`` in ``fmt``; returns the number written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    count = 0
    if fmt == "html":
        from arfa.display import render_page

        kept = list(docs)
        out.write(render_page(kept))
        return len(kept)
    if fmt == "tsv":
        out.write("doc_id\tstart\tend\tlabel\ttext\tcanonical\tcanonical_id\twikidata\tvalue\tscore\tsource\n")
    for doc in docs:
        count += 1
        if fmt == "jsonl":
            out.write(doc.to_json() + "\n")
        elif fmt == "conll":
            out.write("\n".join(_conll(doc)) + "\n")
        else:
            for e in doc.entities:
                row = (doc.id, e.start, e.end, e.label.value, e.text, e.canonical, e.canonical_id,
                       e.wikidata, e.value, e.score, e.source)
                out.write("\t".join(_tsv_field(v) for v in row) + "\n")
    return count


@contextlib.contextmanager
def atomic_output(path: str | None) -> Iterator[IO[str]]:
    """Stdout, or a temporary file renamed over ``path`` only when writing succeeds."""
    if path is None or path == "-":
        yield sys.stdout
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise

