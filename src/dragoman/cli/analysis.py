"""Analyses: ``dyad``, ``network``, ``timeline``, ``report``. Each makes one library call and prints."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from dragoman.cli import open_store
from dragoman.cli.events import add_filters, event_filter
from dragoman.cli.output import print_dyad, print_timeline, write_output
from dragoman.errors import DragomanError

# dragoman.analysis.NETWORK_FORMATS (a test keeps them equal): the analyses, and the event ontology they
# read, load only when an analysis runs, so that the other read-only commands start faster
NETWORK_FORMATS = ("graphml", "gexf", "json")


def register(sub: Any) -> None:
    p = sub.add_parser("dyad", help="events between two actors per week, month or year: quad classes, Goldstein")
    p.add_argument("a", metavar="A", help="first actor (code, country, organisation or name)")
    p.add_argument("b", metavar="B", help="second actor")
    p.add_argument("--by", choices=("week", "month", "year"), default="month")
    p.add_argument("--directed", action="store_true", help="only A acting on B")
    p.add_argument("--mentions", action="store_true", help="count every report instead of event clusters")
    p.add_argument("--json", action="store_true", help="print JSON rows")
    p.set_defaults(handler=run_dyad)

    p = sub.add_parser("network", help="actors and weighted directed edges as GraphML, GEXF or JSON")
    p.add_argument("--format", choices=NETWORK_FORMATS, default="graphml")
    p.add_argument("--output", "-o", type=Path, help="output file (default: standard output)")
    add_filters(p)
    p.set_defaults(handler=run_network)

    p = sub.add_parser("timeline", help="events of an actor or a dyad in order, with their evidence")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--actor", help="an actor (code, country, organisation or name)")
    who.add_argument("--dyad", nargs=2, metavar=("A", "B"), help="two actors")
    p.add_argument("--mentions", action="store_true", help="every report on its own line")
    p.set_defaults(handler=run_timeline)

    p = sub.add_parser("report", help="a self-contained HTML brief of a document or a dyad")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--doc", help="document id")
    what.add_argument("--dyad", nargs=2, metavar=("A", "B"), help="two actors")
    p.add_argument("--output", "-o", type=Path, help="output file (default: standard output)")
    p.add_argument("--mentions", action="store_true", help="count every report instead of event clusters")
    p.set_defaults(handler=run_report)


def run_dyad(args: argparse.Namespace) -> int:
    from dragoman.analysis import dyad_series

    series = dyad_series(open_store(args.db), args.a, args.b, by=args.by, mentions=args.mentions,
                         directed=args.directed)
    print_dyad(series, sys.stdout, as_json=args.json)
    return 0


def run_network(args: argparse.Namespace) -> int:
    if args.output is not None and not args.output.parent.is_dir():
        raise DragomanError(f"{args.output}: cannot write: folder {args.output.parent} does not exist")
    from dragoman.analysis import build_network, write_network

    graph = build_network(open_store(args.db), event_filter(args), mentions=args.mentions)
    write_output(lambda out: write_network(graph, args.format, out), args.output)
    return 0


def run_timeline(args: argparse.Namespace) -> int:
    from dragoman.analysis import timeline

    entries = timeline(open_store(args.db), actor=args.actor, dyad=tuple(args.dyad) if args.dyad else None,
                       mentions=args.mentions)
    print_timeline(entries, sys.stdout)
    return 0


def run_report(args: argparse.Namespace) -> int:
    if args.output is not None and not args.output.parent.is_dir():
        raise DragomanError(f"{args.output}: cannot write: folder {args.output.parent} does not exist")
    from dragoman.analysis import render_report

    html = render_report(open_store(args.db), doc=args.doc, dyad=tuple(args.dyad) if args.dyad else None,
                         mentions=args.mentions)
    write_output(lambda out: out.write(html.encode("utf-8")), args.output)
    return 0
