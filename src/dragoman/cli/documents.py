"""Commands that read documents in: ``ingest``, ``demo``."""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dragoman.cli import open_store
from dragoman.cli.output import print_score, print_table

if TYPE_CHECKING:
    from dragoman.operations import IngestReport

STDIN_FORMATS = {"txt": ".txt", "md": ".md", "jsonl": ".jsonl", "csv": ".csv", "tsv": ".tsv",
                 "html": ".html", "feed": ".xml"}


def register(sub: Any) -> None:
    p = sub.add_parser("ingest", help="read documents, code their events, store them")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files, folders, http(s):// URLs, or - for standard input")
    p.add_argument("--urls", action="append", default=[], metavar="FILE",
                   help="a file of URLs to fetch, one a line (# comments)")
    p.add_argument("--actors", action="append", default=[], type=Path, help="extra actor knowledge file")
    p.add_argument("--patterns", action="append", default=[], type=Path, help="extra pattern file")
    p.add_argument("--places", action="append", default=[], type=Path,
                   help="extra places file (the format of data/places/places.tsv)")
    g = p.add_argument_group("dumps (JSON Lines, CSV): which field or column holds each part")
    for part, usual in (("text", "text, body, content"), ("id", "id, doc_id, guid"), ("title", "title, headline"),
                        ("url", "url, link"), ("date", "published, date, pubdate")):
        g.add_argument(f"--{part}-field", metavar="NAME", help=f"(default: the first of {usual} ...)")
    p.add_argument("--format", choices=sorted(STDIN_FORMATS), default="txt", help="what standard input holds")
    p.add_argument("--max-bytes", type=_size, metavar="N",
                   help="skip files and pages larger than N bytes (K, M, G suffixes; default 50M)")
    p.add_argument("--timeout", type=float, default=20.0, metavar="S", help="seconds to wait for a web server")
    p.add_argument("--force", action="store_true", help="code documents again even if already ingested")
    p.add_argument("--any-language", action="store_true", help="do not skip documents that do not look English")
    p.add_argument("--progress", action="store_true",
                   help="show a progress bar even when standard error is not a terminal")
    p.add_argument("--workers", type=_positive, metavar="N",
                   help="worker processes that code documents (default: the machine's cores)")
    p.set_defaults(handler=run_ingest)

    p = sub.add_parser("load", help="store the output of the Spark job (python -m dragoman.spark)")
    p.add_argument("folder", type=Path, metavar="FOLDER", help="the job's output folder (documents/, events/)")
    p.add_argument("--force", action="store_true", help="store documents again even if already stored")
    p.set_defaults(handler=run_load)

    p = sub.add_parser("demo", help="ingest the bundled example into a fresh database; print events and scores")
    p.add_argument("--keep", type=Path, help="keep the demo database at this path")
    p.set_defaults(handler=run_demo)


def _size(value: str) -> int:
    match = re.fullmatch(r"\s*(\d+)\s*([KMG]?)i?B?\s*", value, re.IGNORECASE)
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (e.g. 500000, 200K, 10M)")
    return int(match.group(1)) * 1024 ** " KMG".index(match.group(2).upper() or " ")


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return int(value)


def run_ingest(args: argparse.Namespace) -> int:
    if not args.paths and not args.urls:
        print("dragoman: error: ingest needs a PATH, a URL or --urls FILE", file=sys.stderr)
        return 2
    from dragoman.parallel import coder, default_workers
    from dragoman.settings import Settings

    # the coder first: with workers, their pipeline loads in another process while this one imports the
    # readers and the store and opens it
    pipeline = coder(Settings(model=args.model, actor_files=tuple(args.actors), pattern_files=tuple(args.patterns),
                              place_files=tuple(args.places)), args.workers or default_workers())
    from dragoman.ingest import FetchSettings, Fields, ReadOptions  # here: the readers slow start-up
    from dragoman.ingest.readers import MAX_BYTES
    from dragoman.operations import ingest

    max_bytes = MAX_BYTES if args.max_bytes is None else args.max_bytes
    fields = Fields(text=args.text_field, id=args.id_field, title=args.title_field, url=args.url_field,
                    date=args.date_field)
    options = ReadOptions(max_bytes=max_bytes, fields=fields, stdin_format=STDIN_FORMATS[args.format],
                          fetch=FetchSettings(max_bytes=max_bytes, timeout=args.timeout))
    store = open_store(args.db)
    with _progress(args.progress or sys.stderr.isatty()) as (say, tick):
        try:
            report = ingest(args.paths, store, pipeline, options=options, url_lists=args.urls, force=args.force,
                            any_language=args.any_language, on_error=lambda m: say(f"dragoman: {m}"),
                            on_warning=lambda m: say(f"dragoman: warning: {m}"),
                            on_document=lambda _d, _n: tick(), on_skip=lambda _d: tick())
        except KeyboardInterrupt:
            say("dragoman: run the same command again to resume: documents already stored are skipped")
            raise
    print(_summary(report), file=sys.stderr)
    if not report.documents and not report.skipped:
        return 2
    return 1 if report.errors else 0


def run_load(args: argparse.Namespace) -> int:
    from dragoman.operations import load_output

    report = load_output(args.folder, open_store(args.db), force=args.force)
    print(_summary(report).replace("ingested", "loaded", 1), file=sys.stderr)
    return 0 if report.documents or report.skipped else 2


def _summary(report: IngestReport) -> str:
    parts = [f"ingested {report.documents} document(s), {report.events} event(s)"]
    if report.skipped:
        parts.append(f"{report.skipped} already ingested (skipped; --force to code again)")
    if report.warnings:
        parts.append(f"{len(report.warnings)} not English (skipped)")
    parts.append(f"{len(report.errors)} problem(s)")
    return "; ".join(parts)


@contextmanager
def _progress(show: bool) -> Iterator[tuple[Callable[[str], None], Callable[[], None]]]:
    """``(say, tick)``: print one line to standard error, count one document. With ``show``, a rich
    progress bar on standard error counts documents and their rate, and lines print above it."""
    if not show:
        yield (lambda line: print(line, file=sys.stderr)), (lambda: None)
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True, force_terminal=True)
    columns = (SpinnerColumn(), TextColumn("{task.completed} documents"), TextColumn("{task.fields[rate]}"),
               TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("ingest", total=None, rate="")

        def tick() -> None:
            bar.advance(task)
            elapsed = bar.tasks[0].elapsed or 0.0
            done = bar.tasks[0].completed
            bar.update(task, rate=f"{done / elapsed:.1f} documents/s" if elapsed > 0 else "")

        yield (lambda line: console.print(line, markup=False, highlight=False, soft_wrap=True)), tick


def run_demo(args: argparse.Namespace) -> int:
    from dragoman.operations import evaluate_store, example_paths, ingest
    from dragoman.pipeline import Pipeline, Settings

    text, gold = example_paths()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(args.keep) if args.keep else str(Path(tmp) / "demo.db")
        if args.keep and args.keep.exists():
            args.keep.unlink()
        store = open_store(db)
        pipeline = Pipeline.load(Settings(model=args.model))
        report = ingest([str(text)], store, pipeline)
        print(f"Ingested {text.name}: {report.events} events\n")
        print_table(store.events(), sys.stdout)
        print("\nEvaluation against the example's gold events (FORMATS.md scoring):")
        print_score(evaluate_store(store, [gold]).summary(), sys.stdout, as_json=False)
        store.close()
    return 0
