"""``ingest --workers N``: the same export as one process, in input order, and a resumed run skips."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from dragoman import parallel
from dragoman.cli.main import main
from dragoman.errors import DragomanError
from dragoman.parallel import Coder, ParallelCoder, default_workers
from dragoman.pipeline import BATCH_CHARS, BATCH_SIZE, Pipeline, Settings, batches
from dragoman.records import Document
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


@pytest.mark.parametrize("start_method", ["forkserver", "fork", "spawn"])
def test_results_come_back_in_input_order(pipeline: Pipeline, start_method: str) -> None:
    texts = ["Iran condemned Russia on Monday.", "Russia praised Iran.", "The weather was fine.",
             "Iran's foreign minister met Sergei Lavrov in Moscow.", "China accused the United States."]
    documents = [Document(f"d{i}", texts[i % len(texts)]) for i in range(11)]
    expected = [(d.doc_id, events) for d, events in pipeline.run(documents)]
    parallel = ParallelCoder(Settings(), workers=2, chunk_size=2, start_method=start_method)
    got = [(d.doc_id, events) for d, events in parallel.run(documents)]
    assert got == expected
    assert sum(len(events) for _, events in got) > 0


def test_reading_ahead_is_bounded() -> None:
    """While the workers' pipeline loads the writer reads ahead, but a bounded number of chunks: the first
    result comes back long before a long input has been read."""
    read = 0

    def documents() -> Iterator[Document]:
        nonlocal read
        for i in range(10_000):
            read += 1
            yield Document(f"d{i}", "Iran condemned Russia on Monday.")

    coder = ParallelCoder(Settings(), workers=2, chunk_size=1)
    first = next(iter(coder.run(documents())))
    assert first[0].doc_id == "d0" and first[1]
    assert read <= coder.workers * (parallel.READ_AHEAD + 4)


def test_default_chunks_are_the_pipeline_s_batches() -> None:
    short = [Document(f"s{i}", "Iran condemned Russia.") for i in range(600)]
    long = [Document(f"l{i}", "x " * 12_000) for i in range(5)]
    chunks = list(ParallelCoder(Settings(), workers=2)._chunks(short + long))
    assert [len(c) for c in chunks] == [256, 256, 88, 1, 1, 1, 1, 1]  # 256 documents, or 20,000 characters
    assert chunks == list(batches(short + long, BATCH_SIZE, BATCH_CHARS))
    assert [d for c in chunks for d in c] == short + long


def test_default_workers_is_the_cores_this_process_may_use() -> None:
    assert default_workers() == len(os.sched_getaffinity(0))


def _family(root: int) -> set[tuple[int, int]]:
    """``root`` and every process descended from it, as (pid, depth below ``root``)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    family, frontier, depth = {(root, 0)}, {root}, 0
    while frontier:
        depth += 1
        frontier = {pid for pid, parent in parents.items() if parent in frontier}
        family |= {(pid, depth) for pid in frontier}
    return family


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc (Linux)")
def test_workers_die_with_a_killed_writer(tmp_path: Path) -> None:
    """An orphaned worker would go on coding for nobody, and one forked from the writer would keep its
    database connection (and PostgreSQL's writer lock) open, so that the run meant to resume would wait
    for ever. The workers are forked from a forkserver (the writer's child), so they are the writer's
    grandchildren."""
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
    family: set[tuple[int, int]] = set()
    try:
        deadline = time.monotonic() + 120
        while writer.poll() is None and time.monotonic() < deadline:
            family = _family(writer.pid)
            if len([pid for pid, depth in family if depth == 2]) >= 2:
                break
            time.sleep(0.2)
        assert writer.poll() is None and len([p for p, d in family if d == 2]) >= 2, "the workers never started"
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        deadline = time.monotonic() + 20
        while any(_alive(pid) for pid, _depth in family) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert [pid for pid, _depth in family if _alive(pid)] == []
    finally:
        for pid, _depth in family:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_a_bad_knowledge_file_is_the_ordinary_error_with_workers(tmp_path: Path) -> None:
    """The forkserver's pipeline fails to load: nothing is said there; each worker loads it again and
    sends back the one-line error naming the file."""
    bad = tmp_path / "actors.tsv"  # not there
    documents = [Document(f"d{i}", "Iran condemned Russia on Monday.") for i in range(6)]
    parallel = ParallelCoder(Settings(actor_files=(bad,)), workers=2, chunk_size=2, start_method="forkserver")
    with pytest.raises(DragomanError, match=r"actors\.tsv: cannot read knowledge file"):
        list(parallel.run(documents))


def test_settings_reach_the_forkserver_unchanged() -> None:
    settings = Settings(model="en_core_web_sm", actor_files=(Path("a b.tsv"), Path("/x/y.tsv")),
                        pattern_files=(Path("p.tsv"),), place_files=(), batch_size=7, batch_chars=99)
    assert Settings.from_json(settings.to_json()) == settings
    assert Settings.from_json(Settings().to_json()) == Settings()


def test_the_last_chunks_are_cut_in_two_by_characters() -> None:
    def doc(i: str, n: int) -> Document:
        return Document(doc_id=i, text="x" * n)

    chunks = [[doc(f"{j}-{i}", 10) for i in range(4)] for j in range(4)] + [[doc("big", 100)]]
    out = [[d.doc_id for d in c] for c in parallel._finer_at_the_end(iter(chunks), 2)]
    assert out[:3] == [[f"{j}-{i}" for i in range(4)] for j in range(3)]  # whole, as they came
    assert out[3:] == [["3-0", "3-1"], ["3-2", "3-3"], ["big"]]  # one document: not cut
    assert [i for c in out for i in c] == [d.doc_id for c in chunks for d in c]  # nothing lost, in order
    uneven = [doc("a", 10), doc("b", 10), doc("c", 10), doc("d", 70)]
    assert [[d.doc_id for d in c] for c in parallel._halves(uneven)] == [["a", "b", "c"], ["d"]]
    assert list(parallel._finer_at_the_end(iter([]), 2)) == []
