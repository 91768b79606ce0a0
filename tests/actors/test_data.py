"""The shipped actor knowledge base: every code valid, every ISO-3 real, ids unique, dates ordered."""

from __future__ import annotations

import datetime as dt
import itertools
from importlib import resources
from pathlib import Path

import pycountry
import pytest

from dragoman.actors.kb import EXTRA_COUNTRIES, PACKAGE_FILES, ActorKB, parse_date, read_table

DATA = Path(str(resources.files("dragoman") / "data" / "actors"))
REAL = {c.alpha_3 for c in pycountry.countries} | EXTRA_COUNTRIES


def rows(name: str) -> list[tuple[int, dict[str, str]]]:
    return list(read_table(DATA / name))


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def sector_codes() -> set[str]:
    return {r["code"] for _, r in rows("sector-codes.tsv")}


def test_every_package_file_exists_and_loads(kb: ActorKB) -> None:
    for name in PACKAGE_FILES:
        assert (DATA / name).exists(), name
    assert kb.names and kb.people and kb.sectors


def test_every_iso_state_has_a_curated_row() -> None:
    curated = {r["iso3"] for _, r in rows("countries.tsv")}
    assert {c.alpha_3 for c in pycountry.countries} <= curated
    assert curated <= REAL


def test_no_duplicate_ids() -> None:
    for name, column in (("countries.tsv", "iso3"), ("organisations.tsv", "id"), ("groups.tsv", "id")):
        ids = [r[column] for _, r in rows(name)]
        assert len(ids) == len(set(ids)), name
    both = [r["id"] for _, r in rows("organisations.tsv")] + [r["id"] for _, r in rows("groups.tsv")]
    assert len(both) == len(set(both))


def test_people_rows_of_one_id_are_contiguous_and_named_first() -> None:
    seen: list[str] = []
    for number, row in rows("people.tsv"):
        if not seen or seen[-1] != row["id"]:
            assert row["id"] not in seen, f"people.tsv:{number}: {row['id']} appears again later"
            assert row["names"], f"people.tsv:{number}: names go on the first line of {row['id']}"
            seen.append(row["id"])


def test_codes_sectors_and_countries_are_valid() -> None:
    sectors = sector_codes()
    firsts = REAL | {r["code"] for _, r in rows("region-codes.tsv")}
    for name in ("organisations.tsv", "groups.tsv"):
        for number, row in rows(name):
            code = row["code"]
            assert len(code) % 3 == 0 and code[:3] in firsts, f"{name}:{number}: {code}"
            assert not row["country"] or row["country"] in REAL, f"{name}:{number}"
            assert not row["sector"] or row["sector"] in sectors, f"{name}:{number}"
    for number, row in rows("people.tsv"):
        assert not row["country"] or row["country"] in REAL, f"people.tsv:{number}"
        assert row["sector"] in sectors, f"people.tsv:{number}"
        assert row["country"] or row["org"], f"people.tsv:{number}"
    for number, row in rows("sectors.tsv"):
        assert row["sector"] in sectors, f"sectors.tsv:{number}"


def test_office_dates_are_iso_and_ordered() -> None:
    for number, row in rows("people.tsv"):
        start = parse_date(row["start"])
        end = parse_date(row["end"], end=True)
        assert start is not None, f"people.tsv:{number}: every office has a start"
        assert end is None or start <= end, f"people.tsv:{number}"
        assert start <= dt.date.today()


def test_no_two_people_hold_one_office_at_once(kb: ActorKB) -> None:
    """Overlapping tenures of one office would make the office holder ambiguous (a month of slack: an
    office known only to the month ends on its last day, and the successor's starts on its first)."""
    for (owner, role), people in kb.holders.items():
        if role in ("official", "envoy", "spokesperson", "vice_president", "deputy_foreign_minister",
                    "group_leader", "commander", "opposition_leader", "militia_leader", "cleric",
                    "foreign_policy_adviser", "chief_of_staff", "leader", "presidency_member"):
            continue
        spans = sorted((t.start or dt.date.min, t.end or dt.date.max, p.id) for p in people
                       for t in p.tenures if t.role == role and (t.country or t.org) == owner)
        for (_, end1, a), (start2, _, b) in itertools.pairwise(spans):
            assert start2 >= end1 - dt.timedelta(days=31), f"{owner} {role}: {a} and {b} overlap"


def test_role_words_name_known_offices(kb: ActorKB) -> None:
    offices = {t.role for p in kb.people.values() for t in p.tenures}
    for word, role in kb.roles.items():
        assert role in offices, f"sectors.tsv: {word!r} -> {role!r}, which no person holds"


def test_un_missions_and_rebel_movements_by_name(kb: ActorKB) -> None:
    (unsmil,) = kb.lookup("United Nations Support Mission in Libya")
    assert unsmil.org == "UN" and unsmil.code == "IGOUNO"
    assert kb.lookup("MONUSCO")[0].code == "IGOUNOMIL"
    assert kb.lookup("Forces for Defence of Democracy")[0].code == "BDIREB"


def test_security_services_and_missions_by_name(kb: ActorKB) -> None:
    assert kb.lookup("SBU")[0].code == "UKRSPY"
    assert kb.lookup("KFOR")[0].org == "NATO"
    assert kb.lookup("Air Force One")[0].code == "USAGOV"
