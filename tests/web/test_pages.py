"""The pages: stable URLs with filters in the query string, evidence highlighted, every value escaped."""

from __future__ import annotations

import re
from html import unescape

from fastapi.testclient import TestClient

from tests.web.corpus import HOSTILE


def _rows(html: str) -> list[str]:
    body = html.split('<tbody>', 1)[1].split('</tbody>', 1)[0]
    return re.findall(r"<tr>.*?</tr>", body, re.S)


def test_home_goes_to_the_events(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == "/events"


def test_events_table_filters_sorts_and_pages(client: TestClient) -> None:
    html = client.get("/events").text
    assert "6 event clusters" in html and len(_rows(html)) == 6
    only = client.get("/events?actor=SYR").text
    assert "2 event clusters" in only and len(_rows(only)) == 2 and 'value="SYR"' in only
    assert "Damascus" in only and "Moscow" not in " ".join(_rows(only))
    by_reports = _rows(client.get("/events?sort=mentions&order=desc").text)
    assert "3 / 2" in by_reports[0]  # the Moscow talks: 3 reports from 2 sources
    paged = client.get("/events?per_page=4&mentions=true").text
    assert "page 1 of 2" in paged and 'rel="next"' in paged and len(_rows(paged)) == 4
    second = client.get("/events?per_page=4&mentions=true&page=2").text
    assert 'rel="prev"' in second and len(_rows(second)) == 4


def test_a_form_sent_with_empty_fields_selects_everything_it_does_not_name(client: TestClient) -> None:
    empty = "&".join(f"{k}=" for k in ("source", "target", "dyad_a", "dyad_b", "code", "quad", "since", "text"))
    html = client.get(f"/events?actor=SYR&{empty}").text
    assert "2 event clusters" in html and len(_rows(html)) == 2


def test_facets_and_links_keep_the_filters(client: TestClient) -> None:
    html = unescape(client.get("/events?actor=ISR").text)
    assert "/events?actor=ISR&quad=3" in html  # a facet narrows the current selection
    assert "/events.csv?actor=ISR" in html and "/events.jsonl?actor=ISR" in html
    assert "/events?actor=ISR&sort=code" in html


def test_event_page_highlights_its_evidence(client: TestClient) -> None:
    html = client.get("/events/tass-1-0").text
    assert '<mark class="trigger" title="trigger">met</mark>' in html
    assert '<mark class="source" title="source">Iran</mark>' in html
    assert '<mark class="target" title="target">Lavrov</mark>' in html
    assert '<mark class="place" title="place">Moscow</mark>' in html
    assert '<mark class="date" title="date">March 29</mark>' in html
    assert "test.042" in html and "dictionary:person" in html and "person:lavrov" in html
    # the other reports of its cluster, each linked to its article
    assert 'href="/events/irna-1-0"' in html and 'href="/documents/irna-1#irna-1-0"' in html
    assert 'href="/documents/tass-1#tass-1-0"' in html
    assert client.get("/events/nothing").status_code == 404


def test_document_page_marks_every_event(client: TestClient) -> None:
    html = client.get("/documents/tass-1").text
    for event_id, words in (("tass-1-0", "Iran&#39;s foreign minister met Lavrov"),
                            ("tass-1-1", "two sides signed an agreement"), ("tass-1-2", "Iran criticised Israel")):
        assert re.search(rf'<a class="mark" href="/events/{event_id}" id="{event_id}"[^>]*>{words}</a>', html)
    assert "https://tass.com/a/1" in html and "2023-03-29" in html


def test_dyad_actor_network_and_map_draw_charts(client: TestClient) -> None:
    dyad = client.get("/dyad?a=IRN&b=RUS&by=week").text
    assert dyad.count("<svg") == 2 and "2023-W13" in dyad and "cooperative</title></rect>" in dyad
    assert client.get("/dyad").status_code == 200
    actor = client.get("/actor?actor=ISR").text
    assert 'id="counterparts"' in actor and 'href="/actor?actor=SYR"' in actor and "<svg" in actor
    network = client.get("/network").text
    assert len(re.findall(r'class="node" data-node="(\w+)"', network)) == 4
    assert 'data-source="ISR" data-target="SYR"' in network
    world = client.get("/map?mentions=true").text
    assert world.count("<path d=") > 150  # the countries
    assert 'href="/events?mentions=1&amp;place=Moscow"' in world and "Moscow (RUS): 2 events" in world


def test_every_value_is_escaped(client: TestClient) -> None:
    for url in ("/documents/odd/one", "/events/odd/one-0", "/events?doc=odd/one",
                "/events?text=" + "%3Cscript%3Ealert(1)%3C/script%3E"):
        html = client.get(url).text
        assert "<script>alert" not in html, url
    html = client.get("/documents/odd/one").text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;quotes&#34;" in html
    assert HOSTILE not in html


def test_errors_are_pages_for_people_and_json_for_the_api(client: TestClient) -> None:
    missing = client.get("/no/such/page")
    assert missing.status_code == 404 and "<h1>Error 404</h1>" in missing.text
    assert client.get("/api/no/such/call").json() == {"detail": "Not Found"}
    page = client.get("/events?per_page=9999")
    assert page.status_code == 422 and "<h1>Error 422</h1>" in page.text and "per_page" in page.text
    api = client.get("/api/events?per_page=9999")
    assert api.status_code == 422 and api.json()["detail"][0]["loc"] == ["query", "per_page"]


def test_pages_forbid_outside_scripts(client: TestClient) -> None:
    headers = client.get("/events").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    js = client.get("/static/app.js")
    assert js.status_code == 200 and "http" not in js.text  # nothing loaded from elsewhere
