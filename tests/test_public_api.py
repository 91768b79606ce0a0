"""The public API is deliberate: exactly these names, each importable from the package."""

from __future__ import annotations

import dragoman

EXPECTED = {
    "Actor", "Attribution", "ConfigError", "Document", "DragomanError", "Event", "EventDate", "EventFilter",
    "Evidence", "ExportError", "IngestReport", "InputError", "Pipeline", "Place", "Settings", "Store",
    "StoreError", "__version__", "evaluate_store", "ingest",
}


def test_exported_names_are_exactly_the_intended_ones() -> None:
    assert set(dragoman.__all__) == EXPECTED
    for name in dragoman.__all__:
        assert getattr(dragoman, name) is not None


def test_errors_form_one_tree() -> None:
    for name in ("ConfigError", "ExportError", "InputError", "StoreError"):
        assert issubclass(getattr(dragoman, name), dragoman.DragomanError)
