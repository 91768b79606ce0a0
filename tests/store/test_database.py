from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Column, MetaData, Table, create_engine, insert, text

from dragoman.errors import StoreError
from dragoman.records import Actor, Attribution, Document, Event, EventDate, Evidence, Place
from dragoman.store.database import EventFilter, Store
from dragoman.store.schema import documents, event_row, events, schema_version


def _event(doc_id: str, n: int, text: str = "Iran visited Russia.", cameo: str = "042") -> Event:
    return Event(
        doc_id=doc_id, event_id=f"{doc_id}-{n}", cameo=cameo, root=cameo[:2], quad_class=1, goldstein=1.9,
        plover_event="CONSULT", plover_mode="visit",
        source=Actor("Iran", "Iran", "IRNGOV", "IRN", None, "GOV", "dictionary:country", "country:IRN"),
        target=Actor("Russia", "Russia", "RUS", "RUS", None, None, "dictionary:country", "country:RUS"),
        evidence=Evidence(text, 0, 0, len(text), "visited", "visit.verb", ("note one",)),
        date=EventDate("2023-03-29", "2023-03-29", "day", "March 29", "explicit"),
        location=Place("Moscow", "RUS", 55.75, 37.6, 524901, "PPLC", "Moscow", "city"),
        modality="asserted", attribution=Attribution("Iranian sources", "IRN", "IRN", None), confidence=0.9)


def test_round_trip_keeps_every_field(db_path: str) -> None:
    store = Store.open(db_path)
    doc = Document("d1", "Iran visited Russia.")
    event = _event("d1", 1)
    store.save(doc, [event])
    assert store.events() == [event]
    assert store.event("d1-1") == event


def test_reingest_replaces_events_instead_of_adding(db_path: str) -> None:
    store = Store.open(db_path)
    doc = Document("d1", "Iran visited Russia.")
    store.save(doc, [_event("d1", 1), _event("d1", 2)])
    store.save(doc, [_event("d1", 1)])
    assert [e.event_id for e in store.events()] == ["d1-1"]
    assert store.document_ids() == ["d1"]


def test_filters(db_path: str) -> None:
    store = Store.open(db_path)
    store.save(Document("a", "x"), [_event("a", 1)])
    store.save(Document("b", "y"), [_event("b", 1, cameo="190")])
    assert [e.doc_id for e in store.events(EventFilter(code="19"))] == ["b"]
    assert [e.doc_id for e in store.events(EventFilter(doc="a"))] == ["a"]
    assert len(store.events(EventFilter(actor="RUS"))) == 2
    assert len(store.events(EventFilter(actor="iran"))) == 2
    assert store.events(EventFilter(since="2024-01-01")) == []


def test_failed_write_leaves_nothing_half_written(db_path: str) -> None:
    store = Store.open(db_path)
    doc = Document("d1", "text")
    store.save(doc, [_event("d1", 1)])
    bad = _event("d1", 2)
    object.__setattr__(bad, "cameo", None)  # violates NOT NULL inside the transaction
    with pytest.raises(StoreError):
        store.save(doc, [_event("d1", 3), bad])
    assert [e.event_id for e in store.events()] == ["d1-1"]


def test_unusable_locations_give_store_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(str(tmp_path / "no" / "such" / "folder.db"))
    with pytest.raises(StoreError):
        Store.open("nosuchdialect://x")


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                min_size=1, max_size=200)  # PostgreSQL text cannot hold NUL


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sentence=_TEXT, trigger=_TEXT)
def test_any_text_round_trips(db_path: str, sentence: str, trigger: str) -> None:
    store = Store.open(db_path)
    event = _event("p", 1, text=sentence)
    object.__setattr__(event, "evidence", Evidence(sentence, 0, 0, 1, trigger, "p", ()))
    store.save(Document("p", sentence), [event])
    assert store.events() == [event]


def test_bad_urls_are_one_line_store_errors(tmp_path: Path) -> None:
    for url in ("postgresql://nobody@127.0.0.1:1/none", "postgresql://:::", "mysql://x@y/z", "nosuchdialect://x"):
        with pytest.raises(StoreError) as info:
            Store.open(url, timeout=2)
        assert "\n" not in str(info.value) and str(info.value)


def test_a_locked_sqlite_file_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    Store.open(str(path)).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="locked"):
            Store.open(str(path), timeout=0.2).save(Document("d", "x"), [_event("d", 1)])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert Store.open(str(path)).document_ids() == []


def test_a_version_1_database_is_migrated_and_clustered(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        schema_version.create(conn)
        old = MetaData()  # the version-1 shape: no outlet, actor keys or clusters
        new = {"outlet", "meta", "source_key", "target_key", "cluster_id"}
        for table in (documents, events):
            Table(table.name, old, *[Column(c.name, c.type, primary_key=c.primary_key)
                                     for c in table.columns if c.name not in new])
        old.create_all(conn)
        conn.execute(insert(schema_version).values(version=1, applied_at="2026-01-01"))
        conn.execute(insert(old.tables["documents"]).values(doc_id="d1", content_hash="h", ingested_at="t",
                                                            n_events=2, text="x"))
        rows = [{k: v for k, v in event_row(_event("d1", n)).items() if k in old.tables["events"].c}
                for n in (1, 2)]
        conn.execute(insert(old.tables["events"]), rows)
    engine.dispose()
    store = Store.open(str(path))
    assert store.counts() == {"documents": 1, "mentions": 2, "clusters": 1}
    assert len(store.events()) == 2
    assert store.document("d1") is not None and "meta" in store.document("d1")  # type: ignore[operator]


def test_document_metadata_is_kept(db_path: str) -> None:
    store = Store.open(db_path)
    meta = (("author", "A. Writer"), ("dateline_place", "MOSCOW"), ("wire", "Reuters"))
    store.save(Document("m", "text", url="https://news.example.org/a", meta=meta), [])
    stored = store.document("m")
    assert stored is not None and json.loads(stored["meta"]) == dict(meta)
    store.save(Document("n", "text"), [])
    assert store.document("n")["meta"] is None  # type: ignore[index]


def test_views_read_well_in_sql_clients(db_path: str) -> None:
    store = Store.open(db_path)
    store.save(Document("a", "x", url="https://www.example.com/a"), [_event("a", 1)])
    with store.engine.connect() as conn:
        for view in ("event_view", "cluster_view", "document_view"):
            result = conn.execute(text(f"SELECT * FROM {view}"))
            names = list(result.keys())
            assert all(n.isidentifier() and n == n.lower() for n in names), names
            assert len(result.fetchall()) == 1
        row = conn.execute(text("SELECT outlet, cameo, source_country FROM event_view")).one()
        assert tuple(row) == ("example.com", "042", "IRN")
        assert conn.execute(text("SELECT mentions, sources FROM cluster_view")).one() == (1, 1)


def test_new_filters(db_path: str) -> None:
    store = Store.open(db_path)
    store.save(Document("a", "x"), [_event("a", 1)])
    store.save(Document("b", "y"), [_event("b", 1, text="Israel struck Syria.", cameo="190")])
    assert len(store.events(EventFilter(dyad=("RUS", "IRN")))) == 2
    assert store.events(EventFilter(dyad=("RUS", "IRN"), directed=True)) == []
    assert len(store.events(EventFilter(country="RUS", root="19", quad_class=1, plover="consult",
                                        modality="asserted", place="moscow"))) == 1
    assert [e.doc_id for e in store.events(EventFilter(text="israel syria"))] == ["b"]
    assert len(store.events(EventFilter(since="2023-03", until="2023-03"))) == 2
    assert store.events(EventFilter(until="2023-02")) == []
