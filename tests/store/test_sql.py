"""The write path's statements run as the driver's SQL (store/sql.py) read and write what Core would."""

from __future__ import annotations

from sqlalchemy import bindparam, case, func, insert, literal, select

from dragoman.records import Document
from dragoman.store.database import Store
from dragoman.store.schema import documents, events
from dragoman.store.sql import execute
from tests.store.test_database import _event


def test_constants_of_a_statement_are_passed_with_the_callers_parameters(db_path: str) -> None:
    store = Store.open(db_path)
    store.save(Document("d1", "Iran visited Russia."), [_event("d1", 1)])
    # a literal inside the statement ('document', 1, 0) becomes a parameter of the compiled SQL
    query = select(events.c.event_id, func.max(case((events.c.date_source == "explicit", 1), else_=0)),
                   literal("x")).where(events.c.doc_id == bindparam("doc")).group_by(events.c.event_id)
    with store.engine.connect() as conn:
        driver = [tuple(r) for r in execute(conn, query, {"doc": "d1"})]
        core = [tuple(r) for r in conn.execute(query, {"doc": "d1"})]
    assert driver == core == [("d1-1", 1, "x")]


def test_executemany_and_single_rows_store_every_value(db_path: str) -> None:
    store = Store.open(db_path)
    row = {"doc_id": "a", "content_hash": "h", "title": "T", "url": None, "published": "2024-01-02",
           "origin": "o", "ingested_at": "now", "n_events": 0, "text": "text é", "outlet": None, "meta": "{}"}
    with store.engine.begin() as conn:
        execute(conn, insert(documents), row)
        execute(conn, insert(documents), [{**row, "doc_id": "b"}, {**row, "doc_id": "c", "n_events": 3}])
    stored = {d: store.document(d) for d in "abc"}
    assert stored["a"] is not None and {k: stored["a"][k] for k in row} == row
    assert stored["c"] is not None and stored["c"]["n_events"] == 3 and stored["b"] is not None
