"""Scoring predictions against gold, as ``../shared/ANNOTATION.md`` defines it.

Every span, gold and predicted, is first snapped outward to whole words (a word
ends at whitespace or punctuation; ZWNJ does not end a word), so the clitic and
title rules never cost a match but a missing or extra word does. A prediction
matches a gold entity when the snapped spans and the labels are equal.

Reported: precision, recall and F1 per label and micro-averaged; canonical-name
accuracy over matched ORG/PER/LOC pairs; value accuracy over matched DATE pairs.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from arfa.models import Document, Entity, Label

__all__ = ["Report", "Scores", "evaluate", "snap"]


def _is_word_char(ch: str) -> bool:
    return not (ch.isspace() or unicodedata.category(ch).startswith("P"))


def snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole words of ``text``.

    Examples:
        >>> text = "والاتحاد الأوروبي، للأمم"
        >>> snap(text, 1, 17)
        (0, 17)
        >>> snap(text, 20, 24)
        (19, 24)
    """
    while start > 0 and _is_word_char(text[start - 1]):
        start -= 1
    while end < len(text) and _is_word_char(text[end]):
        end += 1
    return start, end


@dataclass
class Scores:
    """Counts for one label (or for all, micro)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "support": self.tp + self.fn}


@dataclass
class Report:
    """The result of :func:`evaluate`."""

    labels: dict[str, Scores] = field(default_factory=lambda: {lab.value: Scores() for lab in Label})
    micro: Scores = field(default_factory=Scores)
    canonical_correct: int = 0
    canonical_total: int = 0
    value_correct: int = 0
    value_total: int = 0
    documents: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def canonical_accuracy(self) -> float:
        return self.canonical_correct / self.canonical_total if self.canonical_total else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.value_total if self.value_total else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "labels": {k: v.as_dict() for k, v in self.labels.items()},
            "micro": self.micro.as_dict(),
            "canonical_accuracy": round(self.canonical_accuracy, 4),
            "canonical_matched": self.canonical_total,
            "date_value_accuracy": round(self.value_accuracy, 4),
            "date_matched": self.value_total,
            "errors": self.errors,
        }

    def to_markdown(self) -> str:
        rows = ["| label | P | R | F1 | gold | predicted |", "|---|---:|---:|---:|---:|---:|"]
        for name, s in [*self.labels.items(), ("micro", self.micro)]:
            rows.append(f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | "
                        f"{s.tp + s.fn} | {s.tp + s.fp} |")
        rows.append("")
        rows.append(f"canonical accuracy (matched ORG/PER/LOC): {self.canonical_accuracy:.3f} "
                    f"({self.canonical_correct}/{self.canonical_total})")
        rows.append(f"DATE value accuracy (matched DATE): {self.value_accuracy:.3f} "
                    f"({self.value_correct}/{self.value_total})")
        rows.append(f"documents: {self.documents}")
        return "\n".join(rows)


def _keyed(doc: Document) -> tuple[Counter[tuple[int, int, str]], dict[tuple[int, int, str], Entity]]:
    """Snapped ``(start, end, label)`` keys of ``doc``'s entities: counted, and to an entity."""
    keys = [((*snap(doc.text, e.start, e.end), e.label.value), e) for e in doc.entities]
    return Counter(k for k, _ in keys), dict(keys)


def evaluate(gold: Iterable[Document], predicted: Mapping[str, Document]) -> Report:
    """Score ``predicted`` (by document id) against ``gold``.

    A gold document without a prediction counts every gold entity as missed, and
    is listed in ``Report.errors``.
    """
    report = Report()
    for g in gold:
        report.documents += 1
        p = predicted.get(g.id or "")
        if p is None:
            report.errors.append(f"no prediction for document {g.id!r}")
        elif p.text != g.text:
            report.errors.append(f"document {g.id!r}: predicted text differs from gold text")
            p = None
        gold_keys, gold_e = _keyed(g)
        pred_keys, pred_e = _keyed(p) if p is not None else (Counter(), {})
        matched = gold_keys & pred_keys
        for key, n in gold_keys.items():
            report.labels[key[2]].fn += n - matched.get(key, 0)
        for key, n in pred_keys.items():
            report.labels[key[2]].fp += n - matched.get(key, 0)
        for key, n in matched.items():
            report.labels[key[2]].tp += n
        for key in matched:
            ge, pe = gold_e[key], pred_e[key]
            if ge.label is Label.DATE:
                report.value_total += 1
                report.value_correct += ge.value == pe.value
            else:
                report.canonical_total += 1
                report.canonical_correct += ge.canonical == pe.canonical
    for s in report.labels.values():
        report.micro.tp += s.tp
        report.micro.fp += s.fp
        report.micro.fn += s.fn
    return report
