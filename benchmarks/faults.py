"""Hardening benchmark: huge and hostile inputs, faults during an ingest, fuzzing; prints one table.

Every row runs the real ``dragoman ingest`` in a child process (peak memory is that child's, from the
kernel's accounting) and checks the database it leaves against an undisturbed run:

- huge and pathological inputs, each in a folder beside an ordinary article: a 20 MB article, a 5 MB
  single line, 100,000 one-word sentences, 50,000 levels of nested HTML, a 50 MiB JSON line, NUL and
  control characters, right-to-left marks. Each is coded or refused in one line; the article beside it
  is always coded;
- faults (tests/hardening/trials.py): ``kill -9`` at a random point after the first stored document
  (SQLite and PostgreSQL), a full disk (a small tmpfs when this process may mount one, else a file-size
  limit), PostgreSQL stopped mid-run (``pg_ctl stop -m fast`` and ``-m immediate``), a read-only
  database, a reader running the analyses while a writer ingests (SQLite and PostgreSQL). Then a re-run:
  every document stored, none lost, duplicated or invented;
- fuzzing: the hypothesis tests of tests/hardening/test_fuzz.py with many more examples.

PostgreSQL: a temporary PostgreSQL 15 (initdb and pg_ctl, localhost only, as .ci/run), removed after.

    .venv/bin/python benchmarks/faults.py [--kills 20] [--huge-mb 20] [--fuzz 500] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.hardening import trials  # noqa: E402

from dragoman.store.database import Store  # noqa: E402

ARTICLE = (REPO / "src" / "dragoman" / "data" / "examples" / "iran-russia-2023.txt").read_text(encoding="utf-8")
MIB = 1024 * 1024


def huge_inputs(mb: float) -> dict[str, Callable[[Path], tuple[str, bool]]]:
    """Row name -> a writer of that input into a folder, returning (file name, whether it must be coded)."""

    def article(folder: Path) -> tuple[str, bool]:
        copies = int(mb * MIB / (len(ARTICLE) + 2)) + 1
        (folder / "report.txt").write_text("\n\n".join([ARTICLE] * copies), encoding="utf-8")
        return "report.txt", True

    def single_line(folder: Path) -> tuple[str, bool]:
        line = " ".join(ARTICLE.split()) + " "
        (folder / "line.txt").write_text(line * (int(mb / 4 * MIB) // len(line) + 1), encoding="utf-8")
        return "line.txt", True

    def one_word(folder: Path) -> tuple[str, bool]:
        (folder / "words.txt").write_text("Yes.\n" * 100_000, encoding="utf-8")
        return "words.txt", True

    def nested(folder: Path) -> tuple[str, bool]:
        body = "<div>" * 50_000 + "<p>Iran met Russia in Moscow to discuss the nuclear deal.</p>" + "</div>" * 50_000
        (folder / "nested.html").write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
        return "nested.html", False

    def json_line(folder: Path) -> tuple[str, bool]:
        with (folder / "dump.jsonl").open("w", encoding="utf-8") as out:
            out.write(json.dumps({"id": "dump-1", "text": ARTICLE[:3000]}) + "\n")
            out.write('{"id": "dump-huge", "text": "' + "Iran met Russia. " * (50 * MIB // 17 + 1) + '"}\n')
            out.write(json.dumps({"id": "dump-3", "text": ARTICLE[3000:6000]}) + "\n")
        return "dump.jsonl", False  # the huge line is refused; its two neighbours must be coded

    def controls(folder: Path) -> tuple[str, bool]:
        # NUL and other control characters past the first 8 KiB (within it, NUL marks a binary file), fewer
        # than 1% of the characters (more, and the file is refused as binary data: see ingest/text.py)
        noise = ["\x00", "\x01\x07", "\x1b[2J", "\x7f", "\x0b\x0c", "\x1f"]
        text = ARTICLE + "\n" + "\n".join(f"Iran met Russia {i}.{noise[i % 6] if i % 10 == 0 else ''} Russia "
                                          f"thanked Iran." for i in range(200))
        (folder / "controls.txt").write_bytes(text.encode("utf-8"))
        return "controls.txt", True

    def rtl(folder: Path) -> tuple[str, bool]:
        marks = "\u200f\u202b\u202e\u2067"
        text = "\n".join(f"{marks[i % 4]}{line}\u202c" for i, line in enumerate(ARTICLE.splitlines()))
        (folder / "rtl.txt").write_text(text + "\nطهران وموسكو\n", encoding="utf-8")
        return "rtl.txt", True

    return {f"{mb:g} MB article": article, f"{mb / 4:g} MB single line": single_line,
            "100,000 one-word sentences": one_word, "HTML nested 50,000 deep": nested,
            "JSONL line of 50 MiB": json_line, "NUL and control characters": controls,
            "right-to-left marks": rtl}


def huge_row(name: str, write: Callable[[Path], tuple[str, bool]], work: Path) -> trials.Tally:
    tally = trials.Tally(name, trials=1)
    folder = work / f"huge-{abs(hash(name))}"
    folder.mkdir()
    (folder / "ordinary.txt").write_text(ARTICLE, encoding="utf-8")
    file_name, coded = write(folder)
    db = str(work / f"huge-{abs(hash(name))}.db")
    done = trials.run(trials.ingest_command(db, str(folder), "--any-language"), timeout=3600)
    tally.add_run(done)
    stderr = done.stderr
    if not trials.no_traceback(stderr) or done.returncode not in (0, 1):
        tally.failures.append(f"exit {done.returncode}: {stderr.strip()[-300:]}")
    found = trials.snapshot(db)
    expected = {"ordinary", Path(file_name).stem} if coded else {"ordinary"}
    if file_name == "dump.jsonl":
        expected = {"ordinary", "dump-1", "dump-3"}
    tally.lost = len(expected - set(found))
    tally.invented = len(set(found) - expected)
    tally.duplicated = sum(len(ids) - len(set(ids)) for ids in found.values())
    problems = [ln for ln in stderr.splitlines() if ln.startswith("dragoman: ") and "ingested" not in ln]
    store = Store.open(db)
    try:
        texts = {doc_id: (store.document(doc_id) or {}).get("text") or "" for doc_id in found}
        stored_events = store.events()
        events = len(stored_events)
        bad_spans = sum(1 for e in stored_events
                        if texts[e.doc_id][e.evidence.start_char:e.evidence.end_char] not in e.evidence.sentence)
    finally:
        store.close()
    if bad_spans:
        tally.failures.append(f"{bad_spans} events whose offsets miss their words")
    what = f"coded ({events} events)" if coded else f"refused in one line ({len(problems)})"
    missing = sorted(expected - set(found))
    tally.outcome = what if tally.clean else f"FAILED: not stored {missing}; {'; '.join(tally.failures)}"[:160]
    return tally


def fault_rows(args: argparse.Namespace, work: Path, pg: trials.Postgres | None) -> list[trials.Tally]:
    rows: list[trials.Tally] = []
    corpus = work / "corpus"
    trials.write_corpus(corpus, args.docs)
    ref, coding = trials.reference(corpus, str(work / "ref.db"))
    rng = random.Random(13)
    backends = [("SQLite", None)] + ([("PostgreSQL", pg.url)] if pg else [])
    for label, server in backends:
        tally = trials.Tally(f"kill -9 mid-ingest, {label}")
        for i in range(args.kills):
            kind = "postgresql" if server else "sqlite"
            with trials.fresh_database(kind, work / f"kill-{label}-{i}", server) as db:
                trials.kill_trial(tally, corpus, db, ref, coding, rng)
        tally.outcome = f"{tally.interrupted}/{tally.trials} killed mid-run; all resumed"
        rows.append(tally)
    padded = work / "padded"
    trials.write_corpus(padded, 16, padding=40_000)
    padded_ref, _ = trials.reference(padded, str(work / "padded-ref.db"))
    tally = trials.Tally("disk full (SQLite)")
    hows = {trials.disk_full_trial(tally, padded, work, padded_ref, size_kb=384) for _ in range(args.disk)}
    tally.outcome = f"one-line error, resumed ({', '.join(sorted(hows))})"
    rows.append(tally)
    if pg is not None:
        tally = trials.Tally("PostgreSQL stopped mid-run")
        for i in range(args.pg_stops):
            with trials.fresh_database("postgresql", work, pg.url) as db:
                trials.server_stop_trial(tally, corpus, pg, db, ref, ("fast", "immediate")[i % 2])
        tally.outcome = "one-line error, resumed (stop -m fast / immediate)"
        rows.append(tally)
    tally = trials.Tally("read-only database (SQLite)")
    for i in range(2):
        folder = work / f"ro-{i}"
        folder.mkdir()
        db = str(folder / "events.db")
        trials.run(trials.ingest_command(db, str(sorted(corpus.iterdir())[0])))
        how = trials.read_only_trial(tally, corpus, db)
    tally.outcome = f"one-line error, reads work ({how})"
    rows.append(tally)
    for label, server in backends:
        tally = trials.Tally(f"reader during writer, {label}")
        rounds = 0
        for i in range(args.readers):
            kind = "postgresql" if server else "sqlite"
            with trials.fresh_database(kind, work / f"read-{label}-{i}", server) as db:
                rounds += trials.reader_trial(tally, corpus, db, ref)
        tally.outcome = f"{rounds} rounds of analyses, no error"
        rows.append(tally)
    for row in rows:
        if not row.clean:
            row.outcome = "FAILED: " + "; ".join(row.failures)[:120]
    return rows


def fuzz_rows(args: argparse.Namespace, pg: trials.Postgres | None) -> list[trials.Tally]:
    rows = []
    cases = [("fuzz: pipeline on any text", "pipeline", None), ("fuzz: every CLI filter, SQLite", "filter or dyad",
                                                                 None)]
    if pg is not None:
        cases.append(("fuzz: every CLI filter, PostgreSQL", "filter or dyad", pg.url))
    for name, select, server in cases:
        env = {**os.environ, "DRAGOMAN_FUZZ_EXAMPLES": str(args.fuzz)}
        env.pop("DRAGOMAN_TEST_DB", None)
        if server:
            env["DRAGOMAN_TEST_DB"] = server
        began = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                               str(REPO / "tests" / "hardening" / "test_fuzz.py"), "-k", select],
                              cwd=REPO, env=env, capture_output=True, text=True, check=False)
        tests = 1 if select == "pipeline" else 2
        tally = trials.Tally(name, trials=args.fuzz * tests)
        last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
        if done.returncode != 0:
            tally.failures.append(last)
        tally.outcome = (f"no failure ({time.monotonic() - began:.0f} s)" if tally.clean
                         else f"FAILED: {last[:100]}")
        rows.append(tally)
    return rows


def print_table(rows: list[trials.Tally]) -> None:
    header = ("input or fault", "trials", "outcome", "lost", "duplicated", "peak MB")
    body = [(r.what, str(r.trials), r.outcome, str(r.lost + r.half_written + r.invented), str(r.duplicated),
             f"{r.peak_mb:.0f}" if r.peak_mb else "-") for r in rows]
    widths = [max(len(x) for x in col) for col in zip(header, *body, strict=True)]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"
    print(line)
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in body:
        print("| " + " | ".join(x.ljust(w) for x, w in zip(row, widths, strict=True)) + " |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20, help="kill -9 trials per backend (default 20)")
    parser.add_argument("--huge-mb", type=float, default=20.0, help="size of the huge article (default 20 MB)")
    parser.add_argument("--fuzz", type=int, default=500, help="hypothesis examples per fuzz test (default 500)")
    parser.add_argument("--docs", type=int, default=40, help="documents of the fault corpus (default 40)")
    parser.add_argument("--disk", type=int, default=3, help="disk-full trials (default 3)")
    parser.add_argument("--pg-stops", type=int, default=4, help="PostgreSQL stop trials (default 4)")
    parser.add_argument("--readers", type=int, default=2, help="reader-during-writer trials per backend")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--quick", action="store_true", help="small counts and a 2 MB article (a smoke run)")
    parser.add_argument("--only", choices=("huge", "faults", "fuzz"), help="one group of rows")
    args = parser.parse_args()
    if args.quick:
        args.kills, args.huge_mb, args.fuzz, args.disk, args.pg_stops, args.readers = 2, 2.0, 50, 1, 2, 1
    began = time.monotonic()
    pg = None if args.no_postgres else trials.Postgres()
    rows: list[trials.Tally] = []
    try:
        with tempfile.TemporaryDirectory(prefix="dragoman-faults.") as tmp:
            work = Path(tmp)
            if args.only in (None, "huge"):
                for name, write in huge_inputs(args.huge_mb).items():
                    rows.append(huge_row(name, write, work))
                    print(f"  {name}: {rows[-1].outcome}", file=sys.stderr, flush=True)
            if args.only in (None, "faults"):
                rows += fault_rows(args, work, pg)
            if args.only in (None, "fuzz"):
                rows += fuzz_rows(args, pg)
    finally:
        if pg is not None:
            pg.close()
    print_table(rows)
    print(f"\n{time.monotonic() - began:.0f} s in all; peak MB: the ingest child's peak resident memory "
          f"(the model included); 'lost' counts documents or events missing, half-written or invented")
    return 0 if all(r.clean for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
