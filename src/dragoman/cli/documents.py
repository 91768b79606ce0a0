"""Commands that read documents in: ``ingest``, ``demo``."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from dragoman.cli.output import print_score, print_table
from dragoman.operations import evaluate_store, example_paths, ingest
from dragoman.pipeline import Pipeline, Settings
from dragoman.store.database import Store


def register(sub: Any) -> None:
    p = sub.add_parser("ingest", help="read documents, code their events, store them")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for standard input")
    p.add_argument("--actors", action="append", default=[], type=Path, help="extra actor knowledge file")
    p.add_argument("--patterns", action="append", default=[], type=Path, help="extra pattern file")
    p.set_defaults(handler=run_ingest)

    p = sub.add_parser("demo", help="ingest the bundled example into a fresh database; print events and scores")
    p.add_argument("--keep", type=Path, help="keep the demo database at this path")
    p.set_defaults(handler=run_demo)


def run_ingest(args: argparse.Namespace) -> int:
    store = Store.open(args.db)
    pipeline = Pipeline.load(Settings(model=args.model, actor_files=tuple(args.actors),
                                      pattern_files=tuple(args.patterns)))
    report = ingest(args.paths, store, pipeline, on_error=lambda m: print(f"dragoman: {m}", file=sys.stderr))
    print(f"ingested {report.documents} document(s), {report.events} event(s); "
          f"{len(report.errors)} problem(s)", file=sys.stderr)
    if not report.documents:
        return 2
    return 1 if report.errors else 0


def run_demo(args: argparse.Namespace) -> int:
    text, gold = example_paths()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(args.keep) if args.keep else str(Path(tmp) / "demo.db")
        if args.keep and args.keep.exists():
            args.keep.unlink()
        store = Store.open(db)
        pipeline = Pipeline.load(Settings(model=args.model))
        report = ingest([str(text)], store, pipeline)
        print(f"Ingested {text.name}: {report.events} events\n")
        print_table(store.events(), sys.stdout)
        print("\nEvaluation against the example's gold events (FORMATS.md scoring):")
        print_score(evaluate_store(store, [gold]).summary(), sys.stdout, as_json=False)
        store.close()
    return 0
