from __future__ import annotations

import argparse
import io
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from arfa.cli import main
from arfa.models import Document

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_seeds_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["extract", str(SEEDS)], capsys)
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["id"] for d in lines] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert all(set(d) == {"id", "lang", "text", "doc_date", "entities"} for d in lines)
    assert lines[3]["lang"] == "fa"


@pytest.mark.parametrize("fmt", ["conll", "tsv", "html"])
def test_other_formats(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["extract", str(SEEDS / "000_c280ef4df260f395.txt"), "-f", fmt], capsys)
    assert code == 0
    marker = {"conll": "B-ORG", "tsv": "Shanghai Cooperation Organisation", "html": "<mark"}[fmt]
    assert marker in out


def test_gold_file_as_input(tmp_path: Path, capsys: pytest.CaptureFixture[str], gold_path: Path) -> None:
    code, out, _ = run(["extract", str(gold_path)], capsys)
    assert code == 0
    ids = [json.loads(line)["id"] for line in out.splitlines()]
    assert ids == [json.loads(line)["id"] for line in gold_path.read_text(encoding="utf-8").splitlines()]


def test_bad_inputs_are_reported_and_others_processed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("في فيينا".encode() + b"\xff\xfe")
    good = tmp_path / "good.txt"
    good.write_text("في طشقند", encoding="utf-8")
    lines = tmp_path / "docs.jsonl"
    lines.write_text('{"id": "a", "text": "في فيينا"}\n{not json\n{"id": "c"}\n{"id": "d", "text": "في بيشكيك"}\n',
                     encoding="utf-8")
    missing = tmp_path / "missing.txt"
    code, out, err = run(["extract", str(bad), str(missing), str(good), str(lines)], capsys)
    assert code == 1
    assert "latin1.txt: not valid UTF-8" in err
    assert "missing.txt: cannot read" in err
    assert "docs.jsonl:2: not valid JSON" in err
    assert "docs.jsonl:3: missing or non-string 'text'" in err
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["good", "a", "d"]


def test_output_file_written_atomically(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.jsonl"
    code, _, _ = run(["extract", str(SEEDS / "003_ead77181adac0951.txt"), "-o", str(target)], capsys)
    assert code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["lang"] == "fa"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_stdin_with_doc_date() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "arfa", "extract", "-", "--lang", "fa", "--doc-date", "2021-07-16"],
        input="نشست سازمان همکاری شانگهای", capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["doc_date"] == "2021-07-16" and doc["entities"][0]["canonical"] == "Shanghai Cooperation Organisation"


def test_evaluate_json(gold_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["evaluate", str(gold_path), "--json"], capsys)
    assert code == 0
    report = json.loads(out)
    assert report["documents"] == 5 and 0.0 < report["micro"]["f1"] <= 1.0
    assert set(report["labels"]) == {"ORG", "PER", "LOC", "DATE"}


def test_evaluate_predictions_file(gold_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["evaluate", str(gold_path), "--pred", str(gold_path), "--json"], capsys)
    assert code == 0 and json.loads(out)["micro"]["f1"] == 1.0


def test_usage_error_exit_status() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["extract", "--format", "xml", "x"])
    assert exc.value.code == 2


# --------------------------------------------------------------- hostile use (issues 13, 14)

ARFA = [sys.executable, "-m", "arfa"]


def test_output_that_is_an_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    same = tmp_path / "same.txt"
    same.write_text("في فيينا", encoding="utf-8")
    code, _, err = run(["extract", str(same), "-o", str(same)], capsys)
    assert code == 2 and "would overwrite the input" in err
    assert same.read_text(encoding="utf-8") == "في فيينا"
    code, _, err = run(["extract", str(tmp_path), "-o", str(tmp_path / "out.jsonl")], capsys)
    assert code == 2 and not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize("n", ["0", "-2", "two"])
def test_bad_process_count_is_a_usage_error(n: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["extract", "x.txt", "-n", n])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "-n/--n-process" in err and "Traceback" not in err


def test_train_help_lists_every_option_with_help() -> None:
    from arfa.train.crf import _parser as train_parser

    proc = subprocess.run([*ARFA, "train", "--help"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "--lang" in proc.stdout and "--c1-grid" in proc.stdout
    parsers = [train_parser(), *_subparsers()]
    missing = [f"{p.prog} {a.dest}" for p in parsers for a in p._actions if not a.help]
    assert not missing


def _subparsers() -> list[argparse.ArgumentParser]:
    from arfa.cli import _parser

    root = _parser()
    found = [root]
    for action in root._actions:
        if isinstance(action, argparse._SubParsersAction):
            found += [p for name, p in action.choices.items() if name != "train"]
    return found


def test_broken_pipe_ends_quietly(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"id": str(i), "text": "في فيينا، " * 800}, ensure_ascii=False) + "\n"
                           for i in range(12)), encoding="utf-8")
    proc = subprocess.Popen([*ARFA, "extract", str(big), "-f", "conll", "--lang", "ar"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # what `| head -1` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0, err
    assert err == ""


def test_sigterm_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    proc = subprocess.Popen([*ARFA, "extract", "-", "-o", str(target)], stdin=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=tmp_path)
    for _ in range(2400):  # wait for it to block reading stdin with the file open (a hang guard of ~120 s)
        if list(tmp_path.glob(".out.jsonl.*.tmp")):
            break
        assert proc.poll() is None, "arfa exited before opening its output"
        time.sleep(0.05)
    else:
        pytest.fail("no temporary output file appeared")
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 143
    assert list(tmp_path.iterdir()) == []
    assert proc.stdin is not None
    proc.stdin.close()


def test_output_mode_follows_the_umask(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.txt"
    source.write_text("في فيينا", encoding="utf-8")
    old = os.umask(0o022)
    try:
        code, _, _ = run(["extract", str(source), "-o", str(tmp_path / "out.jsonl")], capsys)
    finally:
        os.umask(old)
    assert code == 0 and stat.S_IMODE((tmp_path / "out.jsonl").stat().st_mode) == 0o644


@pytest.mark.parametrize(("data", "ids", "code"), [
    ('{"id": "a", "text": "في فيينا"}\n{"id": "b", "text": "في طشقند"}\n'.encode(), ["a", "b"], 0),
    ("في فيينا".encode(), ["stdin"], 0),
    ("في فيينا".encode() + b"\xff", [], 1),
], ids=["jsonl", "text", "bad_utf8"])
def test_stdin_formats(data: bytes, ids: list[str], code: int) -> None:
    proc = subprocess.run([*ARFA, "extract", "-", "--lang", "ar"], input=data, capture_output=True, timeout=120)
    assert proc.returncode == code, proc.stderr
    assert [json.loads(line)["id"] for line in proc.stdout.decode().splitlines()] == ids
    if code:
        assert b"<stdin>: not valid UTF-8" in proc.stderr


def test_hostile_jsonl_lines_are_reported_and_the_rest_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = tmp_path / "docs.jsonl"
    lines.write_text("\n".join([
        '{"id": "a", "text": "في فيينا"}',
        '{"id": "deep", "text": "x", "more": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"id": ' + "9" * 5000 + ', "text": "x"}',
        '{"id": "d", "text": "في طشقند"}',
    ]) + "\n", encoding="utf-8")
    code, out, err = run(["extract", str(lines)], capsys)
    assert code == 1
    assert "docs.jsonl:2: JSON nested too deeply" in err and "docs.jsonl:3: a value cannot be read" in err
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a", "d"]


def test_evaluate_reports_hostile_gold_lines(tmp_path: Path, gold_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    good = gold_path.read_text(encoding="utf-8").splitlines()
    gold.write_text("\n".join([good[0], "[" * 100_000 + "]" * 100_000,
                               '{"id": ' + "9" * 5000 + ', "text": "x"}', good[1]]) + "\n", encoding="utf-8")
    code, out, err = run(["evaluate", str(gold), "--pred", str(gold_path), "--json"], capsys)
    assert code == 1
    assert "gold.jsonl:2: not a valid document: JSON nested too deeply" in err
    assert "gold.jsonl:3: not a valid document" in err
    assert json.loads(out)["documents"] == 2


def test_unreadable_file_in_a_directory_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.txt").write_text("في فيينا", encoding="utf-8")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    code, out, err = run(["extract", str(tmp_path)], capsys)
    assert code == 1 and "loop.txt: cannot read" in err
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["good"]


def test_progress_shows_total_and_eta(monkeypatch: pytest.MonkeyPatch) -> None:
    from arfa import cli

    clock = iter(range(100))
    monkeypatch.setattr(cli.time, "monotonic", lambda: float(next(clock)))
    stream = io.StringIO()
    docs = [Document(text="x")] * 5
    assert list(cli._progress(iter(docs), stream, total=10)) == docs
    shown = stream.getvalue()
    assert "\r" in shown and "/10 documents" in shown and "ETA" in shown and shown.endswith("\n")


def test_progress_never_on_the_terminal_that_gets_the_data(monkeypatch: pytest.MonkeyPatch) -> None:
    from arfa import cli

    leader, follower = os.openpty()
    with open(follower, "w", closefd=False) as tty_out, open(follower, "w", closefd=False) as tty_err:
        monkeypatch.setattr(sys, "stdout", tty_out)
        monkeypatch.setattr(sys, "stderr", tty_err)
        assert cli._show_progress(None) is False  # data and progress on one terminal
        assert cli._show_progress("out.jsonl") is True
        monkeypatch.setattr(sys, "stdout", io.StringIO())
        assert cli._show_progress(None) is True  # stdout redirected
    os.close(leader)
    os.close(follower)


def test_count_documents_for_the_total(tmp_path: Path) -> None:
    from arfa.cli import _count_documents

    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n', encoding="utf-8")
    assert _count_documents([str(tmp_path)], "auto") == 3
    assert _count_documents(["-"], "auto") is None
