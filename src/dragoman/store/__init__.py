"""The event database: schema and migrations, SQLite and PostgreSQL, deduplication into clusters."""

from dragoman.store.clusters import Cluster, DocumentInfo
from dragoman.store.database import Store, database_url
from dragoman.store.query import EventFilter

__all__ = ["Cluster", "DocumentInfo", "EventFilter", "Store", "database_url"]
