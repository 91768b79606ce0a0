"""The Spark job on ``local[2]`` against the single-machine run on the same inputs (JSON Lines, Parquet
and a folder of files): the same event records, the same clusters, and ``dragoman load`` of its output
gives the same export. Needs Java (``.ci/run`` installs it) and the ``spark`` extra."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from dragoman.cli.main import main
from dragoman.export.tables import parquet_schema
from dragoman.spark.rows import EXTRA_EVENT_COLUMNS, output_event
from dragoman.store.database import Store
from tests.speed_corpus import EXAMPLE, write_corpus

pytestmark = pytest.mark.model


def _inputs(tmp_path: Path) -> tuple[list[str], list[str]]:
    """The Spark job's inputs and the same documents as ``ingest`` reads them (it has no Parquet reader)."""
    corpus = write_corpus(tmp_path)
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()[:4]]
    records = [{**r, "id": f"pq-{r['id']}", "published": "2023-04-02"} for r in records]
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "more.parquet")
    (tmp_path / "more.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / EXAMPLE.name)
    (folder / "notes.bin").write_bytes(b"\x00not a document")  # not a readable suffix: left out by both
    return ([str(corpus), str(tmp_path / "more.parquet"), str(folder)],
            [str(corpus), str(tmp_path / "more.jsonl"), str(folder)])


def test_spark_job_equals_the_single_machine_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spark_inputs, ingest_inputs = _inputs(tmp_path)
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "dragoman.spark", *spark_inputs, "--output", str(out),
                           "--master", "local[2]", "--partitions", "3"],
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]

    single = str(tmp_path / "single.db")
    assert main(["--db", single, "ingest", *ingest_inputs, "--workers", "1"]) == 0
    capsys.readouterr()
    assert main(["--db", single, "export", "--format", "jsonl"]) == 0
    exported = capsys.readouterr().out.splitlines()
    store = Store.open(single)
    clusters = {m.event_id: c.cluster_id for c in store.clusters() for m in c.mentions}
    n_docs = len(store.document_ids())
    store.close()
    assert len(exported) > 20 and len(set(clusters.values())) < len(clusters)
    assert f"coded {n_docs} document(s): {len(exported)} event(s) in {len(set(clusters.values()))}" in done.stderr

    # the same records, as the FORMATS.md record and as the columns of the Parquet export
    rows = ds.dataset(out / "events", format="parquet", partitioning="hive").to_table().to_pylist()
    records = sorted((output_event(r).to_record() for r in rows), key=lambda r: r["event_id"])
    assert records == sorted((json.loads(line) for line in exported), key=lambda r: r["event_id"])
    record_columns = [n for n in parquet_schema().names if n not in ("mentions", "documents", "sources")]
    assert set(record_columns) | set(EXTRA_EVENT_COLUMNS) <= set(rows[0])
    # the same clusters
    assert {r["event_id"]: r["cluster_id"] for r in rows} == clusters

    # dragoman load: the same export, byte for byte; a second load skips everything
    loaded = str(tmp_path / "loaded.db")
    assert main(["--db", loaded, "load", str(out)]) == 0
    capsys.readouterr()
    assert main(["--db", loaded, "export", "--format", "jsonl"]) == 0
    assert capsys.readouterr().out.splitlines() == exported
    assert main(["--db", loaded, "load", str(out)]) == 0
    assert f"{n_docs} already" in capsys.readouterr().err


def test_load_refuses_a_folder_that_is_not_a_job_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "x.db"), "load", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path) in err and "not an output of dragoman.spark" in err
