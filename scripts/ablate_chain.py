"""Ablate the chain's decisions after the recognizers, on the dev (or test) splits.

``python scripts/ablate_chain.py [--data ../shared/data] [--split dev|test] [--langs ar fa]``

Each sentence is run once through the default pipeline, and the candidates every
segment hands to :func:`arfa.recognize.merge.merge` are kept. Then the merge and the
rules after it (:func:`arfa.pipeline.resolve`) are replayed with one decision switched off at a time, and PER/ORG/LOC
are scored as ``arfa evaluate`` scores them (spans snapped to whole words):

- ``shipped``: as the pipeline runs;
- ``no containment``: a longer model chunk never outranks the matches inside it
  (``merge.CONTAIN_SCORE`` above 1);
- ``no context``: no model chunk ever outranks a knowledge-base match (both thresholds
  above 1);
- ``no titles``: without the titles rule (``pipeline.TITLE_FRAMES = False``).

Rules inside the recognizers (span discipline) are not replayed: compare commits for them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import arfa.pipeline as pipeline_module
from arfa.evaluate import Report, evaluate
from arfa.models import Document, Entity, Label
from arfa.pipeline import Pipeline
from arfa.recognize import merge as merge_module
from arfa.recognize.base import Candidate, Segment
from arfa.train.datasets import load_dev, load_splits

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_chain import to_doc  # noqa: E402  (the same gold documents as bench_chain.py)

ROOT = Path(__file__).resolve().parents[1]
Recorded = list[tuple[Document, list[tuple[Segment, list[Candidate]]]]]


def record(nlp: Pipeline, gold: list[Document]) -> Recorded:
    """The candidates each segment of each gold text hands to the merge."""
    original_merge = getattr(pipeline_module, "merge")  # noqa: B009  (the name the pipeline calls)
    original_entities = pipeline_module._entities
    current: dict[str, Any] = {}

    def merge(candidates: Any, text: str | None = None) -> list[Candidate]:
        pool = list(candidates)
        if text is not None:  # the first merge of a segment; the titles rule merges again without text
            current["pool"] = pool
        merged: list[Candidate] = original_merge(pool, text)
        return merged

    def entities(segment: Segment, merged: Any) -> Any:
        current["segments"].append((segment, current["pool"]))
        return original_entities(segment, merged)

    setattr(pipeline_module, "merge", merge)  # noqa: B010
    setattr(pipeline_module, "_entities", entities)  # noqa: B010
    out: Recorded = []
    try:
        for doc in gold:
            current["segments"] = []
            nlp(doc.text, id=doc.id)
            out.append((doc, current["segments"]))
    finally:
        setattr(pipeline_module, "merge", original_merge)  # noqa: B010
        setattr(pipeline_module, "_entities", original_entities)  # noqa: B010
    return out


def replay(nlp: Pipeline, recorded: Recorded) -> Report:
    """Score the merge and the rules after it (:func:`arfa.pipeline.resolve`) as the modules are set now."""
    gold, predicted = [], {}
    for doc, segments in recorded:
        found: list[Entity] = []
        parts = [segment for segment, _ in segments]
        for segment, merged in zip(parts, pipeline_module.resolve(parts, [pool for _, pool in segments], nlp.kb)):
            found.extend(pipeline_module._entities(segment, merged))
        found = nlp._link(found, segment.lang if segments else "ar")
        gold.append(doc)
        predicted[doc.id or ""] = doc.model_copy(update={
            "entities": tuple(e for e in found if e.label is not Label.DATE)})
    return evaluate(gold, predicted)


@contextmanager
def setting(module: Any, **values: Any) -> Iterator[None]:
    before = {name: getattr(module, name) for name in values}
    for name, value in values.items():
        setattr(module, name, value)
    try:
        yield
    finally:
        for name, value in before.items():
            setattr(module, name, value)


VARIANTS: dict[str, Callable[[], Any]] = {
    "shipped": lambda: setting(merge_module),
    "no containment": lambda: setting(merge_module, CONTAIN_SCORE=2.0),
    "no context": lambda: setting(merge_module, CONTAIN_SCORE=2.0, CONTEXT_SCORE=2.0),
    "no titles": lambda: setting(pipeline_module, TITLE_FRAMES=False),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("--langs", nargs="+", default=["ar", "fa"])
    args = parser.parse_args()
    print("| set | variant | P | R | F1 | PER F1 | ORG F1 | LOC F1 |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for lang in args.langs:
        sets = (load_dev(lang, args.data) if args.split == "dev"
                else load_splits(lang, args.data, with_train=False).tests)
        nlp = Pipeline(lang)
        for name, sentences in sets.items():
            if "wikiann" in name:
                continue  # Wikipedia fragments, not news
            recorded = record(nlp, [to_doc(i, s, lang) for i, s in enumerate(sentences) if s])
            for variant, make in VARIANTS.items():
                with make():
                    report = replay(nlp, recorded)
                m = report.micro
                labels = " | ".join(f"{report.labels[x].f1:.3f}" for x in ("PER", "ORG", "LOC"))
                print(f"| {name} | {variant} | {m.precision:.3f} | {m.recall:.3f} | {m.f1:.3f} | {labels} |",
                      flush=True)


if __name__ == "__main__":
    main()
