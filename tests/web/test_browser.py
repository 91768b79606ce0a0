"""The app in a real browser: headless Chromium against ``dragoman serve`` on 127.0.0.1, over a
database coded from the articles in ``fixtures/`` by the real pipeline. Each test saves a screenshot
of its page under its temporary folder."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from dragoman.operations import ingest
from dragoman.pipeline import Pipeline
from dragoman.store.database import Store
from tests.web.browser import CHROMIUM_ARGS, chromium_path, running_server

pytestmark = pytest.mark.model
FIXTURES = Path(__file__).parent / "fixtures"
PARAGRAPH = ("Turkey's president Recep Tayyip Erdogan met Russian President Vladimir Putin in Sochi on "
             "Friday. The two leaders signed an agreement on gas supplies.")


@pytest.fixture(scope="module")
def browser_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[str]:
    """The fixture articles coded into SQLite, or into a fresh schema of the PostgreSQL server of
    ``DRAGOMAN_TEST_DB`` (as ``.ci/run`` sets it)."""
    server = os.environ.get("DRAGOMAN_TEST_DB")
    schema = None
    if server:
        import psycopg

        plain = server.replace("postgresql+psycopg://", "postgresql://", 1)
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        db = f"{plain}{'&' if '?' in plain else '?'}options={quote(f'-csearch_path={schema}')}"
    else:
        db = str(tmp_path_factory.mktemp("browser") / "web.db")
    store = Store.open(db)
    report = ingest([str(FIXTURES)], store, pipeline)
    store.close()
    assert report.documents == 3 and not report.errors
    yield db
    if server and schema:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(scope="module")
def base_url(browser_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("server") / "serve.log"
    with running_server(browser_db, log, "--allow-writes") as base:
        yield base


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")  # a fresh profile for every run
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900})
        try:
            yield context
        finally:
            context.close()


@pytest.fixture()
def page(browser_context: Any, tmp_path: Path) -> Iterator[Any]:
    tab = browser_context.new_page()
    tab.set_default_timeout(20_000)
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield tab
    tab.close()
    assert not errors, f"errors in the page: {errors}"


def shoot(page: Any, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 5000
    return path


def test_filter_the_events_table(page: Any, base_url: str, tmp_path: Path) -> None:
    page.goto(f"{base_url}/events")
    rows = page.locator("#events-table tbody tr")
    everything = rows.count()
    assert everything >= 5
    page.fill("input[name=actor]", "SYR")
    page.click("form#filters button[type=submit]")
    page.wait_for_url(re.compile(r"actor=SYR"))
    assert page.url.endswith("/events?actor=SYR")  # only the filled-in filters: a short URL to share
    assert 0 < rows.count() < everything
    for i in range(rows.count()):
        assert "SYR" in rows.nth(i).inner_text()
    shoot(page, tmp_path, "events")
    page.click("aside.facets >> text=material conflict")  # a facet narrows the selection further
    page.wait_for_url(re.compile(r"quad=4"))
    assert rows.count() >= 1 and "SYR" in rows.first.inner_text()


def test_open_an_event_and_its_document(page: Any, base_url: str, tmp_path: Path) -> None:
    page.goto(f"{base_url}/events?sort=mentions&order=desc")
    page.locator("#events-table a.evidence").first.click()
    page.wait_for_url(re.compile(r"/events/[0-9a-f]{16}$"))
    event_id = page.url.rsplit("/", 1)[1]
    detail = httpx.get(f"{base_url}/api/events/{event_id}").json()
    trigger = page.locator("#evidence mark.trigger")
    assert trigger.is_visible() and trigger.inner_text() == detail["event"]["trigger"]
    assert page.locator("#evidence mark.source").count() == 1
    assert page.locator("ul.reports li a").count() >= 2  # the other reports of the cluster, linked
    shoot(page, tmp_path, "event")
    page.click("#document-link")
    page.wait_for_url(re.compile(r"/documents/"))
    marks = page.locator("#document-text a.mark")
    assert marks.count() >= 1
    target = page.locator(f"#document-text a.mark[id='{event_id}']")
    assert target.is_visible() and detail["event"]["trigger"] in target.inner_text()
    shoot(page, tmp_path, "document")


def test_draw_the_dyad_chart(page: Any, base_url: str, tmp_path: Path) -> None:
    page.goto(f"{base_url}/dyad")
    page.fill("input[name=a]", "IRN")
    page.fill("input[name=b]", "RUS")
    page.select_option("select[name=by]", "week")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"a=IRN"))
    bars = page.locator("#balance-chart svg rect")
    assert bars.count() >= 1
    box = bars.first.bounding_box()
    assert box is not None and box["height"] > 5  # drawn, not just present
    assert page.locator("#timeline-chart svg circle").count() >= 3
    shoot(page, tmp_path, "dyad")


def test_draw_the_network(page: Any, base_url: str, tmp_path: Path) -> None:
    page.goto(f"{base_url}/network")
    nodes = page.locator("#network .node")
    assert nodes.count() >= 4
    assert page.locator("#network .edge").count() >= 3
    nodes.first.hover()  # the page's script focuses the node's ties
    page.wait_for_selector("#network.focus")
    assert page.locator("#network .edge.on").count() >= 1
    shoot(page, tmp_path, "network")


def test_draw_the_map(page: Any, base_url: str, tmp_path: Path) -> None:
    page.goto(f"{base_url}/map")
    assert page.locator("#map-chart svg path").count() > 150
    places = page.locator("#map-chart a.place")
    assert places.count() >= 1
    shoot(page, tmp_path, "map")
    places.first.click()
    page.wait_for_url(re.compile(r"/events\?place="))
    assert page.locator("#events-table a.evidence").count() >= 1


def test_paste_a_paragraph_and_see_its_events(page: Any, base_url: str, tmp_path: Path) -> None:
    before = httpx.get(f"{base_url}/api/events?mentions=true").json()["total"]
    page.goto(f"{base_url}/code")
    page.fill("textarea#text", PARAGRAPH)
    page.click("#code-form button[type=submit]")
    page.wait_for_selector("#code-results", timeout=90_000)
    coded = page.locator("ol.coded li")
    assert coded.count() >= 1
    assert page.locator("ol.coded mark.trigger").count() >= 1
    text = page.locator("#code-results").inner_text()
    assert "TUR" in text and "RUS" in text
    shoot(page, tmp_path, "code")
    assert httpx.get(f"{base_url}/api/events?mentions=true").json()["total"] == before  # stored only if asked


def test_upload_a_file_and_store_it(base_url: str) -> None:
    data = (FIXTURES / "damascus-strikes.txt").read_bytes().replace(b"DAMASCUS, March 31", b"DAMASCUS, April 2")
    response = httpx.post(f"{base_url}/api/code", files={"file": ("strikes again.txt", data, "text/plain")},
                          data={"store": "true"}, timeout=90)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["stored"] is True and [d["doc_id"] for d in body["documents"]] == ["strikes-again"]
    coded = body["documents"][0]["events"]
    assert any(e["cameo"].startswith("19") for e in coded)  # the strike
    stored = httpx.get(f"{base_url}/api/documents/strikes-again").json()
    assert sorted(e["event_id"] for e in stored["events"]) == sorted(e["event_id"] for e in coded)


def test_code_a_page_given_by_url(base_url: str) -> None:
    from tests.ingest.server import Route, serve

    article = (FIXTURES / "tehran-report.txt").read_bytes()
    page = b"<html><head><title>Talks</title></head><body><article><p>" + article + b"</p></article></body></html>"
    with serve({"/news/talks.html": Route(page)}) as site:
        response = httpx.post(f"{base_url}/api/code", data={"url": site.url("/news/talks.html")}, timeout=90)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["stored"] is False and not body["errors"]
    assert any(e["trigger"] == "talks" for e in body["documents"][0]["events"])
