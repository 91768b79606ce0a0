"""Exporters: event records to JSON Lines and CSV (more formats plug in through ``EXPORTERS``)."""

from dragoman.export.writers import EXPORTERS, export_events, flatten

__all__ = ["EXPORTERS", "export_events", "flatten"]
