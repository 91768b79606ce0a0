"""Tables other tools load: Parquet, a GDELT 2.0-style events table and a POLECAT/PLOVER-style table.

Both event tables are tab-separated with a header row of the original column names, one event cluster
per row. Where dragoman has no value for a column (tone, religion, COW codes, Wikipedia ids) the cell is
empty rather than invented. Deviations from the originals, by design:

- GDELT ``GLOBALEVENTID`` is an integer derived from the cluster id (its first 15 hex digits), stable
  across re-ingests; country codes are ISO 3166-1 alpha-3 throughout (GDELT uses CAMEO country codes
  for actors and FIPS 10-4 for places, which coincide with ISO-3 for most actors but not for places).
- POLECAT ``Event ID`` is the cluster id; ``Headline`` (present in some POLECAT files) is the title.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any, TextIO, cast

from dragoman.records import Actor, Place
from dragoman.store.clusters import Cluster

if TYPE_CHECKING:  # pyarrow loads when a Parquet file is written: it would slow every command's start-up
    import pyarrow as pa

GDELT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("GLOBALEVENTID", "unique event id (integer from the dragoman cluster id)"),
    ("SQLDATE", "event date YYYYMMDD"),
    ("MonthYear", "YYYYMM"),
    ("Year", "YYYY"),
    ("FractionDate", "year plus the fraction of the year elapsed"),
    *[(f"Actor{n}{name}", f"{role}: {meaning}") for n, role in ((1, "source"), (2, "target")) for name, meaning in (
        ("Code", "full CAMEO actor code"),
        ("Name", "actor name"),
        ("CountryCode", "country (ISO-3)"),
        ("KnownGroupCode", "international organisation or known group"),
        ("EthnicCode", "ethnic group (not coded)"),
        ("Religion1Code", "religion (not coded)"),
        ("Religion2Code", "second religion (not coded)"),
        ("Type1Code", "CAMEO role code (GOV, MIL, REB ...)"),
        ("Type2Code", "second role code (not coded)"),
        ("Type3Code", "third role code (not coded)"),
    )],
    ("IsRootEvent", "1 when the event is in the lead sentence of its first report"),
    ("EventCode", "CAMEO event code (a string: 010 is not 10)"),
    ("EventBaseCode", "CAMEO code at three digits"),
    ("EventRootCode", "CAMEO root, two digits"),
    ("QuadClass", "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"),
    ("GoldsteinScale", "Goldstein score of the code, -10..10"),
    ("NumMentions", "mentions of the event (deduplicated cluster size)"),
    ("NumSources", "distinct publishers reporting it"),
    ("NumArticles", "distinct documents reporting it"),
    ("AvgTone", "average tone (not computed)"),
    *[(f"{block}_{name}", f"{where}: {meaning}") for block, where in (
        ("Actor1Geo", "source actor's place (not coded)"), ("Actor2Geo", "target actor's place (not coded)"),
        ("ActionGeo", "where the event happened")) for name, meaning in (
        ("Type", "1 country, 2 US state, 3 US city, 4 world city, 5 world region"),
        ("FullName", "place name"),
        ("CountryCode", "country (ISO-3)"),
        ("ADM1Code", "first-order division (not coded)"),
        ("ADM2Code", "second-order division (not coded)"),
        ("Lat", "latitude"),
        ("Long", "longitude"),
        ("FeatureID", "GeoNames id"),
    )],
    ("DATEADDED", "when dragoman first published the event, YYYYMMDDHHMMSS (here: earliest report date)"),
    ("SOURCEURL", "URL (or document id) of the first report"),
)



def _polecat_side(role: str, side: str) -> list[tuple[str, str]]:
    return [(f"{role} Name", f"{side}: canonical name"), (f"{role} Country", f"{side}: ISO-3"),
            (f"{role} COW", f"{side}: Correlates of War code (not coded)"),
            (f"Primary {role} Sector", f"{side}: CAMEO role code"), (f"{role} Sectors", f"{side}: role codes"),
            (f"{role} Title", f"{side}: title (not coded)"), (f"{role} Name Raw", f"{side}: as written"),
            (f"Wikipedia {role} ID", f"{side}: knowledge-base entry (not a Wikipedia id)")]


POLECAT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Event ID", "the cluster id"),
    ("Event Date", "YYYY-MM-DD"),
    ("Event Type", "PLOVER event type"),
    ("Event Mode", "PLOVER mode"),
    ("Intensity", "Goldstein score of the CAMEO code"),
    ("Quad Code", "VERBAL COOPERATION, MATERIAL COOPERATION, VERBAL CONFLICT, MATERIAL CONFLICT"),
    ("Contexts", "PLOVER contexts (not coded)"),
    *_polecat_side("Actor", "source"),
    *_polecat_side("Recipient", "target"),
    ("Placename", "resolved place"),
    ("City", "the place when it is a city"),
    ("District", "district (not coded)"),
    ("Province", "the place when it is a region"),
    ("Country", "ISO-3 of the place"),
    ("Latitude", "latitude"),
    ("Longitude", "longitude"),
    ("GeoNames ID", "GeoNames id"),
    ("Raw Placename", "as written"),
    ("Feature Type", "GeoNames feature code"),
    ("Source", "publishers reporting it, ';'-separated"),
    ("Publication Date", "earliest publication date of a report"),
    ("Story People", "(not coded)"),
    ("Story Organizations", "(not coded)"),
    ("Story Locations", "(not coded)"),
    ("Language", "en"),
    ("Version", "dragoman version"),
    ("Headline", "title of the first report"),
)
QUAD_NAMES = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT", 4: "MATERIAL CONFLICT"}


def _tsv(out: IO[Any], header: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
    writer = csv.writer(cast(TextIO, out), delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else _clean(v) for v in row])
    return len(rows)


def _clean(value: Any) -> Any:
    return " ".join(value.split()) if isinstance(value, str) else value


def _first_report(unit: Cluster) -> tuple[str | None, str | None]:
    published = sorted(d.published for d in unit.documents if d.published)
    first = unit.document(unit.event.doc_id)
    return (published[0] if published else None), (first.url or first.doc_id)


def _fraction(day: dt.date) -> float:
    days = 366 if day.year % 4 == 0 and (day.year % 100 != 0 or day.year % 400 == 0) else 365
    return round(day.year + (day.timetuple().tm_yday - 1) / days, 4)


def _actor_cells(actor: Actor | None) -> list[Any]:
    if actor is None:
        return [None] * 10
    return [actor.code, actor.name.upper(), actor.country, actor.org, None, None, None, actor.sector, None, None]


def _geo_type(place: Place) -> int:
    if place.precision == "country" or (place.feature or "").startswith("PCL"):
        return 1
    if place.precision == "region" or (place.feature or "").startswith("ADM"):
        return 2 if place.country == "USA" else 5
    return 3 if place.country == "USA" else 4


def _geo_cells(place: Place | None) -> list[Any]:
    if place is None:
        return [0, None, None, None, None, None, None, None]
    return [_geo_type(place), place.name, place.country, None, None, place.lat, place.lon, place.geonameid]


def gdelt_row(unit: Cluster) -> list[Any]:
    e = unit.event
    start = unit.date_start
    day = dt.date.fromisoformat(start) if start else None
    published, url = _first_report(unit)
    added = (published or "").replace("-", "")[:8]
    return [
        global_event_id(unit.cluster_id),
        day.strftime("%Y%m%d") if day else None, day.strftime("%Y%m") if day else None,
        day.year if day else None, _fraction(day) if day else None,
        *_actor_cells(e.source), *_actor_cells(e.target),
        1 if e.evidence.sentence_index == 0 else 0,
        e.cameo, e.cameo[:3], e.root, e.quad_class, e.goldstein,
        unit.n_mentions, unit.n_sources, unit.n_documents, None,
        *_geo_cells(None), *_geo_cells(None), *_geo_cells(e.location),
        f"{added}000000" if added else None, url,
    ]


def global_event_id(cluster_id: str) -> int:
    """A 60-bit integer id: the cluster id's first 15 hex digits (dragoman's ids are hex), else its hash."""
    digits = cluster_id[:15]
    if len(digits) < 15 or any(c not in "0123456789abcdef" for c in digits):
        digits = hashlib.sha1(cluster_id.encode("utf-8")).hexdigest()[:15]
    return int(digits, 16)


def write_gdelt(units: Sequence[Cluster], out: IO[Any]) -> int:
    return _tsv(out, [c for c, _ in GDELT_COLUMNS], [gdelt_row(u) for u in units])


def polecat_row(unit: Cluster) -> list[Any]:
    from dragoman.version import __version__

    e = unit.event
    published, _url = _first_report(unit)
    place = e.location

    def actor(a: Actor | None) -> list[Any]:
        if a is None:
            return [None] * 8
        return [a.name, a.country, None, a.sector, a.sector, None, a.text, a.entry]

    return [
        unit.cluster_id, unit.date_start, e.plover_event, e.plover_mode, e.goldstein, QUAD_NAMES.get(e.quad_class),
        None, *actor(e.source), *actor(e.target),
        place.name if place else None,
        place.name if place and place.precision == "city" else None, None,
        place.name if place and place.precision == "region" else None,
        place.country if place else None, place.lat if place else None, place.lon if place else None,
        place.geonameid if place else None, place.text if place else None, place.feature if place else None,
        ";".join(sorted({d.source for d in unit.documents})), published, None, None, None, "en",
        f"dragoman-{__version__}", unit.document(e.doc_id).title,
    ]


def write_plover(units: Sequence[Cluster], out: IO[Any]) -> int:
    return _tsv(out, [c for c, _ in POLECAT_COLUMNS], [polecat_row(u) for u in units])


_INTS = {"sentence_index", "start_char", "end_char", "quad_class", "location_geonameid", "mentions", "documents",
         "sources"}
_FLOATS = {"goldstein", "confidence", "location_lat", "location_lon"}


def parquet_schema() -> pa.Schema:
    import pyarrow as pa

    from dragoman.export.flat import csv_columns

    def kind(name: str) -> pa.DataType:
        return pa.int64() if name in _INTS else pa.float64() if name in _FLOATS else pa.string()

    return pa.schema([(name, kind(name)) for name in csv_columns()])


def write_parquet(units: Sequence[Cluster], out: IO[Any]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from dragoman.export.flat import flat_row

    schema = parquet_schema()
    rows = [flat_row(u) for u in units]
    table = pa.Table.from_pylist(rows, schema=schema) if rows else schema.empty_table()
    pq.write_table(table, out)
    return len(rows)
