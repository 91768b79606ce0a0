"""Shared fixtures. Most tests need no model; those that load the real English model use the
session-wide ``pipeline`` fixture and are marked ``model``.

``db_path`` is the database a test may use: a fresh SQLite file, or, when ``DRAGOMAN_TEST_DB`` holds a
PostgreSQL server URL (``postgresql://postgres@localhost:5432/postgres``, as ``.ci/run`` sets), a fresh
schema on that server, dropped afterwards. Tests that take ``db_path`` therefore run on both backends.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from dragoman.pipeline import Pipeline
from dragoman.store.database import Store

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.load()


def _server_url() -> str | None:
    return os.environ.get("DRAGOMAN_TEST_DB") or None


@pytest.fixture()
def db_path(tmp_path: Path) -> Iterator[str]:
    server = _server_url()
    if not server:
        yield str(tmp_path / "test.db")
        return
    import psycopg

    plain = server.replace("postgresql+psycopg://", "postgresql://", 1)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in plain else "?"
    yield f"{plain}{separator}options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture()
def store(db_path: str) -> Store:
    """A store holding the hand-built test corpus of ``tests/store/corpus.py`` (no model needed)."""
    from tests.store.corpus import articles

    s = Store.open(db_path)
    for document, events in articles():
        s.save(document, events)
    return s
