"""Coding documents in worker processes: ``ingest --workers N``.

``ParallelCoder`` has the shape of ``Pipeline`` that ``operations.ingest`` uses (``batch_size`` and
``run(documents) -> (document, events)`` in input order), so the one writer, the resume check and the
progress callbacks stay where they are. Documents go to the workers in chunks (by default the pipeline's
own parse batches: up to ``batch_size`` documents and ``batch_chars`` characters, so that a worker parses
short documents in one large batch and long ones a few at a time) and each worker sends back the events of
each document. Workers hold the pipeline once each: forked workers inherit the writer's,
spawned ones load their own on their first chunk (see ``_context``); either way a malformed knowledge file
comes back as the ordinary one-line error, not as a broken pool. At most ``2 * workers`` chunks are in
flight, so memory stays bounded whatever the length of the input, and the results are yielded in input
order whatever the order in which workers finish.

Events depend only on their document and the settings (no state is carried from one document to the
next), so the output equals that of one process; ``tests/test_parallel.py`` checks it.

An input that fits in one chunk is coded in this process: starting workers would cost more than it saves.

With one worker (``ParsingWorker``), the work is split the other way: the worker only parses (spaCy, about
two thirds of the work) and sends each batch's parses back (``nlp/transfer.py``), while this process codes
them and stores the batch before; the events are those of parsing here (``tests/test_parallel.py``).
"""

from __future__ import annotations

import functools
import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import chain, islice
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING, Protocol, TypeAlias

from dragoman.errors import DragomanError
from dragoman.records import Document, Event

if TYPE_CHECKING:
    from dragoman.nlp.chunks import Parts
    from dragoman.nlp.transfer import Packed
    from dragoman.pipeline import Pipeline, Settings


class Coder(Protocol):
    """What ``operations.ingest`` needs of a coder: ``Pipeline`` and ``ParallelCoder`` both are one."""

    batch_size: int

    def run(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]: ...


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@functools.lru_cache(maxsize=1)
def process_pipeline(settings: Settings) -> Pipeline:
    """The pipeline of ``settings``, loaded once in this process: a worker process (of this module's
    pool, or a Spark executor's Python worker, which Spark reuses between tasks) loads the model once,
    not once per chunk or partition."""
    from dragoman.pipeline import Pipeline

    return Pipeline.load(settings)


def _code_chunk(settings: Settings, chunk: list[Document]) -> list[list[Event]]:
    """In a worker: the events of each document of ``chunk``."""
    return [events for _document, events in process_pipeline(settings).run(chunk)]


@dataclass
class ParallelCoder:
    """Codes documents in ``workers`` processes; yields ``(document, events)`` in input order."""

    settings: Settings
    workers: int
    chunk_size: int | None = None  # documents per task; None: the pipeline's batches (see the docstring)
    start_method: str | None = None  # "fork" or "spawn"; None: fork when it is safe (see ``_context``)
    batch_size: int = field(init=False)

    def __post_init__(self) -> None:
        self.batch_size = self.settings.batch_size

    def run(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        chunks = self._chunks(documents)
        first = next(chunks, [])
        second = next(chunks, [])
        if not second:  # all of it fits in one chunk
            yield from process_pipeline(self.settings).run(first)
            return
        chunks = chain([first, second], chunks)
        context = _context(self.settings, self.start_method)
        with ProcessPoolExecutor(self.workers, mp_context=context, initializer=_ignore_interrupts,
                                 initargs=(os.getpid(),)) as pool:
            pending: deque[tuple[list[Document], Future[list[list[Event]]]]] = deque()
            try:
                for chunk in chunks:
                    pending.append((chunk, pool.submit(_code_chunk, self.settings, chunk)))
                    if len(pending) >= 2 * self.workers:
                        yield from _collect(*pending.popleft())
                while pending:
                    yield from _collect(*pending.popleft())
            finally:
                for _chunk, future in pending:
                    future.cancel()

    def _chunks(self, documents: Iterable[Document]) -> Iterator[list[Document]]:
        if self.chunk_size is None:
            from dragoman.pipeline import batches

            return batches(documents, self.settings.batch_size, self.settings.batch_chars)
        stream = iter(documents)
        return iter(lambda: list(islice(stream, self.chunk_size)), [])


def _context(settings: Settings, start_method: str | None, preload: bool = True) -> BaseContext:
    """How workers start. Forked (on Linux, from a process that runs no other thread: forking a threaded
    process can deadlock), they inherit the pipeline loaded here once and share its memory copy-on-write
    (``gc.freeze`` keeps the collector from copying it); spawned (elsewhere, or while a progress bar's
    thread runs), each imports dragoman and loads the pipeline itself, a few seconds of CPU more."""
    if start_method is None:
        safe = sys.platform == "linux" and threading.active_count() == 1
        start_method = "fork" if safe else "spawn"
    if start_method == "fork":
        if preload:
            process_pipeline(settings)
        gc.freeze()
    return multiprocessing.get_context(start_method)


def _ignore_interrupts(writer: int) -> None:
    """In a worker: Ctrl-C is the writer's to handle (it stops taking results; the store stays whole). And a
    worker dies with its writer: a forked worker holds the writer's database connection, and an orphan
    would keep it (and PostgreSQL's writer lock) open after the writer was killed, so that the next run,
    meant to resume, would wait for ever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != writer:  # the writer died before the request above took effect
        os._exit(1)


PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


def _collect(chunk: list[Document], future: Future[list[list[Event]]]) -> Iterator[tuple[Document, list[Event]]]:
    try:
        results = future.result()
    except BrokenProcessPool:
        raise DragomanError("a worker process died (out of memory?); run again with fewer --workers "
                            "to resume: documents already stored are skipped") from None
    yield from zip(chunk, results, strict=True)


def _parse_batch(model: str | None, texts: list[str], batch_size: int) -> Packed:
    """In the parsing worker: the parses of one of the pipeline's batches, as ``chunks.parse`` makes them
    (one ``nlp.pipe`` call), packed to be sent back (``nlp/transfer.py``)."""
    from dragoman.nlp.model import load_model
    from dragoman.nlp.transfer import pack

    return pack(load_model(model).pipe(texts, batch_size=batch_size))


# How a batch of ``ParsingWorker`` is parsed: by the worker (its future), here already (the documents with
# their parses), or here when it is coded (None: a batch holding a text parsed in parts, one part at a time)
Parsing: TypeAlias = "Future[Packed] | list[tuple[Document, Parts]] | None"


@dataclass
class ParsingWorker:
    """One worker: spaCy parses batches in a worker process while this process codes the batches before
    and the caller stores them; yields ``(document, events)`` in input order.

    The worker starts as soon as the first two batches are read, with only the model loaded: this process
    loads the rest of the pipeline (actors, patterns, places) while the worker parses. When the worker is
    still parsing the batch to be coded next, this process parses the next unread batch itself rather than
    wait, so the two processes share the parsing as their loads allow. At most ``AHEAD`` batches are at the
    worker and ``PENDING`` read and not yet coded. A batch holding a text too long for one parse is parsed
    here, part by part, as ``Pipeline.run`` does. Every batch is parsed whole by one ``nlp.pipe`` call,
    wherever it is, so the parses and events are those of ``Pipeline.run``. An input that fits in one
    batch is coded here: starting the worker would cost more than it saves."""

    settings: Settings
    start_method: str | None = None  # "fork" or "spawn"; None: fork when it is safe (see ``_context``)
    batch_size: int = field(init=False)

    AHEAD = 2
    PENDING = 4

    def __post_init__(self) -> None:
        self.batch_size = self.settings.batch_size

    def run(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        from dragoman.nlp import chunks
        from dragoman.nlp.model import load_model
        from dragoman.pipeline import batches

        settings = self.settings
        stream = batches(documents, settings.batch_size, settings.batch_chars)
        first = next(stream, [])
        second = next(stream, [])
        if not second:
            yield from process_pipeline(settings).run(first)
            return
        unread = chain([first, second], stream)
        nlp = load_model(settings.model)
        context = _context(settings, self.start_method, preload=False)
        with ProcessPoolExecutor(1, mp_context=context, initializer=_ignore_interrupts,
                                 initargs=(os.getpid(),)) as pool:
            pending: deque[tuple[list[Document], Parsing]] = deque()

            def at_worker() -> int:
                return sum(isinstance(job, Future) for _batch, job in pending)

            def send() -> bool:
                """Read the next batch and send it to the worker (a text parsed in parts stays here)."""
                batch = next(unread, None)
                if batch is None:
                    return False
                whole = chunks.parsed_whole(nlp, batch, settings.batch_size)
                pending.append((batch, pool.submit(_parse_batch, settings.model, [d.text for d in batch],
                                                   settings.batch_size) if whole else None))
                return True

            def fill() -> None:
                while at_worker() < self.AHEAD and len(pending) < self.PENDING and send():
                    pass

            try:
                fill()
                pipeline = process_pipeline(settings)  # while the worker parses
                gc.freeze()
                while pending:
                    batch, job = pending[0]
                    if isinstance(job, Future) and not job.done() and len(pending) < self.PENDING:
                        unparsed = next(unread, None)  # rather than wait for the worker, parse one here
                        if unparsed is not None:
                            whole = chunks.parsed_whole(nlp, unparsed, settings.batch_size)
                            pending.append((unparsed, list(chunks.parse(nlp, unparsed, settings.batch_size))
                                            if whole else None))
                            continue
                    pending.popleft()
                    yield from _code_parsed(pipeline, batch, job)
                    fill()
            finally:
                for _batch, job in pending:
                    if isinstance(job, Future):
                        job.cancel()


def _code_parsed(pipeline: Pipeline, batch: list[Document], job: Parsing) -> Iterator[tuple[Document, list[Event]]]:
    """The events of ``batch``, parsed by the worker, here already, or here now (see ``Parsing``)."""
    if job is None:
        yield from pipeline.run(batch)
        return
    if isinstance(job, list):
        yield from pipeline.code_parsed(job)
        return
    from dragoman.nlp.transfer import unpack

    try:
        parses = job.result()
    except BrokenProcessPool:
        raise DragomanError("the parsing worker process died (out of memory?); run again to resume: "
                            "documents already stored are skipped") from None
    docs = unpack(pipeline.nlp.vocab, parses)
    yield from pipeline.code_parsed((d, iter([(0, doc)])) for d, doc in zip(batch, docs, strict=True))


def coder(settings: Settings, workers: int) -> Coder:
    """For one worker: when this process may use a second core, a ``ParsingWorker`` (the model is loaded
    here, the rest of the pipeline when documents come), else the pipeline itself, loaded here. For more,
    a ``ParallelCoder`` (which loads nothing here)."""
    if workers > 1:
        return ParallelCoder(settings, workers)
    if default_workers() >= 2:
        from dragoman.nlp.model import load_model

        load_model(settings.model)  # a missing model is reported now, before any input is read
        return ParsingWorker(settings)
    pipeline = process_pipeline(settings)
    gc.freeze()  # it lives as long as the process: the collector's full passes need not walk it again
    return pipeline
