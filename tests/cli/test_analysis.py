"""The query, export and analysis commands over a store the test fills itself (no model), and one
end-to-end run with the real model."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from dragoman.cli.main import main
from dragoman.operations import ingest
from dragoman.pipeline import Pipeline
from dragoman.store.database import Store
from tests.conftest import EXAMPLES
from tests.store.corpus import EXPECTED_CLUSTERS, EXPECTED_MENTIONS, articles


@pytest.fixture()
def db(db_path: str) -> str:
    store = Store.open(db_path)
    for document, events in articles():
        store.save(document, events)
    store.close()
    return db_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_events_counts_clusters_then_mentions(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "--db", db, "events")
    assert status == 0 and f"({EXPECTED_CLUSTERS} events from {EXPECTED_MENTIONS} mentions)" in out
    _, out, _ = _run(capsys, "--db", db, "events", "--mentions")
    assert f"({EXPECTED_MENTIONS} events: mentions" in out
    _, out, _ = _run(capsys, "--db", db, "events", "--dyad", "ISR", "SYR", "--root", "19", "--format", "json")
    records = [json.loads(line) for line in out.splitlines()]
    assert sorted(r["mentions"] for r in records) == [1, 2]
    _, out, _ = _run(capsys, "--db", db, "events", "--place", "Damascus", "--text", "missiles", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 1 and rows[0]["cameo"] == "190" and rows[0]["mentions"] == "2"
    for flags in (["--quad", "1"], ["--plover", "CONSULT"], ["--modality", "planned"], ["--country", "SYR"],
                  ["--since", "2023-03-30", "--until", "2023-03-31"], ["--source", "ISR"], ["--code", "04"]):
        status, out, _ = _run(capsys, "--db", db, "events", *flags)
        assert status == 0 and "(0 events" not in out, flags


def test_export_formats_and_columns(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "--db", db, "export", "--format", "gdelt")
    assert len(out.splitlines()) == EXPECTED_CLUSTERS + 1
    _, out, _ = _run(capsys, "--db", db, "export", "--format", "jsonl")
    assert len(out.splitlines()) == EXPECTED_MENTIONS
    _, out, _ = _run(capsys, "--db", db, "export", "--format", "jsonl", "--clusters")
    assert len(out.splitlines()) == EXPECTED_CLUSTERS
    _, out, _ = _run(capsys, "--db", db, "export", "--format", "gdelt", "--columns")
    assert len(out.splitlines()) == 61 and "NumSources" in out
    target = tmp_path / "e.parquet"
    assert _run(capsys, "--db", db, "export", "--format", "parquet", "-o", str(target))[0] == 0
    assert target.stat().st_size > 0


def test_analysis_commands(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "--db", db, "dyad", "IRN", "RUS", "--by", "year")
    assert status == 0 and "2023" in out and "(3 events between IRN and RUS" in out
    _, out, _ = _run(capsys, "--db", db, "dyad", "ISR", "SYR", "--by", "week", "--json")
    assert {json.loads(line)["period"] for line in out.splitlines()} == {"2023-W01", "2023-W13"}
    graph = tmp_path / "g.graphml"
    assert _run(capsys, "--db", db, "network", "--format", "graphml", "-o", str(graph))[0] == 0
    assert "<graphml" in graph.read_text(encoding="utf-8")
    _, out, _ = _run(capsys, "--db", db, "network", "--format", "json")
    assert json.loads(out)["directed"] is True
    _, out, _ = _run(capsys, "--db", db, "timeline", "--actor", "ISR")
    assert out.index("2023-01-02") < out.index("2023-03-30") and "syr-2:" in out
    report = tmp_path / "brief.html"
    assert _run(capsys, "--db", db, "report", "--dyad", "IRN", "RUS", "-o", str(report))[0] == 0
    assert report.read_text(encoding="utf-8").count("<svg") == 2


@pytest.mark.parametrize("argv", [
    ["--db", "postgresql://nobody@127.0.0.1:1/none", "events"],
    ["--db", "postgresql://:::", "dyad", "A", "B"],
    ["--db", "mysql://x@y/z", "network"],
])
def test_bad_database_urls_fail_with_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, *argv)
    assert status != 0 and out == "" and err.count("\n") == 1 and err.startswith("dragoman: error:")


def test_locked_sqlite_and_unknown_format_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "l.db"
    Store.open(str(db)).close()
    out = tmp_path / "x.csv"
    status, _, err = _run(capsys, "--db", str(db), "export", "--format", "xml", "-o", str(out))
    assert status != 0 and err.count("\n") == 1 and "xml" in err
    monkeypatch.setenv("DRAGOMAN_LOCK_TIMEOUT", "0.2")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")  # another program holds the whole file, readers too
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE documents SET n_events = n_events")
    try:
        status, _, err = _run(capsys, "--db", str(db), "export", "--format", "csv", "-o", str(out))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert status != 0 and err.count("\n") == 1 and "locked" in err
    assert not out.exists() and not list(tmp_path.glob("*.part"))


@pytest.mark.model
def test_the_same_article_twice_is_counted_once(pipeline: Pipeline, db_path: str, tmp_path: Path) -> None:
    text = (EXAMPLES / "iran-russia-2023.txt").read_text(encoding="utf-8")
    (tmp_path / "copy.txt").write_text(text, encoding="utf-8")
    store = Store.open(db_path)
    ingest([str(EXAMPLES / "iran-russia-2023.txt")], store, pipeline)
    alone = store.counts()
    ingest([str(tmp_path / "copy.txt")], store, pipeline)
    both = store.counts()
    assert alone["mentions"] > 0
    assert both["mentions"] == 2 * alone["mentions"] and both["clusters"] == alone["clusters"]
    assert all(c.n_documents == 2 for c in store.clusters())
