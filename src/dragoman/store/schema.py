"""The database schema (SQLAlchemy Core) and the row <-> record mapping; the migrations are in
``migrations.py``.

The same tables serve SQLite and PostgreSQL. Columns are flat with plain names, and the views
``event_view``, ``cluster_view`` and ``document_view`` read well in Datasette or any SQL client.

The ``Table`` objects describe the newest shape. Each migration is a function applied once, in order,
recorded in ``schema_version``; it brings a database of the previous version to the next one and is
idempotent (it checks before it adds), so a fresh database and an upgraded one end up the same.
"""

from __future__ import annotations

import json
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
