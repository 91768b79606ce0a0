"""Deduplication: the mentions of one real-world event in several articles grouped into an event cluster.

Event datasets are notorious for counting reports instead of events. Two mentions belong to the same
cluster when all of these hold:

- the same CAMEO root (``04`` consult, ``19`` fight ...);
- the same dyad: source and target compared by country, else organisation, else actor code (see
  ``schema.actor_key``); for meetings and agreements (root ``04``, code ``057``) either order, since
  "Iran visited Russia" and "Russia hosted Iran" report one meeting;
- compatible dates: no date on either side, or date ranges that overlap within a day (three days when
  a date is only the document's publication date, which lags the event), with every dated mention of
  the cluster, so that daily reports cannot chain one cluster across weeks;
- compatible places: no place on either side, or the same country and, when both name a city or a
  finer place, the same name;
- compatible modalities: what happened (asserted, claimed, negated, denied: claims about one event)
  is never grouped with what is planned or hypothetical (a future event is another event).

A new mention joins the best compatible cluster already stored (same code first, then the same day,
then the same place, then the oldest id), else founds its own. The cluster id is the event id of the
founding mention, so ids do not change when more reports arrive, and a re-ingested document's mentions
rejoin the clusters they left. Assignment runs inside the writing transaction, which holds the store's
write lock, so two writers cannot found twin clusters for one event.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, and_, bindparam, case, func, or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from dragoman.records import Event
from dragoman.store.schema import documents, events
from dragoman.store.sql import execute

CLUSTER_COLUMNS = ("event_id", "cluster_id", "doc_id", "cameo", "root", "source_key", "target_key",
                   "date_start", "date_end", "date_source", "location_name", "location_country",
                   "location_precision", "modality")
IRREALIS = {"planned", "hypothetical"}
FINE_PLACES = {"city", "site", "point", None}
_PRECISION_RANK = {"day": 0, "range": 1, "month": 2, "year": 3}


@dataclass(frozen=True)
class DocumentInfo:
    """Where a mention was reported: enough to cite it and to count distinct sources."""

    doc_id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None

    @property
    def source(self) -> str:
        """The publisher when known, else the document itself."""
        return self.outlet or self.doc_id


@dataclass(frozen=True)
class Cluster:
    """One event and every mention of it; ``mentions[0]`` is the representative mention.

    ``matched`` holds the ids of the mentions that matched the query that found the cluster; in
    mention-counting mode each of them becomes its own unit (``split``).
    """

    cluster_id: str
    mentions: tuple[Event, ...]
    documents: tuple[DocumentInfo, ...] = ()
    matched: tuple[str, ...] = ()

    @classmethod
    def of(cls, event: Event, document: DocumentInfo | None = None, cluster_id: str | None = None) -> Cluster:
        return cls(cluster_id or event.event_id, (event,), (document or DocumentInfo(event.doc_id),),
                   (event.event_id,))

    @property
    def event(self) -> Event:
        return self.mentions[0]

    @property
    def n_mentions(self) -> int:
        return len(self.mentions)

    @property
    def n_documents(self) -> int:
        return len({m.doc_id for m in self.mentions})

    @property
    def n_sources(self) -> int:
        return len({d.source for d in self.documents}) or self.n_documents

    @property
    def date_start(self) -> str | None:
        starts = [m.date.start for m in self.mentions if m.date]
        return min(starts) if starts else None

    @property
    def date_end(self) -> str | None:
        ends = [m.date.end for m in self.mentions if m.date]
        return max(ends) if ends else None

    def document(self, doc_id: str) -> DocumentInfo:
        return next((d for d in self.documents if d.doc_id == doc_id), DocumentInfo(doc_id))

    def split(self) -> list[Cluster]:
        """One unit per matched mention (counting mentions instead of events)."""
        return [replace(self, mentions=(m,), documents=(self.document(m.doc_id),), matched=(m.event_id,))
                for m in self.mentions if m.event_id in self.matched]


def representative_order(event: Event) -> tuple[Any, ...]:
    """Asserted before reported or planned, precise dates first, then the most confident."""
    precision = _PRECISION_RANK.get(event.date.precision, 4) if event.date else 5
    return (event.modality != "asserted", precision, -event.confidence, event.doc_id,
            event.evidence.sentence_index, event.evidence.start_char, event.event_id)


def make_cluster(cluster_id: str, mentions: Iterable[Event], docs: dict[str, DocumentInfo],
                 matched: Iterable[str]) -> Cluster:
    ordered = tuple(sorted(mentions, key=representative_order))
    doc_ids = sorted({m.doc_id for m in ordered})
    wanted = matched if isinstance(matched, (set, frozenset)) else set(matched)
    return Cluster(cluster_id, ordered, tuple(docs.get(d, DocumentInfo(d)) for d in doc_ids),
                   tuple(m.event_id for m in ordered if m.event_id in wanted))


# --- assignment ---------------------------------------------------------------------------------------

def symmetric(cameo: str | None) -> bool:
    return (cameo or "").startswith(("04", "057"))


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        return None


def _tolerance(a: dict[str, Any], b: dict[str, Any]) -> int:
    return 3 if "document" in (a.get("date_source"), b.get("date_source")) else 1


def dates_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    a_start, b_start = _day(a.get("date_start") or ""), _day(b.get("date_start") or "")
    if a_start is None or b_start is None:
        return True
    a_end = _day(a.get("date_end") or "") or a_start
    b_end = _day(b.get("date_end") or "") or b_start
    slack = dt.timedelta(days=_tolerance(a, b))
    return a_start <= b_end + slack and b_start <= a_end + slack


def places_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if not a.get("location_name") or not b.get("location_name"):
        return True
    if a.get("location_country") and b.get("location_country") and a["location_country"] != b["location_country"]:
        return False
    fine = a.get("location_precision") in FINE_PLACES and b.get("location_precision") in FINE_PLACES
    return not fine or str(a["location_name"]).casefold() == str(b["location_name"]).casefold()


def same_dyad(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if (a["source_key"], a["target_key"]) == (b["source_key"], b["target_key"]):
        return True
    return (symmetric(a["cameo"]) and symmetric(b["cameo"])
            and (a["source_key"], a["target_key"]) == (b["target_key"], b["source_key"]))


def compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return (a["root"] == b["root"] and same_dyad(a, b) and dates_compatible(a, b)
            and places_compatible(a, b) and (a.get("modality") in IRREALIS) == (b.get("modality") in IRREALIS))


_CANDIDATE_COLUMNS = tuple(c for c in CLUSTER_COLUMNS if c not in ("event_id", "doc_id"))
_DYADS_PER_QUERY = 200


def _dyad_keys(row: dict[str, Any]) -> list[tuple[str | None, str | None]]:
    keys = [(row["source_key"], row["target_key"])]
    if symmetric(row["cameo"]):
        keys.append((row["target_key"], row["source_key"]))
    return keys


def _candidates(conn: Connection, rows: Sequence[dict[str, Any]]) -> dict[tuple[Any, ...], list[dict[str, Any]]]:
    """Stored mentions that might share a cluster with one of ``rows`` (same root and dyad, near in
    time), a query per 200 dyads of the rows, indexed by (root, source key, target key). Mentions that agree
    on every compared column are read once (DISTINCT), so a much-reported event costs one row."""
    pairs = sorted({(row["root"], *key) for row in rows for key in _dyad_keys(row)}, key=str)
    if not pairs:
        return {}
    starts = [_day(r.get("date_start") or "") for r in rows]
    ends = [_day(r.get("date_end") or r.get("date_start") or "") for r in rows]
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
    return select(*[events.c[c] for c in _CANDIDATE_COLUMNS]).where(dyads, *conditions).distinct()


def _fitting(row: dict[str, Any], found: dict[tuple[Any, ...], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    return [c for key in _dyad_keys(row) for c in found.get((row["root"], *key), [])]


Extent = tuple[dt.date | None, dt.date | None, bool]  # latest start, earliest end, any document date


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
            out[cid] = (_day(latest_start or ""), _day(earliest_end or ""), bool(any_doc))
    return out


_IDS_PER_QUERY = 500


@lru_cache(maxsize=_IDS_PER_QUERY)
def _extents_query(n: int) -> Select[Any]:
    """The query of ``_extents`` for ``n`` cluster ids, parameters ``c0`` ... (one per id, not an expanding
    parameter, so that it compiles to plain SQL once per number of ids)."""
    return select(events.c.cluster_id, func.max(events.c.date_start), func.min(events.c.date_end),
                  func.max(case((events.c.date_source == "document", 1), else_=0))).where(
        events.c.cluster_id.in_([bindparam(f"c{k}") for k in range(n)]), events.c.date_start.is_not(None)).group_by(
        events.c.cluster_id)


def _extend(extent: Extent | None, row: dict[str, Any]) -> Extent | None:
    start = _day(row.get("date_start") or "")
    if start is None:
        return extent
    end = _day(row.get("date_end") or "") or start
    doc = row.get("date_source") == "document"
    if extent is None or extent[0] is None or extent[1] is None:
        return (start, end, doc)
    return (max(extent[0], start), min(extent[1], end), extent[2] or doc)


def _within(row: dict[str, Any], extent: Extent | None) -> bool:
    start = _day(row.get("date_start") or "")
    if extent is None or start is None or extent[0] is None or extent[1] is None:
        return True
    end = _day(row.get("date_end") or "") or start
    slack = dt.timedelta(days=3 if extent[2] or row.get("date_source") == "document" else 1)
    return start <= extent[1] + slack and extent[0] <= end + slack


def _best(row: dict[str, Any], candidates: Sequence[dict[str, Any]], extents: dict[str, Extent]) -> str | None:
    fitting = [c for c in candidates if compatible(row, c) and _within(row, extents.get(c["cluster_id"]))]
    if not fitting:
        return None
    best = min(fitting, key=lambda c: (c["cameo"] != row["cameo"], c["date_start"] != row.get("date_start"),
                                       c["location_name"] != row.get("location_name"), c["cluster_id"]))
    return str(best["cluster_id"])


def assign_clusters(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Set ``cluster_id`` on each new event row (one document's, in order) before it is inserted."""
    found = _candidates(conn, rows)
    extents = _extents(conn, (c["cluster_id"] for cs in found.values() for c in cs))
    assign_rows(rows, found, extents)


def assign_in_order(documents: Iterable[Sequence[dict[str, Any]]]) -> None:
    """Set ``cluster_id`` on the event rows of each document, documents in ingestion order, without a
    database: the same clusters as saving the documents one after another into an empty store.

    Only mentions with the same root and the same dyad (either order) can share a cluster, so the rows
    may be split by ``block_key`` and each block assigned on its own (the distributed runner does).
    """
    found: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    extents: dict[str, Extent] = {}
    for rows in documents:
        assign_rows(rows, found, extents)
        for row in rows:
            found[(row["root"], row["source_key"], row["target_key"])].append(
                {c: row.get(c) for c in _CANDIDATE_COLUMNS})


def block_key(row: dict[str, Any]) -> tuple[str, str, str]:
    """Rows that may share a cluster have the same block key: the root and the unordered dyad."""
    a, b = sorted((str(row["source_key"]), str(row["target_key"])))
    return (str(row["root"]), a, b)


def assign_rows(rows: Sequence[dict[str, Any]], found: dict[tuple[Any, ...], list[dict[str, Any]]],
                extents: dict[str, Extent]) -> None:
    """Set ``cluster_id`` on one document's rows, given the stored mentions that might share a cluster
    (``found``, by root and dyad) and the date extents of their clusters (updated here)."""
    # the document's earlier rows, indexed like ``found`` (only the same root and dyad can match) and read
    # once per distinct compared columns: a 20 MB report with 80,000 events compared each with every
    # earlier one (quadratic) and was never stored
    earlier: dict[tuple[Any, ...], dict[tuple[Any, ...], dict[str, Any]]] = defaultdict(dict)
    for row in rows:
        candidates = [c for key in _dyad_keys(row) for c in earlier.get((row["root"], *key), {}).values()]
        cluster = _best(row, candidates + _fitting(row, found), extents) or row["event_id"]
        row["cluster_id"] = cluster
        extent = _extend(extents.get(cluster), row)
        if extent is not None:
            extents[cluster] = extent
        compared = tuple(row.get(c) for c in _CANDIDATE_COLUMNS)
        earlier[(row["root"], row["source_key"], row["target_key"])].setdefault(compared, row)


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
        candidates = _fitting(row, _candidates(conn, [row]))
        extents = _extents(conn, (c["cluster_id"] for c in candidates))
        cluster_id = _best(row, candidates, extents) or row["event_id"]
        conn.execute(update(events).where(events.c.event_id == row["event_id"]).values(cluster_id=cluster_id))
        n += 1
    return n
