"""Store benchmark: ingest (write, with deduplication) and query timings on SQLite and PostgreSQL.

The corpus: the bundled example article is coded once with the real model (``--no-model``: the tests'
hand-built articles instead), then repeated as --docs documents (default 2,000), each varied: its own id
and URL, its events shifted to one of --days dates (so that about docs/days documents report each
day's events and deduplication has real work), and every fifth document with another target country.
The same documents and events go to both backends through ``Store.save``, the call ``ingest`` makes per
document; the model's own time is left out (benchmarks/throughput.py measures it).

PostgreSQL: --pg URL, else a temporary PostgreSQL 15 started like .ci/run does (initdb and pg_ctl on a
temporary folder, localhost only), stopped afterwards; --no-postgres skips it.

    .venv/bin/python benchmarks/store.py [--docs 2000] [--days 100] [--pg postgresql://...] [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from dragoman.analysis import build_network, dyad_series, timeline
from dragoman.export import export_events
from dragoman.records import Actor, Document, Event, EventDate
from dragoman.store.database import EventFilter, Store

REPO = Path(__file__).resolve().parents[1]
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
OTHERS = [("TUR", "Turkey"), ("CHN", "China"), ("SAU", "Saudi Arabia"), ("IRQ", "Iraq"), ("IND", "India")]


def seed(use_model: bool) -> list[tuple[Document, list[Event]]]:
    if not use_model:
        sys.path.insert(0, str(REPO))
        from tests.store.corpus import articles

        return articles()
    from dragoman.pipeline import Pipeline

    path = REPO / "examples" / "iran-russia-2023.txt"
    document = Document(path.stem, path.read_text(encoding="utf-8"), origin=str(path))
    return [(d, list(e)) for d, e in Pipeline.load().run([document])]


def vary(seeds: list[tuple[Document, list[Event]]], n_docs: int, n_days: int) -> list[tuple[Document, list[Event]]]:
    out = []
    start = dt.date(2023, 1, 1)
    for i in range(n_docs):
        base, events = seeds[i % len(seeds)]
        day = (start + dt.timedelta(days=i % n_days)).isoformat()
        doc_id = f"{base.doc_id}-{i:05d}"
        doc = dataclasses.replace(base, doc_id=doc_id, text=f"{base.text}\n[{i}]",
                                  url=f"https://outlet{i % 7}.example/{i}", published=day)
        varied = []
        for e in events:
            target = e.target
            if i % 5 == 4 and target is not None and target.country:
                code, name = OTHERS[(i // 5) % len(OTHERS)]
                target = Actor(name, name, code, code, None, None, "benchmark", None)
            event_id = hashlib.sha1(f"{doc_id}|{e.event_id}".encode()).hexdigest()[:16]
            varied.append(dataclasses.replace(e, doc_id=doc_id, event_id=event_id, target=target,
                                              date=EventDate(day, day, "day", None, "document")))
        out.append((doc, varied))
    return out


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def run(db: str, corpus: list[tuple[Document, list[Event]]]) -> dict[str, Any]:
    store = Store.open(db)
    figures: dict[str, Any] = {}
    t = time.perf_counter()
    for document, events in corpus:
        store.save(document, events)
    seconds = time.perf_counter() - t
    figures["ingest_s"] = round(seconds, 2)
    figures["ingest_docs_per_s"] = round(len(corpus) / seconds, 1)
    figures.update(store.counts())
    queries: dict[str, Callable[[], Any]] = {
        "events (all mentions)": lambda: len(store.events()),
        "clusters (all)": lambda: len(store.clusters()),
        "events --actor IRN": lambda: len(store.units(EventFilter(actor="IRN"))),
        "events --dyad IRN RUS --mentions": lambda: len(store.units(EventFilter(dyad=("IRN", "RUS")), mentions=True)),
        "events --code 04 --since/--until": lambda: len(store.units(EventFilter(code="04", since="2023-02-01",
                                                                                until="2023-02-28"))),
        "events --text 'visit'": lambda: len(store.units(EventFilter(text="visit"))),
        "dyad IRN RUS --by week": lambda: len(dyad_series(store, "IRN", "RUS", by="week").periods),
        "network": lambda: build_network(store).number_of_edges(),
        "timeline --actor RUS": lambda: len(timeline(store, actor="RUS")),
        "export --format gdelt": lambda: export_events(store.units(), "gdelt", open(os.devnull, "w")),  # noqa: SIM115
    }
    figures["queries_s"] = {}
    for name, fn in queries.items():
        seconds, size = timed(fn)
        figures["queries_s"][name] = (round(seconds, 3), size)
    store.close()
    return figures


@contextlib.contextmanager
def temporary_postgres() -> Iterator[str]:
    """A throwaway PostgreSQL 15 on localhost (as .ci/run starts one); yields its URL."""
    if not (PG_BIN / "initdb").exists():
        raise SystemExit(f"no PostgreSQL at {PG_BIN}; give --pg URL or --no-postgres")
    folder = Path(tempfile.mkdtemp(prefix="dragoman-bench-pg."))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data = folder / "data"
    try:
        subprocess.run([*as_pg, str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E",
                        "UTF8"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([*as_pg, str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "-o",
                        f"-c listen_addresses=localhost -p {port} -k {folder}", "start"], check=True,
                       stdout=subprocess.DEVNULL)
        yield f"postgresql://postgres@localhost:{port}/postgres"
    finally:
        subprocess.run([*as_pg, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--days", type=int, default=100, help="distinct event dates over the corpus")
    parser.add_argument("--pg", help="a PostgreSQL URL to use (its tables are replaced in a fresh schema)")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-model", action="store_true", help="hand-built seed articles instead of the model")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    corpus = vary(seed(not args.no_model), args.docs, args.days)
    n_events = sum(len(e) for _, e in corpus)
    results: dict[str, Any] = {"documents": len(corpus), "event_mentions": n_events}
    with tempfile.TemporaryDirectory() as tmp:
        results["sqlite"] = run(str(Path(tmp) / "bench.db"), corpus)
    if not args.no_postgres:
        with contextlib.ExitStack() as stack:
            url = args.pg or stack.enter_context(temporary_postgres())
            results["postgresql"] = run(_fresh_schema(url), corpus)
    report(results, args.json)
    return 0


def _fresh_schema(url: str) -> str:
    import psycopg

    schema = f"bench_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.execute(f"CREATE SCHEMA {schema}")
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


def report(results: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(results, indent=1))
        return
    lite, pg = results["sqlite"], results.get("postgresql")
    print(f"corpus: {results['documents']} documents, {results['event_mentions']} event mentions")
    print(f"clusters: SQLite {lite['clusters']}" + (f", PostgreSQL {pg['clusters']}" if pg else ""))
    print(f"{'':38}{'SQLite':>10}{'PostgreSQL':>12}{'PG/SQLite':>11}")
    rows = [("ingest (s)", lite["ingest_s"], pg["ingest_s"] if pg else None)]
    rows += [(f"  {name} (s)", v[0], pg["queries_s"][name][0] if pg else None) for name, v in lite["queries_s"].items()]
    for name, a, b in rows:
        ratio = f"{b / a:.2f}" if b is not None and a else "-"
        print(f"{name:38}{a:>10.3f}{(b if b is not None else float('nan')):>12.3f}{ratio:>11}")
    print(f"ingest: SQLite {lite['ingest_docs_per_s']} docs/s" +
          (f", PostgreSQL {pg['ingest_docs_per_s']} docs/s" if pg else ""))


if __name__ == "__main__":
    sys.exit(main())
