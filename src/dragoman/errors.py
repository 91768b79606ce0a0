"""The exception tree of dragoman. Every message names the file (and line) and, where it can, the fix.

    DragomanError
     +-- InputError      a document or input file that cannot be read (one file, the batch goes on)
     +-- ConfigError     settings, model or knowledge files that are missing or malformed
     +-- StoreError      the database cannot be opened, migrated or written
     |    +-- StoreUnavailableError  nothing more can be written (disk full, read-only, server gone):
     |                               the run stops; the same command run again resumes it
     +-- ExportError     an unknown export format or an unwritable output
"""

from __future__ import annotations


class DragomanError(Exception):
    """Base class of every error dragoman raises on purpose."""


class InputError(DragomanError):
    """An input file or record that cannot be turned into a Document."""

    def __init__(self, origin: str, problem: str, line: int | None = None) -> None:
        self.origin = origin
        self.problem = problem
        self.line = line
        where = f"{origin}:{line}" if line is not None else origin
        super().__init__(f"{where}: {problem}")


class ConfigError(DragomanError):
    """A setting, model or knowledge file that is missing or malformed."""


class StoreError(DragomanError):
    """The database cannot be opened, migrated or written."""


class StoreUnavailableError(StoreError):
    """The database can take no more writes, whatever the document: the disk is full, the file is
    read-only, or the server went away. An ingest stops at once rather than fail every later document."""


class ExportError(DragomanError):
    """An export that cannot be produced."""


class ModelNotFoundError(ConfigError):
    """No spaCy English model is installed."""
