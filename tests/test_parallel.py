"""``ingest --workers N``: the same export as one process, in input order, and a resumed run skips."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dragoman.cli.main import main
from dragoman.parallel import ParallelCoder, default_workers
from dragoman.pipeline import Pipeline, Settings
from dragoman.records import Document
from tests.speed_corpus import write_corpus

pytestmark = pytest.mark.model


def _export(db: str, capsys: pytest.CaptureFixture[str], *extra: str) -> list[str]:
    capsys.readouterr()
    assert main(["--db", db, "export", "--format", "jsonl", *extra]) == 0
    return capsys.readouterr().out.splitlines()


def test_two_workers_export_what_one_does(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = write_corpus(tmp_path)
    n_docs = len(corpus.read_text(encoding="utf-8").splitlines())
    assert n_docs > 16  # more than one chunk of ParallelCoder: the workers really run
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    assert main(["--db", one, "ingest", str(corpus), "--workers", "1"]) == 0
    assert main(["--db", two, "ingest", str(corpus), "--workers", "2"]) == 0
    assert capsys.readouterr().err.splitlines()[-1].startswith(f"ingested {n_docs} document(s)")
    mentions = _export(one, capsys)
    assert len(mentions) > 10
    assert _export(two, capsys) == mentions
    assert _export(two, capsys, "--clusters") == _export(one, capsys, "--clusters")
    assert any(json.loads(line)["doc_id"].endswith("-again") for line in mentions)

    # resumed: everything is already stored, nothing is coded again
    assert main(["--db", two, "ingest", str(corpus), "--workers", "2"]) == 0
    assert f"{n_docs} already ingested" in capsys.readouterr().err.splitlines()[-1]


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_results_come_back_in_input_order(pipeline: Pipeline, start_method: str) -> None:
    texts = ["Iran condemned Russia on Monday.", "Russia praised Iran.", "The weather was fine.",
             "Iran's foreign minister met Sergei Lavrov in Moscow.", "China accused the United States."]
    documents = [Document(f"d{i}", texts[i % len(texts)]) for i in range(11)]
    expected = [(d.doc_id, events) for d, events in pipeline.run(documents)]
    parallel = ParallelCoder(Settings(), workers=2, chunk_size=2, start_method=start_method)
    got = [(d.doc_id, events) for d, events in parallel.run(documents)]
    assert got == expected
    assert sum(len(events) for _, events in got) > 0


def test_default_workers_is_the_cores_this_process_may_use() -> None:
    assert default_workers() == len(os.sched_getaffinity(0))
