"""The index of PETRARCH people: what its sources build today, stale ones unused, only trustworthy full
names, curated names first, no surnames or office holders from it."""

from __future__ import annotations

import gzip
import io
import pickle
from importlib import resources
from pathlib import Path

import pytest

from dragoman.actors.kb import (
    LEADING,
    PEOPLE_INDEX_FORMAT,
    PEOPLE_SOURCE,
    ActorKB,
    _index_name,
    build_people_index,
    decode_people_index,
    people_index_stamp,
    read_people_index,
)


@pytest.fixture(scope="module")
def folder() -> Path:
    return Path(str(resources.files("dragoman") / "data" / "actors"))


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load(people_index=True)


def test_shipped_index_equals_a_fresh_build_from_the_sources(folder: Path) -> None:
    shipped = read_people_index(folder)
    assert shipped is not None, "stale or missing index: run python tools/build_people_index.py"
    assert shipped == build_people_index(folder)
    assert len(shipped) > 15_000


def test_an_index_built_from_other_sources_is_not_used(folder: Path) -> None:
    stamp = people_index_stamp(folder)
    assert stamp["format"] == PEOPLE_INDEX_FORMAT
    out = io.BytesIO()
    pickle.dump({**stamp, "files": {**stamp["files"], PEOPLE_SOURCE: "0" * 64}}, out, protocol=5)  # type: ignore[dict-item]
    pickle.dump([], out, protocol=5)
    assert decode_people_index(folder, gzip.compress(out.getvalue())) is None
    assert decode_people_index(folder, b"not gzip") is None


@pytest.mark.parametrize(("raw", "kept"), [
    ("Prime Minister Yulia Tymoshenko", "Yulia Tymoshenko"),
    ("SIR Dawda Jawara", "Dawda Jawara"),
    ("Carlos Saul Menem", "Carlos Saul Menem"),
    ("President Rugova", None),  # a bare surname once the title goes
    ("Tfyrm", None),
    ("Kosovo Assembly", None),  # a place inside
    ("Supreme Council OF THE Syrian Revolution", None),
    ("Nikolay Todorov (acting", None),
])
def test_only_full_personal_names_are_indexed(raw: str, kept: str | None) -> None:
    assert _index_name(raw, LEADING | {"president", "prime", "minister"}, {"kosovo", "of", "council"}) == kept


def test_indexed_people_resolve_by_full_name_only(kb: ActorKB) -> None:
    (menem,) = kb.lookup("Carlos Saul Menem")
    assert menem.kind == "person" and menem.country == "ARG" and menem.tenures
    assert kb.people[menem.id] is menem
    assert all(menem not in people for people in kb.surnames.values())  # no bare surnames from the index
    assert all(menem not in holders for holders in kb.holders.values())  # nor office holders
    assert not kb.lookup("Tfyrm") and not kb.lookup("Kosovo Assembly")


def test_curated_names_win(kb: ActorKB) -> None:
    curated = ActorKB.load()
    assert not curated.lookup("Carlos Saul Menem")  # opt-in
    for name in ("Joe Biden", "Askar Akayev", "Iran", "Vladimir Putin"):
        assert kb.lookup(name) == curated.lookup(name)
    assert dict(kb.surnames) == dict(curated.surnames)


def test_the_shipped_file_as_an_extra_file_loads_through_the_index(folder: Path, kb: ActorKB) -> None:
    via_file = ActorKB.load([folder / PEOPLE_SOURCE])
    assert via_file.lookup("Carlos Saul Menem") == kb.lookup("Carlos Saul Menem")
    assert len(via_file.names) == len(kb.names)
