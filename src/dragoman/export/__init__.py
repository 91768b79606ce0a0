"""Exporters: event mentions or clusters to JSON Lines, CSV, Parquet, GDELT- and POLECAT-style tables.

Formats register in ``EXPORTERS`` (name -> ``Exporter``); ``export_events`` writes to a stream and
``export_to_file`` writes a file atomically (a failed export leaves nothing behind).
"""

from dragoman.export.files import export_to_file
from dragoman.export.flat import flatten
from dragoman.export.writers import EXPORTERS, Exporter, export_events, exporter

__all__ = ["EXPORTERS", "Exporter", "export_events", "export_to_file", "exporter", "flatten"]
