"""Resolution with the real English model on short texts written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from dragoman.actors.mentions import Mention
from dragoman.pipeline import Pipeline

pytestmark = pytest.mark.model


def mentions(pipeline: Pipeline, text: str, date: dt.date | None = dt.date(2023, 3, 29)) -> dict[str, Mention]:
    doc = pipeline.nlp(text)
    return {doc[m.start:m.end].text: m for m in pipeline.finder.find(doc, date)}


def test_role_and_misspelt_name(pipeline: Pipeline) -> None:
    found = mentions(pipeline, "The Iranian foreign minister met his Russian counterpart Sergie Lavrov in Moscow.")
    codes = {text: m.actor.code for text, m in found.items()}
    assert codes.get("Iranian foreign minister") == "IRNGOV"
    assert any(m.actor.entry == "person:lavrov" for m in found.values())
    assert codes.get("Moscow") == "RUSGOV"


def test_two_sides_after_a_meeting(pipeline: Pipeline) -> None:
    text = ("Turkey and Greece held talks in Ankara on Monday. "
            "The two sides agreed to reopen their consulates.")
    group = [m for m in mentions(pipeline, text).values() if m.kind == "group-reference"]
    assert group and {a.country for a in group[0].members} == {"TUR", "GRC"}


def test_person_coded_by_office_at_the_date(pipeline: Pipeline) -> None:
    text = "Vladimir Putin spoke to reporters."
    then = next(iter(mentions(pipeline, text, dt.date(2010, 6, 1)).values()))
    assert "prime_minister:dated" in then.actor.how
    now = next(iter(mentions(pipeline, text, None).values()))
    assert "president:latest" in now.actor.how


@pytest.mark.parametrize("sentence, text, code", [
    ("Rebels in Chad attacked a convoy of Sudanese troops.", "Rebels", "TCDREB"),
    ("University students throughout Peru marched on Friday.", "University students", "PEREDU"),
    ("The Albanians of southern Serbia demanded autonomy.", "Albanians", "SRB"),
])
def test_a_group_placed_by_a_country_takes_its_country(pipeline: Pipeline, sentence: str, text: str,
                                                        code: str) -> None:
    doc = pipeline.nlp(sentence)
    found = {doc[m.start:m.end].text: m.actor for m in pipeline.finder.find(doc)}
    assert found[text].code == code and found[text].how.endswith("role:placed")


def test_troops_and_coordinated_places_are_not_placed(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Troops in Syria and ministers of Egypt, Jordan and Iraq met.")
    codes = {doc[m.start:m.end].text: m.actor.code for m in pipeline.finder.find(doc)}
    assert "Troops" not in codes and "ministers" not in codes


def test_it_before_a_readiness_adjective_is_the_state(pipeline: Pipeline) -> None:
    """ "Armenia says it is willing to ...": "it" is Armenia, not a dummy subject."""
    found = mentions(pipeline, "Armenia says it is willing to withdraw its troops from the border.")
    assert found["it"].actor.country == "ARM"


def test_an_object_pronoun_is_never_its_clause_subject(pipeline: Pipeline) -> None:
    """ "Yoon welcomed Kishida and thanked him": "him" is Kishida, not Yoon."""
    found = mentions(pipeline, "President Yoon Suk Yeol welcomed Fumio Kishida in Seoul and thanked him.")
    assert found["him"].actor.country == "JPN"
