"""Cluster assignment without a database (``assign_in_order``, used by the Spark runner) gives the store's
clusters, whether run over the whole corpus or block by block."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from dragoman.records import Document, Event
from dragoman.store.clusters import assign_in_order, block_key
from dragoman.store.database import Store
from dragoman.store.schema import event_row
from tests.store.concurrency_corpus import document_events
from tests.store.corpus import articles


def _stored(db: str, corpus: list[tuple[Document, list[Event]]]) -> dict[str, str]:
    store = Store.open(db)
    for document, events in corpus:
        store.save(document, events)
    found = {m.event_id: c.cluster_id for c in store.clusters() for m in c.mentions}
    store.close()
    return found


def _rows(corpus: list[tuple[Document, list[Event]]]) -> list[list[dict[str, Any]]]:
    return [[event_row(e) for e in events] for _document, events in corpus]


def _in_memory(corpus: list[tuple[Document, list[Event]]]) -> dict[str, str]:
    documents = _rows(corpus)
    assign_in_order(documents)
    return {row["event_id"]: row["cluster_id"] for rows in documents for row in rows}


def _by_block(corpus: list[tuple[Document, list[Event]]]) -> dict[str, str]:
    blocks: dict[tuple[str, str, str], list[list[dict[str, Any]]]] = defaultdict(list)
    for rows in _rows(corpus):
        per_block: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            per_block[block_key(row)].append(row)
        for key, part in per_block.items():
            blocks[key].append(part)
    out = {}
    for documents in blocks.values():
        assign_in_order(documents)
        out.update({row["event_id"]: row["cluster_id"] for rows in documents for row in rows})
    return out


def test_in_memory_clusters_are_the_stores(db_path: str) -> None:
    corpus = articles()
    stored = _stored(db_path, corpus)
    assert len(set(stored.values())) < len(stored)  # some clusters span documents
    assert _in_memory(corpus) == stored
    assert _by_block(corpus) == stored


def test_in_memory_clusters_of_many_daily_reports(tmp_path: Any) -> None:
    corpus = [document_events(i) for i in range(60)]
    stored = _stored(str(tmp_path / "c.db"), corpus)
    assert len(set(stored.values())) < len(stored) / 2
    assert _in_memory(corpus) == stored
    assert _by_block(corpus) == stored
