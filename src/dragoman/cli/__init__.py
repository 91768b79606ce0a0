"""The command line: a thin shell over the library (``dragoman.operations``, ``dragoman.store`` ...).

Its modules import SQLAlchemy, spaCy and the analyses only inside the commands that use them, so that
parsing the command line costs little and ``ingest --workers N`` starts its workers' pipeline loading
before anything else (``tests/cli/test_startup.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dragoman.store.database import Store


def open_store(db: str) -> Store:
    """The store at ``db`` (a path or database URL)."""
    from dragoman.store.database import Store

    return Store.open(db)
