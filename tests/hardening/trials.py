"""Fault trials shared by the tests (a few trials each) and ``benchmarks/faults.py`` (many).

Every trial runs the real ``dragoman ingest`` command in a child process on a generated folder of short
news documents, does something bad to it (``kill -9``, a full disk, a stopped server, a read-only file,
a reader at the same time), then checks the database against a reference run that nothing disturbed:
every document is either stored whole (exactly its reference events) or absent, and after a re-run
every document is there, no event is lost, none is duplicated and none is invented.
"""

from __future__ import annotations

import contextlib
import os
import random
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import select

from dragoman.store.database import Store
from dragoman.store.schema import documents, events

REPO = Path(__file__).resolve().parents[2]
# Tests that use no database, or only SQLite, need not run again in CI's PostgreSQL pass.
sqlite_pass_only = pytest.mark.skipif(bool(os.environ.get("DRAGOMAN_TEST_DB")),
                                      reason="uses no database or only SQLite: runs in the SQLite pass")
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))

_COUNTRIES = [("Iran", "Russia"), ("France", "Germany"), ("Japan", "China"), ("Turkey", "Greece"),
              ("India", "Pakistan"), ("Egypt", "Israel"), ("Brazil", "Argentina"), ("Canada", "Mexico")]
_SENTENCES = [
    "{a} and {b} signed a trade agreement in {city} on Monday.",
    "The foreign minister of {a} met his {b} counterpart to discuss the crisis.",
    "{a} accused {b} of violating the ceasefire along the border.",
    "{a} pledged economic aid to {b} after the floods.",
    "Officials in {a} said they would impose sanctions on {b}.",
    "{b} rejected the proposal made by {a} last week.",
]
_CITIES = ["Geneva", "Vienna", "Paris", "Doha", "Oslo", "Cairo"]


def write_corpus(folder: Path, n: int, padding: int = 0) -> list[str]:
    """``n`` short news articles (three sentences naming two countries) as ``.txt`` files; ``padding``
    blank lines after each, which make the stored text larger but cost the parser almost nothing."""
    folder.mkdir(parents=True, exist_ok=True)
    ids = []
    for i in range(n):
        a, b = _COUNTRIES[i % len(_COUNTRIES)]
        if i // len(_COUNTRIES) % 2:
            a, b = b, a
        lines = [_SENTENCES[(i + k) % len(_SENTENCES)].format(a=a, b=b, city=_CITIES[(i + k) % len(_CITIES)])
                 for k in range(3)]
        doc_id = f"article-{i:04d}"
        (folder / f"{doc_id}.txt").write_text(" ".join(lines) + f" (Report {i}.)\n" + "\n" * padding,
                                              encoding="utf-8")
        ids.append(doc_id)
    return ids


@dataclass(frozen=True)
class Run:
    returncode: int
    stderr: str
    seconds: float
    peak_mb: float  # the child's peak resident memory


def ingest_command(db: str, *paths: str) -> list[str]:
    return [sys.executable, "-m", "dragoman.cli.main", "--db", db, "ingest", *paths]


def start(command: list[str], limit_bytes: int | None = None) -> subprocess.Popen[bytes]:
    """The command in a child process (from the repository, so that ``tests`` imports), its standard
    error in a temporary file (``proc.stderr_file``); ``limit_bytes`` caps the size of every file it
    writes (RLIMIT_FSIZE: a write past it fails with EFBIG)."""

    def prepare() -> None:  # runs in the child, before exec
        if limit_bytes is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail the write instead of killing the process
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    env = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + str(REPO), "DRAGOMAN_LOCK_TIMEOUT": "10"}
    stderr = tempfile.TemporaryFile()  # noqa: SIM115 (closed by finish, once the child has ended)
    proc = subprocess.Popen(command, cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=stderr, preexec_fn=prepare)
    proc.stderr_file = stderr  # type: ignore[attr-defined]
    return proc


def finish(proc: subprocess.Popen[bytes], timeout: float = 600.0) -> Run:
    """Wait for ``proc`` (``kill -9`` after ``timeout`` seconds); its exit status, standard error, time
    and peak memory (the kernel's accounting of that child)."""
    began = time.monotonic()
    deadline = began + timeout
    while True:
        got, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if got:
            break
        if time.monotonic() > deadline:
            os.kill(proc.pid, signal.SIGKILL)
            _, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.02)
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr_file = proc.stderr_file  # type: ignore[attr-defined]
    stderr_file.seek(0)
    stderr = stderr_file.read().decode("utf-8", "replace")
    stderr_file.close()
    return Run(proc.returncode, stderr, time.monotonic() - began, usage.ru_maxrss / 1024)


def run(command: list[str], limit_bytes: int | None = None, timeout: float = 600.0) -> Run:
    """Run ``command`` to the end."""
    began = time.monotonic()
    done = finish(start(command, limit_bytes), timeout)
    return Run(done.returncode, done.stderr, time.monotonic() - began, done.peak_mb)


def running(proc: subprocess.Popen[bytes]) -> bool:
    """Whether the child still runs, without reaping it (its accounting is read when it is reaped)."""
    return os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None


def kill9(proc: subprocess.Popen[bytes]) -> None:
    """``kill -9`` the child and reap it."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(proc.pid, signal.SIGKILL)
    finish(proc)


Snapshot = dict[str, list[str]]  # doc_id -> its stored event ids, sorted (with repeats, if any)


def snapshot(db: str) -> Snapshot:
    """What the database holds, read in one transaction that sees one state of it (PostgreSQL's default
    isolation would let each statement see the commits made since the previous one)."""
    store = Store.open(db)
    try:
        found: dict[str, list[str]] = {}
        options = {"isolation_level": "REPEATABLE READ"} if store.dialect == "postgresql" else {}
        with store.engine.connect().execution_options(**options) as conn, conn.begin():
            for (doc_id,) in conn.execute(select(documents.c.doc_id)):
                found[doc_id] = []
            stray: dict[str, list[str]] = defaultdict(list)
            for doc_id, event_id in conn.execute(select(events.c.doc_id, events.c.event_id)):
                (found[doc_id] if doc_id in found else stray[doc_id]).append(event_id)
        if stray:  # events without their document: a half-written document
            found.update({f"(no document) {k}": v for k, v in stray.items()})
        return {k: sorted(v) for k, v in found.items()}
    finally:
        store.close()


def wait_for_documents(db: str, proc: subprocess.Popen[bytes], at_least: int = 1, timeout: float = 120.0) -> bool:
    """Wait until the running ingest has stored ``at_least`` documents (False if it ended first)."""
    store = Store.open(db)
    try:
        deadline = time.monotonic() + timeout
        while running(proc) and time.monotonic() < deadline:
            if store.counts()["documents"] >= at_least:
                return True
            time.sleep(0.02)
        return False
    finally:
        store.close()


@dataclass
class Tally:
    """One row of the table: what was tried, how often, and what came of it."""

    what: str
    trials: int = 0
    failures: list[str] = field(default_factory=list)  # trials whose outcome was not the expected one
    lost: int = 0  # documents (or events) of the reference missing after the re-run
    duplicated: int = 0  # events stored twice
    invented: int = 0  # events (or documents) that the reference does not have
    half_written: int = 0  # documents stored without exactly their events (before the re-run)
    peak_mb: float = 0.0
    interrupted: int = 0  # kill trials whose kill found the ingest still running

    def add_run(self, run: Run) -> None:
        self.peak_mb = max(self.peak_mb, run.peak_mb)

    def compare(self, reference: Snapshot, found: Snapshot, complete: bool) -> None:
        """Count what ``found`` lost, duplicated or invented against ``reference``; ``complete``: every
        reference document must be there (after a re-run), else only stored ones are checked whole."""
        for doc_id, ids in found.items():
            want = reference.get(doc_id)
            if want is None:
                self.invented += 1
                continue
            counts = Counter(ids)
            self.duplicated += sum(c - 1 for c in counts.values() if c > 1)
            if sorted(set(ids)) != sorted(set(want)):
                self.half_written += 1
                self.lost += len(set(want) - set(ids))
                self.invented += len(set(ids) - set(want))
        if complete:
            for doc_id, want in reference.items():
                if doc_id not in found:
                    self.lost += 1 + len(want)

    @property
    def clean(self) -> bool:
        return not (self.failures or self.lost or self.duplicated or self.invented or self.half_written)


class Postgres:
    """A throwaway PostgreSQL 15 on localhost (started as .ci/run starts one), which a trial may stop and
    start again. As root, its commands run as the user ``postgres``, as PostgreSQL requires."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="dragoman-faults-pg."))
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self.data = self.folder / "data"
        subprocess.run([*self.as_pg, str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres",
                        "--auth=trust", "-E", "UTF8"], check=True, stdout=subprocess.DEVNULL)
        self.start()

    @property
    def url(self) -> str:
        return f"postgresql://postgres@localhost:{self.port}/postgres"

    def start(self) -> None:
        subprocess.run([*self.as_pg, str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log"),
                        "-w", "-o", f"-c listen_addresses=localhost -p {self.port} -k {self.folder} -c fsync=off",
                        "start"], check=True, stdout=subprocess.DEVNULL)

    def stop(self, mode: str = "fast") -> None:
        subprocess.run([*self.as_pg, str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"],
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def fresh_database(kind: str, folder: Path, server: str | None) -> Iterator[str]:
    """A new empty database: a SQLite file in ``folder``, or a new schema on PostgreSQL ``server``
    (dropped afterwards), as the tests' ``db_path`` fixture makes one."""
    if kind == "sqlite":
        folder.mkdir(parents=True, exist_ok=True)
        yield str(folder / f"{uuid.uuid4().hex[:8]}.db")
        return
    assert server is not None
    import psycopg

    plain = server.replace("postgresql+psycopg://", "postgresql://", 1)
    schema = f"f_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in plain else "?"
    try:
        yield f"{plain}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with contextlib.suppress(Exception), psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def reference(corpus: Path, db: str) -> tuple[Snapshot, float]:
    """The undisturbed ingest of ``corpus``: what every trial must end with, and the seconds from its
    first stored document to its end (the window in which a kill lands mid-ingest)."""
    proc = start(ingest_command(db, str(corpus)))
    first_stored = time.monotonic()
    first_stored = time.monotonic() if wait_for_documents(db, proc) else first_stored
    done = finish(proc)
    if done.returncode != 0:
        raise AssertionError(f"reference ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    return snapshot(db), time.monotonic() - first_stored


def kill_trial(tally: Tally, corpus: Path, db: str, ref: Snapshot, coding_seconds: float, rng: random.Random,
               ) -> None:
    """``kill -9`` an ingest once it has stored its first document, after a random further delay within
    the time the whole ingest takes; check what is stored; run again; compare with the reference."""
    tally.trials += 1
    proc = start(ingest_command(db, str(corpus)))
    if wait_for_documents(db, proc):
        time.sleep(rng.uniform(0, 0.8 * coding_seconds))
    if running(proc):
        tally.interrupted += 1
    kill9(proc)
    tally.compare(ref, snapshot(db), complete=False)
    rerun_completes(tally, corpus, db, ref)


def rerun_completes(tally: Tally, corpus: Path, db: str, ref: Snapshot) -> None:
    """Run the same ingest again after a fault: it must succeed and leave what the reference stored."""
    again = run(ingest_command(db, str(corpus)))
    tally.add_run(again)
    if again.returncode != 0:
        tally.failures.append(f"re-run exit {again.returncode}: {again.stderr.strip()[-300:]}")
    tally.compare(ref, snapshot(db), complete=True)


def error_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith("dragoman: error:")]


def no_traceback(stderr: str) -> bool:
    return "Traceback" not in stderr


@contextlib.contextmanager
def small_disk(folder: Path, size_kb: int) -> Iterator[tuple[str, Callable[[], None]]]:
    """A folder with ``size_kb`` KiB of space: a tmpfs of that size when this process may mount one
    (root), else the caller must cap file sizes itself (RLIMIT_FSIZE). Yields ``(how, free)``: ``how``
    is ``"tmpfs"`` or ``"rlimit"``; ``free()`` gives the tmpfs 64 MiB more room."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False).returncode == 0
    if not mounted:
        yield "rlimit", lambda: None
        return
    try:
        yield "tmpfs", lambda: subprocess.run(["mount", "-o", f"remount,size={size_kb + 65536}k", str(folder)],
                                              check=True)
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def disk_full_trial(tally: Tally, corpus: Path, folder: Path, ref: Snapshot, size_kb: int = 1024) -> str:
    """Ingest onto a disk with ``size_kb`` KiB of space: the run must stop with one clear line, leave a
    database that opens with every stored document whole, and complete when run again with room.
    Returns how the space was limited (tmpfs or rlimit)."""
    tally.trials += 1
    with small_disk(folder / f"disk-{tally.trials}", size_kb) as (how, free):
        db = str(folder / f"disk-{tally.trials}" / "full.db")
        limit = size_kb * 1024 if how == "rlimit" else None
        first = run(ingest_command(db, str(corpus)), limit_bytes=limit)
        tally.add_run(first)
        errors = error_lines(first.stderr)
        if first.returncode != 2 or not errors or not no_traceback(first.stderr):
            tally.failures.append(f"full disk: exit {first.returncode}, stderr {first.stderr.strip()[-300:]!r}")
        elif not any(word in errors[-1] for word in ("disk is full", "disk failed")):
            tally.failures.append(f"full disk: unclear error {errors[-1]!r}")
        tally.compare(ref, snapshot(db), complete=False)
        free()
        rerun_completes(tally, corpus, db, ref)
        integrity = _sqlite_integrity(db)
        if integrity != "ok":
            tally.failures.append(f"integrity check: {integrity}")
    return how


def _sqlite_integrity(db: str) -> str:
    import sqlite3

    with contextlib.closing(sqlite3.connect(db)) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def server_stop_trial(tally: Tally, corpus: Path, server: Postgres, db: str, ref: Snapshot, mode: str) -> None:
    """Stop the PostgreSQL server (``pg_ctl stop -m mode``) once the ingest has stored a document: the run
    must stop with one clear line and no traceback; with the server back, a re-run completes."""
    tally.trials += 1
    proc = start(ingest_command(db, str(corpus)))
    stored = wait_for_documents(db, proc)
    server.stop(mode)
    first = finish(proc, timeout=120)
    tally.add_run(first)
    server.start()
    errors = error_lines(first.stderr)
    if not stored:
        tally.failures.append("the ingest ended before the server was stopped")
    elif first.returncode != 2 or not errors or not no_traceback(first.stderr):
        tally.failures.append(f"server stopped: exit {first.returncode}, stderr {first.stderr.strip()[-300:]!r}")
    elif "server" not in errors[-1]:
        tally.failures.append(f"server stopped: unclear error {errors[-1]!r}")
    tally.compare(ref, snapshot(db), complete=False)
    rerun_completes(tally, corpus, db, ref)


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[str]:
    """``folder`` (and the database in it) read-only for this process and its children: bound read-only
    onto itself when this process may mount (root, whom file modes do not stop), else by file modes.
    Yields how."""
    if os.geteuid() == 0:
        subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
        try:
            subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
            yield "read-only mount"
        finally:
            subprocess.run(["umount", str(folder)], check=False)
        return
    modes = {p: p.stat().st_mode for p in [folder, *folder.iterdir()]}
    for path in modes:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield "file modes"
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


def read_only_trial(tally: Tally, corpus: Path, db: str) -> str:
    """Ingest into a database that may be read but not written: one clear line naming the file, nothing
    changed, and reading still works. Returns how the database was made read-only."""
    tally.trials += 1
    path = Path(db)
    before = snapshot(db)
    with read_only(path.parent) as how:
        write = run(ingest_command(db, str(corpus)))
        read = run([sys.executable, "-m", "dragoman.cli.main", "--db", db, "events", "--format", "json"])
    tally.add_run(write)
    errors = error_lines(write.stderr)
    if write.returncode != 2 or len(errors) != 1 or not no_traceback(write.stderr):
        tally.failures.append(f"read-only: exit {write.returncode}, stderr {write.stderr.strip()[-300:]!r}")
    elif "read-only" not in errors[0] or str(path) not in errors[0]:
        tally.failures.append(f"read-only: unclear error {errors[0]!r}")
    if read.returncode != 0:
        tally.failures.append(f"reading a read-only database: exit {read.returncode}: {read.stderr.strip()[-300:]}")
    found = snapshot(db)
    if found != before:
        tally.failures.append("the read-only database changed")
    tally.compare(before, found, complete=True)
    return how


def reader_trial(tally: Tally, corpus: Path, db: str, ref: Snapshot) -> int:
    """The analyses (clusters, a dyad series, the network, a timeline) and a whole-database snapshot run
    over and over while an ingest writes: none fails, and every snapshot holds whole documents only.
    Returns the number of rounds of reads made while the writer ran."""
    from dragoman.analysis import build_network, dyad_series, timeline

    tally.trials += 1
    Store.open(db).close()  # the schema exists before the reader starts, as after a first ingest
    proc = start(ingest_command(db, str(corpus)))
    reader = Store.open(db)
    rounds = 0
    try:
        while running(proc):
            reader.units()
            dyad_series(reader, "IRN", "RUS", by="month")
            build_network(reader)
            timeline(reader, actor="FRA")
            tally.compare(ref, snapshot(db), complete=False)
            rounds += 1
    except Exception as exc:  # any failure of a reader is what this trial looks for
        tally.failures.append(f"reader failed: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
    finally:
        reader.close()
        done = finish(proc)
    tally.add_run(done)
    if done.returncode != 0:
        tally.failures.append(f"writer exit {done.returncode}: {done.stderr.strip()[-300:]}")
    tally.compare(ref, snapshot(db), complete=True)
    return rounds
