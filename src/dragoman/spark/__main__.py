"""``python -m dragoman.spark INPUT... --output FOLDER`` (or ``spark-submit`` of this file's module).

Run with plain ``python`` it starts a local Spark (``--master``, default ``local[*]``); under
``spark-submit`` the master and resources are spark-submit's. The output folder must not exist yet.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from dragoman.errors import DragomanError
from dragoman.ingest import Fields


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m dragoman.spark",
                                description="Code documents on Spark; write event records as Parquet.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="JSON Lines files (.jsonl), Parquet datasets (.parquet) or folders of files")
    p.add_argument("--output", "-o", required=True, help="output folder (documents/ and events/ Parquet)")
    p.add_argument("--master", help="Spark master when not run by spark-submit (default: local[*])")
    p.add_argument("--partitions", type=int, help="partitions to code in (default: Spark's)")
    p.add_argument("--model", help="spaCy model name (installed on every executor)")
    p.add_argument("--actors", action="append", default=[], type=Path, help="extra actor knowledge file")
    p.add_argument("--patterns", action="append", default=[], type=Path, help="extra pattern file")
    p.add_argument("--places", action="append", default=[], type=Path, help="extra places file")
    for part in ("text", "id", "title", "url", "date"):
        p.add_argument(f"--{part}-field", metavar="NAME", help=f"the field holding the {part} (as in ingest)")
    p.add_argument("--any-language", action="store_true", help="do not skip documents that do not look English")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if "://" not in args.output and Path(args.output).exists():
        print(f"dragoman: error: {args.output}: already exists; give a new output folder", file=sys.stderr)
        return 2
    from pyspark.sql import SparkSession

    from dragoman.pipeline import Settings
    from dragoman.spark.job import Job, run

    builder = SparkSession.builder.appName("dragoman")
    if "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit: a local Spark in this process
        builder = builder.master(args.master or "local[*]").config("spark.ui.enabled", "false")
        builder = builder.config("spark.ui.showConsoleProgress", "false")
        builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # a local Spark talks to itself on loopback only
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # the executors' Python is this one
    settings = Settings(model=args.model, actor_files=tuple(args.actors), pattern_files=tuple(args.patterns),
                        place_files=tuple(args.places))
    fields = Fields(text=args.text_field, id=args.id_field, title=args.title_field, url=args.url_field,
                    date=args.date_field)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        report = run(spark, Job(tuple(args.inputs), args.output, settings, fields, args.any_language,
                                args.partitions))
    except DragomanError as exc:
        print(f"dragoman: error: {exc}", file=sys.stderr)
        return 2
    finally:
        spark.stop()
    for message in report.errors:
        print(f"dragoman: {message}", file=sys.stderr)
    if report.n_errors > len(report.errors):
        print(f"dragoman: ... and {report.n_errors - len(report.errors)} more problem(s)", file=sys.stderr)
    print(f"coded {report.documents} document(s): {report.events} event(s) in {report.clusters} cluster(s); "
          f"{report.duplicates} duplicate id(s) and {report.not_english} not English skipped; "
          f"{report.n_errors} problem(s); written to {args.output}", file=sys.stderr)
    if not report.documents:
        return 2
    return 1 if report.n_errors else 0


if __name__ == "__main__":
    sys.exit(main())
