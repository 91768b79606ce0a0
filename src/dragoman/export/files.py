"""Writing an export to a file atomically: a temporary file beside the target, renamed at the end."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from dragoman.errors import ExportError
from dragoman.export.writers import export_events, exporter
from dragoman.records import Event
from dragoman.store.clusters import Cluster


def export_to_file(items: Iterable[Event | Cluster], fmt: str, output: Path) -> int:
    """Write ``items`` to ``output`` in ``fmt``; on any failure no file (or part of one) is left."""
    exporter(fmt)  # an unknown format fails before anything is created
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"{output}: cannot write: folder {folder} does not exist")
    try:
        tmp = tempfile.NamedTemporaryFile("wb", dir=folder, delete=False, suffix=".part")  # noqa: SIM115
    except OSError as exc:
        raise ExportError(f"{output}: cannot write: {exc.strerror}") from None
    try:
        with tmp:
            n = export_events(items, fmt, tmp)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp.name, 0o666 & ~mask)  # a temporary file is private; the export is an ordinary file
        os.replace(tmp.name, output)
    except BaseException:
        if os.path.exists(tmp.name):
            os.unlink(tmp.name)
        raise
    return n
