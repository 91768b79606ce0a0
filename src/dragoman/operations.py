"""Library calls behind the commands: each takes plain arguments and returns data.

The CLI (and later the API and the distributed runner) only parse arguments, call these and print.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from dragoman.errors import DragomanError, InputError, StoreError, StoreUnavailableError
from dragoman.evaluate import Score, load_gold, score
from dragoman.ingest import ReadOptions, language_problem, read_sources
from dragoman.records import Document
from dragoman.store.database import EventFilter, Store
from dragoman.store.schema import documents as documents_table

if TYPE_CHECKING:  # the pipeline (and spaCy) load only when documents are coded
    from dragoman.pipeline import Pipeline


@dataclass
class IngestReport:
    documents: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)
    skipped: int = 0  # already in the store under the same id with the same content (resumed runs)
    warnings: list[str] = field(default_factory=list)  # documents skipped on purpose: not English


def ingest(sources: Iterable[str], store: Store, pipeline: Pipeline, stdin: BinaryIO | None = None,
           on_error: Callable[[str], None] | None = None,
           on_document: Callable[[Document, int], None] | None = None,
           *, options: ReadOptions | None = None, url_lists: Iterable[str] = (), force: bool = False,
           any_language: bool = False, on_warning: Callable[[str], None] | None = None,
           on_skip: Callable[[Document], None] | None = None) -> IngestReport:
    """Read, code and store every document; an unreadable input is reported and skipped.

    A document already stored under its id with the same content (same ``content_hash``) is skipped
    unless ``force``, so an interrupted run resumes where it stopped; a changed document is coded again
    and replaces the old one. The same text under another id (a syndicated story on another site) is
    another report and is coded. A document that does not look English is skipped with a
    warning unless ``any_language``.
    """
    report = IngestReport()

    def error(message: str) -> None:
        report.errors.append(message)
        if on_error is not None:
            on_error(message)

    def documents() -> Iterator[Document]:
        seen: set[str] = set()
        for item in read_sources(sources, stdin=stdin, options=options, url_lists=url_lists):
            if isinstance(item, InputError):
                error(str(item))
            elif item.doc_id in seen:
                error(f"{item.origin}: duplicate document id {item.doc_id!r} in this batch; later copy skipped")
            elif not any_language and (problem := language_problem(item.text)):
                message = f"{item.origin or item.doc_id}: {problem}; skipped (--any-language to code it)"
                report.warnings.append(message)
                if on_warning is not None:
                    on_warning(message)
            else:
                seen.add(item.doc_id)
                yield item

    def skip(document: Document) -> None:
        report.skipped += 1
        if on_skip is not None:
            on_skip(document)

    stream = documents()
    while batch := list(islice(stream, pipeline.batch_size)):
        stored = set() if force else stored_documents(store, batch)
        todo = []
        for document in batch:
            if (document.doc_id, document.content_hash) in stored:
                skip(document)
            else:
                todo.append(document)
        for document, events in pipeline.run(todo):
            try:
                store.save(document, events)
            except StoreUnavailableError:
                raise  # every later document would fail alike: stop, the run resumes when started again
            except DragomanError as exc:
                error(str(exc))
                continue
            report.documents += 1
            report.events += len(events)
            if on_document is not None:
                on_document(document, len(events))
    return report


def stored_documents(store: Store, batch: Iterable[Document]) -> set[tuple[str, str]]:
    """``(doc_id, content_hash)`` of the documents of ``batch`` that the store holds with that content."""
    found: set[tuple[str, str]] = set()
    ids = sorted({d.doc_id for d in batch})
    table = documents_table
    try:
        with store.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                query = select(table.c.doc_id, table.c.content_hash).where(table.c.doc_id.in_(ids[i:i + 500]))
                found.update((row[0], row[1]) for row in conn.execute(query))
    except DBAPIError as exc:
        raise StoreError(f"{store.label}: cannot read: {str(exc.orig).splitlines()[0]}") from None
    return found


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
