"""What the Spark job reads and writes, without Spark: plain functions its tasks call, and the reader of
its output that ``dragoman load`` uses.

The output folder holds two Parquet datasets:

- ``documents/``: one row per coded document (``DOCUMENT_COLUMNS``), ``doc_index`` its place in the
  input order (the order a single-machine ``ingest`` would store them in);
- ``events/``: one row per event mention, partitioned by ``month`` (of the event date, or ``undated``).
  Its columns are the FORMATS.md record flattened with ``_``, exactly the columns of
  ``dragoman export --format parquet`` (``export.tables.parquet_schema``) with ``cluster_id`` set, then
  what a lossless load into a store needs besides (``EXTRA_EVENT_COLUMNS``: the rule that fired, the
  notes, how each actor was resolved, the dyad keys, the unrounded confidence) and the order columns.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import SimpleNamespace
from typing import Any

import pyarrow as pa

from dragoman.errors import InputError
from dragoman.export.flat import CLUSTER_FIELDS, flat_row
from dragoman.export.tables import parquet_schema
from dragoman.ingest.dumps import record_document
from dragoman.ingest.readers import finish, read_source
from dragoman.ingest.source import Fields, Source
from dragoman.records import Document, Event
from dragoman.store.clusters import Cluster
from dragoman.store.schema import event_row, row_event

DOCUMENT_SCHEMA = pa.schema([
    ("doc_index", pa.int64()), ("doc_id", pa.string()), ("content_hash", pa.string()), ("title", pa.string()),
    ("url", pa.string()), ("published", pa.string()), ("origin", pa.string()), ("meta", pa.string()),
    ("n_events", pa.int64()), ("text", pa.string()),
])
EXTRA_EVENT_COLUMNS = ("pattern", "notes", "source_how", "source_entry", "target_how", "target_entry",
                       "location_precision", "source_key", "target_key")


def event_schema() -> pa.Schema:
    """The columns of ``events/`` in order (``month`` is the partition column)."""
    record = [f for f in parquet_schema() if f.name not in CLUSTER_FIELDS or f.name == "cluster_id"]
    extras = [pa.field(name, pa.string()) for name in EXTRA_EVENT_COLUMNS]
    order = [pa.field("exact_confidence", pa.float64()), pa.field("doc_index", pa.int64()),
             pa.field("event_index", pa.int64()), pa.field("month", pa.string())]
    return pa.schema([*record, *extras, *order])


# --- reading inputs ------------------------------------------------------------------------------------

def _stem(origin: str) -> str:
    return PurePosixPath(origin.split(":", 1)[1] if origin.startswith("file:") else origin).stem


def record_item(record: Mapping[str, Any], origin: str, number: int, fields: Fields) -> Document | InputError:
    """The document of one JSON Lines line or Parquet row (``number`` counts from 1), as ``ingest`` reads it."""
    source = Source(b"", origin, _stem(origin), fields=fields)
    item = record_document(record, source, number)
    return finish(item) if isinstance(item, Document) else item


def line_item(line: str, origin: str, number: int, fields: Fields) -> Document | InputError | None:
    """The document of one JSON Lines line (UTF-8); None for a blank line."""
    if number == 1:
        line = line.removeprefix("\ufeff")  # a byte-order mark
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(origin, f"not valid JSON ({exc.msg})", line=number)
    if not isinstance(obj, dict):
        return InputError(origin, "a JSON object is expected on each line", line=number)
    return record_item(obj, origin, number, fields)


def file_items(origin: str, data: bytes, fields: Fields) -> list[Document | InputError]:
    """The documents of one file of a folder (text, Markdown, HTML, feeds, dumps), by its suffix."""
    path = origin.split(":", 1)[1] if origin.startswith("file:") else origin
    source = Source(data, path, _stem(path), fields=fields)
    return list(read_source(source, PurePosixPath(path).suffix))


# --- writing rows -------------------------------------------------------------------------------------

def document_row(doc_index: int, document: Document, n_events: int) -> dict[str, Any]:
    return {"doc_index": doc_index, "doc_id": document.doc_id, "content_hash": document.content_hash,
            "title": document.title, "url": document.url, "published": document.published,
            "origin": document.origin, "meta": json.dumps(dict(document.meta)) if document.meta else None,
            "n_events": n_events, "text": document.text}


def event_output_row(doc_index: int, event_index: int, event: Event) -> dict[str, Any]:
    """One row of ``events/`` before clustering (``cluster_id`` is set by the cluster step); it holds
    every column cluster assignment reads (``store.clusters.CLUSTER_COLUMNS``)."""
    store_row = event_row(event)
    row = {name: store_row[name] for name in EXTRA_EVENT_COLUMNS}
    row.update(flat_row(Cluster.of(event)))  # the FORMATS.md record as the Parquet export writes it
    for name in CLUSTER_FIELDS:
        if name != "cluster_id":
            del row[name]
    day = event.date.start if event.date else None
    row.update(cluster_id=None, exact_confidence=event.confidence, doc_index=doc_index, event_index=event_index,
               month=day[:7] if day else "undated")
    return row


# --- reading the output back ------------------------------------------------------------------------

@dataclass(frozen=True)
class LoadedDocument:
    document: Document
    events: list[Event]
    cluster_ids: list[str]


def read_output(folder: Path) -> Iterator[LoadedDocument]:
    """The documents of a Spark job's output with their events, in input order."""
    import pyarrow.dataset as ds

    for part in ("documents", "events"):
        if not (folder / part).is_dir():
            raise InputError(str(folder), f"not an output of dragoman.spark (no {part}/ folder)")
    try:
        docs_table = ds.dataset(folder / "documents", format="parquet").to_table()
        table = ds.dataset(folder / "events", format="parquet", partitioning="hive").to_table()
    except (pa.ArrowException, OSError) as exc:
        raise InputError(str(folder), f"cannot read the Parquet output: {exc}") from None
    if not docs_table.num_rows:  # an output without documents may hold no Parquet file at all
        return
    docs = docs_table.sort_by("doc_index").to_pylist()
    rows = table.sort_by([("doc_index", "ascending"), ("event_index", "ascending")]).to_pylist() \
        if table.num_rows else []
    by_doc: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        by_doc.setdefault(row["doc_index"], []).append(row)
    for d in docs:
        document = Document(doc_id=d["doc_id"], text=d["text"], title=d["title"], url=d["url"],
                            published=d["published"], origin=d["origin"],
                            meta=tuple(json.loads(d["meta"]).items()) if d["meta"] else ())
        if document.content_hash != d["content_hash"]:
            raise InputError(str(folder), f"document {d['doc_id']!r}: text does not match its content hash")
        mine = by_doc.get(d["doc_index"], [])
        yield LoadedDocument(document, [output_event(r) for r in mine], [r["cluster_id"] for r in mine])


def output_event(row: Mapping[str, Any]) -> Event:
    """The Event of one ``events/`` row (the store's own row reader, on the same column names)."""
    return row_event(SimpleNamespace(_mapping={**row, "confidence": row["exact_confidence"]}))
