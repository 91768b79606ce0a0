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
from typing import TYPE_CHECKING, Protocol

from dragoman.errors import DragomanError
from dragoman.records import Document, Event

if TYPE_CHECKING:
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
        chunks = _finer_at_the_end(chain([first, second], chunks), self.workers)
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


def _finer_at_the_end(chunks: Iterator[list[Document]], last: int) -> Iterator[list[Document]]:
    """The chunks, the ``last`` of them each cut in two: the workers then end closer together (a run ends
    when its slowest worker does, and a whole chunk left to one worker at the end is about half a second
    of the other's time lost). Looks ``last`` chunks ahead."""
    ahead: deque[list[Document]] = deque()
    for chunk in chunks:
        ahead.append(chunk)
        if len(ahead) > last:
            yield ahead.popleft()
    for chunk in ahead:
        yield from _halves(chunk)


def _halves(chunk: list[Document]) -> Iterator[list[Document]]:
    """``chunk`` in two runs of about half its characters each (one if it holds one document)."""
    if len(chunk) < 2:
        yield chunk
        return
    half, length, cut = sum(len(d.text) for d in chunk) / 2, 0, len(chunk) - 1
    for i, document in enumerate(chunk[:-1]):
        length += len(document.text)
        if length >= half:
            cut = i + 1
            break
    yield chunk[:cut]
    yield chunk[cut:]


def _context(settings: Settings, start_method: str | None) -> BaseContext:
    """How workers start. Forked (on Linux, from a process that runs no other thread: forking a threaded
    process can deadlock), they inherit the pipeline loaded here once and share its memory copy-on-write
    (``gc.freeze`` keeps the collector from copying it); spawned (elsewhere, or while a progress bar's
    thread runs), each imports dragoman and loads the pipeline itself, a few seconds of CPU more."""
    if start_method is None:
        safe = sys.platform == "linux" and threading.active_count() == 1
        start_method = "fork" if safe else "spawn"
    if start_method == "fork":
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


def coder(settings: Settings, workers: int) -> Coder:
    """The pipeline itself for one worker, else a ``ParallelCoder`` (which loads nothing here)."""
    if workers <= 1:
        from dragoman.pipeline import Pipeline

        pipeline = Pipeline.load(settings)
        gc.freeze()  # it lives as long as the process: the collector's full passes need not walk it again
        return pipeline
    return ParallelCoder(settings, workers)
