"""Reading inputs and writing results: text files, directories, stdin, JSON Lines.

Inputs are read lazily, one document at a time. A problem with one input (an
unreadable path, bytes that are not UTF-8, a malformed JSONL line, a line nested too
deeply or with a number too long to read, a FIFO or socket inside a directory)
becomes an :class:`InputProblem` in the stream; the inputs around it are still read.

Outputs never fail on text that UTF-8 cannot encode (a lone surrogate is written as
a ``\\udXXX`` escape), TSV fields are quoted as :mod:`csv` does, and CoNLL ids and
tokens escape the characters that would break a line (see :func:`write_docs`).
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from arfa.errors import InputError, InputFormatError
from arfa.models import Document

__all__ = ["FORMATS", "INPUT_FORMATS", "TSV_COLUMNS", "InputProblem", "atomic_output", "iter_inputs",
           "read_jsonl", "write_docs"]

FORMATS = ("jsonl", "conll", "tsv", "html")
INPUT_FORMATS = ("auto", "text", "jsonl")
#: TSV columns; the Arabic/Persian text comes last, so that bidi-aware viewers do not
#: reorder the numbers and ISO values around it.
TSV_COLUMNS = ("doc_id", "start", "end", "label", "value", "canonical_id", "wikidata", "score", "source",
               "canonical", "text")
#: How long an explicit FIFO argument may wait for its writer, in seconds.
FIFO_WAIT = 5.0


@dataclass(frozen=True, slots=True)
class InputProblem:
    """An input that could not be read; ``where`` names the file (and line)."""

    where: str
    error: InputError


def _read_bytes(path: Path) -> bytes:
    """The content of ``path``; a FIFO waits at most :data:`FIFO_WAIT` seconds for a writer."""
    try:
        if not stat.S_ISFIFO(path.stat().st_mode):
            return path.read_bytes()
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # never blocks, writer or not
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        return _read_fifo(fd, path)
    finally:
        os.close(fd)


def _read_fifo(fd: int, path: Path) -> bytes:
    chunks: list[bytes] = []
    deadline = time.monotonic() + FIFO_WAIT
    writer = False
    while True:
        try:
            chunk = os.read(fd, 1 << 16)
        except BlockingIOError:  # a writer is connected, nothing written yet
            writer = True
            os.set_blocking(fd, True)
            continue
        if chunk:
            writer = True
            chunks.append(chunk)
            os.set_blocking(fd, True)
        elif writer:  # end of file after the writer closed
            return b"".join(chunks)
        elif time.monotonic() > deadline:
            raise InputError(f"{path}: a FIFO with no writer after {FIFO_WAIT:g} s")
        else:
            time.sleep(0.05)


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not valid UTF-8 (byte {exc.start})") from exc


def _read_text(path: Path) -> str:
    return _decode(_read_bytes(path), str(path))


def read_jsonl(lines: Iterable[str], where: str, *, stem: str | None = None) -> Iterator[dict[str, Any] | InputProblem]:
    """Records of a JSONL stream: ``{"id", "text"[, "lang", "doc_date"]}`` per line.

    Blank lines are skipped; extra keys (a gold file's ``entities``) are ignored. A
    line without an id gets ``<stem>:<line number>`` (``stem`` defaults to the file's).
    """
    prefix = stem if stem is not None else Path(where).stem
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        place = f"{where}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(place, InputFormatError(f"{place}: not valid JSON: {exc.msg}"))
            continue
        except RecursionError:
            yield InputProblem(place, InputFormatError(f"{place}: JSON nested too deeply to read"))
            continue
        except ValueError as exc:  # an integer of more than 4,300 digits
            yield InputProblem(place, InputFormatError(f"{place}: a value cannot be read: {str(exc)[:200]}"))
            continue
        if not isinstance(record, dict):
            yield InputProblem(place, InputFormatError(f"{place}: expected a JSON object"))
            continue
        if not isinstance(record.get("text"), str):
            yield InputProblem(place, InputFormatError(f"{place}: missing or non-string 'text' field"))
            continue
        out = {k: record[k] for k in ("text", "lang", "doc_date") if record.get(k) is not None}
        ident = record.get("id")
        if ident is not None and not isinstance(ident, (str, int, float)):
            yield InputProblem(place, InputFormatError(f"{place}: 'id' must be a string or a number"))
            continue
        out["id"] = str(ident) if ident is not None else f"{prefix}:{number}"
        yield out


def _read_jsonl_path(path: Path) -> Iterator[dict[str, Any] | InputProblem]:
    try:
        source: contextlib.AbstractContextManager[Iterable[bytes]]
        if stat.S_ISFIFO(path.stat().st_mode):
            source = contextlib.nullcontext(_read_bytes(path).splitlines(keepends=True))
        else:
            source = path.open("rb")
    except (OSError, InputError) as exc:
        message = str(exc) if isinstance(exc, InputError) else f"{path}: cannot read: {exc.strerror or exc}"
        yield InputProblem(str(path), InputError(message))
        return
    with source as handle:
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


def _looks_like_jsonl(text: str) -> bool:
    """JSON Lines, as ``auto`` sees it: the first non-blank character is ``{``."""
    return text.lstrip()[:1] == "{"


def _read_stdin(stream: IO[str], input_format: str) -> Iterator[dict[str, Any] | InputProblem]:
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:  # decode ourselves: sys.stdin would hide bad bytes as surrogates
        try:
            text = _decode(buffer.read(), "<stdin>")
        except InputError as exc:
            yield InputProblem("<stdin>", exc)
            return
    else:
        text = stream.read()
    if input_format == "jsonl" or (input_format == "auto" and _looks_like_jsonl(text)):
        yield from read_jsonl(text.split("\n"), "<stdin>", stem="stdin")
    else:
        yield {"id": "stdin", "text": text}


def _directory(path: Path) -> Iterator[Path | InputProblem]:
    """The ``.txt`` and ``.jsonl`` files of a directory; anything else with those names is reported."""
    try:
        entries = sorted(p for p in path.iterdir() if p.suffix in (".txt", ".jsonl"))
    except OSError as exc:
        yield InputProblem(str(path), InputError(f"{path}: cannot read: {exc.strerror or exc}"))
        return
    for child in entries:
        try:
            mode = child.stat().st_mode  # follows links: a loop or a dangling link raises
        except OSError as exc:
            yield InputProblem(str(child), InputError(f"{child}: cannot read: {exc.strerror or exc}"))
            continue
        if stat.S_ISREG(mode):
            yield child
        elif not stat.S_ISDIR(mode):
            yield InputProblem(str(child), InputError(f"{child}: not a regular file (FIFO, socket or device), skipped"))


def iter_inputs(
    inputs: Iterable[str], stdin: IO[str] | None = None, *, input_format: str = "auto"
) -> Iterator[dict[str, Any] | InputProblem]:
    """Documents from paths: ``.txt`` files, ``.jsonl`` files, directories, ``-`` for stdin.

    Args:
        inputs: paths, or ``-`` for standard input.
        stdin: the stream read for ``-`` (default ``sys.stdin``; its bytes are decoded
            as UTF-8 here, so bad bytes are reported as for a file).
        input_format: ``auto`` (files by their suffix; stdin is JSON Lines when it
            starts with ``{``), ``text`` or ``jsonl`` for every input.
    """
    if input_format not in INPUT_FORMATS:
        raise ValueError(f"unknown input format {input_format!r}; choose one of {', '.join(INPUT_FORMATS)}")
    for name in inputs:
        if name == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, input_format)
            continue
        path = Path(name)
        if path.is_dir():
            for child in _directory(path):
                if isinstance(child, InputProblem):
                    yield child
                else:
                    yield from iter_inputs([str(child)], stdin, input_format=input_format)
        elif input_format == "jsonl" or (input_format == "auto" and path.suffix == ".jsonl"):
            yield from _read_jsonl_path(path)
        else:
            try:
                yield {"id": path.stem, "text": _read_text(path)}
            except InputError as exc:
                yield InputProblem(str(path), exc)


# CoNLL: a line per token, tab-separated. These would break a line or a column.
_CONLL_ESCAPES = {ord("\\"): "\\\\", ord("\t"): "\\t", ord("\n"): "\\n", ord("\r"): "\\r"}
_CONLL_ESCAPES.update({c: f"\\u{c:04x}" for c in (0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029)})
# TSV: a field holding one of these is quoted, as csv does (csv.reader reads it back).
_TSV_SPECIAL = frozenset("\t\n\r\"\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def conll_escape(text: str) -> str:
    """``text`` on one CoNLL line and column: backslash, tab and line breaks escaped.

    Examples:
        >>> conll_escape("a\\tb\\nc\\\\d\\u2028")
        'a\\\\tb\\\\nc\\\\\\\\d\\\\u2028'
    """
    return text.translate(_CONLL_ESCAPES)


def _conll(doc: Document) -> Iterator[str]:
    yield f"# id = {conll_escape(doc.id or '')}"
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
        yield f"{conll_escape(t.text)}\t{t.start}\t{t.end}\t{tags.get(t.start, 'O')}"
    yield ""


def _tsv_field(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    if _TSV_SPECIAL.isdisjoint(text):
        return text
    return '"' + text.replace('"', '""') + '"'


def write_docs(docs: Iterable[Document], out: IO[str], fmt: str = "jsonl") -> int:
    """Write ``docs`` to ``out`` in ``fmt``; returns the number written.

    * ``jsonl``: the gold format, :meth:`Document.to_json` lines without tokens and sentences.
    * ``tsv``: one row per entity, columns :data:`TSV_COLUMNS` (the text last); a
      field with a tab, quote or line break is quoted as :mod:`csv` quotes it, so
      ``csv.reader(f, delimiter="\\t")`` reads every field back exactly.
    * ``conll``: ``# id = ...``, then ``token start end tag`` per line, a blank line
      between sentences; :func:`conll_escape` keeps ids and tokens on their line.
    * ``html``: a standalone page.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    count = 0
    if fmt == "html":
        from arfa.display import render_page

        kept = list(docs)
        out.write(render_page(kept))
        return len(kept)
    if fmt == "tsv":
        out.write("\t".join(TSV_COLUMNS) + "\n")
    for doc in docs:
        count += 1
        if fmt == "jsonl":
            out.write(doc.to_json(spans=False) + "\n")  # the gold format, one line a document
        elif fmt == "conll":
            out.write("\n".join(_conll(doc)) + "\n")
        else:
            for e in doc.entities:
                row = (doc.id, e.start, e.end, e.label.value, e.value, e.canonical_id, e.wikidata, e.score,
                       e.source, e.canonical, e.text)
                out.write("\t".join(_tsv_field(v) for v in row) + "\n")
    return count


def _new_file_mode(target: Path) -> int:
    """The mode ``target`` gets: its current one, or 0666 less the umask for a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)  # read it (there is no other portable way) and put it back
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_output(path: str | None) -> Iterator[IO[str]]:
    """Stdout, or a temporary file renamed over ``path`` only when writing succeeds.

    The file gets the mode a plain ``open()`` would give it (the umask, or the mode of
    the file it replaces), not ``mkstemp``'s 0600. Text UTF-8 cannot encode (a lone
    surrogate) is written as a backslash escape. On any exception, ``SystemExit`` or
    ``KeyboardInterrupt`` included (the CLI turns SIGTERM into ``SystemExit``), the
    temporary file is removed.
    """
    if path is None or path == "-":
        yield sys.stdout
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        os.fchmod(fd, _new_file_mode(target))
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="\n") as handle:
            yield handle
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
