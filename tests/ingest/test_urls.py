"""Fetching URLs from a real local HTTP server on 127.0.0.1."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dragoman.errors import InputError
from dragoman.ingest import FetchSettings, ReadOptions, read_sources
from dragoman.ingest.urls import read_url_list, url_id
from dragoman.records import Document
from tests.ingest.server import Site, fixture_routes, serve


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with serve(fixture_routes()) as running:
        yield running


def _read(urls: list[str], **settings: float) -> list[Document | InputError]:
    fetch = FetchSettings(**settings)  # type: ignore[arg-type]
    return list(read_sources(urls, options=ReadOptions(fetch=fetch)))


def test_a_page_a_feed_and_plain_text_by_content_type(site: Site) -> None:
    page, first, second, plain = _read([site.url("/world/story.html"), site.url("/feed"), site.url("/plain")])
    assert isinstance(page, Document)
    assert page.doc_id == url_id(site.url("/world/story.html")) == page.doc_id
    assert page.doc_id.startswith("127.0.0.1:") and page.doc_id.endswith("/world/story.html")
    assert page.title == "Iran and Russia sign energy pact" and page.published == "2023-03-29"
    assert page.url == "https://news.example.org/world/iran-russia-energy-pact"  # canonical beats fetched
    assert page.origin == site.url("/world/story.html")
    assert dict(page.meta)["wire"] == "Reuters" and "SCRIPT-TEXT" not in page.text
    assert isinstance(first, Document) and first.doc_id == "wnd-2023-0329-001"
    assert isinstance(second, Document) and second.title == "Turkey hosts talks on grain exports"
    assert isinstance(plain, Document) and "Genève" in plain.text and "café" in plain.text


def test_failures_are_one_line_each_and_the_rest_is_fetched(site: Site) -> None:
    urls = ["/missing", "/big", "/big-unannounced", "/slow", "/moved"]
    items = _read([site.url(u) for u in urls], max_bytes=3000, timeout=0.3)
    missing, big, unannounced, slow, moved = items
    assert isinstance(missing, InputError) and "HTTP 404" in str(missing)
    assert isinstance(big, InputError) and "too large" in str(big) and "--max-bytes" in str(big)
    assert isinstance(unannounced, InputError) and "too large" in str(unannounced)
    assert isinstance(slow, InputError) and "timed out" in str(slow)
    assert isinstance(moved, Document) and moved.origin == site.url("/moved")  # redirect followed
    for item, url in zip(items[:4], urls, strict=False):
        assert str(item).startswith(site.url(url) + ": ") and "\n" not in str(item)


def test_polite_concurrency_keeps_order(site: Site) -> None:
    deadline = time.monotonic() + 5
    while site.active and time.monotonic() < deadline:  # a slow page of another test may still be sleeping
        time.sleep(0.05)
    site.most_active = 0
    urls = [site.url(f"/n/{i}") for i in range(6)]
    docs = _read(urls, workers=4, per_host=2)
    assert [d.origin for d in docs] == urls
    assert all(isinstance(d, Document) and f"Wednesday ({i})" in d.text for i, d in enumerate(docs))
    assert site.most_active == 2  # never more than per_host at once to one server


def test_url_list_files(site: Site, tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# morning reading\n{site.url('/world/story.html')}\n\n  {site.url('/missing')}\n",
                       encoding="utf-8")
    assert read_url_list(listing.read_text(encoding="utf-8")) == [site.url("/world/story.html"),
                                                                  site.url("/missing")]
    items = list(read_sources([], url_lists=[str(listing), str(tmp_path / "none.txt")]))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "InputError"]
    assert "none.txt" in str(items[2]) and "cannot read the URL list" in str(items[2])


def test_url_ids() -> None:
    assert url_id("https://www.Example.org/world/story/?id=3#top") == "example.org/world/story?id=3"
