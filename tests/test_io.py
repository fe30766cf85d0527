"""Reading inputs and writing outputs under hostile conditions (``arfa.io``).

Each test here failed before the fix it names: JSONL lines that crashed the reader,
stdin bytes that were not UTF-8, directories with entries that are not files, a FIFO
without a writer, control characters breaking TSV/CoNLL lines, lone surrogates in
CoNLL/HTML output, ``-o`` files created 0600.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import threading
from pathlib import Path

import pytest

from arfa import io as arfa_io
from arfa.io import TSV_COLUMNS, InputProblem, atomic_output, iter_inputs, read_jsonl, write_docs
from arfa.models import Document, Entity

DEEP = "[" * 100_000 + "]" * 100_000
GOOD = '{"id": "ok", "text": "في فيينا"}'


@pytest.mark.parametrize(("line", "message"), [
    ('{"id": "a", "text": "x", "extra": ' + DEEP + "}", "nested too deeply"),
    ('{"id": ' + "7" * 5000 + ', "text": "x"}', "a value cannot be read"),
    ('{"id": {"nested": 1}, "text": "x"}', "'id' must be a string or a number"),
    ('{"id": "a", "text": "x"', "not valid JSON"),
], ids=["deep", "huge_int", "object_id", "truncated"])
def test_bad_jsonl_line_is_reported_and_the_next_is_read(line: str, message: str) -> None:
    out = list(read_jsonl([line, GOOD], "docs.jsonl"))
    assert isinstance(out[0], InputProblem) and message in str(out[0].error)
    assert str(out[0].error).startswith("docs.jsonl:1:")
    assert out[1] == {"id": "ok", "text": "في فيينا"}


class _Stdin(io.StringIO):
    """A text stream with bytes underneath, like ``sys.stdin``."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.buffer = io.BytesIO(data)


def test_invalid_utf8_on_stdin_is_reported() -> None:
    [item] = iter_inputs(["-"], _Stdin("في فيينا".encode() + b"\xff"))
    assert isinstance(item, InputProblem) and "<stdin>: not valid UTF-8" in str(item.error)


@pytest.mark.parametrize(("data", "input_format", "ids"), [
    (b'{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}\n', "auto", ["a", "b"]),
    (b'  \n{"text": "x"}\n', "auto", ["stdin:2"]),
    (b"plain text {not json}", "auto", ["stdin"]),
    (b'{"id": "a", "text": "x"}\n', "text", ["stdin"]),
    (b'{"text": "x\xe2\x80\xa8y"}\n', "jsonl", ["stdin:1"]),  # U+2028 inside a JSON string is no line break
], ids=["jsonl", "blank_first", "text", "forced_text", "u2028"])
def test_stdin_format(data: bytes, input_format: str, ids: list[str]) -> None:
    items = list(iter_inputs(["-"], _Stdin(data), input_format=input_format))
    assert [i["id"] for i in items if isinstance(i, dict)] == ids


def test_stdin_jsonl_with_a_bad_line_is_not_read_as_text() -> None:
    items = list(iter_inputs(["-"], _Stdin(b'{"id": "a", "text": "x"}\n{oops\n')))
    assert items[0] == {"id": "a", "text": "x"} and isinstance(items[1], InputProblem)


@pytest.fixture
def odd_directory(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text("في فيينا", encoding="utf-8")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "sub.txt").mkdir()
    return tmp_path


def test_directory_entries_that_are_not_files_are_reported(odd_directory: Path) -> None:
    items = list(iter_inputs([str(odd_directory)]))
    assert [i["id"] for i in items if isinstance(i, dict)] == ["good"]
    problems = sorted(str(i.error) for i in items if isinstance(i, InputProblem))
    assert len(problems) == 3
    assert "dangling.txt: cannot read" in problems[0]
    assert "loop.txt: cannot read" in problems[1] and "symbolic links" in problems[1]
    assert "pipe.txt: not a regular file" in problems[2]


def test_fifo_without_writer_does_not_block(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(arfa_io, "FIFO_WAIT", 0.2)
    fifo = tmp_path / "in.txt"
    os.mkfifo(fifo)
    [item] = iter_inputs([str(fifo)])
    assert isinstance(item, InputProblem) and "a FIFO with no writer" in str(item.error)


@pytest.mark.parametrize("name", ["in.txt", "in.jsonl"])
def test_fifo_with_a_writer_is_read(tmp_path: Path, name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    payload = GOOD if name.endswith(".jsonl") else "في فيينا"

    def write() -> None:
        with open(fifo, "w", encoding="utf-8") as handle:
            handle.write(payload)

    writer = threading.Thread(target=write)
    writer.start()
    items = list(iter_inputs([str(fifo)]))
    writer.join(timeout=30)
    assert [i["text"] for i in items if isinstance(i, dict)] == ["في فيينا"]


NASTY = ["a\tb", "line\nbreak", "cr\rhere", "sep\u2028arator", 'quo"te', "back\\slash", "\x1cfs"]


def _doc(ident: str, text: str) -> Document:
    body = f"{text} في فيينا"
    start = body.index("فيينا")
    return Document(id=ident, lang="ar", text=body, entities=[
        Entity(start=0, end=len(text), text=text, label="ORG", canonical="Odd\nName"),
        Entity(start=start, end=start + 5, text="فيينا", label="LOC", value=None),
    ])


def test_tsv_round_trips_through_csv_reader() -> None:
    docs = [_doc(ident, text) for ident, text in zip(NASTY, reversed(NASTY))]
    out = io.StringIO()
    write_docs(docs, out, "tsv")
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline=""), delimiter="\t"))
    assert tuple(rows[0]) == TSV_COLUMNS and rows[0][-1] == "text"
    body = rows[1:]
    assert len(body) == 2 * len(docs)
    assert [r[0] for r in body] == [d.id for d in docs for _ in d.entities]
    assert [r[-1] for r in body] == [e.text for d in docs for e in d.entities]
    assert all(r[-2] in ("Odd\nName", "") for r in body)


def test_conll_keeps_one_token_per_line() -> None:
    doc = Document(id="x\ny\u2028z", lang="ar", text="a\u2028b في فيينا")
    from arfa.models import Token

    doc = doc.model_copy(update={"tokens": (Token.of(doc.text, 0, 3), Token.of(doc.text, 4, 6),
                                             Token.of(doc.text, 7, 12))})
    out = io.StringIO()
    write_docs([doc], out, "conll")
    lines = out.getvalue().split("\n")
    assert lines[0] == "# id = x\\ny\\u2028z"
    assert lines[1] == "a\\u2028b\t0\t3\tO"
    assert all(len(line.split("\t")) == 4 for line in lines[1:] if line)


@pytest.mark.parametrize("fmt", ["conll", "html", "tsv", "jsonl"])
def test_lone_surrogate_is_escaped_and_the_file_written(tmp_path: Path, fmt: str, ar_nlp: object) -> None:
    doc = ar_nlp("\udcff منظمة شنغهاي للتعاون \ud800", id="id\udcff")  # type: ignore[operator]
    target = tmp_path / f"out.{fmt}"
    with atomic_output(str(target)) as out:
        write_docs([doc], out, fmt)
    written = target.read_text(encoding="utf-8")
    assert "\\udcff" in written
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_output_file_honours_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        target = tmp_path / "out.jsonl"
        with atomic_output(str(target)) as out:
            out.write("{}\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_replaced_output_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    with atomic_output(str(target)) as out:
        out.write("new\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_text(encoding="utf-8") == "new\n"


@pytest.mark.parametrize("text", ["a\ud83d\ude00b في فيينا", "\ud800\udc00", "x\udfff\ud800y", "ok 😀 في"])
def test_surrogates_survive_json(text: str, ar_nlp: object) -> None:
    doc = ar_nlp(text)  # type: ignore[operator]
    line = doc.to_json()
    line.encode("utf-8")  # valid UTF-8 JSON
    back = Document.from_json(line)
    assert back.text == doc.text and back.entities == doc.entities
    assert json.loads(line)["text"]  # a standard reader reads it too


def test_from_json_on_deep_nesting_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="nested too deeply"):
        Document.from_json('{"text": "x", "entities": ' + DEEP + "}")
