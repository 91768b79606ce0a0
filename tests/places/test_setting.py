"""The setting of a visit or meeting, and a wire story's dateline, carried to events that name no place."""

from __future__ import annotations

from dragoman.places.setting import LEAD, WINDOW, Occurrence, carry_settings
from dragoman.records import Actor, Place

BEIJING = Place(name="Beijing", country="CHN", precision="city")
ABUJA = Place(name="Abuja", country="NGA", precision="city")


def state(code: str) -> Actor:
    return Actor(text=code, name=code, code=code, country=code)


def test_a_visit_places_the_talks_that_follow_it() -> None:
    events = [Occurrence("042", 0, state("PAK"), state("CHN"), BEIJING, "arrived"),
              Occurrence("057", 2, state("PAK"), state("CHN"), None, "signed"),
              Occurrence("057", 2, state("IND"), state("USA"), None, "signed"),  # other parties: not carried
              Occurrence("190", 3, state("PAK"), state("CHN"), None, "attacked"),  # force: not carried
              Occurrence("040", 2 + WINDOW + 1, state("PAK"), state("CHN"), None, "met")]  # too far
    places = carry_settings(events)
    assert places[0] == (BEIJING, None)
    assert places[1][0] == BEIJING and "arrived" in (places[1][1] or "")
    assert [p for p, _ in places[2:]] == [None, None, None]


def test_the_dateline_places_the_lead_but_not_force_or_later_events() -> None:
    events = [Occurrence("163", 0, state("NGA"), state("NER"), None, "imposed"),
              Occurrence("190", 1, state("NER"), state("FRA"), None, "attacked"),
              Occurrence("111", LEAD, state("FRA"), state("NER"), None, "condemned")]
    places = carry_settings(events, dateline=ABUJA)
    assert places[0][0] == ABUJA and "dateline" in (places[0][1] or "")
    assert places[1] == (None, None) and places[2] == (None, None)


def test_a_meeting_placed_by_the_dateline_places_what_follows_it() -> None:
    vilnius = Place(name="Vilnius", country="LTU", precision="city")
    events = [Occurrence("043", 1, state("NATO"), state("TUR"), None, "hosted"),
              Occurrence("036", LEAD + 1, state("TUR"), state("SWE"), None, "agreed")]
    places = carry_settings(events, dateline=vilnius)
    assert places[0][0] == vilnius and "dateline" in (places[0][1] or "")
    assert places[1][0] == vilnius and "hosted" in (places[1][1] or "")


def test_a_sea_flown_over_is_no_setting() -> None:
    sea = Place(name="Sea of Japan", country=None, precision="region")
    events = [Occurrence("042", 0, state("USA"), state("JPN"), sea, "flew"),
              Occurrence("040", 1, state("USA"), state("JPN"), None, "spoke")]
    assert carry_settings(events)[1] == (None, None)


def test_an_event_dated_to_another_time_is_not_carried_to_a_setting_or_the_dateline() -> None:
    april = ("2024-04-01", "2024-04-30")
    events = [Occurrence("040", 0, state("ETH"), state("SOM"), BEIJING, "talks", ("2024-12-11", "2024-12-11")),
              Occurrence("161", 1, state("SOM"), state("ETH"), None, "expelled", april),
              Occurrence("030", 1, state("SOM"), state("ETH"), None, "agreed", ("2024-12-11", "2024-12-11")),
              Occurrence("030", 2, state("SOM"), state("ETH"), None, "agreed")]
    places = carry_settings(events)
    assert [p for p, _ in places] == [BEIJING, None, BEIJING, BEIJING]
    lead = [Occurrence("161", 0, state("NGA"), state("NER"), None, "expelled", april),
            Occurrence("163", 1, state("NGA"), state("NER"), None, "imposed", ("2024-12-10", "2024-12-10"))]
    assert [p for p, _ in carry_settings(lead, ABUJA, today="2024-12-12")] == [None, ABUJA]
