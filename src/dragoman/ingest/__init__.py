"""Readers: turn files, folders and standard input into Documents.

``read_sources`` yields, in order, a Document for every readable document and an InputError for every
file or record that cannot be read, so that one bad file never stops a batch.
"""

from dragoman.ingest.readers import SUPPORTED_SUFFIXES, read_sources

__all__ = ["SUPPORTED_SUFFIXES", "read_sources"]
