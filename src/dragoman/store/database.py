"""Opening, migrating, writing and reading the event database: SQLite (default) or PostgreSQL.

``--db`` takes a path (SQLite) or a URL (``postgresql://user@host/db``; ``sqlite:///path``).

Each document is written in one transaction: its previous events (same doc_id) are replaced, so that
re-ingesting is safe and a crash never leaves a half-written document. Writers are serialised by a
write lock taken at the start of the transaction (``BEGIN IMMEDIATE`` on SQLite, a transaction-level
advisory lock on PostgreSQL), so that two ``ingest`` processes on one database neither lose nor
duplicate anything, and cluster assignment (store/clusters.py) sees every earlier write. Readers are
never blocked on PostgreSQL and wait at most the lock timeout on SQLite.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from sqlalchemy import Connection, Engine, bindparam, create_engine, delete, event, func, insert, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError

from dragoman.errors import StoreError, StoreUnavailableError
from dragoman.records import Document, Event, unique_events
from dragoman.store.cluster_queries import assign_clusters, recluster
from dragoman.store.clusters import CLUSTER_COLUMNS, Cluster, DocumentInfo, make_cluster
from dragoman.store.migrations import MIGRATIONS
from dragoman.store.query import EventFilter, conditions
from dragoman.store.schema import documents, event_row, events, row_event, schema_version
from dragoman.store.sql import execute

DEFAULT_DB = "dragoman.db"
DEFAULT_TIMEOUT = 30.0  # seconds a writer waits for another writer's lock
ROWS_PER_INSERT = 1000  # event rows built and inserted at a time
_PG_LOCK = 0x64726167  # "drag": the advisory lock key of dragoman writers

# the statements of ``save``, built once and run as the driver's SQL (store/sql.py): building a statement, and
# then running it through Core, cost SQLAlchemy more than SQLite took to run it
_DELETE_EVENTS = delete(events).where(events.c.doc_id == bindparam("doc_id"))
_DELETE_DOCUMENT = delete(documents).where(documents.c.doc_id == bindparam("doc_id"))
_INSERT_DOCUMENT = insert(documents)
_INSERT_EVENTS = insert(events)

__all__ = ["DEFAULT_DB", "Cluster", "DocumentInfo", "EventFilter", "Store", "database_url"]


def database_url(db: str | None) -> str:
    """A SQLAlchemy URL from a path or URL (``--db``, ``DRAGOMAN_DB``, or ``dragoman.db``).

    ``postgresql://`` and ``postgres://`` URLs use psycopg 3, the driver dragoman installs.
    """
    db = db or os.environ.get("DRAGOMAN_DB") or DEFAULT_DB
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser()}"
    scheme, rest = db.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return db


def _label(url: str) -> str:
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///"):]
    try:
        return make_url(url).render_as_string(hide_password=True).replace("+psycopg://", "://", 1)
    except (ArgumentError, ValueError):
        return url.split("@")[-1]


class Store:
    def __init__(self, engine: Engine, label: str, read_only: bool = False) -> None:
        self.engine = engine
        self.label = label
        self.read_only = read_only  # a SQLite file this process may read but not write
        # SQLite's writers begin with BEGIN IMMEDIATE (``_sqlite_transactions``); made once, not per document
        self.write_engine = engine.execution_options(dragoman_write=True) if engine.dialect.name == "sqlite" \
            else engine

    @classmethod
    def open(cls, db: str | None = None, timeout: float | None = None) -> Store:
        """Open (creating and migrating as needed) the database at path or URL ``db``.

        ``timeout`` (default ``$DRAGOMAN_LOCK_TIMEOUT`` or 30 s) bounds the wait for a locked database.
        """
        url = database_url(db)
        label = _label(url)
        if timeout is None:
            timeout = float(os.environ.get("DRAGOMAN_LOCK_TIMEOUT") or DEFAULT_TIMEOUT)
        read_only = False
        if url.startswith("sqlite:///"):
            path = Path(url[len("sqlite:///"):])
            if path.parent and not path.parent.exists():
                raise StoreError(f"{path}: cannot create the database: folder {path.parent} does not exist")
            if path.is_file() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
                url, read_only = _read_only_url(path), True
        try:
            name = make_url(url).get_backend_name()
            connect_args: dict[str, Any] = {}
            if name == "postgresql":
                connect_args = {"connect_timeout": max(1, int(timeout))}
            engine = create_engine(url, connect_args=connect_args, pool_pre_ping=name == "postgresql")
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise StoreError(f"{label}: not a usable database URL ({str(exc).splitlines()[0]}); "
                             f"give a file path or postgresql://user@host/dbname") from None
        if engine.dialect.name == "sqlite":
            _sqlite_transactions(engine, timeout, read_only)
        elif engine.dialect.name != "postgresql":
            raise StoreError(f"{label}: unsupported database {engine.dialect.name!r}; use SQLite or PostgreSQL")
        store = cls(engine, label, read_only)
        store.migrate()
        return store

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def _write(self) -> Any:
        """A transaction that holds the write lock from its first statement."""
        return _WriteTransaction(self)

    def migrate(self) -> int:
        """Apply pending migrations; returns the schema version."""
        try:
            if self._version() == len(MIGRATIONS):
                return len(MIGRATIONS)
            if self.read_only:
                raise StoreError(f"{self.label}: the database is read-only and its schema is older than this "
                                 f"dragoman's; {_READ_ONLY}")
            with self._write() as conn:
                schema_version.create(conn, checkfirst=True)
                current = conn.execute(select(func.max(schema_version.c.version))).scalar() or 0
                for version, step in enumerate(MIGRATIONS, start=1):
                    if version > current:
                        step(conn)
                        conn.execute(insert(schema_version).values(version=version, applied_at=_now()))
                return len(MIGRATIONS)
        except DBAPIError as exc:
            hint = _unavailable(exc)
            raise StoreError(f"{self.label}: cannot open or migrate the database: {_reason(exc)}"
                             + (f"; {hint}" if hint else "")) from None

    def _version(self) -> int:
        with self.engine.connect() as conn:
            if not self.engine.dialect.has_table(conn, schema_version.name):
                return 0
            return int(conn.execute(select(func.max(schema_version.c.version))).scalar() or 0)

    def save(self, document: Document, doc_events: Sequence[Event]) -> None:
        """Replace the document and its events in one transaction, assigning each event its cluster."""
        if self.read_only:
            raise StoreUnavailableError(f"{self.label}: cannot write document {document.doc_id!r}: the database "
                                        f"is read-only; {_READ_ONLY}")
        try:
            with self._write() as conn:
                execute(conn, _DELETE_EVENTS, {"doc_id": document.doc_id})
                execute(conn, _DELETE_DOCUMENT, {"doc_id": document.doc_id})
                execute(conn, _INSERT_DOCUMENT, {
                    "doc_id": document.doc_id, "content_hash": document.content_hash, "title": document.title,
                    "url": document.url, "published": document.published, "origin": document.origin,
                    "ingested_at": _now(), "n_events": len(doc_events), "text": document.text,
                    "outlet": outlet(document.url),
                    "meta": json.dumps(dict(document.meta)) if document.meta else None})
                unique = unique_events(doc_events)
                keys = [_cluster_columns(event_row(e)) for e in unique]
                if keys:
                    assign_clusters(conn, keys)
                # full rows a batch at a time: a 20 MB report has 80,000 events, 3.5 KB a row
                for i in range(0, len(unique), ROWS_PER_INSERT):
                    execute(conn, _INSERT_EVENTS,
                            [{**event_row(e), "cluster_id": k["cluster_id"]} for e, k in
                             zip(unique[i:i + ROWS_PER_INSERT], keys[i:i + ROWS_PER_INSERT], strict=True)])
        except DBAPIError as exc:
            hint = _unavailable(exc)
            if hint is not None:
                raise StoreUnavailableError(f"{self.label}: cannot write document {document.doc_id!r}: "
                                            f"{_reason(exc)}; {hint}") from None
            raise StoreError(f"{self.label}: cannot write document {document.doc_id!r}: {_reason(exc)}") from None
        except (UnicodeError, ValueError) as exc:  # a value the driver cannot encode (e.g. a lone surrogate)
            raise StoreError(f"{self.label}: cannot write document {document.doc_id!r}: "
                             f"{str(exc).splitlines()[0][:200]}") from None

    def recluster(self) -> int:
        """Recompute every cluster from scratch in ingestion order (after changing the rules)."""
        try:
            with self._write() as conn:
                return recluster(conn)
        except DBAPIError as exc:
            raise StoreError(f"{self.label}: cannot recluster: {_reason(exc)}") from None

    def events(self, where: EventFilter | None = None) -> list[Event]:
        """The event mentions matching ``where``, in document order."""
        where = where or EventFilter()
        query = select(events).where(*conditions(where)).order_by(
            events.c.doc_id, events.c.sentence_index, events.c.start_char, events.c.event_id)
        if where.limit:
            query = query.limit(where.limit)
        return [row_event(r) for r in self._rows(query)]

    def clusters(self, where: EventFilter | None = None) -> list[Cluster]:
        """The event clusters with at least one mention matching ``where``, in date order.

        Each cluster carries all its mentions (for counts and evidence) and the ids of those that
        matched (``Cluster.matched``). ``where.limit`` counts clusters.
        """
        where = where or EventFilter()
        matching = select(events.c.cluster_id).where(*conditions(where))
        matched = {r[0] for r in self._rows(select(events.c.event_id).where(*conditions(where)))}
        by_cluster: dict[str, list[Event]] = defaultdict(list)
        for row in self._rows(select(events).where(events.c.cluster_id.in_(matching))):
            by_cluster[row._mapping["cluster_id"]].append(row_event(row))
        doc_ids = {m.doc_id for ms in by_cluster.values() for m in ms}
        docs = self._document_infos(doc_ids)
        found = [make_cluster(cid, ms, docs, matched) for cid, ms in by_cluster.items()]
        found.sort(key=lambda c: (c.date_start or "9999", c.event.doc_id, c.event.evidence.sentence_index,
                                  c.cluster_id))
        return found[: where.limit] if where.limit else found

    def units(self, where: EventFilter | None = None, mentions: bool = False) -> list[Cluster]:
        """What analyses count: event clusters (default), or each matching mention on its own."""
        found = self.clusters(replace(where, limit=None) if where else None)
        if mentions:
            found = [u for c in found for u in c.split()]
            found.sort(key=lambda u: (u.date_start or "9999", u.event.doc_id, u.event.evidence.sentence_index,
                                      u.event.evidence.start_char))
        limit = where.limit if where else None
        return found[:limit] if limit else found

    def cluster(self, cluster_id: str) -> Cluster | None:
        rows = list(self._rows(select(events.c.cluster_id).where(
            events.c.cluster_id.startswith(cluster_id, autoescape=True)).distinct()))
        if len(rows) > 1:
            raise StoreError(f"cluster id prefix {cluster_id!r} is ambiguous ({len(rows)} clusters)")
        if not rows:
            return None
        full = rows[0][0]
        mentions = [row_event(r) for r in self._rows(select(events).where(events.c.cluster_id == full))]
        return make_cluster(full, mentions, self._document_infos({m.doc_id for m in mentions}),
                            [m.event_id for m in mentions])

    def event(self, event_id: str) -> Event | None:
        rows = list(self._rows(select(events).where(events.c.event_id.startswith(event_id, autoescape=True))))
        if len(rows) > 1:
            raise StoreError(f"event id prefix {event_id!r} is ambiguous ({len(rows)} events)")
        return row_event(rows[0]) if rows else None

    def document_ids(self) -> list[str]:
        return [r[0] for r in self._rows(select(documents.c.doc_id).order_by(documents.c.doc_id))]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        rows = list(self._rows(select(documents).where(documents.c.doc_id == doc_id)))
        return dict(rows[0]._mapping) if rows else None

    def counts(self) -> dict[str, int]:
        """Numbers of documents, event mentions and event clusters."""
        with self._connect() as conn:
            return {
                "documents": int(conn.execute(select(func.count()).select_from(documents)).scalar() or 0),
                "mentions": int(conn.execute(select(func.count()).select_from(events)).scalar() or 0),
                "clusters": int(conn.execute(select(func.count(events.c.cluster_id.distinct()))).scalar() or 0),
            }

    def _document_infos(self, doc_ids: set[str]) -> dict[str, DocumentInfo]:
        out: dict[str, DocumentInfo] = {}
        ids = sorted(doc_ids)
        cols = (documents.c.doc_id, documents.c.title, documents.c.url, documents.c.outlet, documents.c.published)
        for i in range(0, len(ids), 500):
            for r in self._rows(select(*cols).where(documents.c.doc_id.in_(ids[i:i + 500]))):
                out[r[0]] = DocumentInfo(*r)
        return out

    def _connect(self) -> Any:
        return _ReadConnection(self)

    def _rows(self, query: Any) -> Iterator[Any]:
        try:
            with self.engine.connect() as conn:
                yield from conn.execute(query)
        except DBAPIError as exc:
            raise StoreError(f"{self.label}: cannot read: {_reason(exc)}") from None

    def close(self) -> None:
        self.engine.dispose()


class _WriteTransaction:
    """``with store._write() as conn``: a transaction holding the write lock; commits on success."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.context: Any = None

    def __enter__(self) -> Connection:
        engine = self.store.engine
        if engine.dialect.name == "sqlite":
            self.context = self.store.write_engine.begin()
            return self.context.__enter__()
        self.context = engine.begin()
        conn: Connection = self.context.__enter__()
        try:
            conn.execute(select(func.pg_advisory_xact_lock(_PG_LOCK)))
        except BaseException as exc:
            self.context.__exit__(type(exc), exc, exc.__traceback__)
            raise
        return conn

    def __exit__(self, *exc: Any) -> None:
        self.context.__exit__(*exc)


class _ReadConnection:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.context: Any = None

    def __enter__(self) -> Connection:
        try:
            self.context = self.store.engine.connect()
            return self.context.__enter__()
        except DBAPIError as exc:
            raise StoreError(f"{self.store.label}: cannot read: {_reason(exc)}") from None

    def __exit__(self, *exc: Any) -> None:
        self.context.__exit__(*exc)


def outlet(url: str | None) -> str | None:
    """The publisher of a document: its URL's host without ``www.``."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _cluster_columns(row: dict[str, Any]) -> dict[str, Any]:
    """What cluster assignment reads of an event's row (``cluster_id`` is set by it)."""
    return {c: row.get(c) for c in CLUSTER_COLUMNS}


def _read_only_url(path: Path) -> str:
    """A read-only SQLite connection to ``path``; ``immutable`` when its folder is read-only too, where
    SQLite could not create the shared-memory file a write-ahead-log database is otherwise read through."""
    immutable = "&immutable=1" if not os.access(path.parent, os.W_OK) else ""
    return f"sqlite:///file:{quote(str(path.resolve()))}?mode=ro{immutable}&uri=true"


def _sqlite_transactions(engine: Engine, timeout: float, read_only: bool = False) -> None:
    """Let SQLAlchemy, not the sqlite3 module, start transactions: plain ``BEGIN`` for readers and
    ``BEGIN IMMEDIATE`` (the write lock, waited for up to ``timeout``) for writers."""

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
        # Write-ahead log with NORMAL sync: each document is still one atomic transaction and a crash
        # leaves the database consistent, but a commit no longer waits for an fsync (only checkpoints do),
        # which made the per-document commit the most expensive step of an ingest. Readers also no longer
        # block the writer.
        if not read_only:  # setting the journal mode writes to the file
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    def on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("dragoman_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def _reason(exc: DBAPIError) -> str:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    return " ".join(line.strip() for line in text.splitlines() if line.strip())[:300] or type(exc).__name__


_SQLITE_UNAVAILABLE = (  # sqlite3 messages of conditions that no later document escapes, and what to do
    ("full", "the disk is full: free space, then run the same command again to resume"),
    ("readonly", "the database is read-only: make the file and its folder writable (SQLite writes "
                 "-wal and -shm files beside it), or give another --db"),
    ("disk i/o", "the disk failed a write (full, size-limited or faulty): fix it, then run the same command "
                 "again to resume"),
    ("unable to open", "the database file cannot be opened: check that its folder exists and is writable"),
)
_READ_ONLY = _SQLITE_UNAVAILABLE[1][1].removeprefix("the database is read-only: ")
_SERVER_GONE = ("the database server cannot be reached or stopped the connection: run the same command again "
                "when it is back; documents already stored are skipped")


def _unavailable(exc: DBAPIError) -> str | None:
    """What to do when ``exc`` means the database takes no more writes at all (disk full, read-only,
    server gone, connection lost), or None when it concerns only the statement that raised it."""
    if exc.connection_invalidated:
        return _SERVER_GONE
    if not isinstance(exc, OperationalError):
        return None
    text = _reason(exc).lower()
    if "postgresql" in type(exc.orig).__module__ or "psycopg" in type(exc.orig).__module__:
        if "disk" in text or "no space" in text:
            return _SQLITE_UNAVAILABLE[0][1]
        if "read-only" in text:
            return "the database server is read-only (a standby?): give a writable server"
        return None if "lock" in text or "deadlock" in text else _SERVER_GONE
    return next((hint for key, hint in _SQLITE_UNAVAILABLE if key in text), None)
