"""Accuracy of dragoman on the development sets, by the FORMATS.md scoring.

Ingests each set into a fresh temporary database with the installed dragoman, then scores the stored
events with dragoman's own evaluator and prints the figures (and with --verbose the misses and false
positives). Sets: the bundled seed article, and ../shared/eval/plover-gsr when it is there.

    .venv/bin/python benchmarks/accuracy.py [--verbose] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from dragoman.cli.output import print_misses
from dragoman.operations import evaluate_store, ingest
from dragoman.pipeline import Pipeline
from dragoman.store.database import Store

REPO = Path(__file__).resolve().parents[1]


def sets(shared: Path) -> list[tuple[str, Path, Path]]:
    found = [("seed", REPO / "examples" / "iran-russia-2023.txt", REPO / "examples" / "iran-russia-2023.gold.jsonl")]
    gsr = shared / "eval" / "plover-gsr"
    if (gsr / "documents.jsonl").exists():
        found.append(("plover-gsr", gsr / "documents.jsonl", gsr / "gold.jsonl"))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    pipeline = Pipeline.load()
    matched_code = [0, 0]
    for name, docs, gold in sets(args.shared):
        with tempfile.TemporaryDirectory() as tmp:
            store = Store.open(str(Path(tmp) / f"{name}.db"))
            ingest([str(docs)], store, pipeline)
            result = evaluate_store(store, [gold])
            summary = result.summary()
            print(f"{name}: {json.dumps(summary)}")
            rate, n = result.rates["code_exact"]
            if rate is not None:
                matched_code[0] += round(rate * n)
                matched_code[1] += n
            if args.verbose:
                print_misses(result.missed, result.false_positives, sys.stdout)
            store.close()
    if matched_code[1]:
        print(f"code exact across sets: {matched_code[0] / matched_code[1]:.3f} of {matched_code[1]} matched events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
