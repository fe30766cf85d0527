"""Generate ``arfa/resources/common/{ar,fa}.txt``: words that are rarely names.

A word (folded with :func:`arfa.normalize.fold`) is *common* when it occurs at
least ``MIN_COUNT`` times in the training splits of the NER corpora (never the
test splits: ``arfa.train.datasets.load_splits``) and at most ``MAX_ENTITY_SHARE`` of
those occurrences are inside a PER/ORG/LOC span. The gazetteer uses the list so
that a one-word alias that is an ordinary word (الجديدة, بأنه, نویس) does not match,
and so that a proclitic is not stripped from an ordinary word (فعالية is not ف + عالية).

Usage: ``python scripts/build_common_words.py [--data ../shared/data] [--check]``
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from arfa.normalize import fold
from arfa.train.datasets import load_splits

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "arfa" / "resources" / "common"
MIN_COUNT = 5
MAX_ENTITY_SHARE = 0.25
HEADER = (
    "# Words that are rarely names, from the NER training splits (scripts/build_common_words.py).\n"
    "# min count {min_count}, max entity share {share}; one folded word a line.\n"
)


def common_words(lang: str, data: Path) -> list[str]:
    """The sorted common words of ``lang``."""
    total: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for sentence in load_splits(lang, data).train:
        for token, tag in sentence:
            # a ZWNJ-joined or spaced token (گفت‌وگو) folds to several words, and the
            # gazetteer matches each on its own: count each (وگو is no Vigo)
            for key in fold(token).split():
                if not any(ch.isalpha() for ch in key):
                    continue
                total[key] += 1
                if tag != "O":
                    inside[key] += 1
    return sorted(w for w, n in total.items() if n >= MIN_COUNT and inside[w] / n <= MAX_ENTITY_SHARE)


def render(words: list[str]) -> str:
    return HEADER.format(min_count=MIN_COUNT, share=MAX_ENTITY_SHARE) + "".join(w + "\n" for w in words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--check", action="store_true", help="fail if a shipped file is stale")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    stale = []
    for lang in ("ar", "fa"):
        text = render(common_words(lang, args.data))
        path = OUT / f"{lang}.txt"
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path))
        else:
            path.write_text(text, encoding="utf-8")
            print(f"{path}: {text.count(chr(10)) - 2} words")
    if stale:
        print("stale: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
