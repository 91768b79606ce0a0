"""Browsing a large store a page at a time: what the web app's tables and API ask for.

``Store.units`` reads every matching event to build its list, which is right for exports and analyses
but not for showing page 3 of 100,000 events. ``page`` selects with the same ``EventFilter`` conditions
(store/query.py), sorts and slices in SQL, and builds full ``Cluster`` objects only for the rows of
the page; ``facets`` counts the selection by quad class, CAMEO root, PLOVER type, modality and actor;
``places`` sums it by place for a map. Clusters are counted when they have at least one matching
mention, as ``Store.units`` does; ``mentions=True`` counts every matching report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, desc, func, select

from dragoman.errors import DragomanError
from dragoman.store.clusters import Cluster, make_cluster
from dragoman.store.database import Store
from dragoman.store.query import EventFilter, conditions
from dragoman.store.schema import events, row_event

# Sort keys a table may offer: for mentions any of these columns, for clusters their aggregate.
SORTS = ("date", "code", "source", "target", "goldstein", "mentions", "place", "doc")
FACETS = ("quad_class", "root", "plover_event", "modality", "source_key", "target_key")
MAX_PAGE = 500


@dataclass(frozen=True)
class Page:
    """One page of a selection: its units in order and the size of the whole selection."""

    units: tuple[Cluster, ...]
    total: int
    offset: int
    limit: int

    @property
    def has_next(self) -> bool:
        return self.offset + len(self.units) < self.total


@dataclass(frozen=True)
class PlaceCount:
    name: str
    country: str | None
    lat: float
    lon: float
    count: int


def _mention_sort(key: str) -> list[Any]:
    columns: dict[str, list[Any]] = {
        "date": [func.coalesce(events.c.date_start, "9999")],
        "code": [events.c.cameo],
        "source": [events.c.source_code],
        "target": [events.c.target_code],
        "goldstein": [events.c.goldstein],
        "mentions": [events.c.cluster_id],
        "place": [events.c.location_name],
        "doc": [events.c.doc_id],
    }
    return columns[key]


def _cluster_sort(key: str) -> Any:
    aggregates: dict[str, Any] = {
        "date": func.coalesce(func.min(events.c.date_start), "9999"),
        "code": func.min(events.c.cameo),
        "source": func.min(events.c.source_code),
        "target": func.min(events.c.target_code),
        "goldstein": func.min(events.c.goldstein),
        "mentions": func.count(),
        "place": func.min(events.c.location_name),
        "doc": func.min(events.c.doc_id),
    }
    return aggregates[key]


def _check(sort: str, limit: int, offset: int) -> None:
    if sort not in SORTS:
        raise DragomanError(f"unknown sort {sort!r}; use one of: {', '.join(SORTS)}")
    if not 1 <= limit <= MAX_PAGE:
        raise DragomanError(f"page size {limit} out of range (1 to {MAX_PAGE})")
    if offset < 0:
        raise DragomanError(f"offset {offset} is negative")


def page(store: Store, where: EventFilter | None = None, *, mentions: bool = False, sort: str = "date",
         descending: bool = False, offset: int = 0, limit: int = 50) -> Page:
    """Units ``offset`` to ``offset + limit`` of the selection in ``sort`` order, and its total size.

    ``where.limit`` is ignored: paging replaces it. Ties are broken by id, so pages never overlap.
    """
    _check(sort, limit, offset)
    cond = conditions(where or EventFilter())
    if mentions:
        return _mention_page(store, cond, sort, descending, offset, limit)
    return _cluster_page(store, cond, sort, descending, offset, limit)


def _mention_page(store: Store, cond: list[ColumnElement[bool]], sort: str, descending: bool, offset: int,
                  limit: int) -> Page:
    """The page's ids are sorted first (narrow rows, with the selection's size as a window count when
    there is a filter: one pass), then its rows are read by id."""
    order = [desc(c) if descending else c for c in _mention_sort(sort)] + [events.c.event_id]
    columns: list[Any] = [events.c.event_id]
    if cond:
        columns.append(func.count().over().label("selection_size"))
    picked = list(store._rows(select(*columns).where(*cond).order_by(*order).offset(offset).limit(limit)))
    if cond and picked:
        total = int(picked[0]._mapping["selection_size"])
    else:
        total = _scalar(store, select(func.count()).select_from(events).where(*cond))
    ids = [r[0] for r in picked]
    rows = {r._mapping["event_id"]: r for r in store._rows(select(events).where(events.c.event_id.in_(ids)))}
    found = [(row_event(rows[i]), rows[i]._mapping["cluster_id"]) for i in ids if i in rows]
    docs = store._document_infos({e.doc_id for e, _ in found})
    units = tuple(Cluster.of(e, docs.get(e.doc_id), cluster_id) for e, cluster_id in found)
    return Page(units, total, offset, limit)


def _cluster_page(store: Store, cond: list[ColumnElement[bool]], sort: str, descending: bool, offset: int,
                  limit: int) -> Page:
    """Clusters with a matching mention, ordered by an aggregate over all their mentions. With a
    filter, one pass finds the matching clusters, their mentions are grouped through the cluster-date
    index, and the number of clusters comes with the page as a window count; without one, that index
    serves both the grouping and the count."""
    key = _cluster_sort(sort)
    columns: list[Any] = [events.c.cluster_id]
    scope: list[ColumnElement[bool]] = []
    if cond:
        scope = [events.c.cluster_id.in_(select(events.c.cluster_id).where(*cond))]
        columns.append(func.count().over().label("selection_size"))
    query = (select(*columns).where(*scope).group_by(events.c.cluster_id)
             .order_by(desc(key) if descending else key, events.c.cluster_id).offset(offset).limit(limit))
    rows = list(store._rows(query))
    ids = [r[0] for r in rows]
    if cond and rows:
        total = int(rows[0]._mapping["selection_size"])
    else:
        total = _scalar(store, select(func.count(events.c.cluster_id.distinct())).where(*cond))
    if not ids:
        return Page((), total, offset, limit)
    by_cluster: dict[str, list[Any]] = {cid: [] for cid in ids}
    for row in store._rows(select(events).where(events.c.cluster_id.in_(ids))):
        by_cluster[row._mapping["cluster_id"]].append(row_event(row))
    matched = {r[0] for r in store._rows(select(events.c.event_id).where(events.c.cluster_id.in_(ids), *cond))}
    docs = store._document_infos({m.doc_id for ms in by_cluster.values() for m in ms})
    units = tuple(make_cluster(cid, by_cluster[cid], docs, matched) for cid in ids)
    return Page(units, total, offset, limit)


def facets(store: Store, where: EventFilter | None = None, *, mentions: bool = False,
           top: int = 12) -> dict[str, list[tuple[Any, int]]]:
    """For each of ``FACETS``, its most frequent values in the selection with their counts.

    In cluster mode a cluster counts once under each value one of its matching mentions has. Without a
    filter each facet is one GROUP BY over its column; with one, a single pass reads the facet columns
    of the matching mentions (scanning the filter once, not six times) and they are counted here.
    """
    cond = conditions(where or EventFilter())
    counts: dict[str, Counter[Any]] = {}
    if not cond:
        for name in FACETS:
            column = events.c[name]
            counted = func.count() if mentions else func.count(events.c.cluster_id.distinct())
            query = select(column, counted).where(column.is_not(None)).group_by(column)
            counts[name] = Counter({r[0]: int(r[1]) for r in store._rows(query)})
    else:
        columns = [events.c[name] for name in FACETS]
        rows = list(store._rows(select(*columns, events.c.cluster_id).where(*cond)))
        for i, name in enumerate(FACETS):
            if mentions:
                counts[name] = Counter(r[i] for r in rows if r[i] is not None)
            else:  # each cluster once per value
                counts[name] = Counter(value for value, _ in {(r[i], r[-1]) for r in rows if r[i] is not None})
    return {name: sorted(c.items(), key=lambda kv: (-kv[1], str(kv[0])))[:top] for name, c in counts.items()}


def places(store: Store, where: EventFilter | None = None, *, mentions: bool = False,
           top: int = 500) -> list[PlaceCount]:
    """The selection's located events summed by place (name and coordinates), most frequent first."""
    cond = conditions(where or EventFilter())
    counted = func.count() if mentions else func.count(events.c.cluster_id.distinct())
    columns = (events.c.location_name, events.c.location_country, events.c.location_lat, events.c.location_lon)
    query = (select(*columns, counted.label("n"))
             .where(*cond, events.c.location_lat.is_not(None), events.c.location_lon.is_not(None))
             .group_by(*columns).order_by(desc("n"), events.c.location_name).limit(top))
    return [PlaceCount(r[0], r[1], float(r[2]), float(r[3]), int(r[4])) for r in store._rows(query)]


def document_events(store: Store, doc_id: str) -> list[tuple[str, Any]]:
    """``(cluster_id, Event)`` of every mention in document ``doc_id``, in text order."""
    query = select(events).where(events.c.doc_id == doc_id).order_by(events.c.start_char, events.c.event_id)
    return [(r._mapping["cluster_id"], row_event(r)) for r in store._rows(query)]


def _scalar(store: Store, query: Any) -> int:
    rows: Sequence[Any] = list(store._rows(query))
    return int(rows[0][0] or 0) if rows else 0


def event_with_cluster(store: Store, event_id: str) -> tuple[Any, Cluster] | None:
    """The event of id ``event_id`` (exactly: URLs hold whole ids) and its cluster, with every report."""
    rows = list(store._rows(select(events).where(events.c.event_id == event_id)))
    if not rows:
        return None
    event = row_event(rows[0])
    cluster_id = rows[0]._mapping["cluster_id"]
    cluster = store.cluster(cluster_id) if cluster_id else None
    return event, cluster or Cluster.of(event)
