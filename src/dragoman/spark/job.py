"""The PySpark job: documents in, the FORMATS.md event records out as partitioned Parquet, clustered.

    read (JSON Lines, Parquet, folders of files) -> documents in input order (duplicate ids and documents
    that do not look English dropped, as ``ingest`` does) -> coded in ``mapPartitions`` (the pipeline
    loaded once per Python worker process, ``parallel.process_pipeline``) -> documents/ and events/

Clusters are assigned with the store's rules (``store.clusters.assign_in_order``): mentions that may
share a cluster have the same root and unordered dyad (``block_key``), so each block is gathered on one
executor and assigned there in input order; the result equals saving the documents one after another
into an empty store. A block holds every mention of one dyad and root (e.g. all USA-CHN consultations of
the corpus), so its size, not the corpus's, bounds an executor's memory in that step.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

import pyarrow as pa
from pyspark import RDD, StorageLevel
from pyspark.sql import SparkSession
from pyspark.sql.types import DoubleType, LongType, StringType, StructField, StructType

from dragoman.errors import InputError
from dragoman.ingest import Fields, language_problem
from dragoman.ingest.readers import READERS
from dragoman.parallel import process_pipeline
from dragoman.pipeline import Settings
from dragoman.records import Document, Event, unique_events
from dragoman.spark.rows import (
    DOCUMENT_SCHEMA,
    document_row,
    event_output_row,
    event_schema,
    file_items,
    line_item,
    record_item,
)
from dragoman.store.clusters import assign_in_order, block_key

Item = Document | str  # a document, or the one-line error of an input that could not be read
Key = tuple[int, int, int]  # input number, record or file number, document within the file


@dataclass(frozen=True)
class Job:
    inputs: tuple[str, ...]
    output: str
    settings: Settings = field(default_factory=Settings)
    fields: Fields = field(default_factory=Fields)
    any_language: bool = False
    partitions: int | None = None


@dataclass
class JobReport:
    documents: int = 0
    events: int = 0
    clusters: int = 0
    errors: list[str] = field(default_factory=list)  # the first few
    n_errors: int = 0
    not_english: int = 0
    duplicates: int = 0


def run(spark: SparkSession, job: Job) -> JobReport:
    """Read, code, cluster and write; returns what was done."""
    report = JobReport()
    items = _read(spark, job).persist(StorageLevel.MEMORY_AND_DISK)
    errors = items.filter(lambda p: isinstance(p[1], str)).sortByKey().map(lambda p: str(p[1]))  # type: ignore[call-overload]
    report.n_errors = errors.count()
    report.errors = errors.take(20)
    docs = cast("RDD[tuple[Key, Document]]", items.filter(lambda p: isinstance(p[1], Document)))
    if not job.any_language:
        english = docs.filter(lambda p: language_problem(p[1].text) is None)
        report.not_english = docs.count() - english.count()
        docs = english
    unique = docs.map(lambda p: (p[1].doc_id, p)).reduceByKey(_first).values()
    ordered = unique.sortBy(lambda p: p[0]).zipWithIndex().map(lambda p: (p[1], p[0][1]))  # type: ignore[type-var]
    if job.partitions:
        ordered = ordered.repartition(job.partitions)
    coded = ordered.mapPartitions(functools.partial(_code, job.settings)).persist(StorageLevel.MEMORY_AND_DISK)
    report.documents = coded.count()
    report.duplicates = docs.count() - report.documents

    doc_columns = DOCUMENT_SCHEMA.names
    doc_rows = coded.map(lambda t: tuple(document_row(t[0], t[1], len(t[2]))[c] for c in doc_columns))
    spark.createDataFrame(doc_rows, _spark_schema(DOCUMENT_SCHEMA)).write.parquet(f"{job.output}/documents")

    schema = event_schema()
    rows = coded.flatMap(_event_rows).groupByKey().flatMap(_cluster_block).persist(StorageLevel.MEMORY_AND_DISK)
    frame = spark.createDataFrame(rows.map(lambda r: tuple(r[c] for c in schema.names)), _spark_schema(schema))
    frame.write.partitionBy("month").parquet(f"{job.output}/events")
    report.events = rows.count()
    report.clusters = rows.map(lambda r: r["cluster_id"]).distinct().count()
    for rdd in (items, coded, rows):
        rdd.unpersist()
    return report


def _first(a: tuple[Key, Document], b: tuple[Key, Document]) -> tuple[Key, Document]:
    """Of two documents with one id, the earlier in input order (``ingest`` skips later copies)."""
    return a if a[0] <= b[0] else b


def _read(spark: SparkSession, job: Job) -> RDD[tuple[Key, Item]]:
    sc = spark.sparkContext
    parts: list[RDD[tuple[Key, Item]]] = []
    for n, source in enumerate(job.inputs):
        name = source.lower().rstrip("/")
        if name.endswith((".jsonl", ".ndjson")):
            lines = sc.textFile(source).zipWithIndex()
            parts.append(lines.flatMap(functools.partial(_line, n, source, job.fields)))
        elif name.endswith(".parquet"):
            records = spark.read.parquet(source).rdd.zipWithIndex()
            parts.append(records.map(functools.partial(_record, n, source, job.fields)))
        else:  # a folder of files, as ``ingest FOLDER`` reads it (sorted by path, only known suffixes)
            files = sc.binaryFiles(source).filter(lambda kv: _readable(kv[0])).sortByKey().zipWithIndex()  # type: ignore[call-overload]
            parts.append(files.flatMap(functools.partial(_files, n, job.fields)))
    return sc.union(parts)


def _readable(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return not name.startswith(".") and "." in name and "." + name.rsplit(".", 1)[1].lower() in READERS


def _as_item(item: Document | InputError) -> Item:
    return item if isinstance(item, Document) else str(item)  # an InputError does not survive pickling


def _line(n: int, origin: str, fields: Fields, pair: tuple[str, int]) -> list[tuple[Key, Item]]:
    line, i = pair
    item = line_item(line, origin, i + 1, fields)
    return [] if item is None else [((n, i, 0), _as_item(item))]


def _record(n: int, origin: str, fields: Fields, pair: tuple[Any, int]) -> tuple[Key, Item]:
    row, i = pair
    return (n, i, 0), _as_item(record_item(row.asDict(), origin, i + 1, fields))


def _files(n: int, fields: Fields, pair: tuple[tuple[str, bytes], int]) -> list[tuple[Key, Item]]:
    (path, data), i = pair
    return [((n, i, k), _as_item(item)) for k, item in enumerate(file_items(path, bytes(data), fields))]


def _code(settings: Settings, partition: Iterable[tuple[int, Document]]) -> Iterator[tuple[int, Document, list[Event]]]:
    """In an executor: the events of each document of one partition."""
    pairs = list(partition)
    if not pairs:
        return
    pipeline = process_pipeline(settings)
    indexes = [i for i, _ in pairs]
    for index, (document, events) in zip(indexes, pipeline.run(d for _, d in pairs), strict=True):
        yield index, document, unique_events(events)


def _event_rows(coded: tuple[int, Document, list[Event]]) -> list[tuple[tuple[str, str, str], dict[str, Any]]]:
    doc_index, _document, events = coded
    rows = [event_output_row(doc_index, i, e) for i, e in enumerate(events)]
    return [(block_key(row), row) for row in rows]


def _cluster_block(pair: tuple[Any, Iterable[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The rows of one block with their clusters, assigned document by document in input order."""
    rows = sorted(pair[1], key=lambda r: (r["doc_index"], r["event_index"]))
    documents: list[list[dict[str, Any]]] = []
    for row in rows:
        if documents and documents[-1][0]["doc_index"] == row["doc_index"]:
            documents[-1].append(row)
        else:
            documents.append([row])
    assign_in_order(documents)
    return rows


def _spark_schema(schema: pa.Schema) -> StructType:
    kinds = {pa.int64(): LongType(), pa.float64(): DoubleType(), pa.string(): StringType()}
    return StructType([StructField(f.name, kinds[f.type], True) for f in schema])
