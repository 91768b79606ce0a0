"""The JSON API returns what the CLI's library calls return, for the same filters."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from dragoman.analysis import build_network, dyad_series
from dragoman.cli.output import unit_record
from dragoman.store.database import Store
from dragoman.store.query import EventFilter

QUERIES = [("", EventFilter()), ("actor=IRN", EventFilter(actor="IRN")),
           ("dyad_a=IRN&dyad_b=RUS", EventFilter(dyad=("IRN", "RUS"))),
           ("dyad_a=RUS&dyad_b=IRN&directed=true", EventFilter(dyad=("RUS", "IRN"), directed=True)),
           ("quad=3", EventFilter(quad_class=3)), ("plover=consult", EventFilter(plover="consult")),
           ("code=04&since=2023-03-29&until=2023-03", EventFilter(code="04", since="2023-03-29", until="2023-03")),
           ("text=Damascus&country=SYR", EventFilter(text="Damascus", country="SYR")),
           ("modality=planned", EventFilter(modality="planned")), ("place=Moscow", EventFilter(place="Moscow")),
           ("source=SYR", EventFilter(source="SYR")), ("target=IRN&root=4", EventFilter(target="IRN", root="4"))]


@pytest.mark.parametrize("mentions", [False, True])
@pytest.mark.parametrize(("query", "where"), QUERIES, ids=[q or "all" for q, _ in QUERIES])
def test_events_api_selects_what_the_cli_selects(client: TestClient, web_db: str, query: str,
                                                 where: EventFilter, mentions: bool) -> None:
    units = Store.open(web_db).units(where, mentions=mentions)
    expected = {u.event.event_id if mentions else u.cluster_id for u in units}
    url = f"/api/events?{query}&per_page=500" + ("&mentions=true" if mentions else "")
    body = client.get(url).json()
    got = {u["mention_ids"][0] if mentions else u["cluster_id"] for u in body["units"]}
    assert body["total"] == len(expected) and got == expected


def test_events_api_records_are_the_cli_json(client: TestClient, web_db: str) -> None:
    body = client.get("/api/events?actor=SYR&sort=code").json()
    expected = sorted((unit_record(u) for u in Store.open(web_db).units(EventFilter(actor="SYR"))),
                      key=lambda r: r["event"]["cameo"])
    assert body["units"] == expected
    assert body["sort"] == "code" and body["order"] == "asc" and body["per_page"] == 50


def test_paging(client: TestClient) -> None:
    first = client.get("/api/events?per_page=4&mentions=true").json()
    second = client.get("/api/events?per_page=4&page=2&mentions=true").json()
    assert first["total"] == second["total"] == 8
    ids = [u["mention_ids"][0] for u in first["units"] + second["units"]]
    assert len(ids) == len(set(ids)) == 8
    assert client.get("/api/events?per_page=4&page=3").json()["units"] == []


def test_facets(client: TestClient) -> None:
    facets = client.get("/api/facets?actor=ISR").json()
    assert {f["value"]: f["count"] for f in facets["quad_class"]} == {3: 2, 4: 1}
    assert {f["value"] for f in facets["source_key"]} == {"IRN", "ISR", "SYR"}


def test_event_detail(client: TestClient) -> None:
    body = client.get("/api/events/irna-1-0").json()
    assert body["event"]["trigger"] == "talks" and body["pattern"] == "test.040"
    assert body["resolution"]["source"] == {"text": "Iran", "code": "IRNGOV", "name": "Iran",
                                            "how": "dictionary:country", "entry": "country:IRN"}
    assert body["cluster"]["mentions"] == 3 and set(body["cluster"]["doc_ids"]) == {"tass-1", "irna-1"}
    assert client.get("/api/events/nope").status_code == 404


def test_document(client: TestClient) -> None:
    body = client.get("/api/documents/odd/one").json()  # ids may hold slashes
    assert body["doc_id"] == "odd/one" and "<script>" in body["text"]  # JSON carries the text as it is
    assert [e["event_id"] for e in body["events"]] == ["odd/one-0"]
    assert client.get("/api/documents/missing").status_code == 404


def test_dyad_and_actor(client: TestClient, web_db: str) -> None:
    body = client.get("/api/dyad?a=IRN&b=RUS&by=month").json()
    assert body["periods"] == dyad_series(Store.open(web_db), "IRN", "RUS", by="month").rows()
    assert body["periods"][0]["period"] == "2023-03"
    actor = client.get("/api/actor?actor=ISR").json()
    assert {c["key"]: (c["acted_on"], c["acted_by"]) for c in actor["counterparts"]} == {"SYR": (1, 1),
                                                                                          "IRN": (0, 1)}
    assert sum(p["total"] for p in actor["periods"]) == 3
    assert client.get("/api/dyad?a=IRN").status_code == 422
    assert client.get("/api/actor?actor=%20").status_code == 422


def test_network_and_places(client: TestClient, web_db: str) -> None:
    body = client.get("/api/network?root=04").json()
    graph = build_network(Store.open(web_db), EventFilter(root="04"))
    assert {(e["source"], e["target"], e["weight"]) for e in body["edges"]} == \
           {(s, t, d["weight"]) for s, t, d in graph.edges(data=True)}
    places = client.get("/api/places?mentions=true").json()
    assert {p["name"]: p["count"] for p in places} == {"Moscow": 2, "Damascus": 1}


def test_downloads_are_the_current_selection(client: TestClient, web_db: str) -> None:
    lines = client.get("/events.jsonl?actor=ISR").text.splitlines()
    assert [json.loads(line) for line in lines] == [unit_record(u) for u in
                                                    Store.open(web_db).units(EventFilter(actor="ISR"))]
    response = client.get("/events.csv?actor=ISR&mentions=true")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 3


@pytest.mark.parametrize("query", ["per_page=501", "per_page=0", "page=0", "quad=5", "sort=evil",
                                   "order=sideways", "actor=" + "x" * 201, "actor=a%00b", "dyad_a=IRN"])
def test_invalid_queries_are_refused_with_422(client: TestClient, query: str) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 422, query
    assert response.json()["detail"]


def test_openapi_documents_every_call(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert set(paths) == {"/api/events", "/api/facets", "/api/events/{event_id}", "/api/documents/{doc_id}",
                          "/api/dyad", "/api/actor", "/api/network", "/api/places", "/api/code"}
    names = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"actor", "dyad_a", "quad", "plover", "since", "until", "place", "text", "per_page", "sort"} <= names
