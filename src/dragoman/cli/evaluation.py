"""``evaluate``: score stored events against gold files (FORMATS.md sections 2-3)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from dragoman.cli import open_store
from dragoman.cli.output import print_misses, print_score


def register(sub: Any) -> None:
    p = sub.add_parser("evaluate", help="score stored events against gold files")
    p.add_argument("--gold", nargs="+", required=True, type=Path, metavar="FILE")
    p.add_argument("--verbose", action="store_true", help="list misses and false positives")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(handler=run_evaluate)


def run_evaluate(args: argparse.Namespace) -> int:
    from dragoman.operations import evaluate_store

    result = evaluate_store(open_store(args.db), args.gold)
    print_score(result.summary(), sys.stdout, as_json=args.json)
    if args.verbose:
        print_misses(result.missed, result.false_positives, sys.stderr)
    return 0
