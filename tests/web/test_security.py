"""Each security promise of ``dragoman serve``, tested: loopback by default, read-only unless told,
a token for writes beyond loopback, same-site writes only, size and time limits, bound parameters."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator

import pytest
from fastapi import HTTPException
from fastapi.testclient import TestClient

from dragoman.cli.main import build_parser
from dragoman.errors import ConfigError
from dragoman.records import Document
from dragoman.web import WebSettings, create_app
from dragoman.web.settings import is_local

TOKEN = "s3cret-token-for-tests"


def test_serve_listens_on_loopback_and_is_read_only_by_default() -> None:
    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.allow_writes is False and args.token is None
    assert build_parser().parse_args(["--db", "a.db", "serve"]).db == "a.db"
    assert build_parser().parse_args(["serve", "--db", "b.db"]).db == "b.db"  # either place
    settings = WebSettings()
    assert settings.host == "127.0.0.1" and settings.local and not settings.allow_writes
    assert is_local("localhost") and is_local("::1") and is_local("127.0.0.2")
    assert not is_local("0.0.0.0") and not is_local("192.0.2.1") and not is_local("example.org")


def test_read_only_server_refuses_writes(client: TestClient) -> None:
    for path in ("/api/code", "/code"):
        response = client.post(path, data={"text": "Iran met Russia."})
        assert response.status_code == 403 and "read-only" in response.text
    assert "disabled" in client.get("/code").text  # the form says so too


def test_writes_beyond_loopback_need_a_token(web_db: str) -> None:
    with pytest.raises(ConfigError, match="needs a token"):
        create_app(WebSettings(db=web_db, host="0.0.0.0", allow_writes=True))
    with pytest.raises(ConfigError, match="too short"):
        create_app(WebSettings(db=web_db, host="0.0.0.0", allow_writes=True, token="abc"))
    app = create_app(WebSettings(db=web_db, host="0.0.0.0", allow_writes=True, token=TOKEN))
    client = TestClient(app, base_url="http://dragoman.example")
    # an empty text passes the token check and stops at validation (422): no model is loaded
    assert client.post("/api/code", data={"text": " "}).status_code == 401
    assert client.post("/api/code", data={"text": " ", "token": "wrong-token-x"}).status_code == 401
    assert client.post("/api/code", data={"text": " "},
                       headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 422
    assert client.post("/api/code", data={"text": " ", "token": TOKEN}).status_code == 422


def test_cross_site_writes_and_foreign_host_names_are_refused(make_client: Callable[..., TestClient]) -> None:
    client = make_client(allow_writes=True)
    response = client.post("/api/code", data={"text": " "}, headers={"Origin": "http://evil.example"})
    assert response.status_code == 403 and "cross-site" in response.text
    same = client.post("/api/code", data={"text": " "}, headers={"Origin": "http://127.0.0.1"})
    assert same.status_code == 422
    # on loopback, a request naming another host (DNS rebinding) is refused
    assert client.get("/api/events", headers={"Host": "evil.example"}).status_code == 400


def test_uploads_and_texts_have_size_limits(make_client: Callable[..., TestClient]) -> None:
    client = make_client(allow_writes=True, max_upload_bytes=1000, max_text_chars=500)
    big = client.post("/api/code", files={"file": ("big.txt", b"Iran met Russia. " * 100, "text/plain")})
    assert big.status_code == 413 and "too large" in big.text
    long = client.post("/api/code", data={"text": "Iran met Russia. " * 40})
    assert long.status_code == 413 and "too long" in long.text
    kind = client.post("/api/code", files={"file": ("x.exe", b"MZ", "application/octet-stream")})
    assert kind.status_code == 415
    two = client.post("/api/code", data={"text": "Iran met Russia.", "url": "https://example.org/"})
    assert two.status_code == 422 and "exactly one" in two.text
    assert client.post("/api/code", data={"url": "file:///etc/passwd"}).status_code == 422


def test_coding_has_a_time_limit_and_one_job_at_a_time(web_db: str) -> None:
    app = create_app(WebSettings(db=web_db, allow_writes=True, code_timeout=0.3))
    services = app.state.services

    def slow() -> Iterator[Document]:  # a slow input, as a slow page would be
        time.sleep(1.5)
        yield from ()

    loop = asyncio.new_event_loop()
    try:
        started = time.monotonic()
        with pytest.raises(HTTPException) as timed_out:
            loop.run_until_complete(services.code_within_limit(slow, store=False))
        assert timed_out.value.status_code == 408 and time.monotonic() - started < 1.2
        # the slow job still holds the coder: the next request is told to come back later
        with pytest.raises(HTTPException) as busy:
            loop.run_until_complete(services.code_within_limit(slow, store=False))
        assert busy.value.status_code == 429
        time.sleep(1.5)
        report = loop.run_until_complete(services.code_within_limit(lambda: iter(()), store=False))
        assert report.documents == [] and report.errors == []  # free again
    finally:
        loop.close()


def test_page_sizes_are_capped(client: TestClient) -> None:
    assert client.get("/api/events?per_page=500").status_code == 200
    assert client.get("/api/events?per_page=501").status_code == 422
    assert client.get("/events?per_page=100000").status_code == 422


@pytest.mark.parametrize("value", ["' OR '1'='1", "%' OR 1=1 --", "IRN'; DROP TABLE events; --"])
def test_filter_values_are_bound_parameters_not_sql(client: TestClient, value: str) -> None:
    body = client.get("/api/events", params={"actor": value, "mentions": "true"}).json()
    assert body["total"] == 0, value  # a literal that no actor matches, not a widened query
    assert client.get("/api/events").json()["total"] == 6  # and nothing was dropped
