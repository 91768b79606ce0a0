"""Role phrases and organisation references resolved from the discourse, on hand-built parses (no model)."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.language import Language

from dragoman.actors.discourse import focus_country, unnamed_actors
from dragoman.actors.kb import ActorKB
from dragoman.actors.mentions import Mention, MentionFinder
from tests.actors.test_mentions import parse

DATE = dt.date(2023, 7, 31)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("en")


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def found(nlp: Language, kb: ActorKB, rows: list[tuple[str, str, int, str, str]],
          sent_starts: tuple[int, ...] = (0,)) -> list[Mention]:
    doc = parse(nlp, rows, sent_starts=sent_starts)
    return unnamed_actors(doc, MentionFinder(nlp, kb).find(doc, DATE), kb)


def codes(nlp: Language, kb: ActorKB, rows: list[tuple[str, str, int, str, str]],
          sent_starts: tuple[int, ...] = (0,)) -> dict[str, str]:
    doc = parse(nlp, rows, sent_starts=sent_starts)
    mentions = unnamed_actors(doc, MentionFinder(nlp, kb).find(doc, DATE), kb)
    return {doc[m.start:m.end].text: m.actor.code for m in mentions}


# "Niger's junta closed the border. Police detained protesters."
NIGER = [("Niger", "poss", 2, "PROPN", "NNP"), ("'s", "case", 0, "PART", "POS"), ("junta", "nsubj", 3, "NOUN", "NN"),
         ("closed", "ROOT", 3, "VERB", "VBD"), ("the", "det", 5, "DET", "DT"), ("border", "dobj", 3, "NOUN", "NN"),
         (".", "punct", 3, "PUNCT", "."),
         ("Police", "nsubj", 8, "NOUN", "NNS"), ("detained", "ROOT", 8, "VERB", "VBD"),
         ("protesters", "dobj", 8, "NOUN", "NNS"), (".", "punct", 8, "PUNCT", ".")]


def test_unplaced_role_takes_the_focus_state(nlp: Language, kb: ActorKB) -> None:
    got = codes(nlp, kb, NIGER, sent_starts=(0, 7))
    assert got["Police"] == "NERCOP"
    assert got["protesters"] == "NERCVL"  # crowds in the streets are the focus state's


def test_victims_are_not_guessed(nlp: Language, kb: ActorKB) -> None:
    rows = [*NIGER[:7],
            ("Troops", "nsubj", 8, "NOUN", "NNS"), ("killed", "ROOT", 8, "VERB", "VBD"),
            ("civilians", "dobj", 8, "NOUN", "NNS"), (".", "punct", 8, "PUNCT", ".")]
    got = codes(nlp, kb, rows, sent_starts=(0, 7))
    assert got["Troops"] == "NERMIL" and "civilians" not in got


def test_a_placing_preposition_wins_over_the_focus(nlp: Language, kb: ActorKB) -> None:
    rows = [*NIGER[:7],
            ("Police", "nsubj", 12, "NOUN", "NNS"), ("in", "prep", 7, "ADP", "IN"),
            ("Mali", "pobj", 8, "PROPN", "NNP"), ("also", "advmod", 12, "ADV", "RB"),
            ("soldiers", "conj", 7, "NOUN", "NNS"), ("marched", "ROOT", 12, "VERB", "VBD"),
            (".", "punct", 12, "PUNCT", ".")]
    assert codes(nlp, kb, rows, sent_starts=(0, 7))["Police"] == "MLICOP"


def test_a_phrase_placed_by_what_cannot_be_resolved_is_left_alone(nlp: Language, kb: ActorKB) -> None:
    rows = [*NIGER[:7],
            ("Officials", "nsubj", 12, "NOUN", "NNS"), ("from", "prep", 7, "ADP", "IN"),
            ("three", "nummod", 11, "NUM", "CD"), ("European", "amod", 11, "ADJ", "JJ"),
            ("countries", "pobj", 8, "NOUN", "NNS"), ("met", "ROOT", 12, "VERB", "VBD"),
            (".", "punct", 12, "PUNCT", ".")]
    assert "Officials" not in codes(nlp, kb, rows, sent_starts=(0, 7))


def test_the_bloc_is_the_organisation_last_named(nlp: Language, kb: ActorKB) -> None:
    rows = [("ECOWAS", "nsubj", 1, "PROPN", "NNP"), ("met", "ROOT", 1, "VERB", "VBD"), (".", "punct", 1, "PUNCT", "."),
            ("The", "det", 4, "DET", "DT"), ("bloc", "nsubj", 5, "NOUN", "NN"), ("warned", "ROOT", 5, "VERB", "VBD"),
            ("Niger", "dobj", 5, "PROPN", "NNP"), (".", "punct", 5, "PUNCT", ".")]
    mentions = found(nlp, kb, rows, sent_starts=(0, 3))
    bloc = next(m for m in mentions if m.start == 4)
    assert bloc.actor.org == "ECOWAS" and bloc.actor.how.startswith("discourse:organisation")
    # without a determiner a noun is no reference
    rows[3] = ("Every", "det", 4, "DET", "DT")
    assert not any(m.start == 4 for m in found(nlp, kb, rows, sent_starts=(0, 3)))


def test_gunmen_belong_to_the_armed_group_last_named(nlp: Language, kb: ActorKB) -> None:
    rows = [("Kenya", "nsubj", 1, "PROPN", "NNP"), ("fought", "ROOT", 1, "VERB", "VBD"),
            ("al", "compound", 4, "PROPN", "NNP"), ("-", "punct", 4, "PUNCT", "HYPH"),
            ("Shabaab", "dobj", 1, "PROPN", "NNP"), (".", "punct", 1, "PUNCT", "."),
            ("The", "det", 7, "DET", "DT"), ("gunmen", "nsubj", 8, "NOUN", "NNS"), ("fled", "ROOT", 8, "VERB", "VBD"),
            (".", "punct", 8, "PUNCT", ".")]
    mentions = found(nlp, kb, rows, sent_starts=(0, 6))
    gunmen = next(m for m in mentions if m.head == 7)
    assert gunmen.actor.code == "SOMREB" and "armed group" in gunmen.actor.how


def test_focus_is_the_most_named_state() -> None:
    assert focus_country([]) is None


def test_a_name_the_copula_identifies_with_a_role_takes_it(nlp: Language, kb: ActorKB) -> None:
    # "Okonkwo became the Nigerian president."
    rows = [("Okonkwo", "nsubj", 1, "PROPN", "NNP"), ("became", "ROOT", 1, "VERB", "VBD"),
            ("the", "det", 4, "DET", "DT"), ("Nigerian", "amod", 4, "ADJ", "JJ"),
            ("president", "attr", 1, "NOUN", "NN"), (".", "punct", 1, "PUNCT", ".")]
    mentions = found(nlp, kb, rows)
    named = next(m for m in mentions if m.start == 0)
    assert named.actor.country == "NGA" and named.actor.how.startswith("discourse:copula")
