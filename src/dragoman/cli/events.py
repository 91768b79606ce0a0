"""Commands that read stored events: ``events``, ``export``, ``explain``.

``events`` and the analyses count event clusters (deduplicated across documents) unless ``--mentions``
asks for every report.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dragoman.cli import open_store
from dragoman.cli.output import print_clusters, print_columns, print_explanation, write_units
from dragoman.errors import DragomanError
from dragoman.export import EXPORTERS, export_events, export_to_file, exporter

if TYPE_CHECKING:
    from dragoman.store.query import EventFilter

OUTPUTS = ("table", "json", "csv")


def register(sub: Any) -> None:
    p = sub.add_parser("events", help="list stored events (clusters, or --mentions) as a table, JSON or CSV")
    add_filters(p)
    p.add_argument("--format", choices=OUTPUTS, default="table", help="output (default: table)")
    p.set_defaults(handler=run_events)

    p = sub.add_parser("export", help="write stored events: " + ", ".join(sorted(EXPORTERS)))
    p.add_argument("--format", default="jsonl", help=f"one of: {', '.join(sorted(EXPORTERS))} (default: jsonl)")
    p.add_argument("--output", "-o", type=Path, help="output file (default: standard output)")
    p.add_argument("--clusters", action="store_true",
                   help="one row per event cluster (the default of gdelt and plover)")
    p.add_argument("--columns", action="store_true", help="print the format's columns and their meanings")
    add_filters(p)
    p.set_defaults(handler=run_export)

    p = sub.add_parser("explain", help="show an event's evidence and how each actor was resolved")
    p.add_argument("event_id", help="an event id (or a unique prefix of one)")
    p.set_defaults(handler=run_explain)


def add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--doc", help="document id")
    p.add_argument("--actor", help="actor code, country, organisation or name (either side)")
    p.add_argument("--source", help="the source actor only")
    p.add_argument("--target", help="the target actor only")
    p.add_argument("--country", help="ISO-3 country of either actor or of the place")
    p.add_argument("--dyad", nargs=2, metavar=("A", "B"), help="events between two actors (either direction)")
    p.add_argument("--directed", action="store_true", help="with --dyad: only A acting on B")
    p.add_argument("--code", help="CAMEO code or prefix (04, 042)")
    p.add_argument("--root", help="CAMEO root (two digits)")
    p.add_argument("--quad", type=int, choices=(1, 2, 3, 4), help="quad class")
    p.add_argument("--plover", help="PLOVER event type (CONSULT, ASSAULT ...)")
    p.add_argument("--modality", help="asserted, claimed, planned, hypothetical, negated or denied")
    p.add_argument("--since", help="events dated on or after (YYYY-MM-DD or a prefix)")
    p.add_argument("--until", help="events dated on or before (YYYY-MM-DD or a prefix)")
    p.add_argument("--place", help="place name or its ISO-3 country")
    p.add_argument("--text", help="words that must all occur in the sentence")
    p.add_argument("--limit", type=int)
    p.add_argument("--mentions", action="store_true", help="count every report instead of event clusters")


def event_filter(args: argparse.Namespace) -> EventFilter:
    from dragoman.store.query import EventFilter

    return EventFilter(doc=args.doc, actor=args.actor, code=args.code, since=args.since, until=args.until,
                       limit=args.limit, country=args.country, dyad=tuple(args.dyad) if args.dyad else None,
                       directed=args.directed, root=args.root, quad_class=args.quad, plover=args.plover,
                       modality=args.modality, place=args.place, text=args.text, source=args.source,
                       target=args.target)


def run_events(args: argparse.Namespace) -> int:
    units = open_store(args.db).units(event_filter(args), mentions=args.mentions)
    if args.format == "table":
        print_clusters(units, sys.stdout, mentions=args.mentions)
    else:
        write_units(units, args.format, sys.stdout)
    return 0


def run_export(args: argparse.Namespace) -> int:
    chosen = exporter(args.format)  # an unknown format fails before the database is touched
    if args.columns:
        if not chosen.columns:
            raise DragomanError(f"{args.format} has no fixed columns; see FORMATS.md for the record")
        print_columns(chosen.columns, sys.stdout)
        return 0
    if args.clusters and args.mentions:
        raise DragomanError("--clusters and --mentions exclude each other")
    per_mention = args.mentions or (chosen.per_mention and not args.clusters)
    units = open_store(args.db).units(event_filter(args), mentions=per_mention)
    if args.output:
        export_to_file(units, args.format, args.output)
    else:
        export_events(units, args.format, sys.stdout.buffer if chosen.binary else sys.stdout)
    return 0


def run_explain(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    event = store.event(args.event_id)
    if event is None:
        print(f"dragoman: error: no event {args.event_id!r} in {store.label}", file=sys.stderr)
        return 2
    print_explanation(event, sys.stdout)
    return 0
