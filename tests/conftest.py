"""Shared fixtures. Most tests need no model; those that load the real English model use the
session-wide ``pipeline`` fixture and are marked ``model``."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.load()


@pytest.fixture()
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")
