"""Compile the knowledge-base YAML into ``src/arfa/resources/kb/compiled.json.gz``.

Run after editing any ``src/arfa/resources/kb/*.yaml`` (or ``arfa/normalize.py``);
``tests/kb/test_compiled.py`` fails until the compiled file matches again::

    python scripts/compile_kb.py           # rewrite the compiled file
    python scripts/compile_kb.py --check   # exit 1 if it is missing or out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from arfa.kb import compiled

KB_DIR = Path(__file__).resolve().parents[1] / "src/arfa/resources/kb"


def main(argv: list[str] | None = None) -> int:
    """Compile the KB, or with ``--check`` report whether the compiled file is current."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check; exit 1 when out of date")
    parser.add_argument("--dir", type=Path, default=KB_DIR, help="the folder of the YAML files")
    args = parser.parse_args(argv)
    sources = [(p.name, p.read_bytes()) for p in sorted(args.dir.glob("*.yaml"))]
    target = args.dir / compiled.COMPILED_NAME
    payload = compiled.compile_sources(sources)
    if args.check:
        current = compiled.read_payload(target.read_bytes()) if target.is_file() else None
        if current != payload:
            print(f"{target} is out of date: run python scripts/compile_kb.py", file=sys.stderr)
            return 1
        print(f"{target} is up to date ({len(payload['entities'])} entities)")
        return 0
    data = compiled.dump(payload)
    target.write_bytes(data)
    keys = sum(len(k) for k in payload["keys"])
    print(f"wrote {target}: {len(payload['entities'])} entities, {keys} alias keys, {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
