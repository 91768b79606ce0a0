"""Library calls behind the commands: each takes plain arguments and returns data.

The CLI (and later the API and the distributed runner) only parse arguments, call these and print.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from dragoman.errors import DragomanError, InputError
from dragoman.evaluate import Score, load_gold, score
from dragoman.ingest import read_sources
from dragoman.pipeline import Pipeline
from dragoman.records import Document
from dragoman.store.database import EventFilter, Store


@dataclass
class IngestReport:
    documents: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)


def ingest(sources: Iterable[str], store: Store, pipeline: Pipeline, stdin: BinaryIO | None = None,
           on_error: Callable[[str], None] | None = None,
           on_document: Callable[[Document, int], None] | None = None) -> IngestReport:
    """Read, code and store every document; an unreadable input is reported and skipped."""
    report = IngestReport()

    def error(message: str) -> None:
        report.errors.append(message)
        if on_error is not None:
            on_error(message)

    def documents() -> Iterator[Document]:
        seen: set[str] = set()
        for item in read_sources(sources, stdin=stdin):
            if isinstance(item, InputError):
                error(str(item))
            elif item.doc_id in seen:
                error(f"{item.origin}: duplicate document id {item.doc_id!r} in this batch; later copy skipped")
            else:
                seen.add(item.doc_id)
                yield item

    stream = documents()
    while batch := list(islice(stream, pipeline.batch_size)):
        for document, events in pipeline.run(batch):
            try:
                store.save(document, events)
            except DragomanError as exc:
                error(str(exc))
                continue
            report.documents += 1
            report.events += len(events)
            if on_document is not None:
                on_document(document, len(events))
    return report


def evaluate_store(store: Store, gold_paths: Iterable[Path]) -> Score:
    """Score the stored events of the gold documents against the gold rows."""
    gold = load_gold(gold_paths)
    docs = sorted({g["doc"] for g in gold})
    system = [e.to_record() for d in docs for e in store.events(EventFilter(doc=d))]
    return score(gold, system)


def example_paths() -> tuple[Path, Path]:
    """The bundled example article and its gold file (``examples/`` of a source checkout or the package)."""
    from importlib import resources

    with resources.as_file(resources.files("dragoman") / "data" / "examples") as folder:
        base = Path(folder)
    return base / "iran-russia-2023.txt", base / "iran-russia-2023.gold.jsonl"
