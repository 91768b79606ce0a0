"""The coder's mechanics on hand-built parses: frames, governance, pairs, modality, precision rules."""

from __future__ import annotations

import pytest

from dragoman.actors.mentions import Mention
from dragoman.events.arguments import subjects
from dragoman.events.coder import CodedEvent, EventCoder
from dragoman.events.ontology import Ontology
from dragoman.events.patterns import PatternSet
from dragoman.records import Actor
from tests.events.build import Row, actor, country, make_doc, mentions


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(PatternSet.load(Ontology.load()))


def code(coder: EventCoder, rows: list[Row], tags: dict[int, str] | None = None) -> list[CodedEvent]:
    doc = make_doc(rows, tags)
    return coder.code(doc, mentions(doc))


def summary(events: list[CodedEvent]) -> list[tuple[str, str, str | None, str]]:
    return [(e.code, e.source.actor.code, e.target.actor.code if e.target else None, e.modality) for e in events]


def test_active_verb(coder: EventCoder) -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("visited", "visit", "VERB", "ROOT", 1),
            ("Syria", "Syria", "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)]
    events = code(coder, rows)
    assert summary(events) == [("042", "IRN", "SYR", "asserted")]
    assert events[0].pattern.id == "visit.verb" and 0 < events[0].confidence <= 1


def test_passive_with_agent(coder: EventCoder) -> None:
    rows = [("Russia", "Russia", "PROPN", "nsubjpass", 2), ("was", "be", "AUX", "auxpass", 2),
            ("attacked", "attack", "VERB", "ROOT", 2), ("by", "by", "ADP", "agent", 2),
            ("Turkey", "Turkey", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 2)]
    assert summary(code(coder, rows, {2: "VBN"})) == [("190", "TUR", "RUS", "asserted")]


def test_refused_to_is_a_rejection_not_a_negation(coder: EventCoder) -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("refused", "refuse", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3), ("meet", "meet", "VERB", "xcomp", 1),
            ("Russia", "Russia", "PROPN", "dobj", 3), (".", ".", "PUNCT", "punct", 1)]
    events = code(coder, rows)
    assert summary(events) == [("125", "IRN", "RUS", "asserted")]  # the meeting lends its target
    assert events[0].pattern.cameo == "120"


def test_coordinated_sources_of_a_mutual_event_act_on_one_another(coder: EventCoder) -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0),
            ("Russia", "Russia", "PROPN", "conj", 0), ("signed", "sign", "VERB", "ROOT", 3),
            ("a", "a", "DET", "det", 5), ("deal", "deal", "NOUN", "dobj", 3), (".", ".", "PUNCT", "punct", 3)]
    assert summary(code(coder, rows)) == [("057", "IRN", "RUS", "asserted")]  # one event, not two


def test_coordinated_targets_give_one_event_each(coder: EventCoder) -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("criticized", "criticize", "VERB", "ROOT", 1),
            ("France", "France", "PROPN", "dobj", 1), ("and", "and", "CCONJ", "cc", 2),
            ("Germany", "Germany", "PROPN", "conj", 2), (".", ".", "PUNCT", "punct", 1)]
    assert summary(code(coder, rows)) == [("111", "IRN", "FRA", "asserted"), ("111", "IRN", "DEU", "asserted")]


def test_no_event_without_a_target_unless_the_pattern_allows_it(coder: EventCoder) -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("criticized", "criticize", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3), ("plan", "plan", "NOUN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)]
    assert code(coder, rows) == []
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("surrendered", "surrender", "VERB", "ROOT", 1),
            (".", ".", "PUNCT", "punct", 1)]
    assert summary(code(coder, rows)) == [("0874", "IRN", None, "asserted")]


def test_no_event_without_a_source(coder: EventCoder) -> None:
    rows = [("Troops", "troop", "NOUN", "nsubj", 1), ("attacked", "attack", "VERB", "ROOT", 1),
            ("Syria", "Syria", "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)]
    assert code(coder, rows) == []


def test_light_verb_with_preposition_on_the_verb(coder: EventCoder) -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("carried", "carry", "VERB", "ROOT", 1),
            ("out", "out", "ADP", "prt", 1), ("attacks", "attack", "NOUN", "dobj", 1),
            ("against", "against", "ADP", "prep", 1), ("Turkey", "Turkey", "PROPN", "pobj", 4),
            (".", ".", "PUNCT", "punct", 1)]
    assert summary(code(coder, rows)) == [("190", "IRN", "TUR", "asserted")]


def test_a_noun_under_a_verb_that_is_not_its_light_verb_has_no_source(coder: EventCoder) -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("discussed", "discuss", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3), ("deal", "deal", "NOUN", "dobj", 1), ("with", "with", "ADP", "prep", 3),
            ("Russia", "Russia", "PROPN", "pobj", 4), (".", ".", "PUNCT", "punct", 1)]
    assert [e.pattern.id for e in code(coder, rows)] == []


def test_reported_event_is_claimed_and_the_statement_not_coded(coder: EventCoder) -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
            ("Russia", "Russia", "PROPN", "nsubj", 3), ("attacked", "attack", "VERB", "ccomp", 1),
            ("Turkey", "Turkey", "PROPN", "dobj", 3), (".", ".", "PUNCT", "punct", 1)]
    events = code(coder, rows)
    assert summary(events) == [("190", "RUS", "TUR", "claimed")]
    assert events[0].attribution is not None and events[0].attribution.code == "IRN"


def test_statement_is_coded_only_when_nothing_else_is_reported(coder: EventCoder) -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("told", "tell", "VERB", "ROOT", 1),
            ("Russia", "Russia", "PROPN", "dobj", 1), ("so", "so", "ADV", "advmod", 1),
            (".", ".", "PUNCT", "punct", 1)]
    assert summary(code(coder, rows)) == [("010", "IRN", "RUS", "asserted")]


def test_planned_cooperation_is_an_intent(coder: EventCoder) -> None:
    rows = [("Russia", "Russia", "PROPN", "nsubj", 2), ("will", "will", "AUX", "aux", 2),
            ("visit", "visit", "VERB", "ROOT", 2), ("Turkey", "Turkey", "PROPN", "dobj", 2),
            (".", ".", "PUNCT", "punct", 2)]
    events = code(coder, rows)
    assert summary(events) == [("036", "RUS", "TUR", "planned")]
    assert events[0].pattern.cameo == "042"


def test_planned_attack_is_a_threat(coder: EventCoder) -> None:
    rows = [("Russia", "Russia", "PROPN", "nsubj", 2), ("will", "will", "AUX", "aux", 2),
            ("attack", "attack", "VERB", "ROOT", 2), ("Turkey", "Turkey", "PROPN", "dobj", 2),
            (".", ".", "PUNCT", "punct", 2)]
    events = code(coder, rows)
    assert summary(events) == [("138", "RUS", "TUR", "planned")]
    assert events[0].pattern.cameo == "190"


def test_expected_attack_is_not_a_threat(coder: EventCoder) -> None:
    rows = [("Russia", "Russia", "PROPN", "nsubjpass", 2), ("is", "be", "AUX", "auxpass", 2),
            ("expected", "expect", "VERB", "ROOT", 2), ("to", "to", "PART", "aux", 4),
            ("attack", "attack", "VERB", "xcomp", 2), ("Turkey", "Turkey", "PROPN", "dobj", 4),
            (".", ".", "PUNCT", "punct", 2)]
    assert summary(code(coder, rows, {2: "VBN"})) == [("190", "RUS", "TUR", "planned")]


def test_conditional_conflictual_act_is_a_threat(coder: EventCoder) -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 2), ("may", "may", "AUX", "aux", 2),
            ("sanction", "sanction", "VERB", "ROOT", 2), ("Turkey", "Turkey", "PROPN", "dobj", 2),
            ("if", "if", "SCONJ", "mark", 6), ("Russia", "Russia", "PROPN", "nsubj", 6),
            ("objects", "object", "VERB", "advcl", 2), (".", ".", "PUNCT", "punct", 2)]
    assert summary(code(coder, rows))[0] == ("1312", "IRN", "TUR", "hypothetical")


@pytest.mark.parametrize("aux, modality", [("may", "hypothetical"), ("could", "hypothetical")])
def test_hypothetical(coder: EventCoder, aux: str, modality: str) -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 2), (aux, aux, "AUX", "aux", 2),
            ("attack", "attack", "VERB", "ROOT", 2), ("Turkey", "Turkey", "PROPN", "dobj", 2),
            (".", ".", "PUNCT", "punct", 2)]
    assert [e.modality for e in code(coder, rows)] == [modality]


def test_negated(coder: EventCoder) -> None:
    rows = [("Russia", "Russia", "PROPN", "nsubj", 3), ("has", "have", "AUX", "aux", 3),
            ("not", "not", "PART", "neg", 3), ("signed", "sign", "VERB", "ROOT", 3),
            ("a", "a", "DET", "det", 5), ("deal", "deal", "NOUN", "dobj", 3), ("with", "with", "ADP", "prep", 3),
            ("Iran", "Iran", "PROPN", "pobj", 6), (".", ".", "PUNCT", "punct", 3)]
    assert summary(code(coder, rows)) == [("057", "RUS", "IRN", "negated")]


def test_object_control(coder: EventCoder) -> None:
    """'Iran invited Russia to visit Turkey': an invitation to Russia; the visit is governed, not coded."""
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("invited", "invite", "VERB", "ROOT", 1),
            ("Russia", "Russia", "PROPN", "dobj", 1), ("to", "to", "PART", "aux", 4),
            ("visit", "visit", "VERB", "xcomp", 1), ("Turkey", "Turkey", "PROPN", "dobj", 4),
            (".", ".", "PUNCT", "punct", 1)]
    assert summary(code(coder, rows)) == [("036", "IRN", "RUS", "asserted")]


def test_group_reference_gives_one_event_per_member_pair(coder: EventCoder) -> None:
    rows = [("The", "the", "DET", "det", 2), ("two", "two", "NUM", "nummod", 2),
            ("sides", "side", "NOUN", "nsubj", 3), ("discussed", "discuss", "VERB", "ROOT", 3),
            ("trade", "trade", "NOUN", "dobj", 3), (".", ".", "PUNCT", "punct", 3)]
    doc = make_doc(rows)
    group = country(doc, 2, members=(actor("IRN"), actor("RUS")))
    assert summary(coder.code(doc, [group])) == [("040", "IRN", "RUS", "asserted")]


def test_a_definite_event_noun_repeating_an_event_is_a_reference(coder: EventCoder) -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("visited", "visit", "VERB", "ROOT", 1),
            ("Syria", "Syria", "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1),
            ("Iran", "Iran", "PROPN", "poss", 6), ("'s", "'s", "PART", "case", 4),
            ("visit", "visit", "NOUN", "nsubj", 9), ("to", "to", "ADP", "prep", 6),
            ("Syria", "Syria", "PROPN", "pobj", 7), ("ended", "end", "VERB", "ROOT", 9),
            (".", ".", "PUNCT", "punct", 9)]
    assert summary(code(coder, rows)) == [("042", "IRN", "SYR", "asserted")]


def test_reporting_verb_after_the_clause(coder: EventCoder) -> None:
    rows = [("Israel", "Israel", "PROPN", "nsubj", 1), ("attacked", "attack", "VERB", "ROOT", 1),
            ("Syria", "Syria", "PROPN", "dobj", 1), (",", ",", "PUNCT", "punct", 1),
            ("officials", "official", "NOUN", "nsubj", 5), ("said", "say", "VERB", "parataxis", 1),
            (".", ".", "PUNCT", "punct", 1)]
    events = code(coder, rows)
    assert summary(events) == [("190", "ISR", "SYR", "claimed")]
    assert events[0].attribution is not None and events[0].attribution.text == "officials"


# --- second round: constructions ------------------------------------------------------------------


def test_subject_of_a_that_clause_is_the_target_not_what_it_mentions(coder: EventCoder) -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("demanded", "demand", "VERB", "ROOT", 1),
            ("that", "that", "SCONJ", "mark", 4), ("Russia", "Russia", "PROPN", "nsubj", 4),
            ("stop", "stop", "VERB", "ccomp", 1), ("arming", "arm", "VERB", "xcomp", 4),
            ("Syria", "Syria", "PROPN", "dobj", 5), (".", ".", "PUNCT", "punct", 1)]
    assert [(e.source.actor.code, e.target.actor.code) for e in code(coder, rows) if e.target] == [("IRN", "RUS")]


def test_reported_must_is_a_demand(coder: EventCoder) -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
            ("Turkey", "Turkey", "PROPN", "nsubj", 4), ("must", "must", "AUX", "aux", 4),
            ("leave", "leave", "VERB", "ccomp", 1), (".", ".", "PUNCT", "punct", 1)]
    events = code(coder, rows)
    assert summary(events) == [("100", "IRN", "TUR", "asserted")]
    assert events[0].pattern.id == "demand.must"


def test_pressure_on_x_to_act_is_a_demand_of_x(coder: EventCoder) -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("put", "put", "VERB", "ROOT", 1),
            ("pressure", "pressure", "NOUN", "dobj", 1), ("on", "on", "ADP", "prep", 1),
            ("Syria", "Syria", "PROPN", "pobj", 3), ("to", "to", "PART", "aux", 6),
            ("agree", "agree", "VERB", "advcl", 1), (".", ".", "PUNCT", "punct", 1)]
    assert summary(code(coder, rows)) == [("100", "IRN", "SYR", "asserted")]  # "agree" is governed


def test_object_control_gives_the_infinitive_its_subject() -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("urged", "urge", "VERB", "ROOT", 1),
            ("Syria", "Syria", "PROPN", "dobj", 1), ("to", "to", "PART", "aux", 4),
            ("talk", "talk", "VERB", "advcl", 1), (".", ".", "PUNCT", "punct", 1)]
    doc = make_doc(rows)
    assert [t.text for t in subjects(doc[4])] == ["Syria"]
    rows[1] = ("visited", "visit", "VERB", "ROOT", 1)  # purpose, not control: "visited Syria to talk"
    doc = make_doc(rows)
    assert [t.text for t in subjects(doc[4])] == ["Iran"]


def test_a_multilateral_meeting_is_one_event_per_pair(coder: EventCoder) -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 5), (",", ",", "PUNCT", "punct", 0),
            ("Russia", "Russia", "PROPN", "conj", 0), ("and", "and", "CCONJ", "cc", 2),
            ("Turkey", "Turkey", "PROPN", "conj", 2), ("met", "meet", "VERB", "ROOT", 5),
            (".", ".", "PUNCT", "punct", 5)]
    events = code(coder, rows)
    assert summary(events) == [("040", "IRN", "RUS", "asserted"), ("040", "IRN", "TUR", "asserted"),
                               ("040", "RUS", "TUR", "asserted")]
    assert all(any(n.startswith("symmetric") for n in e.notes) for e in events)


def test_mediation_between_two_parties_is_one_event(coder: EventCoder) -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("mediated", "mediate", "VERB", "ROOT", 1),
            ("between", "between", "ADP", "prep", 1), ("Syria", "Syria", "PROPN", "pobj", 2),
            ("and", "and", "CCONJ", "cc", 3), ("Turkey", "Turkey", "PROPN", "conj", 3),
            (".", ".", "PUNCT", "punct", 1)]
    assert summary(code(coder, rows)) == [("045", "IRN", "SYR", "asserted")]


def test_an_inward_event_is_aimed_at_the_state_where_it_happens(coder: EventCoder) -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("imposed", "impose", "VERB", "ROOT", 1),
            ("a", "a", "DET", "det", 3), ("curfew", "curfew", "NOUN", "dobj", 1),
            (".", ".", "PUNCT", "punct", 1)]
    events = code(coder, rows)
    assert summary(events) == [("1723", "IRN", "IRNCVL", "asserted")]  # a state's measure: its people
    assert events[0].target is not None and events[0].target.actor.how == "implied:source-state"
    rows = [("Syria", "Syria", "PROPN", "nsubj", 1), ("rioted", "riot", "VERB", "ROOT", 1),
            ("in", "in", "ADP", "prep", 1), ("Turkey", "Turkey", "PROPN", "pobj", 2), (".", ".", "PUNCT", "punct", 1)]
    assert summary(code(coder, rows)) == [("145", "SYR", "TURGOV", "asserted")]


def test_troops_get_no_implied_domestic_target(coder: EventCoder) -> None:
    rows = [("Troops", "troop", "NOUN", "nsubj", 1), ("arrested", "arrest", "VERB", "ROOT", 1),
            ("dozens", "dozen", "NOUN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)]
    doc = make_doc(rows)
    troops = Mention(0, 1, 0, Actor(text="Troops", name="Iran", code="IRNMIL", country="IRN", sector="MIL"), "role")
    assert coder.code(doc, [troops]) == []
    police = Mention(0, 1, 0, Actor(text="Police", name="Iran", code="IRNCOP", country="IRN", sector="COP"), "role")
    assert summary(coder.code(doc, [police])) == [("173", "IRNCOP", "IRNCVL", "asserted")]


def test_a_condition_names_who_is_threatened(coder: EventCoder) -> None:
    rows = [("Syria", "Syria", "PROPN", "nsubj", 1), ("threatened", "threaten", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3), ("hold", "hold", "VERB", "xcomp", 1),
            ("a", "a", "DET", "det", 5), ("strike", "strike", "NOUN", "dobj", 3),
            ("unless", "unless", "SCONJ", "mark", 8), ("Israel", "Israel", "PROPN", "nsubj", 8),
            ("withdrew", "withdraw", "VERB", "advcl", 3), (".", ".", "PUNCT", "punct", 1)]
    assert summary(code(coder, rows)) == [("133", "SYR", "ISR", "asserted")]


def test_background_and_modifier_nouns_are_not_events(coder: EventCoder) -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("closed", "close", "VERB", "ROOT", 1),
            ("borders", "border", "NOUN", "dobj", 1), ("because", "because", "SCONJ", "prep", 1),
            ("of", "of", "ADP", "pcomp", 3), ("fighting", "fighting", "NOUN", "pobj", 3),
            ("between", "between", "ADP", "prep", 5), ("Syria", "Syria", "PROPN", "pobj", 6),
            ("and", "and", "CCONJ", "cc", 7), ("Turkey", "Turkey", "PROPN", "conj", 7), (".", ".", "PUNCT", "punct", 1)]
    assert code(coder, rows) == []
    rows = [("France", "France", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0),
            ("Germany", "Germany", "PROPN", "conj", 0), ("launched", "launch", "VERB", "ROOT", 3),
            ("war", "war", "NOUN", "compound", 5), ("games", "game", "NOUN", "dobj", 3),
            (".", ".", "PUNCT", "punct", 3)]
    assert summary(code(coder, rows)) == [("062", "FRA", "DEU", "asserted")]


def test_force_used_in_a_state_targets_it(coder: EventCoder) -> None:
    # "Iran struck targets in Syria": the place of the act is its target when no actor is named
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("struck", "strike", "VERB", "ROOT", 1),
            ("targets", "target", "NOUN", "dobj", 1), ("in", "in", "ADP", "prep", 1),
            ("Syria", "Syria", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)]
    events = code(coder, rows)
    assert summary(events) == [("190", "IRN", "SYR", "asserted")]
    assert "place of the act" in events[0].target.actor.how  # type: ignore[union-attr]


def test_a_reaction_to_an_earlier_event_targets_its_perpetrator(coder: EventCoder) -> None:
    # "Iran attacked Syria. Russia condemned the attack."
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("attacked", "attack", "VERB", "ROOT", 1),
            ("Syria", "Syria", "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1),
            ("Russia", "Russia", "PROPN", "nsubj", 5), ("condemned", "condemn", "VERB", "ROOT", 5),
            ("the", "the", "DET", "det", 7), ("attack", "attack", "NOUN", "dobj", 5), (".", ".", "PUNCT", "punct", 5)]
    doc = make_doc(rows)
    events = coder.code(doc, mentions(doc))
    assert summary(events) == [("190", "IRN", "SYR", "asserted"), ("111", "RUS", "IRN", "asserted")]
    assert events[1].target is not None and events[1].target.actor.how.startswith("event reference")


def test_cooperation_between_organs_of_one_state_is_not_an_event(coder: EventCoder) -> None:
    # "Iran's army supported Iran's police": the state at work, not an event between actors
    doc = make_doc([("army", "army", "NOUN", "nsubj", 1), ("supported", "support", "VERB", "ROOT", 1),
                    ("police", "police", "NOUN", "dobj", 1)])
    army = Mention(0, 1, 0, Actor("army", "Iran", "IRNMIL", "IRN", sector="MIL"), "role")
    police = Mention(2, 3, 2, Actor("police", "Iran", "IRNCOP", "IRN", sector="COP"), "role")
    assert coder.code(doc, [army, police]) == []
    rebels = Mention(2, 3, 2, Actor("rebels", "Iran", "IRNREB", "IRN", sector="REB"), "role")
    assert summary(coder.code(doc, [army, rebels])) == [("051", "IRNMIL", "IRNREB", "asserted")]


def test_verb_forms_cover_a_wrong_lemma() -> None:
    from dragoman.events.arguments import verb_forms
    doc = make_doc([("Students", "student", "NOUN", "nsubj", 1), ("staged", "stag", "VERB", "ROOT", 1)])
    assert "stage" in verb_forms(doc[1]) and "stag" in verb_forms(doc[1])


def test_people_protesting_in_a_state_are_its_people(coder: EventCoder) -> None:
    # "Hundreds demonstrated in Syria": no actor named, the place gives the people and their government
    rows = [("Hundreds", "hundred", "NOUN", "nsubj", 1), ("demonstrated", "demonstrate", "VERB", "ROOT", 1),
            ("in", "in", "ADP", "prep", 1), ("Syria", "Syria", "PROPN", "pobj", 2), (".", ".", "PUNCT", "punct", 1)]
    events = code(coder, rows, tags={0: "NNS"})
    assert summary(events) == [("141", "SYRCVL", "SYRGOV", "asserted")]
