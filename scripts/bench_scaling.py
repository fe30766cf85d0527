"""Time and peak memory of one document of growing size: ``python scripts/bench_scaling.py``.

Each size runs in a fresh process (so peak RSS is that size's own), on the
Arabic seed text repeated to the size, plus one line of that size with no spaces.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from arfa.pipeline import Pipeline
size, kind = int(sys.argv[1]), sys.argv[2]
seeds = sorted(Path(sys.argv[3]).glob("*.txt"))
base = "\n".join(p.read_text(encoding="utf-8") for p in seeds if not p.name.startswith("003"))
if kind == "nospace":
    base = "".join(base.split())
text = (base * (size // len(base) + 1))[:size]
nlp = Pipeline("ar")
nlp("في فيينا")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
doc = nlp(text)
elapsed = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"chars": len(text), "utf8_mb": len(text.encode("utf-8")) / 2**20, "seconds": elapsed, "tokens": len(doc.tokens),
                  "entities": len(doc.entities), "peak_mb": peak / 1024, "baseline_mb": before / 1024}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100000,1000000,10000000", help="characters, comma-separated")
    parser.add_argument("--kinds", default="text,nospace")
    args = parser.parse_args()
    print("| input | chars | UTF-8 MB | seconds | tokens | entities | peak RSS MB | RSS before MB | peak MB per MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for kind in args.kinds.split(","):
        for size in (int(s) for s in args.sizes.split(",")):
            out = subprocess.run([sys.executable, "-c", CHILD, str(size), kind, str(ROOT / "seeds")],
                                 capture_output=True, text=True, check=True)
            r = json.loads(out.stdout)
            label = "seed text" if kind == "text" else "one line, no spaces"
            print(f"| {label} | {r['chars']:,} | {r['utf8_mb']:.1f} | {r['seconds']:.2f} | {r['tokens']:,} | "
                  f"{r['entities']:,} | {r['peak_mb']:.0f} | {r['baseline_mb']:.0f} | "
                  f"{r['peak_mb'] / r['utf8_mb']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
