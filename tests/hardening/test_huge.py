"""One document with very many events: a 20 MB report or a 5 MB single line yields tens of thousands.
Two steps were quadratic in that number and the benchmark's huge rows never completed: every event's id
hashed the whole text again, and clustering compared each event with every earlier event of its
document. These tests count the work instead of timing it, and code a 2.5 MB document of both shapes."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dragoman.operations import ingest
from dragoman.pipeline import Pipeline
from dragoman.records import Actor, Document
from dragoman.store import clusters
from dragoman.store.database import Store
from tests.hardening.test_fuzz import EXAMPLES
from tests.hardening.trials import sqlite_pass_only
from tests.store.corpus import IRN, RUS, event

_DATES = [None, "2023-03-28", "2023-03-29", "2023-03-31", "2023-06-01"]
_PLACES = [(None, None, None), ("Moscow", "RUS", "city"), ("Tehran", "IRN", "city"), ("Russia", "RUS", "country")]


def _row(i: int, cameo: str, source: str | None, target: str | None, day: int, place: int, modality: str,
         document_date: bool) -> dict[str, Any]:
    date = _DATES[day]
    name, country, precision = _PLACES[place]
    return {"event_id": f"e{i:05d}", "cluster_id": None, "doc_id": "d", "cameo": cameo, "root": cameo[:2],
            "source_key": source, "target_key": target, "date_start": date, "date_end": date,
            "date_source": "document" if document_date else "explicit", "location_name": name,
            "location_country": country, "location_precision": precision, "modality": modality}


_ROWS = st.lists(st.tuples(st.sampled_from(["040", "042", "043", "057", "111", "190"]),
                           st.sampled_from(["IRN", "RUS", "SYR", None]), st.sampled_from(["IRN", "RUS", None]),
                           st.integers(0, len(_DATES) - 1), st.integers(0, len(_PLACES) - 1),
                           st.sampled_from(["asserted", "planned", "claimed"]), st.booleans()), max_size=60)


def _pairwise_in_order(documents: list[list[dict[str, Any]]]) -> None:
    """The assignment as it was: each row compared with every earlier row of its document."""
    found: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    extents: dict[str, clusters.Extent] = {}
    for rows in documents:
        earlier: list[dict[str, Any]] = []
        for row in rows:
            cluster = clusters.best_cluster(row, earlier + clusters.fitting(row, found), extents) or row["event_id"]
            row["cluster_id"] = cluster
            extent = clusters._extend(extents.get(cluster), row)
            if extent is not None:
                extents[cluster] = extent
            earlier.append(row)
        for row in rows:
            found.setdefault((row["root"], row["source_key"], row["target_key"]), []).append(dict(row))


@sqlite_pass_only
@settings(max_examples=EXAMPLES * 4, deadline=None)
@given(first=_ROWS, second=_ROWS)
def test_indexed_assignment_gives_the_clusters_of_comparing_every_pair(first: list[tuple[Any, ...]],
                                                                       second: list[tuple[Any, ...]]) -> None:
    def documents() -> list[list[dict[str, Any]]]:
        return [[_row(i, *spec) for i, spec in enumerate(first)],
                [_row(1000 + i, *spec) for i, spec in enumerate(second)]]

    indexed, pairwise = documents(), documents()
    clusters.assign_in_order(indexed)
    _pairwise_in_order(pairwise)
    assert [[r["cluster_id"] for r in rows] for rows in indexed] == [[r["cluster_id"] for r in rows]
                                                                     for rows in pairwise]


@sqlite_pass_only
def test_clustering_a_document_compares_each_event_with_its_distinct_look_alikes_only(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """6,000 events: 3,000 reports of six events, 3,000 of distinct dyads. Comparing every pair would be
    18 million comparisons; each event has at most six distinct look-alikes."""
    specs = [("042", "IRN", "RUS", 2, 1, "asserted", False), ("042", "RUS", "IRN", 2, 1, "asserted", False),
             ("043", "RUS", "IRN", 2, 0, "asserted", False), ("042", "IRN", "RUS", 4, 1, "planned", False),
             ("190", "SYR", "IRN", 3, 0, "asserted", True), ("111", "IRN", None, 0, 0, "claimed", False)]
    rows = [_row(i, *specs[i % len(specs)]) for i in range(3000)]
    rows += [_row(3000 + i, "190", f"X{i:04d}", "IRN", 2, 0, "asserted", False) for i in range(3000)]
    random.Random(13).shuffle(rows)
    calls = 0
    real: Callable[[dict[str, Any], dict[str, Any]], bool] = clusters.compatible

    def counting(a: dict[str, Any], b: dict[str, Any]) -> bool:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(clusters, "compatible", counting)
    clusters.assign_rows(rows, {}, {})
    assert calls <= len(specs) * len(rows)
    # the meeting reported three ways (042 either way, 043 with no place) is one event; planned, 190, 111
    assert len({r["cluster_id"] for r in rows}) == 4 + 3000


def test_a_document_with_thousands_of_dyads_is_stored_and_its_reports_found_again(db_path: str) -> None:
    """SQLite refuses an expression more than 1,000 deep: one OR of every dyad of a long report could not
    be saved. A second report of the same events joins their clusters."""
    actors = [Actor(f"Group {i}", f"Group {i}", f"X{i:04d}") for i in range(1500)]
    store = Store.open(db_path)
    try:
        for doc in ("first", "second"):
            found = [event(doc, i, "190", actor, IRN if i % 2 else RUS, "2023-03-29", f"Group {i} attacked Iran.")
                     for i, actor in enumerate(actors)]
            store.save(Document(doc, f"text of {doc}"), found)
        by_cluster = {c.cluster_id: sorted(m.doc_id for m in c.mentions) for c in store.clusters()}
    finally:
        store.close()
    assert len(by_cluster) == len(actors)
    assert all(docs == ["first", "second"] for docs in by_cluster.values())


def _article_shape(target: int) -> str:
    """Paragraphs of short event sentences between blank lines (cheap to parse), as a long report."""
    paragraph = "Iran met Russia in Moscow. Russia thanked Iran.\nFrance criticised Germany.\n"
    gap = "\n" * 4000
    return (paragraph * 3 + gap) * (target // (len(paragraph) * 3 + len(gap)) + 1)


def _line_shape(target: int) -> str:
    """One line, no line break at all: event sentences between runs of spaces."""
    sentence = "Iran met Russia in Moscow. Russia thanked Iran. France criticised Germany. "
    gap = " " * 4000
    return (sentence + gap) * (target // (len(sentence) + len(gap)) + 1)


@sqlite_pass_only
@pytest.mark.model
@pytest.mark.parametrize("shape", [_article_shape, _line_shape], ids=["article", "single-line"])
def test_a_document_of_megabytes_with_thousands_of_events_is_coded_and_stored(
        pipeline: Pipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shape: Callable[[int], str]) -> None:
    text = shape(2_500_000)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "huge.txt").write_text(text, encoding="utf-8")
    (folder / "ordinary.txt").write_text("Iran's foreign minister visited Moscow on Wednesday.\n", encoding="utf-8")
    hashed: list[int] = []
    real = hashlib.sha256

    def counting(data: bytes = b"", **kwargs: Any) -> Any:
        hashed.append(len(data))
        return real(data, **kwargs)

    monkeypatch.setattr(hashlib, "sha256", counting)
    store = Store.open(str(tmp_path / "e.db"))
    try:
        report = ingest([str(folder)], store, pipeline, any_language=True)
        stored = {doc_id: (store.document(doc_id) or {}).get("text") for doc_id in store.document_ids()}
        found = store.events()
        n_clusters = store.counts()["clusters"]
    finally:
        store.close()
    assert not report.errors
    assert stored["huge"] == text and "ordinary" in stored
    huge = [e for e in found if e.doc_id == "huge"]
    sentences = text.count(". ")
    assert len(huge) >= sentences  # each sentence reports one event, some two (the meeting, both ways)
    assert len({e.event_id for e in huge}) == len(huge)
    for e in huge:
        assert 0 <= e.evidence.start_char < e.evidence.end_char <= len(text)
        assert text[e.evidence.start_char:e.evidence.end_char] in e.evidence.sentence
    assert max(e.evidence.start_char for e in huge) > len(text) - 5000  # the end of the text was coded
    assert n_clusters < 20  # thousands of reports of a few events
    assert hashed.count(len(text.encode("utf-8"))) == 1  # the text hashed once, not once per event
