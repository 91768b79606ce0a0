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
from typing import Any

from dragoman.records import Event

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


def day_of(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        return None


def _tolerance(a: dict[str, Any], b: dict[str, Any]) -> int:
    return 3 if "document" in (a.get("date_source"), b.get("date_source")) else 1


def dates_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    a_start, b_start = day_of(a.get("date_start") or ""), day_of(b.get("date_start") or "")
    if a_start is None or b_start is None:
        return True
    a_end = day_of(a.get("date_end") or "") or a_start
    b_end = day_of(b.get("date_end") or "") or b_start
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


CANDIDATE_COLUMNS = tuple(c for c in CLUSTER_COLUMNS if c not in ("event_id", "doc_id"))


def dyad_keys(row: dict[str, Any]) -> list[tuple[str | None, str | None]]:
    keys = [(row["source_key"], row["target_key"])]
    if symmetric(row["cameo"]):
        keys.append((row["target_key"], row["source_key"]))
    return keys


def fitting(row: dict[str, Any], found: dict[tuple[Any, ...], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    return [c for key in dyad_keys(row) for c in found.get((row["root"], *key), [])]


Extent = tuple[dt.date | None, dt.date | None, bool]  # latest start, earliest end, any document date


def _extend(extent: Extent | None, row: dict[str, Any]) -> Extent | None:
    start = day_of(row.get("date_start") or "")
    if start is None:
        return extent
    end = day_of(row.get("date_end") or "") or start
    doc = row.get("date_source") == "document"
    if extent is None or extent[0] is None or extent[1] is None:
        return (start, end, doc)
    return (max(extent[0], start), min(extent[1], end), extent[2] or doc)


def _within(row: dict[str, Any], extent: Extent | None) -> bool:
    start = day_of(row.get("date_start") or "")
    if extent is None or start is None or extent[0] is None or extent[1] is None:
        return True
    end = day_of(row.get("date_end") or "") or start
    slack = dt.timedelta(days=3 if extent[2] or row.get("date_source") == "document" else 1)
    return start <= extent[1] + slack and extent[0] <= end + slack


def best_cluster(row: dict[str, Any], candidates: Sequence[dict[str, Any]], extents: dict[str, Extent]) -> str | None:
    fitting = [c for c in candidates if compatible(row, c) and _within(row, extents.get(c["cluster_id"]))]
    if not fitting:
        return None
    best = min(fitting, key=lambda c: (c["cameo"] != row["cameo"], c["date_start"] != row.get("date_start"),
                                       c["location_name"] != row.get("location_name"), c["cluster_id"]))
    return str(best["cluster_id"])


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
                {c: row.get(c) for c in CANDIDATE_COLUMNS})


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
        candidates = [c for key in dyad_keys(row) for c in earlier.get((row["root"], *key), {}).values()]
        cluster = best_cluster(row, candidates + fitting(row, found), extents) or row["event_id"]
        row["cluster_id"] = cluster
        extent = _extend(extents.get(cluster), row)
        if extent is not None:
            extents[cluster] = extent
        compared = tuple(row.get(c) for c in CANDIDATE_COLUMNS)
        earlier[(row["root"], row["source_key"], row["target_key"])].setdefault(compared, row)
