"""The ``arfa`` command line: ``extract``, ``evaluate``, ``train``.

Exit status: 0 when every input was processed, 1 when some input or document
failed (each failure is reported on stderr with its file, line or id, and the
others are still written), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator, Sequence
from typing import IO, Any

from arfa.errors import ArfaError
from arfa.io import FORMATS, InputProblem, atomic_output, iter_inputs, write_docs
from arfa.models import Document

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="arfa", description="Named entities in Arabic and Persian news, linked to canonical entities."
    )
    parser.add_argument("--version", action="version", version=f"arfa {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="find and link entities in texts")
    ex.add_argument("inputs", nargs="+", metavar="INPUT",
                    help=".txt files, .jsonl files ({'id','text'[,'lang','doc_date']} per line), directories, or - for stdin")
    ex.add_argument("--format", "-f", choices=FORMATS, default="jsonl", help="output format (default jsonl)")
    ex.add_argument("--lang", choices=("ar", "fa"), default=None, help="language of every input (default: detect)")
    ex.add_argument("--doc-date", default=None, help="document date YYYY-MM-DD for inputs that give none")
    ex.add_argument("--recognizers", default=None, help="comma-separated recognizer names")
    ex.add_argument("--kb", default=None, metavar="YAML", help="extra knowledge-base entities (YAML file)")
    ex.add_argument("-n", "--n-process", type=int, default=1, help="worker processes (default 1)")
    ex.add_argument("-o", "--output", default=None, help="output file (written atomically; default stdout)")

    ev = sub.add_parser("evaluate", help="score the pipeline (or predictions) against a gold JSONL file")
    ev.add_argument("gold", metavar="GOLD.jsonl")
    ev.add_argument("--pred", default=None, metavar="PRED.jsonl", help="predictions to score instead of running arfa")
    ev.add_argument("--recognizers", default=None, help="comma-separated recognizer names")
    ev.add_argument("--json", action="store_true", help="machine-readable output")

    tr = sub.add_parser("train", help="reproduce a shipped model from ../shared/data", add_help=False)
    tr.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


def _version() -> str:
    from arfa import __version__

    return __version__


def _progress(docs: Iterator[Document], stream: IO[str]) -> Iterator[Document]:
    """Pass documents through, showing a count on a terminal once it takes a while."""
    began = last = time.monotonic()
    shown = False
    for n, doc in enumerate(docs, 1):
        yield doc
        now = time.monotonic()
        if now - began > 1.0 and now - last > 0.25:
            stream.write(f"\rarfa: {n} documents, {n / (now - began):.1f}/s")
            stream.flush()
            last, shown = now, True
    if shown:
        stream.write("\n")


def _extract(args: argparse.Namespace) -> int:
    from arfa.pipeline import Pipeline

    recognizers = args.recognizers.split(",") if args.recognizers else None
    nlp = Pipeline(args.lang, recognizers=recognizers, extra_entities=args.kb)
    failed = 0

    def records() -> Iterator[dict[str, Any]]:
        nonlocal failed
        for item in iter_inputs(args.inputs):
            if isinstance(item, InputProblem):
                failed += 1
                print(f"arfa: error: {item.error}", file=sys.stderr)
            else:
                yield item

    def good(docs: Iterator[Document]) -> Iterator[Document]:
        nonlocal failed
        for doc in docs:
            if doc.error is not None:
                failed += 1
                print(f"arfa: error: document {doc.id!r}: {doc.error}", file=sys.stderr)
            else:
                yield doc

    docs = good(nlp.pipe(records(), n_process=args.n_process, doc_date=args.doc_date))
    if sys.stderr.isatty():
        docs = _progress(docs, sys.stderr)
    with atomic_output(args.output) as out:
        write_docs(docs, out, args.format)
    return 1 if failed else 0


def _load_docs(path: str) -> list[Document]:
    docs: list[Document] = []
    with open(path, encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    docs.append(Document.from_json(line))
                except ValueError as exc:
                    raise ArfaError(f"{path}:{number}: not a valid document: {exc}") from exc
    return docs


def _evaluate(args: argparse.Namespace) -> int:
    from arfa.evaluate import evaluate

    gold = _load_docs(args.gold)
    if args.pred:
        predicted = {d.id or "": d for d in _load_docs(args.pred)}
    else:
        from arfa.pipeline import Pipeline

        recognizers = args.recognizers.split(",") if args.recognizers else None
        nlp = Pipeline(None, recognizers=recognizers)
        predicted = {}
        for g in gold:
            predicted[g.id or ""] = nlp(g.text, lang=g.lang if g.lang in ("ar", "fa") else None,
                                        doc_date=g.doc_date, id=g.id)
    report = evaluate(gold, predicted)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(report.to_markdown())
    for problem in report.errors:
        print(f"arfa: warning: {problem}", file=sys.stderr)
    return 0


def _train(rest: Sequence[str]) -> int:
    try:
        from arfa.train import main as train_main
    except ImportError as exc:
        print(f"arfa: error: training is not available: {exc}", file=sys.stderr)
        return 2
    return train_main(list(rest))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "extract":
            return _extract(args)
        if args.command == "evaluate":
            return _evaluate(args)
        return _train(args.rest)
    except (ArfaError, OSError) as exc:
        print(f"arfa: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("arfa: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
