"""The JSON API under ``/api/``: the pages' data, with the same query-string filters.

Records are those of ``dragoman events --format json`` (a cluster with its representative event) and
of the JSONL export (an event); the OpenAPI schema at ``/api/openapi.json`` documents every call.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from pydantic import BaseModel

from dragoman.analysis.actor import actor_profile
from dragoman.analysis.dyad import dyad_series
from dragoman.analysis.network import network_from_units
from dragoman.cli.output import unit_record
from dragoman.events.ontology import QUAD_FIELDS
from dragoman.records import Event
from dragoman.store import browse
from dragoman.web.coding import fetched, pasted, read_upload, report_json, uploaded
from dragoman.web.params import Name, Paging, Selection, invalid, paging, required, selection
from dragoman.web.services import check_write, services

router = APIRouter(prefix="/api", tags=["api"])
Period = Literal["week", "month", "year"]


class Unit(BaseModel):
    """An event cluster (or, with ``mentions``, one report) as ``dragoman events --format json``."""

    cluster_id: str
    mentions: int
    documents: int
    sources: int
    date_start: str | None
    date_end: str | None
    event: dict[str, Any]
    mention_ids: list[str]
    doc_ids: list[str]


class EventsPage(BaseModel):
    total: int
    page: int
    per_page: int
    sort: str
    order: str
    units: list[Unit]


class FacetValue(BaseModel):
    value: str | int
    count: int


class EventDetail(BaseModel):
    event: dict[str, Any]
    pattern: str
    notes: list[str]
    resolution: dict[str, Any]
    cluster: Unit


class DocumentOut(BaseModel):
    doc_id: str
    title: str | None
    url: str | None
    published: str | None
    outlet: str | None
    origin: str | None
    ingested_at: str
    text: str
    events: list[dict[str, Any]]


class PeriodRow(BaseModel):
    period: str
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    total: int
    goldstein_sum: float
    goldstein_mean: float


class Series(BaseModel):
    unit: str
    by: str
    undated: int
    periods: list[PeriodRow]


class CounterpartOut(BaseModel):
    key: str
    name: str
    acted_on: int
    acted_by: int


class ActorOut(Series):
    actor: str
    counterparts: list[CounterpartOut]


class Network(BaseModel):
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]


class PlaceOut(BaseModel):
    name: str
    country: str | None
    lat: float
    lon: float
    count: int


class Coded(BaseModel):
    documents: list[dict[str, Any]]
    errors: list[str]
    warnings: list[str]
    stored: bool


def resolution(event: Event) -> dict[str, Any]:
    """How each actor was resolved: the words, the code, the method and the knowledge-base entry."""
    return {role: ({"text": a.text, "code": a.code, "name": a.name, "how": a.how, "entry": a.entry}
                   if (a := getattr(event, role)) else None) for role in ("source", "target")}


@router.get("/events", response_model=EventsPage, summary="Event clusters (or mentions) a page at a time")
def events(request: Request, sel: Annotated[Selection, Depends(selection)],
           pg: Annotated[Paging, Depends(paging)]) -> dict[str, Any]:
    found = browse.page(services(request).store, sel.where, mentions=sel.mentions, sort=pg.sort,
                        descending=pg.descending, offset=pg.offset, limit=pg.per_page)
    return {"total": found.total, "page": pg.page, "per_page": pg.per_page, "sort": pg.sort,
            "order": "desc" if pg.descending else "asc", "units": [unit_record(u) for u in found.units]}


@router.get("/facets", response_model=dict[str, list[FacetValue]], summary="Counts of the selection by facet")
def facets(request: Request, sel: Annotated[Selection, Depends(selection)]) -> dict[str, Any]:
    counts = browse.facets(services(request).store, sel.where, mentions=sel.mentions)
    return {name: [{"value": v, "count": n} for v, n in values] for name, values in counts.items()}


@router.get("/events/{event_id}", response_model=EventDetail, summary="One event, its evidence and its cluster")
def event(request: Request, event_id: str) -> dict[str, Any]:
    found = browse.event_with_cluster(services(request).store, event_id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
    e, cluster = found
    return {"event": e.to_record(), "pattern": e.evidence.pattern, "notes": list(e.evidence.notes),
            "resolution": resolution(e), "cluster": unit_record(cluster)}


@router.get("/documents/{doc_id:path}", response_model=DocumentOut, summary="A document, its text and its events")
def document(request: Request, doc_id: str) -> dict[str, Any]:
    store = services(request).store
    info = store.document(doc_id)
    if info is None:
        raise HTTPException(status_code=404, detail=f"no document {doc_id!r}")
    marked = browse.document_events(store, doc_id)
    return {**{k: info.get(k) for k in DocumentOut.model_fields if k != "events"},
            "events": [e.to_record() | {"cluster_id": cid} for cid, e in marked]}


def _series_json(unit: str, by: str, undated: int, rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {"unit": unit, "by": by, "undated": undated, "periods": rows}


@router.get("/dyad", response_model=Series, summary="Two actors per period: quad classes and Goldstein")
def dyad(request: Request, a: Name, b: Name,
         by: Period = "month", directed: bool = False, mentions: bool = False) -> dict[str, Any]:
    series = dyad_series(services(request).store, required(a), required(b), by=by, mentions=mentions,
                         directed=directed)
    return _series_json(series.unit, by, series.undated, series.rows())


@router.get("/actor", response_model=ActorOut, summary="One actor per period, and its counterparts")
def actor(request: Request, actor: Name, by: Period = "month",
          mentions: bool = False) -> dict[str, Any]:
    profile = actor_profile(services(request).store, required(actor), by=by, mentions=mentions)
    rows = [{"period": p.period, **dict(zip(QUAD_FIELDS, p.quad, strict=True)), "total": p.total,
             "goldstein_sum": round(p.goldstein_sum, 3), "goldstein_mean": p.goldstein_mean} for p in profile.periods]
    return {**_series_json(profile.unit, by, profile.undated, rows), "actor": profile.actor,
            "counterparts": [{"key": c.key, "name": c.name, "acted_on": c.acted_on, "acted_by": c.acted_by}
                             for c in profile.counterparts]}


@router.get("/network", response_model=Network, summary="Actors and weighted directed edges of the selection")
def network(request: Request, sel: Annotated[Selection, Depends(selection)]) -> dict[str, Any]:
    graph = network_from_units(services(request).store.units(sel.where, mentions=sel.mentions))
    return {"nodes": [{"id": n, **attrs} for n, attrs in sorted(graph.nodes(data=True))],
            "edges": [{"source": s, "target": t, **attrs} for s, t, attrs in sorted(graph.edges(data=True))]}


@router.get("/places", response_model=list[PlaceOut], summary="The selection's events summed by place")
def places(request: Request, sel: Annotated[Selection, Depends(selection)]) -> list[dict[str, Any]]:
    found = browse.places(services(request).store, sel.where, mentions=sel.mentions)
    return [{"name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon, "count": p.count} for p in found]


@router.post("/code", response_model=Coded, summary="Code text, a file or a URL; store it if asked (writes)")
async def code(request: Request, text: Annotated[str | None, Form()] = None,
               url: Annotated[str | None, Form(max_length=2000)] = None,
               file: Annotated[UploadFile | None, File()] = None, store: Annotated[bool, Form()] = False,
               token: Annotated[str | None, Form(max_length=400)] = None) -> dict[str, Any]:
    """Exactly one of ``text``, ``file`` or ``url``. Needs a server started with ``--allow-writes`` (and
    the token, when it has one)."""
    check_write(request, token)
    shared = services(request)
    items = await inputs(shared.settings, text, url, file)
    return report_json(await shared.code_within_limit(items, store))


async def inputs(settings: Any, text: str | None, url: str | None, file: UploadFile | None) -> Any:
    """The one input given (pasted text, file or URL) as a function yielding documents."""
    given = [x for x in (text and text.strip(), url and url.strip(), file and file.filename) if x]
    if len(given) != 1:
        raise invalid("text", "give exactly one of: text, a file, a URL")
    if file is not None and file.filename:
        return uploaded(file.filename, await read_upload(file, settings))
    if url and url.strip():
        return fetched(url, settings)
    return pasted(text or "", settings)

