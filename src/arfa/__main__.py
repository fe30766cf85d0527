"""``python -m arfa``: the command line."""

from __future__ import annotations

import sys

from arfa.cli import main

sys.exit(main())
