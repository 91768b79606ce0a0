"""Breadth of the curated people: every state has office holders for 2014-2025, and names as the news
writes them (with or without accents) resolve to the right state, office and date."""

from __future__ import annotations

import datetime as dt

import pycountry
import pytest

from dragoman.actors.kb import ActorKB

# ISO 3166 entries that are no sovereign state (dependencies, uninhabited and disputed territories).
TERRITORIES = frozenset({
    "ABW", "AIA", "ALA", "ASM", "ATA", "ATF", "BES", "BLM", "BMU", "BVT", "CCK", "COK", "CUW", "CXR", "CYM", "ESH",
    "FLK", "FRO", "GGY", "GIB", "GLP", "GRL", "GUF", "GUM", "HKG", "HMD", "IMN", "IOT", "JEY", "MAC", "MAF", "MNP",
    "MSR", "MTQ", "MYT", "NCL", "NFK", "NIU", "PCN", "PRI", "PYF", "REU", "SGS", "SHN", "SJM", "SPM", "SXM", "TCA",
    "TKL", "UMI", "VGB", "VIR", "WLF",
})
FIRST, LAST = dt.date(2014, 1, 1), dt.date(2025, 12, 31)


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def test_every_state_has_office_holders_from_2014_to_2025(kb: ActorKB) -> None:
    states = {c.alpha_3 for c in pycountry.countries} - TERRITORIES | {"XKX"}
    assert len(states) == 197  # 193 UN members, the Holy See, Palestine, Taiwan, Kosovo
    covered = {t.country for p in kb.people.values() for t in p.tenures
               if t.country and (t.start or dt.date.min) <= LAST and (t.end or dt.date.max) >= FIRST}
    assert sorted(states - covered) == []


@pytest.mark.parametrize(("name", "date", "code", "role"), [
    ("Albin Kurti", "2023-05-30", "XKXGOV", "prime_minister"),
    ("Iván Duque", "2019-06-01", "COLGOV", "president"),
    ("Ivan Duque", "2019-06-01", "COLGOV", "president"),
    ("Assimi Goïta", "2022-01-01", "MLIMIL", "head_of_state"),
    ("Assimi Goita", "2020-12-01", "MLIMIL", "vice_president"),
    ("Abdourahamane Tchiani", "2024-01-01", "NERMIL", "head_of_state"),
    ("Ibrahim Traore", "2023-06-01", "BFAMIL", "head_of_state"),
    ("Min Aung Hlaing", "2019-01-01", "MMRMIL", "commander"),
    ("Min Aung Hlaing", "2022-01-01", "MMRMIL", "head_of_state"),
    ("Sebastian Kurz", "2016-01-01", "AUTGOV", "foreign_minister"),
    ("Sebastian Kurz", "2018-01-01", "AUTGOV", "chancellor"),
    ("Charles Michel", "2016-01-01", "BELGOV", "prime_minister"),
    ("Charles Michel", "2021-01-01", "IGOEEC", "council_president"),
    ("Jean-Claude Kassi Brou", "2019-01-01", "IGOWAFWAS", "commission_president"),
])
def test_names_resolve_to_the_office_held_then(kb: ActorKB, name: str, date: str, code: str, role: str) -> None:
    (person,) = [e for e in kb.lookup(name) if e.kind == "person"]
    tenure, how = person.tenure_at(dt.date.fromisoformat(date))
    assert how == "dated" and tenure is not None
    assert (tenure.code, tenure.role) == (code, role)


@pytest.mark.parametrize(("owner", "role", "date", "holder"), [
    ("XKX", "prime_minister", "2020-04-01", "Albin Kurti"),
    ("XKX", "prime_minister", "2020-09-01", "Avdullah Hoti"),
    ("SWE", "foreign_minister", "2016-06-01", "Margot Wallstrom"),
    ("COL", "president", "2016-06-01", "Juan Manuel Santos"),
    ("KEN", "foreign_minister", "2024-01-01", "Musalia Mudavadi"),
    ("UKR", "defence_minister", "2017-01-01", "Stepan Poltorak"),
    ("ASEAN", "secretary_general", "2020-01-01", "Lim Jock Hoi"),
    ("NATO", "secretary_general", "2014-03-01", "Anders Fogh Rasmussen"),
])
def test_office_holders_by_date(kb: ActorKB, owner: str, role: str, date: str, holder: str) -> None:
    found = kb.holder(owner, role, dt.date.fromisoformat(date))
    assert found is not None and found.name == holder
