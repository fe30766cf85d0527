"""Cold-start cost: ``Pipeline()`` and a one-shot ``arfa extract``, each in a fresh process.

Every run is a new interpreter (the OS file cache is warm, as it is for a user's
second command). Commands are interleaved run by run so that a change of machine
load affects all of them alike; the table gives medians and the load average.

* ``bare import``: ``python -c "import hazm, camel_tools.tokenizers.word"``, the floor
  any Arabic + Persian tool built on those packages pays.
* ``arfa extract``: ``python -m arfa extract`` of one Arabic and one Persian file
  (two short sentences of our own each), default recognizers, JSONL to a file.
* ``Pipeline()``: inside a fresh process, ``import arfa`` then ``Pipeline()`` with
  both languages (tokenizers, knowledge base, gazetteer trie, link index), timed
  from before the import. hazm and camel_tools load on the first document, so this
  figure leaves them out; ``arfa extract`` includes them.

``--yaml`` adds the same commands with the compiled knowledge base disabled
(:func:`arfa.kb.compiled.load_compiled` patched to report it stale), i.e. the
YAML-parsing start this replaced.

Usage::

    python scripts/bench_startup.py --runs 7 --yaml
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AR = "استقبل رئيس طاجيكستان وزير خارجية إيران في دوشنبه يوم الثلاثاء.\nوبحث الجانبان التعاون في إطار منظمة شنغهاي للتعاون.\n"
FA = "وزیر امور خارجه ایران روز سه‌شنبه در دوشنبه با رئیس‌جمهور تاجیکستان دیدار کرد.\nدو طرف درباره سازمان همکاری شانگهای گفت‌وگو کردند.\n"

_NO_COMPILED = "import arfa.kb.compiled as c; c.load_compiled = lambda data, sources: None\n"
_PIPELINE = """
import json, time
t0 = time.perf_counter()
{patch}
from arfa import Pipeline
from arfa.kb import load_default_kb
t1 = time.perf_counter()
load_default_kb()
t2 = time.perf_counter()
Pipeline()
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "kb": t2 - t1, "rest": t3 - t2, "total": t3 - t0}))
"""
_EXTRACT = "import sys; from arfa.cli import main; sys.exit(main(sys.argv[1:]))\n"


def _wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _pipeline(prefix: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _PIPELINE.format(patch=prefix)], check=True, capture_output=True,
                         text=True).stdout
    parsed: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return parsed


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a Markdown table (``--json``: the raw medians too)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per command (default 5)")
    parser.add_argument("--yaml", action="store_true", help="also time the start without the compiled KB")
    parser.add_argument("--json", type=Path, help="write the medians and every run here")
    args = parser.parse_args(argv)

    modes = {"compiled": ""} | ({"yaml": _NO_COMPILED} if args.yaml else {})
    with tempfile.TemporaryDirectory() as tmp:
        ar_file, fa_file, out_file = Path(tmp, "ar.txt"), Path(tmp, "fa.txt"), Path(tmp, "out.jsonl")
        ar_file.write_text(AR, encoding="utf-8")
        fa_file.write_text(FA, encoding="utf-8")
        commands = {"bare import": [sys.executable, "-c", "import hazm, camel_tools.tokenizers.word"]}
        for mode, prefix in modes.items():
            commands[f"arfa extract ({mode})"] = [sys.executable, "-c", prefix + _EXTRACT, "extract",
                                                  str(ar_file), str(fa_file), "-o", str(out_file)]
        # one untimed round warms the OS file cache and the bytecode caches
        for cmd in commands.values():
            _wall(cmd)
        load_before = os.getloadavg()
        walls: dict[str, list[float]] = {name: [] for name in commands}
        inner: dict[str, list[dict[str, float]]] = {mode: [] for mode in modes}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                walls[name].append(_wall(cmd))
            for mode, prefix in modes.items():
                inner[mode].append(_pipeline(prefix))
        load_after = os.getloadavg()

    bare = statistics.median(walls["bare import"])
    print(f"# {args.runs} runs each, {os.cpu_count()} CPUs, load average (1 min) "
          f"{load_before[0]:.1f} before, {load_after[0]:.1f} after; Python {sys.version.split()[0]}\n")
    print("| command | median s | min s | ratio to bare import |")
    print("|---|---:|---:|---:|")
    for name, values in walls.items():
        median = statistics.median(values)
        print(f"| {name} | {median:.2f} | {min(values):.2f} | {median / bare:.2f}x |")
    print("\n| Pipeline() in a fresh process | import arfa s | load KB s | Pipeline() rest s | total s |")
    print("|---|---:|---:|---:|---:|")
    medians: dict[str, dict[str, float]] = {}
    for mode, runs in inner.items():
        medians[mode] = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        m = medians[mode]
        print(f"| {mode} KB | {m['import']:.2f} | {m['kb']:.2f} | {m['rest']:.2f} | {m['total']:.2f} |")
    if args.json:
        args.json.write_text(json.dumps({"load": [load_before, load_after], "walls": walls, "pipeline": inner,
                                         "pipeline_medians": medians}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
