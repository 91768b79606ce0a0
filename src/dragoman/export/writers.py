"""The exporters and their registry: JSON Lines, CSV, Parquet, GDELT 2.0-style and POLECAT-style tables.

Every exporter writes *units*: event clusters (store/clusters.py), or single mentions wrapped as
clusters of one. The record formats (jsonl, csv, parquet) write one mention per row by default, because
the FORMATS.md record is a mention and ``evaluate`` scores mentions; the event-dataset formats (gdelt,
plover) write one event cluster per row with its numbers of mentions and sources. ``export`` in the CLI
can ask for the other unit.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import IO, Any, TextIO, cast

from dragoman.errors import ExportError
from dragoman.export.flat import csv_columns, flat_row
from dragoman.export.tables import GDELT_COLUMNS, POLECAT_COLUMNS, write_gdelt, write_parquet, write_plover
from dragoman.records import Event
from dragoman.store.clusters import Cluster


def _jsonl(units: Sequence[Cluster], out: IO[Any]) -> int:
    text = cast(TextIO, out)
    for unit in units:
        text.write(json.dumps(unit.event.to_record(), ensure_ascii=False) + "\n")
    return len(units)


def _csv(units: Sequence[Cluster], out: IO[Any]) -> int:
    writer = csv.DictWriter(cast(TextIO, out), fieldnames=csv_columns(), extrasaction="raise")
    writer.writeheader()
    for unit in units:
        writer.writerow(flat_row(unit))
    return len(units)


@dataclass(frozen=True)
class Exporter:
    """A format: how to write units, whether the output is binary, and its default unit."""

    name: str
    write: Callable[[Sequence[Cluster], IO[Any]], int]
    description: str
    binary: bool = False
    per_mention: bool = True  # default unit: one row per mention (else per event cluster)
    columns: tuple[tuple[str, str], ...] = ()  # (name, meaning) for tabular formats


def _registry() -> dict[str, Exporter]:
    return {e.name: e for e in (
        Exporter("jsonl", _jsonl, "JSON Lines, the event record of FORMATS.md (one mention per line)"),
        Exporter("csv", _csv, "CSV: the FORMATS.md record flattened with '_', plus cluster numbers"),
        Exporter("parquet", write_parquet, "Parquet: the CSV columns with their types", binary=True),
        Exporter("gdelt", write_gdelt, "GDELT 2.0-style events table (61 tab-separated columns)",
                 per_mention=False, columns=GDELT_COLUMNS),
        Exporter("plover", write_plover, "POLECAT/PLOVER-style events table (tab-separated)",
                 per_mention=False, columns=POLECAT_COLUMNS),
    )}


EXPORTERS: dict[str, Exporter] = _registry()


def exporter(fmt: str) -> Exporter:
    try:
        return EXPORTERS[fmt]
    except KeyError:
        raise ExportError(f"unknown export format {fmt!r}; known: {', '.join(sorted(EXPORTERS))}") from None


def as_units(items: Iterable[Event | Cluster]) -> list[Cluster]:
    return [item if isinstance(item, Cluster) else Cluster.of(item) for item in items]


def export_events(items: Iterable[Event | Cluster], fmt: str, out: IO[Any]) -> int:
    """Write events or clusters to ``out`` in format ``fmt``; returns the number of rows written.

    ``out`` may be a text or a binary stream for the text formats; binary formats need a binary one.
    """
    chosen = exporter(fmt)
    units = as_units(items)
    is_text = hasattr(out, "encoding")
    if chosen.binary:
        if is_text:
            buffer = getattr(out, "buffer", None)
            if buffer is None:
                raise ExportError(f"{fmt} is a binary format; write it to a file (--output FILE)")
            out.flush()
            return chosen.write(units, buffer)
        return chosen.write(units, out)
    if is_text:
        return chosen.write(units, out)
    wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="")
    try:
        return chosen.write(units, wrapper)
    finally:
        wrapper.flush()
        wrapper.detach()
