from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dragoman.errors import StoreError
from dragoman.records import Actor, Attribution, Document, Event, EventDate, Evidence, Place
from dragoman.store.database import EventFilter, Store


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


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sentence=st.text(min_size=1, max_size=200), trigger=st.text(min_size=1, max_size=20))
def test_any_text_round_trips(tmp_path: Path, sentence: str, trigger: str) -> None:
    store = Store.open(str(tmp_path / "prop.db"))
    event = _event("p", 1, text=sentence)
    object.__setattr__(event, "evidence", Evidence(sentence, 0, 0, 1, trigger, "p", ()))
    store.save(Document("p", sentence), [event])
    assert store.events() == [event]
