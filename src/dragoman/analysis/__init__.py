"""Analyses over stored events. Each is a library call returning data; the CLI only prints it.

They count event clusters by default (``mentions=True`` counts every report instead):

- ``dyad_series``: counts per quad class and Goldstein sum and mean for two actors, per week/month/year;
- ``build_network`` / ``write_network``: actors and weighted directed edges, as GraphML, GEXF or JSON;
- ``timeline``: events in date order with their evidence;
- ``render_report``: a self-contained HTML brief of a document or a dyad.
"""

from dragoman.analysis.dyad import DyadPeriod, DyadSeries, dyad_series, period_of
from dragoman.analysis.network import NETWORK_FORMATS, build_network, write_network
from dragoman.analysis.report import render_report
from dragoman.analysis.timeline import TimelineEntry, timeline

__all__ = [
    "NETWORK_FORMATS",
    "DyadPeriod",
    "DyadSeries",
    "TimelineEntry",
    "build_network",
    "dyad_series",
    "period_of",
    "render_report",
    "timeline",
    "write_network",
]
