"""Property test of the JSON API against its own OpenAPI schema (schemathesis): generated requests,
valid and invalid, never get a server error, and every answer matches the schema it documents.

Each operation's requests are drawn by schemathesis' hypothesis strategy and sent to the app in
process (ASGI); the schema is read from the app itself, so a new API call is covered without a change
here (the test fails if an operation is missing from ``OPERATIONS``)."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from dragoman.store.database import Store
from dragoman.web import WebSettings, create_app
from tests.web.corpus import articles

OPERATIONS = [("GET", "/api/events"), ("GET", "/api/facets"), ("GET", "/api/events/{event_id}"),
              ("GET", "/api/documents/{doc_id}"), ("GET", "/api/dyad"), ("GET", "/api/actor"),
              ("GET", "/api/network"), ("GET", "/api/places"), ("POST", "/api/code")]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> schemathesis.BaseSchema:
    db = str(Path(tmp_path_factory.mktemp("schema")) / "web.db")
    store = Store.open(db)
    for document, events in articles():
        store.save(document, events)
    app = create_app(WebSettings(db=db))  # read-only: POST /api/code answers 403 and never codes
    return schemathesis.openapi.from_asgi("/api/openapi.json", app, headers={"Host": "127.0.0.1"})


def test_every_operation_is_tested(api_schema: schemathesis.BaseSchema) -> None:
    found = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_api_never_fails_and_answers_as_documented(api_schema: schemathesis.BaseSchema, method: str,
                                                   path: str) -> None:
    operation = api_schema[path][method]
    checks = [not_a_server_error, response_schema_conformance]

    @given(case=operation.as_strategy())
    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case: schemathesis.Case) -> None:
        case.call_and_validate(headers={"Host": "127.0.0.1"}, checks=checks)

    run()
