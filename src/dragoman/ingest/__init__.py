"""Readers: turn files, folders, standard input and URLs into Documents.

``read_sources`` yields, in order, a Document for every readable document and an InputError for every
file, page or record that cannot be read, so that one bad input never stops a batch. Modules:
``readers`` (dispatch by suffix, files, folders, stdin), ``text`` (encodings, mojibake, NFC), ``html``
(trafilatura), ``feeds`` (feedparser behind defusedxml), ``dumps`` (JSON Lines, CSV), ``urls`` (httpx),
``datelines`` (dateline and wire credit -> ``Document.meta``), ``language`` (is it English?).
"""

from dragoman.ingest.language import language_problem
from dragoman.ingest.readers import SUPPORTED_SUFFIXES, ReadOptions, read_sources
from dragoman.ingest.source import Fields
from dragoman.ingest.urls import FetchSettings

__all__ = ["SUPPORTED_SUFFIXES", "FetchSettings", "Fields", "ReadOptions", "language_problem", "read_sources"]
