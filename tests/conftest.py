"""Shared fixtures: per-language pipelines built once per session, paths to data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from arfa.pipeline import Pipeline

# Property tests: a quick profile by default; CI also runs ARFA_HYPOTHESIS_PROFILE=fuzz.
settings.register_profile("default", max_examples=80, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
settings.load_profile(os.environ.get("ARFA_HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parents[1]
# test modules import their shared helpers (tests/_scripts.py) from here
sys.path.insert(0, str(Path(__file__).resolve().parent))
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "seeds.jsonl"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.jsonl")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def nlp() -> Pipeline:
    """The default pipeline, detecting the language."""
    return Pipeline()


@pytest.fixture(scope="session")
def ar_nlp() -> Pipeline:
    return Pipeline("ar")


@pytest.fixture(scope="session")
def fa_nlp() -> Pipeline:
    return Pipeline("fa")


@pytest.fixture(scope="session")
def gold_path() -> Path:
    if not GOLD.exists():
        pytest.skip("../shared/gold/seeds.jsonl is not beside the repository")
    return GOLD
