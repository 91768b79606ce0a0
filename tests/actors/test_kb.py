"""Loading, extending and validating the knowledge base; office holders by date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dragoman.actors.kb import ActorKB, parse_date
from dragoman.errors import ConfigError

PETRARCH = Path(__file__).resolve().parent / "fixtures" / "PETR.Validate.actors.txt"  # MIT, see LICENSE there


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def test_names_adjectives_capitals(kb: ActorKB) -> None:
    assert kb.lookup("Iranian")[0].country == "IRN"
    assert any(e.kind == "capital" and e.code == "IRNGOV" for e in kb.lookup("Tehran"))
    assert any(e.code == "RUSGOV" for e in kb.lookup("the Kremlin"))
    assert any(e.country == "CIV" for e in kb.lookup("Côte d'Ivoire"))
    assert any(e.code == "USAMIL" for e in kb.lookup("Pentagon"))
    assert any(e.code == "IRNMIL" for e in kb.lookup("IRGC"))
    assert any(e.org == "IAEA" for e in kb.lookup("International Atomic Energy Agency"))


def test_office_holder_depends_on_the_date(kb: ActorKB) -> None:
    march_2023 = kb.holder("IRN", "foreign_minister", dt.date(2023, 3, 29))
    assert march_2023 is not None and march_2023.name == "Hossein Amir-Abdollahian"
    later = kb.holder("IRN", "foreign_minister", dt.date(2025, 1, 1))
    assert later is not None and later.name == "Abbas Araghchi"
    assert kb.holder("IRN", "foreign_minister", dt.date(1850, 1, 1)) is None


def test_person_tenure_at_date_and_fallbacks(kb: ActorKB) -> None:
    putin = next(e for e in kb.lookup("Vladimir Putin") if e.kind == "person")
    tenure, basis = putin.tenure_at(dt.date(2010, 1, 1))
    assert tenure is not None and (tenure.role, basis) == ("prime_minister", "dated")
    tenure, basis = putin.tenure_at(None)
    assert tenure is not None and (tenure.role, basis) == ("president", "latest")
    rouhani = next(e for e in kb.lookup("Hassan Rouhani") if e.kind == "person")
    assert rouhani.tenure_at(dt.date(2023, 1, 1))[1] == "former"


def test_partial_dates() -> None:
    assert parse_date("2021") == dt.date(2021, 1, 1)
    assert parse_date("2021", end=True) == dt.date(2021, 12, 31)
    assert parse_date("2024-02", end=True) == dt.date(2024, 2, 29)
    with pytest.raises(ValueError):
        parse_date("29/03/2023")


def test_user_file_extends_the_base(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("id\tnames\tcode\tcountry\torg\tsector\nACME\tAcme Militia\tIRQUAF\tIRQ\t\tUAF\n", "utf-8")
    kb = ActorKB.load([path])
    assert kb.lookup("Acme Militia")[0].code == "IRQUAF"


def test_user_people_file(tmp_path: Path) -> None:
    path = tmp_path / "people.tsv"
    path.write_text("id\tnames\tcountry\torg\tsector\trole\tstart\tend\n"
                    "jdoe\tJane Doe\tKEN\t\tGOV\tgovernor\t2020\t2022-06\n", "utf-8")
    kb = ActorKB.load([path])
    assert kb.holder("KEN", "governor", dt.date(2021, 5, 1)) is not None
    assert kb.holder("KEN", "governor", dt.date(2022, 7, 1)) is None


@pytest.mark.parametrize(("body", "message"), [
    ("id\tnames\tcode\tcountry\torg\tsector\nX\tX Group\tXXXREB\tXXX\t\tREB\n", "XXXREB"),
    ("id\tnames\tcode\tcountry\torg\tsector\nX\tX Group\tIRQREB\tIRQ\t\tFOO\n", "sector"),
    ("id\tnames\tcode\tcountry\torg\tsector\nX\tX Group\tirq-reb\tIRQ\t\tREB\n", "CAMEO actor code"),
    ("id\tnames\tcode\tcountry\torg\tsector\nX\tX Group\tIRQREB\tIRQ\t\tREB\textra\n", "columns"),
    ("iso3\tnames\tadjectives\tcapitals\nZZZ\tNowhere\t\t\n", "ISO 3166"),
    ("id\tnames\tcountry\torg\tsector\trole\tstart\tend\np\tP Q\tIRN\t\tGOV\tpresident\t2020\t2019\n", "before"),
    ("id\tnames\tcountry\torg\tsector\trole\tstart\tend\np\tP Q\tIRN\t\tGOV\tpresident\tMarch\t\n", "ISO date"),
    ("colour\tsize\nred\t1\n", "unknown knowledge file format"),
])
def test_bad_user_file_names_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(body, "utf-8")
    with pytest.raises(ConfigError) as caught:
        ActorKB.load([path])
    text = str(caught.value)
    assert str(path) in text and message in text
    if message != "unknown knowledge file format":
        assert f"{path}:2" in text or f"{path}:3" in text


def test_rejected_rows_are_not_stored(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("id\tnames\tcode\tcountry\torg\tsector\nX\tZorblax Front\tZZZREB\t\t\tREB\n", "utf-8")
    with pytest.raises(ConfigError):
        ActorKB.load([path])
    assert not ActorKB.load().lookup("Zorblax Front")


def test_petrarch_dictionary(tmp_path: Path) -> None:
    path = tmp_path / "dict.txt"
    path.write_text("<!-- a comment -->\nNORTH_KOREA [PRK] # note\n+PYONGYANG_REGIME\n"
                    "GOLLUM\n\t[HOB < 950601]\nJANE_ROE\n\t[KENGOV 20200101-20221231]\n\t[KEN]\n"
                    "INTERNATIONAL_CRIMINAL_POLICE_ORGANIZATION_\n+INTERPOL_AGENCY\n\t[IGOCOPITP]\n", "utf-8")
    kb = ActorKB.load([path])
    assert any(e.code == "PRK" for e in kb.lookup("Pyongyang regime"))
    assert not kb.lookup("Gollum") and any("HOB" in r for r in kb.rejected)
    roe = kb.lookup("Jane Roe")[0]
    assert roe.kind == "person"
    tenure, basis = roe.tenure_at(dt.date(2021, 1, 1))
    assert tenure is not None and tenure.code == "KENGOV" and basis == "dated"
    assert any(e.org for e in kb.lookup("Interpol agency"))


def test_petrarch_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "dict.txt"
    path.write_text("IRAN [IRN]\nIRAQ [IRQ\n", "utf-8")
    with pytest.raises(ConfigError, match=r"dict.txt:2"):
        ActorKB.load([path])
    path.write_text("+ORPHAN [IRN]\n", "utf-8")
    with pytest.raises(ConfigError, match=r"dict.txt:1: a synonym"):
        ActorKB.load([path])


def test_petrarch_validation_dictionary_loads() -> None:
    kb = ActorKB.load([PETRARCH])
    assert any(e.code == "PRK" for e in kb.lookup("Pyongyang"))
    assert kb.rejected  # Middle-earth codes are left out, not stored
    assert not any(e.code.startswith("HOB") for es in kb.names.values() for e in es)


def test_sector_heads_hold_the_last_word_of_every_sector_phrase(kb: ActorKB) -> None:
    phrases = [k for k in kb.sectors if " " in k]
    assert phrases  # the base has sector phrases of two words or more ("security forces" ...)
    assert all(k.split()[-1] in kb.sector_heads for k in phrases)
    assert kb.sector_heads <= {w for k in kb.sectors for w in k.split()}
    # a word that is no sector word and ends no sector phrase has no sector, alone or after any word
    assert "table" not in kb.sector_heads and kb.sector_of("table") is None
