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
from dragoman.records import Document, Event
from dragoman.store.database import EventFilter, Store
from dragoman.store.schema import documents as documents_table

if TYPE_CHECKING:  # the pipeline (and spaCy) load only when documents are coded, the readers when read
    from dragoman.ingest import ReadOptions
    from dragoman.parallel import Coder
    from dragoman.pipeline import Pipeline


@dataclass
class IngestReport:
    documents: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)
    skipped: int = 0  # already in the store under the same id with the same content (resumed runs)
    warnings: list[str] = field(default_factory=list)  # documents skipped on purpose: not English


def ingest(sources: Iterable[str], store: Store, pipeline: Coder, stdin: BinaryIO | None = None,
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
    from dragoman.ingest import language_problem, read_sources

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

    def todo() -> Iterator[Document]:  # a stream, so that worker processes never wait for a batch's end
        stream = documents()
        while batch := list(islice(stream, pipeline.batch_size)):
            stored = set() if force else stored_documents(store, batch)
            for document in batch:
                if (document.doc_id, document.content_hash) in stored:
                    skip(document)
                else:
                    yield document

    for document, events in pipeline.run(todo()):
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


def load_output(folder: Path, store: Store, force: bool = False,
                on_document: Callable[[Document, int], None] | None = None) -> IngestReport:
    """Store the documents and events of a ``dragoman.spark`` output folder, in its input order; the
    store assigns clusters by its rules (into an empty store: the Spark job's clusters). Documents already
    stored with the same content are skipped unless ``force``, so an interrupted load resumes."""
    from dragoman.spark.rows import read_output

    report = IngestReport()
    for loaded in read_output(folder):
        document = loaded.document
        if not force and (document.doc_id, document.content_hash) in stored_documents(store, [document]):
            report.skipped += 1
            continue
        store.save(document, loaded.events)
        report.documents += 1
        report.events += len(loaded.events)
        if on_document is not None:
            on_document(document, len(loaded.events))
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


@dataclass
class CodeReport:
    """What ``code_documents`` found: each readable document with its events, and what was not read."""

    documents: list[tuple[Document, list[Event]]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # not English: skipped
    stored: bool = False


def code_documents(items: Iterable[Document | InputError], pipeline: Pipeline | None, store: Store | None = None,
                   *, any_language: bool = False) -> CodeReport:
    """Code documents read by the caller (pasted text, an upload, a page), storing them when given a
    store: the web's "code text". Unreadable inputs and non-English documents are reported, not raised."""
    from dragoman.ingest import language_problem

    report = CodeReport()
    todo = []
    for item in items:
        if isinstance(item, InputError):
            report.errors.append(str(item))
        elif not any_language and (problem := language_problem(item.text)):
            report.warnings.append(f"{item.origin or item.doc_id}: {problem}; skipped")
        else:
            todo.append(item)
    if todo and pipeline is None:
        raise DragomanError("code_documents needs a pipeline to code documents")
    report.documents = list(pipeline.run(todo)) if todo and pipeline is not None else []
    if store is not None:
        for document, events in report.documents:
            store.save(document, events)
        report.stored = bool(report.documents)
    return report
