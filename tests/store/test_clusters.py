"""Deduplication: one event reported by several articles is one cluster; look-alikes stay apart."""

from __future__ import annotations

import datetime as dt

from dragoman.records import Document
from dragoman.store.database import EventFilter, Store
from tests.store.corpus import EXPECTED_CLUSTERS, EXPECTED_MENTIONS, IRN, RUS, articles, event

GROUPS = sorted([
    ["blog-1-0", "irna-1-0", "tass-1-0", "tass-1-1", "wire-1-0"],  # one visit, four articles
    ["irna-1-3"],  # the 2022 visit
    ["wire-1-2"],  # the planned visit
    ["syr-1-0", "syr-2-0"],  # one strike, two articles
    ["syr-1-4"],  # the January strike
    ["syr-2-1"],  # criticism: another root
])


def _groups(store: Store) -> list[list[str]]:
    return sorted(sorted(m.event_id for m in c.mentions) for c in store.clusters())


def _load(db: str) -> Store:
    store = Store.open(db)
    for document, events in articles():
        store.save(document, events)
    return store


def _by_id(store: Store) -> dict[str, set[str]]:
    return {c.cluster_id: {m.event_id for m in c.mentions} for c in store.clusters()}


def test_the_corpus_comes_out_as_the_right_clusters(db_path: str) -> None:
    store = _load(db_path)
    clusters = store.clusters()
    assert len(clusters) == EXPECTED_CLUSTERS
    assert sum(c.n_mentions for c in clusters) == EXPECTED_MENTIONS
    assert _groups(store) == GROUPS
    visit = next(c for c in clusters if c.n_mentions == 5)
    assert (visit.n_documents, visit.n_sources) == (4, 3)  # tass.com twice, irna.ir, blog-1
    assert visit.cluster_id == "tass-1-0"  # the founding mention's id
    assert visit.event.modality == "asserted" and visit.date_start == "2023-03-29"
    assert store.counts() == {"documents": 6, "mentions": EXPECTED_MENTIONS, "clusters": EXPECTED_CLUSTERS}


def test_queries_count_clusters_by_default_and_mentions_on_request(db_path: str) -> None:
    store = _load(db_path)
    where = EventFilter(dyad=("IRN", "RUS"))
    assert len(store.units(where)) == 3
    assert len(store.units(where, mentions=True)) == 7
    assert len(store.units(EventFilter(doc="tass-1"))) == 1  # both tass-1 mentions are the one visit
    only = store.units(EventFilter(doc="tass-1"), mentions=True)
    assert {u.event.event_id for u in only} == {"tass-1-0", "tass-1-1"}


def test_cluster_ids_are_stable_on_reingest_and_new_reports(db_path: str) -> None:
    store = _load(db_path)
    before = _by_id(store)
    for document, events in articles()[:2]:
        store.save(document, events)  # re-ingest the founding articles
    assert _by_id(store) == before
    extra = articles()[3][1][0]
    later = Document("late-1", "x7", None, "https://example.org/late", "2023-03-30")
    store.save(later, [extra.__class__(**{**extra.__dict__, "doc_id": "late-1", "event_id": "late-1-0"})])
    after = _by_id(store)
    assert after["tass-1-0"] == before["tass-1-0"] | {"late-1-0"}
    assert {k for k in after} == {k for k in before}


def test_recluster_reproduces_the_incremental_result(db_path: str) -> None:
    store = _load(db_path)
    before = _by_id(store)
    assert store.recluster() == EXPECTED_MENTIONS
    assert _by_id(store) == before


def test_order_of_arrival_does_not_change_the_grouping(db_path: str) -> None:
    store = Store.open(db_path)
    for document, events in reversed(articles()):
        store.save(document, events)
    assert _groups(store) == GROUPS


def test_daily_reports_do_not_chain_into_one_long_event(db_path: str) -> None:
    store = Store.open(db_path)
    for i in range(12):  # a visit reported each day, dated only by each report's publication date
        day = f"2023-05-{i + 1:02d}"
        store.save(Document(f"d{i}", f"text {i}", published=day),
                   [event(f"d{i}", 0, "042", IRN, RUS, day, "Iran visited Russia.", date_source="document")])
    clusters = store.clusters()
    assert 1 < len(clusters) < 12
    for c in clusters:
        assert c.date_start and c.date_end
        span = dt.date.fromisoformat(c.date_end) - dt.date.fromisoformat(c.date_start)
        assert span.days <= 6
