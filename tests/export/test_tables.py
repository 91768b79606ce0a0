"""Parquet, GDELT- and POLECAT-style tables, written from a deduplicated store."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dragoman.errors import ExportError
from dragoman.export import EXPORTERS, export_events, export_to_file
from dragoman.export.tables import GDELT_COLUMNS, POLECAT_COLUMNS
from dragoman.store.database import Store
from tests.store.corpus import EXPECTED_CLUSTERS, EXPECTED_MENTIONS


def _tsv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


def test_gdelt_table_has_its_61_columns_and_one_row_per_event(store: Store) -> None:
    assert len(GDELT_COLUMNS) == 61 and len({c for c, _ in GDELT_COLUMNS}) == 61
    out = io.StringIO()
    assert export_events(store.units(), "gdelt", out) == EXPECTED_CLUSTERS
    lines = out.getvalue().splitlines()
    assert all(len(line.split("\t")) == 61 for line in lines)
    rows = _tsv(out.getvalue())
    visit = next(r for r in rows if r["NumMentions"] == "5")
    assert (visit["NumArticles"], visit["NumSources"]) == ("4", "3")
    assert visit["SQLDATE"] == "20230329" and visit["MonthYear"] == "202303" and visit["Year"] == "2023"
    assert visit["EventRootCode"] == "04" and visit["Actor1CountryCode"] in ("IRN", "RUS")
    assert visit["ActionGeo_FullName"] == "Moscow" and visit["ActionGeo_Type"] == "4"
    assert visit["ActionGeo_FeatureID"] == "524901" and visit["GLOBALEVENTID"].isdigit()
    strike = next(r for r in rows if r["EventCode"] == "190")
    assert strike["EventBaseCode"] == "190" and strike["QuadClass"] == "4" and strike["GoldsteinScale"] == "-10.0"


def test_polecat_table(store: Store) -> None:
    assert len(POLECAT_COLUMNS) == 41
    out = io.StringIO()
    export_events(store.units(), "plover", out)
    rows = _tsv(out.getvalue())
    assert len(rows) == EXPECTED_CLUSTERS
    assert list(rows[0])[:8] == ["Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code",
                                 "Contexts", "Actor Name"]
    strike = next(r for r in rows if r["Quad Code"] == "MATERIAL CONFLICT" and r["Event Date"] == "2023-03-30")
    assert strike["Actor Country"] == "ISR" and strike["Recipient Country"] == "SYR"
    assert strike["GeoNames ID"] == "170654" and strike["Source"] == "reuters.com;sana.sy"


def test_parquet_keeps_types_and_codes_as_strings(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert export_to_file(store.units(mentions=True), "parquet", path) == EXPECTED_MENTIONS
    table = pq.read_table(path)
    assert table.num_rows == EXPECTED_MENTIONS
    assert str(table.schema.field("cameo").type) == "string" and str(table.schema.field("mentions").type) == "int64"
    assert "042" in table.column("cameo").to_pylist()
    assert set(table.column("cluster_id").to_pylist()) >= {"tass-1-0"}


def test_every_format_writes_to_a_file_and_a_failure_leaves_nothing(store: Store, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    for fmt in EXPORTERS:
        assert export_to_file(store.units(), fmt, tmp_path / f"x.{fmt}") == EXPECTED_CLUSTERS
    with pytest.raises(ExportError):
        export_to_file(store.units(), "xml", tmp_path / "x.xml")
    with pytest.raises(ExportError):
        export_to_file(store.units(), "csv", tmp_path / "missing" / "x.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"x.{fmt}" for fmt in EXPORTERS)


def test_binary_format_to_a_text_stream_without_buffer_is_an_error(store: Store) -> None:
    with pytest.raises(ExportError, match="binary"):
        export_events(store.units(), "parquet", io.StringIO())
