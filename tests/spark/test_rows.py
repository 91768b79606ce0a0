"""The Spark job's rows without Spark: inputs read as ``ingest`` reads them, and event rows that carry the
FORMATS.md record and load back into the very same Event."""

from __future__ import annotations

import json

from dragoman.export.flat import flatten
from dragoman.export.tables import parquet_schema
from dragoman.ingest import Fields
from dragoman.ingest.readers import read_sources
from dragoman.records import Document, unique_events
from dragoman.spark.rows import (
    EXTRA_EVENT_COLUMNS,
    event_output_row,
    event_schema,
    file_items,
    line_item,
    output_event,
)
from dragoman.store.clusters import CLUSTER_COLUMNS
from tests.store.corpus import IRN, articles
from tests.store.corpus import event as make_event


def test_event_rows_hold_the_record_and_load_back_exactly() -> None:
    events = [e for _document, doc_events in articles() for e in doc_events]
    events.append(make_event("z", 0, "040", IRN, None, None, "Iran held talks."))  # no date, no target
    assert any(e.location for e in events) and any(e.attribution for e in events)
    names = event_schema().names
    for i, event in enumerate(events):
        row = event_output_row(7, i, event)
        assert set(row) == set(names)
        assert output_event(row) == event
        record = flatten({k: v for k, v in event.to_record().items() if v is not None})
        assert {k: row[k] for k in record} == record
        assert row["month"] == (event.date.start[:7] if event.date else "undated")
    assert set(CLUSTER_COLUMNS) <= set(names)
    assert [n for n in parquet_schema().names if n in names] == [n for n in names if n in parquet_schema().names]
    assert not set(EXTRA_EVENT_COLUMNS) & set(parquet_schema().names)


def test_unique_events_keep_the_first_of_an_id() -> None:
    _document, events = articles()[0]
    twice = [*events, events[0]]
    assert unique_events(twice) == events


def test_inputs_read_as_ingest_reads_them(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    line = json.dumps({"id": "x1", "text": "MOSCOW, March 29 (Reuters) - Iran's minister met Lavrov.",
                       "published": "March 29, 2023"})
    dump = folder / "d.jsonl"
    dump.write_text(line + "\n", encoding="utf-8")
    (expected,) = [d for d in read_sources([str(dump)]) if isinstance(d, Document)]
    assert line_item(line, str(dump), 1, Fields()) == expected  # dateline out of the text, date parsed
    assert line_item("  ", str(dump), 2, Fields()) is None
    assert str(line_item("{oops", str(dump), 3, Fields())).startswith(f"{dump}:3: not valid JSON")

    page = folder / "story.txt"
    page.write_text("Iran's foreign minister visited Moscow.\n", encoding="utf-8")
    (from_file,) = file_items(f"file:{page}", page.read_bytes(), Fields())
    (read,) = read_sources([str(page)])
    assert from_file == read
