from __future__ import annotations

import csv
import io
import json

import pytest

from dragoman.errors import ExportError
from dragoman.export import export_events
from dragoman.export.flat import csv_columns
from tests.store.test_database import _event

FORMAT_FIELDS = ["doc_id", "event_id", "sentence", "sentence_index", "start_char", "end_char", "source",
                 "target", "cameo", "root", "quad_class", "goldstein", "plover", "trigger", "date", "location",
                 "modality", "attribution", "confidence"]


def test_jsonl_has_the_formats_md_fields_in_order() -> None:
    out = io.StringIO()
    assert export_events([_event("d", 1)], "jsonl", out) == 1
    record = json.loads(out.getvalue())
    assert list(record) == FORMAT_FIELDS
    assert record["source"] == {"text": "Iran", "name": "Iran", "code": "IRNGOV", "country": "IRN", "org": None,
                                "sector": "GOV"}
    assert record["cameo"] == "042" and isinstance(record["cameo"], str)
    assert record["date"]["precision"] == "day" and record["location"]["geonameid"] == 524901


def test_csv_flattens_nested_fields_with_underscores() -> None:
    out = io.StringIO()
    export_events([_event("d", 1)], "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["source_country"] == "IRN" and rows[0]["plover_event"] == "CONSULT"
    assert rows[0]["cameo"] == "042"
    assert "location_lat" in csv_columns() and "attribution_text" in csv_columns()


def test_unknown_format_is_an_export_error() -> None:
    with pytest.raises(ExportError, match="unknown export format 'xml'"):
        export_events([], "xml", io.StringIO())
