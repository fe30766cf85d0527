"""Speed and memory of the full pipeline: ``python scripts/bench_pipeline.py``.

Measures, on one core (the process is pinned where the OS allows it):
  * ``import arfa`` time (fresh interpreter);
  * set-up time of ``Pipeline()`` with both languages loaded;
  * tokens per second on the seed texts repeated to about ``--mb`` megabytes,
    per language;
  * peak resident memory of the process (``ru_maxrss``).

Prints a markdown table for ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _import_time() -> float:
    code = "import time; t = time.perf_counter(); import arfa; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=1.0, help="megabytes of text per language")
    parser.add_argument("--recognizers", default=None, help="comma-separated recognizer names")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    imp = _import_time()
    from arfa.pipeline import Pipeline

    names = args.recognizers.split(",") if args.recognizers else None
    t0 = time.perf_counter()
    nlp = Pipeline(recognizers=names)  # builds and loads both languages
    setup = time.perf_counter() - t0

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    rows = []
    for lang in ("ar", "fa"):
        texts = [p.read_text(encoding="utf-8") for p in seeds if (p.name.startswith("003")) == (lang == "fa")]
        corpus: list[str] = []
        size = 0
        while size < args.mb * 1_000_000:
            for t in texts:
                corpus.append(t)
                size += len(t.encode("utf-8"))
        nlp(texts[0], lang=lang)  # warm caches
        tokens = entities = 0
        t0 = time.perf_counter()
        for text in corpus:
            doc = nlp(text, lang=lang)
            tokens += len(doc.tokens)
            entities += len(doc.entities)
        elapsed = time.perf_counter() - t0
        rows.append((lang, size / 1e6, len(corpus), tokens, entities, elapsed, tokens / elapsed, size / 1e6 / elapsed))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"recognizers: {', '.join(names or [r if isinstance(r, str) else r.name for r in nlp._chosen])}")
    print(f"import arfa: {imp:.3f} s; Pipeline set-up with ar+fa loaded: {setup:.2f} s; "
          f"peak RSS: {peak:.0f} MB\n")
    print("| lang | MB | docs | tokens | entities | seconds | tokens/s | MB/s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for lang, mb, docs, tokens, ents, secs, tps, mbs in rows:
        print(f"| {lang} | {mb:.2f} | {docs} | {tokens} | {ents} | {secs:.1f} | {tps:,.0f} | {mbs:.3f} |")


if __name__ == "__main__":
    main()
