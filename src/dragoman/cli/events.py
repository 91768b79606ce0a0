"""Commands that read stored events: ``events``, ``export``, ``explain``."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, TextIO, cast

from dragoman.cli.output import print_explanation, print_table
from dragoman.errors import ExportError
from dragoman.export import EXPORTERS, export_events
from dragoman.records import Event
from dragoman.store.database import EventFilter, Store


def register(sub: Any) -> None:
    p = sub.add_parser("events", help="list stored events as a table")
    add_filters(p)
    p.set_defaults(handler=run_events)

    p = sub.add_parser("export", help="write stored events (FORMATS.md record)")
    p.add_argument("--format", default="jsonl", help=f"one of: {', '.join(sorted(EXPORTERS))}")
    p.add_argument("--output", "-o", type=Path, help="output file (default: standard output)")
    add_filters(p)
    p.set_defaults(handler=run_export)

    p = sub.add_parser("explain", help="show an event's evidence and how each actor was resolved")
    p.add_argument("event_id", help="an event id (or a unique prefix of one)")
    p.set_defaults(handler=run_explain)


def add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--doc", help="document id")
    p.add_argument("--actor", help="actor code, country, organisation or name")
    p.add_argument("--code", help="CAMEO code or prefix (04, 042)")
    p.add_argument("--since", help="events dated on or after (YYYY-MM-DD)")
    p.add_argument("--until", help="events dated on or before (YYYY-MM-DD)")
    p.add_argument("--limit", type=int)


def event_filter(args: argparse.Namespace) -> EventFilter:
    return EventFilter(doc=args.doc, actor=args.actor, code=args.code, since=args.since, until=args.until,
                       limit=args.limit)


def run_events(args: argparse.Namespace) -> int:
    print_table(Store.open(args.db).events(event_filter(args)), sys.stdout)
    return 0


def run_export(args: argparse.Namespace) -> int:
    if args.format not in EXPORTERS:
        raise ExportError(f"unknown export format {args.format!r}; known: {', '.join(sorted(EXPORTERS))}")
    events = Store.open(args.db).events(event_filter(args))
    if args.output:
        export_to_file(events, args.format, args.output)
    else:
        export_events(events, args.format, sys.stdout)
    return 0


def export_to_file(events: list[Event], fmt: str, output: Path) -> None:
    """Write to a temporary file beside the target, then rename: a failed export leaves no half file."""
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"{output}: cannot write: folder {folder} does not exist")
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", dir=folder, delete=False,
                                     suffix=".part") as tmp:
        try:
            export_events(events, fmt, cast(TextIO, tmp))
        except BaseException:
            tmp.close()
            os.unlink(tmp.name)
            raise
    os.replace(tmp.name, output)


def run_explain(args: argparse.Namespace) -> int:
    store = Store.open(args.db)
    event = store.event(args.event_id)
    if event is None:
        print(f"dragoman: error: no event {args.event_id!r} in {store.label}", file=sys.stderr)
        return 2
    print_explanation(event, sys.stdout)
    return 0
