"""The database side of deduplication: the stored mentions a new document's mentions might join, read
with a few prepared queries, and reclustering a whole store. The rules themselves (what may share a
cluster, which cluster a mention joins) are in ``store.clusters``, which needs no database."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, and_, bindparam, case, func, or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from dragoman.store.clusters import (
    CANDIDATE_COLUMNS,
    CLUSTER_COLUMNS,
    Extent,
    assign_rows,
    best_cluster,
    day_of,
    dyad_keys,
    fitting,
)
from dragoman.store.schema import documents, events
from dragoman.store.sql import execute

_DYADS_PER_QUERY = 200
_IDS_PER_QUERY = 500


def _candidates(conn: Connection, rows: Sequence[dict[str, Any]]) -> dict[tuple[Any, ...], list[dict[str, Any]]]:
    """Stored mentions that might share a cluster with one of ``rows`` (same root and dyad, near in
    time), a query per 200 dyads of the rows, indexed by (root, source key, target key). Mentions that agree
    on every compared column are read once (DISTINCT), so a much-reported event costs one row."""
    pairs = sorted({(row["root"], *key) for row in rows for key in dyad_keys(row)}, key=str)
    if not pairs:
        return {}
    starts = [day_of(r.get("date_start") or "") for r in rows]
    ends = [day_of(r.get("date_end") or r.get("date_start") or "") for r in rows]
    dated = all(d is not None for d in starts + ends)
    window: dict[str, str] = {}
    if dated:
        window = {"lo": (min(d for d in starts if d) - dt.timedelta(days=3)).isoformat(),
                  "hi": (max(d for d in ends if d) + dt.timedelta(days=3)).isoformat()}
    found: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    # a few hundred dyads a query: SQLite refuses an expression more than 1,000 deep (a long report may
    # hold thousands of distinct dyads); a stored mention matches one dyad, so the batches never overlap
    for i in range(0, len(pairs), _DYADS_PER_QUERY):
        batch = pairs[i:i + _DYADS_PER_QUERY]
        query = _candidate_query(tuple((sk is None, tk is None) for _root, sk, tk in batch), dated)
        values = {f"{name}{n}": value for n, dyad in enumerate(batch) for name, value in zip("rst", dyad, strict=True)
                  if value is not None}
        result = execute(conn, query, {**values, **window})
        names = list(result.keys())
        for r in result:
            m = dict(zip(names, r, strict=True))
            found[(m["root"], m["source_key"], m["target_key"])].append(m)
    return found


@lru_cache(maxsize=256)
def _candidate_query(shape: tuple[tuple[bool, bool], ...], dated: bool) -> Select[Any]:
    """The query of ``_candidates`` for dyads whose source and target keys are missing (True) or not as in
    ``shape``, with parameters ``r0``, ``s0``, ``t0`` ... (and ``lo``, ``hi`` when ``dated``): built once
    per shape, since building it cost SQLAlchemy more than running it (and run as the driver's SQL)."""
    def key(column: ColumnElement[Any], name: str, missing: bool) -> ColumnElement[bool]:
        return column.is_(None) if missing else column == bindparam(name)

    dyads = or_(*[and_(events.c.root == bindparam(f"r{n}"), key(events.c.source_key, f"s{n}", no_source),
                       key(events.c.target_key, f"t{n}", no_target))
                  for n, (no_source, no_target) in enumerate(shape)])
    conditions: list[ColumnElement[bool]] = [events.c.cluster_id.is_not(None)]
    if dated:
        conditions.append(or_(events.c.date_start.is_(None), and_(events.c.date_start <= bindparam("hi"),
                                                                  events.c.date_end >= bindparam("lo"))))
    return select(*[events.c[c] for c in CANDIDATE_COLUMNS]).where(dyads, *conditions).distinct()


def _extents(conn: Connection, cluster_ids: Iterable[str]) -> dict[str, Extent]:
    """Per cluster, what a new mention's date must agree with: every dated mention of the cluster
    (complete linkage, so that reports a day apart cannot chain one event across weeks)."""
    ids = sorted(set(cluster_ids))
    out: dict[str, Extent] = {}
    for i in range(0, len(ids), _IDS_PER_QUERY):
        batch = ids[i:i + _IDS_PER_QUERY]
        query = _extents_query(len(batch))
        for row in execute(conn, query, {f"c{n}": c for n, c in enumerate(batch)}):
            cid, latest_start, earliest_end, any_doc = tuple(row)
            out[cid] = (day_of(latest_start or ""), day_of(earliest_end or ""), bool(any_doc))
    return out


@lru_cache(maxsize=_IDS_PER_QUERY)
def _extents_query(n: int) -> Select[Any]:
    """The query of ``_extents`` for ``n`` cluster ids, parameters ``c0`` ... (one per id, not an expanding
    parameter, so that it compiles to plain SQL once per number of ids)."""
    return select(events.c.cluster_id, func.max(events.c.date_start), func.min(events.c.date_end),
                  func.max(case((events.c.date_source == "document", 1), else_=0))).where(
        events.c.cluster_id.in_([bindparam(f"c{k}") for k in range(n)]), events.c.date_start.is_not(None)).group_by(
        events.c.cluster_id)


def assign_clusters(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Set ``cluster_id`` on each new event row (one document's, in order) before it is inserted."""
    found = _candidates(conn, rows)
    extents = _extents(conn, (c["cluster_id"] for cs in found.values() for c in cs))
    assign_rows(rows, found, extents)


def recluster(conn: Connection, only_missing: bool = False) -> int:
    """Assign clusters to stored events in ingestion order (all of them, or those without one)."""
    if not only_missing:
        conn.execute(update(events).values(cluster_id=None))
    order = select(*[events.c[c] for c in CLUSTER_COLUMNS]).select_from(
        events.join(documents, documents.c.doc_id == events.c.doc_id)).where(
        events.c.cluster_id.is_(None)).order_by(documents.c.ingested_at, events.c.doc_id,
                                                events.c.sentence_index, events.c.start_char, events.c.event_id)
    n = 0
    for row in [dict(r._mapping) for r in conn.execute(order)]:
        candidates = fitting(row, _candidates(conn, [row]))
        extents = _extents(conn, (c["cluster_id"] for c in candidates))
        cluster_id = best_cluster(row, candidates, extents) or row["event_id"]
        conn.execute(update(events).where(events.c.event_id == row["event_id"]).values(cluster_id=cluster_id))
        n += 1
    return n
