"""Web latency benchmark: p50/p95/p99 of the events API of ``dragoman serve`` under a bounded local load.

The database: --events synthetic event mentions (default 100,000) in documents of ten events each,
written through ``Store.save`` (the call ``ingest`` makes, so clusters are assigned as in real use):
actors drawn from 30 countries, dates over two years, a third of the events placed in a capital. It
is built once and kept (--db PATH reuses it). The server is ``dragoman serve`` in a child process on
127.0.0.1; --clients threads send --requests requests in all (default 600) with httpx, each a page of
``/api/events`` with a varied selection: no filter, an actor, a dyad, a quad class, a date range, text,
deep pages, other sorts, mentions. Nothing leaves this machine, and the load stops by itself.

    .venv/bin/python benchmarks/web_latency.py [--events 100000] [--requests 600] [--clients 4] [--db PATH]

Figures depend on the machine and on whatever else runs on it; the issue's target is p95 < 200 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

from dragoman.records import Actor, Document, Event, EventDate, Evidence, Place
from dragoman.store.database import Store

REPO = Path(__file__).resolve().parents[1]
COUNTRIES = ["IRN", "RUS", "USA", "CHN", "TUR", "ISR", "SYR", "IRQ", "SAU", "IND", "PAK", "AFG", "UKR", "FRA",
             "DEU", "GBR", "JPN", "KOR", "PRK", "EGY", "LBN", "JOR", "YEM", "QAT", "ARE", "AZE", "ARM", "GEO",
             "KAZ", "BLR"]
CAPITALS = {"IRN": ("Tehran", 35.69, 51.42), "RUS": ("Moscow", 55.75, 37.62), "USA": ("Washington", 38.9, -77.04),
            "CHN": ("Beijing", 39.9, 116.4), "TUR": ("Ankara", 39.93, 32.86), "SYR": ("Damascus", 33.51, 36.29),
            "UKR": ("Kyiv", 50.45, 30.52), "IRQ": ("Baghdad", 33.34, 44.4)}
CODES = [("040", 1, 1.0, "CONSULT"), ("042", 1, 1.9, "CONSULT"), ("057", 1, 8.0, "AGREE"),
         ("061", 2, 6.4, "COOPERATE"), ("070", 2, 7.0, "AID"), ("111", 3, -2.0, "ACCUSE"),
         ("130", 3, -4.4, "THREATEN"), ("173", 4, -5.0, "COERCE"), ("190", 4, -10.0, "ASSAULT"),
         ("195", 4, -10.0, "ASSAULT")]
WORDS = ["talks", "visit", "strike", "sanctions", "agreement", "border", "oil", "nuclear", "trade", "aid"]


def corpus(n_events: int, seed: int = 7) -> list[tuple[Document, list[Event]]]:
    rng = random.Random(seed)
    start = dt.date(2022, 1, 1)
    out = []
    for d in range(max(1, n_events // 10)):
        words = rng.sample(WORDS, 3)
        text = f"Article {d} about {' '.join(words)}. " * 10
        day = start + dt.timedelta(days=rng.randrange(730))
        doc = Document(f"doc-{d:06d}", text, f"Report {d}", f"https://outlet{d % 40}.example/{d}", day.isoformat())
        events = []
        for n in range(10):
            a, b = rng.sample(COUNTRIES, 2)
            code, quad, goldstein, plover = rng.choice(CODES)
            when = (day - dt.timedelta(days=rng.randrange(3))).isoformat()
            place = None
            if rng.random() < 0.33 and b in CAPITALS:
                name, lat, lon = CAPITALS[b]
                place = Place(name, b, lat, lon, None, "PPLC", name, "city")
            sentence = f"{a} {words[n % 3]} {b} on day {n}."
            events.append(Event(
                doc_id=doc.doc_id, event_id=f"{doc.doc_id}-{n}", cameo=code, root=code[:2], quad_class=quad,
                goldstein=goldstein, plover_event=plover, plover_mode=None,
                source=Actor(a, a, a + "GOV", a, None, "GOV", "dictionary:country", f"country:{a}"),
                target=Actor(b, b, b, b, None, None, "dictionary:country", f"country:{b}"),
                evidence=Evidence(sentence, n, n * 40, n * 40 + 30, words[n % 3], "bench"),
                date=EventDate(when, when, "day", None, "explicit"), location=place, confidence=0.7))
        out.append((doc, events))
    return out


def build(db: str, n_events: int) -> None:
    store = Store.open(db)
    if store.counts()["mentions"] >= n_events:
        print(f"reusing {db}: {store.counts()}", file=sys.stderr)
        return
    started = time.perf_counter()
    docs = corpus(n_events)
    for i, (document, events) in enumerate(docs, start=1):
        store.save(document, events)
        if i % 1000 == 0:
            print(f"  {i * 10} events written ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    print(f"built {db}: {store.counts()} in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def queries(rng: random.Random) -> list[tuple[str, str]]:
    """(kind, path) of each request: the selections an analyst's table asks for."""
    out = []
    for _ in range(60):
        a, b = rng.sample(COUNTRIES, 2)
        out += [
            ("all", "/api/events"),
            ("actor", f"/api/events?actor={a}"),
            ("dyad", f"/api/events?dyad_a={a}&dyad_b={b}"),
            ("quad", f"/api/events?quad={rng.randint(1, 4)}&actor={a}"),
            ("dates", f"/api/events?since=2023-0{rng.randint(1, 9)}&until=2023-1{rng.randint(0, 2)}"),
            ("text", f"/api/events?text={rng.choice(WORDS)}"),
            ("deep page", f"/api/events?page={rng.randint(50, 400)}&per_page=50"),
            ("sort", f"/api/events?sort={rng.choice(['mentions', 'code', 'source'])}&order=desc&actor={a}"),
            ("mentions", f"/api/events?mentions=true&country={a}"),
            ("place", f"/api/events?place={rng.choice([c[0] for c in CAPITALS.values()])}"),
        ]
    return out


def load(base: str, n_requests: int, clients: int) -> dict[str, list[float]]:
    rng = random.Random(11)
    todo = (queries(rng) * (n_requests // 600 + 1))[:n_requests]
    rng.shuffle(todo)
    lock = threading.Lock()
    timings: dict[str, list[float]] = defaultdict(list)
    failures: list[str] = []

    def worker(items: list[tuple[str, str]]) -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            for kind, path in items:
                t = time.perf_counter()
                response = client.get(path)
                elapsed = (time.perf_counter() - t) * 1000
                with lock:
                    if response.status_code != 200:
                        failures.append(f"{response.status_code} {path}")
                    timings[kind].append(elapsed)

    threads = [threading.Thread(target=worker, args=(todo[i::clients],)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"{len(failures)} requests failed, e.g. {failures[:3]}")
    return timings


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--db", help="database to build or reuse (default: a file in the temporary folder)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    db = args.db or str(Path(tempfile.gettempdir()) / f"dragoman-web-bench-{args.events}.db")
    build(db, args.events)
    sys.path.insert(0, str(REPO))
    from tests.web.browser import running_server

    with tempfile.TemporaryDirectory() as tmp, running_server(db, Path(tmp) / "serve.log") as base:
        httpx.get(f"{base}/api/events", timeout=30)  # warm up: first connection, page cache
        started = time.perf_counter()
        timings = load(base, args.requests, args.clients)
        wall = time.perf_counter() - started
    every = [t for ts in timings.values() for t in ts]
    rows = {kind: {"n": len(ts), "p50": percentile(ts, 50), "p95": percentile(ts, 95), "max": max(ts)}
            for kind, ts in sorted(timings.items())}
    overall = {"n": len(every), "p50": percentile(every, 50), "p95": percentile(every, 95),
               "p99": percentile(every, 99), "mean": statistics.fmean(every), "requests_per_s": len(every) / wall}
    if args.json:
        print(json.dumps({"events": args.events, "clients": args.clients, "overall": overall, "by_kind": rows}))
        return 0
    print(f"/api/events on {args.events:,} events, {args.clients} clients, {len(every)} requests "
          f"({overall['requests_per_s']:.1f}/s)")
    print(f"{'selection':<10} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for kind, r in rows.items():
        print(f"{kind:<10} {r['n']:>5} {r['p50']:>8.1f} {r['p95']:>8.1f} {r['max']:>8.1f}")
    print(f"{'overall':<10} {overall['n']:>5} {overall['p50']:>8.1f} {overall['p95']:>8.1f}   "
          f"p99 {overall['p99']:.1f}  (target: p95 < 200 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
