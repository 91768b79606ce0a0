"""Coding documents in worker processes: ``ingest --workers N``.

``ParallelCoder`` has the shape of ``Pipeline`` that ``operations.ingest`` uses (``batch_size`` and
``run(documents) -> (document, events)`` in input order), so the one writer, the resume check and the
progress callbacks stay where they are. Documents go to the workers in chunks (by default the pipeline's
own parse batches: up to ``batch_size`` documents and ``batch_chars`` characters, so that a worker parses
short documents in one large batch and long ones a few at a time) and each worker sends back the events of
each document. Workers hold the pipeline once each. By default (where the platform has one) they are
forked from a forkserver that loaded it once, started first thing (``ParallelCoder.start``, which
``coder`` calls) so that the loading, the serial part of a run, overlaps what the writer does meanwhile
(importing the readers and the store, opening it, reading the first documents); the writer itself never
loads spaCy. See ``_context`` for the other ways. A malformed knowledge file comes back as the ordinary
one-line error, not as a broken pool. At most ``2 * workers`` chunks are in flight (and ``READ_AHEAD *
workers`` read ahead while the pipeline loads), so memory stays bounded whatever the length of the input,
and the results are yielded in input order whatever the order in which workers finish.

Events depend only on their document and the settings (no state is carried from one document to the
next), so the output equals that of one process; ``tests/test_parallel.py`` checks it.

An input that fits in one chunk, given to a coder not yet started, is coded in this process: starting
workers would cost more than it saves.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import multiprocessing
import os
import signal
import sys
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
from dragoman.settings import Settings

if TYPE_CHECKING:
    from dragoman.pipeline import Pipeline


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


READ_AHEAD = 8  # chunks per worker read before the first is handed out (a chunk: see ``settings.batches``)


@dataclass
class ParallelCoder:
    """Codes documents in ``workers`` processes; yields ``(document, events)`` in input order."""

    settings: Settings
    workers: int
    chunk_size: int | None = None  # documents per task; None: the pipeline's batches (see the docstring)
    start_method: str | None = None  # "forkserver", "fork" or "spawn"; None: the default (see ``_context``)
    batch_size: int = field(init=False)
    _context: BaseContext | None = field(init=False, default=None, repr=False)

    def __post_init__(self) -> None:
        self.batch_size = self.settings.batch_size

    def start(self) -> None:
        """Get the workers' pipeline loading now: with a forkserver (the default where there is one), the
        server loads it while this process goes on (opening the store, reading the first documents). ``run``
        calls it; calling it early is what gains the time."""
        if self._context is None:
            self._context = _context(self.settings, self.start_method)

    def run(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        chunks = self._chunks(documents)
        first = next(chunks, [])
        second = next(chunks, [])
        if not first:
            return
        if not second and self._context is None:  # one chunk, and no worker's pipeline is loading yet
            yield from process_pipeline(self.settings).run(first)
            return
        self.start()
        chunks = _finer_at_the_end(chain([first, second] if second else [first], chunks), self.workers)
        # The first worker starts once its pipeline is loaded (a second or more; the first submit waits for
        # it): the chunks read meanwhile (reading and checking the language of documents is the writer's
        # work) are that much less for the writer to do while the workers run. A bounded number.
        ahead = list(islice(chunks, READ_AHEAD * self.workers))
        with ProcessPoolExecutor(self.workers, mp_context=self._context, initializer=_worker_setup) as pool:
            pending: deque[tuple[list[Document], Future[list[list[Event]]]]] = deque()
            try:
                for chunk in chain(ahead, chunks):
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
            from dragoman.settings import batches

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
    """How workers start (``start_method``, else ``default_start_method()``):

    - ``forkserver``: from a server process that loads the pipeline once (``start_forkserver``) while this
      process goes on opening the store and reading documents; each worker is forked from the server with
      the pipeline loaded and shares its memory copy-on-write. This process never imports spaCy.
    - ``fork``: from this process, once it has loaded the pipeline itself (only from a process that runs no
      other thread: forking a threaded process can deadlock).
    - ``spawn``: each worker imports dragoman and loads the pipeline itself, a few seconds of CPU more.
    """
    start_method = start_method or default_start_method()
    if start_method == "fork":
        _load_for_forking(settings)
    elif start_method == "forkserver":
        start_forkserver(settings)
    return multiprocessing.get_context(start_method)


def default_start_method() -> str:
    """``forkserver`` where the platform has it (Linux, macOS), else ``spawn`` (Windows)."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


WORKER_SETTINGS = "DRAGOMAN_WORKER_SETTINGS"  # the environment variable that hands the forkserver its settings
PRELOAD_MODULE = "dragoman.worker_preload"


def start_forkserver(settings: Settings) -> None:
    """Start this process's forkserver (once; ``multiprocessing`` keeps one per process), asking it to load
    the pipeline of ``settings`` before it forks any worker; returns at once, while the server loads.

    The server is a new interpreter that imports ``PRELOAD_MODULE`` (see ``preload_pipeline``); the
    settings reach it in its environment, which it reads when it starts. A server started earlier (by an
    earlier run in this process) is kept: if it holds another pipeline, the workers load theirs each."""
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload([PRELOAD_MODULE])
    saved = os.environ.get(WORKER_SETTINGS)
    os.environ[WORKER_SETTINGS] = settings.to_json()
    try:
        forkserver.ensure_running()
    finally:
        if saved is None:
            del os.environ[WORKER_SETTINGS]
        else:
            os.environ[WORKER_SETTINGS] = saved


def preload_pipeline() -> None:
    """In the forkserver (imported there as ``PRELOAD_MODULE``): load the pipeline of the settings in the
    environment, so that every worker forked later has it. An error is not raised here (the server would
    die and the workers with it, unexplained): each worker then loads the pipeline itself on its first
    chunk and sends the ordinary one-line error back."""
    text = os.environ.get(WORKER_SETTINGS)
    if not text:
        return
    with contextlib.suppress(Exception):
        _load_for_forking(Settings.from_json(text))


def _load_for_forking(settings: Settings) -> None:
    """Load this process's pipeline for the workers it will fork, and freeze it: the collector's passes
    would otherwise touch its objects and copy the shared pages into every worker."""
    process_pipeline(settings)
    gc.freeze()


def _worker_setup() -> None:
    """In a worker: Ctrl-C is the writer's to handle (it stops taking results; the store stays whole). And a
    worker dies with the writer: an orphan would go on coding for nobody, and a worker forked from the
    writer holds its database connection (and PostgreSQL's writer lock), which would make the next run,
    meant to resume, wait for ever. A worker dies with its parent (``PR_SET_PDEATHSIG``), and where the
    parent is a forkserver, the server ends when the writer does, once no worker holds the server's
    "alive" pipe open: ``multiprocessing`` hands each worker a copy of that pipe's writing end, for the
    processes a worker might start in turn (these start none), so the copy is closed here; otherwise a
    killed writer would leave the server and its workers waiting for each other for ever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the request above took effect
        os._exit(1)
    _close_server_liveness()


def _close_server_liveness() -> None:
    """Close this worker's copy of the forkserver's "alive" pipe, if it has one (see ``_worker_setup``; a
    worker forked from the writer may hold the writer's copy, which the writer keeps open)."""
    from multiprocessing import forkserver

    server = forkserver._forkserver
    fd = getattr(server, "_forkserver_alive_fd", None)
    if fd is not None:
        with contextlib.suppress(OSError):
            os.close(fd)
        setattr(server, "_forkserver_alive_fd", None)  # noqa: B010 - a private attribute of multiprocessing


PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


def _collect(chunk: list[Document], future: Future[list[list[Event]]]) -> Iterator[tuple[Document, list[Event]]]:
    try:
        results = future.result()
    except BrokenProcessPool:
        raise DragomanError("a worker process died (out of memory?); run again with fewer --workers "
                            "to resume: documents already stored are skipped") from None
    yield from zip(chunk, results, strict=True)


def coder(settings: Settings, workers: int) -> Coder:
    """The pipeline itself for one worker, else a started ``ParallelCoder`` (its workers' pipeline loading
    meanwhile in a forkserver where there is one; nothing is loaded in this process)."""
    if workers <= 1:
        from dragoman.pipeline import Pipeline

        pipeline = Pipeline.load(settings)
        gc.freeze()  # it lives as long as the process: the collector's full passes need not walk it again
        return pipeline
    parallel = ParallelCoder(settings, workers)
    parallel.start()
    return parallel
