"""The database schema (SQLAlchemy Core) and its migrations, and the row <-> record mapping.

The same tables serve SQLite and PostgreSQL. Columns are flat with plain names, and the views
``event_view``, ``cluster_view`` and ``document_view`` read well in Datasette or any SQL client.

The ``Table`` objects describe the newest shape. Each migration is a function applied once, in order,
recorded in ``schema_version``; it brings a database of the previous version to the next one and is
idempotent (it checks before it adds), so a fresh database and an upgraded one end up the same.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import text as sql
from sqlalchemy.engine import Connection

from dragoman.records import Actor, Attribution, Event, EventDate, Evidence, Place

metadata = MetaData()

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", String(40), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("doc_id", String(400), primary_key=True),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("title", Text),
    Column("url", Text),
    Column("published", String(40)),
    Column("origin", Text),
    Column("ingested_at", String(40), nullable=False),
    Column("n_events", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("outlet", String(200)),  # the publisher (host of the URL) when known: counts "sources"
    Column("meta", Text),  # JSON object of the reader's extras: author, site, dateline, wire ...
)


def _actor_columns(prefix: str) -> list[Column[Any]]:
    return [
        Column(f"{prefix}_text", Text),
        Column(f"{prefix}_name", Text),
        Column(f"{prefix}_code", String(40), index=True),
        Column(f"{prefix}_country", String(3), index=True),
        Column(f"{prefix}_org", String(40)),
        Column(f"{prefix}_sector", String(3)),
        Column(f"{prefix}_how", Text),
        Column(f"{prefix}_entry", Text),
    ]


events = Table(
    "events", metadata,
    Column("event_id", String(40), primary_key=True),
    Column("doc_id", String(400), ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False, index=True),
    Column("sentence_index", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("pattern", String(200), nullable=False),
    Column("notes", Text, nullable=False),  # JSON list of strings: how the event was coded
    Column("cameo", String(4), nullable=False, index=True),  # a string: "010" is not "10"
    Column("root", String(2), nullable=False, index=True),
    Column("quad_class", Integer, nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("plover_event", String(40)),
    Column("plover_mode", String(40)),
    *_actor_columns("source"),
    *_actor_columns("target"),
    Column("date_start", String(10), index=True),
    Column("date_end", String(10)),
    Column("date_precision", String(10)),
    Column("date_text", Text),
    Column("date_source", String(10)),
    Column("location_name", Text),
    Column("location_country", String(3)),
    Column("location_lat", Float),
    Column("location_lon", Float),
    Column("location_geonameid", Integer),
    Column("location_feature", String(10)),
    Column("location_text", Text),
    Column("location_precision", String(10)),
    Column("modality", String(20), nullable=False),
    Column("attribution_text", Text),
    Column("attribution_code", String(40)),
    Column("attribution_country", String(3)),
    Column("attribution_org", String(40)),
    Column("confidence", Float, nullable=False),
    # deduplication (store/clusters.py): who the two sides are, and the event cluster of this mention
    Column("source_key", String(40)),
    Column("target_key", String(40)),
    Column("cluster_id", String(40), index=True),
)

Index("ix_events_dyad", events.c.source_country, events.c.target_country)
Index("ix_events_cluster_key", events.c.root, events.c.source_key, events.c.target_key, events.c.date_start)
# clusters in date order a page at a time (store/browse.py) read this index alone, not the table
Index("ix_events_cluster_date", events.c.cluster_id, events.c.date_start)


def actor_key(country: str | None, org: str | None, code: str | None) -> str | None:
    """The identity of an actor for deduplication: its country, else its organisation, else its code."""
    return country or org or code


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
    from dragoman.store.clusters import recluster  # late: clusters imports this module

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


def event_row(event: Event) -> dict[str, Any]:
    row: dict[str, Any] = {
        "event_id": event.event_id, "doc_id": event.doc_id,
        "sentence_index": event.evidence.sentence_index, "sentence": event.evidence.sentence,
        "start_char": event.evidence.start_char, "end_char": event.evidence.end_char,
        "trigger": event.evidence.trigger, "pattern": event.evidence.pattern,
        "notes": json.dumps(list(event.evidence.notes)),
        "cameo": event.cameo, "root": event.root, "quad_class": event.quad_class, "goldstein": event.goldstein,
        "plover_event": event.plover_event, "plover_mode": event.plover_mode,
        "modality": event.modality, "confidence": event.confidence,
        "source_key": actor_key(*_keys(event.source)), "target_key": actor_key(*_keys(event.target)),
    }
    for prefix, actor in (("source", event.source), ("target", event.target)):
        for name in ("text", "name", "code", "country", "org", "sector", "how", "entry"):
            row[f"{prefix}_{name}"] = getattr(actor, name) if actor else None
    d = event.date
    row.update(date_start=d.start if d else None, date_end=d.end if d else None,
               date_precision=d.precision if d else None, date_text=d.text if d else None,
               date_source=d.source if d else None)
    p = event.location
    for name in ("name", "country", "lat", "lon", "geonameid", "feature", "text", "precision"):
        row[f"location_{name}"] = getattr(p, name) if p else None
    a = event.attribution
    for name in ("text", "code", "country", "org"):
        row[f"attribution_{name}"] = getattr(a, name) if a else None
    return row


def _keys(actor: Actor | None) -> tuple[str | None, str | None, str | None]:
    return (actor.country, actor.org, actor.code) if actor else (None, None, None)


def row_event(row: Any) -> Event:
    m = row._mapping

    def actor(prefix: str) -> Actor | None:
        if m[f"{prefix}_code"] is None:
            return None
        return Actor(text=m[f"{prefix}_text"], name=m[f"{prefix}_name"], code=m[f"{prefix}_code"],
                     country=m[f"{prefix}_country"], org=m[f"{prefix}_org"], sector=m[f"{prefix}_sector"],
                     how=m[f"{prefix}_how"] or "", entry=m[f"{prefix}_entry"])

    date = None
    if m["date_start"] is not None:
        date = EventDate(m["date_start"], m["date_end"], m["date_precision"], m["date_text"], m["date_source"])
    place = None
    if m["location_name"] is not None:
        place = Place(m["location_name"], m["location_country"], m["location_lat"], m["location_lon"],
                      m["location_geonameid"], m["location_feature"], m["location_text"], m["location_precision"])
    attribution = None
    if m["attribution_text"] is not None:
        attribution = Attribution(m["attribution_text"], m["attribution_code"], m["attribution_country"],
                                  m["attribution_org"])
    evidence = Evidence(m["sentence"], m["sentence_index"], m["start_char"], m["end_char"], m["trigger"],
                        m["pattern"], tuple(json.loads(m["notes"])))
    return Event(doc_id=m["doc_id"], event_id=m["event_id"], cameo=m["cameo"], root=m["root"],
                 quad_class=m["quad_class"], goldstein=m["goldstein"], plover_event=m["plover_event"],
                 plover_mode=m["plover_mode"], source=actor("source"), target=actor("target"),
                 evidence=evidence, date=date, location=place, modality=m["modality"],
                 attribution=attribution, confidence=m["confidence"])
