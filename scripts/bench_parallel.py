"""Does ``pipe(n_process=N)`` pay? ``python scripts/bench_parallel.py --docs 500``.

Times ``Pipeline.pipe`` over ``--docs`` news-sized documents (the seed articles,
Arabic and Persian, cycled, each with its own id) for every ``--processes`` value,
after the pipeline is loaded (that cost is the same for all), checks that every
run's output equals the one-process run's, in order, and prints a markdown table
with the machine's CPU count and load average, which decide what a speed-up can be.
``--repeat`` runs each setting several times and keeps the fastest.

Besides wall-clock time it reports the CPU seconds spent in this process and in the
worker processes: on a machine whose cores are busy with other work, wall time
cannot drop, but the CPU columns still show whether the work was split without
overhead (no pipeline rebuilt per worker, little spent by the parent on results).
"""

from __future__ import annotations

import argparse
import os
import resource
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
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    docs = documents(args.docs)
    chars = sum(len(d["text"]) for d in docs)
    nlp = Pipeline()
    nlp("في فيينا")
    nlp("در تهران")
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{args.docs} documents, {chars:,} characters; {cpus} CPUs; "
          f"load average before: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    print("| n_process | seconds | docs/s | speed-up | CPU s, this process | CPU s, workers | same output |")
    print("|---:|---:|---:|---:|---:|---:|:---:|")
    reference: list[str] | None = None
    base: float | None = None
    for n in (int(x) for x in args.processes.split(",")):
        best, cpu = float("inf"), (0.0, 0.0)
        for _ in range(args.repeat):
            before = _cpu()
            t = time.perf_counter()
            out = [d.to_json() for d in nlp.pipe(docs, n_process=n, batch_size=args.batch_size)]
            elapsed = time.perf_counter() - t
            after = _cpu()
            if elapsed < best:
                best, cpu = elapsed, (after[0] - before[0], after[1] - before[1])
        if reference is None:
            reference = out
        base = base or best
        print(f"| {n} | {best:.2f} | {args.docs / best:.1f} | {base / best:.2f}x | {cpu[0]:.1f} | {cpu[1]:.1f} | "
              f"{'yes' if out == reference else 'NO'} |", flush=True)
    print()
    print(f"load average after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
