"""Faults during a real ``dragoman ingest`` (a child process running the command, with the model):
``kill -9``, a full disk, a stopped PostgreSQL, a read-only database, a reader at the same time.

Each test runs a few trials; ``benchmarks/faults.py`` runs the same trials (tests/hardening/trials.py)
many times and prints the table. A trial passes only if every document is stored whole or not at all,
and a re-run ends with exactly the events of an undisturbed run: none lost, duplicated or invented.
"""

from __future__ import annotations

import contextlib
import os
import random
from pathlib import Path

import pytest

from tests.hardening import trials
from tests.hardening.trials import sqlite_pass_only

pytestmark = pytest.mark.model
N_DOCS = 24


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    trials.write_corpus(folder, N_DOCS)
    return folder


@pytest.fixture(scope="module")
def sqlite_reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[trials.Snapshot, float]:
    return trials.reference(corpus, str(tmp_path_factory.mktemp("ref") / "ref.db"))


def test_reference_run_codes_every_document(sqlite_reference: tuple[trials.Snapshot, float]) -> None:
    ref, _ = sqlite_reference
    assert len(ref) == N_DOCS
    assert sum(len(ids) for ids in ref.values()) >= N_DOCS  # the articles do report events


def test_kill_9_mid_ingest_loses_and_duplicates_nothing(db_path: str, corpus: Path,
                                                        sqlite_reference: tuple[trials.Snapshot, float]) -> None:
    """On SQLite, and on PostgreSQL when the suite runs against it (db_path)."""
    ref, seconds = sqlite_reference
    tally = trials.Tally("kill -9")
    rng = random.Random(13)
    window = seconds / 2  # kill within the first ~40% of the coding: surely before the run ends by itself
    trials.kill_trial(tally, corpus, db_path, ref, window, rng)
    with _another(db_path) as db:
        trials.kill_trial(tally, corpus, db, ref, window, rng)
    assert tally.interrupted == 2  # both kills landed mid-ingest, after a first document was stored
    assert tally.clean, tally


def _another(db_path: str) -> contextlib.AbstractContextManager[str]:
    if "://" in db_path:  # PostgreSQL: a new schema beside the fixture's
        return trials.fresh_database("postgresql", Path(), db_path.split("?")[0])
    return contextlib.nullcontext(db_path + ".2")


@sqlite_pass_only
def test_a_full_disk_stops_the_run_with_one_line_and_a_rerun_completes(tmp_path: Path) -> None:
    corpus = tmp_path / "padded"
    trials.write_corpus(corpus, 16, padding=40_000)  # 16 documents of 40 KB: more than the disk holds
    ref, _ = trials.reference(corpus, str(tmp_path / "ref.db"))
    tally = trials.Tally("disk full")
    how = trials.disk_full_trial(tally, corpus, tmp_path, ref, size_kb=384)
    assert how in ("tmpfs", "rlimit")
    assert tally.clean, tally


@sqlite_pass_only
def test_a_read_only_database_is_refused_in_one_line_and_still_read(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "ro" / "events.db")
    (tmp_path / "ro").mkdir()
    done = trials.run(trials.ingest_command(db, str(sorted(corpus.iterdir())[0])))
    assert done.returncode == 0, done.stderr
    tally = trials.Tally("read-only database")
    trials.read_only_trial(tally, corpus, db)
    assert tally.clean, tally


def test_readers_run_the_analyses_while_an_ingest_writes(db_path: str, corpus: Path,
                                                         sqlite_reference: tuple[trials.Snapshot, float]) -> None:
    ref, _ = sqlite_reference
    tally = trials.Tally("reader during writer")
    rounds = trials.reader_trial(tally, corpus, db_path, ref)
    assert rounds >= 1
    assert tally.clean, tally


@pytest.mark.skipif(not os.environ.get("DRAGOMAN_TEST_DB"), reason="PostgreSQL faults run in the PostgreSQL "
                                                                   "pass of CI (DRAGOMAN_TEST_DB set)")
def test_postgresql_stopped_mid_run_stops_cleanly_and_a_rerun_completes(
        corpus: Path, sqlite_reference: tuple[trials.Snapshot, float]) -> None:
    ref, _ = sqlite_reference
    server = trials.Postgres()  # its own server: the suite's must stay up
    tally = trials.Tally("PostgreSQL stopped")
    try:
        for mode in ("fast", "immediate"):
            with trials.fresh_database("postgresql", Path(), server.url) as db:
                trials.server_stop_trial(tally, corpus, server, db, ref, mode)
    finally:
        server.close()
    assert tally.clean, tally
