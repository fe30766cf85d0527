"""The ``arfa`` command line: ``extract``, ``evaluate``, ``train``.

Exit status: 0 when every input was processed, 1 when some input or document
failed (each failure is reported on stderr with its file, line or id, and the
others are still written), 2 for a usage error (a bad option, ``-n 0``, an output
file that is also an input), 143 when stopped by SIGTERM (the partial ``-o`` file is
removed). A reader that closes the pipe early (``arfa extract ... | head``) ends the
run quietly with status 0.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from arfa.errors import ArfaError
from arfa.io import FORMATS, INPUT_FORMATS, InputProblem, atomic_output, iter_inputs, write_docs
from arfa.models import Document

__all__ = ["main"]


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="arfa", description="Named entities in Arabic and Persian news, linked to canonical entities."
    )
    parser.add_argument("--version", action="version", version=f"arfa {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, help="what to do (arfa COMMAND --help for more)")

    ex = sub.add_parser("extract", help="find and link entities in texts")
    ex.add_argument("inputs", nargs="+", metavar="INPUT",
                    help=".txt files, .jsonl files ({'id','text'[,'lang','doc_date']} per line), directories, or - for stdin")
    ex.add_argument("--format", "-f", choices=FORMATS, default="jsonl", help="output format (default jsonl)")
    ex.add_argument("--input-format", choices=INPUT_FORMATS, default="auto",
                    help="how inputs are read: auto (files by suffix; stdin is JSON Lines when it starts with '{'), "
                         "text or jsonl for every input (default auto)")
    ex.add_argument("--lang", choices=("ar", "fa"), default=None, help="language of every input (default: detect)")
    ex.add_argument("--doc-date", default=None, help="document date YYYY-MM-DD for inputs that give none")
    ex.add_argument("--recognizers", default=None, help="comma-separated recognizer names")
    ex.add_argument("--kb", default=None, metavar="YAML", help="extra knowledge-base entities (YAML file)")
    ex.add_argument("-n", "--n-process", type=_positive_int, default=1, help="worker processes, at least 1 (default 1)")
    ex.add_argument("-o", "--output", default=None,
                    help="output file (written atomically, never one of the inputs; default stdout)")

    ev = sub.add_parser("evaluate", help="score the pipeline (or predictions) against a gold JSONL file")
    ev.add_argument("gold", metavar="GOLD.jsonl", help="gold documents, one JSON object per line")
    ev.add_argument("--pred", default=None, metavar="PRED.jsonl", help="predictions to score instead of running arfa")
    ev.add_argument("--recognizers", default=None, help="comma-separated recognizer names")
    ev.add_argument("--json", action="store_true", help="machine-readable output")

    sub.add_parser("train", help="reproduce a shipped model from ../shared/data (see: arfa train --help)",
                   add_help=False)
    return parser


def _version() -> str:
    from arfa import __version__

    return __version__


def _progress(docs: Iterator[Document], stream: IO[str], total: int | None) -> Iterator[Document]:
    """Pass documents through, showing a count (of ``total``, with an ETA) once it takes a while."""
    began = last = time.monotonic()
    shown = False
    for n, doc in enumerate(docs, 1):
        yield doc
        now = time.monotonic()
        if now - began > 1.0 and now - last > 0.25:
            rate = n / (now - began)
            if total:
                left = max(total - n, 0) / rate
                line = f"arfa: {n:,}/{total:,} documents ({100 * n // total}%), {rate:.1f}/s, ETA {_clock(left)}"
            else:
                line = f"arfa: {n:,} documents, {rate:.1f}/s"
            stream.write(f"\r{line}\x1b[K")
            stream.flush()
            last, shown = now, True
    if shown:
        stream.write("\n")


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _show_progress(output: str | None) -> bool:
    """Only on a terminal's stderr, and never on the terminal the data goes to."""
    try:
        if not sys.stderr.isatty():
            return False
        if output not in (None, "-") or not sys.stdout.isatty():
            return True
        return not os.path.samestat(os.fstat(sys.stdout.fileno()), os.fstat(sys.stderr.fileno()))
    except (OSError, ValueError, AttributeError):
        return False


def _count_documents(inputs: Sequence[str], input_format: str) -> int | None:
    """How many documents the inputs hold, when they are all regular files (else ``None``)."""
    total = 0
    for name in inputs:
        path = Path(name)
        try:
            if path.is_dir():
                files = [p for p in path.iterdir() if p.suffix in (".txt", ".jsonl") and p.is_file()]
            elif name != "-" and path.is_file():
                files = [path]
            else:
                return None
            for file in files:
                if input_format == "jsonl" or (input_format == "auto" and file.suffix == ".jsonl"):
                    with file.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                else:
                    total += 1
        except OSError:
            return None
    return total


def _clobbered_input(output: str | None, inputs: Sequence[str]) -> str | None:
    """The input that ``output`` would overwrite (or land in, for a directory), if any."""
    if output is None or output == "-":
        return None
    target = Path(output)
    for name in inputs:
        if name == "-":
            continue
        path = Path(name)
        try:
            if path.is_dir():
                if target.resolve().parent == path.resolve() and target.suffix in (".txt", ".jsonl"):
                    return name
            elif target.exists() and os.path.samefile(path, target):
                return name
        except OSError:
            continue
    return None


def _extract(args: argparse.Namespace) -> int:
    from arfa.pipeline import Pipeline

    clobbered = _clobbered_input(args.output, args.inputs)
    if clobbered is not None:
        print(f"arfa: error: the output {args.output} would overwrite the input {clobbered}; "
              "write it elsewhere", file=sys.stderr)
        return 2
    recognizers = args.recognizers.split(",") if args.recognizers else None
    nlp = Pipeline(args.lang, recognizers=recognizers, extra_entities=args.kb)
    failed = 0

    def records() -> Iterator[dict[str, Any]]:
        nonlocal failed
        for item in iter_inputs(args.inputs, input_format=args.input_format):
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

    docs = nlp.pipe(records(), n_process=args.n_process, doc_date=args.doc_date)
    if _show_progress(args.output):
        docs = _progress(docs, sys.stderr, _count_documents(args.inputs, args.input_format))
    if args.output in (None, "-"):
        _escape_unencodable(sys.stdout)
    with atomic_output(args.output) as out:
        write_docs(good(docs), out, args.format)
    return 1 if failed else 0


def _escape_unencodable(stream: IO[str]) -> None:
    """Write what the stream's encoding cannot encode (lone surrogates) as backslash escapes."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors="backslashreplace")
        except (ValueError, OSError):  # pragma: no cover - a stream that cannot change
            pass


def _load_docs(path: str, problems: list[str]) -> list[Document]:
    """The documents of a JSONL file; a line that cannot be read is added to ``problems``."""
    docs: list[Document] = []
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, 1):
            place = f"{path}:{number}"
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                problems.append(f"{place}: not valid UTF-8 (byte {exc.start})")
                continue
            if not line.strip():
                continue
            try:
                docs.append(Document.from_json(line))
            except RecursionError:
                problems.append(f"{place}: JSON nested too deeply to read")
            except ValueError as exc:  # bad JSON, a 5,000-digit number, a failed validation
                message = str(exc)
                problems.append(f"{place}: not a valid document: {message[:300]}{'...' if len(message) > 300 else ''}")
    return docs


def _evaluate(args: argparse.Namespace) -> int:
    from arfa.evaluate import evaluate

    problems: list[str] = []
    gold = _load_docs(args.gold, problems)
    if args.pred:
        predicted = {d.id or "": d for d in _load_docs(args.pred, problems)}
    else:
        from arfa.pipeline import Pipeline

        recognizers = args.recognizers.split(",") if args.recognizers else None
        nlp = Pipeline(None, recognizers=recognizers)
        predicted = {}
        for g in gold:
            predicted[g.id or ""] = nlp(g.text, lang=g.lang if g.lang in ("ar", "fa") else None,
                                        doc_date=g.doc_date, id=g.id)
    for problem in problems:
        print(f"arfa: error: {problem} (line skipped)", file=sys.stderr)
    report = evaluate(gold, predicted)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(report.to_markdown())
    for warning in report.errors:
        print(f"arfa: warning: {warning}", file=sys.stderr)
    return 1 if problems else 0


def _train(rest: Sequence[str]) -> int:
    try:
        from arfa.train import main as train_main
    except ImportError as exc:
        print(f"arfa: error: training is not available: {exc}", file=sys.stderr)
        return 2
    return train_main(list(rest))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["train"]:  # its own parser: ``arfa train --help`` shows the training options
        return _guarded(lambda: _train(args_list[1:]))
    args = _parser().parse_args(args_list)
    if args.command == "extract":
        return _guarded(lambda: _extract(args))
    return _guarded(lambda: _evaluate(args))


def _guarded(run: Callable[[], int]) -> int:
    """Run a command: SIGTERM exits cleanly, errors become messages and exit statuses."""
    previous = None
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread: leave signals alone
        pass
    try:
        return run()
    except BrokenPipeError:  # the reader left (| head): nothing more to say
        _silence_stdout()
        return 0
    except (ArfaError, OSError) as exc:
        print(f"arfa: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("arfa: interrupted", file=sys.stderr)
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM: unwind (``atomic_output`` removes its temporary file) and exit 128 + 15."""
    raise SystemExit(128 + signum)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush fails no more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # pragma: no cover - stdout without a descriptor
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
