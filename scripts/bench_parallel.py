"""Does ``pipe(n_process=N)`` pay? ``python scripts/bench_parallel.py --docs 500 --repeat 3``.

Times ``Pipeline.pipe`` over ``--docs`` news-sized documents (the seed articles,
Arabic and Persian, cycled, each with its own id) for every ``--processes`` value,
after the pipeline is loaded and one untimed warm-up pass has filled its word caches
(that cost is the same for all), checks that every run's output equals the
one-process run's, in order, and prints markdown tables with the machine's CPU count
and load average, which decide what a speed-up can be.

``--repeat`` runs that many *rounds*; a round times every ``--processes`` value once,
one right after the other, so a change in the machine's load between rounds touches
both sides of a ratio alike. It prints each round's ratio, the median of those
ratios, and fastest against fastest.

Besides wall-clock time it reports the CPU seconds spent in this process and in the
worker processes: on a machine whose cores are busy with other work, wall time
cannot drop, but the CPU columns still show whether the work was split without
overhead (no pipeline rebuilt per worker, little spent by the parent on results).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
from pathlib import Path

from arfa.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]


def documents(n: int) -> list[dict[str, str]]:
    """``n`` documents cycled from the seed articles."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return [{"id": f"doc{i}", "text": seeds[i % len(seeds)]} for i in range(n)]


def _cpu() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its finished children."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--processes", default="1,2", help="comma-separated n_process values")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=1, help="rounds, each timing every setting once")
    args = parser.parse_args()
    docs = documents(args.docs)
    chars = sum(len(d["text"]) for d in docs)
    nlp = Pipeline()
    reference = [d.to_json() for d in nlp.pipe(docs)]  # the warm-up pass, and the output to match
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    settings = [int(x) for x in args.processes.split(",")]
    print(f"{args.docs} documents, {chars:,} characters; {cpus} CPUs; batch size {args.batch_size}; "
          f"load average before: {_load()}")
    runs: dict[int, list[tuple[float, float, float]]] = {n: [] for n in settings}
    same = {n: True for n in settings}
    for _ in range(args.repeat):
        for n in settings:
            before = _cpu()
            t = time.perf_counter()
            out = [d.to_json() for d in nlp.pipe(docs, n_process=n, batch_size=args.batch_size)]
            elapsed = time.perf_counter() - t
            after = _cpu()
            runs[n].append((elapsed, after[0] - before[0], after[1] - before[1]))
            same[n] = same[n] and out == reference
    base_n = settings[0]
    print()
    print("| round | " + " | ".join(f"n_process={n} s" for n in settings) + " | "
          + " | ".join(f"speed-up {n}" for n in settings[1:]) + " |")
    print("|---:|" + "---:|" * (2 * len(settings) - 1))
    for r in range(args.repeat):
        base = runs[base_n][r][0]
        print(f"| {r + 1} | " + " | ".join(f"{runs[n][r][0]:.2f}" for n in settings) + " | "
              + " | ".join(f"{base / runs[n][r][0]:.2f}x" for n in settings[1:]) + " |")
    print()
    print("| n_process | fastest s | docs/s | speed-up, fastest vs fastest | median of the rounds' speed-ups "
          "| CPU s, this process | CPU s, workers | same output |")
    print("|---:|---:|---:|---:|---:|---:|---:|:---:|")
    fastest_base = min(r[0] for r in runs[base_n])
    for n in settings:
        best = min(runs[n])
        ratios = [b[0] / x[0] for b, x in zip(runs[base_n], runs[n])]
        print(f"| {n} | {best[0]:.2f} | {args.docs / best[0]:.1f} | {fastest_base / best[0]:.2f}x | "
              f"{statistics.median(ratios):.2f}x | {best[1]:.1f} | {best[2]:.1f} | {'yes' if same[n] else 'NO'} |")
    print()
    print(f"load average after: {_load()}")


def _load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())

if __name__ == "__main__":
    main()
