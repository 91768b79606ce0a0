"""Web fixtures: a store of the hand-built web corpus (on SQLite, or PostgreSQL under ``.ci/run``) and
a test client of the app over it. Requests name the loopback host, as a browser on this machine does."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from dragoman.store.database import Store
from dragoman.web import WebSettings, create_app
from tests.web.corpus import articles


@pytest.fixture()
def web_db(db_path: str) -> str:
    store = Store.open(db_path)
    for document, events in articles():
        store.save(document, events)
    store.close()
    return db_path


@pytest.fixture()
def make_client(web_db: str) -> Callable[..., TestClient]:
    def make(**settings: object) -> TestClient:
        return TestClient(create_app(WebSettings(db=web_db, **settings)), base_url="http://127.0.0.1")  # type: ignore[arg-type]

    return make


@pytest.fixture()
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()
