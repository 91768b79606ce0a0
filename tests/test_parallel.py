"""``ingest --workers N``: the same export as one process, in input order, and a resumed run skips."""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from dragoman import parallel
from dragoman.cli.main import main
from dragoman.nlp import chunks
from dragoman.nlp.transfer import Packed, unpack
from dragoman.parallel import Coder, ParallelCoder, ParsingWorker, default_workers
from dragoman.pipeline import BATCH_CHARS, BATCH_SIZE, Pipeline, Settings, batches
from dragoman.records import Document, Event
from tests.speed_corpus import write_corpus

pytestmark = pytest.mark.model


def _export(db: str, capsys: pytest.CaptureFixture[str], *extra: str) -> list[str]:
    capsys.readouterr()
    assert main(["--db", db, "export", "--format", "jsonl", *extra]) == 0
    return capsys.readouterr().out.splitlines()


def test_two_workers_export_what_one_does(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = write_corpus(tmp_path)
    n_docs = len(corpus.read_text(encoding="utf-8").splitlines())
    # the corpus fits in one default chunk (it would be coded in this process): chunks of 4 documents, so
    # that the workers really run
    chunked: list[ParallelCoder] = []

    def coder(settings: Settings, workers: int) -> Coder:
        if workers <= 1:
            return Pipeline.load(settings)
        chunked.append(ParallelCoder(settings, workers, chunk_size=4))
        return chunked[-1]

    monkeypatch.setattr(parallel, "coder", coder)
    assert n_docs > 8
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    assert main(["--db", one, "ingest", str(corpus), "--workers", "1"]) == 0
    assert main(["--db", two, "ingest", str(corpus), "--workers", "2"]) == 0
    assert capsys.readouterr().err.splitlines()[-1].startswith(f"ingested {n_docs} document(s)")
    mentions = _export(one, capsys)
    assert len(mentions) > 10
    assert _export(two, capsys) == mentions
    assert _export(two, capsys, "--clusters") == _export(one, capsys, "--clusters")
    assert any(json.loads(line)["doc_id"].endswith("-again") for line in mentions)
    assert chunked

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


def test_default_chunks_are_the_pipeline_s_batches() -> None:
    short = [Document(f"s{i}", "Iran condemned Russia.") for i in range(600)]
    long = [Document(f"l{i}", "x " * 12_000) for i in range(5)]
    chunks = list(ParallelCoder(Settings(), workers=2)._chunks(short + long))
    assert [len(c) for c in chunks] == [256, 256, 88, 1, 1, 1, 1, 1]  # 256 documents, or 20,000 characters
    assert chunks == list(batches(short + long, BATCH_SIZE, BATCH_CHARS))
    assert [d for c in chunks for d in c] == short + long


def test_default_workers_is_the_cores_this_process_may_use() -> None:
    assert default_workers() == len(os.sched_getaffinity(0))


def _processes_of(db: str) -> list[int]:
    """Processes whose command line names ``db``: the writer and its workers, wherever they were reparented."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if db.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc (Linux)")
def test_workers_die_with_a_killed_writer(tmp_path: Path) -> None:
    """An orphaned worker would keep the writer's database connection (and PostgreSQL's writer lock) open,
    so that the run meant to resume would wait for ever."""
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "texts"
    folder.mkdir()
    example = Path(__file__).resolve().parents[1] / "examples" / "iran-russia-2023.txt"
    for i in range(80):
        (folder / f"a{i:02d}.txt").write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    db = str(tmp_path / "killed.db")
    writer = subprocess.Popen([sys.executable, "-m", "dragoman.cli.main", "--db", db, "ingest", str(folder),
                               "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while len(_processes_of(db)) < 3 and writer.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert writer.poll() is None and len(_processes_of(db)) >= 3, "the workers never started"
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        deadline = time.monotonic() + 20
        while _processes_of(db) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _processes_of(db) == []
    finally:
        for pid in _processes_of(db):
            os.kill(pid, signal.SIGKILL)


def _mixed_documents() -> list[Document]:
    """Short documents in several batches of two, and one text too long for one parse in the middle."""
    example = Path(__file__).resolve().parents[1] / "examples" / "iran-russia-2023.txt"
    paragraphs = [p for p in example.read_text(encoding="utf-8").splitlines() if len(p.split()) >= 10]
    long = "\n\n".join(paragraphs * (chunks.CHUNK_CHARS // len("\n\n".join(paragraphs)) + 1))
    assert not chunks.fits(long)
    documents = [Document(f"p{i}", p) for i, p in enumerate(paragraphs[:7])]
    return [*documents[:3], Document("long", long), *documents[3:]]


def _where_parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Where ``ParsingWorker`` has each document parsed, as it codes them: 'worker', 'here' (while waiting
    for the worker) or 'in parts' (a batch holding a text too long for one parse)."""
    where: list[str] = []
    code_parsed = parallel._code_parsed

    def spy(p: Pipeline, batch: list[Document], job: parallel.Parsing) -> Iterator[tuple[Document, list[Event]]]:
        kind = "in parts" if job is None else "here" if isinstance(job, list) else "worker"
        where.extend(kind for _ in batch)
        return code_parsed(p, batch, job)

    monkeypatch.setattr(parallel, "_code_parsed", spy)
    return where


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_a_parsing_worker_codes_what_the_pipeline_does(pipeline: Pipeline, start_method: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    documents = _mixed_documents()
    expected = [(d.doc_id, events) for d, events in pipeline.run(documents)]
    where = _where_parsed(monkeypatch)
    worker = ParsingWorker(Settings(batch_size=2), start_method=start_method)
    got = [(d.doc_id, events) for d, events in worker.run(documents)]
    assert got == expected
    assert sum(len(events) for _, events in got) > 10
    # batches: [p0 p1] [p2] [long] [p3 p4] [p5 p6]; the long text is parsed here, part by part
    assert where[3] == "in parts" and where.count("in parts") == 1
    assert where[:2] == ["worker", "worker"]  # the first two batches go to the worker before anything is coded


def _slow_parse(model: str | None, texts: list[str], batch_size: int) -> Packed:
    """A busy worker (pickled by name, so that a forked worker runs it)."""
    import time

    time.sleep(1.0)
    return PARSE_BATCH(model, texts, batch_size)


PARSE_BATCH = parallel._parse_batch


def test_a_busy_worker_s_batches_are_parsed_here_meanwhile(pipeline: Pipeline,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    documents = [d for d in _mixed_documents() if d.doc_id != "long"] * 2
    documents = [Document(f"{d.doc_id}-{i}", d.text) for i, d in enumerate(documents)]
    expected = [(d.doc_id, events) for d, events in pipeline.run(documents)]
    where = _where_parsed(monkeypatch)
    monkeypatch.setattr(parallel, "_parse_batch", _slow_parse)
    worker = ParsingWorker(Settings(batch_size=2), start_method="fork")
    got = [(d.doc_id, events) for d, events in worker.run(documents)]
    assert got == expected
    assert "worker" in where and "here" in where and "in parts" not in where


def test_a_parsing_worker_s_parses_are_the_pipeline_s(pipeline: Pipeline) -> None:
    texts = [p.text for p in _mixed_documents()[:4:2]] + ["Lavrov said Russia's ties with Iran were\n"
                                                         "GOALS OF THE VISIT\nTehran sent its envoy."]
    back = list(unpack(pipeline.nlp.vocab, pickle.loads(pickle.dumps(parallel._parse_batch(None, texts, BATCH_SIZE)))))
    here = list(pipeline.nlp.pipe(texts, batch_size=BATCH_SIZE))
    for a, b in zip(back, here, strict=True):
        assert a.to_json() == b.to_json()  # tokens, tags, POS, morphology, lemmas, heads, deps, entities, sentences
        assert [(t.norm_, t.ent_kb_id_, t.is_sent_start, t.whitespace_) for t in a] \
            == [(t.norm_, t.ent_kb_id_, t.is_sent_start, t.whitespace_) for t in b]
        assert a.has_annotation("DEP") and a.has_annotation("SENT_START")


def test_one_worker_parses_in_a_worker_process_when_there_is_a_second_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "default_workers", lambda: 2)
    assert isinstance(parallel.coder(Settings(), 1), ParsingWorker)
    assert isinstance(parallel.coder(Settings(), 2), ParallelCoder)
    monkeypatch.setattr(parallel, "default_workers", lambda: 1)
    assert isinstance(parallel.coder(Settings(), 1), Pipeline)


def test_one_worker_ingests_what_the_pipeline_does(tmp_path: Path, pipeline: Pipeline,
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "default_workers", lambda: 2)
    documents = _mixed_documents()
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": d.doc_id, "text": d.text}) + "\n" for d in documents),
                      encoding="utf-8")
    here, worker = str(tmp_path / "here.db"), str(tmp_path / "worker.db")
    from dragoman.operations import ingest
    from dragoman.store.database import Store

    ingest([str(corpus)], Store.open(here), pipeline)
    assert main(["--db", worker, "ingest", str(corpus), "--workers", "1"]) == 0
    assert capsys.readouterr().err.splitlines()[-1].startswith(f"ingested {len(documents)} document(s)")
    mentions = _export(here, capsys)
    assert len(mentions) > 10
    assert _export(worker, capsys) == mentions
    assert _export(worker, capsys, "--clusters") == _export(here, capsys, "--clusters")
