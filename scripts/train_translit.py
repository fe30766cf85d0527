"""Train the name transliterator and write its table (package data).

Usage (from the repository root)::

    python scripts/train_translit.py --out src/arfa/resources/translit/table.json --eval test

``--eval dev`` prints the dev figures used for tuning; ``--eval test`` the held-out
ANETAC and KB figures reported in docs/kb.md. See :mod:`arfa.train.translit`.
"""

from __future__ import annotations

import sys

from arfa.train.translit import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
