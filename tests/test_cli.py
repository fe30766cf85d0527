from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from arfa.cli import main

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
