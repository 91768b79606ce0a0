"""The FORMATS.md event record flattened into columns (CSV, Parquet, the Spark job's rows)."""

from __future__ import annotations

from typing import Any

from dragoman.store.clusters import Cluster

CLUSTER_FIELDS = ("cluster_id", "mentions", "documents", "sources")


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
    """The flat columns of CSV and Parquet: the FORMATS.md record flattened, then the cluster's numbers."""
    return [*flatten(_empty_shape()), *CLUSTER_FIELDS]


def flat_row(unit: Cluster) -> dict[str, Any]:
    row = dict.fromkeys(csv_columns())
    row.update(flatten({k: v for k, v in unit.event.to_record().items() if v is not None}))
    row.update(cluster_id=unit.cluster_id, mentions=unit.n_mentions, documents=unit.n_documents,
               sources=unit.n_sources)
    return row
