"""The gazetteer's shipped index is what its sources build today, and a stale one is not used."""

from __future__ import annotations

import gzip
import io
import pickle
from pathlib import Path

from dragoman.places.gazetteer import Gazetteer
from dragoman.places.index import decode, load_gazetteer, read_index, stamp


def test_shipped_index_equals_a_fresh_build_from_the_sources() -> None:
    shipped = read_index()
    assert shipped is not None, "stale or missing index: run python tools/build_gazetteer_index.py"
    built = Gazetteer.build()
    assert list(shipped.index.items()) == list(built.index.items())  # the same keys, in order, same candidates
    assert shipped.prefixes == built.prefixes
    assert dict(shipped.countries) == dict(built.countries)
    assert dict(shipped.neighbours) == dict(built.neighbours)
    assert dict(shipped.capitals) == dict(built.capitals)
    assert len(shipped.index) > 50_000 and "moscow" in shipped.index


def test_entries_shared_as_in_a_build() -> None:
    """A country found under several names is one entry (the resolver compares entries)."""
    shipped = read_index()
    assert shipped is not None
    (us,) = [c.entry for c in shipped.lookup("United States") if c.entry.precision == "country"]
    assert any(c.entry is us for c in shipped.lookup("US"))
    assert shipped.countries["USA"] is us


def test_an_index_built_from_other_sources_is_not_used() -> None:
    out = io.BytesIO()
    pickle.dump({**stamp(), "places.tsv": "0" * 64}, out, protocol=5)  # another places.tsv
    pickle.dump(({}, {}, {}, {}), out, protocol=5)
    assert decode(gzip.compress(out.getvalue())) is None


def test_load_reads_the_index_with_the_curated_places() -> None:
    (candidate,) = load_gazetteer().lookup("Lachin corridor")
    assert candidate.entry.source == "curated"


def test_a_damaged_index_is_not_used() -> None:
    assert decode(b"not gzip") is None
    assert decode(gzip.compress(b"not a pickle")) is None


def test_a_user_file_extends_the_read_index_as_it_extends_a_build(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("Merica\tThe States\tUSA\tPCLI\tcountry\t\t\nSmallville\t\tUSA\tPPL\tcity\t39.1\t-94.6\n",
                     encoding="utf-8")
    shipped = read_index()
    assert shipped is not None
    from_index, from_build = shipped.extended([extra]), Gazetteer.build().extended([extra])
    assert list(from_index.index.items()) == list(from_build.index.items())
    (us,) = [c.entry for c in from_index.lookup("Merica")]
    assert from_index.countries["USA"] is us and any(c.entry is us for c in from_index.lookup("United States"))


def test_the_index_answers_lookups_of_names_it_lacks() -> None:
    shipped = read_index()
    assert shipped is not None
    assert shipped.lookup("Nowhere In Particular") == ()
    assert shipped.index.get("nowhere in particular", ()) == () and "nowhere in particular" not in shipped.index
    assert "moscow" in shipped.index and shipped.index.get("moscow") == shipped.index["moscow"]
