"""dragoman: coded political events from English news, with evidence for every decision.

The public API: load a ``Pipeline`` once, run it over ``Document``s to get ``Event`` records, keep them
in a ``Store``; ``ingest`` does all three for files and folders.

Names are imported on first use (PEP 562), so that ``import dragoman`` and the commands that only read
the database do not pay for loading spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from dragoman.version import __version__

_HOMES = {
    "Actor": "dragoman.records", "Attribution": "dragoman.records", "Document": "dragoman.records",
    "Event": "dragoman.records", "EventDate": "dragoman.records", "Evidence": "dragoman.records",
    "Place": "dragoman.records",
    "ConfigError": "dragoman.errors", "DragomanError": "dragoman.errors", "ExportError": "dragoman.errors",
    "InputError": "dragoman.errors", "StoreError": "dragoman.errors",
    "IngestReport": "dragoman.operations", "evaluate_store": "dragoman.operations", "ingest": "dragoman.operations",
    "Pipeline": "dragoman.pipeline", "Settings": "dragoman.pipeline",
    "EventFilter": "dragoman.store.database", "Store": "dragoman.store.database",
}

__all__ = [
    "Actor", "Attribution", "ConfigError", "Document", "DragomanError", "Event", "EventDate", "EventFilter",
    "Evidence", "ExportError", "IngestReport", "InputError", "Pipeline", "Place", "Settings", "Store",
    "StoreError", "__version__", "evaluate_store", "ingest",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'dragoman' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:
    from dragoman.errors import ConfigError, DragomanError, ExportError, InputError, StoreError
    from dragoman.operations import IngestReport, evaluate_store, ingest
    from dragoman.pipeline import Pipeline, Settings
    from dragoman.records import Actor, Attribution, Document, Event, EventDate, Evidence, Place
    from dragoman.store.database import EventFilter, Store
