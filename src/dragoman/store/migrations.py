"""Versioned migrations of the store's schema (``schema.py`` defines the tables): each step brings a
database of the previous version to the next one; ``Store`` records each applied step in ``schema_version``."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Table
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import text as sql
from sqlalchemy.engine import Connection

from dragoman.store.cluster_queries import recluster
from dragoman.store.schema import documents, events, metadata


def _v1(conn: Connection) -> None:
    metadata.create_all(conn, tables=[documents, events])


def _add_missing_columns(conn: Connection, table: Table) -> None:
    present = {c["name"] for c in sa_inspect(conn).get_columns(table.name)}
    preparer = conn.dialect.identifier_preparer
    for column in table.columns:
        if column.name not in present:
            kind = column.type.compile(dialect=conn.dialect)
            table_name, column_name = preparer.quote(table.name), preparer.quote(column.name)
            conn.execute(sql(f"ALTER TABLE {table_name} ADD COLUMN {column_name} {kind}"))


def _v2(conn: Connection) -> None:
    """Deduplication: actor keys, cluster ids and document outlets; existing events are clustered."""
    _add_missing_columns(conn, documents)
    _add_missing_columns(conn, events)
    for index in events.indexes:
        index.create(conn, checkfirst=True)
    recluster(conn, only_missing=True)


_VIEWS = {
    "document_view": """
        SELECT d.doc_id, d.title, d.url, d.outlet, d.published, d.ingested_at, d.n_events, d.origin,
               d.content_hash
        FROM documents d""",
    "event_view": """
        SELECT e.event_id, e.cluster_id, e.doc_id, d.title AS doc_title, d.outlet, d.published,
               e.date_start, e.date_end, e.date_precision, e.date_source,
               e.cameo, e.root, e.quad_class, e.goldstein, e.plover_event, e.plover_mode, e.modality,
               e.source_code, e.source_name, e.source_country, e.source_org, e.source_sector,
               e.target_code, e.target_name, e.target_country, e.target_org, e.target_sector,
               e.location_name, e.location_country, e.location_lat, e.location_lon,
               e.attribution_text, e.trigger, e.sentence, e.confidence
        FROM events e JOIN documents d ON d.doc_id = e.doc_id""",
    "cluster_view": """
        SELECT e.cluster_id, MIN(e.date_start) AS first_date, MAX(e.date_end) AS last_date,
               MIN(e.root) AS root, MIN(e.cameo) AS cameo, MIN(e.quad_class) AS quad_class,
               MIN(e.source_key) AS source, MIN(e.target_key) AS target,
               COUNT(*) AS mentions, COUNT(DISTINCT e.doc_id) AS documents,
               COUNT(DISTINCT COALESCE(d.outlet, e.doc_id)) AS sources
        FROM events e JOIN documents d ON d.doc_id = e.doc_id
        GROUP BY e.cluster_id""",
}


def _v3(conn: Connection) -> None:
    """Readable views for Datasette and SQL clients: plain column names, one row per thing."""
    for name, body in _VIEWS.items():
        conn.execute(sql(f"DROP VIEW IF EXISTS {name}"))
        conn.execute(sql(f"CREATE VIEW {name} AS {body}"))


def _v4(conn: Connection) -> None:
    """Documents keep their readers' metadata (author, site, dateline, wire) as a JSON object."""
    _add_missing_columns(conn, documents)


def _v5(conn: Connection) -> None:
    """An index of clusters by date, for tables that page through clusters (the web app)."""
    for index in events.indexes:
        index.create(conn, checkfirst=True)


MIGRATIONS: list[Callable[[Connection], None]] = [_v1, _v2, _v3, _v4, _v5]
