"""The event database: schema and migrations, SQLite and PostgreSQL, deduplication into clusters.

The names below are looked up when first used (PEP 562), so that importing a light part of the package
(``store.clusters``: the cluster records and rules, which the exporters and the command line's parser
need) does not import SQLAlchemy."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dragoman.store.clusters import Cluster, DocumentInfo
    from dragoman.store.database import Store, database_url
    from dragoman.store.query import EventFilter

__all__ = ["Cluster", "DocumentInfo", "EventFilter", "Store", "database_url"]
_HOMES = {"Cluster": "clusters", "DocumentInfo": "clusters", "EventFilter": "query", "Store": "database",
          "database_url": "database"}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"dragoman.store.{_HOMES[name]}"), name)
