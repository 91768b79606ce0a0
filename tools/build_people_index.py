"""Rebuild src/dragoman/data/actors/petrarch-people.index.pickle.gz, the index of PETRARCH people.

Usage: python tools/build_people_index.py
Run it after tools/import_petrarch_actors.py or after editing countries.tsv, sectors.tsv or the code lists (the
index filter reads them); tests/actors/test_people_index.py fails until then, and meanwhile dragoman builds the
index from its sources at each start.
"""

from __future__ import annotations

from pathlib import Path

from dragoman.actors.kb import PEOPLE_INDEX, build_people_index, encode_people_index

DATA = Path(__file__).resolve().parents[1] / "src" / "dragoman" / "data" / "actors"


def main() -> None:
    people = build_people_index(DATA)
    blob = encode_people_index(DATA, people)
    (DATA / PEOPLE_INDEX).write_bytes(blob)
    names = sum(len(n) for _, n in people)
    print(f"{DATA / PEOPLE_INDEX}: {len(people):,} people, {names:,} names, {len(blob):,} bytes")


if __name__ == "__main__":
    main()
