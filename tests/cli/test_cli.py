"""End-to-end commands with the real model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman.cli.main import main
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.model


def test_ingest_events_export_evaluate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "e.db")
    assert main(["--db", db, "ingest", str(EXAMPLES / "iran-russia-2023.txt")]) == 0
    capsys.readouterr()
    assert main(["--db", db, "export", "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records and {r["doc_id"] for r in records} == {"iran-russia-2023"}
    assert main(["--db", db, "events", "--code", "04"]) == 0
    table = capsys.readouterr().out
    assert "(0 events)" not in table and "iran-russia-2023" in table
    assert main(["--db", db, "evaluate", "--json", "--gold", str(EXAMPLES / "iran-russia-2023.gold.jsonl")]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["gold_required"] > 0 and figures["tp"] > 0
    first = records[0]["event_id"]
    assert main(["--db", db, "explain", first[:12]]) == 0
    assert "resolved by" in capsys.readouterr().out


def test_reingest_is_idempotent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "r.db")
    src = str(EXAMPLES / "iran-russia-2023.txt")
    main(["--db", db, "ingest", src])
    main(["--db", db, "export"])
    first = capsys.readouterr().out
    main(["--db", db, "ingest", src])
    main(["--db", db, "export"])
    assert capsys.readouterr().out == first


def test_bad_inputs_are_reported_and_the_rest_ingested(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Iran and Russia signed an agreement.", encoding="utf-8")
    (tmp_path / "in" / "bad.jsonl").write_text('{"id": "x"}\nnot json\n', encoding="utf-8")
    db = str(tmp_path / "b.db")
    status = main(["--db", db, "ingest", str(tmp_path / "in"), str(tmp_path / "missing.txt")])
    err = capsys.readouterr().err
    assert status == 1
    assert "bad.jsonl:1" in err and "bad.jsonl:2" in err and "missing.txt" in err
    assert "ingested 1 document(s)" in err
    assert main(["--db", db, "ingest", str(tmp_path / "missing.txt")]) == 2


def test_unknown_export_format_fails_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.out"
    assert main(["--db", str(tmp_path / "u.db"), "export", "--format", "xml", "--output", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "xml" in err
    assert not out.exists()


def test_demo_prints_events_and_scores(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "events)" in out and "f1:" in out


def test_the_executable_exits_with_the_command_s_status(tmp_path: Path) -> None:
    """``dragoman`` (``cli.main.command``) ends the process with the status ``main`` returned."""
    import subprocess
    import sys

    db = str(tmp_path / "x.db")
    done = subprocess.run([sys.executable, "-m", "dragoman.cli.main", "--db", db, "events"], capture_output=True,
                          text=True)
    assert done.returncode == 0 and "(0 events from 0 mentions)" in done.stdout
    done = subprocess.run([sys.executable, "-m", "dragoman.cli.main", "--db", db, "ingest"], capture_output=True,
                          text=True)
    assert done.returncode == 2 and "ingest needs a PATH" in done.stderr
