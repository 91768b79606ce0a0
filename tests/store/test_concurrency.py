"""Two writers on one database at once lose nothing and duplicate nothing, on SQLite and PostgreSQL.

Each writer is a separate process doing what ``ingest`` does per document (``Store.save``), over
overlapping sets of documents, started together. Every document reports one of a few real events, so
the number of clusters also shows that no two writers founded twin clusters for one event.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from dragoman.store.database import EventFilter, Store

N_EVENTS = 20

WRITER = textwrap.dedent('''
    import sys, time
    from pathlib import Path
    from dragoman.records import Document
    from dragoman.store.database import Store
    from tests.store.concurrency_corpus import document_events

    db, first, last, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    store = Store.open(db)
    while not go.exists():
        time.sleep(0.01)
    for i in range(first, last):
        document, events = document_events(i)
        store.save(document, events)
''')


def test_two_writers_at_once_lose_and_duplicate_nothing(db_path: str, tmp_path: Path) -> None:
    Store.open(db_path).close()  # create the schema first, as a first ingest would
    go = tmp_path / "go"
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    ranges = [(0, 120), (60, 180)]  # documents 60..119 are written by both
    env = {**os.environ, "PYTHONPATH": str(root)}
    procs = [subprocess.Popen([sys.executable, str(script), db_path, str(a), str(b), str(go)], cwd=root, env=env,
                              stderr=subprocess.PIPE, text=True) for a, b in ranges]
    time.sleep(0.5)
    go.touch()
    for p in procs:
        _, err = p.communicate(timeout=180)
        assert p.returncode == 0, err
    store = Store.open(db_path)
    assert store.document_ids() == sorted(f"doc-{i:04d}" for i in range(180))
    mentions = store.events()
    assert len(mentions) == 2 * 180
    assert len({e.event_id for e in mentions}) == len(mentions)
    assert store.counts() == {"documents": 180, "mentions": 360, "clusters": N_EVENTS}
    assert all(c.n_mentions == 18 for c in store.clusters())
    assert len(store.events(EventFilter(doc="doc-0077"))) == 2
