"""Matching cost against knowledge-base size: ``python scripts/bench_kb_scaling.py``.

Times the gazetteer and the linker on about 1 MB of seed text with the full
built-in knowledge base and with a 10-entity one. With a word trie the gazetteer's
cost follows the text, not the KB, so the ratio should stay close to 1.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from arfa.kb.link import Mention, link_mentions
from arfa.kb.store import KnowledgeBase, load_default_kb
from arfa.models import Label
from arfa.normalize import normalize
from arfa.recognize.base import Segment
from arfa.recognize.gazetteer import GazetteerRecognizer

ROOT = Path(__file__).resolve().parents[1]
SMALL = ["org/sco", "org/osce", "org/eu", "org/un", "org/csto", "loc/vienna", "loc/tajikistan",
         "loc/central-asia", "loc/dushanbe", "per/vladimir-norov"]


def run(kb: KnowledgeBase, texts: dict[str, str]) -> tuple[float, float, int]:
    gaz_time = link_time = 0.0
    found = 0
    for lang, text in texts.items():
        recognizer = GazetteerRecognizer(kb, lang)
        norm = normalize(text)
        t = time.perf_counter()
        cands = recognizer(Segment(text, 0, norm, (), (), lang))
        gaz_time += time.perf_counter() - t
        mentions = []
        for c in cands:
            s, e = norm.span_to_orig(c.start, c.end)
            mentions.append(Mention(s, e, text[s:e], c.label, c.kb_id))
        t = time.perf_counter()
        link_mentions([m for m in mentions if m.label is not Label.DATE], kb, lang)
        link_time += time.perf_counter() - t
        found += len(cands)
    return gaz_time, link_time, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=1.0)
    args = parser.parse_args()
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = {}
    for lang in ("ar", "fa"):
        base = "\n".join(p.read_text(encoding="utf-8") for p in seeds if p.name.startswith("003") == (lang == "fa"))
        texts[lang] = (base * int(args.mb * 500_000 / len(base.encode()) + 1))
    size = sum(len(t.encode()) for t in texts.values()) / 1e6
    full = load_default_kb()
    core = [e for e in (full.get(i) for i in SMALL) if e is not None]
    rest = sorted((e for e in full if e.id not in SMALL), key=lambda e: e.id)
    kbs = [("10 entities", KnowledgeBase(core))]
    kbs += [(f"{n} entities", KnowledgeBase(core + rest[: n - len(core)])) for n in (100, 1000)]
    kbs.append(("full", full))
    print(f"text: {size:.2f} MB (ar + fa seed text repeated)\n")
    print("| KB | entities | aliases | gazetteer s | µs per match | linker s | matches |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    results = {}
    for name, kb in kbs:
        g, link, n = run(kb, texts)
        results[name] = g
        print(f"| {name} | {len(kb)} | {sum(1 for _ in kb.aliases())} | {g:.2f} | {g / max(n, 1) * 1e6:.1f} | "
              f"{link:.2f} | {n} |")
    print(f"\ngazetteer time ratio full / 10-entity KB: {results['full'] / results['10 entities']:.2f}")


if __name__ == "__main__":
    main()
