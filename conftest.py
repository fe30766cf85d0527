"""Doctest collection: modules whose examples need an absent optional backend are skipped."""

from __future__ import annotations

import importlib.util

_NEEDS_TORCH = ["src/arfa/recognize/neural_net.py", "src/arfa/recognize/neural.py"]

collect_ignore = [] if importlib.util.find_spec("torch") and importlib.util.find_spec("safetensors") else _NEEDS_TORCH
