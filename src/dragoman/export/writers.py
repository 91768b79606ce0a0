"""JSON Lines (FORMATS.md section 1, field for field) and CSV (nested fields flattened with ``_``)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from dragoman.errors import ExportError
from dragoman.records import Event


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """{"source": {"code": "IRN"}} -> {"source_code": "IRN"}; a null object gives null columns only
    where other records fill them, so CSV columns come from the full record shape."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, f"{name}_"))
        else:
            out[name] = value
    return out


def _jsonl(events: Iterable[Event], out: TextIO) -> int:
    n = 0
    for e in events:
        out.write(json.dumps(e.to_record(), ensure_ascii=False) + "\n")
        n += 1
    return n


def _empty_shape() -> dict[str, Any]:
    actor = dict.fromkeys(("text", "name", "code", "country", "org", "sector"))
    return {
        "doc_id": None, "event_id": None, "sentence": None, "sentence_index": None, "start_char": None,
        "end_char": None, "source": actor, "target": dict(actor), "cameo": None, "root": None,
        "quad_class": None, "goldstein": None, "plover": {"event": None, "mode": None}, "trigger": None,
        "date": dict.fromkeys(("start", "end", "precision", "text", "source")),
        "location": dict.fromkeys(("name", "country", "lat", "lon", "geonameid", "feature", "text")),
        "modality": None, "attribution": dict.fromkeys(("text", "code", "country", "org")), "confidence": None,
    }


def csv_columns() -> list[str]:
    return list(flatten(_empty_shape()))


def _csv(events: Iterable[Event], out: TextIO) -> int:
    columns = csv_columns()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="raise")
    writer.writeheader()
    n = 0
    for e in events:
        row = dict.fromkeys(columns)
        row.update(flatten({k: v for k, v in e.to_record().items() if v is not None}))
        writer.writerow(row)
        n += 1
    return n


EXPORTERS: dict[str, Callable[[Iterable[Event], TextIO], int]] = {"jsonl": _jsonl, "csv": _csv}


def export_events(events: Iterable[Event], fmt: str, out: TextIO) -> int:
    """Write ``events`` to ``out`` in format ``fmt``; returns the number written."""
    try:
        writer = EXPORTERS[fmt]
    except KeyError:
        raise ExportError(f"unknown export format {fmt!r}; known: {', '.join(sorted(EXPORTERS))}") from None
    return writer(events, out)
