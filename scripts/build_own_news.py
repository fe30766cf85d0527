"""Build the gold file of arfa's own in-domain news items from their markup.

``python scripts/build_own_news.py [--check]``

``scripts/data/own_news.txt`` holds short news items about regional security
cooperation written for this project (not copied from any outlet), annotated inline as
ANNOTATION.md says: ``[[LABEL:surface|canonical]]`` for ORG/PER/LOC and
``[[DATE:surface|ISO value]]`` for dates. This script writes them to
``docs/data/own-news.jsonl`` (and the second batch to ``own-news-2.jsonl``) in the gold
format, so that ``arfa evaluate docs/data/own-news.jsonl`` scores the whole pipeline on in-domain text
the knowledge base was not built around. ``--check`` fails when the JSONL file is not
what the markup gives (``tests/test_own_news.py`` runs it).

The items were written, and their gold fixed, before any change was measured on them:
they are a check on unseen in-domain news, not tuning data.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
#: Each markup file and the gold file built from it: the first batch, and a second one
#: written before the fixes the first prompted and run only after them.
PAIRS = (
    (ROOT / "scripts" / "data" / "own_news.txt", ROOT / "docs" / "data" / "own-news.jsonl"),
    (ROOT / "scripts" / "data" / "own_news_2.txt", ROOT / "docs" / "data" / "own-news-2.jsonl"),
)

MARK = re.compile(r"\[\[(ORG|PER|LOC|DATE):([^|\]]+)(?:\|([^\]]*))?\]\]")
HEADER = re.compile(r"=== (\S+) (ar|fa) (\d{4}-\d{2}-\d{2}|-)")


def parse_document(body: str) -> tuple[str, list[dict[str, Any]]]:
    """The plain text of one marked-up document and its entities, offsets into that text.

    Examples:
        >>> text, ents = parse_document("زار [[PER:لافروف|Sergey Lavrov]] [[LOC:دوشنبه|Dushanbe]]")
        >>> text, [(e["text"], e["label"], e["canonical"]) for e in ents]
        ('زار لافروف دوشنبه', [('لافروف', 'PER', 'Sergey Lavrov'), ('دوشنبه', 'LOC', 'Dushanbe')])
        >>> parse_document("[[DATE:عام 2019|2019]]")[1][0]["value"]
        '2019'
    """
    out: list[str] = []
    ents: list[dict[str, Any]] = []
    pos = 0
    length = 0
    for match in MARK.finditer(body):
        out.append(body[pos : match.start()])
        length += match.start() - pos
        label, surface, extra = match.group(1), match.group(2), match.group(3) or None
        ents.append({
            "start": length, "end": length + len(surface), "text": surface, "label": label,
            "canonical": extra if label != "DATE" else None,
            "value": extra if label == "DATE" else None,
        })
        out.append(surface)
        length += len(surface)
        pos = match.end()
    out.append(body[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise ValueError(f"unparsed markup in: {text[:80]!r}")
    for ent in ents:
        assert text[ent["start"] : ent["end"]] == ent["text"]
    return text, ents


def build(source: str) -> list[dict[str, Any]]:
    """Every document of the markup ``source``, as gold records."""
    docs: list[dict[str, Any]] = []
    header: re.Match[str] | None = None
    lines: list[str] = []

    def flush() -> None:
        if header is None:
            return
        text, ents = parse_document("\n".join(lines).strip("\n"))
        date = header.group(3)
        docs.append({"id": header.group(1), "lang": header.group(2), "text": text,
                     "doc_date": None if date == "-" else date, "entities": ents})

    for line in source.splitlines():
        if line.startswith("#"):
            continue
        found = HEADER.fullmatch(line.strip())
        if found:
            flush()
            header, lines = found, []
        elif header is not None:
            lines.append(line)
    flush()
    return docs


def render(docs: list[dict[str, Any]]) -> str:
    """The JSONL text of ``docs``."""
    return "".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc in docs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if the JSONL is out of date")
    args = parser.parse_args()
    stale = 0
    for source, target in PAIRS:
        docs = build(source.read_text(encoding="utf-8"))
        text = render(docs)
        if args.check:
            if not target.is_file() or target.read_text(encoding="utf-8") != text:
                print(f"{target} is out of date: run python scripts/build_own_news.py", file=sys.stderr)
                stale += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"{len(docs)} documents, {sum(len(d['entities']) for d in docs)} entities -> {target}")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
