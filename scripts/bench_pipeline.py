"""Speed of the full pipeline as a ratio to bare tokenization, measured side by side.

``python scripts/bench_pipeline.py [--mb 1] [--repeats 3] [--stages] [--profile]``

Times are CPU seconds of the process (``time.process_time``), which other work on a
shared machine disturbs far less than wall time. On the varied news text of :mod:`bench_corpus` (ANERcorp test text for Arabic, PEYMA
and NSURL test articles for Persian, about ``--mb`` megabytes per language), in one
process and one run, it times:

* the full default pipeline (``Pipeline()``: tokenizer, gazetteer, dates, CRF,
  document rules, merge, linker, pydantic results), one call per document;
* bare tokenization of the same documents: hazm's ``Normalizer().normalize`` and
  ``word_tokenize`` for Persian; for Arabic, the ``(start, end)`` of every match
  of one word/punctuation regex (offsets, as arfa's tokens carry).

Passes are interleaved (bare, full, then full, bare ...) ``--repeats`` times and the
medians are reported; arfa's bounded word caches (``lru_cache`` with a ``maxsize``)
are cleared before every pass, so a pass never profits from the one before. The
figure that matters is the ratio of the two times: both run on the same machine under
the same load, which is stated (``os.getloadavg``) before and after. Absolute tokens/s
are printed only beside the reference measured with them.

``--stages`` adds a pass per language with every component wrapped in a timer (the
tokenizer, the segment's ``normalize``, each recognizer, the document rules, merge,
the linker and the pydantic objects), and ``--profile`` a cProfile pass with its top
10 functions by own time.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import functools
import os
import platform
import pstats
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_corpus import DEFAULT_DATA, Doc, load_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
_BARE_AR = re.compile(r"\w+|[^\w\s]")
"""The Arabic reference: one word/punctuation regex."""
CLOCK = time.process_time
"""Every timing is CPU seconds of this process: on a machine shared with other work, wall
time mostly measures the others (a pass took 42 to 85 s at load 12 on 2 cores)."""


# ---------------------------------------------------------------- machine


def machine() -> str:
    """One line naming the machine, Python, the revision and the date."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    import arfa

    source = Path(arfa.__file__).resolve().parent  # the checkout imported, which PYTHONPATH may choose
    try:
        rev = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=source, capture_output=True,
                             text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        rev = "?"
    return (f"{cpu}, {os.cpu_count()} cores{mem}; Python {platform.python_version()}; "
            f"arfa {rev} from {source}; {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")


def load() -> str:
    """The 1, 5 and 15 minute load averages and the core count."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} / {five:.1f} / {fifteen:.1f} (1/5/15 min) on {os.cpu_count()} cores"


def clear_word_caches() -> int:
    """Clear every bounded ``lru_cache`` in arfa's modules and classes (loaders use unbounded caches and stay)."""
    cleared = 0
    for name, module in list(sys.modules.items()):
        if not (name == "arfa" or name.startswith("arfa.")) or module is None:
            continue
        values = list(vars(module).values())
        for cls in [v for v in values if isinstance(v, type) and v.__module__ == name]:
            values += list(vars(cls).values())  # methods with their own lru_cache
        for value in values:
            params = getattr(value, "cache_parameters", None)
            if callable(params) and params().get("maxsize") is not None:
                value.cache_clear()
                cleared += 1
    return cleared


# ---------------------------------------------------------------- the two sides


def bare_tokenizer(lang: str) -> Callable[[str], int]:
    """The reference: a function from a text to its number of tokens."""
    if lang == "fa":
        from hazm import Normalizer, word_tokenize

        normalizer = Normalizer()
        return lambda text: len(word_tokenize(normalizer.normalize(text)))
    return lambda text: len([m.span() for m in _BARE_AR.finditer(text)])


def time_bare(docs: list[Doc], count: Callable[[str], int]) -> tuple[float, int]:
    tokens = 0
    t0 = CLOCK()
    for doc in docs:
        tokens += count(doc.text)
    return CLOCK() - t0, tokens


def time_full(nlp: Any, docs: list[Doc]) -> tuple[float, int, int]:
    tokens = entities = 0
    t0 = CLOCK()
    for doc in docs:
        out = nlp(doc.text, lang=doc.lang)
        tokens += len(out.tokens)
        entities += len(out.entities)
    return CLOCK() - t0, tokens, entities


def size_mb(docs: list[Doc]) -> float:
    """Megabytes of UTF-8 text in ``docs``."""
    return sum(len(d.text.encode("utf-8")) for d in docs) / 1e6


# ---------------------------------------------------------------- stage timer


class StageTimer:
    """Seconds per named stage, summed over calls."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, name: str, fn: Callable[..., Any], *, materialize: bool = False) -> Callable[..., Any]:
        """``fn`` timed under ``name``; ``materialize`` turns a generator's output into a list."""

        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = CLOCK()
            try:
                out = fn(*args, **kwargs)
                return list(out) if materialize else out
            finally:
                self.seconds[name] += CLOCK() - t0

        return timed


@contextmanager
def _patched(obj: Any, attr: str, value: Any) -> Iterator[None]:
    old = getattr(obj, attr)
    setattr(obj, attr, value)
    try:
        yield
    finally:
        setattr(obj, attr, old)


@contextmanager
def instrumented(nlp: Any, lang: str, timer: StageTimer) -> Iterator[list[str]]:
    """Wrap the pipeline's components for ``lang`` in timers; yields the names of the hooks found.

    Top-level stages do not nest; names containing ``": "`` are parts of the stage
    before the colon (``crf: features`` is inside ``crf``).
    """
    import arfa.pipeline as pipeline_module

    hooks: list[str] = []
    patches: list[Any] = []

    def patch(obj: Any, attr: str, name: str, **kw: Any) -> None:
        if hasattr(obj, attr):
            patches.append(_patched(obj, attr, timer.wrap(name, getattr(obj, attr), **kw)))
            hooks.append(name)

    patch(pipeline_module, "normalize", "normalize")
    patch(pipeline_module, "apply_document_rules", "document rules")
    patch(pipeline_module, "merge", "merge")
    patch(pipeline_module, "_entities", "pydantic objects", materialize=True)
    patch(pipeline_module, "Document", "pydantic objects")
    patch(pipeline_module, "Sentence", "pydantic objects")
    try:
        import arfa.recognize.crf as crf_module

        patch(crf_module, "sentence_features", "crf: features")
    except ImportError:
        pass
    tokenizers = dict(nlp._tokenizers)
    components = {k: list(v) for k, v in nlp._components.items()}
    linker, link = nlp._linker, nlp._link
    nlp._tokenizers[lang] = timer.wrap("tokenize", tokenizers[lang])
    nlp._components[lang] = [timer.wrap(getattr(r, "name", repr(r)), r) for r in components[lang]]
    hooks += ["tokenize", *(getattr(r, "name", repr(r)) for r in components[lang])]
    if linker is not None:
        nlp._linker = timer.wrap("link", linker)
        nlp._link = timer.wrap("link + entity copies", link)  # the copies count as pydantic objects
        hooks.append("link")
    try:
        for p in patches:
            p.__enter__()
        yield hooks
    finally:
        for p in reversed(patches):
            p.__exit__(None, None, None)
        nlp._tokenizers.update(tokenizers)
        nlp._components.update(components)
        nlp.__dict__.pop("_link", None)
        nlp._linker = linker


def stage_table(nlp: Any, docs: list[Doc], lang: str) -> tuple[dict[str, float], float]:
    """Seconds per stage over ``docs`` (one pass, word caches cleared first) and the total."""
    timer = StageTimer()
    clear_word_caches()
    with instrumented(nlp, lang, timer):
        total, _, _ = time_full(nlp, docs)
    sec = dict(timer.seconds)
    both = sec.pop("link + entity copies", 0.0)
    if "link" in sec:
        sec["pydantic objects"] = sec.get("pydantic objects", 0.0) + both - sec["link"]
    top = sum(v for k, v in sec.items() if ": " not in k)
    sec["other (pipeline glue)"] = total - top
    return sec, total


# ---------------------------------------------------------------- profile


def profile_top(nlp: Any, docs_by_lang: dict[str, list[Doc]], n: int = 10) -> list[tuple[str, int, float, float]]:
    """cProfile's top ``n`` functions by own time over one pass of every language."""
    prof = cProfile.Profile(CLOCK)
    clear_word_caches()
    prof.enable()
    for docs in docs_by_lang.values():
        for doc in docs:
            nlp(doc.text, lang=doc.lang)
    prof.disable()
    stats = pstats.Stats(prof)
    rows = []
    for (path, line, func), (_, ncalls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = _short(path)
        rows.append((f"{where}:{line}({func})" if line else func, ncalls, tottime, cumtime))
    rows.sort(key=lambda r: r[2], reverse=True)
    total = sum(r[2] for r in rows)
    return [(name, calls, tt, tt / total) for name, calls, tt, _ in rows[:n]]


def _short(path: str) -> str:
    for marker in ("/site-packages/", "/src/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path.rsplit("/", 1)[-1] if "/" in path else path


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=1.0, help="megabytes of text per language")
    parser.add_argument("--repeats", type=int, default=3, help="interleaved passes of each side")
    parser.add_argument("--langs", default="ar,fa")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--stages", action="store_true", help="time each stage of the pipeline")
    parser.add_argument("--profile", action="store_true", help="print cProfile's top 10 by own time")
    parser.add_argument("--profile-mb", type=float, default=0.3,
                        help="megabytes per language for the profile (cProfile slows every call)")
    parser.add_argument("--no-ratio", action="store_true", help="skip the side-by-side timing")
    parser.add_argument("--no-pin", action="store_true", help="do not pin the process to one core")
    parser.add_argument("--keep-caches", action="store_true",
                        help="keep arfa's word caches between passes (a long-running process; "
                             "the first pass warms them)")
    args = parser.parse_args()
    if not args.no_pin and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    langs = args.langs.split(",")

    print(f"machine: {machine()}")
    print(f"before: {load()}")
    t0 = time.perf_counter()
    from arfa.pipeline import Pipeline

    nlp = Pipeline()  # the default chain, both languages built and loaded
    setup = time.perf_counter() - t0
    print(f"import + Pipeline() with ar and fa loaded: {setup:.2f} s\n", flush=True)
    docs = {lang: load_corpus(lang, args.mb, args.data) for lang in langs}
    bare = {lang: bare_tokenizer(lang) for lang in langs}
    for lang in langs:  # first calls load lazy parts (hazm, camel, vocabularies)
        nlp(docs[lang][0].text, lang=lang)
        bare[lang](docs[lang][0].text)

    if not args.no_ratio:
        bare_s: dict[str, list[float]] = defaultdict(list)
        full_s: dict[str, list[float]] = defaultdict(list)
        ref_tokens: dict[str, int] = {}
        counts: dict[str, tuple[int, int]] = {}
        for r in range(args.repeats):
            for lang in langs:
                for side in (("bare", "full") if r % 2 == 0 else ("full", "bare")):
                    if not args.keep_caches:
                        clear_word_caches()
                    if side == "bare":
                        secs, ref_tokens[lang] = time_bare(docs[lang], bare[lang])
                        bare_s[lang].append(secs)
                    else:
                        secs, tokens, ents = time_full(nlp, docs[lang])
                        full_s[lang].append(secs)
                        counts[lang] = (tokens, ents)
                    print(f"  pass {r + 1} {lang} {side}: {secs:.2f} CPU s", file=sys.stderr, flush=True)
        caches = "word caches kept (warm after the first pass)" if args.keep_caches else "word caches cleared"
        print(f"CPU seconds, medians of {args.repeats} interleaved passes, {caches}; ratio = pipeline "
              "seconds / bare seconds on the same documents.\n")
        print("| lang | MB | docs | bare tokens | bare s | bare tokens/s | arfa tokens | entities "
              "| pipeline s | pipeline tokens/s | s/MB | ratio |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for lang in langs:
            mb = size_mb(docs[lang])
            b, f = statistics.median(bare_s[lang]), statistics.median(full_s[lang])
            ref, (tokens, ents) = ref_tokens[lang], counts[lang]
            print(f"| {lang} | {mb:.2f} | {len(docs[lang])} | {ref:,} | {b:.2f} | {ref / b:,.0f} | {tokens:,} "
                  f"| {ents:,} | {f:.2f} | {tokens / f:,.0f} | {f / mb:.2f} | **{f / b:.1f}x** |")
        print(f"\nbare tokenization: {'; '.join(_reference(lang) for lang in langs)}")
        spread = "; ".join(f"{lang} pipeline {', '.join(f'{s:.2f}' for s in full_s[lang])} s, "
                           f"bare {', '.join(f'{s:.2f}' for s in bare_s[lang])} s" for lang in langs)
        print(f"every pass: {spread}")
        print(f"after: {load()}\n", flush=True)

    if args.stages:
        tables = {lang: stage_table(nlp, docs[lang], lang) for lang in langs}
        tops: list[str] = []
        for sec, _ in tables.values():
            tops += [k for k in sec if ": " not in k and not k.startswith("other") and k not in tops]
        tops.sort(key=lambda k: -max(sec.get(k, 0.0) / total for sec, total in tables.values()))
        order: list[str] = []
        for top in [*tops, "other (pipeline glue)"]:
            order.append(top)
            for sec, _ in tables.values():
                order += [k for k in sec if k.startswith(top + ": ") and k not in order]
        print("Stage timer: one instrumented pass per language, word caches cleared first "
              "(CPU seconds, share of the pass, CPU seconds per MB).\n")
        print("| stage | " + " | ".join(f"{lang} s | {lang} % | {lang} s/MB" for lang in langs) + " |")
        print("|---|" + "---:|---:|---:|" * len(langs))
        for name in order:
            cells = []
            for lang in langs:
                sec, total = tables[lang]
                mb = size_mb(docs[lang])
                v = sec.get(name, 0.0)
                cells.append(f"{v:.2f} | {100 * v / total:.0f}% | {v / mb:.2f}")
            label = f"&nbsp;&nbsp;{name}" if ": " in name else name
            print(f"| {label} | " + " | ".join(cells) + " |")
        print("| **total** | " + " | ".join(
            f"**{tables[lang][1]:.2f}** | 100% | {tables[lang][1] / size_mb(docs[lang]):.2f}"
            for lang in langs) + " |")
        print(f"\nafter the stage timer: {load()}\n", flush=True)

    if args.profile:
        sample = {lang: load_corpus(lang, args.profile_mb, args.data) for lang in langs}
        print(f"cProfile, one pass of {args.profile_mb:g} MB per language, word caches cleared first; "
              "top 10 by own CPU time:\n")
        print("| function | calls | own s | share |")
        print("|---|---:|---:|---:|")
        for name, calls, own, share in profile_top(nlp, sample):
            print(f"| `{name}` | {calls:,} | {own:.2f} | {100 * share:.1f}% |")
        print(f"\nafter the profile: {load()}")
    try:
        import resource
    except ImportError:  # not on Windows
        return
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory of the run: {peak:.0f} MB")


def _reference(lang: str) -> str:
    if lang == "fa":
        return "fa = hazm Normalizer().normalize + word_tokenize"
    return f"ar = the (start, end) of every re.finditer({_BARE_AR.pattern!r}) match"


if __name__ == "__main__":
    main()
