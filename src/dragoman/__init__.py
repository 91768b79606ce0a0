"""dragoman: coded political events from English news, with evidence for every decision.

The public API: load a ``Pipeline`` once, run it over ``Document``s to get ``Event`` records, keep them
in a ``Store``; ``ingest`` does all three for files and folders.
"""

from dragoman.errors import ConfigError, DragomanError, ExportError, InputError, StoreError
from dragoman.operations import IngestReport, evaluate_store, ingest
from dragoman.pipeline import Pipeline, Settings
from dragoman.records import Actor, Attribution, Document, Event, EventDate, Evidence, Place
from dragoman.store.database import EventFilter, Store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Attribution",
    "ConfigError",
    "Document",
    "DragomanError",
    "Event",
    "EventDate",
    "EventFilter",
    "Evidence",
    "ExportError",
    "IngestReport",
    "InputError",
    "Pipeline",
    "Place",
    "Settings",
    "Store",
    "StoreError",
    "__version__",
    "evaluate_store",
    "ingest",
]
