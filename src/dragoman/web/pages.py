"""Server-rendered pages. Each has a stable URL with its filters in the query string, and each calls the
same library functions as the API and the CLI; templates escape every value."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from markupsafe import Markup

from dragoman.analysis.actor import actor_profile
from dragoman.analysis.charts import QUAD_COLOURS, balance_svg, timeline_svg
from dragoman.analysis.dyad import DyadPeriod, dyad_series
from dragoman.analysis.network import network_from_units
from dragoman.cli.output import unit_record
from dragoman.events.ontology import QUAD_CLASSES
from dragoman.export import export_events
from dragoman.records import Event
from dragoman.store import browse
from dragoman.store.clusters import Cluster
from dragoman.web.api import inputs, resolution
from dragoman.web.params import Name, Paging, Selection, paging, required, selection
from dragoman.web.render import document_segments, map_svg, network_svg, sentence_segments
from dragoman.web.services import Services, check_write, services

router = APIRouter(include_in_schema=False)
MAX_DOWNLOAD = 100_000  # units in one CSV or JSONL download
Period = Literal["week", "month", "year"]
FACET_NAMES = {"quad_class": ("quad", "quad class"), "root": ("root", "CAMEO root"),
               "plover_event": ("plover", "PLOVER"), "modality": ("modality", "modality"),
               "source_key": ("source", "source"), "target_key": ("target", "target")}


def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    shared: Services = services(request)
    base = {"quad_names": QUAD_CLASSES, "quad_colours": QUAD_COLOURS, "writable": shared.settings.allow_writes,
            "needs_token": bool(shared.settings.token), "db": shared.store.label}
    return shared.templates.TemplateResponse(request, name, base | context, status_code=status)


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/events", status_code=307)


@router.get("/events")
def events_page(request: Request, sel: Annotated[Selection, Depends(selection)],
                pg: Annotated[Paging, Depends(paging)]) -> Response:
    store = services(request).store
    found = browse.page(store, sel.where, mentions=sel.mentions, sort=pg.sort, descending=pg.descending,
                        offset=pg.offset, limit=pg.per_page)
    counts = browse.facets(store, sel.where, mentions=sel.mentions, top=8)
    facet_links = [(label, [(value, n, sel.url("/events", **{param: value}))
                            for value, n in counts[column]])
                   for column, (param, label) in FACET_NAMES.items()]
    pages = max(1, -(-found.total // pg.per_page))
    return _page(request, "events.html", {
        "sel": sel, "pg": pg, "found": found, "facets": facet_links, "pages": pages,
        "sort_url": lambda key: sel.url("/events", sort=key, order="desc" if pg.sort == key and not pg.descending
                                        else None, per_page=pg.per_page if pg.per_page != 50 else None),
        "page_url": lambda n: sel.url("/events", page=n if n > 1 else None, sort=pg.sort if pg.sort != "date"
                                      else None, order="desc" if pg.descending else None,
                                      per_page=pg.per_page if pg.per_page != 50 else None),
        "csv_url": sel.url("/events.csv"), "jsonl_url": sel.url("/events.jsonl"),
        "api_url": sel.url("/api/events"), "network_url": sel.url("/network"), "map_url": sel.url("/map"),
    })


def _download_units(request: Request, sel: Selection) -> list[Cluster]:
    return services(request).store.units(replace(sel.where, limit=MAX_DOWNLOAD), mentions=sel.mentions)


@router.get("/events.csv")
def events_csv(request: Request, sel: Annotated[Selection, Depends(selection)]) -> Response:
    out = io.StringIO()
    export_events(_download_units(request, sel), "csv", out)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="events.csv"'})


@router.get("/events.jsonl")
def events_jsonl(request: Request, sel: Annotated[Selection, Depends(selection)]) -> Response:
    lines = (json.dumps(unit_record(u), ensure_ascii=False) + "\n" for u in _download_units(request, sel))
    return Response("".join(lines), media_type="application/x-ndjson; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="events.jsonl"'})


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: str) -> Response:
    found = browse.event_with_cluster(services(request).store, event_id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
    event, cluster = found
    others = [m for m in cluster.mentions if m.event_id != event.event_id]
    return _page(request, "event.html", {
        "e": event, "cluster": cluster, "others": others, "segments": sentence_segments(event),
        "resolution": resolution(event), "doc": cluster.document(event.doc_id),
    })


@router.get("/documents/{doc_id:path}")
def document_page(request: Request, doc_id: str) -> Response:
    store = services(request).store
    info = store.document(doc_id)
    if info is None:
        raise HTTPException(status_code=404, detail=f"no document {doc_id!r}")
    marked = browse.document_events(store, doc_id)
    meta = json.loads(info["meta"]) if info.get("meta") else {}
    events: list[Event] = [e for _, e in marked]
    return _page(request, "document.html", {
        "info": info, "meta": meta, "events": events, "segments": document_segments(info["text"], events),
    })


def _period_table(periods: tuple[DyadPeriod, ...]) -> list[tuple[str, int, int]]:
    return [(p.period, p.quad[0] + p.quad[1], p.quad[2] + p.quad[3]) for p in periods]


@router.get("/dyad")
def dyad_page(request: Request, a: Name = "", b: Name = "", by: Period = "month", directed: bool = False,
              mentions: bool = False) -> Response:
    if not a.strip() and not b.strip():
        return _page(request, "dyad.html", {"series": None, "a": "", "b": "", "by": by})
    series = dyad_series(services(request).store, required(a), required(b), by=by, mentions=mentions,
                         directed=directed)
    points = [(u.date_start, u.event.goldstein, u.event.quad_class, f"{u.event.cameo} {u.event.evidence.trigger}")
              for u in series.units if u.date_start]
    return _page(request, "dyad.html", {
        "series": series, "a": series.a, "b": series.b, "by": by, "directed": directed,
        "balance": Markup(balance_svg(_period_table(series.periods))),
        "timeline": Markup(timeline_svg(points)),
        "units": sorted(series.units, key=lambda u: (u.date_start or "9999", u.cluster_id)),
    })


@router.get("/actor")
def actor_page(request: Request, actor: Name = "", by: Period = "month", mentions: bool = False) -> Response:
    if not actor.strip():
        return _page(request, "actor.html", {"profile": None, "actor": "", "by": by})
    profile = actor_profile(services(request).store, required(actor), by=by, mentions=mentions)
    points = [(u.date_start, u.event.goldstein, u.event.quad_class, f"{u.event.cameo} {u.event.evidence.trigger}")
              for u in profile.units if u.date_start]
    return _page(request, "actor.html", {
        "profile": profile, "actor": profile.actor, "by": by,
        "balance": Markup(balance_svg(_period_table(profile.periods))),
        "timeline": Markup(timeline_svg(points)),
        "units": sorted(profile.units, key=lambda u: (u.date_start or "9999", u.cluster_id)),
    })


@router.get("/network")
def network_page(request: Request, sel: Annotated[Selection, Depends(selection)]) -> Response:
    graph = network_from_units(services(request).store.units(sel.where, mentions=sel.mentions))
    edges = sorted(graph.edges(data=True), key=lambda e: (-e[2]["weight"], e[0], e[1]))[:30]
    return _page(request, "network.html", {"sel": sel, "svg": Markup(network_svg(graph)),
                                           "edges": edges, "n_nodes": graph.number_of_nodes(),
                                           "json_url": sel.url("/api/network")})


@router.get("/map")
def map_page(request: Request, sel: Annotated[Selection, Depends(selection)]) -> Response:
    shared = services(request)
    points = browse.places(shared.store, sel.where, mentions=sel.mentions)
    link = sel.url("/events")
    return _page(request, "map.html", {"sel": sel, "points": points[:30], "n_places": len(points),
                                       "svg": Markup(map_svg(shared.world(), points, link))})


@router.get("/code")
def code_form(request: Request) -> Response:
    return _page(request, "code.html", {"report": None, "text": "", "url": ""})


@router.post("/code")
async def code_page(request: Request, text: Annotated[str | None, Form()] = None,
                    url: Annotated[str | None, Form(max_length=2000)] = None,
                    file: Annotated[UploadFile | None, File()] = None, store: Annotated[bool, Form()] = False,
                    token: Annotated[str | None, Form(max_length=400)] = None) -> Response:
    check_write(request, token)
    shared = services(request)
    items = await inputs(shared.settings, text, url, file)
    report = await shared.code_within_limit(items, store)
    coded = [(d, [(e, sentence_segments(e)) for e in evs]) for d, evs in report.documents]
    return _page(request, "code.html", {"report": report, "coded": coded, "text": text or "", "url": url or ""})
