"""Benchmark the DATE recognizer against ``dateparser.search.search_dates``.

Datasets: the seeds gold (``shared/gold/seeds.jsonl``, DATE entities, with values) and
the PEYMA test split (``shared/data/peyma-split/test.txt``, B_DAT/I_DAT spans, no
values). Prints a markdown table: span precision/recall/F1 (exact, and with spans
snapped outward to whole words, and counting any overlap), value accuracy over the exactly matched spans where
the gold has values, and seconds per MB of UTF-8 text.

PEYMA's DAT guideline differs from arfa's (ANNOTATION.md, second edition) on a few kinds
of span; a second table sorts PEYMA's gold spans into those kinds (:func:`peyma_kind`) and
gives arfa's exact and overlapping matches per kind, and P/R/F1 on the spans where the two
guidelines agree (predictions that overlap a span of a differing kind are left out).

Usage::

    PYTHONPATH=src python scripts/bench_dates.py [--shared DIR] [--no-dateparser]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from arfa.dates import DateRecognizer
from arfa.evaluate import snap as evaluate_snap
from arfa.normalize import normalize
from arfa.recognize.base import Segment

ROOT = Path(__file__).resolve().parents[1]

Span = tuple[int, int]


@dataclass
class Doc:
    text: str
    lang: str
    doc_date: dt.date | None
    gold: dict[Span, str | None]
    has_values: bool


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_snap: int = 0
    fp_snap: int = 0
    fn_snap: int = 0
    pred_overlap: int = 0
    pred_n: int = 0
    gold_overlap: int = 0
    gold_n: int = 0
    values_ok: int = 0
    values_n: int = 0
    seconds: float = 0.0
    nbytes: int = 0
    examples: list[str] = field(default_factory=list)


def snap(text: str, span: Span) -> Span:
    """Widen ``span`` to whole words, exactly as ``arfa evaluate`` does."""
    return evaluate_snap(text, *span)


def load_seeds(path: Path) -> list[Doc]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        gold = {(e["start"], e["end"]): e["value"] for e in d["entities"] if e["label"] == "DATE"}
        date = dt.date.fromisoformat(d["doc_date"]) if d["doc_date"] else None
        docs.append(Doc(d["text"], d["lang"], date, gold, True))
    return docs


def load_peyma(path: Path) -> list[Doc]:
    docs: list[Doc] = []
    tokens: list[tuple[str, str]] = []

    def flush() -> None:
        if not tokens:
            return
        parts: list[str] = []
        gold: dict[Span, str | None] = {}
        pos, last_end = 0, 0
        open_start: int | None = None
        for k, (tok, tag) in enumerate(tokens):
            if k:
                pos += 1
            start, pos = pos, pos + len(tok)
            parts.append(tok)
            if tag == "B_DAT" or (tag == "I_DAT" and open_start is None):
                if open_start is not None:
                    gold[(open_start, last_end)] = None
                open_start = start
            elif tag != "I_DAT" and open_start is not None:
                gold[(open_start, last_end)] = None
                open_start = None
            last_end = pos
        if open_start is not None:
            gold[(open_start, last_end)] = None
        docs.append(Doc(" ".join(parts), "fa", None, gold, False))
        tokens.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
            continue
        tok, _, tag = line.rpartition("|")
        tokens.append((tok, tag.strip()))
    flush()
    return docs


def arfa_system() -> Callable[[Doc], dict[Span, str | None]]:
    recognizers = {lang: DateRecognizer(lang) for lang in ("ar", "fa")}

    def run(doc: Doc) -> dict[Span, str | None]:
        norm = normalize(doc.text)
        out: dict[Span, str | None] = {}
        for cand in recognizers[doc.lang](Segment(doc.text, 0, norm, (), (), doc.lang, doc.doc_date)):
            out[norm.span_to_orig(cand.start, cand.end)] = cand.value
        return out

    return run


_COUNT = r"(\d+|یک|یکسال|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|صد|چند)"
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("duration (PEYMA tags, arfa does not)",
     re.compile(_COUNT + r"\s*(ساله?|ماهه?|روز|شبانه روز)\s*(و نیم\s*)?(گذشته|آینده|پیش|اخیر|آتی)")),
    ("week (PEYMA tags, arfa does not)", re.compile(r"هفته")),
    ("introducer inside (PEYMA includes, arfa leaves out)", re.compile(r"^(در |از |طی |حد فاصل|در فاصله)")),
    ("vague, no anchor (PEYMA tags, arfa does not)", re.compile(r"^(پایان|ابتدای|اوایل|اواخر) سال$|سال جدید")),
    ("bare weekday or امروز (arfa tags since the second edition)",
     re.compile(r"^(روز )?(امروز|(یک|دو|سه|چهار|پنج)? ?شنبه|جمعه)$")),
    ("season (arfa tags since the second edition)", re.compile(r"بهار|تابستان|پاییز|زمستان")),
)
_DIFFERING = frozenset(name for name, _ in _KINDS[:4])
AGREE = "other (the guidelines agree)"


def peyma_kind(span: str) -> str:
    """The kind of a PEYMA DAT span: the first pattern of :data:`_KINDS` it matches.

    Examples:
        >>> peyma_kind("5 سال آینده")
        'duration (PEYMA tags, arfa does not)'
        >>> peyma_kind("29 دی 94")
        'other (the guidelines agree)'
    """
    for name, pattern in _KINDS:
        if pattern.search(span):
            return name
    return AGREE


def by_kind(docs: list[Doc], system: Callable[[Doc], dict[Span, str | None]]) -> None:
    """Print arfa's matches of PEYMA's gold spans per :func:`peyma_kind`, and P/R/F1 on the
    spans of the kinds where the two guidelines agree."""
    rows: dict[str, list[int]] = {}
    tp = fp = fn = 0
    for doc in docs:
        pred = system(doc)
        excluded = []
        for span in doc.gold:
            kind = peyma_kind(doc.text[span[0] : span[1]])
            row = rows.setdefault(kind, [0, 0, 0])
            row[0] += 1
            row[1] += span in pred
            row[2] += any(a < span[1] and span[0] < b for a, b in pred)
            if kind in _DIFFERING:
                excluded.append(span)
            else:
                tp += span in pred
                fn += span not in pred
        fp += sum(
            1 for s in pred if s not in doc.gold and not any(s[0] < b and a < s[1] for a, b in excluded)
        )
    print("\n| PEYMA DAT span kind | gold | arfa exact | arfa overlapping |")
    print("|---|---|---|---|")
    for kind in [name for name, _ in _KINDS] + [AGREE]:
        if kind in rows:
            n, exact, overlap = rows[kind]
            print(f"| {kind} | {n} | {exact} | {overlap} |")
    p, r, f = prf(tp, fp, fn)
    print(f"\nPEYMA DAT where the guidelines agree: P {p:.3f} R {r:.3f} F1 {f:.3f} ({tp + fn} gold spans)")


def dateparser_system() -> Callable[[Doc], dict[Span, str | None]]:
    from dateparser.search import search_dates

    def run(doc: Doc) -> dict[Span, str | None]:
        settings = {"RELATIVE_BASE": dt.datetime.combine(doc.doc_date, dt.time())} if doc.doc_date else {}
        found = search_dates(doc.text, languages=[doc.lang], settings=settings) or []
        out: dict[Span, str | None] = {}
        pos = 0
        for substring, when in found:  # no offsets: locate each substring in order
            start = doc.text.find(substring, pos)
            if start < 0:
                start = doc.text.find(substring)
            if start < 0:
                continue
            end = start + len(substring)
            out[(start, end)] = when.date().isoformat()
            pos = end
        return out

    return run


def evaluate(docs: Iterable[Doc], system: Callable[[Doc], dict[Span, str | None]]) -> Score:
    score = Score()
    for doc in docs:
        t0 = time.perf_counter()
        pred = system(doc)
        score.seconds += time.perf_counter() - t0
        score.nbytes += len(doc.text.encode("utf-8"))
        for span, value in pred.items():
            if span in doc.gold:
                score.tp += 1
                if doc.has_values:
                    score.values_n += 1
                    score.values_ok += value == doc.gold[span]
            else:
                score.fp += 1
                if len(score.examples) < 12:
                    score.examples.append(doc.text[span[0] : span[1]])
        score.fn += sum(1 for span in doc.gold if span not in pred)

        def hits(a: Span, spans: Iterable[Span]) -> bool:
            return any(a[0] < b[1] and b[0] < a[1] for b in spans)

        score.pred_n += len(pred)
        score.gold_n += len(doc.gold)
        score.pred_overlap += sum(hits(s, doc.gold) for s in pred)
        score.gold_overlap += sum(hits(g, pred) for g in doc.gold)
        ps = {snap(doc.text, s) for s in pred}
        gs = {snap(doc.text, s) for s in doc.gold}
        score.tp_snap += len(ps & gs)
        score.fp_snap += len(ps - gs)
        score.fn_snap += len(gs - ps)
    return score


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description="DATE benchmark: arfa vs dateparser")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--no-dateparser", action="store_true")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    datasets = {
        "seeds (15 DATE)": load_seeds(args.shared / "gold" / "seeds.jsonl"),
        "PEYMA test (DAT)": load_peyma(args.shared / "data" / "peyma-split" / "test.txt"),
    }
    systems = {"arfa dates": arfa_system()}
    if not args.no_dateparser:
        systems["dateparser.search_dates"] = dateparser_system()
    print("| data | system | P | R | F1 | F1 (word-snapped) | F1 (any overlap) | value acc. | s / MB |")
    print("|---|---|---|---|---|---|---|---|---|")
    for dname, docs in datasets.items():
        for sname, system in systems.items():
            s = evaluate(docs, system)
            p, r, f = prf(s.tp, s.fp, s.fn)
            _, _, fs = prf(s.tp_snap, s.fp_snap, s.fn_snap)
            po = s.pred_overlap / s.pred_n if s.pred_n else 0.0
            ro = s.gold_overlap / s.gold_n if s.gold_n else 0.0
            fo = 2 * po * ro / (po + ro) if po + ro else 0.0
            acc = f"{s.values_ok}/{s.values_n}" if docs[0].has_values else "n/a"
            per_mb = s.seconds / (s.nbytes / 1e6)
            print(
                f"| {dname} | {sname} | {p:.3f} | {r:.3f} | {f:.3f} | {fs:.3f} | {fo:.3f} | {acc} | {per_mb:.2f} |"
            )
            if args.show_errors:
                print(f"<!-- {sname} false positives: {s.examples} -->")
    by_kind(datasets["PEYMA test (DAT)"], systems["arfa dates"])


if __name__ == "__main__":
    main()
