"""Opening, migrating, writing and reading the event database (SQLite by default).

Each document is written in one transaction: its previous events (same doc_id) are replaced, so that
re-ingesting is safe and a crash never leaves a half-written document.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, and_, create_engine, delete, event, func, insert, or_, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from dragoman.errors import StoreError
from dragoman.records import Document, Event
from dragoman.store.schema import MIGRATIONS, documents, event_row, events, row_event, schema_version

DEFAULT_DB = "dragoman.db"


def database_url(db: str | None) -> str:
    """A SQLAlchemy URL from a path or URL (``--db``, ``DRAGOMAN_DB``, or ``dragoman.db``)."""
    db = db or os.environ.get("DRAGOMAN_DB") or DEFAULT_DB
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


@dataclass(frozen=True)
class EventFilter:
    doc: str | None = None
    actor: str | None = None  # code, country, org or words of the actor's text
    code: str | None = None  # CAMEO code prefix: "04", "042"
    since: str | None = None
    until: str | None = None
    limit: int | None = None


class Store:
    def __init__(self, engine: Engine, label: str) -> None:
        self.engine = engine
        self.label = label

    @classmethod
    def open(cls, db: str | None = None) -> Store:
        url = database_url(db)
        label = url.split("@")[-1] if "@" in url else url
        if url.startswith("sqlite:///"):
            path = Path(url[len("sqlite:///"):])
            if path.parent and not path.parent.exists():
                raise StoreError(f"{path}: cannot create the database: folder {path.parent} does not exist")
        try:
            engine = create_engine(url)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise StoreError(f"{label}: not a usable database URL ({exc})") from None
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        store = cls(engine, label)
        store.migrate()
        return store

    def migrate(self) -> int:
        """Apply pending migrations; returns the schema version."""
        try:
            with self.engine.begin() as conn:
                schema_version.create(conn, checkfirst=True)
                current = conn.execute(select(func.max(schema_version.c.version))).scalar() or 0
                for version, step in enumerate(MIGRATIONS, start=1):
                    if version > current:
                        step(conn)
                        conn.execute(insert(schema_version).values(version=version, applied_at=_now()))
                return len(MIGRATIONS)
        except DBAPIError as exc:
            raise StoreError(f"{self.label}: cannot open or migrate the database: {_reason(exc)}") from None

    def save(self, document: Document, doc_events: Sequence[Event]) -> None:
        """Replace the document and its events in one transaction."""
        try:
            with self.engine.begin() as conn:
                conn.execute(delete(events).where(events.c.doc_id == document.doc_id))
                conn.execute(delete(documents).where(documents.c.doc_id == document.doc_id))
                conn.execute(insert(documents).values(
                    doc_id=document.doc_id, content_hash=document.content_hash, title=document.title,
                    url=document.url, published=document.published, origin=document.origin,
                    ingested_at=_now(), n_events=len(doc_events), text=document.text))
                rows = _unique_rows(doc_events)
                if rows:
                    conn.execute(insert(events), rows)
        except DBAPIError as exc:
            raise StoreError(f"{self.label}: cannot write document {document.doc_id!r}: {_reason(exc)}") from None

    def events(self, where: EventFilter | None = None) -> list[Event]:
        where = where or EventFilter()
        conditions: list[Any] = []
        if where.doc:
            conditions.append(events.c.doc_id == where.doc)
        if where.actor:
            needle = where.actor
            like = f"%{needle}%"
            conditions.append(or_(*[
                c for p in ("source", "target") for c in (
                    events.c[f"{p}_code"] == needle.upper(), events.c[f"{p}_country"] == needle.upper(),
                    events.c[f"{p}_org"] == needle.upper(), events.c[f"{p}_text"].ilike(like),
                    events.c[f"{p}_name"].ilike(like))]))
        if where.code:
            conditions.append(events.c.cameo.startswith(where.code, autoescape=True))
        if where.since:
            conditions.append(events.c.date_start >= where.since)
        if where.until:
            conditions.append(events.c.date_start <= where.until)
        query = select(events).where(and_(True, *conditions)).order_by(
            events.c.doc_id, events.c.sentence_index, events.c.start_char)
        if where.limit:
            query = query.limit(where.limit)
        return [row_event(r) for r in self._rows(query)]

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

    def _rows(self, query: Any) -> Iterator[Any]:
        try:
            with self.engine.connect() as conn:
                yield from conn.execute(query)
        except DBAPIError as exc:
            raise StoreError(f"{self.label}: cannot read: {_reason(exc)}") from None

    def close(self) -> None:
        self.engine.dispose()


def _unique_rows(doc_events: Sequence[Event]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    rows = []
    for e in doc_events:
        if e.event_id not in seen:
            seen.add(e.event_id)
            rows.append(event_row(e))
    return rows


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _reason(exc: DBAPIError) -> str:
    return str(exc.orig).splitlines()[0] if exc.orig is not None else str(exc).splitlines()[0]
