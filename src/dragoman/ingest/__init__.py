"""Readers: turn files, folders and standard input into Documents.

``read_sources`` yields, in order, a Document for every readable document and an InputError for every
file or record that cannot be read, so that one bad file never stops a batch.
"""

from dragoman.ingest.language import language_problem
from dragoman.ingest.readers import SUPPORTED_SUFFIXES, ReadOptions, read_sources
from dragoman.ingest.source import Fields
from dragoman.ingest.urls import FetchSettings

__all__ = ["SUPPORTED_SUFFIXES", "FetchSettings", "Fields", "ReadOptions", "language_problem", "read_sources"]
